#!/usr/bin/env python3
"""Generate the bundled example minutes: examples/kog-sitzung-2026-03-12.docx.

A fictitious but realistic set of minutes ("Protokoll") of a municipal
coordination committee on the integration of migrants into training and work,
written the way a city office writes them. City ("Musterstadt"), people and
figures are invented; no real person is named.

The document deliberately exercises what the extractor has to handle: a title
line, a header table (Datum/Zeit/Ort/Leitung/Protokoll), attendance lists
(as a bulleted list and inline), agenda items as Word headings with sub-items,
a report that is *not* a decision, a formal decision with a vote count, an
agreement, a postponed item that is *not* a decision, tasks in prose (with
full names, institutions, initials and a "TODO (JB):" note), a task table
"Was | Wer | Bis wann", a task marked "(erledigt)" and the next meeting date.

The output is byte-for-byte reproducible: core properties are fixed and the
zip container is rewritten with fixed timestamps.

    python scripts/make_example.py [--out PATH]
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling helper, also when loaded by path (tests)
from reproducible_zip import deterministic_zip  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT_ROOT / "examples" / "kog-sitzung-2026-03-12.docx"

CREATED = dt.datetime(2026, 3, 13, 9, 0, 0, tzinfo=dt.timezone.utc)
ZIP_DATE_TIME = (2026, 3, 13, 9, 0, 0)

TITLE = (
    "Protokoll der 14. Sitzung des Koordinierungsgremiums "
    "„Integration von Migrantinnen und Migranten in Ausbildung und Arbeit“"
)
AUTHOR = "Jana Berger"

HEADER_ROWS = [
    ("Datum:", "12. März 2026"),
    ("Zeit:", "14:00 – 16:30 Uhr"),
    ("Ort:", "Agentur für Arbeit Musterstadt, Raum 2.14"),
    ("Leitung:", "Markus Albrecht (Agentur für Arbeit Musterstadt)"),
    ("Protokoll:", "Jana Berger (Stadt Musterstadt, Referat Migration und Integration)"),
]

PRESENT = [
    "Markus Albrecht, Agentur für Arbeit Musterstadt (Vorsitz)",
    "Dr. Aylin Yilmaz, Stadt Musterstadt, Referat Migration und Integration",
    "Jana Berger, Stadt Musterstadt, Referat Migration und Integration (Geschäftsstelle, Protokoll)",
    "Sven Kowalski, Jobcenter Musterstadt",
    "Petra Lindner, Industrie- und Handelskammer Musterstadt",
    "Frank Ochs, Handwerkskammer Musterstadt",
    "Dr. Miriam Feld, Sächsisches Staatsministerium für Wirtschaft, Arbeit und Tourismus (beratend)",
    "Nikolai Petrenko, IQ Netzwerk Sachsen, Teilprojekt Musterstadt",
    "Laura Schubert, Welcome Center Musterstadt",
    "Samir Haddad, Brückenschlag Musterstadt e.V.",
    "Claudia Vogt, Bildungszentrum Musterstadt GmbH",
    "Tobias Reimann, Landesamt für Schule und Bildung, Standort Musterstadt",
]
EXCUSED = (
    "Anja Roth (DGB Region Musterstadt), "
    "Michael Sander (Ausländerbehörde der Stadt Musterstadt)"
)
GUESTS = (
    "Elena Marić (Berufliches Schulzentrum Musterstadt-Nord, zu TOP 5), "
    "Jonas Keller (Universität Musterstadt, Career Service, zu TOP 6)"
)

TASK_TABLE = [
    ("Was", "Wer", "Bis wann"),
    (
        "Einladung und Programm für den Fachtag „Vielfalt in der Ausbildung“ an die Mitglieder versenden",
        "Frau Lindner (IHK)",
        "KW 18",
    ),
    (
        "Aktuelle Zahlen zu erwerbsfähigen Leistungsberechtigten aus der Ukraine für das Gremium aufbereiten",
        "Jobcenter (Herr Kowalski)",
        "bis zur nächsten Sitzung",
    ),
    (
        "Abschlussbericht des Projekts „Deutsch am Arbeitsplatz“ vorlegen",
        "Frau Vogt, Herr Ochs",
        "30.06.2026",
    ),
]


# --------------------------------------------------------------------------- helpers


def _set_language(document, lang: str = "de-DE") -> None:
    """Default run language (docDefaults) so Word proofs the text as German."""
    styles = document.styles.element
    doc_defaults = styles.find(qn("w:docDefaults"))
    rpr_default = doc_defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = OxmlElement("w:lang")
        rpr.append(lang_el)
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)


def _labelled(document, label: str, text: str):
    """A paragraph "Label: text" with the label in bold."""
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(" " + text)
    return paragraph


def _cell_text(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.add_run(text).bold = bold


def _repeat_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def _page_number_field(paragraph) -> None:
    """Append a PAGE field (rendered by Word) to a paragraph."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --------------------------------------------------------------------------- document


