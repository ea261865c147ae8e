"""Names and values of the register shared by its modules and its callers: where it lives,
the statuses a person can set and their German labels."""
from __future__ import annotations

from ..german import NO_INSTITUTION
from ..statuses import OPEN_STATUSES, REMOVED, STATUS_LABELS_DE, STATUSES

ENV_URL = "PROTOKOLLANT_REGISTER_URL"
STATE_DIR = ".protokollant"
REGISTER_FILE = "register.sqlite3"

SYSTEM_USER = "protokollant"

__all__ = [
    "ENV_URL", "NO_INSTITUTION", "OPEN_STATUSES", "REGISTER_FILE", "REMOVED", "STATE_DIR", "STATUSES", "STATUS_LABELS_DE", "SYSTEM_USER",
]
