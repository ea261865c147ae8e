"""German deadline finder and normaliser ("bis 15.01.", "Ende März", "KW 12", ...).

Pure stdlib; all vocabulary (month and weekday names, cue words, next-meeting
nouns, vague words, blockers) lives in ``models/deadlines.json`` and is read once
per process (:func:`reload` re-reads it).

Layout: ``forms/`` is the table of deadline forms, one entry per form (its
pattern and its resolver together; ``forms/__init__.py`` says how to add one);
``grammar.py`` the vocabulary, the regex pieces and the trigger words that gate
the forms; ``matching.py`` the candidates in a text and the choice among them;
``calendar_math.py`` and ``words.py`` small helpers; this module the public API.

Public API
----------
``find_deadlines(text, meeting_date, next_meeting)``
    Every deadline expression in a sentence, in order, non-overlapping (the
    longest candidate wins).  ``DeadlineMatch.text`` is the verbatim slice
    ``text[start:end]`` and includes a leading label or preposition chain
    ("Frist:", "bis", "bis zum", "bis spätestens", "spätestens am", "am", "im",
    "in der" ...).
``parse_deadline(text, meeting_date, next_meeting)``
    One phrase (e.g. a "Bis wann" table cell) to a date: the first match that
    has a date.  A cell that only holds a bare weekday/month ("Freitag",
    "April", "31.03") is read as if "bis" stood before it.
``find_dates(text, reference)``
    Plain calendar dates (numeric, written month, ISO, with an optional
    weekday before them) as ``(start, end, date)``.

Conventions (the numbers come from ``conventions`` in the data file)
-------------------------------------------------------------------
* A deadline resolves to the LAST day it can reasonably mean.
* Anfang/Mitte/Ende <Monat>: Anfang = 10th (end of the month's first third),
  Mitte = 15th, Ende = last day.  "Anfang/Mitte März", "Mitte bis Ende März"
  take the later part.  A bare month ("im April", "bis April", "April 2026",
  "bis 04/2026") is the last day of the month.
* Quarter / half year / year: no part or Ende = last day of the period;
  Anfang = last day of its first month; Mitte = 15th of a quarter's middle
  month, last day of a half year's 3rd month, 30 June for a year.
* Weeks ("nächste Woche", "diese Woche", "Ende der Woche", "KW 12"): the Friday
  of that ISO week; Anfang der Woche = Monday, Mitte = Wednesday.
* Weekdays: "bis Freitag", "am Freitag", "nächsten/kommenden Freitag" = the next
  Friday strictly after the meeting date; "diesen Freitag" = on or after it;
  "übernächsten Freitag" = one week after "nächsten Freitag"; "nächste Woche
  Mittwoch" / "Mittwoch nächster Woche" = Wednesday of the ISO week after the
  meeting's week.  An explicit date next to a weekday wins.
* Relative: "in zwei Wochen" = meeting + 14 days, "in einem Monat" = same day
  next month (clamped), "in 3 Werktagen" skips Sat/Sun, "bis morgen" = +1,
  "übermorgen" = +2, "nächsten Monat" = end of next month, "nächstes Jahr" =
  31 Dec of next year.
* Missing year: the meeting's year; if that date lies more than
  ``rollover_days`` (183, ~6 months) before the meeting, the next year (a
  December meeting's "bis 15.01." is next January; an April meeting's "bis
  31.03." stays - a late deadline recorded as is).  find_dates uses the same
  rule with its ``reference``.  No meeting date and no year: date ``None``.
* Two-digit years are 20yy.
* Date ranges ("25. - 29.11.2024", "vom 10. bis 12.03."): find_dates returns
  the start, find_deadlines the END (a range read as "bis").
* Invalid calendar dates ("31.02.") are kept as a match with date ``None``
  (day > 31 or month > 12 is no match at all).
* Not dates: times ("14:30", "14.30 Uhr"), money ("15,50 €", "€ 12.10"),
  version/section/agenda numbers ("TOP 3.2.", "§ 2.3.", "Version 1.2."), vote
  counts ("5/0/1").  "DD.MM" without the final dot needs a cue ("bis 31.03").
  A year-less "3.2." at the very start of a text followed by a capitalised
  word (and no leading zeros) is read as an outline number ("3.2. Finanzen").
* "bis zur nächsten Sitzung" (and variants): ``next_meeting`` or ``None``;
  "eine Woche vor der nächsten Sitzung": ``next_meeting`` - 7 days.
* Vague ("zeitnah", "asap", "laufend", "bis zu den Sommerferien", "im Herbst"
  ...): kind "vague", date ``None`` - found so the text is kept.
"""
from __future__ import annotations

