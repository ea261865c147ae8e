"""Deadline forms that name a month, year, quarter or half year: "Ende März",
"Mitte nächsten Jahres", "bis April", "nächsten Monat", "Q3/2026", "Ende des Quartals"."""
from __future__ import annotations

import re
from datetime import date

from ..form import Ctx, Form, Res, registrar
from ..calendar_math import shift_month
from ..words import Y4, norm

FORMS: list[Form] = []
form = registrar(FORMS)


@form("part_period", lambda gr: (
    rf"(?<!\w){gr.parts_g}\s+(?:"
    rf"(?P<mon>{gr.month_tok})(?:\s*(?P<y>{Y4})(?!\d))?"
    rf"|(?P<mnum>0?[1-9]|1[0-2])\s*[/.]\s*(?P<my>{Y4})(?!\d)"
    rf"|(?P<yr>{Y4})(?!\d)"
    rf"|(?:(?:des|dem)\s+)?(?:(?P<mm>{gr.mod_all})\s+)?(?P<mw>{gr.month_words})(?!\w)"
    rf"|(?:(?:des|dem)\s+)?(?:(?P<ym>{gr.mod_all})\s+)?(?P<yw>{gr.year_words})(?:\s+(?P<yy>{Y4}))?(?!\w))"),
      uses={"part"})
def part_period(gr, m: re.Match, c: Ctx) -> Res:
    part = gr.part_of(m)
    meeting = c.meeting
    if m.group("mon"):
        mo = gr.month_of(m.group("mon"))
        return "month_part", gr.roll(lambda y: gr.month_day(y, mo, part), gr.year_of(m.group("y")), meeting), None
    if m.group("mnum"):
        return "month_part", gr.month_day(int(m.group("my")), int(m.group("mnum")), part), None
    if m.group("yr"):
        return "month_part", gr.period_date("year", int(m.group("yr")), 1, part), None
    if m.group("mw"):
        if meeting is None:
            return "month_part", None, None
        y, mo = shift_month(meeting.year, meeting.month, gr.mod_offset(m.group("mm")) or 0)
        return "month_part", gr.month_day(y, mo, part), None
    # year words: "Ende des Jahres", "Mitte nächsten Jahres", "Ende des Jahres 2026"
    if m.group("yy"):
        return "month_part", gr.period_date("year", int(m.group("yy")), 1, part), None
    if meeting is None:
        return "month_part", None, None
    return "month_part", gr.period_date("year", meeting.year + (gr.mod_offset(m.group("ym")) or 0), 1, part), None


@form("bare_month", lambda gr: rf"(?<!\w)(?P<mon>{gr.month_tok})(?:\s*(?P<y>{Y4})(?!\d))?", uses={"month"})
def bare_month(gr, m: re.Match, c: Ctx) -> Res:
    word = norm(m.group("mon"))
    year = gr.year_of(m.group("y"))
    if year is None:
        if not c.has_cue:
            return None
        if word not in gr.months and not word.endswith("."):
            return None  # "bis Jan" (a name?) - abbreviations need a dot or a year
    mo = gr.month_of(word)
    return "month_part", gr.roll(lambda y: gr.month_day(y, mo, "ende"), year, c.meeting), None


@form("rel_period", lambda gr: (
    rf"(?<!\w)(?P<rm>{gr.mod_all})\s+(?:(?P<pm>{gr.month_words})|(?P<py>{gr.year_words})|(?P<pq>{gr.quarter_words})"
    rf"|(?P<ph>{gr.half_words}))(?!\w)"), uses={"mod"})
def rel_period(gr, m: re.Match, c: Ctx) -> Res:
    off = gr.mod_offset(m.group("rm")) or 0
    kind = "quarter" if (m.group("pq") or m.group("ph")) else "relative"
    mt = c.meeting
    if mt is None:
        return kind, None, None
    if m.group("pm"):
        y, mo = shift_month(mt.year, mt.month, off)
        return kind, gr.month_day(y, mo, "ende"), None
    if m.group("py"):
        return kind, date(mt.year + off, 12, 31), None
    return kind, gr.rel_quarter(mt, "quarter" if m.group("pq") else "half", off, None), None


@form("quarter", lambda gr: (
    rf"(?<!\w)(?:"
    rf"q(?P<q1>[1-4])(?:\s*[/\-']?\s*(?P<qy1>{Y4})(?!\d)|\s*[/\-']\s*(?P<qy1b>\d{{2}})(?!\d))?(?!\w)"
    rf"|(?P<q2>[1-4])\.\s*{gr.quarter_words}"
    rf"|(?P<q3>{gr.ordinals_rx})e[nmrs]?\s+{gr.quarter_words}"
    rf"|(?P<q4>iv|i{{1,3}})\.\s*{gr.quarter_words}"
    rf"|{gr.quarter_words}\s+(?P<q5>[1-4])\s*[/.]\s*(?P<qy5>{Y4}|\d{{2}})(?!\d)"
    rf"|(?P<h1>[12])\.\s*{gr.half_words}"
    rf"|(?P<h2>{gr.ordinals_rx})e[nmrs]?\s+{gr.half_words}"
    rf"|(?P<hh>h)(?P<h3>[12])\s*[/\-]?\s*(?P<hy3>{Y4})(?!\d)"
    rf"|(?:(?:des|dem)\s+)?(?:(?P<qm>{gr.mod_all})\s+)?(?:(?P<qw>{gr.quarter_words})|(?P<hw>{gr.half_words}))"
    rf")(?!\w)(?:(?:\s+(?:des|dieses)\s+jahres)?\s+(?P<qy>{Y4})(?!\d))?"),
      left=lambda gr: rf"(?<!\w){gr.parts_g}\s+(?:(?:des|der|im)\s+)?$", uses={"quarter"})
def quarter(gr, m: re.Match, c: Ctx) -> Res:
    part = gr.part_of(c.left)
    g = m.group
    if (g("q2") or g("h1")) and m.start() and c.low[m.start() - 1] in ".,/":
        return None  # "1.2. Quartal"
    if g("qw") or g("hw"):  # "Ende des Quartals", "im nächsten Halbjahr" (needs a part or a modifier)
        if not part and not g("qm"):
            return None
        if c.meeting is None:
            return "quarter", None, None
        period = "quarter" if g("qw") else "half"
        return "quarter", gr.rel_quarter(c.meeting, period, gr.mod_offset(g("qm")) or 0, part), None
    year = gr.year_of(g("qy1") or g("qy1b") or g("qy5") or g("hy3") or g("qy"))
    if g("q1") or g("q2") or g("q5"):
        period, n = "quarter", int(g("q1") or g("q2") or g("q5"))
    elif g("q3"):
        period, n = "quarter", gr.ordinals[norm(g("q3"))]
    elif g("q4"):
        period, n = "quarter", gr.romans[norm(g("q4"))]
    elif g("h1") or g("h3"):
        period, n = "half", int(g("h1") or g("h3"))
    else:
        period, n = "half", gr.ordinals[norm(g("h2"))]
        if n > 2:
            return None  # "drittes Halbjahr"
    if (g("q2") or g("h1")) and gr.blocked_before(c.low, m.start()):
        return None
    if g("hh") and c.text[m.start("hh")] != "H":
        return None
    size = 3 if period == "quarter" else 6
    first = (n - 1) * size + 1
    return "quarter", gr.roll(lambda y: gr.period_date(period, y, first, part), year, c.meeting), None
