"""`protokollant actions …` end to end: real processing (blank pipeline) → register → review → export."""
from __future__ import annotations

import json
from pathlib import Path

import click
import openpyxl
import docx
import pytest
from click.testing import CliRunner

from protokollant.cli.actions import actions
from protokollant.pipeline import Processor
from protokollant.register import ENV_URL, register_result


@pytest.fixture(autouse=True)
def _no_env_url(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


@pytest.fixture(scope="module")
def processor():
    return Processor("blank")


def minutes(path: Path, title: str, date: str, tasks: list[str]) -> Path:
    doc = docx.Document()
    doc.add_paragraph(title)
    doc.add_paragraph(f"Datum: {date}")
    doc.add_paragraph("Anwesend: Jana Berger (Jobcenter Musterstadt), Sven Kowalski (Stadt Musterstadt)")
    doc.add_heading("TOP 1 Fachtag", level=1)
    for task in tasks:
        doc.add_paragraph(task)
    doc.save(path)
    return path


MARCH_TASKS = [
    "Frau Berger versendet die Einladung zum Fachtag bis zum 31.03.2026.",
    "Herr Kowalski erstellt bis 15.04.2026 eine Übersicht der Praktikumsplätze.",
]
APRIL_TASKS = [
    "Herr Kowalski reserviert bis 30.04.2026 den Raum für den Fachtag.",
]


def process(processor, path: Path, outbox: Path):
    result = processor.process_file(path, outbox)
    assert result.ok, result.error
    register_result(outbox, result)
    return result


def run(*args: str) -> str:
    result = CliRunner().invoke(actions, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def list_json(outbox: Path, *extra: str) -> list[dict]:
    return json.loads(run("list", "--outbox", str(outbox), "--format", "json", *extra))


def test_must_show_scenario(processor, tmp_path):
    outbox = tmp_path / "outbox"
    march = minutes(tmp_path / "sitzung-maerz.docx", "Protokoll der 3. Sitzung des Arbeitskreises", "12.03.2026", MARCH_TASKS)
    april = minutes(tmp_path / "sitzung-april.docx", "Protokoll der 4. Sitzung des Arbeitskreises", "16.04.2026", APRIL_TASKS)
    process(processor, march, outbox)
    process(processor, april, outbox)

    items = list_json(outbox, "--today", "2026-04-20")
    assert len(items) == 3
    first = items[0]
    assert {"id", "task", "responsible", "due", "status", "meeting", "evidence"} <= set(first)
    assert first["meeting"] == {"date": "2026-03-12", "title": "Protokoll der 3. Sitzung des Arbeitskreises", "file": "sitzung-maerz.docx", "stem": "sitzung-maerz"}
    assert first["due"]["date"] == "2026-03-31"
    assert first["responsible"] == ["Jana Berger"]
    assert first["institutions"] == ["Jobcenter Musterstadt"]  # the record's institution named in her role
    assert first["evidence"]["text"] == MARCH_TASKS[0]
    assert first["status"] == "open" and first["overdue"] is True

    out = run("set", first["id"], "--outbox", str(outbox), "--status", "done", "--by", "Jana Berger", "--note", "versandt am 30.03.")
    assert first["id"] in out and "erledigt" in out

    process(processor, march, outbox)  # the same minutes again
    again = list_json(outbox)
    assert len(again) == 3
    assert again[0]["id"] == first["id"] and again[0]["status"] == "done" and again[0]["note"] == "versandt am 30.03."

    # a corrected version: same file name, changed text of one task
    corrected = [MARCH_TASKS[0], "Herr Kowalski erstellt bis 15.04.2026 eine vollständige Übersicht der Praktikumsplätze."]
    minutes(march, "Protokoll der 3. Sitzung des Arbeitskreises", "12.03.2026", corrected)
    process(processor, march, outbox)
    after = list_json(outbox)
    assert [i["id"] for i in after] == [i["id"] for i in again]
    assert after[0]["status"] == "done"
    assert after[1]["task"] != again[1]["task"] and "vollständige" in after[1]["evidence"]["text"]

    history = json.loads(run("history", first["id"], "--outbox", str(outbox), "--format", "json"))
    assert [(h["field"], h["new"], h["by"]) for h in history][1:] == [
        ("status", "done", "Jana Berger"), ("note", "versandt am 30.03.", "Jana Berger")]


def test_list_filters_table_and_csv(processor, tmp_path):
    outbox = tmp_path / "outbox"
    process(processor, minutes(tmp_path / "m.docx", "Protokoll", "12.03.2026", MARCH_TASKS), outbox)
    table = run("list", "--outbox", str(outbox), "--today", "20.04.2026")
    assert "2 Aufgaben, davon 2 überfällig" in table
    assert len(list_json(outbox, "--institution", "Jobcenter")) == 1
    assert len(list_json(outbox, "--overdue", "--today", "2026-04-01")) == 1
    assert list_json(outbox, "--status", "done") == []
    csv_out = run("list", "--outbox", str(outbox), "--format", "csv")
    assert csv_out.splitlines()[0].startswith("ID;Aufgabe;Verantwortlich")


def test_set_errors_are_clean(processor, tmp_path):
    outbox = tmp_path / "outbox"
    process(processor, minutes(tmp_path / "m.docx", "Protokoll", "12.03.2026", MARCH_TASKS), outbox)
    runner = CliRunner()
    result = runner.invoke(actions, ["set", "ffffffffffff", "--outbox", str(outbox), "--status", "done"])
    assert result.exit_code == 1 and "Keine Aufgabe" in result.output
    item_id = list_json(outbox)[0]["id"]
    result = runner.invoke(actions, ["set", item_id, "--outbox", str(outbox), "--due", "morgen"])
    assert result.exit_code == 1 and "Ungültiges Datum" in result.output
    result = runner.invoke(actions, ["set", item_id, "--outbox", str(outbox), "--due", "30.06.2026", "--responsible", "Jobcenter Musterstadt"])
    assert result.exit_code == 0, result.output
    item = list_json(outbox)[0]
    assert item["due"]["date"] == "2026-06-30" and item["responsible"] == ["Jobcenter Musterstadt"]


def test_export_formats(processor, tmp_path):
    outbox = tmp_path / "outbox"
    process(processor, minutes(tmp_path / "m.docx", "Protokoll", "12.03.2026", MARCH_TASKS), outbox)
    run("export", "--outbox", str(outbox), "--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbfID;")
    run("export", "--outbox", str(outbox), "--format", "xlsx", "--out", str(tmp_path / "a.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert any("Praktikumsplätze" in str(c.value) for row in sheet.iter_rows() for c in row)
    run("export", "--outbox", str(outbox), "--format", "ics", "--out", str(tmp_path / "a.ics"))
    assert (tmp_path / "a.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 2
    out = run("export", "--outbox", str(outbox), "--format", "html", "--out", str(tmp_path / "listen"))
    files = sorted(p.name for p in (tmp_path / "listen").iterdir())
    assert files == ["Jobcenter_Musterstadt.aufgaben.html", "Stadt_Musterstadt.aufgaben.html"]
    assert "2 Aufgabenlisten" in out


def test_every_command_has_a_beispiel_block():
    ctx = click.Context(actions)
    for name, command in actions.commands.items():
        assert "Beispiel" in (command.help or ""), name
    assert "Beispiel" in actions.get_help(ctx)
