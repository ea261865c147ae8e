"""Scale-out on Prefect's own infrastructure: one server, a process work pool, N workers.

Roles (inbox and outbox on shared storage, mounted at the same path everywhere):

* ``dispatch_flow`` ("protokollant-verteiler"): runs on ONE machine. Holds the
  inbox run lock, recovers/claims files (``protokollant.inbox.dispatch_inbox``),
  starts one run of the batch deployment per batch with ``run_deployment``
  (all at once; the workers share them out), waits for all, then files every
  document itself (ledger = SQLite, single writer; register; processed/failed).
* ``batch_flow`` ("protokollant-stapel"): runs on any worker of the pool. Only
  computes: ``process_batch`` into the shared outbox, then writes its outcomes
  (plus worker name/host/pid) to the result file the dispatcher named.

Exactly once: a file belongs to the run that renamed it into ``.processing/``
(atomic rename); only that run's dispatcher files it, once, from the result
of the batch it created under its own random id. A batch run that crashes or
times out leaves its files claimed; the next run recovers them and runs each
alone (``MAX_ATTEMPTS``, then failed/ as "repeated-crash").

Command line (PREFECT_API_URL must point at the server)::

    python -m flows.scaleout deploy --inbox /srv/protokolle/inbox --outbox /srv/protokolle/outbox
    python -m flows.scaleout dispatch --inbox /srv/protokolle/inbox --outbox /srv/protokolle/outbox

Prefect's client, worker and deployment modules are imported by the functions that use them:
the batch flow on a worker never loads what only the dispatcher and `deploy` need.
"""
from __future__ import annotations

import os

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import argparse  # noqa: E402
import json  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from prefect import flow, get_run_logger  # noqa: E402

from ..inbox import BatchPlan, dispatch_inbox, process_batch, write_batch_result  # noqa: E402
from .artifacts import publish_artifacts  # noqa: E402
from .minutes import follow_up, get_processor  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The checkout whose flows/scaleout.py the deployments name as their entry point."""
BATCH_FLOW_NAME = "protokollant-stapel"
DISPATCH_FLOW_NAME = "protokollant-verteiler"
BATCH_DEPLOYMENT_NAME = "stapel"
DISPATCH_DEPLOYMENT_NAME = "nachts"
BATCH_POOL = "protokollant"
DISPATCH_POOL = "protokollant-steuerung"
WORKER_NAME_ENV = "PROTOKOLLANT_WORKER_NAME"
"""Set on each worker (e.g. the machine's name); recorded in every batch result."""
DEFAULT_BATCH_SIZE = 25
DEFAULT_TIMEOUT_SECONDS = 6 * 3600.0
FINAL_STATES = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def worker_info() -> dict[str, Any]:
    from prefect.runtime import flow_run

    return {
        "name": os.environ.get(WORKER_NAME_ENV) or socket.gethostname(),
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "flow_run_id": str(flow_run.id) if flow_run.id else None,
    }


# --------------------------------------------------------------------------- batch flow (on a worker)


@flow(name=BATCH_FLOW_NAME, persist_result=False)
def batch_flow(items: list[list[str]], outbox: str, result_file: str, batch_id: str, model: str = "auto") -> dict:
    """Compute one batch into ``outbox``; write the outcomes to ``result_file``. Moves and files nothing."""
    outcomes = process_batch(get_processor(model), [(str(p), str(s)) for p, s in items], outbox, retries=1)
    worker = worker_info()
    write_batch_result(result_file, batch_id=batch_id, outcomes=outcomes, worker=worker)
    get_run_logger().info("Stapel %s: %d Dokumente auf %s (%s)", batch_id, len(outcomes), worker["name"], worker["host"])
    return {"batch_id": batch_id, "documents": len(outcomes), "worker": worker}


# --------------------------------------------------------------------------- dispatcher


def run_batches_on_pool(
    plans: list[BatchPlan],
    *,
    outbox: str,
    model: str,
    deployment: str = f"{BATCH_FLOW_NAME}/{BATCH_DEPLOYMENT_NAME}",
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    poll_seconds: float = 2.0,
) -> list[dict]:
    """Start one batch-deployment run per plan (no waiting between them), then wait for all.

    The batch id is the idempotency key, so a retried call never creates a
    second run for the same batch. Runs still going at the timeout (or when
    the dispatcher is interrupted) are cancelled; their files stay claimed.
    Sets ``plan.started`` (False: the run never started, e.g. no worker).
    """
    from prefect.deployments import run_deployment

    runs: dict[Any, BatchPlan] = {}
    try:
        for plan in plans:
            plan.started = False  # until its flow run is seen to have run
            fr = run_deployment(
                deployment,
                parameters={"items": [list(i) for i in plan.items], "outbox": outbox, "result_file": str(plan.result_file),
                            "batch_id": plan.batch_id, "model": model},
                flow_run_name=f"stapel-{plan.batch_id}",
                idempotency_key=plan.batch_id,
                timeout=0,
            )
            plan.started = None  # created: unknown until read back
            runs[fr.id] = plan
        deadline = time.monotonic() + timeout_seconds
        while True:
            found = _read_runs(list(runs))
            done = len(found) == len(runs) and all(_state(r) in FINAL_STATES for r in found.values())
            if done or time.monotonic() > deadline:
                break
            time.sleep(poll_seconds)
    finally:
        _cancel_unfinished(list(runs))
        try:
            found = _read_runs(list(runs))
        except Exception:  # API gone: started stays unknown (counts as a crash)
            found = {}
        for run_id, r in found.items():
            # run_count counts entries into Running (start_time is also set on entering a final state)
            runs[run_id].started = (r.run_count or 0) > 0
    return [{"flow_run_id": str(i), "batch_id": plan.batch_id, "state": _state(found.get(i)), "started": plan.started}
            for i, plan in runs.items()]


def _state(flow_run: Any) -> str | None:
    return flow_run.state.type.value if flow_run is not None and flow_run.state is not None else None


def _read_runs(ids: list) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    if not ids:
        return {}
    with get_client(sync_client=True) as client:
        return {r.id: r for r in client.read_flow_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=ids)))}


