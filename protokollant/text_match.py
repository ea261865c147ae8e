"""How the evaluation compares texts: the words a text is compared by, F1 with a containment
rule, institution names (initials), one-to-one pairing of items. Also used by role training."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_WEB_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

# Function words that carry no content for matching. Deliberately absent:
# negations ("nicht", "kein") and words that decide an outcome.
_IGNORED_WORDS = frozenset(
    # articles
    ["der", "die", "das", "den", "dem", "des",
     "ein", "eine", "einer", "eines", "einem", "einen"]
    # conjunctions and particles
    + ["und", "oder", "dass", "es", "sich", "als", "auch", "noch"]
    # prepositions and contractions
    + ["zu", "zur", "zum", "im", "in", "am", "an", "auf", "für", "von", "vom",
       "mit", "bei", "nach", "bis", "über", "aus"]
    # auxiliaries
    + ["ist", "sind", "wird", "werden", "wurde", "wurden", "soll", "sollen"]
)


_CONTAINED_SHARE = 0.8  # words of the shorter text found in the longer one
_CONTAINED_FLOOR = 0.75  # the score such a text gets at least
_CONTAINED_MIN_WORDS = 3
_OWNER_CONTAINED = 0.5


def tokens(text: str | None) -> list[str]:
    """The words a text is compared by (see the module docstring)."""
    if not text:
        return []
    cleaned = _WEB_ADDRESS_RE.sub(" ", unicodedata.normalize("NFKC", text)).casefold()
    return [tok for tok in _TOKEN_RE.findall(cleaned) if tok not in _IGNORED_WORDS]


def _f1_and_containment(a: list[str], b: list[str]) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    shared = sum((Counter(a) & Counter(b)).values())
    return 2 * shared / (len(a) + len(b)), shared / min(len(a), len(b))


def similarity(a: list[str], b: list[str]) -> float:
    """Token F1 of two token lists, raised to 0.75 for a near-contained text."""
    f1, contained = _f1_and_containment(a, b)
    shorter, longer = min(len(a), len(b)), max(len(a), len(b))
    nearly_inside = (
        shorter >= _CONTAINED_MIN_WORDS
        and contained >= _CONTAINED_SHARE
        and longer <= 2 * shorter
    )
    return max(f1, _CONTAINED_FLOOR) if nearly_inside else f1


def _initials(name: str) -> str:
    return "".join(word[0] for word in _TOKEN_RE.findall(name) if word[0].isupper()).casefold()


def institution_similarity(a: str, b: str) -> float:
    """1.0 when the shorter name is the acronym of the longer; else token F1."""
    first, second = a.strip(), b.strip()
    # the shorter one; with equal lengths the first argument counts as shorter
    short, long_ = (second, first) if len(second) < len(first) else (first, second)
    if short.isupper() and 2 <= len(short) <= 6 and short.casefold() == _initials(long_):
        return 1.0
    return _f1_and_containment(tokens(a), tokens(b))[0]


def same_owner(a: str, b: str) -> bool:
    return _f1_and_containment(tokens(a), tokens(b))[1] >= _OWNER_CONTAINED


def pair_items(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of (score, gold index, predicted index) candidates.

    Highest score first; among equal scores the candidate with the higher gold
    index, then the higher predicted index, is taken first (this order is part
    of the rules: it fixes the outcome when ties compete for the same item).
    """
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def match_texts(gold: list[list[list[str]]], pred: list[list[list[str]]], threshold: float) -> list[tuple[int, int]]:
    """Pair items given as lists of alternative token lists."""
    candidates = []
    for gi, gold_alts in enumerate(gold):
        for pi, pred_alts in enumerate(pred):
            best = max((similarity(g, p) for g in gold_alts for p in pred_alts), default=0.0)
            if best >= threshold:
                candidates.append((best, gi, pi))
    return pair_items(candidates)


def letters_in_order(letters: str, text: str) -> bool:
    """Whether the letters occur in ``text`` in this order (case-insensitive): "PSZ" in
    "Psychosoziales Zentrum", "TO" in "folgende Tagesordnung" (how abbreviations spell names)."""
    pos, text = 0, text.casefold()
    for letter in letters.casefold():
        pos = text.find(letter, pos)
        if pos < 0:
            return False
        pos += 1
    return True


__all__ = ["institution_similarity", "letters_in_order", "match_texts", "pair_items", "same_owner", "similarity", "tokens"]
