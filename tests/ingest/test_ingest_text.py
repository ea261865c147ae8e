"""Reader: which text counts as the current body text, and where it lands."""
from __future__ import annotations

import io
import zipfile

import pytest

from protokollant.document import BlockKind, BlockOrigin
from protokollant.ingest import read_document

from tests import docx_factory as f


def read(data: bytes, **kwargs):
    return read_document(data, name="test.docx", **kwargs)


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks]


def test_plain_paragraphs_in_order_with_consecutive_indices_and_empty_ones_skipped():
    doc = read(f.make_docx(f.para("Erster Absatz") + f.para() + f.para("   ") + f.para("Zweiter Absatz")))
    assert texts(doc) == ["Erster Absatz", "Zweiter Absatz"]
    assert [b.index for b in doc.blocks] == [0, 1]
    assert all(b.kind is BlockKind.PARAGRAPH and b.origin is BlockOrigin.BODY for b in doc.blocks)


def test_tracked_insertion_included_deletion_excluded():
    body = f.para(f.run("Der Antrag wird "),
                  '<w:ins w:id="1" w:author="A">' + f.run("nicht ") + "</w:ins>",
                  '<w:del w:id="2" w:author="A"><w:r><w:delText>einstimmig </w:delText></w:r></w:del>',
                  # some producers put w:t (not w:delText) inside w:del
                  '<w:del w:id="3" w:author="A">' + f.run("sofort ") + "</w:del>",
                  f.run("angenommen."))
    doc = read(f.make_docx(body))
    assert texts(doc) == ["Der Antrag wird nicht angenommen."]
    assert any("nachverfolgte Änderungen" in w for w in doc.warnings)


def test_moved_text_appears_once_at_its_destination():
    moved = f.run("Verschobener Satz.")
    body = (f.para("Anfang.", '<w:moveFrom w:id="1" w:author="A">' + moved + "</w:moveFrom>")
            + f.para("Mitte.")
            + f.para('<w:moveTo w:id="2" w:author="A">' + moved + "</w:moveTo>", "Ende."))
    doc = read(f.make_docx(body))
    assert texts(doc) == ["Anfang.", "Mitte.", "Verschobener Satz.Ende."]
    assert doc.text.count("Verschobener Satz.") == 1


def test_body_level_and_nested_content_controls():
    body = f.sdt(f.para("Außen") + f.sdt(f.para("Innen")) + f.para("Danach"))
    assert texts(read(f.make_docx(body))) == ["Außen", "Innen", "Danach"]


def test_inline_content_control_and_placeholder_text():
    body = (f.para("Datum: ", f.sdt(f.run("12.03.2024")))
            + f.para("Ort: ", f.sdt(f.run("Klicken Sie hier, um Text einzugeben."), placeholder=True)))
    assert texts(read(f.make_docx(body))) == ["Datum: 12.03.2024", "Ort:"]


def test_text_box_in_alternate_content_read_once_after_its_anchor():
    body = (f.para("Vor dem Kasten", f.textbox_drawing(f.para("Im Kasten")))
            + f.para("Nach dem Kasten"))
    doc = read(f.make_docx(body))
    assert texts(doc) == ["Vor dem Kasten", "Im Kasten", "Nach dem Kasten"]
    assert [b.origin for b in doc.blocks] == [BlockOrigin.BODY, BlockOrigin.TEXTBOX, BlockOrigin.BODY]


def test_fallback_used_when_choice_has_no_text():
    alternate = ('<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:drawing/></mc:Choice>'
                 '<mc:Fallback><w:t>Nur im Fallback</w:t></mc:Fallback></mc:AlternateContent></w:r>')
    assert texts(read(f.make_docx(f.para(alternate)))) == ["Nur im Fallback"]


def test_vml_text_box_in_empty_anchor_paragraph():
    doc = read(f.make_docx(f.para(f.textbox_vml(f.para("VML-Text"), f.para("Zeile 2")))))
    assert texts(doc) == ["VML-Text", "Zeile 2"]
    assert all(b.origin is BlockOrigin.TEXTBOX for b in doc.blocks)


def test_hyperlink_and_nested_smart_tags():
    body = f.para('<w:hyperlink r:id="rId99">' + f.run("Link-Text") + "</w:hyperlink>", " und ",
                  '<w:smartTag w:uri="x" w:element="place"><w:smartTag w:uri="x" w:element="City">'
                  + f.run("Berlin") + "</w:smartTag></w:smartTag>",
                  '<w:customXml w:element="x">' + f.run(" Mitte") + "</w:customXml>")
    assert texts(read(f.make_docx(body))) == ["Link-Text und Berlin Mitte"]


def test_simple_field_result_included():
    body = f.para("Seite ", '<w:fldSimple w:instr=" PAGE ">' + f.run("3") + "</w:fldSimple>")
    assert texts(read(f.make_docx(body))) == ["Seite 3"]


def test_complex_field_result_included_instruction_excluded():
    body = f.para("Siehe ", f.complex_field(' HYPERLINK "https://example.org" ', "Webseite"), ".")
    doc = read(f.make_docx(body))
    assert texts(doc) == ["Siehe Webseite."]
    assert "HYPERLINK" not in doc.text


