"""Decision log and carry-over across three meetings of one body (built with python-docx, processed for real)."""
import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from tests.followup_docs import BODY, minutes, three_meetings
from protokollant.cli import main
from protokollant.followup.bodies import load_bodies
from protokollant.review import create_app


def run_cli(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def outbox(tmp_path_factory):
    base = tmp_path_factory.mktemp("followup")
    docs = three_meetings(base / "docs")
    out = base / "out"
    for doc in docs:  # one meeting after the other, as the office receives them
        run_cli("process", doc, "--outbox", out, "--model", "blank", "--anlegen")
    return out


def section(html: str) -> str:
    start = html.index('<section class="uebertrag"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[start:html.index("</section>", start)]))


def test_decisions_list_json_spans_the_meetings(outbox):
    data = json.loads(run_cli("decisions", "list", "--outbox", outbox, "--format", "json"))
    items = data["items"]
    assert [i["meeting"]["date"] for i in items] == ["2026-01-15", "2026-03-12", "2026-05-07"]
    assert {i["meeting"]["organisation"] for i in items} == {BODY}
    first = items[0]
    assert first["vote"]["yes"] == 5 and first["vote"]["abstain"] == 1 and first["outcome"] == "accepted"
    assert first["topic"]["label"] == "TOP 2"
    assert first["evidence"]["text"].startswith("Der Lenkungskreis beschließt den Haushaltsplan")
    assert first["meeting"]["report"] == "lk-2026-01-15/lk-2026-01-15.html"
    assert (outbox / first["meeting"]["report"]).is_file()


def test_decisions_list_filters_and_formats(outbox):
    data = json.loads(run_cli("decisions", "list", "--outbox", outbox, "--format", "json", "--since", "01.03.2026", "--search", "fachtag"))
    assert [i["meeting"]["date"] for i in data["items"]] == ["2026-05-07"]
    assert json.loads(run_cli("decisions", "list", "--outbox", outbox, "--format", "json", "--organisation", "Stadtrat"))["items"] == []
    table = run_cli("decisions", "list", "--outbox", outbox, "--organisation", "lenkungskreis ausbildung")
    assert "3 Beschlüsse aus 3 Sitzungen." in table and "5 Ja / 0 Nein / 1 Enthaltung" in table
    csv_text = CliRunner().invoke(main, ["decisions", "list", "--outbox", str(outbox), "--format", "csv"]).stdout_bytes.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Datum;Gremium;Sitzung;TOP")
    assert "15.01.2026;Lenkungskreis Ausbildung" in csv_text
    out = run_cli("decisions", "list", "--outbox", outbox, "--since", "morgen", code=2)
    assert "Ungültiges Datum" in out


def test_review_page_has_a_decisions_tab(outbox):
    app = create_app(outbox, secret=b"test-secret")
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert 'href="/beschluesse"' in client.get("/").text
        page = client.get("/beschluesse", params={"search": "Geschäftsordnung"})
        assert page.status_code == 200
        assert "Der Lenkungskreis beschließt einstimmig die Änderung der Geschäftsordnung." in page.text
        assert "Haushaltsplan" not in page.text
        assert "1 von 3 Beschlüssen" in page.text
        assert "Content-Security-Policy" in page.headers
        assert client.get("/beschluesse", params={"since": "gestern"}).status_code == 400


def test_carry_over_section_in_the_last_report(outbox):
    first = (outbox / "lk-2026-01-15" / "lk-2026-01-15.html").read_text(encoding="utf-8")
    assert "Offene Aufgaben aus früheren Sitzungen" not in first  # no earlier meeting
    second = section((outbox / "lk-2026-03-12" / "lk-2026-03-12.html").read_text(encoding="utf-8"))
    assert "als erledigt gemeldet" in second and "Kontaktliste der Mitgliedsinstitutionen wurde von Herrn Petrenko" in second
    last_html = (outbox / "lk-2026-05-07" / "lk-2026-05-07.html").read_text(encoding="utf-8")
    last = section(last_html)
    assert "Aufgaben aus 2 früheren Sitzungen" in last and "2 offen, davon 2 überfällig" in last
    assert "Frau Yilmaz erstellt eine Übersicht der Anschlussangebote" in last
    assert "Sachstand: noch offen" in last and "steht noch aus" in last  # this meeting's progress report, linked
    assert "Frau Berger lädt die Schulen zum Fachtag ein" in last and "keine Meldung – weiterhin offen" in last
    assert "Kontaktliste" not in last  # reported done in the meeting before
    assert 'href="../lk-2026-01-15/lk-2026-01-15.html#absatz-' in last_html


def test_alias_file_joins_a_renamed_body(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    minutes(docs / "a.docx", "15.01.2026", [("Liste", ["Herr Petrenko aktualisiert die Kontaktliste bis 15.02.2026."])],
            organisation="Beirat für Integration")
    minutes(docs / "b.docx", "12.03.2026", [("Bericht", ["Der Beirat nimmt den Bericht zur Kenntnis."])], organisation="Integrationsbeirat")
    out = tmp_path / "out"
    (out).mkdir()
    for name in ("a", "b"):
        run_cli("process", docs / f"{name}.docx", "--outbox", out, "--model", "blank", "--anlegen")
    assert "Offene Aufgaben aus früheren Sitzungen" not in (out / "b" / "b.html").read_text(encoding="utf-8")
    (out / "gremien.txt").write_text("# Gremium: andere Schreibweisen\nIntegrationsbeirat: Beirat für Integration\n", encoding="utf-8")
    assert load_bodies(out).same("Beirat für Integration", "integrationsbeirat")
    run_cli("process", docs / "b.docx", "--outbox", out, "--model", "blank", "--anlegen")
    assert "Herr Petrenko aktualisiert die Kontaktliste" in section((out / "b" / "b.html").read_text(encoding="utf-8"))


def test_malformed_alias_file_is_a_clear_error(outbox, tmp_path):
    bad = tmp_path / "gremien.txt"
    bad.write_text("Integrationsbeirat\n", encoding="utf-8")
    out = run_cli("decisions", "list", "--outbox", outbox, "--gremien", bad, code=1)
    assert "Zeile 1" in out and "gremien.txt" in out


def test_next_meeting_deadline_is_due_in_the_following_meeting(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    minutes(docs / "m1.docx", "15.01.2026", [("Zahlen", ["Frau Berger stellt bis zur nächsten Sitzung die Teilnehmerzahlen zusammen."])])
    minutes(docs / "m2.docx", "12.03.2026", [("Verschiedenes", ["Der Lenkungskreis nimmt den Bericht zur Kenntnis."])])
    minutes(docs / "m3.docx", "07.05.2026", [("Verschiedenes", ["Der Lenkungskreis nimmt den Bericht zur Kenntnis."])])
    out = tmp_path / "out"
    for name in ("m1", "m2", "m3"):
        run_cli("process", docs / f"{name}.docx", "--outbox", out, "--model", "blank", "--anlegen")
    second = section((out / "m2" / "m2.html").read_text(encoding="utf-8"))
    assert "Teilnehmerzahlen" in second and "fällig in dieser Sitzung" in second and "überfällig" not in second
    third = section((out / "m3" / "m3.html").read_text(encoding="utf-8"))
    assert "1 offen, davon 1 überfällig" in third
