"""The action register on PostgreSQL (any SQLAlchemy URL by configuration).

Starts a throw-away PostgreSQL cluster in a temp dir on 127.0.0.1 with the
machine's PostgreSQL binaries (installed by `make test`'s set-up step). The Must-show scenario runs against it through the CLI.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from protokollant.cli import main
from tests.paths import DATA, EXAMPLE_DOCX

EXAMPLE = EXAMPLE_DOCX
SECOND = DATA / "eval" / "projektteam-quartier-2026-03-03.docx"


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL-Server nicht gefunden; `make test` installiert ihn als root "
                    "(scripts/install_system_deps.sh), sonst das Debian-Paket postgresql installieren.")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url():
    bindir = _pg_bin()
    # Not under pytest's tmp dir: the postgres user cannot enter root's 0700 folders.
    data = Path(tempfile.mkdtemp(prefix="protokollant-pg-"))
    # initdb refuses to run as root: run the cluster as the postgres system user.
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_user:
        shutil.chown(data, user="postgres")
    port = _free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"], check=True, capture_output=True)
    subprocess.run(
        [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(data / "log"),
         "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1", "start"],
        check=True, capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


def test_review_survives_reprocessing_on_postgresql(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("PROTOKOLLANT_REGISTER_URL", pg_url)
    runner = CliRunner()
    out = str(tmp_path / "out")
    assert runner.invoke(main, ["process", str(EXAMPLE), str(SECOND), "--anlegen", "--outbox", out]).exit_code == 0
    items = json.loads(runner.invoke(main, ["actions", "list", "--outbox", out, "--format", "json"]).output)
    assert len(items) > 5
    first = items[0]["id"]
    assert runner.invoke(main, ["actions", "set", first, "--outbox", out, "--status", "done", "--by", "Test"]).exit_code == 0
    assert runner.invoke(main, ["process", str(EXAMPLE), str(SECOND), "--anlegen", "--outbox", out]).exit_code == 0
    again = json.loads(runner.invoke(main, ["actions", "list", "--outbox", out, "--format", "json"]).output)
    assert len(again) == len(items)
    assert next(i for i in again if i["id"] == first)["status"] == "done"
    # nothing was written to the SQLite default: the URL decided
    assert not (tmp_path / "out" / ".protokollant" / "register.sqlite3").exists()
