"""Recording one minutes document: meeting, decisions, progress reports and action items,
matched to the items of an earlier version so reviews survive reprocessing."""
from __future__ import annotations

import difflib
import json
import unicodedata
from typing import TYPE_CHECKING

import sqlalchemy as sa

from .constants import SYSTEM_USER
from .identity import hash_id, normalise_text, now_iso, str_value
from .schema import action_items, decisions, item_history, meetings, progress_table

if TYPE_CHECKING:
    from ..schema import MinutesRecord


def context_of(record: MinutesRecord) -> dict:
    p = record.meeting.participants
    return {
        "institutions": [{"name": i.name, "aliases": list(i.aliases)} for i in record.institutions],
        "participants": [
            {"name": person.name, "role": person.role, "initials": person.initials}
            for person in (*p.present, *p.excused, *p.guests)
        ],
        "topics": {str(t.index): (f"TOP {t.number}" if t.number else t.title) for t in record.topics},
    }




def insert_rows(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def record_meeting(conn: sa.Connection, record: MinutesRecord, stem: str) -> dict[str, int]:
    """Insert or update one minutes document's meeting, decisions, progress reports and items;
    a corrected version keeps its items' ids and reviews. Returns counts of what changed."""
    now = now_iso()
    stem_key = unicodedata.normalize("NFC", stem).casefold()
    context = context_of(record)
    values = dict(
        stem=stem,
        stem_key=stem_key,
        file_name=record.source.file,
        sha256=record.source.sha256,
        title=record.meeting.title,
        date=record.meeting.date,
        processed_at=record.source.processed_at.isoformat(),
        recorded_at=now,
        context=json.dumps(context, ensure_ascii=False),
        organisation=record.meeting.organisation,
    )
    row = conn.execute(sa.select(meetings.c.id).where(meetings.c.stem_key == stem_key)).first()
    if row is None:
        meeting_id = conn.execute(meetings.insert().values(**values)).inserted_primary_key[0]
    else:
        meeting_id = row[0]
        conn.execute(meetings.update().where(meetings.c.id == meeting_id).values(**values))

    # progress reports carry no review either: replace them
    # Rows go in with one executemany per table: per-row statements cost more than the data.
    conn.execute(progress_table.delete().where(progress_table.c.meeting_id == meeting_id))
    insert_rows(conn, progress_table, [
        dict(meeting_id=meeting_id, ordinal=ordinal, text=rep.text, status=rep.status, evidence_block=rep.evidence.block_index)
        for ordinal, rep in enumerate(record.progress_reports)
    ])

    # decisions carry no review: replace them
    conn.execute(decisions.delete().where(decisions.c.meeting_id == meeting_id))
    seen: dict[str, int] = {}
    decision_rows = []
    for ordinal, d in enumerate(record.decisions):
        key = (normalise_text(d.text), d.topic_index)
        n = seen[str(key)] = seen.get(str(key), 0) + 1
        decision_rows.append(dict(
            id=hash_id("decision", stem_key, key[0], key[1], n),
            meeting_id=meeting_id, ordinal=ordinal, text=d.text, kind=d.kind, topic_index=d.topic_index,
            evidence_block=d.evidence.block_index, evidence_text=d.evidence.text,
            vote=d.vote.text if d.vote else None,
            vote_json=d.vote.model_dump_json() if d.vote else None,
        ))
    insert_rows(conn, decisions, decision_rows)

    existing = {r.id: r for r in conn.execute(sa.select(action_items).where(action_items.c.meeting_id == meeting_id))}
    new_items = []
    seen = {}
    for ordinal, item in enumerate(record.action_items):
        key = (normalise_text(item.task), item.topic_index)
        n = seen[str(key)] = seen.get(str(key), 0) + 1
        item_id = hash_id("item", stem_key, key[0], key[1], n)
        new_items.append((item_id, ordinal, item))

    # pass 1: exact ids; pass 2: a corrected text matched to a leftover old item
    matched: dict[int, str] = {}
    used: set[str] = set()
    for pos, (item_id, _, _) in enumerate(new_items):
        if item_id in existing and item_id not in used:
            matched[pos] = item_id
            used.add(item_id)
    new_ids = {item_id for item_id, _, _ in new_items}
    for pos, (item_id, _, item) in enumerate(new_items):
        if pos in matched:
            continue
        best, best_score = None, 0.0
        for old in existing.values():
            if old.id in used or old.id in new_ids:
                continue
            if old.topic_index is not None and item.topic_index is not None and old.topic_index != item.topic_index:
                continue
            score = difflib.SequenceMatcher(None, normalise_text(old.task), normalise_text(item.task)).ratio()
            same_block = old.evidence_block == item.evidence.block_index
            if (score >= 0.6 or (same_block and score >= 0.3)) and score + (0.2 if same_block else 0) > best_score:
                best, best_score = old.id, score + (0.2 if same_block else 0)
        if best is not None:
            matched[pos] = best
            used.add(best)

    counts = {"inserted": 0, "updated": 0, "removed": 0, "restored": 0}
    inserted: list[dict] = []
    history: list[dict] = []

    def log(item_id: str, fld: str, old: str | None, new: str | None) -> None:
        history.append(dict(item_id=item_id, at=now, by=SYSTEM_USER, field=fld, old_value=old, new_value=new))

    for pos, (item_id, ordinal, item) in enumerate(new_items):
        ex = dict(
            meeting_id=meeting_id,
            ordinal=ordinal,
            task=item.task,
            topic_index=item.topic_index,
            evidence_block=item.evidence.block_index,
            evidence_text=item.evidence.text,
            confidence=item.confidence,
            ex_responsible=json.dumps(
                [{"name": r.name, "kind": r.kind.value, "resolved": r.resolved} for r in item.responsible],
                ensure_ascii=False,
            ),
            ex_due_date=item.due.date if item.due else None,
            ex_due_text=item.due.text if item.due else None,
            missing_since=None,
            updated_at=now,
        )
        old_id = matched.get(pos)
        if old_id is None:
            inserted.append(dict(id=item_id, status="open", first_seen=now, **ex))
            log(item_id, "created", None, item.task)
            counts["inserted"] += 1
            continue
        old = existing[old_id]
        for fld, label in (("task", "task"), ("ex_due_date", "due (extrahiert)"), ("ex_responsible", "responsible (extrahiert)")):
            before, after = getattr(old, fld), ex[fld]
            if before != after:
                log(old_id, label, str_value(before), str_value(after))
        if old.missing_since is not None:
            log(old_id, "in_source", "nein", "ja")
            counts["restored"] += 1
        conn.execute(action_items.update().where(action_items.c.id == old_id).values(**ex))
        counts["updated"] += 1
    for old in existing.values():
        if old.id in used or old.missing_since is not None:
            continue
        conn.execute(action_items.update().where(action_items.c.id == old.id).values(missing_since=now, updated_at=now))
        log(old.id, "in_source", "ja", "nein")
        counts["removed"] += 1
    insert_rows(conn, action_items, inserted)
    insert_rows(conn, item_history, history)
    return counts
