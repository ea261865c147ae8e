"""A cheap word test in front of the cue regexes: most sentences hold none of the words a
pattern needs, and one scan of the lowercased text for them (a case-sensitive alternation
of plain words, which the engine skips through by their first letters) rules those
sentences out at a fraction of what the cue regex costs to find no match: with
``re.IGNORECASE`` it tries every alternative at every position.

``gated(rx)`` reads, from the parsed pattern, a set of words one of which every match
contains (case-insensitively), and returns an object that answers ``search``/``match``/
``finditer`` with "no match" when the text holds none of them, and otherwise exactly as
``rx`` does. A pattern whose required words it cannot tell (or whose words hold letters
outside plain German lower case) is returned unchanged.

Why the test cannot miss a match: with IGNORECASE the engine lets a text letter ``t``
match a pattern letter ``p`` when ``lower(t) == lower(p)``, or when the two are one of its
extra pairs (``i``/``ı``, ``s``/``ſ``, and Greek and Cyrillic ones). The words kept here
hold only the letters of ``_PLAIN``, and ``_fold`` (``İ``, ``ı``, ``ſ`` replaced, then
``str.lower()``) maps every text letter the engine equates with one of those to that very
letter, one letter for one; tests/extract/test_rx_gate.py checks this for every code point.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable

try:  # the regex parser of the standard library (internal; absent elsewhere: no gating)
    from re import _constants as _c, _parser
except ImportError:  # pragma: no cover
    _parser = None

_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzäöüß0123456789 !\"#%&'()*+,-./:;<=>?@[]_{}|~„“”‘’–—…✓✔☑→⇒•")
_FOLD_EXTRA = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _fold(text: str) -> str:
    """Lower case, with the letters the regex engine equates with ``i``/``s`` but ``lower()`` does not."""
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_FOLD_EXTRA)
    return text.lower()


# The last two texts folded and their folds: the gated cues of a sentence share them (a
# sentence is asked about as written and whitespace-collapsed, often the same string).
_last: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", ""))


def _folded(text: str) -> str:
    global _last
    last = _last  # one tuple, replaced whole: threads never see a text with another's fold
    if last[0][0] == text:
        return last[0][1]
    if last[1][0] == text:
        return last[1][1]
    folded = _fold(text)
    _last = ((text, folded), last[0])
    return folded


_MAX_SPELLINGS = 64
"""A run of literal pieces is kept as whole words up to this many spellings ("b" + "(?:ittet|at)")."""


def _spellings(op, av) -> frozenset[str] | None:
    """The strings a parsed element can match when it is plain literals only (a letter,
    "[✓✔☑]", "(?:bat|baten)"), lowercased; else None."""
    if op is _c.LITERAL:
        ch = chr(av).lower()
        return frozenset({ch}) if len(ch) == 1 and ch in _PLAIN else None
    if op is _c.IN:
        if not all(kind is _c.LITERAL for kind, _ in av):
            return None
        chars = frozenset(chr(code).lower() for _, code in av)
        return chars if all(len(ch) == 1 and ch in _PLAIN for ch in chars) else None
    if op is _c.SUBPATTERN:
        return _sequence_spellings(av[3])
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            spellings = _sequence_spellings(alternative)
            if spellings is None:
                return None
            out |= spellings
        return frozenset(out) if len(out) <= _MAX_SPELLINGS else None
    return None


def _sequence_spellings(items) -> frozenset[str] | None:
    out = frozenset({""})
    for op, av in items:
        spellings = _spellings(op, av)
        if spellings is None:
            return None
        out = frozenset(a + b for a in out for b in spellings)
        if len(out) > _MAX_SPELLINGS:
            return None
    return out


def _required(items) -> frozenset[str] | None:
    """Words one of which every match of the parsed sequence ``items`` contains, or None.

    Consecutive literal pieces join into words (the parser splits "bittet|bat" into "b" and
    "(?:ittet|at)"); any other piece that every match passes through is looked into."""
    options: list[frozenset[str]] = []
    run = frozenset({""})  # the spellings of the literal pieces since the last other one

    def end_run() -> None:
        nonlocal run
        if "" not in run:
            options.append(run)
        run = frozenset({""})

    for op, av in items:
        spellings = _spellings(op, av)
        if spellings is not None:
            joined = frozenset(a + b for a in run for b in spellings)
            if len(joined) > _MAX_SPELLINGS:
                end_run()
                joined = spellings
            run = joined
            continue
        end_run()
        inner = None
        if op is _c.SUBPATTERN:
            inner = _required(av[3])
        elif op is _c.BRANCH:
            alternatives = [_required(a) for a in av[1]]
            if all(alternatives):
                inner = frozenset().union(*alternatives)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        elif op is _c.ATOMIC_GROUP:
            inner = _required(av)
        if inner:
            options.append(inner)
    end_run()
    if not options:
        return None
    # The most selective: long words, few of them.
    return max(options, key=lambda words: (
        all(map(_selective, words)), min(map(len, words)), sum(map(len, words)) / len(words), -len(words)))


class GatedPattern:
    """``rx`` behind the word test; every other attribute is the pattern's own."""

    __slots__ = ("rx", "words", "_gate")

    def __init__(self, rx: re.Pattern, words: frozenset[str]):
        self.rx = rx
        self.words = words
        # One scan for any of the words (no IGNORECASE: the engine skips to their first letters).
        self._gate = _any_of(words)

    def search(self, string: str, *args, **kwargs):
        if args or kwargs or self._gate(_folded(string)) is not None:
            return self.rx.search(string, *args, **kwargs)
        return None

    def match(self, string: str, *args, **kwargs):
        if args or kwargs or self._gate(_folded(string)) is not None:
            return self.rx.match(string, *args, **kwargs)
        return None

    def finditer(self, string: str, *args, **kwargs):
        if args or kwargs or self._gate(_folded(string)) is not None:
            return self.rx.finditer(string, *args, **kwargs)
        return iter(())

    def __getattr__(self, name: str):
        # Not the slots (unset while unpickling or copying) nor protocols such as __deepcopy__:
        # those are this object's own.
        if name in GatedPattern.__slots__ or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"gated({self.rx!r})"


