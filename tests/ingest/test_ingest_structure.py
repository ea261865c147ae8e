"""Reader: tables, list labels, headings, headers/footers and core properties."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from protokollant.document import BlockKind
from protokollant.ingest import read_document

from tests import docx_factory as f


def read(data: bytes):
    return read_document(data, name="test.docx")


# --- tables --------------------------------------------------------------------------------

def test_table_rows_with_first_row_as_header():
    body = f.table(f.row("Name", "Aufgabe"), f.row("Anna", "Protokoll"), f.row("Ben", "Kasse"))
    doc = read(f.make_docx(body))
    rows = doc.blocks
    assert [b.kind for b in rows] == [BlockKind.TABLE_ROW] * 3
    assert rows[0].is_header_row and rows[0].header is None
    assert rows[1].cells == ["Anna", "Protokoll"] and rows[1].header == ["Name", "Aufgabe"]
    assert rows[2].text == "Ben | Kasse"
    assert [(b.table_index, b.row_index) for b in rows] == [(0, 0), (0, 1), (0, 2)]


def test_merged_cells_appear_once():
    body = f.table(
        f.row("A", f.cell("B+C", span=2)),
        f.row(f.cell("Senkrecht", vmerge="restart"), "x", "y"),
        f.row(f.cell(vmerge="continue"), "z", "w"),
    )
    rows = read(f.make_docx(body)).blocks
    assert rows[0].cells == ["A", "B+C"]
    assert rows[1].cells == ["Senkrecht", "x", "y"]
    assert rows[2].cells == ["", "z", "w"]
    assert rows[2].text == "z | w"


def test_legacy_horizontal_merge_appears_once():
    merged = '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>' + f.para("Breit") + "</w:tc>"
    continued = '<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p/></w:tc>'
    body = f.table(f.row("Kopf 1", "Kopf 2", "Kopf 3"), "<w:tr>" + merged + continued + f.cell("Rest") + "</w:tr>")
    rows = read(f.make_docx(body)).blocks
    assert rows[1].cells == ["Breit", "Rest"]
    assert rows[1].header == ["Kopf 1", "Kopf 2", "Kopf 3"]


def test_repeat_header_rows_and_merged_header_cells_mapped_by_grid_column():
    body = f.table(
        f.row(f.cell("Punkt", vmerge="restart"), f.cell("Stimmen", span=2), header=True),
        f.row(f.cell(vmerge="continue"), "Ja", "Nein", header=True),
        f.row("TOP 1", "5", "2"),
    )
    rows = read(f.make_docx(body)).blocks
    assert [b.is_header_row for b in rows] == [True, True, False]
    assert rows[2].header == ["Punkt", "Ja", "Nein"]


def test_empty_rows_skipped_and_second_table_counted():
    body = f.table(f.row("Kopf"), f.row("", ""), f.row("Wert")) + f.para("Zwischen") + f.table(f.row("Neu", "Zeile"))
    doc = read(f.make_docx(body))
    assert [(b.text, b.table_index, b.row_index) for b in doc.blocks] == [
        ("Kopf", 0, 0), ("Wert", 0, 2), ("Zwischen", None, None), ("Neu | Zeile", 1, 0)]


def test_nested_table_text_flattened_into_cell():
    inner = f.table(f.row("innen 1", "innen 2"))
    body = f.table(f.row("außen", f.cell(f.para("davor"), inner)))
    rows = read(f.make_docx(body)).blocks
    assert len(rows) == 1
    assert rows[0].cells == ["außen", "davor\ninnen 1 | innen 2"]


def test_one_cell_frame_table_is_read_as_body_text():
    body = f.table(f.row(f.cell(f.para("TOP 1: Begrüßung"), f.para("Die Sitzung wird eröffnet.")))) \
        + f.table(f.row("a", "b"))
    doc = read(f.make_docx(body))
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "TOP 1: Begrüßung"), (BlockKind.PARAGRAPH, "Die Sitzung wird eröffnet."),
        (BlockKind.TABLE_ROW, "a | b")]
    assert doc.blocks[2].table_index == 0


def test_row_and_cell_level_content_controls():
    body = ("<w:tbl><w:tblPr/><w:tblGrid/>" + f.row("Kopf", "Spalte")
            + f.sdt(f.row("in sdt", "Zeile"))
            + "<w:tr>" + f.sdt(f.cell("Zelle in sdt")) + f.cell("normal") + "</w:tr></w:tbl>")
    rows = read(f.make_docx(body)).blocks
    assert [b.cells for b in rows] == [["Kopf", "Spalte"], ["in sdt", "Zeile"], ["Zelle in sdt", "normal"]]


def test_bold_header_row_flag():
    body = f.table(f.row(f.cell(f.para(f.run("Kopf", bold=True)))), f.row(f.cell(f.para(f.run("Wert", bold=False)))))
    rows = read(f.make_docx(body)).blocks
    assert rows[0].bold and not rows[1].bold


# --- numbering -----------------------------------------------------------------------------

NUMBERING = f.numbering_xml(
    f.abstract_num(0, f.level(0, "decimal", "%1."), f.level(1, "decimal", "%1.%2"),
                   f.level(2, "lowerLetter", "%3)")),
    f.abstract_num(1, f.level(0, "bullet", "\uf0b7")),
    f.abstract_num(2, f.level(0, "upperRoman", "%1."), f.level(1, "lowerRoman", "(%2)")),
    f.num(1, 0),
    f.num(2, 0, start_overrides={0: 5}),
    f.num(3, 0),
    f.num(4, 1),
    f.num(5, 2),
)


def labels(body: str, styles: str | None = None) -> list[tuple[str | None, int | None, int | None]]:
    doc = read(f.make_docx(body, numbering=NUMBERING, styles=styles))
    return [(b.list_number, b.list_level, b.list_id) for b in doc.blocks]


def test_multilevel_labels_and_restart_of_deeper_levels():
    body = "".join(f.para(t, num=(1, lvl)) for t, lvl in [
        ("Eins", 0), ("Eins-eins", 1), ("Eins-zwei", 1), ("Buchstabe", 2), ("Zwei", 0), ("Zwei-eins", 1)])
    assert labels(body) == [("1.", 0, 1), ("1.1", 1, 1), ("1.2", 1, 1), ("a)", 2, 1),
                            ("2.", 0, 1), ("2.1", 1, 1)]


def test_documents_sharing_a_numbering_part_count_their_lists_each_from_the_start():
    """The parsed numbering of a part read before is reused (ingest/known_parts.py); the counters are the document's."""
    body = "".join(f.para(t, num=(1, 0)) for t in ("Eins", "Zwei"))
    first, second = labels(body), labels(body)
    assert first == second == [("1.", 0, 1), ("2.", 0, 1)]
    broken = f.make_docx(body, numbering=NUMBERING[:-20])
    for _ in range(2):  # a broken part is never remembered: its warning comes with every document
        assert any("Nummerierungsdefinitionen" in w for w in read(broken).warnings)


