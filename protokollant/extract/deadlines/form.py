"""What a deadline form is: a pattern (built from the vocabulary) and a resolver
that turns its match into (kind, date, range start), plus the context the
resolver sees.  The forms themselves are in ``forms/``."""
from __future__ import annotations

from datetime import date
from typing import Callable, Iterable


class Ctx:
    __slots__ = ("text", "low", "meeting", "next_meeting", "has_cue", "has_label", "prefix", "start", "lead", "left")

    def __init__(self, text, low, meeting, next_meeting, has_cue, has_label, prefix, start, lead, left):
        self.left = left  # the pattern's left-extension match or None
        self.lead = lead  # a weekday stands before the date
        self.text = text  # the original text (for case checks)
        self.low = low  # the lowercased text the patterns ran on
        self.meeting = meeting
        self.next_meeting = next_meeting
        self.has_cue = has_cue
        self.has_label = has_label
        self.prefix = prefix  # lowercased prefix text ("bis zum ")
        self.start = start  # start of the core match


# resolver result: (kind, date, range start date) or None to reject the candidate
Res = tuple[str, date | None, date | None] | None


class Form:
    """One deadline form.

    ``pattern(grammar)`` and ``left(grammar)`` return regex source (run on the
    lowercased text; ``left`` holds optional words before the core, searched
    leftwards); ``resolve(grammar, match, ctx)`` returns a ``Res``.  ``uses``
    names the trigger families (see ``Grammar``) one of which must occur in a
    text for the pattern to run ("digit" = the text has a digit).  ``is_date``:
    a plain calendar date (also used by ``find_dates``); ``needs_digit``: never
    matches a text without a digit."""

    __slots__ = ("name", "pattern", "resolve", "uses", "is_date", "needs_digit", "left")

    def __init__(self, name: str, pattern: Callable, resolve: Callable, uses: Iterable[str],
                 is_date: bool = False, needs_digit: bool = False, left: Callable | None = None):
        self.name = name
        self.pattern = pattern
        self.resolve = resolve
        self.uses = frozenset(uses)
        self.is_date = is_date
        self.needs_digit = needs_digit
        self.left = left


def registrar(forms: list[Form]) -> Callable:
    """A decorator ``form(name, pattern, *, uses, ...)`` that appends the decorated
    resolver with its pattern to ``forms`` (in the order of the source)."""

    def form(name: str, pattern: Callable, *, uses: Iterable[str], is_date: bool = False,
             needs_digit: bool = False, left: Callable | None = None) -> Callable:
        def put(resolve: Callable) -> Callable:
            forms.append(Form(name, pattern, resolve, uses, is_date, needs_digit, left))
            return resolve
        return put

    return form
