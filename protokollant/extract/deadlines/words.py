"""String helpers and regex pieces shared by the deadline grammar and its forms."""
from __future__ import annotations

import re

Y4 = r"(?:19|20)\d{2}"
NB = r"(?<![\w.,/])"  # a number starts here (not inside "1.2.3", "12,50", "3/4")
WORD_RX = re.compile(r"\w+")
DIGIT_RX = re.compile(r"\d")


def word_re(phrase: str) -> str:
    return r"\s+".join(re.escape(p) for p in phrase.split())


def alt(words) -> str:
    """Regex alternation of lowercase words/phrases, longest first (patterns run on lowercased text)."""
    ws = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(word_re(w) for w in ws) + ")"


def lower_same_length(text: str) -> str:
    """text.lower() with unchanged offsets (a char whose lowercase is longer, like 'İ', stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def norm(s: str) -> str:
    return " ".join(s.lower().split())