def test_list_items_are_list_kind():
    doc = read(f.make_docx(f.para("Punkt", num=(1, 0)), numbering=NUMBERING))
    assert doc.blocks[0].kind is BlockKind.LIST_ITEM


def test_start_override_starts_own_list_and_plain_nums_share_the_counter():
    body = (f.para("a", num=(1, 0)) + f.para("b", num=(1, 0))
            + f.para("override", num=(2, 0)) + f.para("weiter", num=(3, 0)))
    assert [lab for lab, _, _ in labels(body)] == ["1.", "2.", "5.", "3."]


def test_bullets_and_roman_numerals():
    body = (f.para("Punkt", num=(4, 0)) + f.para("Teil", num=(5, 0)) + f.para("Unter", num=(5, 1))
            + f.para("Teil 2", num=(5, 0)) + f.para("Unter", num=(5, 1)) + f.para("Unter", num=(5, 1)))
    assert [lab for lab, _, _ in labels(body)] == ["•", "I.", "(i)", "II.", "(i)", "(ii)"]


def test_empty_numbered_paragraph_still_advances_the_counter():
    body = f.para("eins", num=(1, 0)) + f.para(num=(1, 0)) + f.para("drei", num=(1, 0))
    assert [lab for lab, _, _ in labels(body)] == ["1.", "3."]


