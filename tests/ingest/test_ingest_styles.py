"""The styles part is split into its styles at the byte level and parsed style by style.

Styles.from_part must resolve exactly what parsing the whole part resolves, and
fall back to the whole-part parse for anything unusual.
"""
import pytest
from lxml import etree

from tests import docx_factory as f
from protokollant.errors import UnreadableDocumentError
from protokollant.ingest.package import parse_xml
from protokollant.ingest.styles import Styles

STYLES = [
    f.style("Heading1", "heading 1", outline=0),
    f.style("Berschrift2", "Überschrift 2", based_on="Heading1", outline=1),
    f.style("MeineUeberschrift", "Meine Überschrift", based_on="Berschrift2"),
    f.style("Fett", "Fett", kind="character", bold=True),
    f.style("ListeNummer", "Liste Nummer", num_id=7, ilvl=0),
    *(f.style(f"Ungenutzt{i}", f"Ungenutzt {i}") for i in range(300)),
]


def _parse(data: bytes):
    return parse_xml(data, "t.docx", "word/styles.xml")


def _resolved(styles: Styles):
    ids = ["Heading1", "Berschrift2", "MeineUeberschrift", "ListeNummer", "Normal", None, "Fehlt"]
    return ([styles.paragraph(i) for i in ids], styles.character_bold("Fett"), styles.default_paragraph_style,
            styles.numbering_style_num_id("ListeNummer"))


@pytest.mark.parametrize("default_bold", [False, True])
def test_lazy_styles_resolve_like_the_whole_part(default_bold):
    data = f.styles_xml(*STYLES, default_bold=default_bold).encode("utf-8")
    lazy = Styles.from_part(data, _parse)
    assert lazy._chunks, "the byte-level path was taken"
    assert _resolved(lazy) == _resolved(Styles(_parse(data)))
    assert lazy.paragraph("MeineUeberschrift").heading_level == 2
    assert len(lazy._elements) < 10  # only the styles asked for were parsed


@pytest.mark.parametrize("twist", [
    lambda s: s.replace("<w:styles ", "<!-- Kommentar --><w:styles ", 1),
    lambda s: s.replace("xmlns:w=", "xmlns:x=\"urn:x\" xmlns:w=", 1).replace("w:styleId=\"Fett\"", "w:styleId=\"F&amp;tt\""),
    lambda s: s.replace("<w:", "<ns0:").replace("</w:", "</ns0:").replace(" w:", " ns0:").replace("xmlns:w=", "xmlns:ns0="),
])
def test_unusual_parts_take_the_whole_part_path(twist):
    data = twist(f.styles_xml(*STYLES)).encode("utf-8")
    styles = Styles.from_part(data, _parse)
    assert not styles._chunks
    assert styles.paragraph("MeineUeberschrift").heading_level == 2


def test_a_broken_style_is_a_missing_style_and_the_others_still_resolve():
    broken = f.style("Kaputt", "Kaputt").replace("</w:name>", "").replace('"/>', '">', 1)
    data = f.styles_xml(*STYLES[:3], broken).encode("utf-8")
    styles = Styles.from_part(data, _parse)
    assert styles.paragraph("Kaputt").heading_level is None
    assert styles.paragraph("Berschrift2").heading_level == 2


def test_a_truncated_part_is_reported_as_malformed():
    data = f.styles_xml(*STYLES).encode("utf-8")[:-40]
    with pytest.raises(UnreadableDocumentError) as info:
        Styles.from_part(data, _parse)
    assert info.value.reason == "malformed-xml"


def test_a_style_chunk_cannot_smuggle_a_doctype_or_entities():
    evil = '<w:style w:type="paragraph" w:styleId="Evil"><w:name w:val="&ext;"/></w:style>'
    data = f.styles_xml(*STYLES[:2], evil).encode("utf-8")
    styles = Styles.from_part(data, _parse)
    assert styles.paragraph("Evil").name == "Evil"  # the entity is undefined: the style is unreadable
    assert isinstance(_parse(f.styles_xml().encode()), etree._Element)


def test_documents_from_one_template_share_the_parsed_styles():
    """The styles part of an office template is parsed once per process, keyed by its bytes."""
    import io

    import docx

    from protokollant.ingest import reader

    def build(text):
        document = docx.Document()
        document.add_heading(text, level=1)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    first, second = reader.read_document(build("TOP 1 Begrüßung")), reader.read_document(build("TOP 2 Haushalt"))
    assert first.blocks[0].heading_level == 1 and second.blocks[0].heading_level == 1
    assert len(reader._STYLES_CACHE) >= 1
