"""The register's tables and migrations (schema versioning: one row per applied migration)."""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from ..followup import store as followup_store
from .identity import now_iso

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
    (4, "organisation identity, parsed votes, reporting meeting", followup_store.migration_4),
    (5, "reminders sent", followup_store.migration_5),
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
            conn.execute(version_table.insert().values(version=version, description=description, applied_at=now_iso()))
            applied.append(version)
    return applied