def test_numbering_through_paragraph_style_and_num_id_zero_removes_it():
    styles = f.styles_xml(f.style("ListeNummer", "Liste Nummer", num_id=1))
    body = (f.para("über Vorlage", style="ListeNummer") + f.para("zweiter", style="ListeNummer")
            + f.para("ohne", style="ListeNummer", ppr_extra="") .replace(
                "</w:pPr>", '<w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'))
    assert labels(body, styles) == [("1.", 0, 1), ("2.", 0, 1), (None, None, None)]


def test_numbered_labels_in_table_cells_prefix_the_cell_text():
    body = f.table(f.row("Punkte", f.cell(f.para("Begrüßung", num=(1, 0)), f.para("Bericht", num=(1, 0)))))
    doc = read(f.make_docx(body, numbering=NUMBERING))
    assert doc.blocks[0].cells == ["Punkte", "1. Begrüßung\n2. Bericht"]


# --- headings ------------------------------------------------------------------------------

def heading(doc, index: int = 0) -> tuple[BlockKind, int | None, str | None]:
    block = doc.blocks[index]
    return block.kind, block.heading_level, block.heading_source


@pytest.mark.parametrize("style_id, level", [
    ("Heading1", 1), ("Heading3", 3), ("berschrift2", 2), ("Title", 1), ("Titel", 1)])
def test_heading_by_style_id_without_styles_part(style_id, level):
    doc = read(f.make_docx(f.para("Eröffnung der Sitzung.", style=style_id)))
    assert heading(doc) == (BlockKind.HEADING, level, "style")


def test_heading_by_localized_style_name_and_by_outline_level_chain():
    styles = f.styles_xml(
        f.style("Custom1", "Überschrift 1"),
        f.style("TopStil", "TOP-Stil", outline=1),
        f.style("TopAbgeleitet", "TOP abgeleitet", based_on="TopStil"),
        f.style("Koerper", "Text", outline=9),
    )
    body = (f.para("Lokalisiert", style="Custom1") + f.para("Gliederung", style="TopStil")
            + f.para("Geerbt", style="TopAbgeleitet") + f.para("Kein Titel.", style="Koerper"))
    doc = read(f.make_docx(body, styles=styles))
    assert [heading(doc, i) for i in range(4)] == [
        (BlockKind.HEADING, 1, "style"), (BlockKind.HEADING, 2, "style"),
        (BlockKind.HEADING, 2, "style"), (BlockKind.PARAGRAPH, None, None)]
    assert doc.blocks[0].style == "Überschrift 1"


def test_heading_by_direct_outline_level():
    doc = read(f.make_docx(f.para("Gliederungsebene", outline=2)))
    assert heading(doc) == (BlockKind.HEADING, 3, "style")


@pytest.mark.parametrize("text, level", [
    ("TOP 3: Haushalt", 1),
    ("TOP 3.2 Kassenbericht", 2),
    ("TOP 8-13: Besetzung der Ausschüsse", 1),
    ("Tagesordnungspunkt 4", 1),
    ("Tagesordnungspunkt 4 – Wahlen", 1),
    ("Zu TOP 2", 1),
    ("Top 1 – Begrüßung", 1),
    ("TOP Ö 5 – Arbeitsmarktintegration", 1),
    ("3. Haushalt", 1),
    ("3) Haushalt", 1),
    ("3.2 Kassenbericht", 2),
    ("II. Berichte", 1),
    ("a) Rechenschaftsbericht des Vorstands", 2),
])
def test_layout_headings_from_agenda_markers_and_typed_numbers(text, level):
    doc = read(f.make_docx(f.para(text) + f.para("Dazu wurde lange beraten.")))
    assert heading(doc) == (BlockKind.HEADING, level, "layout")
    assert heading(doc, 1) == (BlockKind.PARAGRAPH, None, None)


def test_bold_short_line_is_a_heading_and_bold_is_reported():
    doc = read(f.make_docx(f.para(f.run("Finanzen", bold=True)) + f.para("Der Kassenwart berichtet.")))
    assert heading(doc) == (BlockKind.HEADING, 1, "layout")
    assert doc.blocks[0].bold and not doc.blocks[1].bold


