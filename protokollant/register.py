"""Action register: action items across meetings, with people's reviews.

Every processed minutes document is recorded here (meeting, action items,
decisions). People review items (status, corrected responsible, corrected due
date, note); reprocessing never overwrites a review: extracted values (``ex_*``)
and reviewed values (``rv_*``) live in separate columns and the *effective*
value is the reviewed one when present.

    reg = Register.open(outbox)                   # OUTBOX/.protokollant/register.sqlite3
    reg = Register.open("postgresql://…")          # or any SQLAlchemy URL
    reg.record_minutes(record, stem)               # insert / update in place
    reg.list_items(status="open", overdue=True)    # -> list[ItemView]
    reg.set_item(item_id, status="done", by="jb")  # review; recorded in history
    reg.history(item_id)                           # -> list[HistoryEntry]

Where the database is: ``url=`` argument, else a URL passed as the first
argument, else ``PROTOKOLLANT_REGISTER_URL``, else SQLite in
``OUTBOX/.protokollant/register.sqlite3`` (separate from the inbox ledger).

Item identity: ``id`` = hash of the minutes' identity (the output stem, i.e.
the file name – not the bytes, so a corrected version maps to the same items)
and the item's normalised content (task text + topic index + occurrence).
A corrected version whose task text changed slightly is matched to the old
item (same topic, similar text or same source paragraph) and keeps its id and
review. Items missing from a newer version are marked "removed" unless a
person reviewed them (then they keep their status and ``in_source`` is False).

Across meetings: an item or decision whose text reports a task as done
("erledigt", "ist erfolgt", "wurde … versandt") or still open ("steht noch
aus") is linked to the best matching open item of an earlier meeting
(``linked_item_id``) and sets that item's ``suggested_status`` – suggestions
never change the status itself.

Schema versioning: table ``register_version`` holds one row per applied
migration (``MIGRATIONS``); opening applies the missing ones in order.
"""
from __future__ import annotations

import datetime as dt
import difflib
import getpass
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .errors import ProtokollantError
from .followup import store as _followup_store
from .extract.vocabulary import action_cues

if TYPE_CHECKING:
    from .results import DocumentResult
    from .schema import MinutesRecord

log = logging.getLogger(__name__)

ENV_URL = "PROTOKOLLANT_REGISTER_URL"
STATE_DIR = ".protokollant"
REGISTER_FILE = "register.sqlite3"

STATUSES = ("open", "confirmed", "rejected", "done")
"""Statuses a person can set."""
REMOVED = "removed"
"""Effective status of an unreviewed item that is no longer in its minutes."""
OPEN_STATUSES = ("open", "confirmed")
STATUS_LABELS_DE = {
    "open": "offen",
    "confirmed": "bestätigt",
    "rejected": "verworfen",
    "done": "erledigt",
    "removed": "entfernt",
}
SYSTEM_USER = "protokollant"
NO_INSTITUTION = "ohne Zuordnung"


# --------------------------------------------------------------------------- errors


class RegisterError(ProtokollantError):
    """The register cannot be opened, migrated or written (database problem)."""


class UnknownItemError(RegisterError):
    """No item (or more than one) has this id or id prefix."""


class InvalidValueError(RegisterError):
    """A status, date or other value given for a review is not valid."""


# --------------------------------------------------------------------------- tables (schema version 1)

metadata = sa.MetaData()

version_table = sa.Table(
    "register_version", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.String(40), nullable=False),
)

meetings = sa.Table(
    "meetings", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("stem", sa.String(255), nullable=False),
    sa.Column("stem_key", sa.String(255), nullable=False, unique=True),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("date", sa.Date),
    sa.Column("processed_at", sa.String(40)),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("context", sa.Text, nullable=False, default="{}"),  # JSON: institutions, participants, topics
    sa.Column("organisation", sa.Text),  # the body holding the meeting (version 4, followup.store)
)

