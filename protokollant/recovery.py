"""What a crash can leave behind, and the pass that repairs it at the start of every run.

Filing one document is a sequence (``InboxRun._file``)::

    outputs written → ledger "filing" (+ outputs) → register → ledger "processed" → input moved to processed/

A kill can stop it between any two steps. Under the run lock, before any new
work, ``reconcile`` compares ledger, register and outbox and completes or
undoes what is left:

- a ledger row in "filing" whose outputs exist: its register entry is written
  (from the JSON record, only when the register does not already hold these
  bytes) and the row becomes "processed"; the input, still in the claim area
  or back in the inbox, is then filed as a duplicate — exactly what a clean
  run ends with;
- a row stuck in "processing"/"filing" whose input is nowhere in the inbox
  (an older version filed the input before its bookkeeping): done like above
  when the outbox holds that document's JSON, else the row is set "queued"
  (neither a suspect nor a duplicate);
- a "processed" row whose document is missing from the register: recorded
  from its JSON record;
- stray temporary files (``.<name>.<pid>.<n>.tmp`` of the renderer,
  ``.<name>.tmp-<pid>`` of JSON writes) of processes that no longer run.

After an operational stop (disk full …) ``return_claims`` moves the inputs of
this run back from the claim area into the inbox and takes back their attempts.
"""
from __future__ import annotations

import logging
import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .operational import REGISTER_UNUSABLE, OperationalError, classify, fault_point
from .register import RegisterError, meetings
from .results import DocumentResult
from .schema import MinutesRecord

log = logging.getLogger(__name__)

_TMP_NAMES = (re.compile(r"^\..+\.(\d+)\.\d+\.tmp$"), re.compile(r"^\..+\.tmp-(\d+)$"))
STALE_TMP_SECONDS = 3600.0
"""A temporary file older than this is removed even when its process id is in use (pid reuse)."""


@dataclass
class ReconcileReport:
    removed_temp_files: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    """Documents whose interrupted filing was completed (register + ledger)."""
    registered: list[str] = field(default_factory=list)
    """Processed documents that were missing from the register and were recorded again."""
    requeued: list[str] = field(default_factory=list)
    """Stuck ledger rows without input and outputs, set to "queued"."""
    unrepairable: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.removed_temp_files or self.completed or self.registered or self.requeued or self.unrepairable)

    def to_dict(self) -> dict:
        return {k: list(v) for k, v in self.__dict__.items()}


def _iso_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _stray(entry: os.DirEntry, now: float) -> bool:
    for pattern in _TMP_NAMES:
        m = pattern.match(entry.name)
        if m:
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                return False
            return not _pid_alive(int(m.group(1))) or age > STALE_TMP_SECONDS
    return False


def _scan_dirs(inbox: Path, outbox: Path) -> list[Path]:
    dirs = [outbox, inbox, inbox / "failed", inbox / "processed", outbox / ".protokollant"]
    for parent in (outbox, outbox / ".protokollant" / "batches"):
        try:
            with os.scandir(parent) as it:
                dirs.extend(Path(e.path) for e in it if e.is_dir(follow_symlinks=False) and e.name != ".protokollant")
        except OSError:
            continue
    return dirs


def remove_stray_temp_files(inbox: Path, outbox: Path) -> list[str]:
    """Delete temporary files left by killed processes in the outbox and the inbox's folders."""
    removed: list[str] = []
    now = time.time()
    for d in _scan_dirs(Path(inbox), Path(outbox)):
        try:
            with os.scandir(d) as it:
                for entry in it:
                    if entry.is_file(follow_symlinks=False) and _stray(entry, now):
                        os.unlink(entry.path)
                        removed.append(entry.path)
        except FileNotFoundError:
            continue
    for path in removed:
        log.warning("Temporäre Datei eines abgebrochenen Laufs entfernt: %s", path)
    return removed


# --------------------------------------------------------------------------- register, idempotent


def _stem_key(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()


def registered_documents(registrar) -> dict[str, str]:
    """stem key → sha256 of every document the register holds."""
    with registrar.opened().engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(sa.select(meetings.c.stem_key, meetings.c.sha256))}


def record_in_register(registrar, result) -> bool:
    """Record a processed result unless the register already holds these bytes under this stem.

    Returns True when it wrote. Any register problem is an OperationalError (the
    document is fine; the run must stop and keep the input for the next run).
    """
    if not result.ok or result.record is None:
        return False
    try:
        key = _stem_key(registrar._stem(result))
        with registrar.opened().engine.connect() as conn:
            have = conn.execute(sa.select(meetings.c.sha256).where(meetings.c.stem_key == key)).scalar()
        if have == result.record.source.sha256:
            return False
        registrar.record(result)
    except (RegisterError, SQLAlchemyError, OSError) as e:
        root = _root_cause(e)
        raise OperationalError(classify(root) or REGISTER_UNUSABLE, f"{result.record.source.file}: Register nicht beschreibbar ({root})") from e
    return True


