"""Deadline forms that name a calendar date: "15.01.", "31. März 2026",
"2026-03-12", "25. - 29.11.", "KW 12", "bis 04/2026"."""
from __future__ import annotations

import re
from datetime import date

from ..form import Ctx, Form, Res, registrar
from ..calendar_math import safe_date
from ..words import NB, Y4

FORMS: list[Form] = []
form = registrar(FORMS)


def date_common(gr, m: re.Match, c: Ctx, d: int, mo: int, year: int | None) -> Res:
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    if gr.blocked_before(c.low, m.start()):
        return None
    dt_ = gr.roll(lambda y: safe_date(y, mo, d), year, c.meeting)
    return "date", dt_, dt_


@form("numeric", lambda gr: NB + gr.num_date(), uses={"digit"}, is_date=True, needs_digit=True)
def numeric(gr, m: re.Match, c: Ctx) -> Res:
    year = gr.year_of(m.group("y4") or m.group("y2"))
    dot = m.group("dot")
    if not dot and year is None:  # "bis 31.03", but not "3.2", "ab 10.15", "von 9.30 bis 10.15"
        if not (c.has_label or gr.short_cues.intersection(c.prefix.replace(":", " ").split())):
            return None
        if gr.time_before_rx.search(c.low, max(0, c.start - 40), c.start):
            return None
    if gr.blocked_after(c.low, m.end()):
        return None
    ds, ms = m.group("d"), m.group("m")
    if (year is None and not c.prefix and not c.lead and not ds.startswith("0")
            and not ms.startswith("0") and not c.text[:m.start()].strip(" \t-–•*·(")):
        rest = c.text[m.end():]
        if rest[:1].isspace() and rest.lstrip()[:1].isupper():
            return None  # "3.2. Finanzen": an outline number at the start of a heading
    return date_common(gr, m, c, int(ds), int(ms), year)


@form("textual", lambda gr: NB + gr.text_date(), uses={"month"}, is_date=True, needs_digit=True)
def textual(gr, m: re.Match, c: Ctx) -> Res:
    return date_common(gr, m, c, int(m.group("td")), gr.month_of(m.group("mon")), gr.year_of(m.group("ty")))


@form("iso", lambda gr: rf"(?<![\w.,/-])(?P<y>{Y4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\d-])",
      uses={"digit"}, is_date=True, needs_digit=True)
def iso(gr, m: re.Match, c: Ctx) -> Res:
    mo, d = int(m.group("m")), int(m.group("d"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    dt_ = safe_date(int(m.group("y")), mo, d)
    return "date", dt_, dt_


@form("range", lambda gr: (
    rf"{NB}(?P<d1>\d{{1,2}})"
    rf"(?:\.(?:(?P<m1>\d{{1,2}})\.(?P<y1>{Y4}|\d{{2}})?|\s*(?P<mn1>{gr.month_tok})(?:\s+(?P<yn1>{Y4}))?)?"
    rf"|(?=[-–—]))"
    rf"\s*{gr.alt('range_separators')}\s*"
    rf"(?:{gr.num_date('d2', 'm2', 'dot2', 'y2a', 'y2b')}|{gr.text_date('d3', 'mn3', 'y3')})"),
      left=lambda gr: rf"(?<!\w){gr.alt('range_leads')}\s+$",
      uses={"digit"}, is_date=True, needs_digit=True)
def range(gr, m: re.Match, c: Ctx) -> Res:
    if gr.blocked_before(c.low, m.start()):
        return None
    if m.group("d2"):
        d2, m2 = int(m.group("d2")), int(m.group("m2"))
        y2 = gr.year_of(m.group("y2a") or m.group("y2b"))
        if not m.group("dot2") and y2 is None and not c.has_cue and c.left is None:
            return None
        if gr.blocked_after(c.low, m.end()):
            return None
    else:
        d2, m2 = int(m.group("d3")), gr.month_of(m.group("mn3"))
        y2 = gr.year_of(m.group("y3"))
    d1 = int(m.group("d1"))
    if m.group("m1"):
        m1, y1 = int(m.group("m1")), gr.year_of(m.group("y1"))
    elif m.group("mn1"):
        m1, y1 = gr.month_of(m.group("mn1")), gr.year_of(m.group("yn1"))
    else:
        m1, y1 = None, None
    if not (1 <= m2 <= 12 and 1 <= d2 <= 31 and 1 <= d1 <= 31) or (m1 is not None and not 1 <= m1 <= 12):
        return None
    if m1 is None and d1 >= d2:
        return None  # "29. - 25.11." is no range
    end = gr.roll(lambda y: safe_date(y, m2, d2), y2, c.meeting)
    sm = m2 if m1 is None else m1
    if y1 is not None:
        start = safe_date(y1, sm, d1)
    elif end is not None:
        start = safe_date(end.year, sm, d1)
        if start is not None and start > end:
            start = safe_date(end.year - 1, sm, d1)
    else:
        start = None
    if start is not None and end is not None and start > end:
        return None
    return "date", end, start


@form("kw", lambda gr: (
    rf"(?<!\w)(?:{gr.kw_words}|(?P<kwa>{gr.kw_abbr_rx})\.?)\s*(?P<w>\d{{1,2}})(?:\s*[-–]\s*(?P<w2>\d{{1,2}}))?"
    rf"(?:\s*[/.]\s*(?P<y>{Y4})|\s+(?P<yb>{Y4}))?(?!\d)"
    rf"|{NB}(?P<wa>\d{{1,2}})\.\s*(?:{gr.kw_words}|(?P<kwb>{gr.kw_abbr_rx})\.?)(?!\w)(?:\s+(?P<ya>{Y4})(?!\d))?"),
      uses={"kw"}, needs_digit=True)
def kw(gr, m: re.Match, c: Ctx) -> Res:
    w = int(m.group("w") or m.group("wa"))
    w2 = m.group("w2")
    if w2:
        if not w < int(w2) <= 53:
            return None
        w = int(w2)
    if not 1 <= w <= 53:
        return None
    if m.group("wa") and gr.blocked_before(c.low, m.start()):
        return None
    ab = "kwa" if m.group("kwa") else "kwb" if m.group("kwb") else None
    if ab and c.text[m.start(ab):m.end(ab)] not in gr.kw_abbr:
        return None  # "kw" / "kW" (kilowatt), only "KW"/"Kw" mean Kalenderwoche
    year = gr.year_of(m.group("y") or m.group("yb") or m.group("ya"))

    def make(y: int) -> date | None:
        try:
            return date.fromisocalendar(y, w, gr.week_wd)
        except ValueError:
            return None

    return "week", gr.roll(make, year, c.meeting), None


@form("month_num", lambda gr: rf"{NB}(?P<mnum>0?[1-9]|1[0-2])[/.](?P<y>{Y4})(?!\w|[.,/]\d)",
      uses={"digit"}, needs_digit=True)
def month_num(gr, m: re.Match, c: Ctx) -> Res:
    if not c.has_cue or gr.blocked_before(c.low, m.start()) or gr.blocked_after(c.low, m.end()):
        return None
    return "month_part", gr.month_day(int(m.group("y")), int(m.group("mnum")), "ende"), None