action_items = sa.Table(
    "action_items", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("task", sa.Text, nullable=False),
    sa.Column("topic_index", sa.Integer),
    sa.Column("evidence_block", sa.Integer),
    sa.Column("evidence_text", sa.Text),
    sa.Column("confidence", sa.Float),
    # extracted values (overwritten by reprocessing)
    sa.Column("ex_responsible", sa.Text, nullable=False, default="[]"),  # JSON [{name, kind, resolved}]
    sa.Column("ex_due_date", sa.Date),
    sa.Column("ex_due_text", sa.Text),
    # reviewed values (only ever written by set_item)
    sa.Column("status", sa.String(16), nullable=False, default="open"),
    sa.Column("rv_responsible", sa.Text),  # JSON [name, ...] or NULL
    sa.Column("rv_due_date", sa.Date),
    sa.Column("note", sa.Text),
    sa.Column("reviewed_by", sa.String(200)),
    sa.Column("reviewed_at", sa.String(40)),
    # cross-meeting suggestions (recomputed after every recording)
    sa.Column("suggested_status", sa.String(16)),
    sa.Column("linked_item_id", sa.String(32)),
    sa.Column("suggestion_source", sa.Text),
    sa.Column("suggested_by_meeting", sa.Integer),  # version 4: the meeting whose report set the suggestion
    sa.Column("suggested_by_block", sa.Integer),
    sa.Column("suggested_by_text", sa.Text),
    # bookkeeping
    sa.Column("missing_since", sa.String(40)),
    sa.Column("first_seen", sa.String(40), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

decisions = sa.Table(
    "decisions", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40)),
    sa.Column("topic_index", sa.Integer),
    sa.Column("evidence_block", sa.Integer),
    sa.Column("evidence_text", sa.Text),
    sa.Column("vote", sa.Text),
    sa.Column("vote_json", sa.Text),  # version 4: the parsed vote (counts, outcome)
)

item_history = sa.Table(
    "item_history", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(32), nullable=False, index=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("by", sa.String(200), nullable=False),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("old_value", sa.Text),
    sa.Column("new_value", sa.Text),
)

_V1_TABLES = (meetings, action_items, decisions, item_history)


def _migration_1(conn: sa.Connection) -> None:
    """Initial schema: meetings, action_items, decisions, item_history."""
    for table in _V1_TABLES:
        table.create(conn, checkfirst=True)


state_table = sa.Table(
    "register_state", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)


def _migration_2(conn: sa.Connection) -> None:
    """register_state: flags such as "links_stale" (cross-meeting links are recomputed lazily)."""
    state_table.create(conn, checkfirst=True)
    conn.execute(state_table.insert().values(name="links_stale", value="1"))


progress_table = sa.Table(
    "progress_reports", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("evidence_block", sa.Integer),
)


def _migration_3(conn: sa.Connection) -> None:
    """progress_reports: "erledigt"/"steht noch aus" statements, matched to earlier tasks."""
    progress_table.create(conn, checkfirst=True)


MIGRATIONS: list[tuple[int, str, Callable[[sa.Connection], None]]] = [
    (1, "initial schema", _migration_1),
    (2, "register state (lazy relinking)", _migration_2),
    (3, "progress reports", _migration_3),
    (4, "organisation identity, parsed votes, reporting meeting", _followup_store.migration_4),
    (5, "reminders sent", _followup_store.migration_5),
]
"""Append (version, description, function) to change the schema; never edit an applied one."""
SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(engine: sa.Engine) -> list[int]:
    """Apply the missing migrations in order; returns the versions applied (empty when up to date)."""
    applied: list[int] = []
    with engine.begin() as conn:
        version_table.create(conn, checkfirst=True)
        done = {row[0] for row in conn.execute(sa.select(version_table.c.version))}
        for version, description, func in MIGRATIONS:
            if version in done:
                continue
            func(conn)
            conn.execute(version_table.insert().values(version=version, description=description, applied_at=_now()))
            applied.append(version)
    return applied


# --------------------------------------------------------------------------- views


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


# --------------------------------------------------------------------------- helpers


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def current_user() -> str:
    try:
        return getpass.getuser() or "unbekannt"
    except Exception:  # no user name in the environment (containers, services)
        return "unbekannt"


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = " ".join(text.split())
    return text.strip(" .,:;!?-–\"'„“”‚‘’()")


def _hash_id(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:12]


