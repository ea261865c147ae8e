"""The meetings of the register with their body, in the order they took place."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

import sqlalchemy as sa

from ..german import format_date
from ..register import Register, RegisterError, meetings
from .bodies import Bodies, body_name


@dataclass
class MeetingInfo:
    id: int
    stem: str
    file_name: str
    title: str | None
    date: dt.date | None
    body: str | None
    """The body as named in the minutes (or derived from the title), mapped through the alias file."""
    body_key: str
    recorded_at: str
    sha256: str
    context: dict = field(default_factory=dict, repr=False)

    @property
    def order(self) -> tuple:
        return (self.date or dt.date.max, self.recorded_at, self.id)

    @property
    def report(self) -> str:
        """The report's path relative to the outbox."""
        return f"{self.stem}/{self.stem}.html"

    @property
    def label(self) -> str:
        date = format_date(self.date) or "ohne Datum"
        return f"{self.body or self.title or self.file_name} – {date}"

    def topic_label(self, topic_index: int | None) -> str:
        if topic_index is None:
            return ""
        return self.context.get("topics", {}).get(str(topic_index), "")

    def to_dict(self) -> dict:
        return {
            "stem": self.stem, "file": self.file_name, "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "organisation": self.body, "report": self.report,
        }


def load_meetings(register: Register, bodies: Bodies) -> list[MeetingInfo]:
    """All meetings, oldest first (undated ones last, by recording time)."""
    try:
        with register.engine.connect() as conn:
            rows = list(conn.execute(sa.select(meetings)))
    except sa.exc.SQLAlchemyError as e:
        raise RegisterError(f"Register nicht lesbar: {e}") from e
    out = []
    for r in rows:
        name = body_name(r.organisation, r.title)
        out.append(MeetingInfo(
            id=r.id, stem=r.stem, file_name=r.file_name, title=r.title, date=r.date,
            body=bodies.display(name) if name else None, body_key=bodies.key(name),
            recorded_at=r.recorded_at, sha256=r.sha256, context=json.loads(r.context or "{}"),
        ))
    return sorted(out, key=lambda m: m.order)


def matches_body(meeting: MeetingInfo, wanted: str | None, bodies: Bodies) -> bool:
    """``--organisation`` filter: same body (alias file) or the name contained in the body's name."""
    if not wanted:
        return True
    key = bodies.key(wanted)
    return meeting.body_key == key or (bool(key) and key in meeting.body_key)


__all__ = ["MeetingInfo", "load_meetings", "matches_body"]
