"""`protokollant run` as a process (issue 13): Prefect's temporary server dies with the run
(even after kill -9), and an operational stop is exit code 2 with one German line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.paths import ROOT


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from protokollant.orchestration.minutes import register_processor, run_inbox_once
    from prefect.server.api.server import SubprocessASGIServer

    inbox, outbox, pid_file, mode = sys.argv[1:5]

    class Hanging:
        def process_file(self, path, outbox, *, stem=None):
            server = SubprocessASGIServer._instances[None]
            # written whole, then renamed: the test must never read a half-written file
            Path(pid_file + ".tmp").write_text(str(server.server_process.pid))
            Path(pid_file + ".tmp").replace(pid_file)
            time.sleep(600)

    if mode == "hang":
        register_processor("haengt", Hanging())
        run_inbox_once(inbox, outbox, model="haengt", stable_seconds=0)
    else:
        sys.exit(run_inbox_once(inbox, outbox, model="blank", stable_seconds=0))
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    env.pop("PREFECT_API_URL", None)
    env.pop("PROTOKOLLANT_FAULT", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux-only")
def test_temporary_prefect_server_dies_with_a_killed_run(tmp_path):
    inbox, outbox, pid_file = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "server.pid"
    inbox.mkdir()
    (inbox / "a.docx").write_bytes(b"irrelevant")
    old = time.time() - 60
    os.utime(inbox / "a.docx", (old, old))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(inbox), str(outbox), str(pid_file), "hang"],
                             cwd=ROOT, env=_child_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 120
        while not pid_file.exists() and time.time() < deadline and child.poll() is None:
            time.sleep(0.2)
        assert pid_file.exists(), "the run never reached the processor"
        server_pid = int(pid_file.read_text())
        assert _alive(server_pid)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
        deadline = time.time() + 10
        while _alive(server_pid) and time.time() < deadline:
            time.sleep(0.1)
        assert not _alive(server_pid), "Prefect's temporary server outlived the killed run"
    finally:
        if child.poll() is None:
            child.kill()
        if pid_file.exists() and _alive(int(pid_file.read_text())):
            os.kill(int(pid_file.read_text()), signal.SIGKILL)


def test_run_with_an_unusable_register_exits_2_with_a_german_line(tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    (outbox / ".protokollant").mkdir(parents=True)
    (outbox / ".protokollant" / "register.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    done = subprocess.run([sys.executable, "-c", CHILD, str(inbox), str(outbox), str(tmp_path / "unused"), "normal"],
                          cwd=ROOT, env=_child_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert done.returncode == 2, done.stderr[-2000:]
    lines = [line for line in done.stderr.splitlines() if line.startswith("FEHLER")]
    assert len(lines) == 1 and "Aufgabenregister" in lines[0] and "beschädigt" in lines[0]
