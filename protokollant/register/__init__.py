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

# One module per concern; this package re-exports the names callers use.
from .constants import (
    ENV_URL, NO_INSTITUTION, OPEN_STATUSES, REGISTER_FILE, REMOVED, STATE_DIR, STATUS_LABELS_DE, STATUSES, SYSTEM_USER,
)
from .errors import InvalidValueError, RegisterError, UnknownItemError
from .identity import completion_kind, content_words, current_user, normalise_text, parse_due
from .registrar import Registrar, register_result
from .responsible import institutions_for
from .schema import (
    MIGRATIONS, SCHEMA_VERSION, action_items, decisions, item_history, meetings, metadata, migrate, progress_table,
    state_table, version_table,
)
from .store import Register, resolve_url
from .views import HistoryEntry, ItemView

__all__ = [
    "ENV_URL", "HistoryEntry", "InvalidValueError", "ItemView", "MIGRATIONS", "NO_INSTITUTION", "OPEN_STATUSES",
    "REGISTER_FILE", "REMOVED", "Register", "RegisterError", "Registrar", "SCHEMA_VERSION", "STATE_DIR", "STATUSES",
    "STATUS_LABELS_DE", "SYSTEM_USER", "UnknownItemError", "action_items", "completion_kind", "content_words",
    "current_user", "decisions", "institutions_for", "item_history", "meetings", "metadata", "migrate",
    "normalise_text", "parse_due", "progress_table", "register_result", "resolve_url", "state_table", "version_table",
]