def test_bold_from_paragraph_style_and_character_style():
    styles = f.styles_xml(f.style("Fett", "Fett", bold=True),
                          f.style("Stark", "Strong", kind="character", bold=True))
    body = (f.para("Aus Absatzvorlage", style="Fett") + f.para(f.run("Aus Zeichenvorlage", style="Stark"))
            + f.para(f.run("Direkt nicht fett", bold=False), style="Fett"))
    doc = read(f.make_docx(body, styles=styles))
    assert [b.bold for b in doc.blocks] == [True, True, False]
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.HEADING, BlockKind.PARAGRAPH]


def test_bold_paragraph_opening_with_top_marker_is_a_heading_even_if_long():
    text = "TOP 5: " + "Am 24.03. fand ein Treffen statt, in dem über viele Dinge gesprochen wurde. " * 3
    doc = read(f.make_docx(f.para(f.run(text, bold=True))))
    assert heading(doc) == (BlockKind.HEADING, 1, "layout")


@pytest.mark.parametrize("content", [
    f.run("Dies ist ein langer fetter Absatz, der ganz sicher keine Überschrift ist, weil er viel zu lang ist", bold=True),
    f.run("Der Antrag wird angenommen.", bold=True),
    f.run("Teilnehmer", bold=True) + f.run(" und Gäste"),
    "Kurze normale Zeile",
    "TOP 3 wird vertagt.",
    "TOP 3: Der Antrag wurde nach langer Diskussion einstimmig angenommen.",
    "Zu TOP 2 wurde lange und ausführlich beraten, ohne dass es zu einem Ergebnis kam.",
    "3. Oktober 2014",
    "6. Sitzung des Ausschusses für Soziales",
    "24. öffentliche Sitzung des Ausschusses",
    "2.1 Werkzeugkasten nicht erhältlich. Alternative?",
    "1. Frist die übrige Ausschuss Stellungnahme Prüfung Ablehnung Maßnahme Abstimmung Frist Gäste Ergebnis",
    "3 Personen sind anwesend",
    "F. Müller",
    "TOP 2: Haushalt\t3",
    "3. Haushalt ........ 7",
])
def test_not_layout_headings(content):
    doc = read(f.make_docx(f.para(content)))
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH


def test_bold_bullet_item_stays_list_item_but_bold_numbered_item_is_heading():
    body = (f.para(f.run("Teilnehmer:", bold=True), num=(4, 0)) + f.para("Anna", num=(4, 0))
            + f.para(f.run("Begrüßung", bold=True), num=(1, 0)) + f.para("Es wird begrüßt."))
    doc = read(f.make_docx(body, numbering=NUMBERING))
    assert [b.kind for b in doc.blocks] == [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM,
                                            BlockKind.HEADING, BlockKind.PARAGRAPH]
    assert doc.blocks[2].list_number == "1." and doc.blocks[2].heading_source == "layout"


def test_typed_agenda_list_repeated_later_is_not_heading():
    agenda = ["1. Begrüßung", "2. Protokoll", "3. Haushalt"]
    body = (f.para(f.run("Tagesordnung", bold=True)) + "".join(f.para(t) for t in agenda)
            + "".join(f.para(f.run(t, bold=True)) + f.para("Bericht dazu.") for t in agenda))
    doc = read(f.make_docx(body))
    kinds = [(b.text, b.kind) for b in doc.blocks]
    assert kinds[1:4] == [(t, BlockKind.PARAGRAPH) for t in agenda]
    assert [b.text for b in doc.blocks if b.is_heading] == ["Tagesordnung"] + agenda


def test_bold_top_agenda_directly_followed_by_first_top_keeps_the_real_headings():
    tops = ["TOP 1: Begrüßung", "TOP 2: Haushalt", "TOP 3: Verschiedenes"]
    body = ("".join(f.para(f.run(t, bold=True)) for t in tops)
            + "".join(f.para(f.run(t, bold=True)) + f.para("Bericht dazu.") for t in tops))
    doc = read(f.make_docx(body))
    assert [b.kind for b in doc.blocks[:3]] == [BlockKind.PARAGRAPH] * 3
    assert [b.text for b in doc.blocks if b.is_heading] == tops
    assert all(b.index >= 3 for b in doc.blocks if b.is_heading)


