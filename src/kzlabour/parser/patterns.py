"""Regular expressions several parser steps share, written so they cannot backtrack quadratically."""

from __future__ import annotations

import re

__all__ = ["EMAIL"]

# The look-behind lets a match start only where a run of address characters starts: without it a
# long word with no "@" is rescanned from every one of its positions (quadratic time).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
