"""German wording helpers, the one place for them: singular/plural, dates (dd.mm.yyyy and
"12. März 2026"), local times, numbers, status words.

Times are stored in UTC (ISO 8601) and shown in the office's time zone
(settings.timezone(), Europe/Berlin by default) as "05.12.2026, 14:30 Uhr".
"""
from __future__ import annotations

import datetime as dt
import re

from .settings import timezone
from .statuses import STATUS_LABELS_DE

# noun -> plural, for the counts the CLI and the reports print
PLURALS = {
    "Aufgabe": "Aufgaben", "Beschluss": "Beschlüsse", "TOP": "TOPs", "Institution": "Institutionen",
    "Datei": "Dateien", "Dokument": "Dokumente", "Duplikat": "Duplikate", "Sitzung": "Sitzungen",
    "Aufgabenliste": "Aufgabenlisten", "Termin": "Termine", "Eintrag": "Einträge", "Tag": "Tage",
    "Unterordner": "Unterordner", "Frist": "Fristen", "Tagesordnungspunkt": "Tagesordnungspunkte",
    "Gremium": "Gremien", "Person": "Personen",
}


def n_(count: int, singular: str, plural: str | None = None) -> str:
    """``1 Aufgabe`` / ``2 Aufgaben`` (``0 Aufgaben``)."""
    word = singular if count == 1 else (plural or PLURALS.get(singular, singular))
    return f"{count} {word}"


def local_datetime(value: str | dt.datetime | None) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(timezone())


def format_local(value: str | dt.datetime | None, *, seconds: bool = False) -> str:
    """"05.12.2026, 14:30 Uhr" in the office's time zone; unparseable text is returned as is."""
    local = local_datetime(value)
    if local is None:
        return "" if value is None else str(value)
    return local.strftime("%d.%m.%Y, %H:%M:%S Uhr" if seconds else "%d.%m.%Y, %H:%M Uhr")


def format_date(value: dt.date | None) -> str:
    """dd.mm.yyyy, the one numeric date format of every output (also for years before 1000)."""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}" if value else ""


HONORIFICS = ("frau", "herr", "herrn")
"""Salutations before a name ("Frau Berger"), lower case."""
ACADEMIC_TITLES = ("dr", "prof")
"""Titles before a name, with or without the dot ("Dr. Lindner")."""
SALUTATION_RE = re.compile(rf"^(?:{'|'.join(HONORIFICS)})\s+", re.I)
TITLE_RE = re.compile(rf"^(?:{'|'.join(ACADEMIC_TITLES)})\.?\s+", re.I)
SALUTATION_OR_TITLE_RE = re.compile(rf"^(?:{'|'.join(HONORIFICS)}|(?:{'|'.join(ACADEMIC_TITLES)})\.?)\s+", re.I)

NO_INSTITUTION = "ohne Zuordnung"
"""Where an action item without an institution is listed."""

MONTHS_DE = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)


def format_date_de(value: dt.date | None) -> str:
    """12. März 2026 (empty string for None)."""
    if value is None:
        return ""
    return f"{value.day}. {MONTHS_DE[value.month - 1]} {value.year}"


def format_date_numeric(value: dt.date | None) -> str:
    """12.03.2026 (empty string for None)."""
    return format_date(value)


def format_datetime_de(value: dt.datetime | None) -> str:
    """13. März 2026, 09:30 Uhr — in the office's time zone (settings: PROTOKOLLANT_TIMEZONE,
    Europe/Berlin), which people read without converting; a naive value is shown as stored."""
    if value is None:
        return ""
    if value.utcoffset() is not None:
        value = value.astimezone(timezone())
    return f"{format_date_de(value.date())}, {value:%H:%M} Uhr"


def format_int_de(value: int) -> str:
    """41705 -> 41.705"""
    return f"{value:,}".replace(",", ".")


def format_percent(value: float) -> str:
    return f"{round(value * 100)} %"


def format_confidence_csv(value: float) -> str:
    """0.85 -> 0,85 (a number for German Excel)."""
    return f"{value:.2f}".replace(".", ",")


def round_confidence(value: float | None) -> float | None:
    """Two decimals, as shown to people (no 0.7999999999999999)."""
    return None if value is None else round(float(value), 2)




# History of an action item: stored with English field codes and values (data), shown in German.
HISTORY_FIELDS = {
    "created": "angelegt", "task": "Aufgabe", "due (extrahiert)": "Frist (erkannt)",
    "responsible (extrahiert)": "Verantwortlich (erkannt)", "in_source": "im Protokoll", "status": "Status",
    "responsible": "Verantwortlich", "due": "Frist", "note": "Notiz",
}


def history_field(code: str) -> str:
    return HISTORY_FIELDS.get(code, code)


def history_value(code: str, value: str | None) -> str | None:
    """Status codes as German words, ISO dates as TT.MM.JJJJ; anything else unchanged."""
    if value is None:
        return None
    if code == "status":
        return STATUS_LABELS_DE.get(value, value)
    if code.startswith("due"):
        try:
            return format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value


__all__ = [
    "ACADEMIC_TITLES", "HONORIFICS", "MONTHS_DE", "NO_INSTITUTION", "PLURALS", "SALUTATION_OR_TITLE_RE", "SALUTATION_RE", "TITLE_RE", "STATUS_LABELS_DE", "format_confidence_csv", "format_date", "format_date_de", "format_date_numeric",
    "format_datetime_de", "format_int_de", "format_local", "format_percent", "history_field", "history_value", "local_datetime",
    "n_", "round_confidence",
]
