"""Inbox lifecycle: pick up minutes dropped into INBOX, process each once, file it away.

Plain library code (no Prefect): ``run_inbox`` is the whole lifecycle; the
Prefect flow in ``flows/minutes.py`` calls the same function and only swaps
the processor for one whose ``process_files`` runs a *batch* of documents as
one Prefect task. The lifecycle is also usable in phases (``open_inbox_run``
→ ``InboxRun``: claim, admit, plan, start, file), so a dispatcher can have the
batches computed on other machines and still file every document here
(``flows/scaleout.py``).

Folder layout
-------------
::

    INBOX/                      files dropped by users (only the top level is scanned)
    INBOX/.processing/          claimed files while they are being processed
    INBOX/.processing/.lock     inbox run lock
    INBOX/processed/<name>      inputs whose outputs were written (and duplicates)
    INBOX/failed/<name>         inputs that could not be processed …
    INBOX/failed/<name>.error.json   … and why
    OUTBOX/<stem>/              outputs of one document (written by the renderer)
    OUTBOX/.protokollant/run.lock         outbox run lock
    OUTBOX/.protokollant/ledger.sqlite3   content-hash ledger

Crash-safety scheme
-------------------
Every step is a single rename within the inbox's file system, or a SQLite
transaction, so a run killed at any point leaves each input in exactly one
place and the next run finishes the job:

1. **Lock.** ``OUTBOX/.protokollant/run.lock`` and ``INBOX/.processing/.lock``
   are taken with a non-blocking ``flock``. A second run (nightly job and a
   manual ``protokollant run`` at the same time) does *not* wait: it returns
   at once with ``busy=True`` and the message "another run is active" and
   touches nothing; its exit code is 0 (nothing failed). Files it would have
   seen are picked up by the active run or the next one. The kernel releases
   the lock when a process dies, so a crash never leaves a stale lock.
2. **Recover.** Under the lock, anything left in ``INBOX/.processing/`` is from
   a killed run. It is moved back to ``INBOX/`` (rename keeps its mtime, so
   it is immediately "stable"); if a file of the same name was dropped
   meanwhile, the leftover is processed straight from ``.processing/`` first
   and the newer file after it (so the newer version's outputs win).
3. **Claim.** A stable candidate is renamed into ``INBOX/.processing/``. From
   then on a new file dropped under the same name is a separate file and can
   never be mistaken for the one being processed; the bytes hashed are the
   bytes processed.
4. **Process.** The processor writes ``OUTBOX/<stem>/`` (atomically, temp +
   rename, in the renderer). Before that the ledger counts an *attempt* for
   the content hash (status "processing"); a document that killed the
   process ``MAX_ATTEMPTS`` times is moved to ``failed/`` ("repeated-crash")
   instead of crashing every night.
5. **File away, input last** (``InboxRun._file``): ledger row "filing" with
   the outputs (write-ahead) → register entries (skipped when the register
   holds these bytes already) → ledger "processed" → the input is renamed to
   ``processed/``. A failure: ledger "failed" → ``failed/<name>.error.json``
   (atomically) → input renamed beside it. The start-up reconciliation
   (``protokollant.recovery``) completes a filing a kill interrupted; the input
   then goes to ``processed/`` as a duplicate. Disk full, permissions, a
   read-only folder or an unusable register are *operational* errors
   (``protokollant.operational``): the run stops, its inputs go back to the
   inbox, exit code 2.

One bad file never stops the batch: a rejected document or an unexpected
exception while processing it sends that file to ``failed/``. Only an
ImportError (a broken installation, not the document's fault) stops the run;
like a kill, it leaves the input in the claim area for the next run.

Batches
-------
With a processor that has ``process_files`` (``batch_size`` > 1) steps 3–5
happen per batch: the batch is claimed, an attempt is counted for each of
its documents, the batch is processed in one call, then each document is
filed away as above. A kill leaves at most that batch in the claim area
(outputs already written are simply written again). Every document of a
killed batch is a *suspect* on the next run (ledger status "processing") and
runs in a batch of its own, so only the document that really kills the
process reaches ``MAX_ATTEMPTS``. Two claims with the same bytes are never
in flight together: the second waits until the first is filed and is then
a duplicate (or is processed, if the first failed).

Anything that is not a "processed" ledger row (processing, failed,
superseded) does not make a file a duplicate: a file that failed before is
tried again when it is dropped again.

Idempotence and stable stems
----------------------------
The ledger (SQLite, primary key sha256 → O(1) lookup) remembers every
processed content hash and the output stem of every input file name.
The same bytes are not processed twice (the file still goes to
``processed/``, reported as duplicate "bereits verarbeitet", as long as the
earlier outputs still exist). The same file name always maps to the same
output folder, so a corrected version (same name, new bytes) replaces the
earlier outputs; the earlier hash is then marked "superseded", so dropping
the old version again restores the old outputs. A failed correction leaves
the previous outputs in place.

"Still being written"
---------------------
A file is skipped (left in place, reported) while its mtime is younger than
``stable_seconds``, and when its size or mtime differ between the scan and
the moment it is claimed (later files in a batch get a real window). ctime is
deliberately not used: the recovery rename would otherwise delay recovered
files by a night.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

from .errors import ProtokollantError, UnreadableDocumentError
from .german import format_local
from .progress import Progress
from .foreign import NOT_WORD, SUBFOLDER, SUBFOLDER_MESSAGE
from .filing import ERROR_SUFFIX, atomic_write_json as _atomic_write_json, file_special, finish_failed, finish_processed, special_kind
from .operational import EXIT_OPERATIONAL, OPERATIONAL_REASONS, REGISTER_UNUSABLE, OperationalError, classify, fault_point, from_exception
from .recovery import record_in_register
from .pipeline import DocumentResult, is_candidate_input

log = logging.getLogger(__name__)

PROCESSING_DIR = ".processing"
PROCESSED_DIR = "processed"
FAILED_DIR = "failed"
STATE_DIR = ".protokollant"
LEDGER_FILE = "ledger.sqlite3"
RUN_LOCK_FILE = "run.lock"
INBOX_LOCK_FILE = ".lock"
MAX_ATTEMPTS = 3
"""A document that killed the run this many times is moved to failed/."""

BUSY_MESSAGE = "another run is active"
DUPLICATE_NOTE = "bereits verarbeitet"

# Skip reasons (machine code → German message)
SKIP_LOCK_FILE = "lock-file"
SKIP_UNSTABLE = "still-being-written"
SKIP_CLAIM_CONFLICT = "claim-conflict"
SKIP_VANISHED = "vanished"
SKIP_MESSAGES = {
    SKIP_LOCK_FILE: "Word-Sperrdatei",
    SKIP_UNSTABLE: "wird noch geschrieben (Größe/Änderungszeit nicht stabil)",
    SKIP_CLAIM_CONFLICT: "eine gleichnamige Datei wird bereits verarbeitet",
    SKIP_VANISHED: "Datei ist während des Laufs verschwunden",
}


class InboxError(ProtokollantError):
    """The inbox cannot be used at all (missing folder, …)."""


class RunLockedError(ProtokollantError):
    """Another run holds the inbox/outbox lock."""


class ClaimSkipped(Exception):
    """A candidate was not claimed; ``reason`` is one of the SKIP_* codes."""

    def __init__(self, name: str, reason: str):
        self.name = name
        self.reason = reason
        super().__init__(f"{name}: {SKIP_MESSAGES.get(reason, reason)}")


class DocumentProcessor(Protocol):
    """What run_inbox needs: ``pipeline.Processor`` or anything shaped like it.

    Optionally also ``process_files(items: list[(path, stem)], outbox) -> list[Outcome]``
    (one Outcome per item, in order, e.g. via ``process_batch``): then
    ``run_inbox(batch_size=N)`` hands it N documents per call.
    """

    def process_file(self, path: str | os.PathLike, outbox: str | os.PathLike, *, stem: str | None = None) -> DocumentResult: ...


# --------------------------------------------------------------------------- results


@dataclass
class SkippedFile:
    file: str
    reason: str
    message: str

    def to_dict(self) -> dict:
        return {"file": self.file, "reason": self.reason, "message": self.message}


@dataclass
class ProcessedEntry:
    file: str
    moved_to: str
    stem: str
    sha256: str
    outputs: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    replaced: bool = False
    """True when the outputs replaced those of an earlier version of the same file name."""
    result: DocumentResult | None = field(default=None, repr=False, compare=False)
    """The full result (with the MinutesRecord) — not part of to_dict()."""

    def to_dict(self) -> dict:
        return {
            "file": self.file, "moved_to": self.moved_to, "stem": self.stem, "sha256": self.sha256,
            "outputs": dict(self.outputs), "counts": dict(self.counts), "replaced": self.replaced,
        }


@dataclass
class FailedEntry:
    file: str
    reason: str
    error: str | None
    hint: str | None
    error_type: str
    sha256: str | None
    moved_to: str | None
    """None when the input could not be moved (it stays in the claim area and is retried)."""
    error_file: str | None

    def to_dict(self) -> dict:
        return {
            "file": self.file, "reason": self.reason, "error": self.error, "hint": self.hint,
            "error_type": self.error_type, "sha256": self.sha256, "moved_to": self.moved_to,
            "error_file": self.error_file,
        }


@dataclass
class DuplicateEntry:
    file: str
    moved_to: str
    sha256: str
    stem: str
    note: str

    def to_dict(self) -> dict:
        return {"file": self.file, "moved_to": self.moved_to, "sha256": self.sha256, "stem": self.stem, "note": self.note}


@dataclass
class InboxRunSummary:
    inbox: str
    outbox: str
    started: str
    finished: str | None = None
    processed: list[ProcessedEntry] = field(default_factory=list)
    failed: list[FailedEntry] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    duplicates: list[DuplicateEntry] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    """Names found in the claim area from a killed run (processed again in this run)."""
    ignored: list[str] = field(default_factory=list)
    """Kept for compatibility (always empty): non-Word files now go to failed/ with a reason."""
    busy: bool = False
    message: str | None = None
    stopped: str | None = None
    """One German line when the run could not do its job (disk full, permissions, register …): exit code 2."""
    repaired: dict = field(default_factory=dict)
    """What the start-up reconciliation repaired (recovery.ReconcileReport.to_dict())."""

    @property
    def counts(self) -> dict[str, int]:
        return {
            "processed": len(self.processed),
            "failed": len(self.failed),
            "skipped": len(self.skipped),
            "duplicates": len(self.duplicates),
            "recovered": len(self.recovered),
        }

    @property
    def exit_code(self) -> int:
        """2 when the run was stopped by an operational error, 1 when a document was rejected,
        0 otherwise (also for an empty inbox or a busy lock)."""
        return EXIT_OPERATIONAL if self.stopped else (1 if self.failed else 0)

    def to_dict(self) -> dict:
        return {
            "inbox": self.inbox,
            "outbox": self.outbox,
            "started": self.started,
            "finished": self.finished,
            "busy": self.busy,
            "message": self.message,
            "stopped": self.stopped,
            "repaired": dict(self.repaired),
            "counts": self.counts,
            "exit_code": self.exit_code,
            "processed": [e.to_dict() for e in self.processed],
            "failed": [e.to_dict() for e in self.failed],
            "skipped": [e.to_dict() for e in self.skipped],
            "duplicates": [e.to_dict() for e in self.duplicates],
            "recovered": list(self.recovered),
            "ignored": list(self.ignored),
        }


# --------------------------------------------------------------------------- helpers


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _is_temp_name(name: str) -> bool:
    low = name.lower()
    return name.startswith(".") or low.endswith(".tmp")


def _is_word_owner_file(name: str) -> bool:
    return name.startswith("~$")


# --------------------------------------------------------------------------- lock


class RunLock:
    """Holds the non-blocking flock on the outbox and inbox lock files."""

    def __init__(self, fds: list[int]):
        self._fds = fds

    def release(self) -> None:
        for fd in self._fds:
            try:
                _unlock(fd)
            finally:
                os.close(fd)
        self._fds = []

    def __enter__(self) -> RunLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


try:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _lock_one(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    if not _try_lock(fd):
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            holder = os.read(fd, 200).decode("utf-8", "replace").strip()
        finally:
            os.close(fd)
        raise RunLockedError(f"{BUSY_MESSAGE}: {path}" + (f" ({holder})" if holder else ""))
    info = f"pid {os.getpid()} seit {_iso(time.time())}".encode()
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, info)
    return fd


def acquire_run_lock(inbox: Path, outbox: Path) -> RunLock:
    """Take both run locks without waiting; raise RunLockedError when another run holds one."""
    fds: list[int] = []
    try:
        fds.append(_lock_one(Path(outbox) / STATE_DIR / RUN_LOCK_FILE))
        fds.append(_lock_one(Path(inbox) / PROCESSING_DIR / INBOX_LOCK_FILE))
    except BaseException:
        RunLock(fds).release()
        raise
    return RunLock(fds)


# --------------------------------------------------------------------------- ledger


@dataclass
class LedgerEntry:
    sha256: str
    file_name: str
    stem: str
    status: str
    """processing | filing | processed | failed | superseded | queued"""
    time: str
    outputs: dict[str, str]
    attempts: int


class Ledger:
    """Content-hash ledger in ``OUTBOX/.protokollant/ledger.sqlite3``.

    ``documents``: one row per content hash (primary key → O(1) lookup).
    ``stems``: input file name → output stem, assigned once and kept forever.
    """

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS documents (
        sha256     TEXT PRIMARY KEY,
        file_name  TEXT NOT NULL,
        stem       TEXT NOT NULL,
        status     TEXT NOT NULL,
        time       TEXT NOT NULL,
        outputs    TEXT NOT NULL DEFAULT '{}',
        attempts   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS documents_stem ON documents(stem);
    CREATE TABLE IF NOT EXISTS stems (
        file_name  TEXT PRIMARY KEY,
        stem       TEXT NOT NULL,
        stem_key   TEXT NOT NULL UNIQUE
    );
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(self.path), timeout=30)
        with self._conn:
            self._conn.executescript(self.SCHEMA)

    @classmethod
    def open(cls, outbox: str | os.PathLike) -> Ledger:
        return cls(Path(outbox) / STATE_DIR / LEDGER_FILE)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _entry(row: tuple) -> LedgerEntry:
        sha, name, stem, status, t, outputs, attempts = row
        return LedgerEntry(sha, name, stem, status, t, json.loads(outputs or "{}"), attempts)

    def lookup(self, sha256: str) -> LedgerEntry | None:
        row = self._conn.execute(
            "SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents WHERE sha256 = ?", (sha256,)
        ).fetchone()
        return self._entry(row) if row else None

    def entries(self) -> list[LedgerEntry]:
        rows = self._conn.execute("SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents ORDER BY time, file_name")
        return [self._entry(r) for r in rows]

    def stem_for(self, file_name: str) -> str:
        """The output stem of this input file name: assigned on first sight, then fixed."""
        with self._conn:
            row = self._conn.execute("SELECT stem FROM stems WHERE file_name = ?", (file_name,)).fetchone()
            if row:
                return row[0]
            from .render import safe_stem  # same stems as `protokollant process`

            base = safe_stem(file_name)
            n = 1
            while True:
                stem = base if n == 1 else f"{base}-{n}"
                if not self._conn.execute("SELECT 1 FROM stems WHERE stem_key = ?", (stem.casefold(),)).fetchone():
                    break
                n += 1
            self._conn.execute("INSERT INTO stems (file_name, stem, stem_key) VALUES (?, ?, ?)", (file_name, stem, stem.casefold()))
            return stem

    def current_for_stem(self, stem: str) -> LedgerEntry | None:
        row = self._conn.execute(
            "SELECT sha256, file_name, stem, status, time, outputs, attempts FROM documents WHERE stem = ? AND status = 'processed'", (stem,)
        ).fetchone()
        return self._entry(row) if row else None

    def begin_attempt(self, sha256: str, file_name: str, stem: str, when: str) -> int:
        """Count an attempt for this content (before processing). Returns the attempt number."""
        with self._conn:
            row = self._conn.execute("SELECT status, attempts FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
            attempts = (row[1] + 1) if row and row[0] == "processing" else 1
            self._conn.execute(
                """INSERT INTO documents (sha256, file_name, stem, status, time, attempts) VALUES (?, ?, ?, 'processing', ?, ?)
                   ON CONFLICT(sha256) DO UPDATE SET file_name = excluded.file_name, stem = excluded.stem,
                   status = 'processing', time = excluded.time, attempts = excluded.attempts""",
                (sha256, file_name, stem, when, attempts),
            )
        return attempts

    def undo_attempt(self, sha256: str) -> None:
        """Take back the attempt ``begin_attempt`` counted when processing never started (no worker took the batch).

        With no earlier attempt left the row becomes "queued": not a suspect,
        not a duplicate, so the document is simply batched again next run.
        """
        with self._conn:
            self._conn.execute(
                """UPDATE documents SET attempts = attempts - 1,
                   status = CASE WHEN attempts - 1 <= 0 THEN 'queued' ELSE status END
                   WHERE sha256 = ? AND status = 'processing'""",
                (sha256,),
            )

    def record(self, sha256: str, file_name: str, stem: str, status: str, when: str, outputs: dict[str, str] | None = None) -> None:
        """The final row for this content ("processed" or "failed"); written last."""
        with self._conn:
            if status == "processed":
                self._conn.execute(
                    "UPDATE documents SET status = 'superseded' WHERE stem = ? AND sha256 != ? AND status = 'processed'", (stem, sha256)
                )
            self._conn.execute(
                """INSERT INTO documents (sha256, file_name, stem, status, time, outputs, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)
                   ON CONFLICT(sha256) DO UPDATE SET file_name = excluded.file_name, stem = excluded.stem, status = excluded.status,
                   time = excluded.time, outputs = excluded.outputs, attempts = 0""",
                (sha256, file_name, stem, status, when, json.dumps(outputs or {}, ensure_ascii=False)),
            )


# --------------------------------------------------------------------------- scan / claim / finish


@dataclass
class Candidate:
    path: Path
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    special: list[tuple[Path, str]] = field(default_factory=list)
    """Links, FIFOs, devices, non-Word files: (entry, "symlink" | "not-a-regular-file" | "not-a-word-file"),
    never opened; filed to failed/."""


def scan_inbox(inbox: str | os.PathLike, *, stable_seconds: float = 2.0, now: Callable[[], float] = time.time) -> ScanResult:
    """Classify the entries directly in INBOX (lstat only, nothing is followed or opened)."""
    inbox = Path(inbox)
    result = ScanResult()
    t = now()
    for name in sorted(os.listdir(inbox)):
        entry = inbox / name
        if _is_temp_name(name) or name in (PROCESSED_DIR, FAILED_DIR):
            continue  # our folders, hidden files, *.tmp / ~*.tmp / .~lock… : silently ignored
        try:
            st1 = os.lstat(entry)
        except FileNotFoundError:
            continue
        kind = special_kind(st1)
        if kind is not None:
            result.special.append((entry, kind))
            continue
        if not stat.S_ISREG(st1.st_mode):  # a folder: never searched, but named in the summary
            result.skipped.append(SkippedFile(name, SUBFOLDER, SUBFOLDER_MESSAGE))
            continue
        if _is_word_owner_file(name):
            result.skipped.append(SkippedFile(name, SKIP_LOCK_FILE, SKIP_MESSAGES[SKIP_LOCK_FILE]))
            continue
        try:
            st2 = os.lstat(entry)
        except FileNotFoundError:
            continue
        if (st1.st_size, st1.st_mtime_ns) != (st2.st_size, st2.st_mtime_ns) or t - st2.st_mtime < stable_seconds:
            result.skipped.append(SkippedFile(name, SKIP_UNSTABLE, SKIP_MESSAGES[SKIP_UNSTABLE]))
            continue
        if not is_candidate_input(entry):  # PDF, RTF, text …: to failed/ with a reason and a hint
            result.special.append((entry, NOT_WORD))
            continue
        result.candidates.append(Candidate(entry, st2.st_size, st2.st_mtime_ns))
    return result


@dataclass
class Claim:
    name: str
    """The file name as dropped (also its name in the claim area)."""
    path: Path
    """Where the file is now: INBOX/.processing/<name>."""
    sha256: str
    size: int
    recovered: bool = False


def claim(candidate: Candidate | Path, inbox: str | os.PathLike) -> Claim:
    """Move a candidate into INBOX/.processing/ (atomic rename) and hash it.

    Raises ClaimSkipped when the file changed since the scan, vanished, or a
    file of the same name is already in the claim area.
    """
    inbox = Path(inbox)
    if isinstance(candidate, Path):
        st = os.lstat(candidate)
        candidate = Candidate(candidate, st.st_size, st.st_mtime_ns)
    src = candidate.path
    processing = inbox / PROCESSING_DIR
    processing.mkdir(exist_ok=True)
    target = processing / src.name
    if target.exists():
        raise ClaimSkipped(src.name, SKIP_CLAIM_CONFLICT)
    try:
        st = os.lstat(src)  # never follow: a file swapped for a link since the scan waits for the next scan
    except FileNotFoundError:
        raise ClaimSkipped(src.name, SKIP_VANISHED) from None
    if not stat.S_ISREG(st.st_mode) or (st.st_size, st.st_mtime_ns) != (candidate.size, candidate.mtime_ns):
        raise ClaimSkipped(src.name, SKIP_UNSTABLE)
    try:
        os.rename(src, target)
    except FileNotFoundError:
        raise ClaimSkipped(src.name, SKIP_VANISHED) from None
    return Claim(name=src.name, path=target, sha256=sha256_file(target), size=target.stat().st_size)


def recover_claimed(inbox: str | os.PathLike) -> tuple[list[str], list[Claim]]:
    """Deal with files a killed run left in INBOX/.processing/.

    Returns (names moved back into INBOX, claims to process from the claim
    area because a file of the same name was dropped meanwhile).
    """
    inbox = Path(inbox)
    processing = inbox / PROCESSING_DIR
    moved_back: list[str] = []
    resumed: list[Claim] = []
    if not processing.is_dir():
        return moved_back, resumed
    for leftover in sorted(processing.iterdir(), key=lambda p: p.name):
        if leftover.name.startswith(".") or not stat.S_ISREG(os.lstat(leftover).st_mode):
            continue
        back = inbox / leftover.name
        if back.exists():
            resumed.append(Claim(leftover.name, leftover, sha256_file(leftover), leftover.stat().st_size, recovered=True))
        else:
            os.rename(leftover, back)
            moved_back.append(leftover.name)
        log.warning("Aus einem abgebrochenen Lauf übernommen: %s", leftover.name)
    return moved_back, resumed


# --------------------------------------------------------------------------- processing (no filing)


def _error_type_for(result: DocumentResult) -> str:
    if result.reason in UnreadableDocumentError.REASONS:
        return UnreadableDocumentError.__name__
    if result.reason == "io-error":
        return OSError.__name__
    return "DocumentFailed"


@dataclass
class Job:
    """A claim admitted for processing: not a duplicate, its output stem assigned."""

    claim: Claim
    stem: str
    replaced: LedgerEntry | None = None
    """The current ledger entry of the same stem (an earlier version of the same file name)."""
    suspect: bool = False
    """An earlier attempt on these bytes never finished (crash): run in a batch of its own."""
    attempts: int = 0


@dataclass
class Outcome:
    """What processing one document produced; ``error_type`` is set when the processor raised."""

    name: str
    result: DocumentResult
    error_type: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "error_type": self.error_type, "result": self.result.summary()}

    @classmethod
    def from_dict(cls, data: dict) -> Outcome:
        r = data["result"]
        result = DocumentResult(
            input=r["input"], status=r["status"], outputs=dict(r.get("outputs") or {}), reason=r.get("reason"),
            error=r.get("error"), hint=r.get("hint"), sha256=r.get("sha256"), counts=dict(r.get("counts") or {}),
        )
        return cls(name=data["name"], result=result, error_type=data.get("error_type"))


def _internal_error(path: Path, e: Exception) -> Outcome:
    return Outcome(path.name, DocumentResult(
        input=str(path), status="failed", reason="internal-error",
        error=f"{path.name}: {type(e).__name__}: {e}",
        hint="Interner Fehler: die Datei und diese Meldung an den Betreuer weitergeben.",
    ), error_type=type(e).__name__)


def process_one(processor: DocumentProcessor, path: str | os.PathLike, outbox: str | os.PathLike, stem: str, *, retries: int = 0) -> Outcome:
    """Run ``processor.process_file`` on one document and never raise for the document's sake.

    A rejected document is a "failed" result (also when the processor raises
    the reader's error instead of returning it); an unexpected exception is
    tried ``retries`` more times, then becomes an "internal-error" outcome.
    ImportError (broken installation) and BaseException propagate.
    """
    path = Path(path)
    for attempt in range(retries + 1):
        try:
            return Outcome(path.name, processor.process_file(path, outbox, stem=stem))
        except ImportError:
            raise
        except UnreadableDocumentError as e:
            return Outcome(path.name, DocumentResult(input=str(path), status="failed", reason=e.reason, error=str(e), hint=e.hint))
        except Exception as e:  # an unexpected bug must not stop the batch
            if (reason := classify(e)) is not None:  # disk full, permissions: the run stops, the input stays
                return Outcome(path.name, DocumentResult(input=str(path), status="failed", reason=reason, error=f"{path.name}: {e}"),
                               error_type=type(e).__name__)
            if attempt < retries:
                log.warning("Unerwarteter Fehler bei %s, neuer Versuch: %s: %s", path.name, type(e).__name__, e)
                continue
            log.exception("Unerwarteter Fehler bei %s", path.name)
            return _internal_error(path, e)
    raise AssertionError("unreachable")


def process_batch(
    processor: DocumentProcessor, items: list[tuple[str, str]], outbox: str | os.PathLike, *, retries: int = 0,
) -> list[Outcome]:
    """Process ``(path, stem)`` items one after another with one processor; one Outcome per item, in order.

    The unit a Prefect task (or a remote batch flow) runs: one bad document
    only fails itself. Inputs are not moved and nothing is filed here. A
    processor with ``group_commit`` flushes the batch's outputs to disk once,
    before the outcomes are returned (and so before anything is filed).
    """
    group_commit = getattr(processor, "group_commit", None)
    with group_commit() if callable(group_commit) else nullcontext():
        return [process_one(processor, path, outbox, stem, retries=retries) for path, stem in items]


def _batch_capable(processor: object) -> bool:
    return callable(getattr(processor, "process_files", None))


def plan_batches(jobs: list[Job], batch_size: int) -> list[list[Job]]:
    """Split jobs into batches of ``batch_size`` in order; a suspect (crashed before) gets a batch of its own.

    Running a suspect alone keeps a document that kills its process from
    using up the attempts of the innocent documents batched with it.
    """
    size = max(1, int(batch_size))
    batches: list[list[Job]] = []
    current: list[Job] = []
    for job in jobs:
        if job.suspect:
            batches.append([job])
            continue
        current.append(job)
        if len(current) >= size:
            batches.append(current)
            current = []
    if current:
        batches.append(current)
    return batches


# --------------------------------------------------------------------------- the run, in phases


class InboxRun:
    """One run's phases under the run lock: claim → admit → plan → start → (process) → file.

    ``run_inbox`` drives them in one process; a dispatcher can run the
    processing elsewhere (``flows/scaleout.py``) and still file every claim
    here, through the one ledger (SQLite: single writer). Create it with
    ``open_inbox_run``.
    """

    def __init__(self, inbox: Path, outbox: Path, ledger: Ledger, summary: InboxRunSummary, now: Callable[[], float]):
        self.inbox = inbox
        self.outbox = outbox
        self.ledger = ledger
        self.summary = summary
        self.now = now
        self.resumed: list[Claim] = []
        """Leftovers to process straight from the claim area (a file of the same name was dropped meanwhile)."""
        self._moved_back: set[str] = set()
        self._registrar = None  # the action register, opened once for the run on first use
        self._known: dict[str, str] | None = None  # {sha256: stem} of the register, read once per run

    def registrar(self):
        if self._registrar is None:
            from .register import Registrar

            self._registrar = Registrar(self.outbox)
        return self._registrar

    def close(self) -> None:
        """Close what the run opened besides lock and ledger (the action register)."""
        if self._registrar is not None:
            self._registrar.close()
            self._registrar = None

    def prepare(self) -> None:
        """Before any new work: the register must be usable (else OperationalError), is backed up,
        and what a crash left is repaired (protokollant.recovery)."""
        from .recovery import reconcile
        from .register_care import backup_register, check_before_run

        check_before_run(self.outbox, self.ledger)
        backup_register(self.outbox)
        try:
            self.registrar()._opened()  # created on the first run, so that "missing" means lost later
        except ProtokollantError as e:
            raise OperationalError(REGISTER_UNUSABLE, str(e)) from e
        report = reconcile(self.inbox, self.outbox, self.ledger, self.registrar())
        self.summary.repaired = report.to_dict() if report else {}

    def stop(self, e: OperationalError) -> None:
        """The run cannot go on (disk full, permissions …): say so once, give the inputs back to the inbox."""
        from .recovery import return_claims

        self.summary.stopped = str(e)
        log.error("Lauf abgebrochen: %s", e)
        returned = return_claims(self.inbox, self.ledger)
        if returned:
            self.summary.message = f"Zurück in den Eingang gelegt: {', '.join(returned)}"

    # ------------------------------------------------------------- recover / claim

    def recover(self) -> None:
        moved_back, self.resumed = recover_claimed(self.inbox)
        self._moved_back = set(moved_back)
        self.summary.recovered = moved_back + [c.name for c in self.resumed]

    def scan(self, *, stable_seconds: float = 2.0) -> list[Candidate]:
        """Scan INBOX: candidates to claim (skipped/ignored files go into the summary)."""
        scan = scan_inbox(self.inbox, stable_seconds=stable_seconds, now=self.now)
        self.summary.skipped.extend(scan.skipped)
        self.summary.ignored.extend(scan.ignored)
        for entry, kind in scan.special:  # links, FIFOs, devices: the entry itself goes to failed/
            try:
                moved_to, error_file = file_special(entry, self.inbox, kind, when=_iso(self.now()))
            except FileNotFoundError:
                continue
            except OSError as e:
                raise from_exception(e, f"{entry.name} nicht nach failed/ verschoben") from e
            data = json.loads(error_file.read_text(encoding="utf-8"))
            self.summary.failed.append(FailedEntry(
                file=entry.name, reason=kind, error=data["error"], hint=data["hint"], error_type=data["error_type"],
                sha256=None, moved_to=str(moved_to), error_file=str(error_file),
            ))
        return scan.candidates

    def claim(self, candidates: list[Candidate]) -> list[Claim]:
        """Claim candidates (atomic rename into the claim area); the ones that changed or vanished are skipped."""
        claims: list[Claim] = []
        for cand in candidates:
            try:
                c = claim(cand, self.inbox)
            except ClaimSkipped as e:
                if e.reason != SKIP_VANISHED:
                    self.summary.skipped.append(SkippedFile(e.name, e.reason, SKIP_MESSAGES[e.reason]))
                continue
            except OSError as e:  # unreadable file, read-only inbox …: not the document's fault
                raise from_exception(e, f"{cand.path.name} nicht übernommen") from e
            c.recovered = c.name in self._moved_back
            claims.append(c)
        return claims

    def claim_new(self, *, stable_seconds: float = 2.0) -> list[Claim]:
        """Scan and claim every stable candidate at once (for a dispatcher that runs batches concurrently).

        Call after the resumed leftovers are filed: until then a new file of
        the same name cannot be claimed.
        """
        return self.claim(self.scan(stable_seconds=stable_seconds))

    # ------------------------------------------------------------- admit / plan / start

    def admit(self, claims: list[Claim]) -> tuple[list[Job], list[Claim]]:
        """Duplicates are filed at once; the rest become jobs.

        Returns (jobs, deferred): a claim with the same bytes or name as an
        earlier job of this call is deferred until that job is filed, so it
        can be recognised as a duplicate then (and never runs concurrently).
        """
        jobs: list[Job] = []
        deferred: list[Claim] = []
        pending_sha: set[str] = set()
        pending_name: set[str] = set()
        for c in claims:
            if c.sha256 in pending_sha or c.name in pending_name:
                deferred.append(c)
                continue
            try:
                job = self._admit_one(c)
            except (OSError, sqlite3.Error) as e:
                raise from_exception(e, c.name) from e
            if job is not None:
                jobs.append(job)
                pending_sha.add(c.sha256)
                pending_name.add(c.name)
        return jobs, deferred

    def _admit_one(self, c: Claim) -> Job | None:
        previous = self.ledger.lookup(c.sha256)
        if previous and previous.status == "processed" and previous.outputs and all(Path(p).exists() for p in previous.outputs.values()):
            moved = finish_processed(c, self.inbox)
            self.summary.duplicates.append(DuplicateEntry(
                file=c.name, moved_to=str(moved), sha256=c.sha256, stem=previous.stem,
                note=f"{DUPLICATE_NOTE} ({format_local(previous.time)}, {previous.file_name} → {previous.stem}/)",
            ))
            return None
        same = None if previous and previous.status == "processed" else self._registered_elsewhere(c)
        if same is not None:  # the same bytes are in the register under another name (e.g. by `process`)
            moved = finish_processed(c, self.inbox)
            self.summary.duplicates.append(DuplicateEntry(
                file=c.name, moved_to=str(moved), sha256=c.sha256, stem=same,
                note=f"gleicher Inhalt wie {same}/ (bereits im Aufgabenregister)",
            ))
            return None
        stem = self.ledger.stem_for(c.name)
        return Job(
            claim=c, stem=stem, replaced=self.ledger.current_for_stem(stem),
            suspect=previous is not None and previous.status == "processing",
        )

    def _registered_elsewhere(self, c: Claim) -> str | None:
        """The stem under which the register holds these bytes, when that is not this name's stem
        and its outputs still exist; else None."""
        from .dedupe import registered_stems

        if self._known is None:
            try:
                self._known = registered_stems(self.registrar()._opened())
            except Exception:  # noqa: BLE001 - an unreadable register is prepare()'s business, not a reason to skip
                self._known = {}
        stem = self._known.get(c.sha256)
        if not stem:
            return None
        row = self.ledger._conn.execute("SELECT stem FROM stems WHERE file_name = ?", (c.name,)).fetchone()
        from .render import safe_stem

        own = row[0] if row else safe_stem(c.name)
        return stem if stem.casefold() != own.casefold() and (self.outbox / stem).is_dir() else None

    def waves(self, claims: list[Claim], batch_size: int) -> Iterator[list[list[Job]]]:
        """Admit and plan in waves: the next wave (deferred claims) is admitted only after
        the caller has processed and filed the batches of the previous one."""
        pending = list(claims)
        while pending:
            jobs, pending = self.admit(pending)
            if jobs:
                yield plan_batches(jobs, batch_size)

    def start(self, batch: list[Job]) -> list[Job]:
        """Count an attempt for each job right before it is processed; returns the jobs to process.

        A document whose earlier attempts killed the run ``MAX_ATTEMPTS``
        times is filed as failed ("repeated-crash") instead.
        """
        started: list[Job] = []
        for job in batch:
            c = job.claim
            try:
                job.attempts = self.ledger.begin_attempt(c.sha256, c.name, job.stem, _iso(self.now()))
                if job.attempts > MAX_ATTEMPTS:
                    result = DocumentResult(
                        input=str(c.path), status="failed", sha256=c.sha256, reason="repeated-crash",
                        error=f"{c.name}: Die Verarbeitung wurde {job.attempts - 1}-mal abgebrochen (Absturz oder Abbruch des Programms).",
                        hint="Die Datei in Word öffnen und neu speichern; besteht das Problem weiter, die Datei an den Betreuer geben.",
                    )
                    self._file(job, Outcome(c.name, result, error_type="RepeatedCrash"))
                    continue
            except (OSError, sqlite3.Error) as e:
                raise from_exception(e, c.name) from e
            started.append(job)
        return started

    # ------------------------------------------------------------- file away

    def file(self, job: Job, outcome: Outcome) -> None:
        """File one processed job away: processed/ + ledger + register, or failed/ + .error.json + ledger."""
        try:
            self._file(job, outcome)
        except (OSError, sqlite3.Error) as e:  # never the document's fault: stop the run, keep the input
            raise from_exception(e, f"{job.claim.name} nicht abgelegt") from e

    def _file(self, job: Job, outcome: Outcome) -> None:
        """The filing transaction (see protokollant.recovery): outputs → ledger "filing" → register
        → ledger "processed" → input moved last. A kill between any two steps is completed by the
        next run's reconciliation; ``fault_point`` marks the steps for the fault-injection tests."""
        c, stem, result, error_type = job.claim, job.stem, outcome.result, outcome.error_type
        if not result.ok and result.reason in OPERATIONAL_REASONS:
            raise OperationalError(result.reason, result.error or c.name)
        if result.ok:
            missing = [p for p in result.outputs.values() if not Path(p).exists()]
            if not result.outputs or missing:
                result = DocumentResult(
                    input=str(c.path), status="failed", sha256=c.sha256, reason="outputs-missing",
                    error=f"{c.name}: Ausgabedateien fehlen nach der Verarbeitung: {', '.join(missing) or '(keine)'}",
                    hint="Schreibrechte und freien Speicher im Ausgangsordner prüfen.",
                )
                error_type = "OutputsMissing"

        when = _iso(self.now())
        fault_point("outputs-written")
        if result.ok:
            self.ledger.record(c.sha256, c.name, stem, "filing", when, result.outputs)  # write-ahead
            fault_point("ledger-filing")
            record_in_register(self.registrar(), result)  # skipped when it holds these bytes already
            fault_point("registered")
            self.ledger.record(c.sha256, c.name, stem, "processed", when, result.outputs)
            fault_point("ledger-processed")
            moved = finish_processed(c, self.inbox)  # last: until here the input is in the claim area
            fault_point("moved")
            self.summary.processed.append(ProcessedEntry(
                file=c.name, moved_to=str(moved), stem=stem, sha256=c.sha256, outputs=dict(result.outputs),
                counts=dict(result.counts), replaced=job.replaced is not None and job.replaced.sha256 != c.sha256, result=result,
            ))
            return

        reason = result.reason or "unknown"
        error_type = error_type or _error_type_for(result)
        self.ledger.record(c.sha256, c.name, stem, "failed", when)
        fault_point("ledger-failed")
        moved_to, error_file = finish_failed(c, self.inbox, reason=reason, error=result.error, hint=result.hint, error_type=error_type, when=when)
        fault_point("moved")
        self.summary.failed.append(FailedEntry(
            file=c.name, reason=reason, error=result.error, hint=result.hint, error_type=error_type,
            sha256=c.sha256, moved_to=str(moved_to), error_file=str(error_file),
        ))

    def undo_attempt(self, job: Job) -> None:
        try:
            self.ledger.undo_attempt(job.claim.sha256)
        except sqlite3.Error as e:
            log.warning("Versuch nicht zurückgenommen (%s): %s", job.claim.name, e)

    def leave_claimed(self, job: Job, reason: str, error: str, hint: str) -> None:
        """Report a job whose processing produced no outcome (its batch run crashed or was lost).

        The input stays in the claim area and its ledger row in "processing":
        the next run recovers it and runs it alone (after ``MAX_ATTEMPTS``
        such failures it goes to failed/ as "repeated-crash").
        """
        c = job.claim
        self.summary.failed.append(FailedEntry(
            file=c.name, reason=reason, error=error, hint=hint, error_type="BatchLost",
            sha256=c.sha256, moved_to=None, error_file=None,
        ))

    # ------------------------------------------------------------- local driver

    def process_claims(self, claims: list[Claim], processor: DocumentProcessor, *, batch_size: int = 1) -> None:
        """Process claims in this process, batch by batch, filing each batch before the next starts.

        With a processor that has ``process_files`` (e.g. one Prefect task per
        batch) a batch is processed in one call; otherwise one document at a
        time (batch size 1), exactly as the claim-process-file cycle always was.
        """
        if not _batch_capable(processor):
            batch_size = 1
        for batches in self.waves(claims, batch_size):
            for batch in batches:
                jobs = self.start(batch)
                if not jobs:
                    continue
                for job, outcome in zip(jobs, self._run_batch(processor, jobs)):
                    self.file(job, outcome)

    def _run_batch(self, processor: DocumentProcessor, jobs: list[Job]) -> list[Outcome]:
        items = [(str(j.claim.path), j.stem) for j in jobs]
        if _batch_capable(processor):
            try:
                outcomes = list(processor.process_files(items, str(self.outbox)))  # type: ignore[attr-defined]
                if len(outcomes) != len(items):
                    raise RuntimeError(f"process_files lieferte {len(outcomes)} Ergebnisse für {len(items)} Dokumente")
                return outcomes
            except ImportError:
                raise
            except Exception:  # the batch call itself broke: fall back to one document at a time
                log.exception("Stapel fehlgeschlagen, verarbeite einzeln: %s", ", ".join(j.claim.name for j in jobs))
        return [process_one(processor, path, self.outbox, stem) for path, stem in items]


def _new_summary(inbox: Path, outbox: Path, now: Callable[[], float]) -> InboxRunSummary:
    return InboxRunSummary(inbox=str(inbox), outbox=str(outbox), started=_iso(now()))


@contextmanager
def open_inbox_run(inbox: str | os.PathLike, outbox: str | os.PathLike, *, now: Callable[[], float] = time.time) -> Iterator[InboxRun | InboxRunSummary]:
    """Take the run lock, open the ledger and recover leftovers of a killed run.

    Yields the InboxRun — or, when another run holds the lock, the finished
    "busy" InboxRunSummary (nothing touched). ``summary.finished`` is set on exit.
    """
    inbox, outbox = Path(inbox), Path(outbox)
    if not inbox.is_dir():
        raise InboxError(f"Eingangsordner nicht gefunden: {inbox}")
    summary = _new_summary(inbox, outbox, now)
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        lock = acquire_run_lock(inbox, outbox)
    except RunLockedError as e:
        summary.busy = True
        summary.message = str(e)
        summary.finished = _iso(now())
        log.info("%s", e)
        yield summary
        return
    except OSError as e:  # read-only or foreign folders: the run cannot even start
        summary.stopped = str(from_exception(e, f"Sperrdatei in {inbox} / {outbox} nicht anlegbar"))
        summary.finished = _iso(now())
        log.error("Lauf nicht gestartet: %s", summary.stopped)
        yield summary
        return
    with lock:
        try:
            ledger = Ledger.open(outbox)
        except (OSError, sqlite3.Error) as e:
            summary.stopped = str(from_exception(e, f"Verzeichnis {outbox / STATE_DIR / LEDGER_FILE} nicht nutzbar"))
            summary.finished = _iso(now())
            yield summary
            return
        with ledger:
            run = InboxRun(inbox, outbox, ledger, summary, now)
            try:
                try:
                    run.recover()
                    run.prepare()
                except (OSError, sqlite3.Error, OperationalError) as e:
                    run.stop(from_exception(e, "Vorbereitung des Laufs"))
                    yield summary
                    return
                try:
                    yield run
                except (OSError, sqlite3.Error, OperationalError) as e:
                    run.stop(from_exception(e, "Lauf"))
            finally:
                run.close()
                summary.finished = _iso(now())


# --------------------------------------------------------------------------- the run


def run_inbox(
    inbox: str | os.PathLike,
    outbox: str | os.PathLike,
    processor: DocumentProcessor,
    *,
    stable_seconds: float = 2.0,
    now: Callable[[], float] = time.time,
    batch_size: int = 1,
) -> InboxRunSummary:
    """One pass over INBOX: recover, scan, claim, process, file away. See the module docstring.

    ``batch_size`` only matters for a processor with ``process_files`` (see
    DocumentProcessor): that many documents per call, filed after each call.
    """
    with open_inbox_run(inbox, outbox, now=now) as run:
        if isinstance(run, InboxRunSummary):
            return run  # busy
        size = max(1, int(batch_size)) if _batch_capable(processor) else 1
        run.process_claims(run.resumed, processor, batch_size=size)
        # Claimed one batch at a time, right before it is processed: a kill leaves at
        # most one batch in the claim area, and later files get a real stability window.
        candidates = run.scan(stable_seconds=stable_seconds)
        with Progress(len(candidates), label="Eingang") as bar:  # a bar only on a terminal
            for i in range(0, len(candidates), size):
                run.process_claims(run.claim(candidates[i:i + size]), processor, batch_size=size)
                bar.advance(len(candidates[i:i + size]))
    return run.summary


# --------------------------------------------------------------------------- dispatch to other machines

BATCHES_DIR = "batches"
"""OUTBOX/.protokollant/batches/<run id>/<batch id>.json: what each remote batch computed."""


@dataclass
class BatchPlan:
    """One batch a dispatcher hands to a worker: its id (chosen here) and where the result must go."""

    batch_id: str
    jobs: list[Job]
    result_file: Path
    started: bool | None = None
    """Set by the runner: False when the batch certainly never started (no worker took it, or it
    could not be created), True when it ran; None = unknown (counts as a crash)."""

    @property
    def items(self) -> list[tuple[str, str]]:
        return [(str(j.claim.path), j.stem) for j in self.jobs]


def write_batch_result(result_file: str | os.PathLike, *, batch_id: str, outcomes: list[Outcome], worker: dict) -> Path:
    """Written by the batch flow on the worker (atomically: the dispatcher sees all of it or nothing)."""
    path = Path(result_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write_json(path, {
        "batch_id": batch_id,
        "worker": worker,
        "finished": _iso(time.time()),
        "outcomes": [o.to_dict() for o in outcomes],
    })
    return path


def read_batch_result(plan: BatchPlan) -> tuple[dict[str, Outcome], dict] | None:
    """The outcomes by file name and the worker info, or None when the batch left no (valid) result."""
    try:
        data = json.loads(plan.result_file.read_text(encoding="utf-8"))
        if data.get("batch_id") != plan.batch_id:
            raise ValueError(f"Stapel-ID {data.get('batch_id')!r} statt {plan.batch_id!r}")
        outcomes = {o.name: o for o in (Outcome.from_dict(d) for d in data["outcomes"])}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as e:
        log.error("Stapelergebnis %s unbrauchbar: %s", plan.result_file, e)
        return None
    return outcomes, dict(data.get("worker") or {})


def _with_record(outcome: Outcome) -> Outcome:
    """Load the record from the JSON output (for the register): a remote result carries no record."""
    result = outcome.result
    if result.ok and result.record is None and result.outputs.get("json"):
        from .schema import MinutesRecord

        try:
            result.record = MinutesRecord.model_validate_json(Path(result.outputs["json"]).read_bytes())
        except (OSError, ValueError) as e:  # the register is optional: filing goes on
            log.warning("Datensatz für das Aufgabenregister nicht lesbar (%s): %s", result.outputs["json"], e)
    return outcome


BATCH_LOST_HINT = "Bleibt im Eingang (.processing); der nächste Lauf verarbeitet die Datei erneut, einzeln."


def dispatch_inbox(
    inbox: str | os.PathLike,
    outbox: str | os.PathLike,
    run_batches: Callable[[list[BatchPlan]], None],
    *,
    batch_size: int = 25,
    stable_seconds: float = 2.0,
    now: Callable[[], float] = time.time,
    run_id: str | None = None,
) -> tuple[InboxRunSummary, list[dict]]:
    """The inbox lifecycle with the computing done elsewhere (one process files everything).

    Under the run lock: recover, claim every stable file (the claim rename is
    what makes each file belong to exactly one run), file duplicates, split
    the rest into batches and count an attempt for each document; then
    ``run_batches(plans)`` must start every batch somewhere (each writes
    ``plan.result_file`` via ``write_batch_result``) and return when all have
    ended. Every document is then filed here, once: processed/, failed/ +
    .error.json, ledger, register. A document whose batch left no result
    stays in the claim area ("batch-lost"): the next run recovers it and runs
    it alone. Returns the summary and one report per batch (id, files, worker).
    """
    run_id = run_id or f"{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}-{os.urandom(4).hex()}"
    reports: list[dict] = []
    with open_inbox_run(inbox, outbox, now=now) as run:
        if isinstance(run, InboxRunSummary):
            return run, reports  # busy
        batch_dir = Path(outbox) / STATE_DIR / BATCHES_DIR / run_id

        def process(claims: list[Claim]) -> None:
            for batches in run.waves(claims, batch_size):
                plans = []
                for batch in batches:
                    jobs = run.start(batch)
                    if jobs:
                        batch_id = f"{len(reports) + len(plans) + 1:04d}-{os.urandom(4).hex()}"
                        plans.append(BatchPlan(batch_id, jobs, batch_dir / f"{batch_id}.json"))
                if not plans:
                    continue
                try:
                    run_batches(plans)
                except Exception as e:  # file what came back; the rest stays claimed for the next run
                    log.exception("Stapel konnten nicht (alle) ausgeführt werden")
                    run.summary.message = f"Stapelausführung abgebrochen: {type(e).__name__}: {e}"
                for plan in plans:
                    found = read_batch_result(plan)
                    outcomes, worker = found if found else ({}, {})
                    reports.append({
                        "batch_id": plan.batch_id, "files": [j.claim.name for j in plan.jobs],
                        "result_file": str(plan.result_file), "worker": worker, "complete": found is not None,
                    })
                    for job in plan.jobs:
                        outcome = outcomes.get(job.claim.name)
                        if outcome is not None:
                            run.file(job, _with_record(outcome))
                        elif plan.started is False:
                            # Not the document's fault (no worker, API gone): the attempt does not count,
                            # so workers being down for nights never sends documents to failed/.
                            run.undo_attempt(job)
                            run.leave_claimed(
                                job, "batch-not-started",
                                f"{job.claim.name}: Der Stapel {plan.batch_id} wurde von keinem Worker gestartet.",
                                "Laufen Worker für den Work Pool? Die Datei bleibt im Eingang (.processing) und kommt im nächsten Lauf wieder dran.",
                            )
                        else:
                            run.leave_claimed(
                                job, "batch-lost",
                                f"{job.claim.name}: Kein Ergebnis vom Stapel {plan.batch_id} (Worker-Lauf abgestürzt, abgebrochen oder Zeitlimit).",
                                BATCH_LOST_HINT,
                            )

        process(run.resumed)
        process(run.claim_new(stable_seconds=stable_seconds))
    return run.summary, reports


@contextmanager
def run_lock(inbox: str | os.PathLike, outbox: str | os.PathLike) -> Iterator[RunLock]:
    """``with run_lock(inbox, outbox):`` — hold the run lock (raises RunLockedError when busy)."""
    lock = acquire_run_lock(Path(inbox), Path(outbox))
    try:
        yield lock
    finally:
        lock.release()


__all__ = [
    "BATCHES_DIR", "BUSY_MESSAGE", "BatchPlan", "Candidate", "Claim", "ClaimSkipped", "DocumentProcessor", "DuplicateEntry", "FailedEntry",
    "InboxError", "InboxRun", "InboxRunSummary", "Job", "Ledger", "LedgerEntry", "MAX_ATTEMPTS", "Outcome",
    "ProcessedEntry", "RunLock", "RunLockedError", "ScanResult", "SkippedFile", "acquire_run_lock", "claim",
    "finish_failed", "finish_processed", "open_inbox_run", "plan_batches", "process_batch",
    "dispatch_inbox", "process_one", "read_batch_result", "recover_claimed", "run_inbox", "run_lock", "scan_inbox",
    "sha256_file", "write_batch_result",
]
