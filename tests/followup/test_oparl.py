"""`protokollant export oparl`: objects meet OParl 1.1's property types and required fields
(tests/oparl_rules.py; scripts/check_oparl.py checks an export against the official schema files)."""
import json

import jsonschema
import pytest
from click.testing import CliRunner

from tests.followup_docs import three_meetings
from tests.oparl_rules import schema
from protokollant.cli import main


def validate(obj, name):
    jsonschema.validate(obj, schema(name), format_checker=jsonschema.FormatChecker())


def run_cli(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    base = tmp_path_factory.mktemp("oparl")
    out = base / "out"
    run_cli("process", *three_meetings(base / "docs"), "--outbox", out, "--model", "blank", "--anlegen")
    target = base / "oparl"
    text = run_cli("export", "oparl", "--outbox", out, "--out", target, "--personen", "--base-url", "https://ris.example.de/oparl")
    assert "3 Sitzungen, 8 Tagesordnungspunkte, 1 Gremium, 3 Dateien, 3 Personen" in text
    return out, target


def objects(target, kind):
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((target / kind).glob("*.json"))]


def test_every_object_validates_against_the_v111_schemas(exported):
    _, target = exported
    kinds = {"meeting": "Meeting", "agendaitem": "AgendaItem", "organization": "Organization", "file": "File", "person": "Person"}
    for folder, name in kinds.items():
        found = objects(target, folder)
        assert found, folder
        for obj in found:
            validate(obj, name)
            assert obj["type"] == f"https://schema.oparl.org/1.1/{name}"
    for meeting in objects(target, "meeting"):  # embedded objects: the schemas only name them ("schema": …)
        validate(meeting["resultsProtocol"], "File")
        for item in meeting["agendaItem"]:
            validate(item, "AgendaItem")


def test_schema_check_is_real(exported):
    _, target = exported
    item = objects(target, "agendaitem")[0]
    del item["order"]
    with pytest.raises(jsonschema.ValidationError):
        validate(item, "AgendaItem")
    meeting = objects(target, "meeting")[0]
    meeting["type"] = "https://schema.oparl.org/1.0/Meeting"
    with pytest.raises(jsonschema.ValidationError):
        validate(meeting, "Meeting")


def test_content_and_vendor_extension(exported):
    _, target = exported
    meetings = sorted(objects(target, "meeting"), key=lambda m: m["protokollant:date"])
    assert [m["protokollant:date"] for m in meetings] == ["2026-01-15", "2026-03-12", "2026-05-07"]
    assert meetings[0]["start"] == "2026-01-15T18:00:00+01:00" and meetings[2]["start"] == "2026-05-07T18:00:00+02:00"
    org = objects(target, "organization")[0]
    assert org["name"] == "Lenkungskreis Ausbildung"
    assert all(m["organization"] == [org["id"]] for m in meetings)
    first = meetings[0]["agendaItem"]
    assert [(a["number"], a["order"], a["name"], a["public"]) for a in first] == [("1", 0, "Kontaktliste", True), ("2", 1, "Haushalt", True)]
    assert first[1]["result"] == "beschlossen" and first[1]["resolutionText"].startswith("Der Lenkungskreis beschließt den Haushaltsplan")
    assert first[1]["protokollant:votes"][0]["yes"] == 5
    task = first[0]["protokollant:tasks"][0]
    assert task["due"] == "2026-02-15" and task["responsible"] == ["Nikolai Petrenko"] and task["institutions"] == ["Jobcenter"]
    assert meetings[0]["resultsProtocol"]["fileName"] == "lk-2026-01-15.docx"
    assert all(p["id"].startswith("https://ris.example.de/oparl/person/") for p in objects(target, "person"))


def test_ids_are_stable(exported, tmp_path):
    out, target = exported
    again = tmp_path / "again"
    run_cli("export", "oparl", "--outbox", out, "--out", again, "--base-url", "https://ris.example.de/oparl")
    assert sorted(p.name for p in (again / "meeting").iterdir()) == sorted(p.name for p in (target / "meeting").iterdir())
    assert not (again / "person").exists()  # persons only on request
    index = json.loads((again / "index.json").read_text(encoding="utf-8"))
    assert index["vendor_prefix"] == "protokollant:" and index["counts"]["agendaitem"] == 8