def parse_due(value: str | dt.date) -> dt.date:
    """YYYY-MM-DD or DD.MM.YYYY (also D.M.YYYY)."""
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError as e:  # e.g. 31.02.: Python's English message is not shown to people
        raise InvalidValueError(f"Ungültiges Datum „{value}“: diesen Tag gibt es im Kalender nicht.") from e
    raise InvalidValueError(f"Ungültiges Datum „{value}“ – erwartet JJJJ-MM-TT oder TT.MM.JJJJ.")


def _format_date(value: dt.date | None) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}" if value else ""


# Words carrying no content for matching tasks across meetings.
_STOPWORDS = frozenset(
    """der die das den dem des ein eine einer eines einem einen und oder aber auch mit von vom zu zur zum
    für fuer auf an am im in ins bei bis aus über ueber nach vor als wie wird werden wurde wurden worden ist
    sind war waren hat haben hatte noch nicht kein keine sich sie er es wir ihr man alle allen dass daß ob
    so nun schon bereits inzwischen erledigt erfolgt steht stehen aus offen ausstehend abgeschlossen
    versandt verschickt durchgeführt umgesetzt frau herr herrn dr prof bitte soll sollen""".split()
)

def completion_kind(text: str | None) -> str | None:
    """"done" / "open" when the text reports a task as done / still outstanding, else None."""
    if not text:
        return None
    cues = action_cues()  # models/cues/actions.json, shared with the extraction
    if cues.still_open.search(text):
        return "open"
    if cues.done_followup.search(text):
        return "done"
    return None


def _word_stem(word: str) -> str:
    for suffix in ("ungen", "ung", "en", "er", "es", "e", "n", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str | None) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}|\d{2,}", normalise_text(text or ""))
    return {_word_stem(w) for w in words if w not in _STOPWORDS}


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# --------------------------------------------------------------------------- responsible → institution


def _person_display(r: dict) -> str:
    return r.get("resolved") or r.get("name") or ""


_ROLE_FUNCTIONS = re.compile(
    r"^(vorsitz|stellv|protokoll|geschäftsstelle|gast|beratend|moderation|leitung|sprecher|zu\s+top|mitglied)", re.I
)


def _canonical_institution(name: str, context: dict) -> str | None:
    key = normalise_text(name)
    if not key:
        return None
    for inst in context.get("institutions", []):
        forms = [inst["name"], *inst.get("aliases", [])]
        if any(normalise_text(f) == key for f in forms):
            return inst["name"]
    for inst in context.get("institutions", []):
        forms = [inst["name"], *inst.get("aliases", [])]
        if any(len(normalise_text(f)) >= 3 and re.search(rf"(?<!\w){re.escape(normalise_text(f))}(?!\w)", key) for f in forms):
            return inst["name"]
    return None


def _institution_from_role(role: str | None, context: dict) -> str | None:
    if not role:
        return None
    found = _canonical_institution(role, context)
    if found:
        return found
    first = role.split(",")[0].strip()
    if first and not _ROLE_FUNCTIONS.match(first):
        return first
    return None


def _find_participant(name: str, context: dict) -> dict | None:
    key = normalise_text(name)
    if not key:
        return None
    key_plain = re.sub(r"^(frau|herr|herrn)\s+", "", key)
    key_plain = re.sub(r"^(dr|prof)\.?\s+", "", key_plain)
    for person in context.get("participants", []):
        pname = normalise_text(person["name"])
        pplain = re.sub(r"^(dr|prof)\.?\s+", "", pname)
        if key in (pname, pplain) or key_plain in (pname, pplain):
            return person
        if person.get("initials") and key == normalise_text(person["initials"]):
            return person
        if len(key_plain) >= 3 and pplain.split() and pplain.split()[-1] == key_plain.split()[-1] and len(key_plain.split()) == 1:
            return person  # surname only ("Frau Yilmaz")
    return None


def institutions_for(responsible: list[dict], context: dict) -> list[str]:
    """Institutions responsible for an item, from kind=institution entries or a person's role."""
    out: list[str] = []
    for r in responsible:
        kind = r.get("kind") or "unknown"
        name = _person_display(r)
        inst = None
        if kind == "institution":
            inst = _canonical_institution(name, context) or _canonical_institution(r.get("name") or "", context) or name
        else:
            person = _find_participant(name, context) or _find_participant(r.get("name") or "", context)
            if person is not None:
                inst = _institution_from_role(person.get("role"), context)
            elif kind in ("unknown", "group"):
                inst = _canonical_institution(name, context)
        if inst and inst not in out:
            out.append(inst)
    return out


