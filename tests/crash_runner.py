"""Helpers for the crash/fault tests (tests/inbox/test_crash_safety.py): a fast processor that
writes real outputs (JSON, HTML, CSV of a MinutesRecord, no NLP), a run in a child
process (where PROTOKOLLANT_FAULT may kill it), and a snapshot of everything a run
leaves (register, ledger, outbox, inbox) to compare with a clean run.

    python -m tests.crash_runner INBOX OUTBOX [BATCH_SIZE]
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protokollant import operational
from protokollant.errors import UnreadableDocumentError
from protokollant.inbox import process_batch, run_inbox
from protokollant.pipeline import DocumentResult

ROOT = Path(__file__).resolve().parent.parent


class RecordProcessor:
    """Content ``GOOD <n> <k>`` → a record with k tasks; ``BAD…`` → rejected (corrupt-zip).

    ``process_files`` makes it batch-capable (one group commit per batch, like the real one).
    """

    def process_file(self, path, outbox, *, stem=None):
        from protokollant.render import write_outputs
        from tests.register_fixtures import item, record

        path = Path(path)
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if data.startswith(b"BAD"):
            e = UnreadableDocumentError(path.name, "corrupt-zip")
            return DocumentResult(input=str(path), status="failed", reason=e.reason, error=str(e), hint=e.hint, sha256=sha)
        words = data.decode().split()
        n, k = words[1], int(words[2]) if len(words) > 2 else 2
        rec = record(path.name, dt.date(2026, 3, 1 + int(n) % 27),
                     [item(f"Aufgabe {j} aus Sitzung {n} erledigen", "Frau Berger", resolved="Jana Berger", block=5 + j) for j in range(k)],
                     sha=sha)
        stem = stem or path.stem
        written = write_outputs(rec, Path(outbox) / stem, stem)
        return DocumentResult(input=str(path), status="processed", outputs={k: str(v) for k, v in written.items()}, sha256=sha,
                              record=rec, counts={"action_items": k})

    def process_files(self, items, outbox):
        return process_batch(self, items, outbox)


def drop_documents(inbox: Path, count: int = 6, bad: tuple[int, ...] = (3,)) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    t = time.time() - 60
    for i in range(count):
        p = inbox / f"sitzung-{i:03d}.docx"
        p.write_bytes(b"BAD %d" % i if i in bad else b"GOOD %d %d" % (i, 1 + i % 3))
        os.utime(p, (t, t))


def run(inbox: Path, outbox: Path, batch_size: int = 1):
    return run_inbox(inbox, outbox, RecordProcessor(), stable_seconds=0, batch_size=batch_size)


def run_child(inbox: Path, outbox: Path, *, fault: str | None = None, batch_size: int = 1) -> int:
    """Run the inbox in a child process (with PROTOKOLLANT_FAULT=fault); returns its exit code."""
    env = dict(os.environ)
    env.pop("PROTOKOLLANT_FAULT", None)
    if fault:
        env["PROTOKOLLANT_FAULT"] = fault
    cmd = [sys.executable, "-m", "tests.crash_runner", str(inbox), str(outbox), str(batch_size)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=120).returncode


def _rel(path: str, base: Path) -> str:
    try:
        return str(Path(path).relative_to(base))
    except ValueError:
        return path


def snapshot(inbox: Path, outbox: Path) -> dict:
    """Everything a run leaves that must not depend on crashes (times and counters left out)."""
    state = outbox / ".protokollant"
    reg = sqlite3.connect(state / "register.sqlite3")
    led = sqlite3.connect(state / "ledger.sqlite3")
    try:
        register = {
            "meetings": sorted(reg.execute("SELECT stem, file_name, sha256 FROM meetings").fetchall()),
            "items": sorted(reg.execute("SELECT i.id, m.stem, i.task, i.status, i.missing_since IS NULL FROM action_items i "
                                        "JOIN meetings m ON m.id = i.meeting_id").fetchall()),
        }
        ledger = sorted((sha, name, stem, status, json.dumps({k: _rel(v, outbox) for k, v in json.loads(out).items()}, sort_keys=True))
                        for sha, name, stem, status, out in led.execute("SELECT sha256, file_name, stem, status, outputs FROM documents"))
    finally:
        reg.close()
        led.close()
    outputs = {}
    for p in sorted(outbox.rglob("*")):
        rel = p.relative_to(outbox)
        if p.is_file() and rel.parts[0] != ".protokollant":
            outputs[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()
    inbox_files = {}
    for p in sorted(inbox.rglob("*")):
        rel = p.relative_to(inbox)
        if p.is_file() and p.name != ".lock":
            inbox_files[str(rel)] = json.loads(p.read_text())["reason"] if p.name.endswith(".error.json") else p.read_bytes().decode()
    temp = [str(p) for p in list(outbox.rglob("*")) + list(inbox.rglob("*")) if p.name.endswith(".tmp") or ".tmp-" in p.name]
    return {"register": register, "ledger": ledger, "outputs": outputs, "inbox": inbox_files, "temp_files": temp}


if __name__ == "__main__":
    inbox_arg, outbox_arg = Path(sys.argv[1]), Path(sys.argv[2])
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    sys.exit(run(inbox_arg, outbox_arg, size).exit_code)


@pytest.fixture(autouse=True)
def clean_filing_env(monkeypatch):
    """No injected fault and no register URL from the developer's shell; fault counters reset.
    Imported by the filing tests, where it applies to every test of the module."""
    monkeypatch.delenv(operational.FAULT_ENV, raising=False)
    monkeypatch.delenv("PROTOKOLLANT_REGISTER_URL", raising=False)
    operational._fault_hits.clear()


def drop_from_register(outbox: Path, stem: str) -> None:
    """Delete one meeting and its items from the SQLite register, as a crash before registering leaves it."""
    reg = sqlite3.connect(outbox / ".protokollant" / "register.sqlite3")
    with reg:
        mid = reg.execute("SELECT id FROM meetings WHERE stem = ?", (stem,)).fetchone()[0]
        reg.execute("DELETE FROM action_items WHERE meeting_id = ?", (mid,))
        reg.execute("DELETE FROM meetings WHERE id = ?", (mid,))
    reg.close()
