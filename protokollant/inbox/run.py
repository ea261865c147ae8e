"""One inbox run in phases under the run lock: recover, scan, claim, admit, plan, start, process, file."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..dedupe import registered_stems
from ..errors import ProtokollantError
from ..fileio import safe_stem
from ..filing import file_special, finish_failed, finish_processed
from ..german import format_local
from ..operational import OPERATIONAL_REASONS, REGISTER_UNUSABLE, OperationalError, fault_point, from_exception
from ..progress import Progress
from ..recovery import reconcile, record_in_register, return_claims
from ..register import Registrar
from ..register_care import backup_register, check_before_run
from ..results import DocumentResult, DuplicateEntry, FailedEntry, Outcome, ProcessedEntry, SkippedFile
from .batches import DocumentProcessor, Job, batch_capable, error_type_for, plan_batches, process_one
from .claims import Candidate, Claim, claim, recover_claimed, scan_inbox
from .layout import (
    DUPLICATE_NOTE, LEDGER_FILE, MAX_ATTEMPTS, SKIP_MESSAGES, SKIP_VANISHED, STATE_DIR, ClaimSkipped, InboxError, RunLockedError, iso_utc,
)
from .ledger import Ledger
from .lock import acquire_run_lock
from .summary import InboxRunSummary

log = logging.getLogger(__name__)


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
        check_before_run(self.outbox, self.ledger)
        backup_register(self.outbox)
        try:
            self.registrar().opened()  # created on the first run, so that "missing" means lost later
        except ProtokollantError as e:
            raise OperationalError(REGISTER_UNUSABLE, str(e)) from e
        report = reconcile(self.inbox, self.outbox, self.ledger, self.registrar())
        self.summary.repaired = report.to_dict() if report else {}

    def stop(self, e: OperationalError) -> None:
        """The run cannot go on (disk full, permissions …): say so once, give the inputs back to the inbox."""
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
                moved_to, error_file = file_special(entry, self.inbox, kind, when=iso_utc(self.now()))
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
        if self._known is None:
            try:
                self._known = registered_stems(self.registrar().opened())
            except Exception:  # noqa: BLE001 - an unreadable register is prepare()'s business, not a reason to skip
                self._known = {}
        stem = self._known.get(c.sha256)
        if not stem:
            return None
        row = self.ledger._conn.execute("SELECT stem FROM stems WHERE file_name = ?", (c.name,)).fetchone()
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
                job.attempts = self.ledger.begin_attempt(c.sha256, c.name, job.stem, iso_utc(self.now()))
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

        when = iso_utc(self.now())
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
        error_type = error_type or error_type_for(result)
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
        if not batch_capable(processor):
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
        if batch_capable(processor):
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


def new_summary(inbox: Path, outbox: Path, now: Callable[[], float]) -> InboxRunSummary:
    return InboxRunSummary(inbox=str(inbox), outbox=str(outbox), started=iso_utc(now()))


@contextmanager
def open_inbox_run(inbox: str | os.PathLike, outbox: str | os.PathLike, *, now: Callable[[], float] = time.time) -> Iterator[InboxRun | InboxRunSummary]:
    """Take the run lock, open the ledger and recover leftovers of a killed run.

    Yields the InboxRun — or, when another run holds the lock, the finished
    "busy" InboxRunSummary (nothing touched). ``summary.finished`` is set on exit.
    """
    inbox, outbox = Path(inbox), Path(outbox)
    if not inbox.is_dir():
        raise InboxError(f"Eingangsordner nicht gefunden: {inbox}")
    summary = new_summary(inbox, outbox, now)
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        lock = acquire_run_lock(inbox, outbox)
    except RunLockedError as e:
        summary.busy = True
        summary.message = str(e)
        summary.finished = iso_utc(now())
        log.info("%s", e)
        yield summary
        return
    except OSError as e:  # read-only or foreign folders: the run cannot even start
        summary.stopped = str(from_exception(e, f"Sperrdatei in {inbox} / {outbox} nicht anlegbar"))
        summary.finished = iso_utc(now())
        log.error("Lauf nicht gestartet: %s", summary.stopped)
        yield summary
        return
    with lock:
        try:
            ledger = Ledger.open(outbox)
        except (OSError, sqlite3.Error) as e:
            summary.stopped = str(from_exception(e, f"Verzeichnis {outbox / STATE_DIR / LEDGER_FILE} nicht nutzbar"))
            summary.finished = iso_utc(now())
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
                summary.finished = iso_utc(now())


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
        size = max(1, int(batch_size)) if batch_capable(processor) else 1
        run.process_claims(run.resumed, processor, batch_size=size)
        # Claimed one batch at a time, right before it is processed: a kill leaves at
        # most one batch in the claim area, and later files get a real stability window.
        candidates = run.scan(stable_seconds=stable_seconds)
        with Progress(len(candidates), label="Eingang") as bar:  # a bar only on a terminal
            for i in range(0, len(candidates), size):
                run.process_claims(run.claim(candidates[i:i + size]), processor, batch_size=size)
                bar.advance(len(candidates[i:i + size]))
    return run.summary
