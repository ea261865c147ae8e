"""Across meetings: a later "erledigt" / "steht noch aus" suggests the status of the earlier task."""
from docx import Document as WordDocument

from protokollant.pipeline import Processor
from protokollant.register import Register


def minutes(path, date, *paragraphs):
    doc = WordDocument()
    doc.add_heading(f"Protokoll der Sitzung des Integrationsbeirats am {date}", level=1)
    doc.add_paragraph("Anwesend: Nikolai Petrenko, Anna Yilmaz, Jana Berger")
    doc.add_heading("TOP 1: Kontaktliste", level=2)
    for p in paragraphs:
        doc.add_paragraph(p)
    doc.save(path)
    return path


def test_done_and_still_open_reports_become_suggestions(tmp_path):
    outbox = tmp_path / "out"
    processor = Processor("blank")
    first = minutes(
        tmp_path / "sitzung-1.docx", "12.03.2026",
        "Herr Petrenko aktualisiert die Kontaktliste der Mitgliedsinstitutionen bis 15.04.",
        "Frau Yilmaz erstellt eine Übersicht der Anschlussangebote bis 30.04.",
    )
    second = minutes(
        tmp_path / "sitzung-2.docx", "11.06.2026",
        "Die Kontaktliste der Mitgliedsinstitutionen wurde von Herrn Petrenko aktualisiert und verschickt (erledigt).",
        "Die Übersicht der Anschlussangebote steht noch aus.",
    )
    r1 = processor.process_file(first, outbox)
    r2 = processor.process_file(second, outbox)
    assert [p.status for p in r2.record.progress_reports] == ["done", "open"]
    assert r2.record.action_items == []  # reports are not new open tasks
    with Register.open(outbox) as register:
        register.record_minutes(r1.record, "sitzung-1")
        register.record_minutes(r2.record, "sitzung-2")
        items = {i.task.split()[1]: i for i in register.list_items()}
    assert items["Petrenko"].suggested_status == "done"
    assert items["Petrenko"].status == "open"  # only suggested, never set
    assert items["Yilmaz"].suggested_status == "open"
