"""Group commit: a batch's outputs are flushed to disk once, after the batch, not file by file."""
import os

from tests import docx_factory as f
from protokollant import fileio, pipeline
from protokollant.inbox import process_batch
from protokollant.pipeline import Processor, process_paths


def _minutes(tmp_path, n):
    paths = []
    for i in range(n):
        body = f.para(f.run(f"Protokoll der Sitzung {i}", bold=True)) + f.para(f.run("FL schickt die Einladung bis 20.03."))
        path = tmp_path / f"sitzung-{i}.docx"
        path.write_bytes(f.make_docx(body))
        paths.append(path)
    return paths


def _count_fsyncs(monkeypatch):
    calls = []
    real = os.fsync

    def counting(fd):
        calls.append(fd)
        return real(fd)

    monkeypatch.setattr(fileio.os, "fsync", counting)
    return calls


def test_outputs_are_flushed_once_each_when_the_block_ends(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    processor = Processor("blank")
    docs = _minutes(tmp_path, 3)
    with processor.group_commit():
        results = [processor.process_file(p, tmp_path / "out") for p in docs]
        assert calls == []  # nothing flushed while the batch runs
        assert all(r.ok and all(os.path.exists(o) for o in r.outputs.values()) for r in results)
    assert len(calls) == 3 * 3  # json, html, csv of each document, after the block


def test_without_a_block_each_document_is_flushed_as_it_is_written(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    result = Processor("blank").process_file(_minutes(tmp_path, 1)[0], tmp_path / "out")
    assert result.ok and len(calls) == 3


def test_process_paths_and_process_batch_commit_in_groups(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    monkeypatch.setattr(pipeline, "GROUP_COMMIT_DOCS", 2)
    docs = _minutes(tmp_path, 3)
    results = process_paths(docs, tmp_path / "a", processor=Processor("blank"))
    assert [r.ok for r in results] == [True, True, True] and len(calls) == 9
    outcomes = process_batch(Processor("blank"), [(str(p), p.stem) for p in docs], tmp_path / "b")
    assert all(o.result.ok for o in outcomes) and len(calls) == 18
    a = sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*.json"))
    b = sorted(p.relative_to(tmp_path / "b").as_posix() for p in (tmp_path / "b").rglob("*.json"))
    assert a == b and len(a) == 3


def test_nested_blocks_flush_at_the_outermost(tmp_path, monkeypatch):
    calls = _count_fsyncs(monkeypatch)
    processor = Processor("blank")
    doc = _minutes(tmp_path, 1)[0]
    with processor.group_commit():
        with processor.group_commit():
            processor.process_file(doc, tmp_path / "out")
        assert calls == []
    assert len(calls) == 3


def test_sync_files_flushes_every_file_before_raising_the_first_error_in_order(tmp_path, monkeypatch):
    paths = [tmp_path / f"f{i}.txt" for i in range(6)]
    for p in paths:
        p.write_bytes(b"x")
    flushed = []

    def flaky(path):
        flushed.append(path)
        if path.name in ("f2.txt", "f4.txt"):
            raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(fileio, "_fsync_path", flaky)
    try:
        fileio.sync_files(paths)
    except OSError as e:
        assert e.filename == str(paths[2])
    else:
        raise AssertionError("no error raised")
    assert sorted(flushed) == paths  # the flushes after the failing one still ran
    monkeypatch.undo()
    fileio.sync_files(paths)  # the kept threads serve the next batch
