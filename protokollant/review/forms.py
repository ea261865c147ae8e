"""What the review page reads from a request: filters, the reviewer's name, a submitted deadline."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import unquote

from fastapi import Request

from ..register import InvalidValueError, ItemView, Register, parse_due

NAME_COOKIE = "protokollant_name"
MAX_NAME_CHARS = 80
FILTER_KEYS = ("institution", "status", "meeting", "overdue")


def filters_of(query: dict[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """The known, non-empty filter values of a query."""
    pairs = query.items() if isinstance(query, dict) else query
    out: dict[str, str] = {}
    for key, value in pairs:
        if key in FILTER_KEYS and value and value.strip() and key not in out:
            out[key] = value.strip()[:200]
    return out


def list_filtered(reg: Register, filters: dict[str, str]) -> list[ItemView]:
    return reg.list_items(
        status=filters.get("status") or None,
        institution=filters.get("institution") or None,
        overdue=True if filters.get("overdue") else None,
        meeting=filters.get("meeting") or None,
    )


def clean_name(raw: str | None) -> str:
    """A reviewer name as stored: printable, single-spaced, at most MAX_NAME_CHARS."""
    text = "".join(ch for ch in (raw or "") if ch.isprintable())
    return " ".join(text.split())[:MAX_NAME_CHARS]


def cookie_name(request: Request) -> str:
    return clean_name(unquote(request.cookies.get(NAME_COOKIE, "")))


def same_due(text: str, current: dt.date | None) -> bool:
    """Is the submitted deadline (TT.MM.JJJJ or JJJJ-MM-TT, empty = none) the current one?"""
    text = text.strip()
    if not text:
        return current is None
    try:
        return parse_due(text) == current
    except InvalidValueError:
        return False  # set_item reports the invalid date