def _context_of(record: MinutesRecord) -> dict:
    p = record.meeting.participants
    return {
        "institutions": [{"name": i.name, "aliases": list(i.aliases)} for i in record.institutions],
        "participants": [
            {"name": person.name, "role": person.role, "initials": person.initials}
            for person in (*p.present, *p.excused, *p.guests)
        ],
        "topics": {str(t.index): (f"TOP {t.number}" if t.number else t.title) for t in record.topics},
    }


# --------------------------------------------------------------------------- the register


def _default_sqlite_url(outbox: str | os.PathLike) -> str:
    path = Path(outbox) / STATE_DIR / REGISTER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def resolve_url(outbox_or_url: str | os.PathLike | None = None, *, url: str | None = None) -> str:
    if url:
        return url
    if isinstance(outbox_or_url, str) and "://" in outbox_or_url:
        return outbox_or_url
    if os.environ.get(ENV_URL):
        return os.environ[ENV_URL]
    if outbox_or_url is None:
        raise RegisterError(f"Kein Register angegeben: Ausgabeordner oder {ENV_URL} setzen.")
    return _default_sqlite_url(outbox_or_url)


class Register:
    """The action register. Open with ``Register.open(outbox_or_url)``; use as a context manager."""

    def __init__(self, engine: sa.Engine, *, today: Callable[[], dt.date] = dt.date.today):
        self.engine = engine
        self.today = today

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        outbox_or_url: str | os.PathLike | None = None,
        *,
        url: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> Register:
        target = resolve_url(outbox_or_url, url=url)
        try:
            kwargs: dict[str, Any] = {}
            if target.startswith("sqlite"):
                kwargs["connect_args"] = {"timeout": 30}
            engine = sa.create_engine(target, **kwargs)
            migrate(engine)
        except (SQLAlchemyError, OSError) as e:
            raise RegisterError(f"Register {_safe_url(target)} kann nicht geöffnet werden: {e}") from e
        return cls(engine, today=today)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.max(version_table.c.version))).scalar() or 0

    # ---------------------------------------------------------------- recording

    def record_minutes(self, record: MinutesRecord, stem: str) -> dict[str, int]:
        """Record (or update in place) one minutes document; returns counts of what changed."""
        try:
            with self.engine.begin() as conn:
                counts = self._record(conn, record, stem)
                # Linking compares every report with every open item; doing it per document
                # made a nightly batch quadratic. It runs once, on the next read.
                self._set_links_stale(conn, True)
            return counts
        except SQLAlchemyError as e:
            raise RegisterError(f"{record.source.file}: Register nicht aktualisiert: {e}") from e

    def _record(self, conn: sa.Connection, record: MinutesRecord, stem: str) -> dict[str, int]:
        now = _now()
        stem_key = unicodedata.normalize("NFC", stem).casefold()
        context = _context_of(record)
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
        _insert(conn, progress_table, [
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
                id=_hash_id("decision", stem_key, key[0], key[1], n),
                meeting_id=meeting_id, ordinal=ordinal, text=d.text, kind=d.kind, topic_index=d.topic_index,
                evidence_block=d.evidence.block_index, evidence_text=d.evidence.text,
                vote=d.vote.text if d.vote else None,
                vote_json=d.vote.model_dump_json() if d.vote else None,
            ))
        _insert(conn, decisions, decision_rows)

        existing = {r.id: r for r in conn.execute(sa.select(action_items).where(action_items.c.meeting_id == meeting_id))}
        new_items = []
        seen = {}
        for ordinal, item in enumerate(record.action_items):
            key = (normalise_text(item.task), item.topic_index)
            n = seen[str(key)] = seen.get(str(key), 0) + 1
            item_id = _hash_id("item", stem_key, key[0], key[1], n)
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
                    log(old_id, label, _str(before), _str(after))
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
        _insert(conn, action_items, inserted)
        _insert(conn, item_history, history)
        return counts

    # ---------------------------------------------------------------- cross-meeting links

    @staticmethod
    def _set_links_stale(conn: sa.Connection, stale: bool) -> None:
        value = "1" if stale else "0"
        if conn.execute(state_table.update().where(state_table.c.name == "links_stale").values(value=value)).rowcount == 0:
            conn.execute(state_table.insert().values(name="links_stale", value=value))

    def relink(self) -> None:
        """Recompute the cross-meeting suggestions now if documents were recorded since the last time."""
        try:
            with self.engine.begin() as conn:
                stale = conn.execute(sa.select(state_table.c.value).where(state_table.c.name == "links_stale")).scalar()
                if stale != "0":
                    self._relink(conn)
                    self._set_links_stale(conn, False)
        except SQLAlchemyError as e:
            raise RegisterError(f"Register nicht aktualisiert: {e}") from e

    def _relink(self, conn: sa.Connection) -> None:
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
                                _where(mrows[r.meeting_id], r.evidence_block), r.evidence_block, r.evidence_text or r.task))
                report_ids.add(r.id)
        for d in conn.execute(sa.select(decisions)):
            kind = completion_kind(d.text)
            if kind:
                reports.append((kind, None, d.meeting_id, d.text, [], _where(mrows[d.meeting_id], d.evidence_block), d.evidence_block, d.text))
        for p in conn.execute(sa.select(progress_table)):
            reports.append((p.status, None, p.meeting_id, p.text, [], _where(mrows[p.meeting_id], p.evidence_block), p.evidence_block, p.text))
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
                score = _overlap(words, twords)
                if shared < min(2, len(twords)) or score < 0.5:
                    continue
                if rep_resp and not _same_responsible(rep_resp, json.loads(t.ex_responsible), t.rv_responsible):
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

    # ---------------------------------------------------------------- reading

    def _rows(self, conn: sa.Connection, where: Any = None) -> list:
        query = sa.select(action_items, meetings.c.stem, meetings.c.file_name, meetings.c.title, meetings.c.date.label("meeting_date"), meetings.c.context).join(
            meetings, action_items.c.meeting_id == meetings.c.id)
        if where is not None:
            query = query.where(where)
        return list(conn.execute(query.order_by(meetings.c.date, meetings.c.stem_key, action_items.c.ordinal)))

    def _view(self, r: Any, today: dt.date) -> ItemView:
        context = json.loads(r.context or "{}")
        extracted = json.loads(r.ex_responsible or "[]")
        if r.rv_responsible is not None:
            names = json.loads(r.rv_responsible)
            effective = [_reviewed_responsible(n, context) for n in names]
        else:
            effective = extracted
        due_date = r.rv_due_date if r.rv_due_date is not None else r.ex_due_date
        due_text = _format_date(r.rv_due_date) if r.rv_due_date is not None else (r.ex_due_text or "")
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
            responsible=[_person_display(x) for x in effective],
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
            extracted_responsible=[_person_display(x) for x in extracted],
            extracted_due_date=r.ex_due_date,
            extracted_due_text=r.ex_due_text or "",
            institution_aliases=aliases,
        )

    def list_items(
        self,
        status: str | Iterable[str] | None = None,
        institution: str | None = None,
        overdue: bool | None = None,
        meeting: str | None = None,
        *,
        today: dt.date | None = None,
    ) -> list[ItemView]:
        """Items in meeting order. ``status=None`` lists everything except "removed"."""
        today = today or self.today()
        wanted = {status} if isinstance(status, str) else (set(status) if status is not None else None)
        if wanted:
            unknown = wanted - set(STATUSES) - {REMOVED}
            if unknown:
                raise InvalidValueError(f"Unbekannter Status: {', '.join(sorted(unknown))} (erlaubt: {', '.join((*STATUSES, REMOVED))}).")
        self.relink()
        try:
            with self.engine.connect() as conn:
                rows = self._rows(conn)
        except SQLAlchemyError as e:
            raise RegisterError(f"Register nicht lesbar: {e}") from e
        views = [self._view(r, today) for r in rows]
        out = []
        inst_key = normalise_text(institution) if institution else None
        meeting_key = normalise_text(meeting) if meeting else None
        for v in views:
            if wanted is None and v.status == REMOVED:
                continue
            if wanted is not None and v.status not in wanted:
                continue
            if overdue is not None and v.overdue != overdue:
                continue
            if inst_key is not None:
                names = v.institutions or [NO_INSTITUTION]
                if not any(inst_key in normalise_text(n) for n in names) and inst_key not in {normalise_text(a) for a in v.institution_aliases}:
                    continue
            if meeting_key is not None:
                keys = {normalise_text(v.meeting_stem), normalise_text(v.meeting_file)}
                if v.meeting_date:
                    keys.add(v.meeting_date.isoformat())
                if meeting_key not in keys:
                    continue
            out.append(v)
        return out

    def resolve_id(self, item_id: str) -> str:
        """The full id for an id or a unique prefix (at least 4 characters)."""
        item_id = (item_id or "").strip().lower()
        with self.engine.connect() as conn:
            if conn.execute(sa.select(action_items.c.id).where(action_items.c.id == item_id)).first():
                return item_id
            if len(item_id) >= 4:
                found = [r[0] for r in conn.execute(sa.select(action_items.c.id).where(action_items.c.id.startswith(item_id, autoescape=True)).limit(2))]
                if len(found) == 1:
                    return found[0]
                if len(found) > 1:
                    raise UnknownItemError(f"Die Kennung „{item_id}“ ist nicht eindeutig; bitte mehr Zeichen angeben.")
        raise UnknownItemError(f"Keine Aufgabe mit der Kennung „{item_id}“ im Register.")

    def get_item(self, item_id: str, *, today: dt.date | None = None) -> ItemView:
        item_id = self.resolve_id(item_id)
        self.relink()
        with self.engine.connect() as conn:
            rows = self._rows(conn, action_items.c.id == item_id)
        return self._view(rows[0], today or self.today())

    # ---------------------------------------------------------------- reviewing

    def set_item(
        self,
        item_id: str,
        status: str | None = None,
        responsible: str | list[str] | None = None,
        due: str | dt.date | None = None,
        note: str | None = None,
        by: str | None = None,
    ) -> ItemView:
        """Review an item. ``None`` leaves a field alone; "" (or []) clears a reviewed value (back to extracted)."""
        item_id = self.resolve_id(item_id)
        by = by or current_user()
        if status is not None and status not in STATUSES:
            raise InvalidValueError(f"Unbekannter Status „{status}“ (erlaubt: {', '.join(STATUSES)}).")
        changes: dict[str, Any] = {}
        if status is not None:
            changes["status"] = status
        if responsible is not None:
            names = [n.strip() for n in (responsible.split(";") if isinstance(responsible, str) else responsible) if n and n.strip()]
            changes["rv_responsible"] = json.dumps(names, ensure_ascii=False) if names else None
        if due is not None:
            changes["rv_due_date"] = parse_due(due) if (isinstance(due, dt.date) or due.strip()) else None
        if note is not None:
            changes["note"] = note.strip() or None
        if not changes:
            raise InvalidValueError("Nichts zu ändern: Status, Verantwortliche, Frist oder Notiz angeben.")
        now = _now()
        labels = {"status": "status", "rv_responsible": "responsible", "rv_due_date": "due", "note": "note"}
        try:
            with self.engine.begin() as conn:
                old = conn.execute(sa.select(action_items).where(action_items.c.id == item_id)).one()
                effective_before = old.status if not (old.missing_since and old.reviewed_at is None) else REMOVED
                for key, value in changes.items():
                    before = effective_before if key == "status" else getattr(old, key)
                    if before != value:
                        self._log(conn, item_id, by, labels[key], _str(before), _str(value), now)
                conn.execute(action_items.update().where(action_items.c.id == item_id).values(
                    reviewed_by=by, reviewed_at=now, updated_at=now, **changes))
        except SQLAlchemyError as e:
            raise RegisterError(f"Aufgabe {item_id} nicht gespeichert: {e}") from e
        return self.get_item(item_id)

    def history(self, item_id: str) -> list[HistoryEntry]:
        item_id = self.resolve_id(item_id)
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(item_history).where(item_history.c.item_id == item_id).order_by(item_history.c.id))
            return [HistoryEntry(r.at, r.by, r.field, r.old_value, r.new_value) for r in rows]

    @staticmethod
    def _log(conn: sa.Connection, item_id: str, by: str, fld: str, old: str | None, new: str | None, at: str) -> None:
        conn.execute(item_history.insert().values(item_id=item_id, at=at, by=by, field=fld, old_value=old, new_value=new))


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _where(meeting: Any, block: int | None) -> str:
    date = _format_date(meeting.date) or meeting.file_name
    text = f"Sitzung {date} ({meeting.file_name})"
    return text + (f", Absatz {block + 1}" if block is not None else "")


