"""Cross-meeting links: a later report ("erledigt", "steht noch aus") suggests a status for the
matching open item of an earlier meeting. Recomputed lazily, once per batch of recordings."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import sqlalchemy as sa

from ..german import format_date
from .constants import OPEN_STATUSES
from .identity import completion_kind, content_words, overlap
from .responsible import same_responsible
from .schema import action_items, decisions, meetings, progress_table, state_table


def where_label(meeting: Any, block: int | None) -> str:
    date = format_date(meeting.date) or meeting.file_name
    text = f"Sitzung {date} ({meeting.file_name})"
    return text + (f", Absatz {block + 1}" if block is not None else "")


def set_links_stale(conn: sa.Connection, stale: bool) -> None:
    """Mark the cross-meeting links for recomputation on the next read (or as fresh)."""
    value = "1" if stale else "0"
    if conn.execute(state_table.update().where(state_table.c.name == "links_stale").values(value=value)).rowcount == 0:
        conn.execute(state_table.insert().values(name="links_stale", value=value))


def relink_all(conn: sa.Connection) -> None:
    """Recompute suggestions: later reports ("erledigt", "steht noch aus") → earlier open items."""
    conn.execute(action_items.update().values(
        suggested_status=None, linked_item_id=None, suggestion_source=None,
        suggested_by_meeting=None, suggested_by_block=None, suggested_by_text=None))
    mrows = {r.id: r for r in conn.execute(sa.select(meetings))}

    def order(meeting_id: int) -> tuple:
        m = mrows[meeting_id]
        return (m.date or dt.date.max, m.recorded_at, m.id)

    items = [r for r in conn.execute(sa.select(action_items).where(action_items.c.missing_since.is_(None)))]
    reports: list[tuple] = []  # (kind, item id, meeting, text, responsible, where, block, shown text)
    report_ids: set[str] = set()
    for r in items:
        kind = completion_kind(r.task) or completion_kind(r.evidence_text)
        if kind:
            reports.append((kind, r.id, r.meeting_id, r.task + " " + (r.evidence_text or ""), json.loads(r.ex_responsible),
                            where_label(mrows[r.meeting_id], r.evidence_block), r.evidence_block, r.evidence_text or r.task))
            report_ids.add(r.id)
    for d in conn.execute(sa.select(decisions)):
        kind = completion_kind(d.text)
        if kind:
            reports.append((kind, None, d.meeting_id, d.text, [], where_label(mrows[d.meeting_id], d.evidence_block), d.evidence_block, d.text))
    for p in conn.execute(sa.select(progress_table)):
        reports.append((p.status, None, p.meeting_id, p.text, [], where_label(mrows[p.meeting_id], p.evidence_block), p.evidence_block, p.text))
    if not reports:
        return
    targets = [r for r in items if r.id not in report_ids and r.status in OPEN_STATUSES]
    suggestions: dict[str, tuple[float, tuple, str, str | None, str]] = {}
    report_links: dict[str, str] = {}
    for kind, rep_id, rep_meeting, text, rep_resp, where, rep_block, shown in reports:
        words = content_words(text)
        best, best_score = None, 0.0
        for t in targets:
            if order(t.meeting_id) >= order(rep_meeting):
                continue
            twords = content_words(t.task)
            shared = len(words & twords)
            score = overlap(words, twords)
            if shared < min(2, len(twords)) or score < 0.5:
                continue
            if rep_resp and not same_responsible(rep_resp, json.loads(t.ex_responsible), t.rv_responsible):
                continue
            rank = (score, order(t.meeting_id))
            if best is None or rank > best_score:
                best, best_score = t, rank
        if best is None:
            continue
        previous = suggestions.get(best.id)
        rank = order(rep_meeting)
        if previous is None or rank > previous[1]:  # the latest report wins
            suggestions[best.id] = (best_score[0], rank, kind, rep_id, where, rep_meeting, rep_block, shown)
        if rep_id:
            report_links[rep_id] = best.id
    for target_id, (_, _, kind, rep_id, where, rep_meeting, rep_block, shown) in suggestions.items():
        conn.execute(action_items.update().where(action_items.c.id == target_id).values(
            suggested_status=kind, linked_item_id=rep_id, suggestion_source=where,
            suggested_by_meeting=rep_meeting, suggested_by_block=rep_block, suggested_by_text=shown))
    for rep_id, target_id in report_links.items():
        kind = suggestions.get(target_id, (0, 0, None))[2]
        conn.execute(action_items.update().where(action_items.c.id == rep_id).values(
            linked_item_id=target_id, suggested_status="done" if kind == "done" else None,
            suggestion_source="Meldung zu einer Aufgabe einer früheren Sitzung"))
