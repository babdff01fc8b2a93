"""``python -m fixer`` runs the command line."""

from fixer.cli import console

console()
