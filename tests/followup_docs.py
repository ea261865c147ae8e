"""Minutes of one body over three meetings, built with python-docx, for the follow-up tests."""
from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

BODY = "Lenkungskreis Ausbildung"


def minutes(path: Path, date: str, topics: list[tuple[str, list[str]]], *, organisation: str = BODY,
            attendance: str = "Anwesend: Anna Yilmaz (IHK), Nikolai Petrenko (Jobcenter), Jana Berger (Stadtverwaltung)") -> Path:
    doc = WordDocument()
    doc.add_heading(f"Protokoll der Sitzung des {organisation} am {date}", level=1)
    doc.add_paragraph(attendance)
    doc.add_paragraph("Zeit: 18:00 – 20:00 Uhr")
    for number, (title, paragraphs) in enumerate(topics, start=1):
        doc.add_heading(f"TOP {number}: {title}", level=2)
        for p in paragraphs:
            doc.add_paragraph(p)
    doc.save(path)
    return path


def three_meetings(folder: Path) -> list[Path]:
    """Three meetings of the same body: tasks, decisions with votes, reports on earlier tasks, a postponed item."""
    folder.mkdir(parents=True, exist_ok=True)
    first = minutes(folder / "lk-2026-01-15.docx", "15.01.2026", [
        ("Kontaktliste", [
            "Herr Petrenko aktualisiert die Kontaktliste der Mitgliedsinstitutionen bis 15.02.2026.",
            "Frau Yilmaz erstellt eine Übersicht der Anschlussangebote bis 31.03.2026.",
        ]),
        ("Haushalt", [
            "Der Lenkungskreis beschließt den Haushaltsplan 2026. Abstimmung: 5 Ja, 0 Nein, 1 Enthaltung.",
        ]),
    ])
    second = minutes(folder / "lk-2026-03-12.docx", "12.03.2026", [
        ("Bericht aus den Arbeitsgruppen", [
            "Die Kontaktliste der Mitgliedsinstitutionen wurde von Herrn Petrenko aktualisiert und verschickt (erledigt).",
            "Frau Berger lädt die Schulen zum Fachtag ein bis 30.04.2026.",
        ]),
        ("Satzung", [
            "Der Lenkungskreis beschließt einstimmig die Änderung der Geschäftsordnung.",
        ]),
    ])
    third = minutes(folder / "lk-2026-05-07.docx", "07.05.2026", [
        ("Sachstand", [
            "Die Übersicht der Anschlussangebote steht noch aus.",
        ]),
        ("Fachtag", [
            "Der Lenkungskreis beschließt, den Fachtag am 10.09.2026 durchzuführen. Abstimmung: einstimmig.",
        ]),
        ("Wohnraum für Auszubildende", [
            "Der Punkt wird vertagt und in der nächsten Sitzung erneut beraten.",
        ]),
        ("Bericht des Jobcenters", [
            "Der Lenkungskreis nimmt den Bericht zur Kenntnis.",
        ]),
    ])
    return [first, second, third]