def build_document():
    document = Document()

    # Page setup: A4, office margins, German language, a plain sans-serif font.
    section = document.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    section.left_margin = Cm(2.5)
    section.right_margin = Cm(2.0)
    section.top_margin = Cm(2.0)
    section.bottom_margin = Cm(2.0)
    _set_language(document)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)

    header = section.header.paragraphs[0]
    header.text = "Stadt Musterstadt · Referat Migration und Integration · Geschäftsstelle Koordinierungsgremium"
    footer = section.footer.paragraphs[0]
    footer.text = "Protokoll der 14. Sitzung vom 12. März 2026 – Seite "
    _page_number_field(footer)

    props = document.core_properties
    props.title = "Protokoll der 14. Sitzung des Koordinierungsgremiums"
    props.subject = "Integration von Migrantinnen und Migranten in Ausbildung und Arbeit"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.keywords = "Koordinierungsgremium; Protokoll; Integration; Ausbildung; Arbeit"
    props.language = "de-DE"
    props.category = "Protokoll"
    props.comments = ""
    props.created = CREATED
    props.modified = CREATED
    props.last_printed = CREATED
    props.revision = 1

    # ------------------------------------------------------------ title + header
    document.add_heading(TITLE, level=0)

    table = document.add_table(rows=0, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for label, value in HEADER_ROWS:
        cells = table.add_row().cells
        _cell_text(cells[0], label, bold=True)
        _cell_text(cells[1], value)
    for row in table.rows:
        row.cells[0].width = Cm(3.0)
        row.cells[1].width = Cm(13.5)

    anwesend = document.add_paragraph()
    anwesend.add_run("Anwesend:").bold = True
    for line in PRESENT:
        document.add_paragraph(line, style="List Bullet")
    _labelled(document, "Entschuldigt:", EXCUSED)
    _labelled(document, "Gäste:", GUESTS)

    # ------------------------------------------------------------ TOP 1
    document.add_heading("TOP 1: Begrüßung und Genehmigung der Tagesordnung", level=1)
    document.add_paragraph(
        "Herr Albrecht begrüßt die Mitglieder und die Gäste in der Agentur für Arbeit "
        "Musterstadt und stellt die Beschlussfähigkeit fest. Von den 12 anwesenden "
        "Mitgliedern sind 10 stimmberechtigt. Die Tagesordnung wird ohne Änderungen genehmigt."
    )

    # ------------------------------------------------------------ TOP 2
    document.add_heading("TOP 2: Protokoll der 13. Sitzung", level=1)
    document.add_paragraph(
        "Frau Lindner bittet darum, in TOP 4 des Protokolls die Bezeichnung des Förderprogramms "
        "zu berichtigen. Mit dieser Änderung wird das Protokoll der 13. Sitzung vom "
        "27. November 2025 einstimmig genehmigt."
    )

    # ------------------------------------------------------------ TOP 3
    document.add_heading("TOP 3: Bilanz Arbeitsmarktintegration 2025 und Ausblick 2026", level=1)
    document.add_heading("3.1 Bericht der Agentur für Arbeit und des Jobcenters", level=2)
    document.add_paragraph(
        "Herr Albrecht berichtet, dass die Arbeitslosigkeit in Musterstadt im Laufe des Jahres "
        "2025 gestiegen ist (Dezember 2025: 7,4 %, Vorjahresmonat: 6,9 %). Die Zahl der "
        "gemeldeten Arbeitsstellen ist um rund 8 % zurückgegangen; der Wettbewerb um offene "
        "Stellen hat sich vor allem für Menschen mit Unterstützungsbedarf verschärft."
    )
    document.add_paragraph(
        "Herr Kowalski ergänzt für das Jobcenter, dass 2025 rund 1.140 Menschen mit "
        "Fluchtgeschichte eine sozialversicherungspflichtige Beschäftigung aufgenommen haben, "
        "davon 310 aus der Ukraine. Der Anteil der Arbeitsaufnahmen in Helfertätigkeiten bleibt "
        "mit etwa 45 % hoch."
    )
    document.add_heading("3.2 Ausblick 2026 aus Sicht der Kammern", level=2)
    document.add_paragraph(
        "Frau Lindner und Herr Ochs berichten, dass die Zahl der neuen Ausbildungsverträge mit "
        "Auszubildenden ausländischer Staatsangehörigkeit 2025 erneut gestiegen ist (IHK: +6 %, "
        "HWK: +4 %). Die Betriebe melden jedoch häufiger Schwierigkeiten der Auszubildenden mit "
        "der Fachsprache in der Berufsschule. Für 2026 erwarten beide Kammern eine stabile "
        "Ausbildungsnachfrage bei zurückhaltender Einstellungsbereitschaft."
    )
    document.add_paragraph(
        "Das Gremium nimmt die Berichte zur Kenntnis. Die Präsentationen liegen dem Protokoll "
        "als Anlage 1 bei."
    )

    # ------------------------------------------------------------ TOP 4
    document.add_heading("TOP 4: Handlungsempfehlungen der AG „Ausbildung und Arbeit“", level=1)
    document.add_paragraph(
        "Frau Vogt stellt als Sprecherin der Arbeitsgruppe den Entwurf der Handlungsempfehlungen "
        "vor (Anlage 2). Schwerpunkte sind die Erreichbarkeit der Behörden – feste "
        "Ansprechpersonen und Terminvergabe auch ohne Online-Zugang – sowie ein "
        "niedrigschwelliger und diskriminierungssensibler Zugang zu Beratung und Leistungen."
    )
    document.add_paragraph(
        "In der Aussprache regt Herr Haddad an, bei Erstgesprächen regelmäßig Sprachmittlung "
        "anzubieten. Empfehlung 3 wird entsprechend ergänzt. Herr Reimann kündigt an, sich zu "
        "enthalten, da einzelne Empfehlungen die Schulverwaltung des Landes betreffen."
    )
    beschluss = document.add_paragraph()
    beschluss.add_run("Beschluss:").bold = True
    beschluss.add_run(
        " Das Koordinierungsgremium beschließt die Handlungsempfehlungen der AG „Ausbildung und "
        "Arbeit“ in der Fassung vom 12. März 2026 und bittet die Mitgliedsinstitutionen, sie in "
        "ihrem Zuständigkeitsbereich umzusetzen. Der Beschluss wird mit 9 Ja-Stimmen, "
        "0 Gegenstimmen und 1 Enthaltung angenommen."
    )
    document.add_paragraph(
        "Die Geschäftsstelle veröffentlicht die beschlossenen Handlungsempfehlungen bis "
        "31.03.2026 auf der Internetseite der Stadt Musterstadt."
    )

    # ------------------------------------------------------------ TOP 5
    document.add_heading("TOP 5: Übergänge aus den Vorbereitungsklassen", level=1)
    document.add_paragraph(
        "Frau Marić berichtet aus dem Beruflichen Schulzentrum Musterstadt-Nord: Im Schuljahr "
        "2025/26 lernen an den berufsbildenden Schulen der Stadt rund 230 Jugendliche in "
        "14 Vorbereitungsklassen (VK-Klassen). Etwa die Hälfte erreicht bis zum Schuljahresende "
        "das Sprachniveau B1. Für viele fehle danach ein passender Anschluss, weil Angebote der "
        "Berufsorientierung zu spät oder nur auf Deutsch bekannt gemacht würden."
    )
    document.add_paragraph(
        "Herr Reimann weist darauf hin, dass das Landesamt die Zuweisung in die VK-Klassen "
        "künftig früher mit den Schulen abstimmen will. Die Mitglieder sind sich einig, dass die "
        "Angebote der Berufsberatung, der Kammern und der Bildungsträger an den Schulen besser "
        "sichtbar werden müssen."
    )
    document.add_paragraph(
        "Frau Dr. Yilmaz (Referat Migration und Integration) stellt bis 15.04. eine Übersicht der "
        "Anschlussangebote für Absolventinnen und Absolventen der VK-Klassen zusammen."
    )
    document.add_paragraph(
        "Die IHK und die Handwerkskammer prüfen bis Ende April, ob für Jugendliche aus den "
        "VK-Klassen zusätzliche Praktikumsplätze in Mitgliedsbetrieben gewonnen werden können."
    )
    document.add_paragraph(
        "NP bietet den Abschlussklassen bis zu den Sommerferien je eine Informationsveranstaltung "
        "zur Anerkennung ausländischer Abschlüsse an."
    )
    document.add_paragraph(
        "TODO (JB): Termin für ein Fachgespräch mit den Schulleitungen der berufsbildenden "
        "Schulen abstimmen und dazu einladen."
    )

    # ------------------------------------------------------------ TOP 6
    document.add_heading("TOP 6: Kooperationsverbund Welcome Center", level=1)
    document.add_paragraph(
        "Frau Schubert stellt den Stand des Kooperationsverbunds vor. Seit Januar 2026 bieten das "
        "Welcome Center, die Agentur für Arbeit, das IQ Netzwerk und die Ausländerbehörde eine "
        "gemeinsame Sprechstunde für internationale Fachkräfte an (dienstags von 10 bis 14 Uhr). "
        "Bis Ende Februar fanden 186 Beratungen statt, überwiegend zur Anerkennung von "
        "Berufsabschlüssen und zum Aufenthaltsrecht."
    )
    document.add_paragraph(
        "Das Gremium einigt sich darauf, die gemeinsame Sprechstunde bis Ende 2026 fortzuführen "
        "und im Herbst auszuwerten."
    )
    document.add_paragraph(
        "Herr Keller schlägt vor, die Kooperationsvereinbarung um die Universität Musterstadt zu "
        "erweitern, damit auch internationale Studierende beim Berufseinstieg beraten werden. "
        "Der Vorschlag wird auf die nächste Sitzung vertagt."
    )

    # ------------------------------------------------------------ TOP 7
    document.add_heading("TOP 7: Verschiedenes", level=1)
    document.add_paragraph("Folgende Aufgaben wurden vereinbart:")
    tasks = document.add_table(rows=0, cols=3)
    tasks.style = document.styles["Table Grid"]
    for i, row_values in enumerate(TASK_TABLE):
        cells = tasks.add_row().cells
        for cell, value in zip(cells, row_values):
            _cell_text(cell, value, bold=(i == 0))
    _repeat_header_row(tasks.rows[0])
    for row in tasks.rows:
        row.cells[0].width = Cm(9.5)
        row.cells[1].width = Cm(4.0)
        row.cells[2].width = Cm(3.0)
    document.add_paragraph(
        "Aus der 13. Sitzung: Die Liste der Ansprechpersonen der Mitgliedsinstitutionen wurde "
        "von Herrn Petrenko aktualisiert und an alle Mitglieder versandt (erledigt)."
    )
    document.add_paragraph(
        "Herr Haddad weist auf das interkulturelle Stadtteilfest am 20. Juni 2026 hin, bei dem "
        "sich die Mitgliedsinstitutionen mit eigenen Ständen beteiligen können."
    )

    # ------------------------------------------------------------ closing
    _labelled(document, "Nächste Sitzung:", "11. Juni 2026, 14:00 Uhr, Jobcenter Musterstadt")
    _labelled(
        document,
        "Anlagen:",
        "1. Präsentationen Agentur für Arbeit, Jobcenter und Kammern; "
        "2. Handlungsempfehlungen der AG „Ausbildung und Arbeit“ (Fassung vom 12. März 2026)",
    )
    document.add_paragraph("Musterstadt, 13. März 2026")
    document.add_paragraph("gez. Jana Berger")
    return document


def build_bytes() -> bytes:
    buffer = io.BytesIO()
    build_document().save(buffer)
    return deterministic_zip(buffer.getvalue(), ZIP_DATE_TIME)


def write_example(out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = build_bytes()
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output path (default: {DEFAULT_OUT.relative_to(PROJECT_ROOT)})")
    args = parser.parse_args(argv)
    path = write_example(args.out)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
