"""Inbox lifecycle (protokollant.inbox) with a fake processor — no Prefect, no NLP."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

import pytest

from protokollant.errors import UnreadableDocumentError
from protokollant.inbox import (
    BUSY_MESSAGE,
    MAX_ATTEMPTS,
    SKIP_LOCK_FILE,
    SKIP_UNSTABLE,
    Claim,
    ClaimSkipped,
    InboxError,
    Job,
    Ledger,
    Outcome,
    RunLockedError,
    acquire_run_lock,
    claim,
    dispatch_inbox,
    plan_batches,
    process_batch,
    process_one,
    run_inbox,
    scan_inbox,
    write_batch_result,
)
from tests.inbox_fixtures import FakeProcessor, SimulatedKill, drop


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files(folder: Path) -> set[str]:
    """Files in a folder (the claim area's own .lock is not a document)."""
    if not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if p.is_file() and p.name != ".lock"}


@pytest.fixture
def boxes(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    return inbox, outbox


def output_json(outbox: Path, stem: str) -> dict:
    return json.loads((outbox / stem / f"{stem}.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- lifecycle


def test_lifecycle_processed_failed_and_bytes_unchanged(boxes):
    inbox, outbox = boxes
    docs = {"Sitzung März.docx": b"GOOD minutes", "kaputt.docx": b"BAD zip", "bug.docx": b"BOOM"}
    for name, data in docs.items():
        drop(inbox, name, data)
    proc = FakeProcessor()

    summary = run_inbox(inbox, outbox, proc)

    assert summary.counts == {"processed": 1, "failed": 2, "skipped": 0, "duplicates": 0, "recovered": 0}
    assert summary.exit_code == 1
    # each input in exactly one place, bytes unchanged
    assert files(inbox) == set()
    assert files(inbox / ".processing") == set()
    assert files(inbox / "processed") == {"Sitzung März.docx"}
    assert files(inbox / "failed") == {"kaputt.docx", "kaputt.docx.error.json", "bug.docx", "bug.docx.error.json"}
    assert sha((inbox / "processed" / "Sitzung März.docx").read_bytes()) == sha(docs["Sitzung März.docx"])
    for name in ("kaputt.docx", "bug.docx"):
        assert sha((inbox / "failed" / name).read_bytes()) == sha(docs[name])
    # the processor read the claimed copy, with the ledger's stem
    assert all(p.parent.name == ".processing" for p, _ in proc.calls)
    [entry] = summary.processed
    assert entry.stem == "Sitzung_März"
    assert Path(entry.outputs["json"]).is_file()
    assert output_json(outbox, entry.stem)["text"] == "GOOD minutes"
    assert entry.moved_to == str(inbox / "processed" / "Sitzung März.docx")
    reasons = {f.file: (f.reason, f.error_type) for f in summary.failed}
    assert reasons == {"kaputt.docx": ("corrupt-zip", "UnreadableDocumentError"), "bug.docx": ("internal-error", "RuntimeError")}


def test_exit_code_zero_without_failures_and_for_empty_inbox(boxes):
    inbox, outbox = boxes
    assert run_inbox(inbox, outbox, FakeProcessor()).exit_code == 0
    drop(inbox, "a.docx", b"GOOD")
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.exit_code == 0 and summary.counts["processed"] == 1


def test_error_json(boxes):
    inbox, outbox = boxes
    drop(inbox, "kaputt.docx", b"BAD zip")
    run_inbox(inbox, outbox, FakeProcessor())
    err = json.loads((inbox / "failed" / "kaputt.docx.error.json").read_text(encoding="utf-8"))
    assert set(err) == {"file", "reason", "error", "hint", "error_type", "time", "sha256"}
    assert err["file"] == "kaputt.docx"
    assert err["reason"] == "corrupt-zip"
    assert "beschädigt" in err["error"]
    assert err["hint"] == UnreadableDocumentError.HINTS["corrupt-zip"]
    assert err["error_type"] == "UnreadableDocumentError"
    assert err["sha256"] == sha(b"BAD zip")
    assert err["time"].endswith("+00:00") and "T" in err["time"]


def test_one_bad_file_never_stops_the_batch(boxes):
    inbox, outbox = boxes
    for i in range(3):
        drop(inbox, f"{i}-bug.docx", b"BOOM")
        drop(inbox, f"{i}-ok.docx", b"GOOD %d" % i)
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.counts["processed"] == 3 and summary.counts["failed"] == 3


def test_name_collisions_get_suffix(boxes):
    inbox, outbox = boxes
    (inbox / "processed").mkdir()
    (inbox / "processed" / "a.docx").write_bytes(b"an earlier file")
    (inbox / "failed").mkdir()
    (inbox / "failed" / "b.docx").write_bytes(b"an earlier failure")
    (inbox / "failed" / "b (2).docx.error.json").write_text("{}")  # orphan sidecar also blocks the name
    drop(inbox, "a.docx", b"GOOD a")
    drop(inbox, "b.docx", b"BAD b")

    summary = run_inbox(inbox, outbox, FakeProcessor())

    assert files(inbox / "processed") == {"a.docx", "a (2).docx"}
    assert (inbox / "processed" / "a.docx").read_bytes() == b"an earlier file"
    assert (inbox / "processed" / "a (2).docx").read_bytes() == b"GOOD a"
    assert (inbox / "failed" / "b (3).docx").read_bytes() == b"BAD b"
    assert json.loads((inbox / "failed" / "b (3).docx.error.json").read_text())["file"] == "b.docx"
    assert summary.failed[0].moved_to.endswith("b (3).docx")


# --------------------------------------------------------------------------- what is (not) picked up


def test_word_lock_files_skipped_and_temp_files_ignored(boxes):
    inbox, outbox = boxes
    left_alone = {
        "~$otokoll.docx": b"owner",
        "~WRL0001.tmp": b"word temp",
        "Protokoll.docx.tmp": b"partial copy",
        ".~lock.Protokoll.docx#": b"libreoffice lock",
        ".versteckt.docx": b"GOOD hidden",
    }
    for name, data in left_alone.items():
        drop(inbox, name, data)
    drop(inbox, "Protokoll.docx", b"GOOD")
    (inbox / "Unterordner").mkdir()

    summary = run_inbox(inbox, outbox, FakeProcessor())

    assert [(s.file, s.reason) for s in summary.skipped] == [("Unterordner", "subfolder"), ("~$otokoll.docx", SKIP_LOCK_FILE)]
    assert summary.skipped[1].message == "Word-Sperrdatei" and "Unterordner" in summary.skipped[0].message
    assert files(inbox) == set(left_alone)
    for name, data in left_alone.items():
        assert (inbox / name).read_bytes() == data
    assert files(inbox / "processed") == {"Protokoll.docx"}
    assert summary.exit_code == 0


@pytest.mark.parametrize("name, data, hint_word", [
    ("notizen.pdf", b"%PDF-1.7", "PDF: bitte die Word-Fassung"),
    ("Protokoll.rtf", b"{\\rtf1}", "RTF"),
    ("liesmich.txt", "Hallo".encode(), "Text"),
    ("Tabelle.xlsx", b"PK", "Tabellen"),
])
def test_non_word_files_go_to_failed_with_reason_and_hint(boxes, name, data, hint_word):
    inbox, outbox = boxes
    drop(inbox, name, data)

    summary = run_inbox(inbox, outbox, FakeProcessor())

    assert files(inbox) == set() and (inbox / "failed" / name).read_bytes() == data
    error = json.loads((inbox / "failed" / f"{name}.error.json").read_text(encoding="utf-8"))
    assert error["reason"] == "not-a-word-file" and error["file"] == name
    assert "nur Word-Dokumente" in error["error"] and hint_word in error["hint"]
    assert [(f.file, f.reason) for f in summary.failed] == [(name, "not-a-word-file")]
    assert summary.exit_code == 1


def test_non_word_file_still_being_copied_waits(boxes):
    inbox, outbox = boxes
    drop(inbox, "gross.pdf", b"%PDF", age=0)
    summary = run_inbox(inbox, outbox, FakeProcessor(), stable_seconds=60)
    assert [(s.file, s.reason) for s in summary.skipped] == [("gross.pdf", SKIP_UNSTABLE)]
    assert files(inbox) == {"gross.pdf"}


def test_unstable_file_skipped_until_it_settles(boxes):
    inbox, outbox = boxes
    p = drop(inbox, "frisch.docx", b"GOOD", age=0)

    summary = run_inbox(inbox, outbox, FakeProcessor(), stable_seconds=60)
    assert [(s.file, s.reason) for s in summary.skipped] == [("frisch.docx", SKIP_UNSTABLE)]
    assert "geschrieben" in summary.skipped[0].message
    assert p.read_bytes() == b"GOOD" and files(inbox) == {"frisch.docx"}

    # the clock moves on: now it is old enough
    summary = run_inbox(inbox, outbox, FakeProcessor(), stable_seconds=60, now=lambda: time.time() + 120)
    assert summary.counts["processed"] == 1 and not summary.skipped

    # and the same via mtime manipulation
    q = drop(inbox, "zweite.docx", b"GOOD 2", age=0)
    assert run_inbox(inbox, outbox, FakeProcessor(), stable_seconds=60).skipped[0].file == "zweite.docx"
    old = time.time() - 3600
    os.utime(q, (old, old))
    assert run_inbox(inbox, outbox, FakeProcessor(), stable_seconds=60).counts["processed"] == 1


def test_claim_refuses_a_file_that_changed_since_the_scan(boxes):
    inbox, _ = boxes
    p = drop(inbox, "wachsend.docx", b"GOOD part 1")
    [cand] = scan_inbox(inbox, stable_seconds=1).candidates
    with open(p, "ab") as f:  # a writer is still appending
        f.write(b" part 2")
    old = time.time() - 60
    os.utime(p, (old, old))
    with pytest.raises(ClaimSkipped) as exc:
        claim(cand, inbox)
    assert exc.value.reason == SKIP_UNSTABLE
    assert p.exists() and not (inbox / ".processing" / "wachsend.docx").exists()


# --------------------------------------------------------------------------- idempotence


def test_same_bytes_are_not_processed_twice(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD same")
    proc = FakeProcessor()
    run_inbox(inbox, outbox, proc)

    drop(inbox, "kopie.docx", b"GOOD same")
    drop(inbox, "a.docx", b"GOOD same")
    summary = run_inbox(inbox, outbox, proc)

    assert len(proc.calls) == 1
    assert summary.counts == {"processed": 0, "failed": 0, "skipped": 0, "duplicates": 2, "recovered": 0}
    assert all("bereits verarbeitet" in d.note and d.stem == "a" for d in summary.duplicates)
    assert files(inbox / "processed") == {"a.docx", "a (2).docx", "kopie.docx"}
    assert not (outbox / "kopie").exists()
    assert summary.exit_code == 0


def test_duplicate_is_processed_again_when_its_outputs_are_gone(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    proc = FakeProcessor()
    run_inbox(inbox, outbox, proc)
    (outbox / "a" / "a.json").unlink()
    drop(inbox, "a.docx", b"GOOD")
    summary = run_inbox(inbox, outbox, proc)
    assert summary.counts["processed"] == 1 and len(proc.calls) == 2
    assert (outbox / "a" / "a.json").is_file()


def test_corrected_version_replaces_outputs(boxes):
    inbox, outbox = boxes
    drop(inbox, "Protokoll 12.docx", b"GOOD Fassung 1")
    first = run_inbox(inbox, outbox, FakeProcessor()).processed[0]
    assert not first.replaced

    drop(inbox, "Protokoll 12.docx", b"GOOD Fassung 2 (korrigiert)")
    second = run_inbox(inbox, outbox, FakeProcessor()).processed[0]

    assert second.stem == first.stem == "Protokoll_12"
    assert second.replaced
    assert output_json(outbox, "Protokoll_12")["text"] == "GOOD Fassung 2 (korrigiert)"
    assert [p.name for p in outbox.iterdir() if not p.name.startswith(".")] == ["Protokoll_12"]
    with Ledger.open(outbox) as ledger:
        assert ledger.lookup(first.sha256).status == "superseded"
        assert ledger.lookup(second.sha256).status == "processed"

    # dropping the old version again is not a duplicate: it becomes current again
    drop(inbox, "Protokoll 12.docx", b"GOOD Fassung 1")
    third = run_inbox(inbox, outbox, FakeProcessor())
    assert third.counts["processed"] == 1 and third.counts["duplicates"] == 0
    assert output_json(outbox, "Protokoll_12")["text"] == "GOOD Fassung 1"


def test_a_failed_correction_keeps_the_previous_outputs(boxes):
    inbox, outbox = boxes
    drop(inbox, "p.docx", b"GOOD v1")
    run_inbox(inbox, outbox, FakeProcessor())
    drop(inbox, "p.docx", b"BAD v2")
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.counts["failed"] == 1
    assert output_json(outbox, "p")["text"] == "GOOD v1"


def test_output_stems_are_distinct_and_stable_across_runs(boxes):
    inbox, outbox = boxes
    drop(inbox, "a b.docx", b"GOOD 1")
    drop(inbox, "a_b.docx", b"GOOD 2")
    drop(inbox, "A B.docx", b"GOOD 3")
    first = {e.file: e.stem for e in run_inbox(inbox, outbox, FakeProcessor()).processed}
    assert len(set(s.casefold() for s in first.values())) == 3

    # later runs, in a different order and alone: same name → same folder
    drop(inbox, "a_b.docx", b"GOOD 2b")
    again = {e.file: e.stem for e in run_inbox(inbox, outbox, FakeProcessor()).processed}
    assert again == {"a_b.docx": first["a_b.docx"]}
    with Ledger.open(outbox) as ledger:
        assert {n: ledger.stem_for(n) for n in first} == first


# --------------------------------------------------------------------------- lock


def test_second_concurrent_run_reports_busy_and_touches_nothing(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD a")
    drop(inbox, "b.docx", b"GOOD b")
    nested = []

    def start_second_run(path):
        if not nested:
            drop(inbox, "c.docx", b"GOOD c")
            nested.append(run_inbox(inbox, outbox, FakeProcessor()))

    summary = run_inbox(inbox, outbox, FakeProcessor(on_call=start_second_run))

    [second] = nested
    assert second.busy and BUSY_MESSAGE in second.message
    assert second.counts == {"processed": 0, "failed": 0, "skipped": 0, "duplicates": 0, "recovered": 0}
    assert second.exit_code == 0
    assert summary.counts["processed"] == 2 and not summary.busy
    # the lock is released afterwards: the next run picks up what was left
    later = run_inbox(inbox, outbox, FakeProcessor())
    assert [e.file for e in later.processed] == ["c.docx"]


def test_lock_held_elsewhere(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    with acquire_run_lock(inbox, outbox):
        with pytest.raises(RunLockedError):
            acquire_run_lock(inbox, outbox)
        assert run_inbox(inbox, outbox, FakeProcessor()).busy
        assert files(inbox) == {"a.docx"}
    assert run_inbox(inbox, outbox, FakeProcessor()).counts["processed"] == 1


# --------------------------------------------------------------------------- crash safety


def test_killed_run_leaves_input_and_next_run_redoes_it(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD a")
    drop(inbox, "z.docx", b"KILL z")

    with pytest.raises(SimulatedKill):
        run_inbox(inbox, outbox, FakeProcessor(kills=1))

    # a.docx was finished; z.docx is still in the claim area, not filed anywhere
    assert files(inbox / "processed") == {"a.docx"}
    assert files(inbox / ".processing") == {"z.docx"}
    assert files(inbox / "failed") == set()
    with Ledger.open(outbox) as ledger:
        assert ledger.lookup(sha(b"KILL z")).status == "processing"

    summary = run_inbox(inbox, outbox, FakeProcessor(kills=0))
    assert summary.recovered == ["z.docx"]
    assert [e.file for e in summary.processed] == ["z.docx"]
    assert files(inbox / "processed") == {"a.docx", "z.docx"}
    assert (inbox / "processed" / "z.docx").read_bytes() == b"KILL z"
    assert files(inbox / ".processing") == set()
    with Ledger.open(outbox) as ledger:
        assert ledger.lookup(sha(b"KILL z")).status == "processed"


def test_leftover_in_claim_area_with_a_newer_drop_of_the_same_name(boxes):
    inbox, outbox = boxes
    (inbox / ".processing").mkdir()
    (inbox / ".processing" / "p.docx").write_bytes(b"GOOD old")  # left by a killed run
    drop(inbox, "p.docx", b"GOOD new")  # dropped since

    summary = run_inbox(inbox, outbox, FakeProcessor())

    assert summary.recovered == ["p.docx"]
    assert summary.counts["processed"] == 2
    assert output_json(outbox, "p")["text"] == "GOOD new"  # the newer version wins
    assert {(inbox / "processed" / n).read_bytes() for n in files(inbox / "processed")} == {b"GOOD old", b"GOOD new"}


def test_a_document_that_keeps_killing_the_run_goes_to_failed(boxes):
    inbox, outbox = boxes
    drop(inbox, "gift.docx", b"KILL always")
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(SimulatedKill):
            run_inbox(inbox, outbox, FakeProcessor())
    drop(inbox, "gut.docx", b"GOOD")
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert [(f.file, f.reason) for f in summary.failed] == [("gift.docx", "repeated-crash")]
    assert files(inbox / "failed") == {"gift.docx", "gift.docx.error.json"}
    assert summary.counts["processed"] == 1


def test_broken_installation_stops_the_run_and_keeps_the_input(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")

    class Broken(FakeProcessor):
        def process_file(self, path, outbox, *, stem=None):
            raise ModuleNotFoundError("No module named 'protokollant.fehlt'", name="protokollant.fehlt")

    with pytest.raises(ImportError):
        run_inbox(inbox, outbox, Broken())
    assert files(inbox / ".processing") == {"a.docx"} and files(inbox / "failed") == set()
    assert run_inbox(inbox, outbox, FakeProcessor()).counts["processed"] == 1


# --------------------------------------------------------------------------- misc


def test_nothing_written_outside_inbox_and_outbox(tmp_path, monkeypatch):
    root = tmp_path / "root"
    root.mkdir()
    monkeypatch.chdir(root)
    inbox, outbox = root / "inbox", root / "outbox"
    inbox.mkdir()
    drop(inbox, "a.docx", b"GOOD")
    drop(inbox, "b.docx", b"BAD")
    run_inbox(Path("inbox"), Path("outbox"), FakeProcessor())
    assert sorted(p.name for p in root.iterdir()) == ["inbox", "outbox"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["root"]
    assert sorted(p.name for p in outbox.iterdir()) == [".protokollant", "a"]
    # the register is created on the first run, so that a missing register later is noticed
    assert sorted(p.name for p in (outbox / ".protokollant").iterdir()) == ["ledger.sqlite3", "register.sqlite3", "run.lock"]
    assert sorted(p.name for p in inbox.iterdir()) == [".processing", "failed", "processed"]


def test_missing_inbox_is_an_error(tmp_path):
    with pytest.raises(InboxError, match="Eingangsordner"):
        run_inbox(tmp_path / "gibt-es-nicht", tmp_path / "outbox", FakeProcessor())


def test_summary_to_dict_is_json(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    drop(inbox, "b.docx", b"BAD")
    drop(inbox, "~$c.docx", b"x")
    d = run_inbox(inbox, outbox, FakeProcessor()).to_dict()
    json.dumps(d)
    assert d["counts"] == {"processed": 1, "failed": 1, "skipped": 1, "duplicates": 0, "recovered": 0}
    assert d["exit_code"] == 1
    assert d["failed"][0]["reason"] == "corrupt-zip"
    assert d["processed"][0]["outputs"]["json"].endswith("a.json")


def test_inbox_module_does_not_import_prefect():
    import subprocess

    code = "import sys, protokollant.inbox; sys.exit(1 if 'prefect' in sys.modules else 0)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --------------------------------------------------------------------------- batches (process_files)


class BatchProcessor(FakeProcessor):
    """FakeProcessor plus ``process_files``: records each batch, processes it with ``process_batch``."""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.batches: list[list[str]] = []

    def process_files(self, items, outbox):
        self.batches.append([Path(p).name for p, _ in items])
        return process_batch(self, items, outbox)


def test_batches_are_processed_per_call_and_filed_like_single_documents(boxes):
    inbox, outbox = boxes
    docs = {f"{i}-gut.docx": b"GOOD %d" % i for i in range(5)}
    docs["2-kaputt.docx"] = b"BAD zip"
    docs["3-bug.docx"] = b"BOOM"
    for name, data in docs.items():
        drop(inbox, name, data)
    proc = BatchProcessor()

    summary = run_inbox(inbox, outbox, proc, batch_size=3)

    assert proc.batches == [["0-gut.docx", "1-gut.docx", "2-gut.docx"], ["2-kaputt.docx", "3-bug.docx", "3-gut.docx"], ["4-gut.docx"]]
    assert summary.counts == {"processed": 5, "failed": 2, "skipped": 0, "duplicates": 0, "recovered": 0}
    # a rejected document and an unexpected exception inside a batch fail only themselves
    assert {f.file: (f.reason, f.error_type) for f in summary.failed} == {
        "2-kaputt.docx": ("corrupt-zip", "UnreadableDocumentError"), "3-bug.docx": ("internal-error", "RuntimeError"),
    }
    assert files(inbox / "processed") == {n for n in docs if "gut" in n}
    assert files(inbox / "failed") == {"2-kaputt.docx", "2-kaputt.docx.error.json", "3-bug.docx", "3-bug.docx.error.json"}
    assert json.loads((inbox / "failed" / "3-bug.docx.error.json").read_text())["sha256"] == sha(b"BOOM")
    assert files(inbox / ".processing") == set()
    with Ledger.open(outbox) as ledger:
        assert {e.file_name: e.status for e in ledger.entries()} == {n: "processed" if "gut" in n else "failed" for n in docs}
    assert output_json(outbox, "3-gut")["text"] == "GOOD 3"


def test_same_bytes_twice_in_one_batch_are_processed_once(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD same")
    drop(inbox, "b.docx", b"GOOD same")
    drop(inbox, "c.docx", b"GOOD other")
    proc = BatchProcessor()

    summary = run_inbox(inbox, outbox, proc, batch_size=10)

    assert proc.batches == [["a.docx", "c.docx"]]  # b.docx waits until a.docx is filed …
    assert [(d.file, d.stem) for d in summary.duplicates] == [("b.docx", "a")]  # … and is then a duplicate
    assert files(inbox / "processed") == {"a.docx", "b.docx", "c.docx"}


def test_a_failed_document_is_not_a_duplicate_for_its_twin_in_the_batch(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"BAD same")
    drop(inbox, "b.docx", b"BAD same")
    proc = BatchProcessor()
    summary = run_inbox(inbox, outbox, proc, batch_size=10)
    assert proc.batches == [["a.docx"], ["b.docx"]]
    assert [f.file for f in summary.failed] == ["a.docx", "b.docx"]


def test_killed_batch_is_redone_and_the_culprit_runs_alone(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD a")
    drop(inbox, "b.docx", b"KILL b")
    drop(inbox, "c.docx", b"GOOD c")
    drop(inbox, "d.docx", b"GOOD d")

    with pytest.raises(SimulatedKill):
        run_inbox(inbox, outbox, BatchProcessor(), batch_size=3)
    # the whole batch stays claimed (a.docx was computed but not filed); d.docx was never claimed
    assert files(inbox / ".processing") == {"a.docx", "b.docx", "c.docx"}
    assert files(inbox) == {"d.docx"} and files(inbox / "processed") == set()

    # every document of the killed batch is a suspect now: each runs alone until the culprit is out
    for _ in range(MAX_ATTEMPTS - 1):
        proc = BatchProcessor()
        with pytest.raises(SimulatedKill):
            run_inbox(inbox, outbox, proc, batch_size=3)
        assert ["b.docx"] in proc.batches
    proc = BatchProcessor()
    summary = run_inbox(inbox, outbox, proc, batch_size=3)

    assert [(f.file, f.reason) for f in summary.failed] == [("b.docx", "repeated-crash")]
    assert files(inbox / "processed") == {"a.docx", "c.docx", "d.docx"}
    assert files(inbox / "failed") == {"b.docx", "b.docx.error.json"}
    assert files(inbox / ".processing") == set()
    with Ledger.open(outbox) as ledger:
        # innocent documents never came near the attempt limit
        assert all(e.status == "processed" for e in ledger.entries() if e.file_name != "b.docx")


def test_a_broken_batch_call_falls_back_to_single_documents(boxes):
    inbox, outbox = boxes
    for name in ("a.docx", "b.docx"):
        drop(inbox, name, b"GOOD " + name.encode())

    class BrokenBatch(FakeProcessor):
        def process_files(self, items, outbox):
            raise RuntimeError("Stapel kaputt")

    proc = BrokenBatch()
    summary = run_inbox(inbox, outbox, proc, batch_size=5)
    assert summary.counts["processed"] == 2 and not summary.failed
    assert sorted(p.name for p, _ in proc.calls) == ["a.docx", "b.docx"]


def test_import_error_in_a_batch_stops_the_run_and_keeps_the_batch_claimed(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    drop(inbox, "b.docx", b"GOOD b")

    class Broken(BatchProcessor):
        def process_file(self, path, outbox, *, stem=None):
            raise ModuleNotFoundError("No module named 'protokollant.fehlt'", name="protokollant.fehlt")

    with pytest.raises(ImportError):
        run_inbox(inbox, outbox, Broken(), batch_size=5)
    assert files(inbox / ".processing") == {"a.docx", "b.docx"} and files(inbox / "failed") == set()
    assert run_inbox(inbox, outbox, BatchProcessor(), batch_size=5).counts["processed"] == 2


def test_process_one_retries_and_converts_errors(tmp_path):
    doc = tmp_path / "x.docx"
    doc.write_bytes(b"GOOD")

    class Flaky(FakeProcessor):
        tries = 0

        def process_file(self, path, outbox, *, stem=None):
            self.tries += 1
            if self.tries == 1:
                raise ValueError("einmal")
            if self.tries == 3:
                raise UnreadableDocumentError(Path(path).name, "empty")
            return super().process_file(path, outbox, stem=stem)

    proc = Flaky()
    ok = process_one(proc, doc, tmp_path / "out", "x", retries=1)
    assert ok.result.ok and ok.error_type is None and proc.tries == 2
    rejected = process_one(proc, doc, tmp_path / "out", "x")
    assert (rejected.result.status, rejected.result.reason, rejected.error_type) == ("failed", "empty", None)
    boom = process_one(FakeProcessor(), _write(tmp_path / "b.docx", b"BOOM"), tmp_path / "out", "b", retries=2)
    assert (boom.result.reason, boom.error_type) == ("internal-error", "RuntimeError")


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_plan_batches_puts_suspects_alone():
    def job(name, suspect=False):
        return Job(claim=Claim(name, Path(name), name, 1), stem=name, suspect=suspect)

    jobs = [job("a"), job("b"), job("x", suspect=True), job("c"), job("d"), job("e")]
    assert [[j.stem for j in b] for b in plan_batches(jobs, 2)] == [["a", "b"], ["x"], ["c", "d"], ["e"]]
    assert plan_batches([], 3) == []
    assert [[j.stem for j in b] for b in plan_batches(jobs[:2], 0)] == [["a"], ["b"]]


def test_outcome_round_trips_through_json(tmp_path):
    doc = _write(tmp_path / "gut.docx", b"GOOD")
    outcome = process_one(FakeProcessor(), doc, tmp_path / "out", "gut")
    again = Outcome.from_dict(json.loads(json.dumps(outcome.to_dict())))
    assert again.name == "gut.docx" and again.error_type is None
    assert again.result.summary() == outcome.result.summary()


# --------------------------------------------------------------------------- dispatch (remote batches, central filing)


class RemoteRunner:
    """Stands in for the workers: computes each plan with process_batch and writes its result file,
    except for batches containing a name in ``lose`` (a crashed flow run: no result file)."""

    def __init__(self, lose=(), wrong_id=(), not_started=()):
        self.lose, self.wrong_id, self.not_started = set(lose), set(wrong_id), set(not_started)
        self.plans: list[list[str]] = []

    def __call__(self, plans):
        for plan in plans:
            names = [j.claim.name for j in plan.jobs]
            self.plans.append(names)
            if self.not_started & set(names):
                plan.started = False  # no worker ever took this batch
                continue
            plan.started = True
            if self.lose & set(names):
                continue
            outcomes = process_batch(FakeProcessor(), plan.items, plan.result_file.parents[3])  # OUTBOX/.protokollant/batches/<run>/
            batch_id = "fremd" if self.wrong_id & set(names) else plan.batch_id
            write_batch_result(plan.result_file, batch_id=batch_id, outcomes=outcomes, worker={"name": "w", "pid": os.getpid()})


def test_dispatch_files_remote_outcomes_and_keeps_lost_batches_claimed(boxes):
    inbox, outbox = boxes
    for name in "abcdef":
        drop(inbox, f"{name}.docx", b"GOOD " + name.encode())
    drop(inbox, "g.docx", b"BAD zip")
    drop(inbox, "kopie.docx", b"GOOD a")
    runner = RemoteRunner(lose={"d.docx"})

    summary, batches = dispatch_inbox(inbox, outbox, runner, batch_size=3)

    assert runner.plans == [["a.docx", "b.docx", "c.docx"], ["d.docx", "e.docx", "f.docx"], ["g.docx"]]
    assert [b["complete"] for b in batches] == [True, False, True]
    assert batches[0]["worker"] == {"name": "w", "pid": os.getpid()}
    assert sorted(e.file for e in summary.processed) == ["a.docx", "b.docx", "c.docx"]
    assert [(d.file, d.stem) for d in summary.duplicates] == [("kopie.docx", "a")]
    failed = {f.file: (f.reason, f.moved_to) for f in summary.failed}
    assert failed == {"d.docx": ("batch-lost", None), "e.docx": ("batch-lost", None), "f.docx": ("batch-lost", None),
                      "g.docx": ("corrupt-zip", str(inbox / "failed" / "g.docx"))}
    assert files(inbox / ".processing") == {"d.docx", "e.docx", "f.docx"}
    assert files(inbox / "processed") == {"a.docx", "b.docx", "c.docx", "kopie.docx"}
    assert Path(batches[0]["result_file"]).parent.parent == outbox / ".protokollant" / "batches"

    # next run: the lost batch's documents are suspects and run alone; nothing else is redone
    runner = RemoteRunner()
    summary, _ = dispatch_inbox(inbox, outbox, runner, batch_size=3)
    assert runner.plans == [["d.docx"], ["e.docx"], ["f.docx"]]
    assert sorted(summary.recovered) == ["d.docx", "e.docx", "f.docx"]
    assert sorted(e.file for e in summary.processed) == ["d.docx", "e.docx", "f.docx"] and not summary.failed
    assert files(inbox / ".processing") == set() and files(inbox) == set()

    # and a third run has nothing to dispatch
    runner = RemoteRunner()
    summary, batches = dispatch_inbox(inbox, outbox, runner, batch_size=3)
    assert runner.plans == [] and batches == [] and summary.counts["processed"] == 0


def test_dispatch_ignores_a_result_file_of_another_batch(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD a")
    summary, batches = dispatch_inbox(inbox, outbox, RemoteRunner(wrong_id={"a.docx"}), batch_size=3)
    assert [(f.file, f.reason) for f in summary.failed] == [("a.docx", "batch-lost")]
    assert batches[0]["complete"] is False and files(inbox / ".processing") == {"a.docx"}


def test_dispatch_files_what_came_back_when_the_runner_breaks(boxes):
    inbox, outbox = boxes
    for name in "ab":
        drop(inbox, f"{name}.docx", b"GOOD " + name.encode())

    def runner(plans):
        RemoteRunner()(plans[:1])
        raise ConnectionError("Prefect-API weg")

    summary, _ = dispatch_inbox(inbox, outbox, runner, batch_size=1)
    assert [e.file for e in summary.processed] == ["a.docx"]
    assert [(f.file, f.reason) for f in summary.failed] == [("b.docx", "batch-lost")]
    assert "Prefect-API weg" in summary.message


def test_dispatch_is_busy_while_another_run_holds_the_lock(boxes):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    runner = RemoteRunner()
    with acquire_run_lock(inbox, outbox):
        summary, batches = dispatch_inbox(inbox, outbox, runner)
    assert summary.busy and batches == [] and runner.plans == [] and files(inbox) == {"a.docx"}


def test_batches_no_worker_started_do_not_count_as_crashes(boxes):
    inbox, outbox = boxes
    for name in "abc":
        drop(inbox, f"{name}.docx", b"GOOD " + name.encode())

    # workers down for more nights than MAX_ATTEMPTS: nothing goes to failed/ as "repeated-crash"
    for _ in range(MAX_ATTEMPTS + 1):
        summary, _ = dispatch_inbox(inbox, outbox, RemoteRunner(not_started={"a.docx", "b.docx", "c.docx"}), batch_size=2)
        assert {(f.file, f.reason, f.moved_to) for f in summary.failed} == {(f"{n}.docx", "batch-not-started", None) for n in "abc"}
        assert files(inbox / ".processing") == {"a.docx", "b.docx", "c.docx"} and files(inbox / "failed") == set()
    with Ledger.open(outbox) as ledger:
        assert {e.status for e in ledger.entries()} == {"queued"}

    # back to normal batches (not suspects run alone) once workers are there
    runner = RemoteRunner()
    summary, _ = dispatch_inbox(inbox, outbox, runner, batch_size=2)
    assert runner.plans == [["a.docx", "b.docx"], ["c.docx"]]
    assert summary.counts["processed"] == 3 and not summary.failed