def _cancel_unfinished(ids: list) -> None:
    from prefect.client.orchestration import get_client
    from prefect.states import Cancelled, Cancelling

    try:
        unfinished = {i: _state(r) for i, r in _read_runs(ids).items() if _state(r) not in FINAL_STATES}
        if unfinished:
            with get_client(sync_client=True) as client:
                for run_id, state in unfinished.items():
                    # Not yet taken by a worker: cancelled outright (no worker would ever finish
                    # a "Cancelling" it never started); taken: the worker stops the process.
                    client.set_flow_run_state(run_id, Cancelled() if state == "SCHEDULED" else Cancelling(), force=True)
    except Exception as e:  # best effort: the files stay claimed either way
        print(f"Stapel-Läufe nicht abgebrochen: {e}", file=sys.stderr)


@flow(name=DISPATCH_FLOW_NAME, persist_result=False)
def dispatch_flow(
    inbox: str = "inbox",
    outbox: str = "outbox",
    model: str = "auto",
    batch_size: int = DEFAULT_BATCH_SIZE,
    stable_seconds: float = 2.0,
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    deployment: str = f"{BATCH_FLOW_NAME}/{BATCH_DEPLOYMENT_NAME}",
    public: bool = False,
) -> dict:
    """Claim the inbox, have the batches computed by the pool's workers, file every document here;
    then (here, the one writer) the carry-over sections and, with ``public``, the public versions."""
    logger = get_run_logger()
    flow_runs: list[dict] = []
    _check_deployment(deployment)  # fail before claiming anything: a missing deployment is no document's fault

    def run_batches(plans: list[BatchPlan]) -> None:
        logger.info("%d Stapel an %s", len(plans), deployment)
        flow_runs.extend(run_batches_on_pool(plans, outbox=outbox, model=model, deployment=deployment, timeout_seconds=timeout_seconds))

    summary, batches = dispatch_inbox(inbox, outbox, run_batches, batch_size=batch_size, stable_seconds=stable_seconds)
    publish_artifacts(summary)
    c = summary.counts
    logger.info("%d verarbeitet, %d fehlgeschlagen, %d übersprungen, %d bereits verarbeitet, %d Stapel",
                c["processed"], c["failed"], c["skipped"], c["duplicates"], len(batches))
    for f in summary.failed:
        logger.warning("Fehlgeschlagen: %s (%s): %s", f.file, f.reason, f.error)
    followup = follow_up(outbox, [e.stem for e in summary.processed], public=public) if not (summary.busy or summary.stopped) else None
    for problem in (followup or {}).get("problems", []):
        logger.warning("%s", problem)
    return {**summary.to_dict(), "batches": batches, "flow_runs": flow_runs, "followup": followup}


def _check_deployment(name: str) -> None:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.read_deployment_by_name(name)


# --------------------------------------------------------------------------- setup