def test_table_of_contents_entries_are_not_layout_headings():
    toc = (f.para(f.run(raw='<w:fldChar w:fldCharType="begin"/>'),
                  '<w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>',
                  f.run(raw='<w:fldChar w:fldCharType="separate"/>'), "TOP 1: Begrüßung\t2")
           + f.para("TOP 2: Haushalt\t3", f.run(raw='<w:fldChar w:fldCharType="end"/>')))
    body = toc + f.para("TOP 1: Begrüßung") + f.para("Text.")
    doc = read(f.make_docx(body))
    assert [b.kind for b in doc.blocks[:2]] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert doc.blocks[2].is_heading


# --- headers, footers, properties, warnings ----------------------------------------------------

def test_header_and_footer_text_each_distinct_once():
    doc = read(f.make_docx(f.para("Inhalt"),
                           headers=[f.para("Protokoll Vorstand") + f.para("Seite ", f.complex_field(" PAGE ", "1")),
                                    f.para("Protokoll Vorstand")],
                           footers=[f.para("Vertraulich")]))
    assert doc.header_text == ["Protokoll Vorstand", "Seite 1"]
    assert doc.footer_text == ["Vertraulich"]
    assert [b.text for b in doc.blocks] == ["Inhalt"]


def test_header_lists_do_not_advance_body_counters():
    doc = read(f.make_docx(f.para("Erster", num=(1, 0)), numbering=NUMBERING,
                           headers=[f.para("Kopf", num=(1, 0))]))
    assert doc.blocks[0].list_number == "1."
    assert doc.header_text == ["1. Kopf"]


def test_text_only_in_footer_gives_specific_warning():
    doc = read(f.make_docx("", footers=[f.para("Nur Fußzeile")]))
    assert doc.blocks == [] and doc.footer_text == ["Nur Fußzeile"]
    assert doc.warnings == ["Text steht nur in Kopf- oder Fußzeile, nicht im Dokument selbst."]


def test_core_properties():
    core = f.core_xml(title="Protokoll MV", creator="Anna Schmidt", subject="Mitgliederversammlung",
                      keywords="Verein; MV", lastModifiedBy="Ben", created="2024-03-12T18:30:00Z",
                      modified="2024-03-13T09:00:00Z")
    props = read(f.make_docx(f.para("x"), core=core)).properties
    assert props.title == "Protokoll MV" and props.author == "Anna Schmidt"
    assert props.subject == "Mitgliederversammlung" and props.keywords == "Verein; MV"
    assert props.last_modified_by == "Ben"
    assert props.created == datetime(2024, 3, 12, 18, 30, tzinfo=timezone.utc)
    assert props.modified == datetime(2024, 3, 13, 9, 0, tzinfo=timezone.utc)


def test_missing_empty_and_broken_core_properties_are_none():
    assert read(f.make_docx(f.para("x"))).properties.title is None
    props = read(f.make_docx(f.para("x"), core=f.core_xml(title="", created="gestern"))).properties
    assert props.title is None and props.created is None
    doc = read(f.make_docx(f.para("x"), core="<cp:coreProperties"))
    assert doc.properties.author is None
    assert any("Dokumenteigenschaften" in w for w in doc.warnings)


def test_builtin_list_style_number_is_the_level_a_reader_sees():
    """python-docx's (and Word's) "List Bullet 2" is its own list at level 0, shown indented."""
    import io

    import docx

    from protokollant.ingest.reader import read_document

    document = docx.Document()
    document.add_paragraph("Nico:", style="List Bullet")
    document.add_paragraph("Safe befestigen", style="List Bullet 2")
    buffer = io.BytesIO()
    document.save(buffer)
    blocks = [b for b in read_document(buffer.getvalue()).blocks if b.list_level is not None]
    assert [(b.text, b.list_level) for b in blocks] == [("Nico:", 0), ("Safe befestigen", 1)]
