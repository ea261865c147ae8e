"""A fake document processor and a way to drop files into an inbox, shared by the inbox tests."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from protokollant.errors import UnreadableDocumentError
from protokollant.results import DocumentResult


class SimulatedKill(BaseException):
    """Stands in for SIGKILL/KeyboardInterrupt in the middle of processing."""


class FakeProcessor:
    """Same signature as Processor.process_file; the file's first bytes decide the outcome.

    b"BAD…"  → rejected document (status "failed", reason "corrupt-zip")
    b"BOOM…" → unexpected exception (a bug)
    b"KILL…" → SimulatedKill (BaseException), ``kills`` times, then processed
    anything else → writes outbox/<stem>/<stem>.json (temp + rename) and returns "processed"
    """

    def __init__(self, kills: int = 10**9, on_call=None):
        self.calls: list[tuple[Path, str | None]] = []
        self.kills = kills
        self.on_call = on_call

    def process_file(self, path, outbox, *, stem=None):
        path = Path(path)
        self.calls.append((path, stem))
        if self.on_call:
            self.on_call(path)
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        if data.startswith(b"BAD"):
            e = UnreadableDocumentError(path.name, "corrupt-zip")
            return DocumentResult(input=str(path), status="failed", reason=e.reason, error=str(e), hint=e.hint, sha256=sha)
        if data.startswith(b"BOOM"):
            raise RuntimeError("unerwarteter Fehler im Test")
        if data.startswith(b"KILL") and self.kills > 0:
            self.kills -= 1
            raise SimulatedKill()
        stem = stem or path.stem
        out_dir = Path(outbox) / stem
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{stem}.json"
        tmp = out_dir / f".{stem}.json.tmp"
        tmp.write_text(json.dumps({"file": path.name, "sha256": sha, "text": data.decode("utf-8", "replace")}), encoding="utf-8")
        os.replace(tmp, target)
        return DocumentResult(
            input=str(path), status="processed", outputs={"json": str(target)}, sha256=sha,
            counts={"topics": 1, "decisions": 1, "action_items": 0, "institutions": 0},
        )


def drop(inbox: Path, name: str, data: bytes, age: float = 60.0) -> Path:
    """Put a file into the inbox with an mtime ``age`` seconds in the past."""
    p = inbox / name
    p.write_bytes(data)
    t = time.time() - age
    os.utime(p, (t, t))
    return p
