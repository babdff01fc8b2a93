"""fixer: find garbled medical terms (tortured phrases) in health content and put the right
terms back.

>>> from fixer import check_text, fix_text
>>> fix_text("Leukemia affects white platelets.")
'Leukemia affects white blood cells.'
"""

from fixer.engine import apply_fixes, check_text, fix_text
from fixer.model import Finding, FixSafety, Severity

__version__ = "0.1.0"
__all__ = [
    "Finding",
    "FixSafety",
    "Severity",
    "__version__",
    "apply_fixes",
    "check_text",
    "fix_text",
]
