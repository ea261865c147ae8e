"""Prefect tasks and flows for Protokollant — thin wrappers, no domain logic.

The inbox lifecycle (claim, ledger, processed/failed, lock) lives in
``protokollant.inbox``; ``inbox_flow`` calls ``run_inbox`` with a processor
whose ``process_files`` runs each *batch* of documents (``batch_size``,
default 25) as one Prefect task ``process_batch_task`` — one task run per
document cost ~18 % of the wall time in orchestration. The NLP pipeline is loaded once per process (a
module-level cache keyed by model name); a served deployment runs each flow
run in its own subprocess, so that is once per flow run, never per task.

Without PREFECT_API_URL, calling a flow starts Prefect's temporary local
server (loopback only, ~12–14 s). Telemetry is turned off before Prefect is
imported (defaults only; this module may be loaded by file path, so it does
not rely on the package ``__init__``).
"""
from __future__ import annotations

import os

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import datetime as dt  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.states import Failed  # noqa: E402

from ..errors import UnreadableDocumentError  # noqa: E402
from ..followup.after_run import after_batch  # noqa: E402
from ..followup.contacts import load_contacts  # noqa: E402
from ..followup.notify import notify, summary_lines  # noqa: E402
from ..forget import apply_retention  # noqa: E402
from ..inbox import InboxRunSummary, Outcome, RunLockedError, process_batch, run_inbox  # noqa: E402
from ..operational import EXIT_OPERATIONAL  # noqa: E402
from ..pipeline import Processor  # noqa: E402
from ..register import Register  # noqa: E402
from ..results import DocumentResult  # noqa: E402
from ..settings import retention_days  # noqa: E402
from .artifacts import ACTIONS_ARTIFACT_KEY, RUN_ARTIFACT_KEY, publish_artifacts  # noqa: E402
from .server_binding import start_bound_temporary_server  # noqa: E402

DEFAULT_BATCH_SIZE = 25
"""Documents per Prefect task run in ``inbox_flow`` (orchestration cost is per task run)."""

# --------------------------------------------------------------------------- processor cache

_PROCESSORS: dict[str, Any] = {}
_PROCESSORS_LOCK = threading.Lock()


def get_processor(model: str = "auto") -> Any:
    """The processor for ``model``: created once per process, NLP loaded lazily on first use."""
    with _PROCESSORS_LOCK:
        proc = _PROCESSORS.get(model)
        if proc is None:
            proc = _PROCESSORS[model] = Processor(model)
        return proc


def register_processor(model: str, processor: Any) -> None:
    """Use ``processor`` (anything with Processor.process_file's signature) for ``model``.

    For tests and alternative back-ends; flows then pass ``model=<that name>``.
    """
    with _PROCESSORS_LOCK:
        _PROCESSORS[model] = processor


def forget_processor(model: str) -> None:
    with _PROCESSORS_LOCK:
        _PROCESSORS.pop(model, None)


# --------------------------------------------------------------------------- task


def _document_task_run_name(parameters: dict[str, Any]) -> str:
    return f"dokument-{parameters.get('stem') or Path(str(parameters.get('path', ''))).stem}"


@task(
    name="process-document",
    retries=1,
    retry_delay_seconds=1,
    # The input file's bytes, not the path, decide the result: never serve a cached one.
    cache_policy=NO_CACHE,
    # Results hold the whole record; keep them in memory only (nothing written to PREFECT_HOME).
    persist_result=False,
    task_run_name=_document_task_run_name,
)
def process_document_task(path: str, outbox: str, stem: str | None = None, model: str = "auto") -> DocumentResult:
    """Process one document into ``outbox/<stem>/``.

    A document the reader rejects (unreadable, encrypted, lock file, …) is a
    *result* with status "failed" and a reason, not an exception, so it is
    never retried. Only unexpected exceptions raise and get the decorator's retry.
    """
    processor = get_processor(model)
    try:
        return processor.process_file(Path(path), Path(outbox), stem=stem)
    except UnreadableDocumentError as e:  # a processor may raise instead of returning
        return DocumentResult(input=path, status="failed", reason=e.reason, error=str(e), hint=e.hint)


