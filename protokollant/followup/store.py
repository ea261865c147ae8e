"""Register tables and migrations of the follow-up features (schema versions 4 and 5).

Kept apart from register.py so that the large module only lists them in its
MIGRATIONS; this module imports nothing from the project (no import cycle).

Version 4 adds the meeting's body (``meetings.organisation``, the register's
organisation identity), a decision's parsed vote (``decisions.vote_json``) and
which meeting reported on an earlier task (``action_items.suggested_by_*``).
Version 5 adds ``reminders``: one row per task, deadline and recipient a
reminder was sent for (``protokollant notify`` sends each only once).
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

reminders = sa.Table(
    "reminders", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(32), nullable=False, index=True),
    sa.Column("due_key", sa.String(40), nullable=False),  # ISO deadline, or "" without one
    sa.Column("recipient", sa.String(500), nullable=False),  # the owner's name as used in the mail
    sa.Column("address", sa.String(500)),
    sa.Column("sent_at", sa.String(40), nullable=False),
    sa.Column("file", sa.String(1000)),
    sa.UniqueConstraint("item_id", "due_key", "recipient", name="uq_reminder_once"),
)

NEW_COLUMNS: dict[str, list[sa.Column]] = {
    "meetings": [sa.Column("organisation", sa.Text)],
    "decisions": [sa.Column("vote_json", sa.Text)],
    "action_items": [
        sa.Column("suggested_by_meeting", sa.Integer),
        sa.Column("suggested_by_block", sa.Integer),
        sa.Column("suggested_by_text", sa.Text),
    ],
}
"""Columns version 4 adds; register.py declares them on its tables too (fresh databases get them from version 1)."""


def migration_4(conn: sa.Connection) -> None:
    """Add the follow-up columns where an older register lacks them."""
    inspector = sa.inspect(conn)
    for table, columns in NEW_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        for column in columns:
            if column.name not in present:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {column.name} {kind}"))


def migration_5(conn: sa.Connection) -> None:
    """reminders: which reminder went to whom (notify is idempotent across nights)."""
    reminders.create(conn, checkfirst=True)
