"""Polish folding for full-text search: lower case, no diacritics, ł → l.

SQLite's ``unicode61`` tokenizer with ``remove_diacritics`` strips combining marks only, and
"ł" has none (it is a letter of its own, U+0142), so "lodz" would never find "Łódź". praktyki
therefore folds the text it indexes *and* every query with :func:`fold_polish`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_polish"]

# Letters that Unicode does not decompose into base letter + combining mark.
_NON_DECOMPOSING = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ø": "o",
        "Ø": "o",
        "ħ": "h",
        "Ħ": "h",
        "ı": "i",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)


# Combining marks (diacritics, accents, cedillas, ogoneks, dots) left over by NFKD.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_polish(text: str) -> str:
    """Fold ``text`` for search: ``fold_polish("Łódź ŚWIĘTOKRZYSKIE") == "lodz swietokrzyskie"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NON_DECOMPOSING))
    stripped = _COMBINING.sub("", decomposed)
    # casefold, not lower: it also folds "ß" to "ss" and the like.
    return stripped.casefold()