def _batch_task_run_name(parameters: dict[str, Any]) -> str:
    items = parameters.get("items") or []
    first = Path(str(items[0][0])).stem if items else ""
    return f"stapel-{len(items)}-{first}"


@task(
    name="process-batch",
    # No task-level retries: an unexpected error is retried per document inside
    # (retries=1), so one flaky document never re-runs the whole batch.
    cache_policy=NO_CACHE,
    persist_result=False,
    task_run_name=_batch_task_run_name,
)
def process_batch_task(items: list[tuple[str, str]], outbox: str, model: str = "auto") -> list[Outcome]:
    """Process ``(path, stem)`` items with one processor; one Outcome per document, in order.

    A rejected document is a "failed" outcome; an unexpected exception is
    retried once for that document and then becomes an "internal-error"
    outcome — the other documents of the batch are not affected.
    """
    return process_batch(get_processor(model), [(str(p), str(s)) for p, s in items], outbox, retries=1)


class TaskProcessor:
    """Processor-shaped adapter: ``process_files`` runs one ``process_batch_task`` per batch,
    ``process_file`` one ``process_document_task``."""

    def __init__(self, model: str = "auto"):
        self.model = model

    def process_file(self, path: str | os.PathLike, outbox: str | os.PathLike, *, stem: str | None = None) -> DocumentResult:
        return process_document_task(str(path), str(outbox), stem=stem, model=self.model)

    def process_files(self, items: list[tuple[str, str]], outbox: str | os.PathLike) -> list[Outcome]:
        return process_batch_task(items, str(outbox), model=self.model)


# --------------------------------------------------------------------------- flows


@flow(name="protokollant-dokument", persist_result=False)
def process_document_flow(path: str, outbox: str = "outbox", model: str = "auto") -> dict:
    """Process one document (no inbox lifecycle: the input is not moved)."""
    result = process_document_task(path, outbox, model=model)
    return result.summary()


def follow_up(outbox: str, stems: list[str], *, public: bool = False, notify_out: str | None = None,
              notify_days: int = 14, notify_send: bool = False) -> dict:
    """After processing: carry-over sections (and public reports) for the processed meetings,
    then the reminders when ``notify_out`` is set (every night, also without new minutes).
    Never fails the run: problems are returned (and logged) as German lines."""
    result: dict[str, Any] = {"refreshed": [], "public": [], "reminders": [], "problems": []}
    try:
        done = after_batch(outbox, stems, public=public)
        result.update(refreshed=done.refreshed, public=done.public, problems=list(done.problems))
    except Exception as e:  # noqa: BLE001 - processing is done and filed; this is an extra
        result["problems"].append(f"Übertrag/öffentliche Fassung: {e}")
    if notify_out:
        try:
            with Register.open(outbox) as reg:
                sent = notify(reg, load_contacts(outbox), notify_out, today=dt.date.today(), days=notify_days, send=notify_send)
            result["reminders"] = summary_lines(sent, send=notify_send)
        except Exception as e:  # noqa: BLE001
            result["problems"].append(f"Erinnerungen: {e}")
    return result


@flow(name="protokollant-inbox", persist_result=False)
def inbox_flow(
    inbox: str = "inbox", outbox: str = "outbox", model: str = "auto", stable_seconds: float = 2.0,
    batch_size: int = DEFAULT_BATCH_SIZE, retention_days: int | None = None, public: bool = False,
    notify_out: str | None = None, notify_days: int = 14, notify_send: bool = False,
) -> dict:
    """Process everything waiting in ``inbox`` (see protokollant.inbox) and publish artifacts.

    One task run per ``batch_size`` documents; each batch is filed away
    (processed/, failed/, ledger) as soon as its task returns. With a retention
    period (``retention_days``, else PROTOKOLLANT_AUFBEWAHRUNG) meetings older than
    that are then deleted everywhere (protokollant.forget). Afterwards the reports
    of the processed meetings' bodies get their carry-over section, ``public``
    writes the public versions, and ``notify_out`` writes (with ``notify_send``
    sends) the reminders (protokollant.followup).
    """
    logger = get_run_logger()
    get_processor(model)  # one processor (and NLP pipeline) for the whole run
    summary = run_inbox(Path(inbox), Path(outbox), TaskProcessor(model), stable_seconds=stable_seconds, batch_size=batch_size)
    apply_retention_step(summary, inbox, outbox, retention_days, logger)
    publish_artifacts(summary)
    if summary.stopped:  # an operational failure is never reported as success
        logger.error("Lauf abgebrochen: %s", summary.stopped)
        return Failed(message=summary.stopped, data=summary.to_dict())
    followup = None
    if not summary.busy:
        followup = follow_up(outbox, [e.stem for e in summary.processed], public=public, notify_out=notify_out,
                             notify_days=notify_days, notify_send=notify_send)
        for line in followup["reminders"]:
            logger.info("%s", line)
        for problem in followup["problems"]:
            logger.warning("%s", problem)
    c = summary.counts
    if summary.busy:
        logger.warning("Übersprungen: %s", summary.message)
    logger.info(
        "%d verarbeitet, %d fehlgeschlagen, %d übersprungen, %d bereits verarbeitet",
        c["processed"], c["failed"], c["skipped"], c["duplicates"],
    )
    for f in summary.failed:
        logger.warning("Fehlgeschlagen: %s (%s): %s", f.file, f.reason, f.error)
    result = summary.to_dict()
    if followup is not None:
        result["followup"] = followup
    return result


