"""Scale-out end to end on real Prefect infrastructure (flows/scaleout.py).

A real ``prefect server start`` (own PREFECT_HOME, SQLite) on a free port, a
process work pool and the deployments created by ``python -m flows.scaleout
deploy``, two real ``prefect worker start`` processes (``--limit 1`` each,
told apart by PROTOKOLLANT_WORKER_NAME), and the dispatcher run as a user
would: ``python -m flows.scaleout dispatch``. Everything runs in
subprocesses with their own process groups, killed in the fixture teardown.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.docx_factory import make_docx, para
from protokollant.inbox import Ledger
from tests.paths import ROOT

PY = sys.executable
POOL = "test-stapel"
DISPATCH_POOL = "test-steuerung"
WORKERS = ("rechner-a", "rechner-b")


# --------------------------------------------------------------------------- process helpers


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def _signal_all(pids: list[int], sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM the process and all its descendants (flow-run subprocesses), SIGKILL what is left after 15 s."""
    pids = [proc.pid, *_descendants(proc.pid)]
    _signal_all(pids, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    _signal_all([proc.pid, *_descendants(proc.pid), *pids], signal.SIGKILL)
    proc.wait(timeout=15)


def _get(url: str, body: dict | None = None) -> object:
    req = urllib.request.Request(url, data=None if body is None else json.dumps(body).encode(), method="GET" if body is None else "POST",
                                 headers={"Content-Type": "application/json"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(req, timeout=10) as resp:
        return json.loads(resp.read() or b"null")


def _wait(what: str, check, timeout: float, procs: list[subprocess.Popen] = ()) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"{what}: process {p.args[:6]} exited with {p.returncode}")
        time.sleep(0.5)
    raise AssertionError(f"{what}: not after {timeout:.0f} s")


def _env(home: Path, api_url: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_HOME=str(home), NO_PROXY="127.0.0.1,localhost")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    env.update(extra)
    return env


# --------------------------------------------------------------------------- the cluster


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    base = tmp_path_factory.mktemp("scaleout")
    logs = base / "logs"
    logs.mkdir()
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    procs: list[subprocess.Popen] = []

    def start(name: str, cmd: list[str], env: dict[str, str]) -> subprocess.Popen:
        out = open(logs / f"{name}.log", "wb")
        p = subprocess.Popen(cmd, env=env, cwd=base, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        out.close()
        procs.append(p)
        return p

    try:
        server = start("server", [PY, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--analytics-off", "--no-ui"],
                       _env(base / "server-home"))
        _wait("Prefect-Server /api/health", lambda: _get(f"{api}/health") is True, 120, [server])

        deploy = subprocess.run(
            [PY, "-m", "flows.scaleout", "deploy", "--source", str(ROOT), "--pool", POOL, "--dispatch-pool", DISPATCH_POOL,
             "--inbox", str(base / "inbox"), "--outbox", str(base / "outbox"), "--model", "blank", "--batch-size", "3"],
            # From the repository root, as the README says: flows/ is the project's entry-point
            # folder, not an installed package.
            env=_env(base / "client-home", api), cwd=ROOT, capture_output=True, text=True, timeout=120,
        )
        assert deploy.returncode == 0, deploy.stdout + deploy.stderr

        def start_worker(name: str) -> subprocess.Popen:
            return start(name, [PY, "-m", "prefect", "worker", "start", "--pool", POOL, "--name", name, "--type", "process",
                                "--limit", "1", "--install-policy", "never"],
                         _env(base / f"{name}-home", api, PROTOKOLLANT_WORKER_NAME=name, PREFECT_WORKER_QUERY_SECONDS="1"))

        def wait_online(names, timeout: float = 90) -> None:
            def online() -> bool:
                workers = _get(f"{api}/work_pools/{POOL}/workers/filter", {})
                return {w["name"] for w in workers if w["status"] == "ONLINE"} >= set(names)

            _wait(f"Worker {', '.join(names)} ONLINE", online, timeout, procs)

        workers = {name: start_worker(name) for name in WORKERS}
        wait_online(WORKERS)
        yield {"base": base, "api": api, "deploy_stdout": deploy.stdout, "logs": logs, "workers": workers,
               "start_worker": start_worker, "wait_online": wait_online, "stop": _stop}
    finally:
        for p in reversed(procs):
            _stop(p)


def _minutes(i: int) -> bytes:
    return make_docx(
        para(f"Protokoll der Sitzung des Arbeitskreises Nr. {i}")
        + para(f"Datum: {i + 1:02d}.03.2026")
        + para("TOP 1: Haushalt")
        + para(f"Der Antrag {i} wird einstimmig angenommen.")
        + para(f"Frau Schmidt verschickt bis zum 30.04.2026 die Einladung für Runde {i}.")
    )


def _dispatch(cluster, inbox: Path, outbox: Path, name: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = cluster["base"] / f"{name}.json"
    proc = subprocess.run(
        [PY, "-m", "flows.scaleout", "dispatch", "--inbox", str(inbox), "--outbox", str(outbox), "--model", "blank",
         "--batch-size", "3", "--stable-seconds", "1", "--timeout", "240", "--json", str(out)],
        env=_env(cluster["base"] / "dispatcher-home", cluster["api"]), cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert out.exists(), proc.stdout + proc.stderr
    return proc, json.loads(out.read_text(encoding="utf-8"))


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.is_file() and p.name != ".lock"} if folder.is_dir() else set()


# --------------------------------------------------------------------------- the test


def test_two_workers_process_every_document_exactly_once(cluster):
    base = cluster["base"]
    inbox, outbox = base / "inbox", base / "outbox"
    inbox.mkdir()
    docs: dict[str, bytes] = {f"sitzung-{i:02d}.docx": _minutes(i) for i in range(14)}
    docs["kaputt.docx"] = b"kein Word-Dokument"
    docs["wieder-sitzung-03.docx"] = docs["sitzung-03.docx"]  # exact duplicate (sorts after the original)
    old = time.time() - 60
    for name, data in docs.items():
        (inbox / name).write_bytes(data)
        os.utime(inbox / name, (old, old))
    good = {n for n in docs if n.startswith("sitzung-")}

    t0 = time.monotonic()
    proc, summary = _dispatch(cluster, inbox, outbox, "erster-lauf")
    first_run_s = time.monotonic() - t0

    assert proc.returncode == 1, proc.stdout + proc.stderr  # one document failed
    assert summary["counts"] == {"processed": 14, "failed": 1, "skipped": 0, "duplicates": 1, "recovered": 0}, summary

    # every unique document went to exactly one batch, every batch came back from a completed flow run
    batches = summary["batches"]
    assert len(batches) == 5 and all(b["complete"] for b in batches), batches
    batched = [n for b in batches for n in b["files"]]
    assert sorted(batched) == sorted(good | {"kaputt.docx"})
    assert len(summary["flow_runs"]) == 5 and {(r["state"], r["started"]) for r in summary["flow_runs"]} == {("COMPLETED", True)}, summary["flow_runs"]

    # what the workers wrote: no document (name or content) computed twice, none missing
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (outbox / ".protokollant" / "batches").glob("*/*.json")]
    outcomes = [o for r in results for o in r["outcomes"]]
    names = [o["name"] for o in outcomes]
    assert sorted(names) == sorted(good | {"kaputt.docx"})
    shas = [o["result"]["sha256"] for o in outcomes]
    assert sorted(shas) == sorted({hashlib.sha256(data).hexdigest() for data in docs.values()})  # 15 contents, each once
    stems = [Path(o["result"]["outputs"]["json"]).parent.name for o in outcomes if o["result"]["status"] == "processed"]
    assert len(stems) == len(set(stems)) == 14

    # both workers did work (each --limit 1, 5 runs started at once), in their own processes
    workers = {r["worker"]["name"] for r in results}
    assert workers == set(WORKERS), results
    assert len({r["worker"]["pid"] for r in results}) == 5  # one flow-run process per batch
    assert {b["worker"]["name"] for b in batches} == set(WORKERS)

    # filed centrally: outputs exist, inputs moved, the unreadable one in failed/ with its reason
    for entry in summary["processed"]:
        assert set(entry["outputs"]) >= {"json", "html", "csv"}
        assert all(Path(p).is_file() for p in entry["outputs"].values())
        record = json.loads(Path(entry["outputs"]["json"]).read_text(encoding="utf-8"))
        assert record["source"]["sha256"] == hashlib.sha256(docs[entry["file"]]).hexdigest()
    assert _files(inbox / "processed") == good | {"wieder-sitzung-03.docx"}
    assert _files(inbox / "failed") == {"kaputt.docx", "kaputt.docx.error.json"}
    error = json.loads((inbox / "failed" / "kaputt.docx.error.json").read_text(encoding="utf-8"))
    assert error["reason"] == "not-a-word-file" and error["sha256"] == hashlib.sha256(b"kein Word-Dokument").hexdigest()
    assert _files(inbox) == set() and _files(inbox / ".processing") == set()
    [dup] = summary["duplicates"]
    assert dup["file"] == "wieder-sitzung-03.docx" and dup["stem"] == "sitzung-03"
    with Ledger.open(outbox) as ledger:
        statuses = {e.file_name: e.status for e in ledger.entries()}
    assert statuses == {**{n: "processed" for n in good}, "kaputt.docx": "failed"}
    assert (outbox / ".protokollant" / "register.sqlite3").is_file()  # filed into the action register too

    # a second run finds nothing to do and starts no flow run
    proc2, again = _dispatch(cluster, inbox, outbox, "zweiter-lauf")
    assert proc2.returncode == 0, proc2.stdout + proc2.stderr
    assert again["counts"] == {"processed": 0, "failed": 0, "skipped": 0, "duplicates": 0, "recovered": 0}
    assert again["batches"] == [] and again["flow_runs"] == []
    runs = _get(f"{cluster['api']}/flow_runs/filter", {"flow_runs": {"name": {"like_": "stapel-"}}})
    assert len(runs) == 5  # on the server, too: exactly one batch run per batch

    print(f"\nerster Verteiler-Lauf (16 Dateien, 5 Stapel, 2 Worker): {first_run_s:.1f} s")


def test_deploy_created_pools_and_the_nightly_dispatcher(cluster):
    api = cluster["api"]
    pools = {p["name"]: p["type"] for p in _get(f"{api}/work_pools/filter", {})}
    assert pools[POOL] == "process" and pools[DISPATCH_POOL] == "process"
    batch = _get(f"{api}/deployments/name/protokollant-stapel/stapel")
    assert batch["work_pool_name"] == POOL and batch["entrypoint"] == "flows/scaleout.py:batch_flow"
    nightly = _get(f"{api}/deployments/name/protokollant-verteiler/nachts")
    assert nightly["work_pool_name"] == DISPATCH_POOL and nightly["global_concurrency_limit"]["limit"] == 1
    [sched] = nightly["schedules"]
    assert (sched["schedule"]["cron"], sched["schedule"]["timezone"]) == ("0 2 * * *", "Europe/Berlin")
    assert nightly["parameters"]["batch_size"] == 3 and nightly["parameters"]["inbox"].endswith("inbox")


def test_batches_no_worker_takes_stay_claimed_and_run_next_time(cluster):
    """Workers down: the dispatcher's timeout cancels the batch runs, the files stay claimed
    (no attempt counted), and the next run with a worker processes them."""
    base = cluster["base"]
    inbox, outbox = base / "inbox-2", base / "outbox-2"
    inbox.mkdir()
    for name in list(cluster["workers"]):
        cluster["stop"](cluster["workers"].pop(name))
    old = time.time() - 60
    for i in range(2):
        (inbox / f"nachzuegler-{i}.docx").write_bytes(_minutes(100 + i))
        os.utime(inbox / f"nachzuegler-{i}.docx", (old, old))

    out = base / "ohne-worker.json"
    proc = subprocess.run(
        [PY, "-m", "flows.scaleout", "dispatch", "--inbox", str(inbox), "--outbox", str(outbox), "--model", "blank",
         "--batch-size", "3", "--stable-seconds", "1", "--timeout", "6", "--json", str(out)],
        env=_env(base / "dispatcher-home", cluster["api"]), cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert {(f["file"], f["reason"], f["moved_to"]) for f in summary["failed"]} == {
        ("nachzuegler-0.docx", "batch-not-started", None), ("nachzuegler-1.docx", "batch-not-started", None)}
    [run] = summary["flow_runs"]
    assert run["started"] is False and run["state"] == "CANCELLED", run  # never left in "Scheduled" for a later worker
    assert _files(inbox / ".processing") == {"nachzuegler-0.docx", "nachzuegler-1.docx"}

    cluster["workers"]["rechner-a"] = cluster["start_worker"]("rechner-a")
    cluster["wait_online"](["rechner-a"])
    proc, again = _dispatch(cluster, inbox, outbox, "mit-worker")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert again["counts"]["processed"] == 2 and sorted(again["recovered"]) == ["nachzuegler-0.docx", "nachzuegler-1.docx"]
    assert [b["files"] for b in again["batches"]] == [["nachzuegler-0.docx", "nachzuegler-1.docx"]]  # one batch again, not suspects
    assert _files(inbox / "processed") == {"nachzuegler-0.docx", "nachzuegler-1.docx"} and _files(inbox / ".processing") == set()