def _root_cause(e: BaseException) -> BaseException:
    """The database driver's own error under SQLAlchemy/RegisterError wrappers (short, classifiable)."""
    seen = set()
    while id(e) not in seen:
        seen.add(id(e))
        inner = getattr(e, "orig", None) or e.__cause__
        if inner is None:
            break
        e = inner
    return e


def _load_result(json_path: Path, stem: str):
    """A DocumentResult rebuilt from an output JSON (for the register); None when unreadable."""
    try:
        record = MinutesRecord.model_validate_json(json_path.read_bytes())
    except (OSError, ValueError) as e:
        log.warning("Datensatz nicht lesbar (%s): %s", json_path, e)
        return None
    outputs = {"json": str(json_path)}
    return DocumentResult(input=record.source.file, status="processed", outputs=outputs, sha256=record.source.sha256, record=record)


def _outputs_of(outbox: Path, stem: str) -> dict[str, str]:
    d = outbox / stem
    return {"json": str(d / f"{stem}.json"), "html": str(d / f"{stem}.html"), "csv": str(d / f"{stem}.aufgaben.csv")}


# --------------------------------------------------------------------------- the pass


def _names_waiting(inbox: Path) -> set[str]:
    names: set[str] = set()
    for d in (inbox, inbox / ".processing"):
        try:
            with os.scandir(d) as it:
                names.update(e.name for e in it)
        except FileNotFoundError:
            continue
    return names


def reconcile(inbox: Path, outbox: Path, ledger, registrar) -> ReconcileReport:
    """Repair what a crash left (see the module docstring). Raises OperationalError when the
    register cannot be written; OSError/sqlite3.Error propagate (the caller classifies them)."""
    inbox, outbox = Path(inbox), Path(outbox)
    report = ReconcileReport(removed_temp_files=remove_stray_temp_files(inbox, outbox))
    entries = ledger.entries()
    if not entries:
        return report
    waiting = _names_waiting(inbox)
    registered: dict[str, str] | None = None

    def complete(e, outputs: dict[str, str]) -> bool:
        nonlocal registered
        json_path = Path(outputs.get("json", ""))
        result = _load_result(json_path, e.stem) if json_path.name else None
        if result is None or result.record.source.sha256 != e.sha256 or not all(Path(p).exists() for p in outputs.values()):
            return False
        record_in_register(registrar, result)
        registered = None
        ledger.record(e.sha256, e.file_name, e.stem, "processed", _iso_now(), outputs)
        fault_point("reconciled")
        return True

    for e in entries:
        if e.status == "filing" and e.outputs and complete(e, e.outputs):
            report.completed.append(e.file_name)
        elif e.status in ("processing", "filing") and e.file_name not in waiting:
            if complete(e, _outputs_of(outbox, e.stem)):
                report.completed.append(e.file_name)
            else:
                ledger.record(e.sha256, e.file_name, e.stem, "queued", _iso_now())
                report.requeued.append(e.file_name)
        elif e.status == "processed":
            if registered is None:
                try:
                    registered = registered_documents(registrar)
                except Exception as ex:  # noqa: BLE001 - any register failure is operational here
                    raise OperationalError(REGISTER_UNUSABLE, str(ex)) from ex
            if registered.get(_stem_key(e.stem)) == e.sha256:
                continue
            json_path = Path(e.outputs.get("json") or _outputs_of(outbox, e.stem)["json"])
            result = _load_result(json_path, e.stem) if json_path.exists() else None
            if result is None or result.record.source.sha256 != e.sha256:
                report.unrepairable.append(e.file_name)
                continue
            record_in_register(registrar, result)
            registered[_stem_key(e.stem)] = e.sha256
            report.registered.append(e.file_name)
    for name in report.completed + report.registered:
        log.warning("Nach Abbruch nachgetragen (Aufgabenregister/Verzeichnis): %s", name)
    return report


def return_claims(inbox: Path, ledger) -> list[str]:
    """After an operational stop: move this run's claims back into the inbox (when the name is free)
    and take back the attempts counted for them — a full disk is not a crash of the document."""
    processing = Path(inbox) / ".processing"
    returned: list[str] = []
    try:
        leftovers = sorted(p for p in processing.iterdir() if not p.name.startswith("."))
    except OSError:
        return returned
    for p in leftovers:
        try:
            if not os.path.lexists(Path(inbox) / p.name):
                os.rename(p, Path(inbox) / p.name)
                returned.append(p.name)
        except OSError as e:  # stays in the claim area: the next run recovers it
            log.warning("Nicht in den Eingang zurückgelegt (%s): %s", p.name, e)
    try:
        names = {p.name for p in leftovers}
        for e in ledger.entries():
            if e.status == "processing" and e.file_name in names:
                ledger.undo_attempt(e.sha256)
    except Exception as e:  # noqa: BLE001 - best effort: the ledger may be on the full disk
        log.warning("Versuche nicht zurückgenommen: %s", e)
    return returned


__all__ = ["ReconcileReport", "reconcile", "record_in_register", "registered_documents", "remove_stray_temp_files", "return_claims"]
