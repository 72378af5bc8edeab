"""Polish folding for full-text search: lower case, no diacritics, ł → l.

SQLite's ``unicode61`` tokenizer with ``remove_diacritics`` strips combining marks only, and
"ł" has none (it is a letter of its own, U+0142), so "lodz" would never find "Łódź". praktyki
therefore folds the text it indexes *and* every query with :func:`fold_polish`.
"""

from __future__ import annotations

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


def fold_polish(text: str) -> str:
    """Fold ``text`` for search: ``fold_polish("Łódź ŚWIĘTOKRZYSKIE") == "lodz swietokrzyskie"``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NON_DECOMPOSING))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # casefold, not lower: it also folds "ß" to "ss" and the like.
    return stripped.casefold()
