"""``python -m fixer`` runs the command line."""

import sys

from fixer.cli import main

sys.exit(main())
