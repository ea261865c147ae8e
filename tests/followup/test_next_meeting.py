"""`protokollant next-meeting`: a Word draft with heading styles and tables from the register."""
import zipfile

from click.testing import CliRunner
from docx import Document as WordDocument

from tests.followup_docs import three_meetings
from protokollant.cli import main
from protokollant.ingest import read_document


def run_cli(*args, code=0):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def test_draft_for_the_next_meeting(tmp_path):
    out = tmp_path / "out"
    run_cli("process", *three_meetings(tmp_path / "docs"), "--outbox", out, "--model", "blank", "--anlegen")
    target = tmp_path / "entwurf" / "naechste-sitzung.docx"
    assert "Vorlage geschrieben" in run_cli("next-meeting", "--outbox", out, "--organisation", "Lenkungskreis Ausbildung",
                                            "--out", target, "--today", "2026-05-20")
    assert zipfile.is_zipfile(target)
    doc = WordDocument(target)
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Vorlage für die nächste Sitzung: Lenkungskreis Ausbildung")
    assert ("Heading 1", "Offene Aufgaben") in headings
    assert [t for s, t in headings if s == "Heading 2"] == ["Industrie- und Handelskammer", "Jobcenter", "Stadtverwaltung"]
    assert ("Heading 1", "Vertagte Tagesordnungspunkte") in headings
    assert ("Heading 1", "Beschlüsse der letzten Sitzung (07.05.2026) zur Bestätigung") in headings
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    assert ["Aufgabe", "Verantwortlich", "Frist", "Aus der Sitzung", "Stand"] in rows
    ihk = next(r for r in rows if r[0].startswith("Frau Yilmaz erstellt"))
    assert ihk[2] == "31.03.2026 – überfällig" and ihk[4] == "Sachstand gemeldet: noch offen"
    assert any(r[1] == "Der Lenkungskreis beschließt, den Fachtag am 10.09.2026 durchzuführen." for r in rows)
    assert all(t.style.name == "Table Grid" for t in doc.tables)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "TOP 3: Wohnraum für Auszubildende – vertagt am 07.05.2026" in text
    # the project's own strict reader opens it as well
    blocks = read_document(target.read_bytes(), name=target.name).blocks
    assert any(b.text == "Offene Aufgaben" and b.heading_level == 1 for b in blocks)


def test_unknown_body_is_an_error(tmp_path):
    out = tmp_path / "out"
    run_cli("process", *three_meetings(tmp_path / "docs"), "--outbox", out, "--model", "blank", "--anlegen")
    message = run_cli("next-meeting", "--outbox", out, "--organisation", "Stadtrat", "--out", tmp_path / "x.docx", code=1)
    assert "Keine verarbeitete Sitzung des Gremiums „Stadtrat“" in message
    assert not (tmp_path / "x.docx").exists()
