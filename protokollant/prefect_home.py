"""Where Prefect keeps its database: inside the outbox, not in ~/.prefect.

Prefect's database holds the runs' artifacts (task texts and owner names) and
logs — personal data. By default it would live in ``~/.prefect/prefect.db``,
outside the outbox, forgotten when the outbox is deleted. ``run`` and ``serve``
therefore point PREFECT_HOME at ``OUTBOX/.protokollant/prefect/`` unless the
operator set PREFECT_HOME (or PREFECT_API_URL, a server of their own) already.
Call before Prefect is imported: its settings are read from the environment.
"""
from __future__ import annotations

import os
from pathlib import Path

from .inbox import STATE_DIR

PREFECT_DIR = "prefect"


def outbox_prefect_home(outbox: str | os.PathLike) -> Path:
    return Path(outbox).resolve() / STATE_DIR / PREFECT_DIR


def use_outbox_prefect_home(outbox: str | os.PathLike) -> Path | None:
    """Set PREFECT_HOME to the outbox's folder unless the operator chose one; returns it when set here."""
    if os.environ.get("PREFECT_HOME") or os.environ.get("PREFECT_API_URL"):
        return None
    home = outbox_prefect_home(outbox)
    home.mkdir(parents=True, exist_ok=True)
    try:
        home.chmod(0o700)  # personal data: only the service user
    except OSError:
        pass
    os.environ["PREFECT_HOME"] = str(home)
    return home


def quiet_prefect() -> None:
    """No English banner, docs link or log lines from Prefect on the console (they still reach the
    Prefect API); the CLI prints its own German summary. Errors are still shown."""
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "ERROR")


__all__ = ["PREFECT_DIR", "outbox_prefect_home", "quiet_prefect", "use_outbox_prefect_home"]
