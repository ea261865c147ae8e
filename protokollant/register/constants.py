"""Names and values of the register shared by its modules and its callers: where it lives,
the statuses a person can set and their German labels."""
from __future__ import annotations

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