def gated(rx: re.Pattern, *, short_words: bool = False):
    """``rx`` with the word test in front, or ``rx`` itself when no required words are known.
    ``short_words``: gate on words of one or two letters too ("ja", "nein")."""
    if _parser is None or isinstance(rx.pattern, bytes):
        return rx
    try:
        words = _required(_parser.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001 - an unexpected parse tree: no gating, never an error
        return rx
    if not words or not (short_words or all(_selective(w) for w in words)):
        return rx  # nothing required, or words that occur in most sentences ("ie", "en")
    return GatedPattern(rx, words)


def any_may_match(patterns) -> Callable[[str], bool]:
    """One word test for several patterns tried in turn: false only where none of them can
    match (each gated, and the text holds none of the words of any of them), so most texts
    take one scan instead of one per pattern."""
    if not patterns or not all(isinstance(p, GatedPattern) for p in patterns):
        return lambda text: True
    gate = _any_of(frozenset().union(*(p.words for p in patterns)))
    return lambda text: gate(_folded(text)) is not None


def _any_of(words: frozenset[str]):
    """``search`` of a regex that finds any of ``words`` in a text; a word holding another
    is left out ("sagt" finds "sagte" too), which keeps the alternation short. Many words are
    spelled as a tree of their common beginnings ("ü(?:berblick|bernimmt)"): the engine then
    tries each letter once at a position instead of once per word (measured: a quarter to a
    half faster from about ten words; below that the plain list is as fast or faster)."""
    kept = [w for w in words if not any(v != w and v in w for v in words)]
    if len(kept) >= _TREE_FROM:
        return re.compile(_tree(sorted(kept))).search
    return re.compile("|".join(re.escape(w) for w in sorted(kept, key=len, reverse=True))).search


_TREE_FROM = 10


def _tree(words: list[str]) -> str:
    """An alternation of ``words`` (none holding another) factored by common beginnings."""
    alternatives = []
    for first, group in itertools.groupby(words, key=lambda w: w[:1]):
        rests = [w[1:] for w in group]
        if len(rests) == 1:
            alternatives.append(re.escape(first + rests[0]))
        else:  # no word holds another: no rest is empty
            alternatives.append(re.escape(first) + _tree(rests))
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def _selective(word: str) -> bool:
    """Whether a required word rules out many sentences: three letters or more, or a sign ("✓", "[")."""
    return len(word) >= 3 or not any(ch.isalnum() for ch in word)

