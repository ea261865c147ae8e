"""Deadline forms that name a weekday or a week: "bis Freitag", "nächste Woche
Mittwoch", "Mittwoch nächster Woche", "Ende der Woche"."""
from __future__ import annotations

import re
from datetime import timedelta

from ..form import Ctx, Form, Res, registrar
from ..words import norm

FORMS: list[Form] = []
form = registrar(FORMS)


def weekday_week(gr, m: re.Match, c: Ctx) -> Res:
    if c.meeting is None:
        return "weekday", None, None
    wd = gr.weekdays[norm(m.group("wd"))]
    return "weekday", gr.week_date(c.meeting, gr.mod_offset(m.group("wm")) or 0, wd), None


form("weekday_a", lambda gr: gr.weekref + r"\s*,?\s+(?:am\s+)?" + gr.wd_g, uses={"weekday"})(weekday_week)
form("weekday_b", lambda gr: gr.wd_g + r"\s*,?\s+" + gr.weekref, uses={"weekday"})(weekday_week)


@form("weekday", lambda gr: rf"(?:(?<!\w)(?P<mod>{gr.mod_all})\s+)?" + gr.wd_g, uses={"weekday"})
def weekday(gr, m: re.Match, c: Ctx) -> Res:
    off = gr.mod_offset(m.group("mod"))
    if off is None and not c.has_cue:
        return None  # "Frau Freitag"
    if c.meeting is None:
        return "weekday", None, None
    wd = gr.weekdays[norm(m.group("wd"))]
    delta = (wd - c.meeting.isoweekday()) % 7
    if off != 0 and delta == 0:  # strictly after the meeting, except "diesen Freitag"
        delta = 7
    if off == 2:
        delta += 7
    return "weekday", c.meeting + timedelta(days=delta), None


@form("rel_week", lambda gr: rf"(?<!\w){gr.week}(?!\w)",
      left=lambda gr: rf"(?<!\w)(?:{gr.parts_g}\s+)?(?:(?:der|die|dieser)\s+)?(?:(?P<wm>{gr.mod_all})\s+)?$",
      uses={"week"})
def rel_week(gr, m: re.Match, c: Ctx) -> Res:
    part = gr.part_of(c.left)
    off = gr.mod_offset(c.left.group("wm")) if c.left is not None else None
    if part is None and off is None:
        return None  # "Woche", "der Woche"
    if c.meeting is None:
        return "relative", None, None
    wd = gr.week_parts[part] if part else gr.week_wd
    return "relative", gr.week_date(c.meeting, off or 0, wd), None
