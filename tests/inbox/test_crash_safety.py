"""Crash-safe filing (issue 13): a kill (os._exit) at every step of filing, an injected
ENOSPC/EACCES, and the leftovers of the old filing order — each followed by a normal
run that must end with the same register, ledger, outbox and inbox as a clean run."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from protokollant.inbox import Ledger
from protokollant.operational import EXIT_OPERATIONAL, FAULT_ENV
from tests.crash_runner import clean_filing_env, drop_documents, drop_from_register, run, run_child, snapshot  # noqa: F401 (autouse fixture)

STEPS = ("outputs-written", "ledger-filing", "registered", "ledger-processed", "moved")
FAILED_STEPS = ("ledger-failed", "error-file-written")


def boxes(root: Path, name: str) -> tuple[Path, Path]:
    inbox, outbox = root / name / "inbox", root / name / "outbox"
    drop_documents(inbox)
    return inbox, outbox


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """What a run without any fault leaves (batch size 1 and 3 end the same)."""
    inbox, outbox = boxes(tmp_path_factory.mktemp("clean"), "x")
    summary = run(inbox, outbox)
    assert summary.exit_code == 1 and len(summary.processed) == 5 and len(summary.failed) == 1
    snap = snapshot(inbox, outbox)
    assert len(snap["register"]["items"]) == sum(1 + i % 3 for i in range(6) if i != 3)
    assert not snap["temp_files"]
    return snap


@pytest.mark.parametrize("batch_size", [1, 3])
@pytest.mark.parametrize("fault", [f"{s}@{n}" for s in STEPS for n in (1, 3)] + [f"{s}@1" for s in FAILED_STEPS])
def test_kill_at_each_filing_step_then_a_normal_run_ends_like_a_clean_run(tmp_path, clean, fault, batch_size):
    inbox, outbox = boxes(tmp_path, "k")
    assert run_child(inbox, outbox, fault=fault, batch_size=batch_size) == 137  # killed there, no cleanup
    run(inbox, outbox, batch_size=batch_size)
    assert snapshot(inbox, outbox) == clean


def test_two_kills_in_a_row_and_a_kill_during_the_repair(tmp_path, clean):
    inbox, outbox = boxes(tmp_path, "k")
    assert run_child(inbox, outbox, fault="registered@2") == 137
    assert run_child(inbox, outbox, fault="reconciled@1") == 137  # killed while completing the first one's filing
    assert run_child(inbox, outbox, fault="ledger-processed@2") == 137
    run(inbox, outbox)
    assert snapshot(inbox, outbox) == clean


@pytest.mark.parametrize("fault", ["enospc:outputs-written@2", "enospc:registered@1", "eacces:ledger-processed@2",
                                   "eacces:moved@1", "enospc:error-file-written@1"])
def test_injected_disk_full_or_permission_error_stops_with_exit_2_and_keeps_inputs(tmp_path, clean, monkeypatch, fault):
    inbox, outbox = boxes(tmp_path, "e")
    monkeypatch.setenv(FAULT_ENV, fault)
    summary = run(inbox, outbox)
    assert summary.exit_code == EXIT_OPERATIONAL
    assert summary.stopped and ("Speicherplatz" in summary.stopped or "Berechtigung" in summary.stopped)
    # nothing good was rejected because of the disk, nothing is left in the claim area
    failed = {p.name for p in (inbox / "failed").glob("*")} if (inbox / "failed").exists() else set()
    assert failed <= {"sitzung-003.docx", "sitzung-003.docx.error.json"}
    assert {p.name for p in (inbox / ".processing").iterdir()} == {".lock"}
    monkeypatch.delenv(FAULT_ENV)
    assert run(inbox, outbox).exit_code == 1  # only the really broken document
    assert snapshot(inbox, outbox) == clean


def test_leftovers_of_the_old_filing_order_are_repaired(tmp_path, clean):
    """Old order: input moved, then ledger, then register. A kill after the move left the
    input in processed/, the ledger row at "processing" and no register entry."""
    inbox, outbox = boxes(tmp_path, "old")
    run(inbox, outbox)
    victim = "sitzung-004.docx"
    with Ledger.open(outbox) as ledger:
        entry = next(e for e in ledger.entries() if e.file_name == victim)
        with ledger._conn:
            ledger._conn.execute("UPDATE documents SET status = 'processing', outputs = '{}', attempts = 1 WHERE sha256 = ?", (entry.sha256,))
    drop_from_register(outbox, "sitzung-004")
    # a temp file of a killed writer (pid that does not exist)
    stray = outbox / "sitzung-000" / ".sitzung-000.json.999999.7.tmp"
    stray.write_text("")

    summary = run(inbox, outbox)
    assert summary.exit_code == 0
    assert victim in summary.repaired["completed"]
    assert str(stray) in summary.repaired["removed_temp_files"]
    assert snapshot(inbox, outbox) == clean


def test_a_processed_document_missing_from_the_register_is_recorded_again(tmp_path, clean):
    inbox, outbox = boxes(tmp_path, "miss")
    run(inbox, outbox)
    drop_from_register(outbox, "sitzung-002")
    summary = run(inbox, outbox)
    assert summary.repaired["registered"] == ["sitzung-002.docx"]
    assert snapshot(inbox, outbox) == clean


def test_register_is_written_once_per_document_hash(tmp_path, monkeypatch):
    """Filing a document whose bytes the register already holds does not write it again."""
    from protokollant import register as register_mod

    inbox, outbox = boxes(tmp_path, "idem")
    run(inbox, outbox)
    calls = []
    original = register_mod.Register.record_minutes
    monkeypatch.setattr(register_mod.Register, "record_minutes", lambda self, rec, stem: calls.append(stem) or original(self, rec, stem))
    # same bytes under a new name → duplicate (no write); the ledger row of one is reset → refiled without a register write
    with Ledger.open(outbox) as ledger:
        sha = next(e.sha256 for e in ledger.entries() if e.file_name == "sitzung-001.docx")
        with ledger._conn:
            ledger._conn.execute("UPDATE documents SET status = 'failed' WHERE sha256 = ?", (sha,))
    os.rename(inbox / "processed" / "sitzung-001.docx", inbox / "sitzung-001.docx")
    t = time.time() - 60
    os.utime(inbox / "sitzung-001.docx", (t, t))
    summary = run(inbox, outbox)
    assert [e.file for e in summary.processed] == ["sitzung-001.docx"]
    assert calls == []


def test_error_json_of_a_killed_run_is_reused_not_duplicated(tmp_path):
    inbox, outbox = boxes(tmp_path, "err")
    assert run_child(inbox, outbox, fault="error-file-written@1") == 137
    run(inbox, outbox)
    names = sorted(p.name for p in (inbox / "failed").iterdir())
    assert names == ["sitzung-003.docx", "sitzung-003.docx.error.json"]
    assert json.loads((inbox / "failed" / "sitzung-003.docx.error.json").read_text())["reason"] == "corrupt-zip"