def ensure_pool(name: str) -> None:
    """Create a process work pool (default job template) unless it exists."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=name, type="process", base_job_template=ProcessWorker.get_default_base_job_template()))
        except ObjectAlreadyExists:
            pass


def deploy(
    *,
    source: str | os.PathLike = PROJECT_ROOT,
    batch_pool: str = BATCH_POOL,
    dispatch_pool: str = DISPATCH_POOL,
    inbox: str | None = None,
    outbox: str | None = None,
    model: str = "auto",
    batch_size: int = DEFAULT_BATCH_SIZE,
    cron: str | None = "0 2 * * *",
    timezone: str = "Europe/Berlin",
) -> dict[str, str]:
    """Create both pools and deployments; returns deployment ids by name.

    ``source`` is the project checkout the workers run the code from (same
    path on every machine, or a git URL Prefect can clone). The dispatcher
    deployment (own pool: it waits while the batches run, and must never take
    a batch worker's slot) gets the nightly cron when inbox/outbox are given.
    """
    from prefect.schedules import Cron

    ensure_pool(batch_pool)
    ensure_pool(dispatch_pool)
    ids: dict[str, str] = {}
    batch = batch_flow.from_source(source=str(source), entrypoint="flows/scaleout.py:batch_flow")
    ids[f"{BATCH_FLOW_NAME}/{BATCH_DEPLOYMENT_NAME}"] = str(batch.deploy(
        name=BATCH_DEPLOYMENT_NAME, work_pool_name=batch_pool, tags=["protokollant"], print_next_steps=False,
        description="Ein Stapel Protokolle (vom Verteiler gestartet).",
    ))
    if inbox and outbox:
        dispatcher = dispatch_flow.from_source(source=str(source), entrypoint="flows/scaleout.py:dispatch_flow")
        ids[f"{DISPATCH_FLOW_NAME}/{DISPATCH_DEPLOYMENT_NAME}"] = str(dispatcher.deploy(
            name=DISPATCH_DEPLOYMENT_NAME, work_pool_name=dispatch_pool, tags=["protokollant"], print_next_steps=False,
            parameters={"inbox": str(Path(inbox).resolve()), "outbox": str(Path(outbox).resolve()), "model": model, "batch_size": batch_size},
            schedules=[Cron(cron, timezone=timezone)] if cron else None,
            concurrency_limit=1,
            description="Verteilt den Protokoll-Eingang in Stapeln auf die Worker und legt die Ergebnisse ab.",
        ))
    return ids


def _require_api_url() -> None:
    from prefect.settings import PREFECT_API_URL

    if not (os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()):
        raise SystemExit("PREFECT_API_URL setzen (z. B. http://server:4200/api): Stapel laufen nur über einen Prefect-Server mit Workern.")


def main(argv: list[str] | None = None, *, project_root: Path = PROJECT_ROOT) -> int:
    ap = argparse.ArgumentParser(prog="python -m flows.scaleout", description="Protokollant auf mehreren Rechnern (Prefect-Server, Work Pool, Worker).")
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("deploy", help="Work Pools und Deployments anlegen (idempotent)")
    d.add_argument("--source", default=str(project_root), help="Projektordner (auf allen Rechnern gleicher Pfad) oder Git-URL")
    d.add_argument("--pool", default=BATCH_POOL, help="Work Pool der Stapel-Worker")
    d.add_argument("--dispatch-pool", default=DISPATCH_POOL, help="Work Pool des Verteilers")
    d.add_argument("--inbox", help="Eingang (geteilter Speicher); mit --outbox: nächtliches Verteiler-Deployment")
    d.add_argument("--outbox")
    d.add_argument("--model", default="auto")
    d.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    d.add_argument("--cron", default="0 2 * * *", help='Zeitplan des Verteilers ("" = keiner)')
    d.add_argument("--timezone", default="Europe/Berlin")
    r = sub.add_parser("dispatch", help="Den Eingang jetzt einmal über die Worker verarbeiten")
    r.add_argument("--inbox", required=True)
    r.add_argument("--outbox", required=True)
    r.add_argument("--model", default="auto")
    r.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    r.add_argument("--stable-seconds", type=float, default=2.0)
    r.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_SECONDS, help="Sekunden, die auf alle Stapel gewartet wird")
    r.add_argument("--json", type=Path, help="Zusammenfassung (mit Stapeln und Workern) hierhin schreiben")
    args = ap.parse_args(argv)
    _require_api_url()
    if args.command == "deploy":
        ids = deploy(source=args.source, batch_pool=args.pool, dispatch_pool=args.dispatch_pool, inbox=args.inbox, outbox=args.outbox,
                     model=args.model, batch_size=args.batch_size, cron=args.cron or None, timezone=args.timezone)
        for name, dep_id in ids.items():
            print(f"{name}\t{dep_id}")
        return 0
    summary = dispatch_flow(
        inbox=str(Path(args.inbox).resolve()), outbox=str(Path(args.outbox).resolve()), model=args.model,
        batch_size=args.batch_size, stable_seconds=args.stable_seconds, timeout_seconds=args.timeout,
    )
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    c = summary["counts"]
    print(f"{c['processed']} verarbeitet, {c['failed']} fehlgeschlagen, {c['skipped']} übersprungen, "
          f"{c['duplicates']} bereits verarbeitet, {len(summary['batches'])} Stapel")
    return int(summary["exit_code"])


