"""Reading the register: history entries and the effective view of an item."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa

from ..german import format_date
from .constants import OPEN_STATUSES, REMOVED, STATUS_LABELS_DE
from .responsible import institutions_for, person_display, reviewed_responsible
from .schema import action_items, meetings


@dataclass
class HistoryEntry:
    at: str
    by: str
    field: str
    old: str | None
    new: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ItemView:
    """One action item with its effective (reviewed-or-extracted) values."""

    id: str
    task: str
    responsible: list[str]
    """Effective responsible, display names (resolved full name when known)."""
    institutions: list[str]
    """Responsible institutions (kind institution, or named in a person's role); empty = ohne Zuordnung."""
    due_date: dt.date | None
    due_text: str
    status: str
    suggested_status: str | None
    linked_item_id: str | None
    suggestion_source: str | None
    overdue: bool
    in_source: bool
    note: str | None
    reviewed_by: str | None
    reviewed_at: str | None
    meeting_date: dt.date | None
    meeting_title: str | None
    meeting_file: str
    meeting_stem: str
    evidence_block: int | None
    evidence_text: str | None
    topic_index: int | None
    topic_label: str
    confidence: float | None
    extracted_responsible: list[str] = field(default_factory=list)
    extracted_due_date: dt.date | None = None
    extracted_due_text: str = ""
    institution_aliases: list[str] = field(default_factory=list, repr=False)
    """Other forms of the institutions (e.g. "IHK"), for filtering."""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS_DE.get(self.status, self.status)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "task": self.task,
            "responsible": self.responsible,
            "institutions": self.institutions,
            "due": {"date": self.due_date.isoformat() if self.due_date else None, "text": self.due_text},
            "status": self.status,
            "suggested_status": self.suggested_status,
            "linked_item_id": self.linked_item_id,
            "suggestion_source": self.suggestion_source,
            "overdue": self.overdue,
            "in_source": self.in_source,
            "note": self.note,
            "reviewed_by": self.reviewed_by,
            "reviewed_at": self.reviewed_at,
            "meeting": {
                "date": self.meeting_date.isoformat() if self.meeting_date else None,
                "title": self.meeting_title,
                "file": self.meeting_file,
                "stem": self.meeting_stem,
            },
            "evidence": {"block_index": self.evidence_block, "text": self.evidence_text},
            "topic": {"index": self.topic_index, "label": self.topic_label},
            "confidence": round(self.confidence, 2) if self.confidence is not None else None,
            "extracted": {
                "responsible": self.extracted_responsible,
                "due": {
                    "date": self.extracted_due_date.isoformat() if self.extracted_due_date else None,
                    "text": self.extracted_due_text,
                },
            },
        }




def item_rows(conn: sa.Connection, where: Any = None) -> list:
    """Action items joined with their meeting, in meeting order."""
    query = sa.select(action_items, meetings.c.stem, meetings.c.file_name, meetings.c.title, meetings.c.date.label("meeting_date"), meetings.c.context).join(
        meetings, action_items.c.meeting_id == meetings.c.id)
    if where is not None:
        query = query.where(where)
    return list(conn.execute(query.order_by(meetings.c.date, meetings.c.stem_key, action_items.c.ordinal)))

def item_view(r: Any, today: dt.date) -> ItemView:
    """The effective view of one row of ``item_rows``: reviewed values over extracted ones."""
    context = json.loads(r.context or "{}")
    extracted = json.loads(r.ex_responsible or "[]")
    if r.rv_responsible is not None:
        names = json.loads(r.rv_responsible)
        effective = [reviewed_responsible(n, context) for n in names]
    else:
        effective = extracted
    due_date = r.rv_due_date if r.rv_due_date is not None else r.ex_due_date
    due_text = format_date(r.rv_due_date) if r.rv_due_date is not None else (r.ex_due_text or "")
    reviewed = r.reviewed_at is not None
    status = r.status
    if r.missing_since is not None and not reviewed:
        status = REMOVED
    overdue = bool(due_date and due_date < today and status in OPEN_STATUSES)
    topic_label = context.get("topics", {}).get(str(r.topic_index), "") if r.topic_index is not None else ""
    institutions = institutions_for(effective, context)
    aliases = [a for inst in context.get("institutions", []) if inst["name"] in institutions for a in inst.get("aliases", [])]
    return ItemView(
        id=r.id,
        task=r.task,
        responsible=[person_display(x) for x in effective],
        institutions=institutions,
        due_date=due_date,
        due_text=due_text,
        status=status,
        suggested_status=r.suggested_status,
        linked_item_id=r.linked_item_id,
        suggestion_source=r.suggestion_source,
        overdue=overdue,
        in_source=r.missing_since is None,
        note=r.note,
        reviewed_by=r.reviewed_by,
        reviewed_at=r.reviewed_at,
        meeting_date=r.meeting_date,
        meeting_title=r.title,
        meeting_file=r.file_name,
        meeting_stem=r.stem,
        evidence_block=r.evidence_block,
        evidence_text=r.evidence_text,
        topic_index=r.topic_index,
        topic_label=topic_label,
        confidence=r.confidence,
        extracted_responsible=[person_display(x) for x in extracted],
        extracted_due_date=r.ex_due_date,
        extracted_due_text=r.ex_due_text or "",
        institution_aliases=aliases,
    )
