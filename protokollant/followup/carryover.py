"""Carry-over: the same body's tasks still open from earlier meetings, for a meeting's report.

For meeting M of body B (``bodies``: register organisation identity + alias
file) the section lists every task of B's earlier meetings that

* M reported on (the register's cross-meeting link: a progress report or task of
  M "erledigt" / "steht noch aus" matched to the task) – with M's words, or
* is still open (status open/confirmed) and was not reported done before M.

A task is overdue when its deadline lies before M's date. A deadline written
as the next meeting ("bis zur nächsten Sitzung", "in der nächsten Bürgerrunde")
is due in the meeting that followed the task's own: "fällig in dieser Sitzung"
there, overdue in any later one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..register import OPEN_STATUSES, Register, action_items
from .bodies import Bodies
from .meetings import MeetingInfo, load_meetings

REPORTED_LABELS = {"done": "als erledigt gemeldet", "open": "Sachstand: noch offen"}
_NEXT_MEETING = re.compile(r"\b(?:nächste[nr]?|kommende[nr]?|folgende[nr]?)\s+(?:\w+\s+)?(?:sitzung|treffen|runde|\w*runde|versammlung|termin)\b", re.I)


@dataclass
class CarryItem:
    id: str
    task: str
    responsible: list[str]
    institutions: list[str]
    due_date: dt.date | None
    due_text: str
    status: str
    overdue: bool
    origin: MeetingInfo
    evidence_block: int | None
    topic_label: str
    reported: str | None = None
    """"done" / "open" when this meeting reported on the task."""
    report_text: str | None = None
    report_block: int | None = None
    due_here: bool = False
    """The deadline is "the next meeting" and this is it."""

    @property
    def origin_link(self) -> str:
        """Link from a report in OUTBOX/<stem>/ to the task in its own meeting's report."""
        anchor = f"#absatz-{self.evidence_block}" if self.evidence_block is not None else ""
        return f"../{self.origin.stem}/{self.origin.stem}.html{anchor}"

    @property
    def reported_label(self) -> str:
        return REPORTED_LABELS.get(self.reported or "", "")


@dataclass
class CarryOver:
    meeting: MeetingInfo
    earlier: list[MeetingInfo]
    items: list[CarryItem] = field(default_factory=list)

    @property
    def reported_done(self) -> list[CarryItem]:
        return [i for i in self.items if i.reported == "done"]

    @property
    def still_open(self) -> list[CarryItem]:
        return [i for i in self.items if i.reported != "done"]

    @property
    def overdue(self) -> list[CarryItem]:
        return [i for i in self.still_open if i.overdue]


def cross_meeting_links(register: Register) -> dict[str, tuple]:
    """item id -> (meeting id, block, text) of the later report the register linked to it."""
    with register.engine.connect() as conn:
        rows = conn.execute(sa.select(action_items.c.id, action_items.c.suggested_by_meeting,
                                      action_items.c.suggested_by_block, action_items.c.suggested_by_text))
        return {r.id: (r.suggested_by_meeting, r.suggested_by_block, r.suggested_by_text) for r in rows}


def carryover_for(
    register: Register, bodies: Bodies, stem: str, *, meetings: list[MeetingInfo] | None = None,
    items: list | None = None, links: dict[str, tuple] | None = None, today: dt.date | None = None,
) -> CarryOver | None:
    """The carry-over for the meeting ``stem``; None when it is unknown, has no body or no earlier meeting of its body."""
    meetings = meetings if meetings is not None else load_meetings(register, bodies)
    by_stem = {m.stem: m for m in meetings}
    meeting = by_stem.get(stem)
    if meeting is None or not meeting.body_key:
        return None
    earlier = [m for m in meetings if m.body_key == meeting.body_key and m.order < meeting.order]
    if not earlier:
        return None
    items = items if items is not None else register.list_items()  # also recomputes the cross-meeting links
    links = links if links is not None else cross_meeting_links(register)
    earlier_stems = {m.stem: m for m in earlier}
    previous = earlier[-1]
    position = {m.id: n for n, m in enumerate(meetings)}
    reference = meeting.date or today or register.today()
    result = CarryOver(meeting, earlier)
    for it in items:
        origin = earlier_stems.get(it.meeting_stem)
        if origin is None or it.status in ("rejected", "removed"):
            continue
        by_meeting, block, text = links.get(it.id, (None, None, None))
        if it.linked_item_id and by_meeting is None:
            continue  # itself a report on an even earlier task, not a task
        reported = it.suggested_status if by_meeting == meeting.id else None
        if reported is None:
            if it.status not in OPEN_STATUSES:
                continue
            if it.suggested_status == "done" and by_meeting in position and position[by_meeting] < position[meeting.id]:
                continue  # reported done in a meeting before this one
        next_meeting = it.due_date is None and bool(_NEXT_MEETING.search(it.due_text or ""))
        late = bool(it.due_date and it.due_date < reference) or (next_meeting and origin is not previous)
        result.items.append(CarryItem(
            id=it.id, task=it.task, responsible=list(it.responsible), institutions=list(it.institutions),
            due_date=it.due_date, due_text=it.due_text, status=it.status,
            overdue=late and reported != "done", due_here=next_meeting and origin is previous and reported != "done",
            origin=origin, evidence_block=it.evidence_block, topic_label=it.topic_label,
            reported=reported, report_text=text if reported else None, report_block=block if reported else None,
        ))
    return result


__all__ = ["CarryItem", "CarryOver", "carryover_for", "cross_meeting_links"]
