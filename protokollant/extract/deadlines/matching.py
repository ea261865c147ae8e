"""Matching: every accepted candidate of the active forms in a text (with its
leading label or preposition chain), and the choice of non-overlapping ones."""
from __future__ import annotations

import bisect
from datetime import date

from .form import Ctx
from .grammar import Grammar
from .words import lower_same_length


def candidates(g: Grammar, text: str, meeting: date | None, next_meeting: date | None, dates_only: bool):
    """(full_start, end, core_start, kind, date, range_start, order) for every accepted candidate."""
    out = []
    low = lower_same_length(text)
    prefix_cache: dict[int, tuple[int, bool, bool, str]] = {}
    for order, p in enumerate(g.active(low, dates_only)):
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
                lm = g.lead_rx.search(low, max(0, s - 50), s)
                if lm is not None and lm.start() < s and (
                        lm.group("abbr") is None or text[lm.start("abbr"):lm.end("abbr")] in g.wd_abbr):
                    ls = lm.start()  # "Do., 12.03." (abbreviations only capitalised: not "so 12.03.")
            pre = prefix_cache.get(ls)
            if pre is None:
                pm = g.prefix_rx.search(low, max(0, ls - 60), ls) if ls else None
                if pm is not None and pm.start() < ls:
                    pre = (pm.start(), True, pm.group("label") is not None, low[pm.start():ls])
                else:
                    pre = (ls, False, False, "")
                prefix_cache[ls] = pre
            ctx = Ctx(text, low, meeting, next_meeting, pre[1], pre[2], pre[3], s, ls < s, lx)
            res = p.resolve(m, ctx)
            if res is None:
                continue
            kind, dt_, start_dt = res
            out.append((ls if dates_only else pre[0], e, s, kind, dt_, start_dt, order))
    return out


def select(cands) -> list:
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
