"""The first-week checks of a new office (issue 15): one record per content, JSON-only stdout,
missing folders are errors, German status words, German click texts, calendar reminders."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from protokollant.cli import main
from protokollant.register import ENV_URL

ENGLISH_CHROME = ("Usage:", "Options:", "Show this message and exit.", "Error:", "Try '", "Commands:", "[OPTIONS]", "Missing argument")


@pytest.fixture(autouse=True)
def _env(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)
    monkeypatch.setenv("PROTOKOLLANT_ICS_ERINNERUNG", "")


def minutes(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("Protokoll der Sitzung des Arbeitskreises Ausbildung")
    doc.add_paragraph("Datum: 12.03.2026")
    doc.add_paragraph("Anwesend: Jana Berger (Jobcenter Musterstadt), Sven Kowalski (Stadt Musterstadt)")
    doc.add_heading("TOP 1 Fachtag", level=1)
    doc.add_paragraph("Frau Berger versendet die Einladung zum Fachtag bis zum 31.03.2026.")
    doc.add_paragraph("Herr Kowalski erstellt bis 15.04.2026 eine Übersicht der Praktikumsplätze.")
    doc.add_paragraph("Herr Kowalski prüft die Raumfrage.")
    doc.save(path)
    return path


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def processed(tmp_path):
    """Three inputs with identical content (same path twice, a copy under another name) → one record."""
    src = minutes(tmp_path / "kopie.docx")
    shutil.copy(src, tmp_path / "andere.docx")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("process", "--model", "blank", "--json-summary", "--outbox", str(out),
                 str(src), str(src), str(tmp_path / "." / "kopie.docx"), str(tmp_path / "andere.docx"))
    return tmp_path, out, result


def test_identical_content_is_one_record_and_stdout_is_json(processed):
    tmp_path, out, result = processed
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)  # nothing but JSON on stdout
    assert [s["status"] for s in summary] == ["duplicate", "duplicate", "duplicate", "processed"]
    assert all(s["same_as"].endswith("kopie.docx") for s in summary[:3])
    assert "DUPLIKAT" in result.stderr and "1 verarbeitet" in result.stderr and "3 Duplikate" in result.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["kopie"]
    listed = cli("actions", "list", "--outbox", str(out), "--format", "json")
    items = json.loads(listed.stdout)
    assert len(items) == 3

    # a later copy under a new name: named as duplicate, no second meeting in the register
    shutil.copy(tmp_path / "kopie.docx", tmp_path / "dritte.docx")
    again = cli("process", "--model", "blank", "--outbox", str(out), str(tmp_path / "dritte.docx"))
    assert again.exit_code == 0 and "gleicher Inhalt wie kopie/" in again.stderr
    assert len(json.loads(cli("actions", "list", "--outbox", str(out), "--format", "json").stdout)) == 3
    assert "3 Aufgaben, davon" in cli("actions", "list", "--outbox", str(out)).stdout


def test_german_status_words_and_history(processed):
    _, out, _ = processed
    items = json.loads(cli("actions", "list", "--outbox", str(out), "--format", "json").stdout)
    item_id = items[0]["id"]
    assert cli("actions", "set", item_id, "--status", "erledigt", "--outbox", str(out)).exit_code == 0
    done = cli("actions", "list", "--status", "erledigt", "--outbox", str(out))
    assert done.exit_code == 0 and item_id in done.stdout and "1 Aufgabe," in done.stdout
    assert cli("actions", "list", "--status", "offen", "--status", "bestätigt", "--outbox", str(out)).exit_code == 0
    history = cli("actions", "history", item_id, "--outbox", str(out)).stdout
    assert "Status" in history and "offen → erledigt" in history and "Uhr" in history
    assert "created" not in history and "open → done" not in history
    wrong = cli("actions", "list", "--status", "fertig", "--outbox", str(out))
    assert wrong.exit_code == 2 and "kein Status" in wrong.output and "erledigt" in wrong.output


def test_ics_has_alarm_calendar_name_and_skips_done(processed, tmp_path):
    _, out, _ = processed
    items = json.loads(cli("actions", "list", "--outbox", str(out), "--format", "json").stdout)
    dated = [i for i in items if i["due"]["date"]]
    cli("actions", "set", dated[0]["id"], "--status", "done", "--outbox", str(out))
    ics = tmp_path / "fristen.ics"
    result = cli("actions", "export", "--format", "ics", "--out", str(ics), "--outbox", str(out))
    text = ics.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == len(dated) - 1 == 1
    assert text.count("BEGIN:VALARM") == 1 and "TRIGGER:-P3D" in text and "X-WR-CALNAME:Protokollant – Fristen" in text
    assert dated[0]["id"] not in text
    assert "1 Termin nach" in result.stdout and "1 Aufgabe ohne Frist" in result.stdout and "1 erledigt" in result.stdout
    cli("actions", "export", "--format", "ics", "--out", str(ics), "--outbox", str(out), "--erinnerung", "7", "--kalendername", "AK Ausbildung")
    text = ics.read_text(encoding="utf-8")
    assert "TRIGGER:-P7D" in text and "X-WR-CALNAME:AK Ausbildung" in text


def test_missing_locations_exit_2_and_are_not_created(tmp_path):
    missing = tmp_path / "gibtsnicht"
    result = cli("run", "--inbox", str(missing), "--outbox", str(tmp_path / "aus"))
    assert result.exit_code == 2 and "Eingangsordner" in result.stderr and "protokollant init" in result.stderr
    assert not missing.exists() and not (tmp_path / "aus").exists()
    listed = cli("actions", "list", "--outbox", str(tmp_path / "leer"))
    assert listed.exit_code == 2 and not (tmp_path / "leer").exists()
    (tmp_path / "leer").mkdir()
    listed = cli("actions", "list", "--outbox", str(tmp_path / "leer"))
    assert listed.exit_code == 2 and "Kein Aufgabenregister" in listed.stderr
    assert list((tmp_path / "leer").iterdir()) == []
    src = minutes(tmp_path / "a.docx")
    result = cli("process", "--model", "blank", "--outbox", str(tmp_path / "neu"), str(src))
    assert result.exit_code == 2 and not (tmp_path / "neu").exists()
    created = cli("init", "--inbox", str(tmp_path / "ein"), "--outbox", str(tmp_path / "neu"))
    assert created.exit_code == 0 and (tmp_path / "ein" / "failed").is_dir() and (tmp_path / "neu").is_dir()


@pytest.mark.parametrize("args", [
    ["--help"], ["process", "--help"], ["actions", "--help"], ["actions", "list", "--help"], ["run", "--help"],
    ["process"], ["gibtsnicht"], ["actions", "export", "--format", "pdf", "--out", "x"], ["review", "--port", "abc"],
])
def test_click_texts_are_german(args):
    result = CliRunner().invoke(main, args)
    text = result.output
    assert text and not [w for w in ENGLISH_CHROME if w in text], text
    if args[-1] != "--help":
        assert result.exit_code == 2 and "Fehler:" in text and "Aufruf:" in text


def test_evaluate_on_empty_folders_is_a_german_error(tmp_path):
    result = cli("evaluate", str(tmp_path), str(tmp_path))
    assert result.exit_code == 1 and "Keine annotierten Protokolle" in result.output


def test_forget_removes_a_meeting_everywhere(processed):
    tmp_path, out, _ = processed
    inbox = tmp_path / "eingang"
    (inbox / "processed").mkdir(parents=True)
    shutil.copy(tmp_path / "kopie.docx", inbox / "processed" / "kopie.docx")
    (inbox / "processed" / "fremd.docx").write_bytes(b"anderer Inhalt")
    result = cli("forget", "kopie", "--outbox", str(out), "--inbox", str(inbox), "--ja")
    assert result.exit_code == 0, result.output
    assert "GELÖSCHT kopie" in result.stderr and "3 Aufgaben" in result.stderr
    assert not (out / "kopie").exists()
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == ["fremd.docx"]
    assert json.loads(cli("actions", "list", "--outbox", str(out), "--format", "json").stdout) == []
    again = cli("forget", "kopie", "--outbox", str(out), "--inbox", str(inbox), "--ja")
    assert again.exit_code == 1 and "Keine Sitzung" in again.stderr


def test_retention_forgets_old_meetings_only(processed):
    import datetime as dt

    from protokollant.forget import apply_retention, meetings_older_than

    tmp_path, out, _ = processed
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    assert meetings_older_than(out, 30, today=dt.date(2026, 3, 20)) == []
    assert meetings_older_than(out, 30, today=dt.date(2026, 5, 1)) == ["kopie"]
    reports = apply_retention(inbox, out, 30, today=dt.date(2026, 5, 1))
    assert [r.stem for r in reports] == ["kopie"] and not (out / "kopie").exists()


def test_prefect_home_defaults_into_the_outbox(tmp_path, monkeypatch):
    import os

    from protokollant.prefect_home import use_outbox_prefect_home

    monkeypatch.delenv("PREFECT_HOME", raising=False)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    home = use_outbox_prefect_home(tmp_path / "out")
    assert home == (tmp_path / "out" / ".protokollant" / "prefect").resolve() and os.environ["PREFECT_HOME"] == str(home)
    monkeypatch.setenv("PREFECT_HOME", "/srv/eigen")
    assert use_outbox_prefect_home(tmp_path / "out") is None and os.environ["PREFECT_HOME"] == "/srv/eigen"


def test_impossible_date_is_explained_in_german(processed):
    _, out, _ = processed
    item_id = json.loads(cli("actions", "list", "--outbox", str(out), "--format", "json").stdout)[0]["id"]
    result = CliRunner().invoke(main, ["actions", "set", item_id, "--due", "31.02.2026", "--outbox", str(out)])
    assert result.exit_code == 1 and "diesen Tag gibt es im Kalender nicht" in result.output
    assert "out of range" not in result.output and "Error" not in result.output


def test_process_names_what_a_folder_scan_leaves_out(tmp_path):
    folder = tmp_path / "ordner"
    (folder / "alt").mkdir(parents=True)
    minutes(folder / "sitzung.docx")
    (folder / "scan.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out"
    result = cli("process", "--model", "blank", "--anlegen", "--outbox", str(out), str(folder))
    assert result.exit_code == 0 and result.stdout == ""
    assert "scan.pdf: PDF-Datei" in result.stderr and "PDF: bitte die Word-Fassung" in result.stderr
    assert "alt: Unterordner" in result.stderr and "1 verarbeitet" in result.stderr


def test_nightly_retention_step_uses_the_setting(processed, monkeypatch):
    import logging

    from protokollant.orchestration.minutes import apply_retention_step
    from protokollant.inbox import InboxRunSummary

    tmp_path, out, _ = processed
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    summary = InboxRunSummary(inbox=str(inbox), outbox=str(out), started="2026-05-01T02:00:00+00:00")
    log = logging.getLogger("test")
    monkeypatch.delenv("PROTOKOLLANT_AUFBEWAHRUNG", raising=False)
    assert apply_retention_step(summary, str(inbox), str(out), None, log) == []  # no setting: nothing deleted
    assert (out / "kopie").is_dir()
    monkeypatch.setenv("PROTOKOLLANT_AUFBEWAHRUNG", "30")  # the meeting (12.03.2026) is older than 30 days
    assert apply_retention_step(summary, str(inbox), str(out), None, log) == ["kopie"]
    assert not (out / "kopie").exists() and "Aufbewahrungsfrist" in summary.message
