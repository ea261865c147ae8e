"""Deadlines that land on a public holiday move to the previous working day, with a note.

Post-processing of a finished record (called by the pipeline after
extraction; the extraction itself is not changed). Only deadlines the minutes
gave as a *week* ("KW 18", "nächste Woche", "Ende der Woche") or a *weekday*
("bis Freitag") are moved: "KW 18" 2026 resolves to Friday 1 May, a holiday,
and nobody expects a delivery then. A deadline written as an explicit date
("bis 01.05.2026") is left as written — the author chose that day.

Holidays: the ``holidays`` package, Germany, nationwide plus the Land in
PROTOKOLLANT_LAND (e.g. BY, NW; see settings.py).
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .german import format_date
from .settings import LAENDER, land as configured_land

# an explicit calendar date in the deadline text ("01.05.", "1. Mai", "2026-05-01"): never moved
_EXPLICIT_DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\s*(?:Jan|Feb|Mär|Mae|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)",
    re.IGNORECASE,
)
_WEEK_OR_WEEKDAY = re.compile(
    r"\bKW\s*\d{1,2}\b|\bKalenderwoche\b|\bWoche\b|\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)s?\b"
    r"|\b(?:Mo|Di|Mi|Do|Fr|Sa|So)\.(?=\s|$)",
    re.IGNORECASE,
)
_WEEKDAY_SHORT = ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.")


@lru_cache(maxsize=64)
def _calendar(year: int, subdiv: str | None):
    import holidays  # on first use: the holiday tables take longer to import than a whole document takes

    return holidays.Germany(years=(year - 1, year, year + 1), subdiv=subdiv, language="de")


def holiday_name(day: dt.date, subdiv: str | None = None) -> str | None:
    return _calendar(day.year, subdiv).get(day)


def previous_working_day(day: dt.date, subdiv: str | None = None) -> dt.date:
    """The last day on or before ``day`` that is Monday–Friday and no public holiday."""
    while day.isoweekday() > 5 or holiday_name(day, subdiv):
        day -= dt.timedelta(days=1)
    return day


def is_movable(text: str | None) -> bool:
    """A week or weekday deadline without an explicit date."""
    return bool(text) and bool(_WEEK_OR_WEEKDAY.search(text)) and not _EXPLICIT_DATE.search(text)


def _de(day: dt.date) -> str:
    return f"{_WEEKDAY_SHORT[day.weekday()]} {format_date(day)}"


def shift_holiday_deadlines(record, *, subdiv: str | None = None, use_settings: bool = True) -> list[str]:
    """Move week/weekday deadlines of ``record.action_items`` off public holidays (in place).

    Returns the notes (also appended to ``record.warnings``), one per moved deadline.
    """
    subdiv = subdiv if subdiv is not None else (configured_land() if use_settings else None)
    if subdiv is not None and subdiv not in LAENDER:
        subdiv = None
    notes: list[str] = []
    for item in record.action_items:
        due = item.due
        if due is None or due.date is None or not is_movable(due.text):
            continue
        name = holiday_name(due.date, subdiv)
        if not name:
            continue
        moved = previous_working_day(due.date, subdiv)
        note = (f"Frist „{due.text}“ fiel auf {_de(due.date)} ({name}, Feiertag) und wurde auf den "
                f"vorherigen Arbeitstag {_de(moved)} vorgezogen: {item.task}")
        due.date = moved
        notes.append(note)
    record.warnings.extend(notes)
    return notes


__all__ = ["holiday_name", "is_movable", "previous_working_day", "shift_holiday_deadlines"]
