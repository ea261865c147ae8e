"""German deadline finder and normaliser ("bis 15.01.", "Ende März", "KW 12", ...).

Pure stdlib; all vocabulary (month and weekday names, cue words, next-meeting
nouns, vague words, blockers) lives in ``models/deadlines.json`` and is read once
per process (:func:`reload` re-reads it).

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

import bisect
import calendar
import datetime
import functools
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from protokollant.paths import models_dir

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


# --------------------------------------------------------------------------- helpers

_Y4 = r"(?:19|20)\d{2}"
_NB = r"(?<![\w.,/])"  # a number starts here (not inside "1.2.3", "12,50", "3/4")
_PART_ORDER = {"anfang": 0, "mitte": 1, "ende": 2}
_WORD_RX = re.compile(r"\w+")
_DIGIT_RX = re.compile(r"\d")


def _word_re(phrase: str) -> str:
    return r"\s+".join(re.escape(p) for p in phrase.split())


def _alt(words) -> str:
    """Regex alternation of lowercase words/phrases, longest first (patterns run on lowercased text)."""
    ws = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(_word_re(w) for w in ws) + ")"


def _lower_same_length(text: str) -> str:
    """text.lower() with unchanged offsets (a char whose lowercase is longer, like 'İ', stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    q, r = divmod(m - 1 + n, 12)
    return y + q, r + 1


def _add_months(d: date, n: int) -> date:
    y, m = _shift_month(d.year, d.month, n)
    return date(y, m, min(d.day, _last_day(y, m)))


def _add_workdays(d: date, n: int) -> date:
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += timedelta(days=step)
        if d.isoweekday() <= 5:
            left -= 1
    return d


def _shift(d: date, unit: str, n: float) -> date:
    if unit == "day":
        return d + timedelta(days=round(n))
    if unit == "workday":
        return _add_workdays(d, round(n))
    return _add_months(d, round(n))


def _monday(d: date) -> date:
    return d - timedelta(days=d.isoweekday() - 1)


class _Ctx:
    __slots__ = ("text", "low", "meeting", "next_meeting", "has_cue", "has_label", "prefix", "start", "lead", "left")

    def __init__(self, text, low, meeting, next_meeting, has_cue, has_label, prefix, start, lead, left):
        self.left = left  # the pattern's left-extension match or None
        self.lead = lead  # a weekday stands before the date
        self.text = text  # the original text (for case checks)
        self.low = low  # the lowercased text the patterns ran on
        self.meeting = meeting
        self.next_meeting = next_meeting
        self.has_cue = has_cue
        self.has_label = has_label
        self.prefix = prefix  # lowercased prefix text ("bis zum ")
        self.start = start  # start of the core match


# resolver result: (kind, date, range start date) or None to reject the candidate
_Res = tuple[str, date | None, date | None] | None


class _Pattern:
    __slots__ = ("name", "rx", "resolve", "is_date", "needs_digit", "families", "left")

    def __init__(self, name, rx, resolve, is_date=False, needs_digit=False):
        self.families: frozenset[str] = frozenset()
        self.left: re.Pattern | None = None
        self.name = name
        self.rx = rx
        self.resolve = resolve
        self.is_date = is_date
        self.needs_digit = needs_digit


# --------------------------------------------------------------------------- grammar


class _Grammar:
    def __init__(self, data: dict):
        conv = data["conventions"]
        self.rollover = int(conv["rollover_days"])
        self.week_wd = int(conv["week_deadline_weekday"])
        self.yy_base = int(conv["two_digit_year_base"])
        self.month_parts = conv["month_parts"]
        self.week_parts = {k: int(v) for k, v in conv["week_parts"].items()}
        self.period_parts = {k: v for k, v in conv["period_parts"].items() if not k.startswith("_")}

        self.months = {_norm(k): v for k, v in data["months"].items()}
        self.month_abbr = {_norm(k): v for k, v in data["month_abbreviations"].items()}
        self.weekdays = {_norm(k): v for k, v in data["weekdays"].items()}
        self.wd_abbr = dict(data["weekday_abbreviations"])
        self.parts = {_norm(k): v for k, v in data["parts"].items()}
        self.compounds = {_norm(k): v for k, v in data["compounds"].items()}
        self.numbers = {_norm(k): v for k, v in data["number_words"].items()}
        self.units = {_norm(k): tuple(v) for k, v in data["units"].items()}
        self.ordinals = {_norm(k): v for k, v in data["ordinals"].items()}
        self.romans = {_norm(k): v for k, v in data["roman_numerals"].items()}
        self.tomorrow = {_norm(k): v for k, v in data["tomorrow_words"].items()}
        self.tomorrow_cues = {_norm(w) for w in data["tomorrow_cues"]}
        self.start_leads = tuple(_norm(w) for w in data.get("start_leads", []))
        mods = data["modifiers"]
        self.mod_stems = [(s.lower(), 2) for s in mods["after_next"]]
        self.mod_stems += [(s.lower(), 1) for s in mods["next"]]
        self.mod_stems += [(s.lower(), 0) for s in mods["this"]]
        self.mod_stems.sort(key=lambda t: len(t[0]), reverse=True)

        a = _alt
        week = a(data["week_words"])
        # a month name; only an abbreviation takes a dot ("Jan.", but "Ende Januar." leaves the full stop)
        month_tok = rf"(?:{a(self.months)}(?!\w)|{a(self.month_abbr)}(?!\w)\.?)"
        self.short_cues = {_norm(w) for w in data["short_date_cues"]}
        wd_full = a(self.weekdays)
        wd_suffix = a(data["weekday_suffixes"])
        wd_abbr = _alt(self.wd_abbr)
        mod_all = "(?:" + "|".join(re.escape(s) for s, _ in self.mod_stems) + ")e[nmrs]?"
        mod_next = "(?:" + "|".join(re.escape(s) for s in mods["next"]) + ")e[nmrs]?"
        parts = a(self.parts)
        parts_g = rf"(?P<part>{parts})(?:\s*(?:/|-|–|bis|oder)\s*(?P<part2>{parts}))?"
        month_words = a(data["month_words"])
        year_words = a(data["year_words"])
        quarter_words = a(data["quarter_words"])
        half_words = a(data["half_year_words"])
        self.kw_abbr = {w.rstrip(".") for w in data["calendar_week_abbreviations"]}
        kw_words = a(data["calendar_week_words"])
        kw_abbr = a(w.lower() for w in self.kw_abbr)
        num = rf"(?P<num>\d{{1,3}}|{a(self.numbers)})"
        half = a(data["half_words"])
        units = a(self.units)
        nm_noun = rf"(?:{a(data['next_meeting_nouns'])}|\w*{a(data['next_meeting_suffixes'])})"
        nm_leads = a(data["next_meeting_leads"])
        weekref = rf"(?:(?:in\s+)?(?:der|die)\s+)?(?P<wm>{mod_all})\s+{week}(?!\w)"
        wd_g = rf"(?<!\w)(?P<wd>{wd_full})(?:{wd_suffix})?(?!\w)"
        lead_ref = rf"(?:(?:in\s+)?(?:der|die)\s+)?{mod_all}\s+{week}"
        # a weekday before an explicit date ("Do., 12.03.", "nächste Woche Mittwoch 12.08."), found leftwards
        self.lead_rx = re.compile(
            rf"(?<!\w)(?:{lead_ref}\s*,?\s+(?:am\s+)?)?(?:{wd_full}(?:{wd_suffix})?|(?P<abbr>{wd_abbr})\.?)(?!\w)"
            rf"(?:\s+{lead_ref})?\s*,?\s*(?:den\s+)?$")
        def num_date(d="d", m="m", dot="dot", y4="y4", y2="y2") -> str:  # 15.01. / 15.1.26 / 15.01. 2026 / 15.01
            return (rf"(?P<{d}>\d{{1,2}})\.(?P<{m}>\d{{1,2}})(?:(?P<{dot}>\.)(?:(?P<{y4}>\s?{_Y4})|(?P<{y2}>\d{{2}}))?)?"
                    rf"(?!\w|[.,/]\d)")

        def text_date(d="td", mon="mon", y="ty") -> str:  # 31. März [2026]
            return rf"(?P<{d}>\d{{1,2}})(?:\.\s*|\s+)(?P<{mon}>{month_tok})(?:,?\s*(?P<{y}>{_Y4})(?!\d))?"


        P = _Pattern
        c = 0  # all patterns run on the lowercased text
        pats = [
            P("numeric", re.compile(_NB + num_date(), c), self._r_numeric, True, True),
            P("textual", re.compile(_NB + text_date(), c), self._r_textual, True, True),
            P("iso", re.compile(rf"(?<![\w.,/-])(?P<y>{_Y4})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?![\d-])", c),
              self._r_iso, True, True),
            P("range", re.compile(
                rf"{_NB}(?P<d1>\d{{1,2}})"
                rf"(?:\.(?:(?P<m1>\d{{1,2}})\.(?P<y1>{_Y4}|\d{{2}})?|\s*(?P<mn1>{month_tok})(?:\s+(?P<yn1>{_Y4}))?)?"
                rf"|(?=[-–—]))"
                rf"\s*{a(data['range_separators'])}\s*"
                rf"(?:{num_date('d2', 'm2', 'dot2', 'y2a', 'y2b')}|{text_date('d3', 'mn3', 'y3')})", c),
              self._r_range, True, True),
            P("kw", re.compile(
                rf"(?<!\w)(?:{kw_words}|(?P<kwa>{kw_abbr})\.?)\s*(?P<w>\d{{1,2}})(?:\s*[-–]\s*(?P<w2>\d{{1,2}}))?"
                rf"(?:\s*[/.]\s*(?P<y>{_Y4})|\s+(?P<yb>{_Y4}))?(?!\d)"
                rf"|{_NB}(?P<wa>\d{{1,2}})\.\s*(?:{kw_words}|(?P<kwb>{kw_abbr})\.?)(?!\w)(?:\s+(?P<ya>{_Y4})(?!\d))?", c),
              self._r_kw, False, True),
            P("month_num", re.compile(
                rf"{_NB}(?P<mnum>0?[1-9]|1[0-2])[/.](?P<y>{_Y4})(?!\w|[.,/]\d)", c), self._r_month_num, False, True),
            P("part_period", re.compile(
                rf"(?<!\w){parts_g}\s+(?:"
                rf"(?P<mon>{month_tok})(?:\s*(?P<y>{_Y4})(?!\d))?"
                rf"|(?P<mnum>0?[1-9]|1[0-2])\s*[/.]\s*(?P<my>{_Y4})(?!\d)"
                rf"|(?P<yr>{_Y4})(?!\d)"
                rf"|(?:(?:des|dem)\s+)?(?:(?P<mm>{mod_all})\s+)?(?P<mw>{month_words})(?!\w)"
                rf"|(?:(?:des|dem)\s+)?(?:(?P<ym>{mod_all})\s+)?(?P<yw>{year_words})(?:\s+(?P<yy>{_Y4}))?(?!\w))", c),
              self._r_part_period),
            P("bare_month", re.compile(
                rf"(?<!\w)(?P<mon>{month_tok})(?:\s*(?P<y>{_Y4})(?!\d))?", c), self._r_bare_month),
            P("rel_period", re.compile(
                rf"(?<!\w)(?P<rm>{mod_all})\s+(?:(?P<pm>{month_words})|(?P<py>{year_words})|(?P<pq>{quarter_words})"
                rf"|(?P<ph>{half_words}))(?!\w)", c), self._r_rel_period),
            P("quarter", re.compile(
                rf"(?<!\w)(?:"
                rf"q(?P<q1>[1-4])(?:\s*[/\-']?\s*(?P<qy1>{_Y4})(?!\d)|\s*[/\-']\s*(?P<qy1b>\d{{2}})(?!\d))?(?!\w)"
                rf"|(?P<q2>[1-4])\.\s*{quarter_words}"
                rf"|(?P<q3>{a(self.ordinals)})e[nmrs]?\s+{quarter_words}"
                rf"|(?P<q4>iv|i{{1,3}})\.\s*{quarter_words}"
                rf"|{quarter_words}\s+(?P<q5>[1-4])\s*[/.]\s*(?P<qy5>{_Y4}|\d{{2}})(?!\d)"
                rf"|(?P<h1>[12])\.\s*{half_words}"
                rf"|(?P<h2>{a(self.ordinals)})e[nmrs]?\s+{half_words}"
                rf"|(?P<hh>h)(?P<h3>[12])\s*[/\-]?\s*(?P<hy3>{_Y4})(?!\d)"
                rf"|(?:(?:des|dem)\s+)?(?:(?P<qm>{mod_all})\s+)?(?:(?P<qw>{quarter_words})|(?P<hw>{half_words}))"
                rf")(?!\w)(?:(?:\s+(?:des|dieses)\s+jahres)?\s+(?P<qy>{_Y4})(?!\d))?", c), self._r_quarter),
            P("weekday_a", re.compile(weekref + r"\s*,?\s+(?:am\s+)?" + wd_g, c), self._r_weekday_week),
            P("weekday_b", re.compile(wd_g + r"\s*,?\s+" + weekref, c), self._r_weekday_week),
            P("weekday", re.compile(rf"(?:(?<!\w)(?P<mod>{mod_all})\s+)?" + wd_g, c), self._r_weekday),
            P("rel_week", re.compile(
                rf"(?<!\w){week}(?!\w)", c), self._r_rel_week),
            P("rel_n", re.compile(
                rf"(?<!\w){a(data['relative_leads'])}\s+(?:(?P<rm>{mod_next})\s+)?{num}\s+(?:(?P<half>{half})\s+)?"
                rf"(?P<unit>{units})(?!\w)", c), self._r_rel_n),
            P("nm_before", re.compile(
                rf"(?<!\w){num}\s+(?:(?P<half>{half})\s+)?(?P<unit>{units})\s+vor\s+(?:der|dem|den)\s+{mod_next}\s+{nm_noun}(?!\w)", c),
              self._r_nm_before),
            P("next_meeting", re.compile(rf"(?<!\w){nm_leads}\s+{mod_next}\s+{nm_noun}(?!\w)", c), self._r_next_meeting),
            P("compound", re.compile(rf"(?<!\w)(?P<c>{a(self.compounds)})(?!\w)(?:\s+(?P<y>{_Y4})(?!\d))?", c), self._r_compound),
            P("tomorrow", re.compile(
                rf"(?<!\w)(?P<t>{a(self.tomorrow)})(?!\w)(?:\s+(?P<tt>{a(data['day_time_words'])})(?!\w))?", c),
              self._r_tomorrow),
            P("today", re.compile(rf"(?<!\w){a(data['today_phrases'])}(?!\w)", c), self._r_today),
            P("vague", re.compile(rf"(?<!\w){a(data['vague_words'])}(?!\w)", c), self._r_vague),
            P("vague_label", re.compile(rf"(?<!\w){a(data['vague_words_need_label'])}(?!\w)", c), self._r_vague_label),
            P("vague_event", re.compile(rf"(?<!\w){a(data['vague_events'])}(?!\w)(?:\s+{_Y4}(?!\d))?", c), self._r_vague_event),
        ]
        # optional words before a pattern's core, searched leftwards (cheaper than a leading optional group)
        left = {
            "range": rf"(?<!\w){a(data['range_leads'])}\s+$",
            "quarter": rf"(?<!\w){parts_g}\s+(?:(?:des|der|im)\s+)?$",
            "rel_week": rf"(?<!\w)(?:{parts_g}\s+)?(?:(?:der|die|dieser)\s+)?(?:(?P<wm>{mod_all})\s+)?$",
        }
        for p in pats:
            if p.name in left:
                p.left = re.compile(left[p.name], c)
        self.patterns = pats
        self.date_patterns = [p for p in pats if p.is_date]

        labels = a(data["labels"])
        preps = a(data["prepositions"])
        arts = a(data["articles"])
        self.prefix_rx = re.compile(
            rf"(?<!\w)(?:(?P<label>{labels})\s*:?\s*(?:{preps}:?\s+){{0,3}}|(?:{preps}:?\s+){{1,3}})(?:{arts}\s+)?$", c)
        self.time_before_rx = re.compile(r"\d{1,2}[.:]\d{2}\s*(?:uhr\s*)?(?:bis|-|–)\s*$")
        self.block_rx = re.compile(rf"(?:(?<!\w){a(data['context_blockers'])}|§)\.?\s*$", c)
        self.unit_rx = re.compile(rf"\s*{a(data['unit_blockers'])}(?!\w)", c)
        self.prev_word_rx = re.compile(r"(\w+)\W*$")

        # Fast path and gating: one scan for trigger words tells which patterns can match at all.
        fam: dict[str, set[str]] = {}

        def add(words, family):
            for w in words:
                fam.setdefault(_norm(w).rstrip("."), set()).add(family)

        add(self.months, "month")
        add(self.month_abbr, "month")
        add(self.weekdays, "weekday")
        add(self.parts, "part")
        add(self.compounds, "compound")
        add(self.tomorrow, "tomorrow")
        add(self.units, "unit")
        add(data["week_words"], "week")
        add(data["calendar_week_words"] + data["calendar_week_abbreviations"], "kw")
        add([w for w in data["quarter_words"] if len(w.rstrip(".")) > 2], "quarter")
        add([w.split()[0] for w in data["half_year_words"]], "quarter")
        add([s for s, _ in self.mod_stems], "mod")
        # whole-word triggers: the longest word of each phrase ("möglich" must not fire on "mögliche")
        exact: dict[str, set[str]] = {}
        for key, family in (("vague_words", "vague"), ("vague_words_need_label", "vague_label"),
                            ("vague_events", "event"), ("today_phrases", "today"), ("quarter_words", "quarter")):
            for ph in data[key]:
                exact.setdefault(max(_WORD_RX.findall(ph.lower()), key=len), set()).add(family)
        self.exact_triggers = {k: frozenset(v) for k, v in exact.items()}
        for t in fam:  # "nächsten" (a vague phrase's word) is also the modifier "nächst"
            for u in fam:
                if t != u and t.startswith(u):
                    fam[t] |= fam[u]
        for q in ("q1", "q2", "q3", "q4", "h1", "h2"):
            fam.setdefault(q, set()).add("quarter")
        # first two letters -> [(trigger, families)], longest trigger first
        self.triggers: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for t in sorted(fam, key=len, reverse=True):
            self.triggers.setdefault(t[:2], []).append((t, frozenset(fam[t])))
        uses = {
            "numeric": {"digit"}, "iso": {"digit"}, "range": {"digit"}, "month_num": {"digit"},
            "textual": {"month"}, "kw": {"kw"}, "part_period": {"part"}, "bare_month": {"month"},
            "rel_period": {"mod"}, "quarter": {"quarter"}, "weekday_a": {"weekday"}, "weekday_b": {"weekday"},
            "weekday": {"weekday"}, "rel_week": {"week"}, "rel_n": {"unit"}, "nm_before": {"mod"},
            "next_meeting": {"mod"}, "compound": {"compound"}, "tomorrow": {"tomorrow"}, "today": {"today"},
            "vague": {"vague"}, "vague_label": {"vague_label"}, "vague_event": {"event"},
        }
        for p in pats:
            p.families = frozenset(uses[p.name])

    def active(self, low: str, dates_only: bool) -> list[_Pattern]:
        """The patterns that can match the (lowercased) text: one pass over its words."""
        has_digit = _DIGIT_RX.search(low) is not None
        if dates_only:
            return self.date_patterns if has_digit else []
        found: set[str] = set()
        trig = self.triggers
        exact = self.exact_triggers
        for tok in _WORD_RX.findall(low):
            ex = exact.get(tok)
            if ex:
                found |= ex
            lst = trig.get(tok[:2])
            if lst:
                for t, fams in lst:
                    if tok.startswith(t):
                        found |= fams
                        break
        if not has_digit and not found:
            return []
        if has_digit:
            found.add("digit")
        pats = self.date_patterns if dates_only else self.patterns
        return [p for p in pats if (has_digit or not p.needs_digit) and not p.families.isdisjoint(found)]

    # ------------------------------------------------------------------ pieces

    def mod_offset(self, s: str | None) -> int | None:
        if not s:
            return None
        s = s.lower()
        for stem, off in self.mod_stems:
            if s.startswith(stem):
                return off
        return None

    def part_of(self, m: re.Match | None) -> str | None:
        p1 = m.group("part") if m is not None else None
        if not p1:
            return None
        p = self.parts[_norm(p1)]
        p2 = m.group("part2")
        if p2:
            q = self.parts[_norm(p2)]
            if _PART_ORDER[q] > _PART_ORDER[p]:
                p = q
        return p

    def year_of(self, s: str | None) -> int | None:
        if not s:
            return None
        s = s.strip()
        return int(s) if len(s) == 4 else self.yy_base + int(s)

    def month_of(self, s: str) -> int:
        k = _norm(s).rstrip(".")
        return self.months.get(k) or self.month_abbr[k]

    def roll(self, make: Callable[[int], date | None], year: int | None, meeting: date | None) -> date | None:
        """Explicit year, else the meeting's year (next year when > rollover days in the past)."""
        if year is not None:
            return make(year)
        if meeting is None:
            return None
        d = make(meeting.year)
        if d is not None and (meeting - d).days <= self.rollover:
            return d
        return make(meeting.year + 1)

    def month_day(self, y: int, m: int, part: str | None) -> date:
        v = self.month_parts[part or "ende"]
        return date(y, m, _last_day(y, m) if v == "last" else min(int(v), _last_day(y, m)))

    def period_date(self, period: str, y: int, first_month: int, part: str | None) -> date:
        if period == "month":
            return self.month_day(y, first_month, part)
        idx, day = self.period_parts[period][part or "ende"]
        yy, mm = _shift_month(y, first_month, int(idx) - 1)
        return date(yy, mm, _last_day(yy, mm) if day == "last" else int(day))

    def week_date(self, meeting: date, offset: int, weekday: int) -> date:
        return _monday(meeting) + timedelta(days=7 * offset + weekday - 1)

    def amount(self, m: re.Match) -> tuple[str, float] | None:
        raw = m.group("num")
        n = int(raw) if raw.isdigit() else self.numbers.get(_norm(raw))
        if n is None:
            return None
        unit, k = self.units[_norm(m.group("unit"))]
        n = n * k
        if m.group("half"):
            if unit != "month":
                return None
            n = n / 2
        return unit, n

    def blocked_before(self, low: str, pos: int) -> bool:
        return self.block_rx.search(low, max(0, pos - 25), pos) is not None

    def blocked_after(self, low: str, pos: int) -> bool:
        return self.unit_rx.match(low, pos) is not None

    # ------------------------------------------------------------------ resolvers

    def _date_common(self, m: re.Match, c: _Ctx, d: int, mo: int, year: int | None) -> _Res:
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        if self.blocked_before(c.low, m.start()):
            return None
        dt_ = self.roll(lambda y: _safe_date(y, mo, d), year, c.meeting)
        return "date", dt_, dt_

    def _r_numeric(self, m: re.Match, c: _Ctx) -> _Res:
        year = self.year_of(m.group("y4") or m.group("y2"))
        dot = m.group("dot")
        if not dot and year is None:  # "bis 31.03", but not "3.2", "ab 10.15", "von 9.30 bis 10.15"
            if not (c.has_label or self.short_cues.intersection(c.prefix.replace(":", " ").split())):
                return None
            if self.time_before_rx.search(c.low, max(0, c.start - 40), c.start):
                return None
        if self.blocked_after(c.low, m.end()):
            return None
        ds, ms = m.group("d"), m.group("m")
        if (year is None and not c.prefix and not c.lead and not ds.startswith("0")
                and not ms.startswith("0") and not c.text[:m.start()].strip(" \t-–•*·(")):
            rest = c.text[m.end():]
            if rest[:1].isspace() and rest.lstrip()[:1].isupper():
                return None  # "3.2. Finanzen": an outline number at the start of a heading
        return self._date_common(m, c, int(ds), int(ms), year)

    def _r_textual(self, m: re.Match, c: _Ctx) -> _Res:
        return self._date_common(m, c, int(m.group("td")), self.month_of(m.group("mon")), self.year_of(m.group("ty")))

    def _r_iso(self, m: re.Match, c: _Ctx) -> _Res:
        mo, d = int(m.group("m")), int(m.group("d"))
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        dt_ = _safe_date(int(m.group("y")), mo, d)
        return "date", dt_, dt_

    def _r_range(self, m: re.Match, c: _Ctx) -> _Res:
        if self.blocked_before(c.low, m.start()):
            return None
        if m.group("d2"):
            d2, m2 = int(m.group("d2")), int(m.group("m2"))
            y2 = self.year_of(m.group("y2a") or m.group("y2b"))
            if not m.group("dot2") and y2 is None and not c.has_cue and c.left is None:
                return None
            if self.blocked_after(c.low, m.end()):
                return None
        else:
            d2, m2 = int(m.group("d3")), self.month_of(m.group("mn3"))
            y2 = self.year_of(m.group("y3"))
        d1 = int(m.group("d1"))
        if m.group("m1"):
            m1, y1 = int(m.group("m1")), self.year_of(m.group("y1"))
        elif m.group("mn1"):
            m1, y1 = self.month_of(m.group("mn1")), self.year_of(m.group("yn1"))
        else:
            m1, y1 = None, None
        if not (1 <= m2 <= 12 and 1 <= d2 <= 31 and 1 <= d1 <= 31) or (m1 is not None and not 1 <= m1 <= 12):
            return None
        if m1 is None and d1 >= d2:
            return None  # "29. - 25.11." is no range
        end = self.roll(lambda y: _safe_date(y, m2, d2), y2, c.meeting)
        sm = m2 if m1 is None else m1
        if y1 is not None:
            start = _safe_date(y1, sm, d1)
        elif end is not None:
            start = _safe_date(end.year, sm, d1)
            if start is not None and start > end:
                start = _safe_date(end.year - 1, sm, d1)
        else:
            start = None
        if start is not None and end is not None and start > end:
            return None
        return "date", end, start

    def _r_kw(self, m: re.Match, c: _Ctx) -> _Res:
        w = int(m.group("w") or m.group("wa"))
        w2 = m.group("w2")
        if w2:
            if not w < int(w2) <= 53:
                return None
            w = int(w2)
        if not 1 <= w <= 53:
            return None
        if m.group("wa") and self.blocked_before(c.low, m.start()):
            return None
        ab = "kwa" if m.group("kwa") else "kwb" if m.group("kwb") else None
        if ab and c.text[m.start(ab):m.end(ab)] not in self.kw_abbr:
            return None  # "kw" / "kW" (kilowatt), only "KW"/"Kw" mean Kalenderwoche
        year = self.year_of(m.group("y") or m.group("yb") or m.group("ya"))

        def make(y: int) -> date | None:
            try:
                return date.fromisocalendar(y, w, self.week_wd)
            except ValueError:
                return None

        return "week", self.roll(make, year, c.meeting), None

    def _r_month_num(self, m: re.Match, c: _Ctx) -> _Res:
        if not c.has_cue or self.blocked_before(c.low, m.start()) or self.blocked_after(c.low, m.end()):
            return None
        return "month_part", self.month_day(int(m.group("y")), int(m.group("mnum")), "ende"), None

    def _r_part_period(self, m: re.Match, c: _Ctx) -> _Res:
        part = self.part_of(m)
        meeting = c.meeting
        if m.group("mon"):
            mo = self.month_of(m.group("mon"))
            return "month_part", self.roll(lambda y: self.month_day(y, mo, part), self.year_of(m.group("y")), meeting), None
        if m.group("mnum"):
            return "month_part", self.month_day(int(m.group("my")), int(m.group("mnum")), part), None
        if m.group("yr"):
            return "month_part", self.period_date("year", int(m.group("yr")), 1, part), None
        if m.group("mw"):
            if meeting is None:
                return "month_part", None, None
            y, mo = _shift_month(meeting.year, meeting.month, self.mod_offset(m.group("mm")) or 0)
            return "month_part", self.month_day(y, mo, part), None
        # year words: "Ende des Jahres", "Mitte nächsten Jahres", "Ende des Jahres 2026"
        if m.group("yy"):
            return "month_part", self.period_date("year", int(m.group("yy")), 1, part), None
        if meeting is None:
            return "month_part", None, None
        return "month_part", self.period_date("year", meeting.year + (self.mod_offset(m.group("ym")) or 0), 1, part), None

    def _r_bare_month(self, m: re.Match, c: _Ctx) -> _Res:
        word = _norm(m.group("mon"))
        year = self.year_of(m.group("y"))
        if year is None:
            if not c.has_cue:
                return None
            if word not in self.months and not word.endswith("."):
                return None  # "bis Jan" (a name?) - abbreviations need a dot or a year
        mo = self.month_of(word)
        return "month_part", self.roll(lambda y: self.month_day(y, mo, "ende"), year, c.meeting), None

    def _r_rel_period(self, m: re.Match, c: _Ctx) -> _Res:
        off = self.mod_offset(m.group("rm")) or 0
        kind = "quarter" if (m.group("pq") or m.group("ph")) else "relative"
        mt = c.meeting
        if mt is None:
            return kind, None, None
        if m.group("pm"):
            y, mo = _shift_month(mt.year, mt.month, off)
            return kind, self.month_day(y, mo, "ende"), None
        if m.group("py"):
            return kind, date(mt.year + off, 12, 31), None
        return kind, self._rel_quarter(mt, "quarter" if m.group("pq") else "half", off, None), None

    def _rel_quarter(self, mt: date, period: str, off: int, part: str | None) -> date:
        size = 3 if period == "quarter" else 6
        first = (mt.month - 1) // size * size + 1
        y, mo = _shift_month(mt.year, first, off * size)
        return self.period_date(period, y, mo, part)

    def _r_quarter(self, m: re.Match, c: _Ctx) -> _Res:
        part = self.part_of(c.left)
        g = m.group
        if (g("q2") or g("h1")) and m.start() and c.low[m.start() - 1] in ".,/":
            return None  # "1.2. Quartal"
        if g("qw") or g("hw"):  # "Ende des Quartals", "im nächsten Halbjahr" (needs a part or a modifier)
            if not part and not g("qm"):
                return None
            if c.meeting is None:
                return "quarter", None, None
            period = "quarter" if g("qw") else "half"
            return "quarter", self._rel_quarter(c.meeting, period, self.mod_offset(g("qm")) or 0, part), None
        year = self.year_of(g("qy1") or g("qy1b") or g("qy5") or g("hy3") or g("qy"))
        if g("q1") or g("q2") or g("q5"):
            period, n = "quarter", int(g("q1") or g("q2") or g("q5"))
        elif g("q3"):
            period, n = "quarter", self.ordinals[_norm(g("q3"))]
        elif g("q4"):
            period, n = "quarter", self.romans[_norm(g("q4"))]
        elif g("h1") or g("h3"):
            period, n = "half", int(g("h1") or g("h3"))
        else:
            period, n = "half", self.ordinals[_norm(g("h2"))]
            if n > 2:
                return None  # "drittes Halbjahr"
        if (g("q2") or g("h1")) and self.blocked_before(c.low, m.start()):
            return None
        if g("hh") and c.text[m.start("hh")] != "H":
            return None
        size = 3 if period == "quarter" else 6
        first = (n - 1) * size + 1
        return "quarter", self.roll(lambda y: self.period_date(period, y, first, part), year, c.meeting), None

    def _r_weekday_week(self, m: re.Match, c: _Ctx) -> _Res:
        if c.meeting is None:
            return "weekday", None, None
        wd = self.weekdays[_norm(m.group("wd"))]
        return "weekday", self.week_date(c.meeting, self.mod_offset(m.group("wm")) or 0, wd), None

    def _r_weekday(self, m: re.Match, c: _Ctx) -> _Res:
        off = self.mod_offset(m.group("mod"))
        if off is None and not c.has_cue:
            return None  # "Frau Freitag"
        if c.meeting is None:
            return "weekday", None, None
        wd = self.weekdays[_norm(m.group("wd"))]
        delta = (wd - c.meeting.isoweekday()) % 7
        if off != 0 and delta == 0:  # strictly after the meeting, except "diesen Freitag"
            delta = 7
        if off == 2:
            delta += 7
        return "weekday", c.meeting + timedelta(days=delta), None

    def _r_rel_week(self, m: re.Match, c: _Ctx) -> _Res:
        part = self.part_of(c.left)
        off = self.mod_offset(c.left.group("wm")) if c.left is not None else None
        if part is None and off is None:
            return None  # "Woche", "der Woche"
        if c.meeting is None:
            return "relative", None, None
        wd = self.week_parts[part] if part else self.week_wd
        return "relative", self.week_date(c.meeting, off or 0, wd), None

    def _r_rel_n(self, m: re.Match, c: _Ctx) -> _Res:
        amt = self.amount(m)
        if amt is None:
            return None
        if c.meeting is None:
            return "relative", None, None
        return "relative", _shift(c.meeting, *amt), None

    def _r_nm_before(self, m: re.Match, c: _Ctx) -> _Res:
        amt = self.amount(m)
        if amt is None:
            return None
        if c.next_meeting is None:
            return "next_meeting", None, None
        return "next_meeting", _shift(c.next_meeting, amt[0], -amt[1]), None

    def _r_next_meeting(self, m: re.Match, c: _Ctx) -> _Res:
        return "next_meeting", c.next_meeting, None

    def _r_compound(self, m: re.Match, c: _Ctx) -> _Res:
        spec = self.compounds[_norm(m.group("c"))]
        if spec.get("needs_cue") and not c.has_cue:
            return None
        period, off, part = spec["period"], int(spec.get("offset", 0)), spec.get("part")
        kind = {"week": "relative", "quarter": "quarter", "half": "quarter"}.get(
            period, "month_part" if part else "relative")
        year = self.year_of(m.group("y"))
        mt = c.meeting
        if period == "year" and year is not None:
            return kind, self.period_date("year", year + off, 1, part), None
        if mt is None:
            return kind, None, None
        if period == "week":
            return kind, self.week_date(mt, off, self.week_parts[part] if part else self.week_wd), None
        if period == "month":
            y, mo = _shift_month(mt.year, mt.month, off)
            return kind, self.month_day(y, mo, part), None
        if period == "year":
            return kind, self.period_date("year", mt.year + off, 1, part), None
        return kind, self._rel_quarter(mt, period, off, part), None

    def _r_tomorrow(self, m: re.Match, c: _Ctx) -> _Res:
        word = c.text[m.start("t"):m.end("t")]
        days = self.tomorrow[_norm(word)]
        if days == 1:
            prev = self.prev_word_rx.search(c.low, max(0, c.start - 30), c.start)
            prev_w = prev.group(1) if prev else ""
            if word[:1].isupper():
                cue = bool(set(c.prefix.split()) & self.tomorrow_cues)
                at_start = not c.text[:c.start].strip(" \t-–•*·(:")
                if not (cue or at_start or m.group("tt")):
                    return None  # "am Morgen", "Guten Morgen"
            elif prev_w in ("heute", "gestern", "am", "den", "jeden", "guten"):
                return None  # "heute morgen" = this morning
        if c.meeting is None:
            return "relative", None, None
        return "relative", c.meeting + timedelta(days=days), None

    def _r_today(self, m: re.Match, c: _Ctx) -> _Res:
        return "relative", c.meeting, None

    def _r_vague(self, m: re.Match, c: _Ctx) -> _Res:
        return "vague", None, None

    def _r_vague_label(self, m: re.Match, c: _Ctx) -> _Res:
        return ("vague", None, None) if c.has_label else None

    def _r_vague_event(self, m: re.Match, c: _Ctx) -> _Res:
        return ("vague", None, None) if c.has_cue else None

    # ------------------------------------------------------------------ matching

    def candidates(self, text: str, meeting: date | None, next_meeting: date | None, dates_only: bool):
        """(full_start, end, core_start, kind, date, range_start, order) for every accepted candidate."""
        out = []
        low = _lower_same_length(text)
        prefix_cache: dict[int, tuple[int, bool, bool, str]] = {}
        for order, p in enumerate(self.active(low, dates_only)):
            for m in p.rx.finditer(low):
                s, e = m.span()
                if s == e:
                    continue
                lx = None
                if p.left is not None and s:
                    lx = p.left.search(low, max(0, s - 60), s)
                    if lx is not None:
                        if lx.start() < s:
                            s = lx.start()
                        else:
                            lx = None
                ls = s
                if p.is_date and s:
                    lm = self.lead_rx.search(low, max(0, s - 50), s)
                    if lm is not None and lm.start() < s and (
                            lm.group("abbr") is None or text[lm.start("abbr"):lm.end("abbr")] in self.wd_abbr):
                        ls = lm.start()  # "Do., 12.03." (abbreviations only capitalised: not "so 12.03.")
                pre = prefix_cache.get(ls)
                if pre is None:
                    pm = self.prefix_rx.search(low, max(0, ls - 60), ls) if ls else None
                    if pm is not None and pm.start() < ls:
                        pre = (pm.start(), True, pm.group("label") is not None, low[pm.start():ls])
                    else:
                        pre = (ls, False, False, "")
                    prefix_cache[ls] = pre
                ctx = _Ctx(text, low, meeting, next_meeting, pre[1], pre[2], pre[3], s, ls < s, lx)
                res = p.resolve(m, ctx)
                if res is None:
                    continue
                kind, dt_, start_dt = res
                out.append((ls if dates_only else pre[0], e, s, kind, dt_, start_dt, order))
        return out


def _select(cands) -> list:
    """Non-overlapping, longest first (ties: earlier start, earlier pattern); returned in text order."""
    if len(cands) == 1:
        return cands
    starts: list[int] = []  # accepted spans, kept sorted and disjoint
    chosen: list = []
    for cand in sorted(cands, key=lambda t: (t[0] - t[1], t[0], t[6])):
        s, e = cand[0], cand[1]
        i = bisect.bisect_right(starts, s)
        if i and chosen[i - 1][1] > s:
            continue  # overlaps the accepted span starting before it
        if i < len(starts) and starts[i] < e:
            continue  # overlaps the accepted span starting after it
        starts.insert(i, s)
        chosen.insert(i, cand)
    return chosen


@functools.lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    path = models_dir() / DATA_FILE
    with open(path, encoding="utf-8") as fh:
        return _Grammar(json.load(fh))


def reload() -> None:
    """Forget the cached vocabulary (re-read models/deadlines.json on next use)."""
    _grammar.cache_clear()


# --------------------------------------------------------------------------- API


def find_deadlines(text: str, meeting_date: date | None = None, next_meeting: date | None = None) -> list[DeadlineMatch]:
    """All deadline expressions in a sentence, in order, non-overlapping (longest wins)."""
    if not text:
        return []
    g = _grammar()
    cands = g.candidates(text, meeting_date, next_meeting, dates_only=False)
    if not cands:
        return []
    return [DeadlineMatch(text[s:e], s, e, dt_, kind) for s, e, _, kind, dt_, _, _ in _select(cands)]


def states_start(match: DeadlineMatch) -> bool:
    """Whether a match says when something starts ("ab Oktober", "frühestens am 3.5."): a date, not a deadline."""
    lead = _norm(match.text)
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
    cands = g.candidates(text, reference, None, dates_only=True)
    out = []
    for s, e, _, _, dt_, start_dt, _ in _select(cands):
        d = start_dt or dt_
        if d is not None:
            out.append((s, e, d))
    return out
