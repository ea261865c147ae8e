"""OParl 1.1 export of the register's meetings (Meeting, AgendaItem, Organization, File, optional Person).

Layout of ``--out DIR``::

    DIR/index.json                    every object's id and file
    DIR/organization/<key>.json       oparl:Organization (one per body)
    DIR/meeting/<key>.json            oparl:Meeting with its agendaItem and resultsProtocol embedded
    DIR/agendaitem/<key>.json         each oparl:AgendaItem on its own as well (with ``meeting``)
    DIR/file/<key>.json               oparl:File: the source document of the minutes
    DIR/person/<key>.json             oparl:Person (only with persons=True)

Ids are URLs under ``base_url`` with keys derived from the register: the
meeting's identity (its output name, as the register keys it), the topic's
index, the body's identity, a person's normalised name – so a second export
gives the same ids. Tasks and votes are not part of OParl 1.1; they travel as
vendor extension properties with the prefix ``protokollant:`` (see README):

* AgendaItem ``protokollant:tasks``: [{id, task, responsible[], institutions[], due, status}]
* AgendaItem ``protokollant:votes``: [{decision, kind, yes, no, abstain, unanimous, outcome, text}]
* AgendaItem ``protokollant:postponed`` / ``protokollant:noted``: true when so recorded
* Meeting ``protokollant:date``: the meeting's date (``start`` needs a time, given only when the minutes state one)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from ..errors import ProtokollantError
from ..fileio import write_atomic
from ..register import Register
from ..schema import MinutesRecord
from .bodies import Bodies
from .meetings import MeetingInfo, load_meetings, matches_body
from .publicity import non_public_topics
from .records import read_record

OPARL = "https://schema.oparl.org/1.1/"
DEFAULT_BASE_URL = "https://oparl.invalid/protokollant"
PREFIX = "protokollant:"
LOCAL_ZONE = ZoneInfo("Europe/Berlin")


def _key(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _stem_key(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()  # as the register keys meetings


def _start(meeting_date: dt.date | None, time_text: str | None) -> str | None:
    if meeting_date is None or not time_text:
        return None
    m = re.search(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b", time_text)
    if not m:
        return None
    # RFC 3339 needs an offset: minutes give local (German) time
    return dt.datetime(meeting_date.year, meeting_date.month, meeting_date.day, int(m[1]), int(m[2]), tzinfo=LOCAL_ZONE).isoformat()


def _stamp(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


@dataclass
class ExportResult:
    out: Path
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


class OParlBuilder:
    def __init__(self, base_url: str, persons: bool):
        self.base = base_url.rstrip("/")
        self.persons = persons
        self.objects: dict[str, dict[str, dict]] = {k: {} for k in ("organization", "meeting", "agendaitem", "file", "person")}

    def url(self, kind: str, key: str) -> str:
        return f"{self.base}/{kind}/{key}"

    def organization(self, meeting: MeetingInfo) -> str:
        key = _key("organization", meeting.body_key)
        url = self.url("organization", key)
        if key not in self.objects["organization"]:
            self.objects["organization"][key] = {
                "id": url, "type": OPARL + "Organization", "name": meeting.body,
                "classification": "Gremium",
            }  # no "meeting" list URL: this export writes no external lists that it could point to
        return url

    def person(self, name: str, role: str | None) -> str:
        key = _key("person", " ".join(name.casefold().split()))
        url = self.url("person", key)
        obj = self.objects["person"].setdefault(key, {"id": url, "type": OPARL + "Person", "name": name})
        if role:
            obj.setdefault(PREFIX + "role", role)
        return url

    def meeting(self, info: MeetingInfo, record: MinutesRecord, items: list) -> None:
        mkey = _key("meeting", _stem_key(info.stem))
        murl = self.url("meeting", mkey)
        created = _stamp(record.source.processed_at)
        file_key = _key("file", _stem_key(info.stem), record.source.sha256)
        source = {
            "id": self.url("file", file_key), "type": OPARL + "File", "name": info.title or record.source.file,
            "fileName": record.source.file,
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "size": record.source.size_bytes,
            "accessUrl": f"{self.base}/files/{quote(info.stem)}/{quote(record.source.file)}",
            "meeting": [murl], "created": created, "modified": created,
            PREFIX + "sha256": record.source.sha256,
        }
        if record.meeting.date:
            source["date"] = record.meeting.date.isoformat()
        self.objects["file"][file_key] = source
        hidden = non_public_topics(record)
        postponed = {p.topic_index for p in getattr(record, "postponed", [])}
        noted = {p.topic_index for p in getattr(record, "noted", [])}
        agenda = []
        for topic in record.topics:
            akey = _key("agendaitem", _stem_key(info.stem), topic.index)
            decisions = [d for d in record.decisions if d.topic_index == topic.index]
            item = {
                "id": self.url("agendaitem", akey), "type": OPARL + "AgendaItem", "meeting": murl,
                "number": topic.number or str(topic.index + 1), "order": topic.index, "name": topic.title,
                "public": topic.index not in hidden, "created": created, "modified": created,
            }
            result = _result(decisions, topic.index in postponed, topic.index in noted)
            if result:
                item["result"] = result
            if decisions:
                item["resolutionText"] = "\n\n".join(d.text for d in decisions)
                item[PREFIX + "votes"] = [{
                    "decision": d.text, "kind": d.kind,
                    **({k: v for k, v in d.vote.model_dump(mode="json").items()} if d.vote else {}),
                } for d in decisions]
            tasks = [i for i in items if i.topic_index == topic.index]
            if tasks:
                item[PREFIX + "tasks"] = [{
                    "id": i.id, "task": i.task, "responsible": i.responsible, "institutions": i.institutions,
                    "due": i.due_date.isoformat() if i.due_date else (i.due_text or None), "status": i.status,
                } for i in tasks]
            if topic.index in postponed:
                item[PREFIX + "postponed"] = True
            if topic.index in noted:
                item[PREFIX + "noted"] = True
            self.objects["agendaitem"][akey] = item
            agenda.append(item)
        meeting = {
            "id": murl, "type": OPARL + "Meeting", "name": info.title or info.label,
            "meetingState": "durchgeführt", "cancelled": False,
            "organization": [self.organization(info)] if info.body_key else [],
            "resultsProtocol": source, "agendaItem": agenda,
            "created": created, "modified": created,
        }
        if record.meeting.date:
            meeting[PREFIX + "date"] = record.meeting.date.isoformat()
        start = _start(record.meeting.date, record.meeting.time)
        if start:
            meeting["start"] = start
        if self.persons:
            people = record.meeting.participants.present
            meeting["participant"] = [self.person(p.name, p.role) for p in people]
        self.objects["meeting"][mkey] = meeting


def _result(decisions: list, postponed: bool, noted: bool) -> str | None:
    outcomes = {d.vote.outcome.value for d in decisions if d.vote is not None and d.vote.outcome is not None}
    if "rejected" in outcomes and "accepted" not in outcomes:
        return "abgelehnt"
    if decisions:
        return "beschlossen"
    if postponed:
        return "vertagt"
    if noted:
        return "zur Kenntnis genommen"
    return None


def _write_json(path: Path, obj: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def export_oparl(register: Register, bodies: Bodies, outbox: str | os.PathLike, out: str | os.PathLike, *,
                 base_url: str = DEFAULT_BASE_URL, persons: bool = False, organisation: str | None = None) -> ExportResult:
    """Write the OParl objects of all (or one body's) meetings into ``out``."""
    out = Path(out)
    builder = OParlBuilder(base_url, persons)
    result = ExportResult(out)
    items_by_stem: dict[str, list] = {}
    for it in register.list_items():
        items_by_stem.setdefault(it.meeting_stem, []).append(it)
    for info in load_meetings(register, bodies):
        if not matches_body(info, organisation, bodies):
            continue
        try:
            record = read_record(outbox, info.stem)
        except ProtokollantError as e:
            result.skipped.append(str(e))
            continue
        builder.meeting(info, record, items_by_stem.get(info.stem, []))
    index = {}
    for kind, objects in builder.objects.items():
        for key, obj in objects.items():
            path = out / kind / f"{key}.json"
            _write_json(path, obj)
            result.files.append(path)
            index[obj["id"]] = f"{kind}/{key}.json"
        result.counts[kind] = len(objects)
    _write_json(out / "index.json", {"base_url": builder.base, "oparl": "1.1", "objects": index,
                                     "vendor_prefix": PREFIX, "counts": result.counts})
    return result


__all__ = ["DEFAULT_BASE_URL", "ExportResult", "PREFIX", "export_oparl"]