from __future__ import annotations

import datetime
import functools
import json
from dataclasses import dataclass
from datetime import date

from protokollant.paths import models_dir

from .grammar import Grammar
from .matching import candidates, select
from .words import norm

__all__ = ["DeadlineMatch", "find_deadlines", "parse_deadline", "find_dates", "reload", "KINDS"]

KINDS = ("date", "month_part", "week", "weekday", "relative", "quarter", "next_meeting", "vague")

DATA_FILE = "deadlines.json"


@dataclass(frozen=True, slots=True)
class DeadlineMatch:
    text: str  # verbatim slice of the input, incl. a leading "bis"/"bis zum"/"spätestens"/"Frist:"
    start: int  # char offsets in the input text
    end: int
    date: datetime.date | None  # resolved date, None when not determinable
    kind: str  # one of KINDS


@functools.lru_cache(maxsize=1)
def _grammar() -> Grammar:
    path = models_dir() / DATA_FILE
    with open(path, encoding="utf-8") as fh:
        return Grammar(json.load(fh))


def reload() -> None:
    """Forget the cached vocabulary (re-read models/deadlines.json on next use)."""
    _grammar.cache_clear()


# --------------------------------------------------------------------------- API


def find_deadlines(text: str, meeting_date: date | None = None, next_meeting: date | None = None) -> list[DeadlineMatch]:
    """All deadline expressions in a sentence, in order, non-overlapping (longest wins)."""
    if not text:
        return []
    g = _grammar()
    cands = candidates(g, text, meeting_date, next_meeting, dates_only=False)
    if not cands:
        return []
    return [DeadlineMatch(text[s:e], s, e, dt_, kind) for s, e, _, kind, dt_, _, _ in select(cands)]


def states_start(match: DeadlineMatch) -> bool:
    """Whether a match says when something starts ("ab Oktober", "frühestens am 3.5."): a date, not a deadline."""
    return says_start(match.text)


def says_start(text: str) -> bool:
    """Whether a time phrase (a match, a 'Termin' cell) says when something starts: "ab 05.05.2026"."""
    lead = norm(text)
    return any(lead == w or lead.startswith(w + " ") for w in _grammar().start_leads)


def parse_deadline(text: str, meeting_date: date | None = None, next_meeting: date | None = None) -> date | None:
    """Resolve one deadline phrase (e.g. a 'Bis wann' table cell) to a date."""
    if not text or not text.strip():
        return None
    matches = find_deadlines(text, meeting_date, next_meeting)
    if not matches:  # a bare "Freitag" / "April" / "31.03" in a cell: read it as "bis ..."
        matches = find_deadlines("bis " + text.strip(), meeting_date, next_meeting)
    for m in matches:
        if m.date is not None:
            return m.date
    return None


def find_dates(text: str, reference: date | None = None) -> list[tuple[int, int, date]]:
    """Plain calendar dates in a text: '12.03.2026', '12.3.26', '12. März 2026', '2026-03-12',
    'Donnerstag, 12. März 2026'; a missing year comes from ``reference`` (see module doc).
    A range gives its start date."""
    if not text:
        return []
    g = _grammar()
    cands = candidates(g, text, reference, None, dates_only=True)
    out = []
    for s, e, _, _, dt_, start_dt, _ in select(cands):
        d = start_dt or dt_
        if d is not None:
            out.append((s, e, d))
    return out
