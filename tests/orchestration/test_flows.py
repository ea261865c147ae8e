"""Prefect wiring (protokollant/orchestration/minutes.py, serve.py).

Flows run against ONE session-scoped temporary Prefect server
(``prefect_harness`` in conftest.py). The documents are handled by a fake
processor registered under its own model name, so these tests do not depend
on the reader/extraction — except ``test_inbox_flow_real_pipeline_end_to_end``,
which uses the real Processor on a .docx built here.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from protokollant.orchestration import minutes, serve
from protokollant.orchestration.minutes import (
    ACTIONS_ARTIFACT_KEY,
    RUN_ARTIFACT_KEY,
    inbox_flow,
    process_document_flow,
    process_document_task,
    register_processor,
    run_inbox_once,
)
from protokollant.errors import UnreadableDocumentError
from protokollant.pipeline import DocumentResult
from protokollant.schema import (
    ActionItem,
    Due,
    Evidence,
    Meeting,
    MinutesRecord,
    PipelineInfo,
    Responsible,
    ResponsibleKind,
    SourceInfo,
    Topic,
)

FAKE = "fake-test"


def fake_record(name: str, data: bytes) -> MinutesRecord:
    return MinutesRecord(
        source=SourceInfo(file=name, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data), processed_at=dt.datetime.now(dt.timezone.utc)),
        pipeline=PipelineInfo(name="fake", spacy_version="0", protokollant_version="0", components=[]),
        meeting=Meeting(title="Vorstandssitzung"),
        topics=[Topic(index=0, number="1", title="Begrüßung", block_start=0, block_end=2)],
        action_items=[ActionItem(
            task="Einladung versenden",
            responsible=[Responsible(name="MM", kind=ResponsibleKind.PERSON, resolved="Max Mustermann")],
            due=Due(date=dt.date(2026, 4, 1), text="bis 1. April"),
            topic_index=0,
            evidence=Evidence(block_index=1, block_kind="paragraph", text="MM versendet die Einladung bis 1. April."),
            confidence=0.9,
        )],
    )


class FakeProcessor:
    """Processor.process_file look-alike: b"BAD…" is rejected, b"FLAKY…" raises once, b"BOOM…" always."""

    def __init__(self):
        self.calls: list[str] = []

    def process_file(self, path, outbox, *, stem=None):
        path = Path(path)
        self.calls.append(path.name)
        data = path.read_bytes()
        if data.startswith(b"BAD"):
            e = UnreadableDocumentError(path.name, "password-protected")
            return DocumentResult(input=str(path), status="failed", reason=e.reason, error=str(e), hint=e.hint)
        if data.startswith(b"BOOM") or (data.startswith(b"FLAKY") and self.calls.count(path.name) == 1):
            raise RuntimeError(f"unerwartet: {path.name}")
        if data.startswith(b"REJECT"):
            raise UnreadableDocumentError(path.name, "empty")
        stem = stem or path.stem
        out = Path(outbox) / stem
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{stem}.json"
        target.write_text(json.dumps({"file": path.name}), encoding="utf-8")
        record = fake_record(path.name, data)
        return DocumentResult(
            input=str(path), status="processed", outputs={"json": str(target)}, record=record,
            counts={"topics": 1, "decisions": 0, "action_items": 1, "institutions": 0},
        )


@pytest.fixture
def fake():
    proc = FakeProcessor()
    register_processor(FAKE, proc)
    yield proc
    minutes.forget_processor(FAKE)


@pytest.fixture
def boxes(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    return inbox, outbox


def drop(inbox: Path, name: str, data: bytes) -> Path:
    p = inbox / name
    p.write_bytes(data)
    old = time.time() - 60
    os.utime(p, (old, old))
    return p


def artifacts_of(flow_run_id) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey, FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ACTIONS_ARTIFACT_KEY, RUN_ARTIFACT_KEY])),
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])),
        )
    return {a.key: a for a in found}


# --------------------------------------------------------------------------- task / flows


def test_process_document_task_fn_directly(tmp_path, fake):
    good, bad, rejected = tmp_path / "gut.docx", tmp_path / "kaputt.docx", tmp_path / "leer.docx"
    good.write_bytes(b"GOOD")
    bad.write_bytes(b"BAD")
    rejected.write_bytes(b"REJECT")
    out = tmp_path / "outbox"

    result = process_document_task.fn(str(good), str(out), stem="gut", model=FAKE)
    assert result.status == "processed" and Path(result.outputs["json"]).is_file()

    failed = process_document_task.fn(str(bad), str(out), model=FAKE)
    assert (failed.status, failed.reason) == ("failed", "password-protected")

    # a processor that raises the reader's error still yields a result, not an exception
    raised = process_document_task.fn(str(rejected), str(out), model=FAKE)
    assert (raised.status, raised.reason) == ("failed", "empty")
    assert good.read_bytes() == b"GOOD"  # the single-document path never moves inputs


def test_process_document_flow(prefect_harness, tmp_path, fake):
    doc = tmp_path / "gut.docx"
    doc.write_bytes(b"GOOD")
    summary = process_document_flow(str(doc), str(tmp_path / "outbox"), model=FAKE)
    assert summary["status"] == "processed"
    assert Path(summary["outputs"]["json"]).is_file()
    assert doc.exists()


def test_inbox_flow_end_to_end_with_artifacts(prefect_harness, boxes, fake):
    inbox, outbox = boxes
    drop(inbox, "Vorstand März.docx", b"GOOD minutes")
    drop(inbox, "geschützt.docx", b"BAD encrypted")
    drop(inbox, "~$rstand.docx", b"owner")

    state = inbox_flow(inbox=str(inbox), outbox=str(outbox), model=FAKE, stable_seconds=1.0, return_state=True)
    summary = state.result()

    assert state.is_completed()
    assert summary["counts"] == {"processed": 1, "failed": 1, "skipped": 1, "duplicates": 0, "recovered": 0}
    assert summary["exit_code"] == 1
    assert (inbox / "processed" / "Vorstand März.docx").read_bytes() == b"GOOD minutes"
    assert (inbox / "failed" / "geschützt.docx").exists()
    assert json.loads((inbox / "failed" / "geschützt.docx.error.json").read_text())["reason"] == "password-protected"
    assert (inbox / "~$rstand.docx").exists()
    json.dumps(summary)

    arts = artifacts_of(state.state_details.flow_run_id)
    assert set(arts) == {ACTIONS_ARTIFACT_KEY, RUN_ARTIFACT_KEY}
    table = json.loads(arts[ACTIONS_ARTIFACT_KEY].data)
    assert table == {
        "Datei": ["Vorstand März.docx"],
        "Aufgabe": ["Einladung versenden"],
        "Verantwortlich": ["Max Mustermann"],
        "Fällig": ["01.04.2026"],
        "TOP": ["1 Begrüßung"],
    }
    md = arts[RUN_ARTIFACT_KEY].data
    assert "| Verarbeitet | 1 |" in md and "| Fehlgeschlagen | 1 |" in md and "| Übersprungen | 1 |" in md
    assert "geschützt.docx" in md and "password-protected" in md and "Kennwort" in md
    assert "Word-Sperrdatei" in md


def test_task_retries_only_unexpected_exceptions(prefect_harness, boxes, fake):
    inbox, outbox = boxes
    drop(inbox, "wackelig.docx", b"FLAKY")  # fails once, the retry succeeds
    drop(inbox, "fehler.docx", b"BOOM")  # fails twice: reported, batch goes on
    drop(inbox, "verschlüsselt.docx", b"BAD")  # a rejected document is a result: no retry

    summary = inbox_flow(inbox=str(inbox), outbox=str(outbox), model=FAKE, stable_seconds=1.0)

    assert fake.calls.count("wackelig.docx") == 2
    assert fake.calls.count("fehler.docx") == 2
    assert fake.calls.count("verschlüsselt.docx") == 1
    assert [p["file"] for p in summary["processed"]] == ["wackelig.docx"]
    failed = {f["file"]: (f["reason"], f["error_type"]) for f in summary["failed"]}
    assert failed == {"fehler.docx": ("internal-error", "RuntimeError"), "verschlüsselt.docx": ("password-protected", "UnreadableDocumentError")}


def test_processor_is_created_once_per_model(prefect_harness, boxes, monkeypatch):
    created = []

    class CountingProcessor(FakeProcessor):
        def __init__(self, model):
            super().__init__()
            created.append(model)

    monkeypatch.setattr(minutes, "Processor", CountingProcessor)
    monkeypatch.setattr(minutes, "_PROCESSORS", {})
    inbox, outbox = boxes
    for i in range(3):
        drop(inbox, f"{i}.docx", b"GOOD %d" % i)
    summary = inbox_flow(inbox=str(inbox), outbox=str(outbox), model="zaehler", stable_seconds=1.0)
    assert summary["counts"]["processed"] == 3
    assert created == ["zaehler"]


def test_run_inbox_once_returns_exit_code(prefect_harness, boxes, fake):
    inbox, outbox = boxes
    assert run_inbox_once(inbox, outbox, model=FAKE) == 0
    drop(inbox, "a.docx", b"GOOD")
    assert run_inbox_once(inbox, outbox, model=FAKE, stable_seconds=1.0) == 0
    drop(inbox, "b.docx", b"BAD")
    assert run_inbox_once(inbox, outbox, model=FAKE, stable_seconds=1.0) == 1


# --------------------------------------------------------------------------- nightly deployment


def test_nightly_deployment_cron_and_timezone(tmp_path):
    dep = serve.build_nightly_deployment(tmp_path / "inbox", tmp_path / "outbox")
    assert dep.name == "nightly-inbox"
    assert dep.flow_name == "protokollant-inbox"
    [sched] = dep.schedules
    assert sched.schedule.cron == "0 2 * * *"
    assert sched.schedule.timezone == "Europe/Berlin"
    assert sched.active
    assert dep.parameters == {
        "inbox": str((tmp_path / "inbox").resolve()),
        "outbox": str((tmp_path / "outbox").resolve()),
        "model": "auto",
        "stable_seconds": 2.0,
    }


def test_deployment_registered_and_triggered_run_processes_inbox(prefect_harness, boxes, fake):
    """The nightly deployment is registered on the (test) server with its cron schedule,
    and a run created from it processes the inbox.

    Feasible and honest: a cron never fires on the test server (no scheduler
    service), and a served Runner would execute the run in a spawned
    subprocess where the fake processor does not exist. So we create the flow
    run from the deployment (``run_deployment(timeout=0)`` = what the scheduler
    or "Run" in the UI does) and execute exactly that flow run with
    ``prefect.flow_engine.run_flow`` — the call the runner's subprocess makes —
    with the deployment's stored parameters.
    """
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.flow_engine import run_flow

    inbox, outbox = boxes
    drop(inbox, "nacht.docx", b"GOOD night")
    dep = serve.build_nightly_deployment(inbox, outbox, model=FAKE, stable_seconds=1.0)
    deployment_id = dep.apply()

    with get_client(sync_client=True) as client:
        stored = client.read_deployment(deployment_id)
    [sched] = stored.schedules
    assert (sched.schedule.cron, sched.schedule.timezone, sched.active) == ("0 2 * * *", "Europe/Berlin", True)
    assert stored.parameters["inbox"] == str(inbox.resolve())

    flow_run = run_deployment(deployment_id, timeout=0, as_subflow=False)
    assert flow_run.deployment_id == deployment_id
    assert flow_run.parameters["model"] == FAKE
    summary = run_flow(inbox_flow, flow_run=flow_run)

    assert summary["counts"]["processed"] == 1
    assert (inbox / "processed" / "nacht.docx").exists()
    with get_client(sync_client=True) as client:
        assert client.read_flow_run(flow_run.id).state.is_completed()
    assert set(artifacts_of(flow_run.id)) == {ACTIONS_ARTIFACT_KEY, RUN_ARTIFACT_KEY}


def test_serve_nightly_reuses_configured_server(prefect_harness, boxes, monkeypatch):
    inbox, outbox = boxes
    served = []

    def no_server(*a, **k):
        raise AssertionError("must not start a server when one is configured")

    monkeypatch.setattr(serve, "start_local_server", no_server)
    monkeypatch.setattr(serve, "_serve", lambda dep: served.append((dep, os.environ.get("PREFECT_API_URL"))))
    before = os.environ.get("PREFECT_API_URL")

    serve.serve_nightly(inbox, outbox, cron="30 1 * * 1-5", timezone="Europe/Berlin")

    [(dep, url)] = served
    assert url and serve.api_healthy(url)
    assert (dep.schedules[0].schedule.cron, dep.schedules[0].schedule.timezone) == ("30 1 * * 1-5", "Europe/Berlin")
    assert os.environ.get("PREFECT_API_URL") == before


def test_serve_nightly_starts_and_stops_a_local_server(boxes, monkeypatch):
    inbox, outbox = boxes
    events = []

    class FakeProc:
        pid = -1

    monkeypatch.setattr(serve, "_configured_api_url", lambda: None)
    monkeypatch.setattr(serve, "api_healthy", lambda url, timeout=2.0: False)
    monkeypatch.setattr(serve, "start_local_server", lambda host, port, timeout: events.append(("start", host, port)) or FakeProc())
    monkeypatch.setattr(serve, "stop_local_server", lambda proc: events.append(("stop",)))

    def fake_serve(dep):
        events.append(("serve", os.environ["PREFECT_API_URL"]))
        raise KeyboardInterrupt

    monkeypatch.setattr(serve, "_serve", fake_serve)
    with pytest.raises(KeyboardInterrupt):
        serve.serve_nightly(inbox, outbox)
    assert events == [("start", "127.0.0.1", 4200), ("serve", "http://127.0.0.1:4200/api"), ("stop",)]

    with pytest.raises(RuntimeError, match="Kein Prefect-Server"):
        serve.serve_nightly(inbox, outbox, start_server=False)


def test_server_subprocess_settings():
    cmd = serve.server_command()
    assert cmd[1:] == ["-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", "4200", "--analytics-off"]
    env = serve.server_env()
    assert env["DO_NOT_TRACK"] == "1" and env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PREFECT_HOME"] == os.environ["PREFECT_HOME"]
    assert "PREFECT_API_URL" not in env


# --------------------------------------------------------------------------- real pipeline


def test_inbox_flow_real_pipeline_end_to_end(prefect_harness, boxes):
    """The real Processor on a real .docx (works once reader, extraction and rendering have landed)."""
    from docx import Document

    inbox, outbox = boxes
    doc = Document()
    doc.add_paragraph("Protokoll der Vorstandssitzung am 12. März 2026", style="Title")
    doc.add_heading("TOP 1: Begrüßung", level=1)
    doc.add_paragraph("Der Antrag wird einstimmig angenommen.")
    path = inbox / "Vorstand 2026-03-12.docx"
    doc.save(path)
    data = path.read_bytes()
    old = time.time() - 60
    os.utime(path, (old, old))

    summary = inbox_flow(inbox=str(inbox), outbox=str(outbox), model="auto", stable_seconds=1.0)

    assert summary["failed"] == [], summary["failed"]
    [processed] = summary["processed"]
    assert (inbox / "processed" / path.name).read_bytes() == data
    assert set(processed["outputs"]) >= {"json", "html", "csv"}
    assert all(Path(p).is_file() for p in processed["outputs"].values())
    record = json.loads(Path(processed["outputs"]["json"]).read_text(encoding="utf-8"))
    assert record["source"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert any("Begrüßung" in t["title"] for t in record["topics"])
    assert any(d["vote"] and d["vote"]["unanimous"] for d in record["decisions"])
    assert "Begrüßung" in Path(processed["outputs"]["html"]).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- batches


def task_run_names(flow_run_id) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return sorted(r.name for r in runs)


def test_inbox_flow_runs_one_task_per_batch(prefect_harness, boxes, fake):
    inbox, outbox = boxes
    for i in range(4):
        drop(inbox, f"{i}.docx", b"GOOD %d" % i)
    drop(inbox, "2-geschützt.docx", b"BAD encrypted")  # rejected inside a batch: failed, batch goes on
    drop(inbox, "3-fehler.docx", b"BOOM")  # raises inside a batch: failed after one retry, batch goes on

    state = inbox_flow(inbox=str(inbox), outbox=str(outbox), model=FAKE, stable_seconds=1.0, batch_size=4, return_state=True)
    summary = state.result()

    assert summary["counts"]["processed"] == 4 and summary["counts"]["failed"] == 2
    assert {f["file"]: f["reason"] for f in summary["failed"]} == {"2-geschützt.docx": "password-protected", "3-fehler.docx": "internal-error"}
    assert (inbox / "failed" / "3-fehler.docx.error.json").exists()
    assert fake.calls.count("3-fehler.docx") == 2
    names = task_run_names(state.state_details.flow_run_id)
    assert names == ["stapel-2-3-fehler", "stapel-4-0"], names  # 6 documents, batch_size 4 → 2 task runs
