"""Replay of the issue-13 attacks on a real `protokollant run` (not collected by pytest; minutes).

    .venv/bin/python -m tests.crash_replay kills --docs 98 --kills 6 [--seed 13]
    .venv/bin/python -m tests.crash_replay disk-full --docs 98 --size-mb 12   # root: mounts a tmpfs

kills: one clean run of N distinct documents; then the same documents, with
`protokollant run` killed (SIGKILL) at random moments K times, then run to the
end. disk-full: the outbox on a small tmpfs until a run stops with exit 2,
then the tmpfs is enlarged and the run repeated. Both compare with the clean
run: register items, ledger rows, output files, every input filed exactly
once, no temp files, no orphaned Prefect server.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTOKOLLANT = [str(ROOT / ".venv" / "bin" / "protokollant")]


def make_documents(target: Path, count: int) -> list[Path]:
    """``count`` distinct .docx files: the evaluation documents, each copy with its own numbered paragraph."""
    from docx import Document

    sources = sorted((ROOT / "tests" / "data" / "eval").glob("*.docx")) + [ROOT / "examples" / "kog-sitzung-2026-03-12.docx"]
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        src = sources[i % len(sources)]
        doc = Document(str(src))
        doc.add_paragraph(f"Ablagevermerk Nr. {i}")
        p = target / f"{i:03d}-{src.name}"
        doc.save(str(p))
        out.append(p)
    return out


def fill_inbox(docs: list[Path], inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    old = time.time() - 120
    for d in docs:
        shutil.copy2(d, inbox / d.name)
        os.utime(inbox / d.name, (old, old))


def env(home: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    e.pop("PREFECT_API_URL", None)
    return e


def _filed(inbox: Path) -> int:
    return sum(1 for d in ("processed", "failed") if (inbox / d).is_dir() for _ in (inbox / d).iterdir())


def run(inbox: Path, outbox: Path, home: Path, *, kill_after_filed: int | None = None, extra_delay: float = 0.0) -> int | None:
    """Run `protokollant run`; with ``kill_after_filed`` SIGKILL it once that many more inputs were
    filed (plus ``extra_delay`` seconds, to land between filing steps). None = killed."""
    cmd = [*PROTOKOLLANT, "run", "--anlegen", "--inbox", str(inbox), "--outbox", str(outbox), "--model", "blank"]
    p = subprocess.Popen(cmd, env=env(home), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after_filed is None:
        _, err = p.communicate()
        if p.returncode not in (0, 1):
            sys.stderr.write(err.decode()[-600:])
        return p.returncode
    start = _filed(inbox)
    while p.poll() is None and _filed(inbox) < start + kill_after_filed:
        time.sleep(0.01)
    time.sleep(extra_delay)
    if p.poll() is not None:
        return p.returncode  # finished before the kill
    p.send_signal(signal.SIGKILL)
    p.wait()
    return None


def state(inbox: Path, outbox: Path) -> dict:
    st = outbox / ".protokollant"
    reg = sqlite3.connect(st / "register.sqlite3")
    led = sqlite3.connect(st / "ledger.sqlite3")
    items = sorted(reg.execute("SELECT i.id, m.stem, i.task FROM action_items i JOIN meetings m ON m.id = i.meeting_id").fetchall())
    meetings = sorted(reg.execute("SELECT stem, sha256 FROM meetings").fetchall())
    ledger = sorted(led.execute("SELECT sha256, file_name, stem, status FROM documents").fetchall())
    reg.close()
    led.close()
    outputs = sorted(str(p.relative_to(outbox)) for p in outbox.rglob("*") if p.is_file() and ".protokollant" not in p.parts)
    filed = sorted(str(p.relative_to(inbox)) for p in inbox.rglob("*") if p.is_file() and p.name != ".lock")
    temp = [str(p) for p in list(outbox.rglob("*")) + list(inbox.rglob("*")) if p.name.endswith(".tmp") or ".tmp-" in p.name]
    return {"items": items, "meetings": meetings, "ledger": ledger, "outputs": outputs, "inbox": filed, "temp_files": temp}


def servers_left(home: Path) -> int:
    """Processes (uvicorn of Prefect) still running with this PREFECT_HOME."""
    n = 0
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if f"PREFECT_HOME={home}".encode() in (d / "environ").read_bytes() and b"uvicorn" in (d / "cmdline").read_bytes():
                    n += 1
            except OSError:
                continue
    return n


def compare(clean: dict, got: dict) -> dict:
    return {
        "register_items": {"clean": len(clean["items"]), "replay": len(got["items"]), "missing": len(set(clean["items"]) - set(got["items"])),
                           "extra": len(set(got["items"]) - set(clean["items"]))},
        "meetings_equal": clean["meetings"] == got["meetings"],
        "ledger_equal": clean["ledger"] == got["ledger"],
        "outputs_equal": clean["outputs"] == got["outputs"],
        "inbox_equal": clean["inbox"] == got["inbox"],
        "temp_files": got["temp_files"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("kills", "disk-full"))
    ap.add_argument("--docs", type=int, default=98)
    ap.add_argument("--kills", type=int, default=6)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--size-mb", type=int, default=12)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="protokollant-replay-"))
    home = work / "prefect-home"
    docs = make_documents(work / "docs", args.docs)

    t0 = time.time()
    fill_inbox(docs, work / "clean" / "inbox")
    rc_clean = run(work / "clean" / "inbox", work / "clean" / "outbox", home)
    clean_seconds = time.time() - t0
    clean = state(work / "clean" / "inbox", work / "clean" / "outbox")
    report: dict = {"docs": args.docs, "clean_exit": rc_clean, "clean_seconds": round(clean_seconds, 1)}

    inbox, outbox = work / "replay" / "inbox", work / "replay" / "outbox"
    fill_inbox(docs, inbox)
    if args.mode == "kills":
        kills = []
        for _ in range(args.kills):
            n, delay = rng.randint(1, max(2, args.docs // (args.kills + 2))), rng.uniform(0.0, 0.2)
            before = _filed(inbox)
            rc = run(inbox, outbox, home, kill_after_filed=n, extra_delay=delay)
            kills.append({"after_filed": n, "delay_s": round(delay, 3), "killed": rc is None, "exit": rc,
                          "filed_before": before, "filed_after": _filed(inbox),
                          "left_in_claim_area": sum(1 for p in (inbox / ".processing").iterdir() if p.name != ".lock")})
        time.sleep(1)
        report["kills"] = kills
        report["orphan_servers_after_kills"] = servers_left(home)
        report["final_exit"] = run(inbox, outbox, home)
    else:
        outbox.mkdir(parents=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={args.size_mb}m", "tmpfs", str(outbox)], check=True)
        try:
            runs = []
            for _ in range(3):
                rc = run(inbox, outbox, home)
                runs.append({"exit": rc, "left_in_inbox": sum(1 for p in inbox.iterdir() if p.is_file()),
                             "failed": sum(1 for p in (inbox / "failed").glob("*.error.json")) if (inbox / "failed").exists() else 0})
                if rc != 2:
                    break
            report["while_full"] = runs
            subprocess.run(["mount", "-o", "remount,size=512m", str(outbox)], check=True)
            report["final_exit"] = run(inbox, outbox, home)
            got_while_mounted = state(inbox, outbox)
        finally:
            shutil.copytree(outbox, work / "replay" / "outbox-copy", symlinks=True)
            subprocess.run(["umount", "-l", str(outbox)], check=False)
        outbox = work / "replay" / "outbox-copy"
        report["result"] = compare(clean, got_while_mounted)
    if args.mode == "kills":
        report["result"] = compare(clean, state(inbox, outbox))
    report["work"] = str(work)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text)
    r = report["result"]
    ok = not r["register_items"]["missing"] and not r["register_items"]["extra"] and r["ledger_equal"] and r["inbox_equal"] and not r["temp_files"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
