"""Benchmark: one `protokollant run` over a folder of inputs, as the nightly job would see it.

Copies every file of SOURCE into a fresh inbox (the source is never touched),
runs `protokollant run` once in a child process, and prints what happened to
each input, the wall time and the child's peak RSS. With --no-network the run
happens in a new network namespace that has only loopback (needs `unshare`,
i.e. root or user namespaces).

    python bench/inbox_run.py ../shared/corpus/robustness --json out.json
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SKIP_NAMES = {"MANIFEST.json", "README.md"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="folder with the input files")
    ap.add_argument("--no-network", action="store_true", help="run inside `unshare -n` (loopback only)")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the temporary inbox/outbox and print where")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="protokollant-bench-"))
    inbox, outbox = work / "inbox", work / "outbox"
    inbox.mkdir()
    outbox.mkdir()
    inputs = sorted(p for p in args.source.iterdir() if p.is_file() and p.name not in SKIP_NAMES)
    for p in inputs:
        shutil.copy2(p, inbox / p.name)

    exe = Path(sys.executable).with_name("protokollant")
    cmd = [str(exe), "run", "--anlegen", "--inbox", str(inbox), "--outbox", str(outbox)]
    if args.no_network:
        cmd = ["unshare", "-n", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh", *cmd]
    env = dict(os.environ, DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_HOME=str(work / "prefect-home"))
    env.pop("PREFECT_API_URL", None)
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    processed = sorted(p.name for p in (inbox / "processed").glob("*")) if (inbox / "processed").exists() else []
    failed = sorted(p.name for p in (inbox / "failed").glob("*") if not p.name.endswith(".error.json")) if (inbox / "failed").exists() else []
    reasons = {}
    for name in failed:
        err = json.loads((inbox / "failed" / f"{name}.error.json").read_text(encoding="utf-8"))
        reasons[name] = err.get("reason")
    left = sorted(p.name for p in inbox.iterdir() if p.is_file())
    accounted = len(processed) + len(failed) + len(left)
    figures = {
        "inputs": len(inputs),
        "processed": len(processed),
        "rejected": len(failed),
        "left_in_inbox": left,
        "all_accounted_for": accounted == len(inputs),
        "exit_code": proc.returncode,
        "wall_seconds": round(wall, 1),
        "peak_rss_mb": round(peak_mb),
        "no_network": args.no_network,
        "rejections": reasons,
    }
    for name, reason in reasons.items():
        print(f"rejected  {reason:20s} {name}")
    print(
        f"inputs {figures['inputs']} | processed {figures['processed']} | rejected {figures['rejected']} | "
        f"left in inbox {len(left)} {left} | all accounted for: {figures['all_accounted_for']} | "
        f"exit {proc.returncode} | wall {figures['wall_seconds']} s | peak RSS {figures['peak_rss_mb']} MB"
        + (" | no network" if args.no_network else "")
    )
    if proc.returncode not in (0, 1):
        print(proc.stdout[-2000:], proc.stderr[-2000:], sep="\n")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    if args.keep:
        print(f"kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if proc.returncode in (0, 1) and figures["all_accounted_for"] else 1


if __name__ == "__main__":
    sys.exit(main())
