"""Dispatching an inbox run's batches to other machines: plans, result files, filing what came back."""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..fileio import atomic_write_json
from ..results import Outcome
from ..schema import MinutesRecord
from .batches import Job
from .claims import Claim
from .layout import STATE_DIR, iso_utc
from .run import open_inbox_run
from .summary import InboxRunSummary

log = logging.getLogger(__name__)


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
    atomic_write_json(path, {
        "batch_id": batch_id,
        "worker": worker,
        "finished": iso_utc(time.time()),
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
