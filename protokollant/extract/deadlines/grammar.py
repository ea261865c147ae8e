"""The deadline grammar: the vocabulary of ``models/deadlines.json`` (word maps,
conventions), the regex pieces the forms are built from, the compiled form
table, the trigger words that gate it, and the date arithmetic the resolvers share."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .calendar_math import last_day, monday, shift_month
from .form import Form
from .forms import FORMS
from .words import DIGIT_RX, WORD_RX, Y4, norm
from .words import alt as alt_of

PART_ORDER = {"anfang": 0, "mitte": 1, "ende": 2}
_WORD_FAMILIES_MAX = 50_000  # words whose trigger families are remembered (a bound on memory)


class Pattern:
    __slots__ = ("name", "rx", "resolve", "is_date", "needs_digit", "families", "left")

    def __init__(self, name, rx, resolve, is_date=False, needs_digit=False):
        self.families: frozenset[str] = frozenset()
        self.left: re.Pattern | None = None
        self.name = name
        self.rx = rx
        self.resolve = resolve
        self.is_date = is_date
        self.needs_digit = needs_digit


class Grammar:
    def __init__(self, data: dict, forms: list[Form] = FORMS):
        self._data = data
        self._vocabulary(data)
        self._fragments(data)
        c = 0  # all patterns run on the lowercased text
        pats = []
        for f in forms:
            p = Pattern(f.name, re.compile(f.pattern(self), c), _bind(f.resolve, self), f.is_date, f.needs_digit)
            if f.left is not None:
                # optional words before a pattern's core, searched leftwards (cheaper than a leading optional group)
                p.left = re.compile(f.left(self), c)
            p.families = f.uses
            pats.append(p)
        self.patterns = pats
        self.date_patterns = [p for p in pats if p.is_date]

        a = alt_of
        labels = a(data["labels"])
        preps = a(data["prepositions"])
        arts = a(data["articles"])
        self.prefix_rx = re.compile(
            rf"(?<!\w)(?:(?P<label>{labels})\s*:?\s*(?:{preps}:?\s+){{0,3}}|(?:{preps}:?\s+){{1,3}})(?:{arts}\s+)?$", c)
        self.time_before_rx = re.compile(r"\d{1,2}[.:]\d{2}\s*(?:uhr\s*)?(?:bis|-|–)\s*$")
        self.block_rx = re.compile(rf"(?:(?<!\w){a(data['context_blockers'])}|§)\.?\s*$", c)
        self.unit_rx = re.compile(rf"\s*{a(data['unit_blockers'])}(?!\w)", c)
        self.prev_word_rx = re.compile(r"(\w+)\W*$")
        self._triggers(data)
        self._word_families: dict[str, frozenset[str]] = {}

    def _vocabulary(self, data: dict) -> None:
        conv = data["conventions"]
        self.rollover = int(conv["rollover_days"])
        self.week_wd = int(conv["week_deadline_weekday"])
        self.yy_base = int(conv["two_digit_year_base"])
        self.month_parts = conv["month_parts"]
        self.week_parts = {k: int(v) for k, v in conv["week_parts"].items()}
        self.period_parts = {k: v for k, v in conv["period_parts"].items() if not k.startswith("_")}

        self.months = {norm(k): v for k, v in data["months"].items()}
        self.month_abbr = {norm(k): v for k, v in data["month_abbreviations"].items()}
        self.weekdays = {norm(k): v for k, v in data["weekdays"].items()}
        self.wd_abbr = dict(data["weekday_abbreviations"])
        self.parts = {norm(k): v for k, v in data["parts"].items()}
        self.compounds = {norm(k): v for k, v in data["compounds"].items()}
        self.numbers = {norm(k): v for k, v in data["number_words"].items()}
        self.units = {norm(k): tuple(v) for k, v in data["units"].items()}
        self.ordinals = {norm(k): v for k, v in data["ordinals"].items()}
        self.romans = {norm(k): v for k, v in data["roman_numerals"].items()}
        self.tomorrow = {norm(k): v for k, v in data["tomorrow_words"].items()}
        self.tomorrow_cues = {norm(w) for w in data["tomorrow_cues"]}
        self.start_leads = tuple(norm(w) for w in data.get("start_leads", []))
        mods = data["modifiers"]
        self.mod_stems = [(s.lower(), 2) for s in mods["after_next"]]
        self.mod_stems += [(s.lower(), 1) for s in mods["next"]]
        self.mod_stems += [(s.lower(), 0) for s in mods["this"]]
        self.mod_stems.sort(key=lambda t: len(t[0]), reverse=True)

    def _fragments(self, data: dict) -> None:
        """Regex pieces the forms' patterns are built from (all lowercase)."""
        a = alt_of
        mods = data["modifiers"]
        self.week = a(data["week_words"])
        # a month name; only an abbreviation takes a dot ("Jan.", but "Ende Januar." leaves the full stop)
        self.month_tok = rf"(?:{a(self.months)}(?!\w)|{a(self.month_abbr)}(?!\w)\.?)"
        self.short_cues = {norm(w) for w in data["short_date_cues"]}
        wd_full = a(self.weekdays)
        wd_suffix = a(data["weekday_suffixes"])
        wd_abbr = alt_of(self.wd_abbr)
        self.mod_all = "(?:" + "|".join(re.escape(s) for s, _ in self.mod_stems) + ")e[nmrs]?"
        self.mod_next = "(?:" + "|".join(re.escape(s) for s in mods["next"]) + ")e[nmrs]?"
        parts = a(self.parts)
        self.parts_g = rf"(?P<part>{parts})(?:\s*(?:/|-|–|bis|oder)\s*(?P<part2>{parts}))?"
        self.month_words = a(data["month_words"])
        self.year_words = a(data["year_words"])
        self.quarter_words = a(data["quarter_words"])
        self.half_words = a(data["half_year_words"])
        self.kw_abbr = {w.rstrip(".") for w in data["calendar_week_abbreviations"]}
        self.kw_words = a(data["calendar_week_words"])
        self.kw_abbr_rx = a(w.lower() for w in self.kw_abbr)
        self.num = rf"(?P<num>\d{{1,3}}|{a(self.numbers)})"
        self.half = a(data["half_words"])
        self.units_rx = a(self.units)
        self.nm_noun = rf"(?:{a(data['next_meeting_nouns'])}|\w*{a(data['next_meeting_suffixes'])})"
        self.nm_leads = a(data["next_meeting_leads"])
        self.meeting_compound = rf"(?P<pre>[a-zäöüß]{{3,}}?)-?(?:{a(data['next_meeting_suffixes'])})|{a(data['meeting_event_abbreviations'])}"
        self.seasons = {norm(w) for w in data["vague_events"]}
        self.ordinals_rx = a(self.ordinals)
        self.compounds_rx = a(self.compounds)
        self.tomorrow_rx = a(self.tomorrow)
        self.weekref = rf"(?:(?:in\s+)?(?:der|die)\s+)?(?P<wm>{self.mod_all})\s+{self.week}(?!\w)"
        self.wd_g = rf"(?<!\w)(?P<wd>{wd_full})(?:{wd_suffix})?(?!\w)"
        lead_ref = rf"(?:(?:in\s+)?(?:der|die)\s+)?{self.mod_all}\s+{self.week}"
        # a weekday before an explicit date ("Do., 12.03.", "nächste Woche Mittwoch 12.08."), found leftwards
        self.lead_rx = re.compile(
            rf"(?<!\w)(?:{lead_ref}\s*,?\s+(?:am\s+)?)?(?:{wd_full}(?:{wd_suffix})?|(?P<abbr>{wd_abbr})\.?)(?!\w)"
            rf"(?:\s+{lead_ref})?\s*,?\s*(?:den\s+)?$")

    def alt(self, key: str) -> str:
        """Regex alternation of a word list of the data file."""
        return alt_of(self._data[key])

    def num_date(self, d="d", m="m", dot="dot", y4="y4", y2="y2") -> str:  # 15.01. / 15.1.26 / 15.01. 2026 / 15.01
        return (rf"(?P<{d}>\d{{1,2}})\.(?P<{m}>\d{{1,2}})(?:(?P<{dot}>\.)(?:(?P<{y4}>\s?{Y4})|(?P<{y2}>\d{{2}}))?)?"
                rf"(?!\w|[.,/]\d)")

    def text_date(self, d="td", mon="mon", y="ty") -> str:  # 31. März [2026]
        return rf"(?P<{d}>\d{{1,2}})(?:\.\s*|\s+)(?P<{mon}>{self.month_tok})(?:,?\s*(?P<{y}>{Y4})(?!\d))?"

    def _triggers(self, data: dict) -> None:
        # Fast path and gating: one scan for trigger words tells which patterns can match at all.
        fam: dict[str, set[str]] = {}

        def add(words, family):
            for w in words:
                fam.setdefault(norm(w).rstrip("."), set()).add(family)

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
                            ("vague_events", "event"), ("today_phrases", "today"), ("quarter_words", "quarter"),
                            ("meeting_event_leads", "meeting_event"), ("meeting_event_abbreviations", "meeting_event")):
            for ph in data[key]:
                exact.setdefault(max(WORD_RX.findall(ph.lower()), key=len), set()).add(family)
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

    def active(self, low: str, dates_only: bool) -> list[Pattern]:
        """The patterns that can match the (lowercased) text: one pass over its words."""
        has_digit = DIGIT_RX.search(low) is not None
        if dates_only:
            return self.date_patterns if has_digit else []
        found: set[str] = set()
        known = self._word_families
        for tok in WORD_RX.findall(low):
            fams = known.get(tok)
            if fams is None:
                if len(known) >= _WORD_FAMILIES_MAX:
                    known.clear()
                fams = known[tok] = self._families_of(tok)
            if fams:
                found |= fams
        if not has_digit and not found:
            return []
        if has_digit:
            found.add("digit")
        pats = self.date_patterns if dates_only else self.patterns
        return [p for p in pats if (has_digit or not p.needs_digit) and not p.families.isdisjoint(found)]

    def _families_of(self, tok: str) -> frozenset[str]:
        """The trigger families of one (lowercased) word: its exact trigger's, and the longest
        trigger it starts with's. Remembered per word (``_word_families``): words recur."""
        found = self.exact_triggers.get(tok, frozenset())
        for t, fams in self.triggers.get(tok[:2], ()):
            if tok.startswith(t):
                return found | fams
        return found

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
        p = self.parts[norm(p1)]
        p2 = m.group("part2")
        if p2:
            q = self.parts[norm(p2)]
            if PART_ORDER[q] > PART_ORDER[p]:
                p = q
        return p

    def year_of(self, s: str | None) -> int | None:
        if not s:
            return None
        s = s.strip()
        return int(s) if len(s) == 4 else self.yy_base + int(s)

    def month_of(self, s: str) -> int:
        k = norm(s).rstrip(".")
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
        return date(y, m, last_day(y, m) if v == "last" else min(int(v), last_day(y, m)))

    def period_date(self, period: str, y: int, first_month: int, part: str | None) -> date:
        if period == "month":
            return self.month_day(y, first_month, part)
        idx, day = self.period_parts[period][part or "ende"]
        yy, mm = shift_month(y, first_month, int(idx) - 1)
        return date(yy, mm, last_day(yy, mm) if day == "last" else int(day))

    def week_date(self, meeting: date, offset: int, weekday: int) -> date:
        return monday(meeting) + timedelta(days=7 * offset + weekday - 1)

    def amount(self, m: re.Match) -> tuple[str, float] | None:
        raw = m.group("num")
        n = int(raw) if raw.isdigit() else self.numbers.get(norm(raw))
        if n is None:
            return None
        unit, k = self.units[norm(m.group("unit"))]
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

    def rel_quarter(self, mt: date, period: str, off: int, part: str | None) -> date:
        size = 3 if period == "quarter" else 6
        first = (mt.month - 1) // size * size + 1
        y, mo = shift_month(mt.year, first, off * size)
        return self.period_date(period, y, mo, part)


def _bind(resolve: Callable, grammar: Grammar) -> Callable:
    """The resolver with the grammar as its first argument: ``resolve(match, ctx)``."""
    return lambda m, c: resolve(grammar, m, c)
