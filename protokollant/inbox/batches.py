"""Processing documents without filing them: one document (never raising for its sake), a batch
with one group commit, and the plan that splits jobs into batches."""
from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import UnreadableDocumentError
from ..operational import classify
from ..results import DocumentResult, Outcome
from .claims import Claim
from .ledger import LedgerEntry

log = logging.getLogger(__name__)


class DocumentProcessor(Protocol):
    """What run_inbox needs: ``pipeline.Processor`` or anything shaped like it.

    Optionally also ``process_files(items: list[(path, stem)], outbox) -> list[Outcome]``
    (one Outcome per item, in order, e.g. via ``process_batch``): then
    ``run_inbox(batch_size=N)`` hands it N documents per call.
    """

    def process_file(self, path: str | os.PathLike, outbox: str | os.PathLike, *, stem: str | None = None) -> DocumentResult: ...


def error_type_for(result: DocumentResult) -> str:
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


def batch_capable(processor: object) -> bool:
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