def test_nested_field_inside_instruction_is_hidden():
    inner = f.complex_field(" DATE ", "verborgen")
    body = f.para(f.run(raw='<w:fldChar w:fldCharType="begin"/>'),
                  '<w:r><w:instrText> IF </w:instrText></w:r>', inner,
                  f.run(raw='<w:fldChar w:fldCharType="separate"/>'), f.run("Ergebnis"),
                  f.run(raw='<w:fldChar w:fldCharType="end"/>'))
    assert texts(read(f.make_docx(body))) == ["Ergebnis"]


def test_unterminated_field_instruction_does_not_swallow_later_paragraphs():
    body = f.para("A", f.run(raw='<w:fldChar w:fldCharType="begin"/>'),
                  '<w:r><w:instrText>PAGE</w:instrText></w:r>') + f.para("B")
    assert texts(read(f.make_docx(body))) == ["A", "B"]


def test_breaks_tabs_and_special_characters():
    body = f.para(f.run("Zeile 1", raw="<w:br/>"), f.run("Zeile 2", raw="<w:cr/>"),
                  f.run("A", raw="<w:tab/>"), f.run("B", raw="<w:noBreakHyphen/>"),
                  f.run("C", raw="<w:softHyphen/>"), f.run("D", raw='<w:sym w:font="Symbol" w:char="2192"/>'))
    assert texts(read(f.make_docx(body))) == ["Zeile 1\nZeile 2\nA\tB-CD→"]


def test_math_text_included():
    body = f.para("Formel ", "<m:oMath><m:r><m:t>E=mc²</m:t></m:r></m:oMath>", " gilt.")
    assert texts(read(f.make_docx(body))) == ["Formel E=mc² gilt."]
    display = read(f.make_docx(f.para("<m:oMathPara><m:oMath><m:r><m:t>a²+b²=c²</m:t></m:r></m:oMath></m:oMathPara>")))
    assert texts(display) == ["a²+b²=c²"]
    assert not display.blocks[0].bold and not display.blocks[0].is_heading


def test_comments_and_note_references_are_not_body_text():
    body = f.para('<w:commentRangeStart w:id="0"/>', "Text", '<w:commentRangeEnd w:id="0"/>',
                  f.run(raw='<w:commentReference w:id="0"/>'), f.run(raw='<w:footnoteReference w:id="1"/>'))
    assert texts(read(f.make_docx(body))) == ["Text"]


def test_several_bodies_all_read_with_warning():
    document = (f.XML_DECL + f"<w:document {f.XMLNS}><w:body>{f.para('Eins')}</w:body>"
                f"<w:body>{f.para('Zwei')}</w:body></w:document>")
    doc = read(f.make_docx(document=document))
    assert texts(doc) == ["Eins", "Zwei"]
    assert any("mehrere Textkörper" in w for w in doc.warnings)


def test_namespace_prefix_does_not_matter():
    document = ('<?xml version="1.0"?><ns0:document xmlns:ns0="' + f.W_NS + '"><ns0:body>'
                "<ns0:p><ns0:r><ns0:t>ref</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>")
    assert texts(read(f.make_docx(document=document))) == ["ref"]


def test_main_part_found_through_package_relationship():
    doc = read(f.make_docx(f.para("Zweites Dokument"), main_part="word/document2.xml"))
    assert texts(doc) == ["Zweites Dokument"]


def test_strict_ooxml_is_normalised():
    data = f.make_docx(f.para(f.run("Strikt", bold=True)))
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            members[name] = zf.read(name).replace(
                b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                b"http://purl.oclc.org/ooxml/wordprocessingml/main").replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
    doc = read(f.zip_bytes(members))
    assert texts(doc) == ["Strikt"]
    assert doc.blocks[0].bold


def test_docm_text_read_and_macros_reported_not_touched():
    data = f.make_docx(f.para("Mit Makro"), main_content_type=f.CT_MACRO_DOCUMENT,
                       extra_parts={"word/vbaProject.bin": b"\x00not really vba\x00"})
    doc = read(data)
    assert texts(doc) == ["Mit Makro"]
    assert "Das Dokument enthält Makros (nicht ausgeführt)." in doc.warnings


def test_template_content_type_accepted():
    doc = read(f.make_docx(f.para("Vorlage"), main_content_type=f.CT_TEMPLATE))
    assert texts(doc) == ["Vorlage"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_marks_and_utf16_parts(encoding):
    document = f.document_xml(f.para("Grüße")).replace('encoding="UTF-8"', f'encoding="{encoding.split("-sig")[0]}"')
    data = f.make_docx(document=document.encode(encoding))
    assert texts(read(data)) == ["Grüße"]


def test_alt_chunk_is_reported():
    doc = read(f.make_docx(f.para("Davor") + '<w:altChunk r:id="rIdAlt"/>'))
    assert texts(doc) == ["Davor"]
    assert "Eingebettete Fremdinhalte (altChunk) wurden nicht gelesen." in doc.warnings


def test_no_text_gives_warning_not_error():
    doc = read(f.make_docx(f.para()))
    assert doc.blocks == []
    assert doc.warnings == ["Das Dokument enthält keinen Text."]
