"""The `protokollant` command line: process, schema, error handling."""
import hashlib
import json

import jsonschema
from click.testing import CliRunner
from docx import Document as WordDocument

from protokollant.cli import main
from protokollant.schema import MinutesRecord


def write_minutes(path):
    doc = WordDocument()
    doc.add_heading("Protokoll der Sitzung des Integrationsbeirats am 12.03.2026", level=1)
    doc.add_paragraph("Anwesend: Frank Löffler, Anna Yilmaz")
    doc.add_heading("TOP 1: Begrüßung", level=2)
    doc.add_paragraph("Der Antrag wird einstimmig angenommen.")
    doc.add_heading("TOP 2: Praktika", level=2)
    doc.add_paragraph("FL schickt die Liste der Betriebe bis 20.03. an die IHK.")
    doc.save(path)
    return path


def test_process_writes_json_html_csv_and_exits_0(tmp_path):
    src = write_minutes(tmp_path / "-Sitzung März.docx")
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["process", "--anlegen", "--outbox", str(out), "--", str(src)])
    assert result.exit_code == 0, result.output
    folder = out / "Sitzung_März"
    record = MinutesRecord.model_validate_json((folder / "Sitzung_März.json").read_text(encoding="utf-8"))
    assert record.source.file == "-Sitzung März.docx"
    assert record.source.sha256 == before
    assert [t.title for t in record.topics] == ["Begrüßung", "Praktika"]
    assert record.decisions[0].vote.unanimous
    assert record.action_items[0].responsible[0].resolved == "Frank Löffler"
    assert "<html" in (folder / "Sitzung_März.html").read_text(encoding="utf-8")
    assert (folder / "Sitzung_März.aufgaben.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before  # the input is never modified


def test_output_validates_against_the_published_schema(tmp_path):
    src = write_minutes(tmp_path / "a.docx")
    runner = CliRunner()
    assert runner.invoke(main, ["process", str(src), "--anlegen", "--outbox", str(tmp_path / "o")]).exit_code == 0
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    data = json.loads((tmp_path / "o" / "a" / "a.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema_version"] == schema["properties"]["schema_version"]["default"]
    # and the JSON round-trips through the model unchanged
    assert MinutesRecord.model_validate(data).model_dump(mode="json") == data


def test_folder_with_a_bad_file_reports_it_and_exits_1(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    write_minutes(inbox / "gut.docx")
    (inbox / "kaputt.docx").write_bytes(b"%PDF-1.4 not a word file")
    result = CliRunner().invoke(main, ["process", str(inbox), "--anlegen", "--outbox", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "kaputt.docx" in result.output and "kein Word-Dokument" in result.output
    assert (tmp_path / "out" / "gut" / "gut.json").exists()
    assert not (tmp_path / "out" / "kaputt").exists()


def test_missing_path_is_an_error_line(tmp_path):
    result = CliRunner().invoke(main, ["process", str(tmp_path / "fehlt.docx"), "--outbox", str(tmp_path / "o")])
    assert result.exit_code != 0
    assert "fehlt.docx" in result.output


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for command in ("process", "run", "serve", "schema", "evaluate", "review"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0
        assert "Beispiel" in result.output
