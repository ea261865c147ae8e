"""Inbox, outbox and register locations must exist: a missing one is an error, never created quietly.

An unmounted network share looks exactly like a missing folder; creating it
would turn "the share is gone" into "a quiet night with 0 documents". Folders
are created only on request: ``protokollant init`` or ``--anlegen``.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import ProtokollantError
from .inbox import FAILED_DIR, PROCESSED_DIR, STATE_DIR

CREATE_HINT = "Einmalig mit „protokollant init“ (oder mit --anlegen) anlegen; ist es ein Netzlaufwerk, prüfen, ob es eingebunden ist."


class LocationMissing(ProtokollantError):
    """A required folder (or the register) does not exist. Exit code 2."""


def require_dir(path: str | os.PathLike, what: str, *, create: bool = False) -> Path:
    """``path`` as a folder: created when ``create``, else LocationMissing if absent."""
    path = Path(path)
    if path.is_dir():
        return path
    if path.exists():
        raise LocationMissing(f"{what} {path} ist kein Ordner.")
    if not create:
        raise LocationMissing(f"{what} {path} nicht gefunden. {CREATE_HINT}")
    path.mkdir(parents=True, exist_ok=True)
    return path


def init_locations(inbox: str | os.PathLike, outbox: str | os.PathLike) -> list[Path]:
    """Create inbox (with processed/ and failed/) and outbox (with .protokollant/); returns the folders created."""
    created = []
    for folder in (Path(inbox), Path(inbox) / PROCESSED_DIR, Path(inbox) / FAILED_DIR, Path(outbox), Path(outbox) / STATE_DIR):
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            created.append(folder)
    return created


__all__ = ["CREATE_HINT", "LocationMissing", "init_locations", "require_dir"]
