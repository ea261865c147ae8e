"""The bundled example minutes (scripts/make_example.py -> examples/kog-sitzung-2026-03-12.docx).

Checks the generated document itself (structure and content), not the extraction.
"""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make_example.py"
COMMITTED = ROOT / "examples" / "kog-sitzung-2026-03-12.docx"

TOP_HEADINGS = [
    "TOP 1: Begrüßung und Genehmigung der Tagesordnung",
    "TOP 2: Protokoll der 13. Sitzung",
    "TOP 3: Bilanz Arbeitsmarktintegration 2025 und Ausblick 2026",
    "TOP 4: Handlungsempfehlungen der AG „Ausbildung und Arbeit“",
    "TOP 5: Übergänge aus den Vorbereitungsklassen",
    "TOP 6: Kooperationsverbund Welcome Center",
    "TOP 7: Verschiedenes",
]


def _generate(out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.exists()
    return out


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    return _generate(tmp_path_factory.mktemp("example") / "kog.docx")


@pytest.fixture(scope="module")
def document(example):
    return docx.Document(str(example))


def _body(document) -> list:
    """Paragraphs and tables in body order."""
    items = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            items.append(Paragraph(element, document))
        elif element.tag.endswith("}tbl"):
            items.append(Table(element, document))
    return items


def _paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_generation_is_reproducible(example, tmp_path):
    again = _generate(tmp_path / "again.docx")
    assert again.read_bytes() == example.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def test_committed_example_is_up_to_date(example):
    # Compares the package parts, not the zip bytes: deflate output may differ between zlib builds.
    assert COMMITTED.exists(), "run: python scripts/make_example.py"
    assert _members(COMMITTED) == _members(example), (
        "examples/kog-sitzung-2026-03-12.docx is stale; run: python scripts/make_example.py"
    )


def test_title_and_core_properties(document):
    first = document.paragraphs[0]
    assert first.style.name == "Title"
    assert first.text == (
        "Protokoll der 14. Sitzung des Koordinierungsgremiums "
        "„Integration von Migrantinnen und Migranten in Ausbildung und Arbeit“"
    )
    props = document.core_properties
    assert props.title.startswith("Protokoll der 14. Sitzung")
    assert props.author == "Jana Berger"
    assert props.created.replace(tzinfo=None) == dt.datetime(2026, 3, 13, 9, 0, 0)  # stored as UTC
    assert props.language == "de-DE"


def test_header_table(document):
    header = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in header.rows]
    assert rows == [
        ["Datum:", "12. März 2026"],
        ["Zeit:", "14:00 – 16:30 Uhr"],
        ["Ort:", "Agentur für Arbeit Musterstadt, Raum 2.14"],
        ["Leitung:", "Markus Albrecht (Agentur für Arbeit Musterstadt)"],
        ["Protokoll:", "Jana Berger (Stadt Musterstadt, Referat Migration und Integration)"],
    ]
    # The header table stands right after the title line.
    body = _body(document)
    assert isinstance(body[1], Table) and body[1]._tbl is header._tbl


def test_attendance(document):
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("Anwesend:")
    present = []
    for p in paragraphs[start + 1:]:
        if p.style.name != "List Bullet":
            break
        present.append(p.text)
    assert len(present) == 12
    institutions = " ".join(present)
    for name in (
        "Agentur für Arbeit Musterstadt",
        "Jobcenter Musterstadt",
        "Industrie- und Handelskammer Musterstadt",
        "Handwerkskammer Musterstadt",
        "Referat Migration und Integration",
        "Sächsisches Staatsministerium für Wirtschaft, Arbeit und Tourismus",
        "IQ Netzwerk Sachsen",
        "Welcome Center Musterstadt",
        "e.V.",
        "GmbH",
    ):
        assert name in institutions, name
    assert present[1] == "Dr. Aylin Yilmaz, Stadt Musterstadt, Referat Migration und Integration"
    excused = next(t for t in texts if t.startswith("Entschuldigt:"))
    guests = next(t for t in texts if t.startswith("Gäste:"))
    assert "Anja Roth" in excused and "Michael Sander" in excused
    assert "Elena Marić" in guests and "Jonas Keller" in guests


def test_top_headings(document):
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert [text for style, text in headings if style == "Heading 1"] == TOP_HEADINGS
    assert [text for style, text in headings if style == "Heading 2"] == [
        "3.1 Bericht der Agentur für Arbeit und des Jobcenters",
        "3.2 Ausblick 2026 aus Sicht der Kammern",
    ]


def test_task_table(document):
    assert len(document.tables) == 2
    tasks = document.tables[1]
    rows = [[cell.text for cell in row.cells] for row in tasks.rows]
    assert rows[0] == ["Was", "Wer", "Bis wann"]
    assert [row[1:] for row in rows[1:]] == [
        ["Frau Lindner (IHK)", "KW 18"],
        ["Jobcenter (Herr Kowalski)", "bis zur nächsten Sitzung"],
        ["Frau Vogt, Herr Ochs", "30.06.2026"],
    ]
    # The task table belongs to TOP 7.
    body = _body(document)
    position = next(i for i, item in enumerate(body) if isinstance(item, Table) and item._tbl is tasks._tbl)
    previous_headings = [item.text for item in body[:position] if isinstance(item, Paragraph) and item.style.name == "Heading 1"]
    assert previous_headings[-1] == "TOP 7: Verschiedenes"


def test_decisions_tasks_and_closing_lines(document):
    text = "\n".join(_paragraphs(document))
    for expected in (
        "Die Tagesordnung wird ohne Änderungen genehmigt.",
        "27. November 2025 einstimmig genehmigt.",
        "mit 9 Ja-Stimmen, 0 Gegenstimmen und 1 Enthaltung angenommen.",
        "Frau Dr. Yilmaz (Referat Migration und Integration) stellt bis 15.04. eine Übersicht",
        "Die IHK und die Handwerkskammer prüfen bis Ende April,",
        "NP bietet den Abschlussklassen bis zu den Sommerferien",
        "TODO (JB):",
        "Das Gremium einigt sich darauf,",
        "wird auf die nächste Sitzung vertagt.",
        "(erledigt)",
        "Nächste Sitzung: 11. Juni 2026, 14:00 Uhr, Jobcenter Musterstadt",
    ):
        assert expected in text, expected
    assert _paragraphs(document)[-1] == "gez. Jana Berger"


def test_page_setup_and_header(document):
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    assert "Stadt Musterstadt" in section.header.paragraphs[0].text