def apply_retention_step(summary: InboxRunSummary, inbox: str, outbox: str, days: int | None, logger: Any) -> list[str]:
    """Delete meetings past the retention period after a run that did its job; returns their stems."""
    days = retention_days() if days is None else days
    if not days or summary.stopped or summary.busy:
        return []
    try:
        reports = apply_retention(inbox, outbox, int(days))
    except (RunLockedError, OSError) as e:
        logger.warning("Aufbewahrungsfrist nicht angewendet: %s", e)
        return []
    for r in reports:
        logger.info("Aufbewahrungsfrist (%d Tage) abgelaufen, gelöscht: %s", days, r.stem)
    summary.message = (summary.message + "; " if summary.message else "") + f"Aufbewahrungsfrist: {len(reports)} Sitzung(en) gelöscht" if reports else summary.message
    return [r.stem for r in reports]


def run_inbox_summary(
    inbox: str | os.PathLike = "inbox", outbox: str | os.PathLike = "outbox", model: str = "auto", *,
    stable_seconds: float = 2.0, batch_size: int = DEFAULT_BATCH_SIZE,
) -> dict:
    """Run ``inbox_flow`` once (for ``protokollant run``); returns the run summary
    (``InboxRunSummary.to_dict()``, with ``exit_code``: 0 all processed, 1 some input
    rejected, 2 the run could not do its job).

    With no PREFECT_API_URL, the temporary local server is started here and bound to this
    process (``start_bound_temporary_server``): it dies with the run, even after kill -9.
    """
    start_bound_temporary_server()
    state = inbox_flow(
        inbox=str(Path(inbox).resolve()), outbox=str(Path(outbox).resolve()), model=model,
        stable_seconds=stable_seconds, batch_size=batch_size, return_state=True,
    )
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, dict):
        return {"stopped": f"Der Lauf ist abgebrochen: {summary}", "exit_code": EXIT_OPERATIONAL, "counts": {}}
    return summary


def run_inbox_once(
    inbox: str | os.PathLike = "inbox", outbox: str | os.PathLike = "outbox", model: str = "auto", *,
    stable_seconds: float = 2.0, batch_size: int = DEFAULT_BATCH_SIZE,
) -> int:
    """Like ``run_inbox_summary``, returning only the exit code (the German error line goes to stderr)."""
    summary = run_inbox_summary(inbox, outbox, model, stable_seconds=stable_seconds, batch_size=batch_size)
    if summary.get("stopped"):
        sys.stderr.write(f"FEHLER {summary['stopped']}\n")
    return int(summary["exit_code"])


__all__ = [
    "ACTIONS_ARTIFACT_KEY", "DEFAULT_BATCH_SIZE", "RUN_ARTIFACT_KEY", "TaskProcessor", "action_rows", "follow_up", "forget_processor",
    "get_processor", "inbox_flow", "process_batch_task", "process_document_flow", "process_document_task",
    "publish_artifacts", "register_processor",
    "run_inbox_once", "run_inbox_summary", "summary_markdown",
]
