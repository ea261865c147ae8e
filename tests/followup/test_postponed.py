"""Postponed and only-noted agenda items (record fields `postponed` / `noted`, schema 1.1)."""
from docx import Document as WordDocument

from protokollant.followup.postponed import NOTED, POSTPONED
from protokollant.pipeline import Processor
from protokollant.schema import SCHEMA_VERSION, json_schema


def test_phrasings():
    for text in ("Der Punkt wird vertagt.", "TOP 4 wird auf die nächste Sitzung verschoben.", "Steuererklärung --> verschoben auf nächste Sitzung.",
                 "Die Beratung wird zurückgestellt.", "Der Antrag wurde von der Tagesordnung abgesetzt.",
                 "Das Thema wird in der nächsten Sitzung erneut beraten.", "Vertagung auf Juni."):
        assert POSTPONED.search(text), text
    for text in ("Der Termin der Feier wird festgelegt.", "Die Sitzung beginnt um 18 Uhr."):
        assert not POSTPONED.search(text), text
    for text in ("Der Bericht wird zur Kenntnis genommen.", "Der Ausschuss nimmt den Sachstandsbericht der Verwaltung zur Kenntnis."):
        assert NOTED.search(text), text


def test_record_fields_from_real_minutes(tmp_path):
    doc = WordDocument()
    doc.add_heading("Protokoll der Sitzung des Sozialausschusses am 12.03.2026", level=1)
    doc.add_heading("TOP 1: Haushalt", level=2)
    doc.add_paragraph("Der Ausschuss beschließt einstimmig den Haushaltsplan.")
    doc.add_heading("TOP 2: Wohnraum für Auszubildende", level=2)
    doc.add_paragraph("Nach kurzer Aussprache wird der Punkt vertagt und in der nächsten Sitzung erneut beraten.")
    doc.add_heading("TOP 3: Bericht der Verwaltung", level=2)
    doc.add_paragraph("Der Ausschuss nimmt den Bericht zur Kenntnis.")
    doc.add_heading("TOP 4: Spielplatz", level=2)
    doc.add_paragraph("Die Entscheidung wird nicht vertagt; der Ausschuss beschließt die Sanierung.")
    path = tmp_path / "sozialausschuss.docx"
    doc.save(path)
    record = Processor("blank").process_file(path, tmp_path / "out").record
    assert record.schema_version == SCHEMA_VERSION == "1.2"
    assert [(p.number, p.title) for p in record.postponed] == [("2", "Wohnraum für Auszubildende")]
    assert record.postponed[0].text.startswith("Nach kurzer Aussprache wird der Punkt vertagt")
    assert [(n.number, n.title) for n in record.noted] == [("3", "Bericht der Verwaltung")]
    assert record.noted[0].evidence.text == "Der Ausschuss nimmt den Bericht zur Kenntnis."
    props = json_schema()["properties"]
    assert "postponed" in props and "noted" in props and "progress_reports" in props  # old fields kept


def test_report_marks_postponed_and_noted_items(tmp_path):
    import re

    doc = WordDocument()
    doc.add_heading("Protokoll der Sitzung des Sozialausschusses am 12.03.2026", level=1)
    doc.add_heading("TOP 1: Wohnraum", level=2)
    doc.add_paragraph("Der Punkt wird auf die nächste Sitzung verschoben.")
    doc.add_heading("TOP 2: Bericht der Verwaltung", level=2)
    doc.add_paragraph("Der Bericht wird zur Kenntnis genommen.")
    doc.save(tmp_path / "a.docx")
    result = Processor("blank").process_file(tmp_path / "a.docx", tmp_path / "out")
    html = re.sub(r"\s+", " ", open(result.outputs["html"], encoding="utf-8").read())
    assert "Wohnraum <span class=\"zaehler\">– vertagt</span>" in html
    assert "Bericht der Verwaltung <span class=\"zaehler\">– zur Kenntnis genommen</span>" in html
