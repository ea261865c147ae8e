"""Calendar arithmetic for resolving deadlines (months, work days, ISO weeks)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    q, r = divmod(m - 1 + n, 12)
    return y + q, r + 1


def add_months(d: date, n: int) -> date:
    y, m = shift_month(d.year, d.month, n)
    return date(y, m, min(d.day, last_day(y, m)))


def add_workdays(d: date, n: int) -> date:
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += timedelta(days=step)
        if d.isoweekday() <= 5:
            left -= 1
    return d


def shift(d: date, unit: str, n: float) -> date:
    if unit == "day":
        return d + timedelta(days=round(n))
    if unit == "workday":
        return add_workdays(d, round(n))
    return add_months(d, round(n))


def monday(d: date) -> date:
    return d - timedelta(days=d.isoweekday() - 1)
