"""Office settings, from environment variables (one place, documented in the README).

    PROTOKOLLANT_TIMEZONE      Zeitzone für Zeiten in Meldungen, Verlauf, Bericht (Standard Europe/Berlin)
    PROTOKOLLANT_LAND          Bundesland für Feiertage, z. B. BY, NW, BE (Standard: nur bundesweite Feiertage)
    PROTOKOLLANT_ICS_ERINNERUNG  Tage vor der Frist für die Kalender-Erinnerung (VALARM), Standard 3; 0 = keine
    PROTOKOLLANT_AUFBEWAHRUNG  Aufbewahrungsfrist in Tagen für den nächtlichen Lauf (Standard: unbegrenzt)
"""
from __future__ import annotations

import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Europe/Berlin"
DEFAULT_ALARM_DAYS = 3

LAENDER = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg", "HB": "Bremen", "HH": "Hamburg",
    "HE": "Hessen", "MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz", "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}


def timezone() -> ZoneInfo:
    name = os.environ.get("PROTOKOLLANT_TIMEZONE") or DEFAULT_TIMEZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def land() -> str | None:
    """Bundesland code (upper case) or None for nationwide holidays only."""
    value = (os.environ.get("PROTOKOLLANT_LAND") or "").strip().upper()
    return value if value in LAENDER else None


def _int_env(name: str, default: int | None) -> int | None:
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        return max(0, int(raw))
    except ValueError:
        return default


def alarm_days() -> int:
    return _int_env("PROTOKOLLANT_ICS_ERINNERUNG", DEFAULT_ALARM_DAYS) or 0


def retention_days() -> int | None:
    return _int_env("PROTOKOLLANT_AUFBEWAHRUNG", None)


__all__ = ["DEFAULT_ALARM_DAYS", "DEFAULT_TIMEZONE", "LAENDER", "alarm_days", "land", "retention_days", "timezone"]
