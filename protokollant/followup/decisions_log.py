"""The decision log: every decision of every processed meeting, from the register.

    entries = list_decisions(register, bodies, organisation="Bürgerrunde", since=date(2017, 1, 1))
    to_json(entries)   # {"items": [{..., "meeting": {...}}]}
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import sqlalchemy as sa

from ..fileio import csv_cell, excel_csv
from ..german import format_date
from ..register import Register, RegisterError, decisions, normalise_text
from ..render import DECISION_KINDS_DE, format_vote
from ..schema import Vote
from .bodies import Bodies
from .meetings import MeetingInfo, load_meetings, matches_body

CSV_COLUMNS = ("Datum", "Gremium", "Sitzung", "TOP", "Art", "Beschluss", "Abstimmung", "Ergebnis", "Quelle", "Bericht")
OUTCOME_DE = {"accepted": "angenommen", "rejected": "abgelehnt"}


@dataclass
class DecisionEntry:
    id: str
    text: str
    kind: str
    meeting: MeetingInfo
    topic_index: int | None
    topic_label: str
    vote: Vote | None
    vote_text: str | None
    evidence_block: int | None
    evidence_text: str | None

    @property
    def kind_label(self) -> str:
        return DECISION_KINDS_DE.get(self.kind or "", (self.kind or "").capitalize())

    @property
    def outcome(self) -> str | None:
        return self.vote.outcome.value if self.vote is not None and self.vote.outcome is not None else None

    @property
    def vote_label(self) -> str:
        return format_vote(self.vote) if self.vote is not None else (self.vote_text or "")

    @property
    def source(self) -> str:
        return f"Absatz {self.evidence_block + 1}" if self.evidence_block is not None else ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "topic": {"index": self.topic_index, "label": self.topic_label},
            "vote": self.vote.model_dump(mode="json") if self.vote is not None else ({"text": self.vote_text} if self.vote_text else None),
            "outcome": self.outcome,
            "evidence": {"block_index": self.evidence_block, "text": self.evidence_text},
            "meeting": self.meeting.to_dict(),
        }


def _vote(row) -> Vote | None:
    raw = getattr(row, "vote_json", None)
    if raw:
        try:
            return Vote.model_validate_json(raw)
        except ValueError:
            return None
    return None


def list_decisions(
    register: Register,
    bodies: Bodies,
    *,
    organisation: str | None = None,
    since: dt.date | None = None,
    search: str | None = None,
    meetings: list[MeetingInfo] | None = None,
) -> list[DecisionEntry]:
    """Decisions in meeting order, then in the order of the minutes."""
    meetings = meetings if meetings is not None else load_meetings(register, bodies)
    chosen = {m.id: m for m in meetings if matches_body(m, organisation, bodies) and (since is None or (m.date is not None and m.date >= since))}
    try:
        with register.engine.connect() as conn:
            rows = list(conn.execute(sa.select(decisions).order_by(decisions.c.meeting_id, decisions.c.ordinal)))
    except sa.exc.SQLAlchemyError as e:
        raise RegisterError(f"Register nicht lesbar: {e}") from e
    needle = normalise_text(search) if search else ""
    out = []
    for r in rows:
        meeting = chosen.get(r.meeting_id)
        if meeting is None:
            continue
        if needle and needle not in normalise_text(f"{r.text} {r.evidence_text or ''}"):
            continue
        out.append(DecisionEntry(
            id=r.id, text=r.text, kind=r.kind or "", meeting=meeting, topic_index=r.topic_index,
            topic_label=meeting.topic_label(r.topic_index), vote=_vote(r), vote_text=r.vote,
            evidence_block=r.evidence_block, evidence_text=r.evidence_text,
        ))
    order = {m.id: i for i, m in enumerate(meetings)}
    out.sort(key=lambda e: order[e.meeting.id])  # stable: keeps the minutes' order inside a meeting
    return out


def to_json(entries: list[DecisionEntry]) -> str:
    return json.dumps({"items": [e.to_dict() for e in entries]}, ensure_ascii=False, indent=2)


def to_csv(entries: list[DecisionEntry]) -> bytes:
    """Semicolon CSV for German Excel (UTF-8 with BOM), like the other exports."""
    return excel_csv(CSV_COLUMNS, ([csv_cell(x) for x in (
        format_date(e.meeting.date), e.meeting.body or "", e.meeting.title or e.meeting.file_name, e.topic_label, e.kind_label,
        e.text, e.vote_label, OUTCOME_DE.get(e.outcome or "", ""), e.source, e.meeting.report,
    )] for e in entries))


def to_table(entries: list[DecisionEntry], width: int = 70) -> str:
    """A plain-text table for the terminal."""
    if not entries:
        return "Keine Beschlüsse."
    lines = [f"{'Datum':<10}  {'Gremium':<20}  {'TOP':<16}  {'Beschluss':<{width}}  Abstimmung"]
    for e in entries:
        text = e.text if len(e.text) <= width else e.text[: width - 1] + "…"
        body = (e.meeting.body or "")[:20]
        lines.append(f"{format_date(e.meeting.date):<10}  {body:<20}  {e.topic_label[:16]:<16}  {text:<{width}}  {e.vote_label}")
    n = len(entries)
    meetings = len({e.meeting.id for e in entries})
    lines.append(f"{n} {'Beschluss' if n == 1 else 'Beschlüsse'} aus {meetings} {'Sitzung' if meetings == 1 else 'Sitzungen'}.")
    return "\n".join(lines)


__all__ = ["CSV_COLUMNS", "DecisionEntry", "list_decisions", "to_csv", "to_json", "to_table"]
