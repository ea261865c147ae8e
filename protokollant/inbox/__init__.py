"""Inbox lifecycle: pick up minutes dropped into INBOX, process each once, file it away.

Plain library code (no Prefect): ``run_inbox`` is the whole lifecycle; the
Prefect flow in ``protokollant/orchestration/minutes.py`` calls the same function and only swaps
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

# The package's public names, from the module of each concern:
# layout (names, errors, helpers), lock, ledger, claims, batches (processing
# without filing), run (the phases and run_inbox), dispatch (remote batches).
from ..fileio import sha256_file
from ..filing import finish_failed, finish_processed
from ..results import DuplicateEntry, FailedEntry, Outcome, ProcessedEntry, SkippedFile
from .batches import DocumentProcessor, Job, plan_batches, process_batch, process_one
from .claims import Candidate, Claim, ScanResult, claim, recover_claimed, scan_inbox
from .dispatch import BATCH_LOST_HINT, BATCHES_DIR, BatchPlan, dispatch_inbox, read_batch_result, write_batch_result
from .layout import (
    BUSY_MESSAGE, DUPLICATE_NOTE, FAILED_DIR, INBOX_LOCK_FILE, LEDGER_FILE, MAX_ATTEMPTS, PROCESSED_DIR, PROCESSING_DIR,
    RUN_LOCK_FILE, SKIP_CLAIM_CONFLICT, SKIP_LOCK_FILE, SKIP_MESSAGES, SKIP_UNSTABLE, SKIP_VANISHED, STATE_DIR,
    ClaimSkipped, InboxError, RunLockedError,
)
from .ledger import Ledger, LedgerEntry
from .lock import RunLock, acquire_run_lock, lock_one, run_lock
from .run import InboxRun, open_inbox_run, run_inbox
from .summary import InboxRunSummary

__all__ = [
    "BATCHES_DIR", "BATCH_LOST_HINT", "BUSY_MESSAGE", "BatchPlan", "Candidate", "Claim", "ClaimSkipped", "DUPLICATE_NOTE",
    "DocumentProcessor", "DuplicateEntry", "FAILED_DIR", "FailedEntry", "INBOX_LOCK_FILE", "InboxError", "InboxRun",
    "InboxRunSummary", "Job", "LEDGER_FILE", "Ledger", "LedgerEntry", "MAX_ATTEMPTS", "Outcome", "PROCESSED_DIR",
    "PROCESSING_DIR", "ProcessedEntry", "RUN_LOCK_FILE", "RunLock", "RunLockedError", "SKIP_CLAIM_CONFLICT",
    "SKIP_LOCK_FILE", "SKIP_MESSAGES", "SKIP_UNSTABLE", "SKIP_VANISHED", "STATE_DIR", "ScanResult", "SkippedFile",
    "acquire_run_lock", "claim", "dispatch_inbox", "finish_failed", "finish_processed", "lock_one", "open_inbox_run",
    "plan_batches", "process_batch", "process_one", "read_batch_result", "recover_claimed", "run_inbox", "run_lock",
    "scan_inbox", "sha256_file", "write_batch_result",
]
