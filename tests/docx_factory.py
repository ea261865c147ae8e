"""Build small .docx packages (and hostile look-alikes) for the reader tests.

Raw WordprocessingML written with zipfile, so every test controls exactly the
markup it exercises (python-docx cannot write tracked changes, content controls,
text boxes, fields ...). Fragment helpers keep the test bodies readable.
"""
from __future__ import annotations

import io
import struct
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
XMLNS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_MACRO_DOCUMENT = "application/vnd.ms-word.document.macroEnabled.main+xml"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = RT + "officeDocument"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


# --- fragments ----------------------------------------------------------------------------

def run(text: str = "", *, bold: bool | None = None, style: str | None = None, raw: str = "") -> str:
    props = ""
    if style:
        props += f'<w:rStyle w:val="{style}"/>'
    if bold is True:
        props += "<w:b/>"
    elif bold is False:
        props += '<w:b w:val="0"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    t = f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    return f"<w:r>{rpr}{t}{raw}</w:r>"


def para(*content: str, style: str | None = None, num: tuple[int, int] | None = None,
         outline: int | None = None, ilvl_only: int | None = None, ppr_extra: str = "") -> str:
    """A paragraph; plain strings in `content` that do not start with "<" become runs."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    elif ilvl_only is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl_only}"/></w:numPr>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    props += ppr_extra
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    body = "".join(c if c.startswith("<") else run(c) for c in content)
    return f"<w:p>{ppr}{body}</w:p>"


def cell(*paragraphs: str, span: int | None = None, vmerge: str | None = None) -> str:
    """vmerge: "restart", "continue" or None."""
    props = ""
    if span:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"
    tcpr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    content = "".join(p if p.startswith("<") else para(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc>{tcpr}{content}</w:tc>"


def row(*cells: str, header: bool = False) -> str:
    trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(c if c.startswith('<') else cell(c) for c in cells)}</w:tr>"


def table(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid/>{''.join(rows)}</w:tbl>"


def sdt(content: str, placeholder: bool = False) -> str:
    flag = "<w:showingPlcHdr/>" if placeholder else ""
    return f'<w:sdt><w:sdtPr><w:id w:val="1"/>{flag}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'


def textbox_drawing(*paragraphs: str) -> str:
    """A DrawingML text box with its VML fallback: the same text twice in the XML."""
    content = "".join(paragraphs)
    choice = (
        '<w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>")
    fallback = (f'<w:pict><v:shape id="tb1"><v:textbox><w:txbxContent>{content}'
                "</w:txbxContent></v:textbox></v:shape></w:pict>")
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
            f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>")


def textbox_vml(*paragraphs: str) -> str:
    return (f'<w:r><w:pict><v:shape id="tb2"><v:textbox><w:txbxContent>{"".join(paragraphs)}'
            "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def complex_field(instruction: str, result: str) -> str:
    return (run(raw='<w:fldChar w:fldCharType="begin"/>')
            + f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
            + run(raw='<w:fldChar w:fldCharType="separate"/>')
            + run(result)
            + run(raw='<w:fldChar w:fldCharType="end"/>'))


# --- parts --------------------------------------------------------------------------------

def document_xml(body: str, *, section: str = "") -> str:
    return f"{XML_DECL}<w:document {XMLNS}><w:body>{body}<w:sectPr>{section}</w:sectPr></w:body></w:document>"


def styles_xml(*styles: str, default_bold: bool = False) -> str:
    defaults = "<w:docDefaults><w:rPrDefault><w:rPr><w:b/></w:rPr></w:rPrDefault></w:docDefaults>" \
        if default_bold else ""
    normal = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
    return f"{XML_DECL}<w:styles {XMLNS}>{defaults}{normal}{''.join(styles)}</w:styles>"


def style(style_id: str, name: str | None = None, *, kind: str = "paragraph", based_on: str | None = None,
          outline: int | None = None, bold: bool = False, num_id: int | None = None, ilvl: int | None = None) -> str:
    ppr = ""
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}">'
            + (f'<w:name w:val="{name}"/>' if name else "")
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
            + ("<w:rPr><w:b/></w:rPr>" if bold else "")
            + "</w:style>")


def level(ilvl: int, fmt: str = "decimal", text: str | None = None, start: int = 1,
          restart: int | None = None, p_style: str | None = None) -> str:
    text = f"%{ilvl + 1}." if text is None else text
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
            + (f'<w:pStyle w:val="{p_style}"/>' if p_style else "")
            + f'<w:lvlText w:val="{escape(text, {chr(34): "&quot;"})}"/></w:lvl>')


def abstract_num(abstract_id: int, *levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{"".join(levels)}</w:abstractNum>'


def num(num_id: int, abstract_id: int, start_overrides: dict[int, int] | None = None) -> str:
    overrides = "".join(f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                        for i, s in (start_overrides or {}).items())
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def numbering_xml(*items: str) -> str:
    return f"{XML_DECL}<w:numbering {XMLNS}>{''.join(items)}</w:numbering>"


def story_xml(tag: str, body: str) -> str:
    return f"{XML_DECL}<w:{tag} {XMLNS}>{body}</w:{tag}>"


def core_xml(**values: str) -> str:
    tags = {"title": "dc:title", "creator": "dc:creator", "subject": "dc:subject",
            "keywords": "cp:keywords", "lastModifiedBy": "cp:lastModifiedBy",
            "created": "dcterms:created", "modified": "dcterms:modified"}
    fields = "".join(
        f'<{tags[k]}{" xsi:type=" + chr(34) + "dcterms:W3CDTF" + chr(34) if k in ("created", "modified") else ""}>'
        f"{escape(v)}</{tags[k]}>" for k, v in values.items())
    return (f"{XML_DECL}<cp:coreProperties "
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"{fields}</cp:coreProperties>")


def _rels(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in rels)
    return f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'


def make_docx(body: str = "", *, document: str | None = None, styles: str | None = None,
              numbering: str | None = None, headers: list[str] | None = None,
              footers: list[str] | None = None, core: str | None = None,
              main_part: str = "word/document.xml", main_content_type: str = CT_DOCUMENT,
              extra_parts: dict[str, bytes | str] | None = None,
              omit: tuple[str, ...] = ()) -> bytes:
    """A complete package. `headers`/`footers` are w:hdr/w:ftr inner XML, referenced
    from the body's sectPr; `omit` drops members by name after building."""
    main_dir, main_file = main_part.rsplit("/", 1)
    doc_rels: list[tuple[str, str, str]] = []
    parts: dict[str, bytes | str] = {}
    section = ""
    for kind, stories in (("header", headers or []), ("footer", footers or [])):
        for n, story in enumerate(stories, 1):
            rel_id = f"rId{kind}{n}"
            doc_rels.append((rel_id, RT + kind, f"{kind}{n}.xml"))
            parts[f"{main_dir}/{kind}{n}.xml"] = story_xml("hdr" if kind == "header" else "ftr", story)
            section += f'<w:{kind}Reference w:type="default" r:id="{rel_id}"/>'
    if styles is not None:
        doc_rels.append(("rIdStyles", RT + "styles", "styles.xml"))
        parts[f"{main_dir}/styles.xml"] = styles
    if numbering is not None:
        doc_rels.append(("rIdNumbering", RT + "numbering", "numbering.xml"))
        parts[f"{main_dir}/numbering.xml"] = numbering
    parts[main_part] = document if document is not None else document_xml(body, section=section)
    if doc_rels:
        parts[f"{main_dir}/_rels/{main_file}.rels"] = _rels(doc_rels)
    package_rels = [("rId1", RT_OFFICE_DOCUMENT, main_part)]
    if core is not None:
        parts["docProps/core.xml"] = core
        package_rels.append(("rId2", RT_CORE, "docProps/core.xml"))
    parts["_rels/.rels"] = _rels(package_rels)
    overrides = f'<Override PartName="/{main_part}" ContentType="{main_content_type}"/>'
    parts["[Content_Types].xml"] = (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')
    parts.update(extra_parts or {})
    order = ["[Content_Types].xml", "_rels/.rels"] + [n for n in parts if n not in ("[Content_Types].xml", "_rels/.rels")]
    return zip_bytes({name: parts[name] for name in order if name not in omit})


def zip_bytes(members: dict[str, bytes | str], *, stored: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            payload = data.encode("utf-8") if isinstance(data, str) else data
            compression = zipfile.ZIP_STORED if name in stored or name == "mimetype" else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), payload,
                        compress_type=compression)
    return buffer.getvalue()


def set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Make the central directory lie about a member's uncompressed size."""
    buf = bytearray(data)
    name = member.encode()
    pos = 0
    while (pos := buf.find(b"PK\x01\x02", pos)) != -1:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46: pos + 46 + name_len]) == name:
            struct.pack_into("<I", buf, pos + 24, size)
            return bytes(buf)
        pos += 4
    raise KeyError(member)


def minimal_cfb(*stream_names: str) -> bytes:
    """A tiny OLE2/CFB container with the given (empty) streams in its directory."""
    sector = 512
    header = bytearray(sector)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 40, 0, 1, 1)  # dir sectors, FAT sectors, first dir sector
    struct.pack_into("<IIIII", header, 52, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE)
    struct.pack_into("<I", header, 72, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * 126
    fat_sector = struct.pack("<128I", *fat)
    directory = bytearray()
    for index, (name, kind) in enumerate([("Root Entry", 5)] + [(n, 2) for n in stream_names][:3]):
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[0:len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        struct.pack_into("<I", entry, 116, 0xFFFFFFFE)
        directory += entry
    directory += bytes(sector - len(directory))
    return bytes(header) + fat_sector + bytes(directory)