def _reviewed_responsible(name: str, context: dict) -> dict:
    if _canonical_institution(name, context) and not _find_participant(name, context):
        return {"name": name, "kind": "institution", "resolved": None}
    person = _find_participant(name, context)
    if person is not None:
        return {"name": name, "kind": "person", "resolved": person["name"]}
    return {"name": name, "kind": "unknown", "resolved": None}


def _same_responsible(report: list[dict], extracted: list[dict], reviewed_json: str | None) -> bool:
    target = [{"name": n} for n in json.loads(reviewed_json)] if reviewed_json else extracted
    if not target:
        return True

    def keys(rs: list[dict]) -> set[str]:
        out = set()
        for r in rs:
            for v in (r.get("name"), r.get("resolved")):
                if v:
                    k = normalise_text(v)
                    out.add(k)
                    out.add(k.split()[-1])  # surname / last word
        return out

    return bool(keys(report) & keys(target))


def _safe_url(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(URL)"


# --------------------------------------------------------------------------- hook for the pipeline / inbox


class Registrar:
    """Records processed documents in an outbox's register, opening it once for many.

    Opening the register (engine, schema check) cost more than recording a
    document in it; a batch or an inbox run keeps one Registrar open. ``record``
    is one transaction per document, ``record_group`` one per group (falling back
    to one per document), so one bad record loses nothing else.
    """

    def __init__(self, outbox: str | os.PathLike, *, url: str | None = None):
        self.outbox = outbox
        self.url = url
        self._register: Register | None = None

    def _opened(self) -> Register:
        if self._register is None:
            self._register = Register.open(self.outbox, url=self.url)
        return self._register

    @staticmethod
    def _stem(result: DocumentResult) -> str:
        """The output folder's name, the document's key in the register."""
        from .fileio import safe_stem

        json_out = result.outputs.get("json")
        return Path(json_out).parent.name if json_out else safe_stem(result.record.source.file)

    def record(self, result: DocumentResult) -> dict[str, int] | None:
        """Record one DocumentResult; None for a failed one. Raises RegisterError."""
        if not result.ok or result.record is None:
            return None
        try:
            return self._opened().record_minutes(result.record, self._stem(result))
        except RegisterError:
            raise
        except (SQLAlchemyError, OSError, ValueError) as e:
            raise RegisterError(f"{result.record.source.file}: Register nicht aktualisiert: {e}") from e

    def record_group(self, results: list[DocumentResult]) -> list[tuple[DocumentResult, RegisterError]]:
        """Record several results in one transaction (one commit instead of one per
        document); if that fails, each is recorded on its own so one bad record only
        fails itself. Returns the results that could not be recorded, with the error."""
        todo = [r for r in results if r.ok and r.record is not None]
        if not todo:
            return []
        try:
            register = self._opened()
            with register.engine.begin() as conn:
                for r in todo:
                    register._record(conn, r.record, self._stem(r))
                register._set_links_stale(conn, True)
            return []
        except (RegisterError, SQLAlchemyError, OSError, ValueError):
            failed = []
            for r in todo:
                try:
                    self.record(r)
                except RegisterError as e:
                    failed.append((r, e))
            return failed

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None

    def __enter__(self) -> Registrar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def register_result(outbox: str | os.PathLike, result: DocumentResult, *, url: str | None = None) -> dict[str, int] | None:
    """Record a processed DocumentResult in the outbox's register.

    Does nothing for failed results (returns None). Raises RegisterError on any
    database problem – the caller decides whether to log and continue.
    """
    with Registrar(outbox, url=url) as registrar:
        return registrar.record(result)


__all__ = [
    "ENV_URL", "HistoryEntry", "InvalidValueError", "ItemView", "MIGRATIONS", "NO_INSTITUTION", "REMOVED",
    "Register", "RegisterError", "Registrar", "SCHEMA_VERSION", "STATUSES", "STATUS_LABELS_DE", "UnknownItemError",
    "completion_kind", "current_user", "migrate", "parse_due", "register_result", "resolve_url",
]
