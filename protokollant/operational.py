"""Operational failures: the run could not do its job, and it is not the document's fault.

A full disk, missing permissions, a read-only folder, an unusable action
register or an output folder that is a symbolic link stop the run: the inputs
stay in (or go back to) the inbox, one German line says what is wrong, and
the exit code is 2 (``EXIT_OPERATIONAL``). A document the reader rejects is a
*document* error instead (``failed/``, exit code 1).

Also the fault-injection hook for tests: ``fault_point(name)`` does nothing
unless ``PROTOKOLLANT_FAULT`` names that point (see ``fault_point``).
"""
from __future__ import annotations

import errno
import os
import sqlite3

from .errors import ProtokollantError

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_OPERATIONAL = 2

DISK_FULL = "disk-full"
PERMISSION_DENIED = "permission-denied"
READ_ONLY = "read-only"
UNSAFE_OUTPUT = "unsafe-output-folder"
REGISTER_UNUSABLE = "register-unusable"
IO_FAILURE = "io-failure"

OPERATIONAL_REASONS = frozenset({DISK_FULL, PERMISSION_DENIED, READ_ONLY, UNSAFE_OUTPUT, REGISTER_UNUSABLE, IO_FAILURE})
"""Result reasons that are the installation's problem, never the document's (the input is not filed)."""

_ERRNO_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EACCES: PERMISSION_DENIED,
    errno.EPERM: PERMISSION_DENIED,
    errno.EROFS: READ_ONLY,
    errno.EIO: IO_FAILURE,
}

MESSAGES = {
    DISK_FULL: "Kein freier Speicherplatz",
    PERMISSION_DENIED: "Keine Berechtigung",
    READ_ONLY: "Ordner ist schreibgeschützt (nur lesbar eingehängt)",
    UNSAFE_OUTPUT: "Ausgabeordner ist ein symbolischer Link",
    REGISTER_UNUSABLE: "Aufgabenregister nicht nutzbar",
    IO_FAILURE: "Ein-/Ausgabefehler des Datenträgers",
}

HINTS = {
    DISK_FULL: "Speicher freigeben und den Lauf wiederholen; die Dateien bleiben im Eingang.",
    PERMISSION_DENIED: "Schreib-/Leserechte des Dienstkontos für Eingangs- und Ausgangsordner prüfen; die Dateien bleiben im Eingang.",
    READ_ONLY: "Den Ordner beschreibbar einhängen und den Lauf wiederholen; die Dateien bleiben im Eingang.",
    UNSAFE_OUTPUT: "Den Link im Ausgangsordner entfernen (Protokollant schreibt nie durch Links) und den Lauf wiederholen.",
    REGISTER_UNUSABLE: "„protokollant register check“ zeigt den Zustand, „protokollant register repair“ baut das Register neu auf.",
    IO_FAILURE: "Datenträger prüfen; die Dateien bleiben im Eingang.",
}


class OperationalError(ProtokollantError):
    """The run cannot do its job (disk full, permissions, read-only folder, unusable register …).

    ``reason`` is one of OPERATIONAL_REASONS; ``str(e)`` is one German line.
    """

    def __init__(self, reason: str, detail: str, hint: str | None = None):
        self.reason = reason
        self.detail = detail
        self.hint = hint if hint is not None else HINTS.get(reason, "")
        super().__init__(f"{MESSAGES.get(reason, reason)}: {detail}" + (f" – {self.hint}" if self.hint else ""))


def classify(e: BaseException) -> str | None:
    """The operational reason of an exception, or None when it is not an operational failure."""
    if isinstance(e, OperationalError):
        return e.reason
    if isinstance(e, OSError) and e.errno in _ERRNO_REASONS:
        return _ERRNO_REASONS[e.errno]
    if isinstance(e, sqlite3.Error):
        text = str(e).lower()
        if "full" in text:
            return DISK_FULL
        if "readonly" in text or "read-only" in text:
            return READ_ONLY
        if "unable to open" in text:
            return PERMISSION_DENIED
        if "disk i/o" in text:
            return IO_FAILURE
    return None


def from_exception(e: BaseException, what: str) -> OperationalError:
    """An OperationalError for ``e`` (``what``: the file or step concerned, German)."""
    if isinstance(e, OperationalError):
        return e
    reason = classify(e) or IO_FAILURE
    detail = getattr(e, "strerror", None) or str(e)
    return OperationalError(reason, f"{what} ({detail})")


# --------------------------------------------------------------------------- fault injection (tests)

FAULT_ENV = "PROTOKOLLANT_FAULT"
"""``PROTOKOLLANT_FAULT=<point>[@<n>]``: at the n-th time (default 1st) ``fault_point(<point>)``
is reached the process ends with ``os._exit(137)`` (like kill -9: no cleanup at all).
``<point>=enospc:<step>`` / ``eacces:<step>`` raises that OSError at ``fault_point(<step>)`` instead."""

_fault_hits: dict[str, int] = {}


def fault_point(name: str) -> None:
    """A named step of filing; see FAULT_ENV. Costs one environment lookup when unused."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    point, _, nth = spec.partition("@")
    kind, _, step = point.partition(":") if ":" in point else ("kill", "", point)
    if step != name:
        return
    _fault_hits[spec] = _fault_hits.get(spec, 0) + 1
    if _fault_hits[spec] != int(nth or 1):
        return
    if kind == "kill":
        os._exit(137)
    if kind == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), name)
    if kind == "eacces":
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), name)
    raise ValueError(f"{FAULT_ENV}: unbekannte Fehlerart {kind!r}")
