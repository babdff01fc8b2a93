"""``python -m fixer`` runs the command line."""

from fixer.cli import console

if __name__ == "__main__":
    console()
