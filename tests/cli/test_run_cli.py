"""`protokollant run` as a new office sees it (issue 15): every inbox entry named in German on
stderr, only JSON on stdout, no Prefect banner, Prefect's database inside the outbox."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx

from tests.paths import ROOT



def _minutes(path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Protokoll der Sitzung des Arbeitskreises Ausbildung")
    doc.add_paragraph("Datum: 12.03.2026")
    doc.add_heading("TOP 1 Fachtag", level=1)
    doc.add_paragraph("Frau Berger versendet die Einladung zum Fachtag bis zum 31.03.2026.")
    doc.save(path)


def test_run_accounts_for_every_entry(tmp_path):
    inbox, outbox = tmp_path / "eingang", tmp_path / "ausgang"
    inbox.mkdir()
    outbox.mkdir()
    _minutes(inbox / "sitzung.docx")
    shutil.copy(inbox / "sitzung.docx", inbox / "kopie.docx")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.7 ...")
    (inbox / "notiz.txt").write_text("Bitte Protokoll nachreichen", encoding="utf-8")
    (inbox / "~$sitzung.docx").write_bytes(b"owner")
    (inbox / "Archiv").mkdir()
    old = time.time() - 3600
    for p in inbox.iterdir():
        os.utime(p, (old, old))
    env = dict(os.environ, PYTHONPATH=str(ROOT), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_HOME", None)  # the default must be the outbox, not ~/.prefect
    env.pop("PREFECT_API_URL", None)
    env["HOME"] = str(tmp_path / "home")

    p = subprocess.run([sys.executable, "-m", "protokollant.cli", "run", "--inbox", str(inbox), "--outbox", str(outbox),
                        "--model", "blank", "--json-summary"], env=env, capture_output=True, text=True, timeout=240, cwd=tmp_path)

    assert p.returncode == 1, p.stderr  # two files rejected
    summary = json.loads(p.stdout)
    assert summary["counts"]["processed"] == 1 and summary["counts"]["duplicates"] == 1
    assert sorted(f["file"] for f in summary["failed"]) == ["notiz.txt", "scan.pdf"]
    err = p.stderr
    assert "OK       " in err and "DUPLIKAT" in err
    assert "PDF: bitte die Word-Fassung" in err and "notiz.txt" in err
    assert "Archiv: Unterordner" in err and "~$sitzung.docx: Word-Sperrdatei" in err
    assert "Starting temporary server" not in err and "prefect.io" not in err
    assert sorted(x.name for x in (inbox / "failed").iterdir()) == ["notiz.txt", "notiz.txt.error.json", "scan.pdf", "scan.pdf.error.json"]
    assert (outbox / ".protokollant" / "prefect" / "prefect.db").is_file()
    assert not (tmp_path / "home" / ".prefect").exists()
