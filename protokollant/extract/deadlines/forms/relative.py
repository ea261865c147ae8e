"""Deadline forms relative to the meeting or the next one, and vague ones: "in zwei
Wochen", "eine Woche vor der nächsten Sitzung", "bis zur nächsten Sitzung",
"Monatsende", "morgen", "heute", "zeitnah", "bis zu den Sommerferien"."""
from __future__ import annotations

import re
from datetime import timedelta

from ..form import Ctx, Form, Res, registrar
from ..calendar_math import shift, shift_month
from ..words import Y4, norm

FORMS: list[Form] = []
form = registrar(FORMS)


@form("rel_n", lambda gr: (
    rf"(?<!\w){gr.alt('relative_leads')}\s+(?:(?P<rm>{gr.mod_next})\s+)?{gr.num}\s+(?:(?P<half>{gr.half})\s+)?"
    rf"(?P<unit>{gr.units_rx})(?!\w)"), uses={"unit"})
def rel_n(gr, m: re.Match, c: Ctx) -> Res:
    amt = gr.amount(m)
    if amt is None:
        return None
    if c.meeting is None:
        return "relative", None, None
    return "relative", shift(c.meeting, *amt), None


@form("nm_before", lambda gr: (
    rf"(?<!\w){gr.num}\s+(?:(?P<half>{gr.half})\s+)?(?P<unit>{gr.units_rx})\s+vor\s+(?:der|dem|den)\s+{gr.mod_next}"
    rf"\s+{gr.nm_noun}(?!\w)"), uses={"mod"})
def nm_before(gr, m: re.Match, c: Ctx) -> Res:
    amt = gr.amount(m)
    if amt is None:
        return None
    if c.next_meeting is None:
        return "next_meeting", None, None
    return "next_meeting", shift(c.next_meeting, amt[0], -amt[1]), None


@form("next_meeting", lambda gr: rf"(?<!\w){gr.nm_leads}\s+{gr.mod_next}\s+{gr.nm_noun}(?!\w)", uses={"mod"})
def next_meeting(gr, m: re.Match, c: Ctx) -> Res:
    return "next_meeting", c.next_meeting, None


@form("compound", lambda gr: rf"(?<!\w)(?P<c>{gr.compounds_rx})(?!\w)(?:\s+(?P<y>{Y4})(?!\d))?", uses={"compound"})
def compound(gr, m: re.Match, c: Ctx) -> Res:
    spec = gr.compounds[norm(m.group("c"))]
    if spec.get("needs_cue") and not c.has_cue:
        return None
    period, off, part = spec["period"], int(spec.get("offset", 0)), spec.get("part")
    kind = {"week": "relative", "quarter": "quarter", "half": "quarter"}.get(
        period, "month_part" if part else "relative")
    year = gr.year_of(m.group("y"))
    mt = c.meeting
    if period == "year" and year is not None:
        return kind, gr.period_date("year", year + off, 1, part), None
    if mt is None:
        return kind, None, None
    if period == "week":
        return kind, gr.week_date(mt, off, gr.week_parts[part] if part else gr.week_wd), None
    if period == "month":
        y, mo = shift_month(mt.year, mt.month, off)
        return kind, gr.month_day(y, mo, part), None
    if period == "year":
        return kind, gr.period_date("year", mt.year + off, 1, part), None
    return kind, gr.rel_quarter(mt, period, off, part), None


@form("tomorrow", lambda gr: (
    rf"(?<!\w)(?P<t>{gr.tomorrow_rx})(?!\w)(?:\s+(?P<tt>{gr.alt('day_time_words')})(?!\w))?"), uses={"tomorrow"})
def tomorrow(gr, m: re.Match, c: Ctx) -> Res:
    word = c.text[m.start("t"):m.end("t")]
    days = gr.tomorrow[norm(word)]
    if days == 1:
        prev = gr.prev_word_rx.search(c.low, max(0, c.start - 30), c.start)
        prev_w = prev.group(1) if prev else ""
        if word[:1].isupper():
            cue = bool(set(c.prefix.split()) & gr.tomorrow_cues)
            at_start = not c.text[:c.start].strip(" \t-–•*·(:")
            if not (cue or at_start or m.group("tt")):
                return None  # "am Morgen", "Guten Morgen"
        elif prev_w in ("heute", "gestern", "am", "den", "jeden", "guten"):
            return None  # "heute morgen" = this morning
    if c.meeting is None:
        return "relative", None, None
    return "relative", c.meeting + timedelta(days=days), None


@form("today", lambda gr: rf"(?<!\w){gr.alt('today_phrases')}(?!\w)", uses={"today"})
def today(gr, m: re.Match, c: Ctx) -> Res:
    return "relative", c.meeting, None


@form("vague", lambda gr: rf"(?<!\w){gr.alt('vague_words')}(?!\w)", uses={"vague"})
def vague(gr, m: re.Match, c: Ctx) -> Res:
    return "vague", None, None


@form("vague_label", lambda gr: rf"(?<!\w){gr.alt('vague_words_need_label')}(?!\w)", uses={"vague_label"})
def vague_label(gr, m: re.Match, c: Ctx) -> Res:
    return ("vague", None, None) if c.has_label else None


@form("meeting_event", lambda gr: rf"(?<!\w)(?P<lead>bis\s+zu[rm]|zu[rm]|in\s+der|im|für\s+die|auf\s+der|vor\s+der|nach\s+der)\s+(?:{gr.meeting_compound})(?!\w)",
      uses={"meeting_event", "month", "event"})
def meeting_event(gr, m: re.Match, c: Ctx) -> Res:
    """"bis zur Herbstsitzung", "bis zur JHV", "zur Juni-Sitzung": a meeting named by its own word
    (the lead in the pattern: the engine drops a position at its first letter)."""
    pre = m.group("pre")
    if m.group("lead").startswith("bis") and (pre is None or pre not in ("nächste", "naechste")):
        return "vague", None, None
    if pre is not None and (pre in gr.seasons or pre in gr.months):
        return "vague", None, None
    return None


@form("vague_event", lambda gr: rf"(?<!\w){gr.alt('vague_events')}(?!\w)(?:\s+{Y4}(?!\d))?", uses={"event"})
def vague_event(gr, m: re.Match, c: Ctx) -> Res:
    return ("vague", None, None) if c.has_cue else None
