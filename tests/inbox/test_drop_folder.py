"""A hardened drop folder (issue 13): operational errors are not document errors (exit 2,
inputs stay in the inbox), names of any legal length, links/FIFOs/devices never followed."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from protokollant import inbox as inbox_mod
from protokollant.inbox import lock as inbox_lock
from protokollant import render
from protokollant.filing import NAME_MAX, fit_name
from protokollant.inbox import run_inbox
from protokollant.operational import EXIT_OPERATIONAL
from protokollant.pipeline import DocumentResult, Processor
from tests.crash_runner import RecordProcessor, clean_filing_env, drop_documents, run  # noqa: F401 (autouse fixture)
from tests.inbox_fixtures import FakeProcessor, drop


@pytest.fixture
def boxes(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    return inbox, outbox


def top_level(inbox: Path) -> set[str]:
    return {p.name for p in inbox.iterdir() if not p.is_dir() or p.is_symlink()}


# --------------------------------------------------------------------------- operational errors


def test_disk_full_while_writing_outputs_keeps_every_input_in_the_inbox(boxes, monkeypatch):
    inbox, outbox = boxes
    drop_documents(inbox, count=4, bad=())
    real = render.write_outputs
    calls = []

    def full_disk(record, out_dir, stem, **kw):
        calls.append(stem)
        if len(calls) >= 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(out_dir))
        return real(record, out_dir, stem, **kw)

    monkeypatch.setattr(render, "write_outputs", full_disk)
    summary = run(inbox, outbox)
    assert summary.exit_code == EXIT_OPERATIONAL
    assert summary.stopped.startswith("Kein freier Speicherplatz")
    assert not summary.failed and not (inbox / "failed").exists()  # a full disk is not the document's fault
    assert top_level(inbox) == {"sitzung-001.docx", "sitzung-002.docx", "sitzung-003.docx"}
    assert {p.name for p in (inbox / ".processing").iterdir()} == {".lock"}

    monkeypatch.setattr(render, "write_outputs", real)  # space freed
    summary = run(inbox, outbox)
    assert summary.exit_code == 0 and len(summary.processed) == 3


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES])
def test_read_only_or_foreign_outbox_exits_2_with_one_german_line(boxes, monkeypatch, err):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    real = inbox_lock.lock_one

    def refuse(path):
        if outbox in path.parents:
            raise OSError(err, os.strerror(err), str(path))
        return real(path)

    monkeypatch.setattr(inbox_lock, "lock_one", refuse)
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.exit_code == EXIT_OPERATIONAL
    assert "\n" not in summary.stopped
    assert ("schreibgeschützt" if err == errno.EROFS else "Berechtigung") in summary.stopped
    assert top_level(inbox) == {"a.docx"}


def test_read_only_inbox_leaves_the_files_where_they_are(boxes, monkeypatch):
    inbox, outbox = boxes
    drop(inbox, "a.docx", b"GOOD")
    drop(inbox, "b.docx", b"GOOD 2")
    real_rename = os.rename

    def rename(src, dst):
        if Path(dst).parent.name == ".processing":
            raise OSError(errno.EROFS, "Read-only file system", str(src))
        return real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.exit_code == EXIT_OPERATIONAL and "schreibgeschützt" in summary.stopped
    assert top_level(inbox) == {"a.docx", "b.docx"} and not summary.failed


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_really_read_only_outbox(boxes):
    inbox, outbox = boxes
    outbox.mkdir()
    drop(inbox, "a.docx", b"GOOD")
    outbox.chmod(0o555)
    try:
        summary = run_inbox(inbox, outbox, FakeProcessor())
    finally:
        outbox.chmod(0o755)
    assert summary.exit_code == EXIT_OPERATIONAL and top_level(inbox) == {"a.docx"}


def test_processor_reports_disk_full_and_symlinked_output_folder_as_operational(tmp_path, monkeypatch):
    from tests.register_fixtures import march

    src = tmp_path / "sitzung.docx"
    src.write_bytes(b"x")
    proc = Processor()
    monkeypatch.setattr(proc, "record_for_bytes", lambda data, name: march())
    outbox = tmp_path / "out"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outbox.mkdir()
    (outbox / "sitzung").symlink_to(elsewhere, target_is_directory=True)
    result = proc.process_file(src, outbox, stem="sitzung")
    assert result.reason == "unsafe-output-folder" and list(elsewhere.iterdir()) == []

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(render, "write_outputs", full)
    assert proc.process_file(src, outbox, stem="andere").reason == "disk-full"


# --------------------------------------------------------------------------- long names


def test_a_255_byte_name_that_fails_is_filed_with_a_shortened_error_file(boxes):
    inbox, outbox = boxes
    name = "Ä" * 125 + ".docx"  # 250 + 5 = 255 bytes
    assert len(name.encode()) == NAME_MAX
    drop(inbox, name, b"BAD")
    summary = run_inbox(inbox, outbox, FakeProcessor())
    assert summary.exit_code == 1
    [failed] = summary.failed
    assert failed.file == name and failed.moved_to is not None
    stored = Path(failed.moved_to)
    error_file = Path(failed.error_file)
    assert stored.read_bytes() == b"BAD" and len(error_file.name.encode()) <= NAME_MAX
    data = json.loads(error_file.read_text(encoding="utf-8"))
    assert data["file"] == name and data["stored_as"] == stored.name
    assert not list((inbox / ".processing").glob("*.docx"))
    assert run_inbox(inbox, outbox, FakeProcessor()).exit_code == 0  # nothing left to fail


def test_collision_suffix_of_a_long_name_is_shortened(boxes):
    inbox, outbox = boxes
    name = "x" * 250 + ".docx"
    for i in range(3):
        drop(inbox, name, b"GOOD %d" % i)
        summary = run_inbox(inbox, outbox, FakeProcessor())
        assert summary.exit_code == 0, summary.to_dict()
    names = sorted(p.name for p in (inbox / "processed").iterdir())
    assert len(names) == 3 and all(len(n.encode()) <= NAME_MAX for n in names) and name in names
    assert any(" (3)" in n for n in names)


def test_fit_name_keeps_suffix_and_whole_characters():
    long = "Sitzung-" + "ü" * 200 + ".docx"
    short = fit_name(long, 100, extra=" (2)")
    assert short.endswith(" (2).docx") and len(short.encode()) <= 100
    assert fit_name(long, 100) != fit_name(long.replace("Sitzung", "Sitzunx"), 100)
    assert fit_name("kurz.docx", 100) == "kurz.docx"


# --------------------------------------------------------------------------- links, FIFOs, devices


def test_symlinks_and_fifos_go_to_failed_without_being_followed(boxes, tmp_path):
    inbox, outbox = boxes
    outside = tmp_path / "outside.docx"
    outside.write_bytes(b"GOOD secret outside")
    (inbox / "passwd.docx").symlink_to("/etc/passwd")
    (inbox / "outside.docx").symlink_to(outside)
    (inbox / "broken.docx").symlink_to(tmp_path / "nowhere.docx")
    (inbox / "loop.docx").symlink_to(inbox / "loop.docx")
    (inbox / "folder").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(inbox / "pipe.docx")
    drop(inbox, "real.docx", b"GOOD real")
    processor = FakeProcessor()

    summary = run_inbox(inbox, outbox, processor)
    assert summary.exit_code == 1
    reasons = {f.file: f.reason for f in summary.failed}
    assert reasons == {"passwd.docx": "symlink", "outside.docx": "symlink", "broken.docx": "symlink", "loop.docx": "symlink",
                       "folder": "symlink", "pipe.docx": "not-a-regular-file"}
    assert [p.name for p, _ in processor.calls] == ["real.docx"]
    assert not (outbox / "outside").exists()  # never published
    failed = inbox / "failed"
    assert (failed / "passwd.docx").is_symlink() and os.readlink(failed / "passwd.docx") == "/etc/passwd"
    data = json.loads((failed / "passwd.docx.error.json").read_text(encoding="utf-8"))
    assert data["sha256"] is None and data["reason"] == "symlink"  # the target was never read
    assert outside.read_bytes() == b"GOOD secret outside"
    assert top_level(inbox) == set()
    assert run_inbox(inbox, outbox, FakeProcessor()).exit_code == 0


def test_a_file_swapped_for_a_link_after_the_scan_is_not_claimed(boxes, tmp_path):
    inbox, outbox = boxes
    p = drop(inbox, "a.docx", b"GOOD")
    [cand] = inbox_mod.scan_inbox(inbox, stable_seconds=0).candidates
    p.unlink()
    p.symlink_to("/etc/passwd")
    with pytest.raises(inbox_mod.ClaimSkipped):
        inbox_mod.claim(cand, inbox)
    assert (inbox / "a.docx").is_symlink()


def test_record_processor_writes_no_output_through_a_linked_stem_folder(boxes, tmp_path):
    """The whole run: a planted link OUTBOX/<stem> → elsewhere stops the run (exit 2), nothing written there."""
    inbox, outbox = boxes
    drop_documents(inbox, count=1, bad=())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outbox.mkdir()
    (outbox / "sitzung-000").symlink_to(elsewhere, target_is_directory=True)

    class Checked(RecordProcessor):
        def process_file(self, path, out, *, stem=None):
            if (Path(out) / stem).is_symlink():  # as pipeline.Processor does
                return DocumentResult(input=str(path), status="failed", reason="unsafe-output-folder", error=f"{stem} ist ein Link")
            return super().process_file(path, out, stem=stem)

    summary = run_inbox(inbox, outbox, Checked(), stable_seconds=0)
    assert summary.exit_code == EXIT_OPERATIONAL and "symbolischer Link" in summary.stopped
    assert list(elsewhere.iterdir()) == [] and top_level(inbox) == {"sitzung-000.docx"}


def test_a_full_disk_under_the_register_is_reported_as_disk_full_not_as_a_broken_register(boxes, monkeypatch):
    import sqlite3

    from protokollant import register as register_mod

    inbox, outbox = boxes
    drop_documents(inbox, count=2, bad=())

    def full(self, record, stem):
        raise register_mod.RegisterError("x") from sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(register_mod.Register, "record_minutes", full)
    summary = run(inbox, outbox)
    assert summary.exit_code == EXIT_OPERATIONAL
    assert summary.stopped.startswith("Kein freier Speicherplatz") and "register repair" not in summary.stopped
    assert top_level(inbox) == {"sitzung-000.docx", "sitzung-001.docx"}
