"""read_document: an untrusted .docx (path or bytes) -> Document.

Order of work: magic bytes and zip limits (package.Package.open), OOXML identity
(content types, officeDocument relationship, main part), then the body walk,
headers/footers and core properties, and finally a CRC check of the members not
read, so a damaged package never passes silently.
"""
from __future__ import annotations


import os
from datetime import datetime
from pathlib import Path

from lxml import etree

from protokollant.document import Document, DocumentProperties
from protokollant.errors import UnreadableDocumentError

from .body import BodyWalker
from .headings import demote_agenda_lists
from .known_parts import NOT_PARSED, compressed_bytes, member_key, parsed_before, remember_parsed
from .numbering import NumberingDefinitions
from .package import (
    DEFAULT_LIMITS,
    RT_OFFICE_DOCUMENT,
    STRICT_W_NS,
    W_NS,
    WORD_MAIN_CONTENT_TYPES,
    Limits,
    Package,
    Relationship,
    _STRICT_MARKER,
    foreign_main_content_type,
    has_doctype,
    parse_xml,
)
from .styles import Styles
from .wordml import W_BODY

W_DOCUMENT = f"{{{W_NS}}}document"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_STYLES = _REL_BASE + "styles"
RT_NUMBERING = _REL_BASE + "numbering"
RT_HEADER = _REL_BASE + "header"
RT_FOOTER = _REL_BASE + "footer"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"

WARN_NO_TEXT = "Das Dokument enthält keinen Text."
WARN_ONLY_HEADER_FOOTER = "Text steht nur in Kopf- oder Fußzeile, nicht im Dokument selbst."
WARN_MACROS = "Das Dokument enthält Makros (nicht ausgeführt)."
WARN_TEMPLATE = "Die Datei ist eine Dokumentvorlage (.dotx/.dotm); ihr Text wurde gelesen."
WARN_MULTIPLE_BODIES = ("Das Dokument enthält mehrere Textkörper (fehlerhafte Datei); "
                        "der Text aller Textkörper wurde gelesen.")
WARN_TRACKED_CHANGES = ("Das Dokument enthält nachverfolgte Änderungen; gelesen wurde der "
                        "aktuelle Stand (Einfügungen übernommen, Löschungen ausgelassen).")
WARN_ALT_CHUNK = "Eingebettete Fremdinhalte (altChunk) wurden nicht gelesen."


def read_document(source: str | os.PathLike | bytes, *, name: str | None = None,
                  limits: Limits | None = None) -> Document:
    """Read a Word document into blocks in body order.

    `source` is a path or the file's bytes; `name` is the file name used in errors
    (default: the path's name, or "<bytes>"). Every failure raises
    UnreadableDocumentError with a specific reason code. The input is never
    written, and zip members are never extracted to disk.
    """
    limits = limits or DEFAULT_LIMITS
    data, file_name, doc_name = _load(source, name, limits)
    package = Package.open(data, file_name, limits)
    try:
        return _read_package(package, doc_name)
    finally:
        package.zf.close()


def _load(source: str | os.PathLike | bytes, name: str | None, limits: Limits) -> tuple[bytes, str, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        file_name = name or "<bytes>"
        data = bytes(source)
        _check_lock_file(file_name, data[:4])
        if len(data) > limits.max_file_bytes:
            raise _too_large_file(file_name, len(data), limits)
        return data, file_name, name
    path = Path(os.fspath(source))
    file_name = name or path.name
    try:
        if path.name.startswith("~$"):
            with path.open("rb") as fh:
                _check_lock_file(path.name, fh.read(4))
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise _too_large_file(file_name, size, limits)
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except UnreadableDocumentError:
        raise
    except OSError as e:
        if path.name.startswith("~$"):  # Word keeps its owner file locked
            raise UnreadableDocumentError(file_name, "lock-file") from e
        raise UnreadableDocumentError(
            file_name, "unreadable-file", f"Die Datei kann nicht gelesen werden: {e.strerror or e}") from e
    if len(data) > limits.max_file_bytes:  # grew while we looked
        raise _too_large_file(file_name, len(data), limits)
    return data, file_name, file_name


def _check_lock_file(file_name: str, head: bytes) -> None:
    # Word's owner files (~$name.docx) are tiny non-zip files; a real package with
    # such a name is still read.
    if Path(file_name).name.startswith("~$") and not head.startswith(b"PK"):
        raise UnreadableDocumentError(file_name, "lock-file")


def _too_large_file(file_name: str, size: int, limits: Limits) -> UnreadableDocumentError:
    mb = 1024 * 1024
    return UnreadableDocumentError(
        file_name, "too-large",
        f"Die Datei ist {size // mb} MB groß (Limit {limits.max_file_bytes // mb} MB).")


def _read_package(package: Package, doc_name: str | None) -> Document:
    file = package.file
    _reject_opendocument(package)
    defaults, overrides = package.content_types()
    package_rels = package.relationships(None)

    main_part = next((r.target for r in package_rels
                      if r.type == RT_OFFICE_DOCUMENT and not r.external), None)
    if main_part is None:  # no usable package relationship: trust the content types
        main_part = next((part for part, ct in overrides.items() if ct in WORD_MAIN_CONTENT_TYPES), None)
    if main_part is None:
        raise UnreadableDocumentError(
            file, "not-a-word-file",
            "Das Paket hat keinen Verweis auf ein Hauptdokument (officeDocument) – kein Word-Dokument.")
    main_ct = overrides.get(main_part.lower()) or defaults.get(main_part.rsplit(".", 1)[-1].lower(), "")
    foreign = foreign_main_content_type(main_ct)
    if foreign:
        raise UnreadableDocumentError(file, "not-a-word-file", f"Die Datei ist {foreign}, kein Word-Dokument.")
    if not package.has(main_part):
        raise UnreadableDocumentError(
            file, "missing-main-part", f"Im Paket fehlt der Hauptteil {main_part}, auf den es verweist.")

    root = package.read_xml(main_part)
    if root.tag != W_DOCUMENT:
        if isinstance(root.tag, str) and root.tag.startswith(f"{{{STRICT_W_NS}}}"):
            raise UnreadableDocumentError(
                file, "unsupported-format",
                "Das Dokument ist im Format ISO 29500 Strict gespeichert und konnte nicht umgesetzt werden.")
        raise UnreadableDocumentError(
            file, "not-a-word-file", f"Der Hauptteil {main_part} ist kein Word-Dokument ({root.tag}).")

    warnings: list[str] = []
    doc_rels = _optional(lambda: package.relationships(main_part), [], warnings,
                         "Die Verweise des Dokuments sind fehlerhaft; Kopf-/Fußzeilen fehlen evtl.")
    styles = _styles(package, doc_rels, warnings)
    numbering = _numbering(package, doc_rels, styles, warnings)

    walker = BodyWalker(styles, numbering)
    bodies = [child for child in root if child.tag == W_BODY]
    for body in bodies:
        walker.walk_blocks(body)
    demote_agenda_lists(walker.blocks, walker.layout_candidates)

    header_text, footer_text = _headers_and_footers(package, doc_rels, walker.section_refs,
                                                    styles, numbering, warnings)
    properties = _core_properties(package, package_rels, warnings)
    package.verify_integrity()

    if len(bodies) > 1:
        warnings.append(WARN_MULTIPLE_BODIES)
    if walker.has_tracked_changes:
        warnings.append(WARN_TRACKED_CHANGES)
    if walker.alt_chunks:
        warnings.append(WARN_ALT_CHUNK)
    lowered_ct = main_ct.lower()
    if "macroenabled" in lowered_ct or any(n.lower().endswith("vbaproject.bin") for n in package.member_names()):
        warnings.append(WARN_MACROS)
    if "template" in lowered_ct:
        warnings.append(WARN_TEMPLATE)
    if not walker.blocks:
        warnings.append(WARN_ONLY_HEADER_FOOTER if (header_text or footer_text) else WARN_NO_TEXT)
    warnings.extend(package.warnings)

    return Document(
        blocks=walker.blocks,
        properties=properties,
        header_text=header_text,
        footer_text=footer_text,
        warnings=warnings,
        name=doc_name,
    )


def _reject_opendocument(package: Package) -> None:
    if package.has("mimetype") and package.by_lower_name["mimetype"].file_size <= 1024:
        mimetype = package.read("mimetype", cap=1024).decode("ascii", "replace").strip()
        if mimetype.startswith(ODT_MIMETYPE):
            raise UnreadableDocumentError(package.file, "odt")
        if mimetype.startswith("application/vnd.oasis.opendocument"):
            raise UnreadableDocumentError(
                package.file, "not-a-word-file",
                f"Die Datei ist ein OpenDocument ({mimetype}), kein Word-Dokument.")
    if not package.has("[Content_Types].xml") and package.has("content.xml") \
            and package.has("META-INF/manifest.xml"):
        raise UnreadableDocumentError(package.file, "odt")


def _optional(load, default, warnings: list[str], message: str):
    """Secondary parts may be broken without losing the body text; DTDs still reject."""
    try:
        return load()
    except UnreadableDocumentError as e:
        if e.reason not in ("malformed-xml",):
            raise
        warnings.append(message)
        return default


_STYLES_BROKEN = "Die Formatvorlagen sind fehlerhaft; Überschriften nach Vorlage fehlen evtl."


def _styles(package: Package, rels: list[Relationship], warnings: list[str]) -> Styles:
    """The styles part, parsed lazily style by style (Styles.from_part); DTDs still reject."""
    part = next((r.target for r in rels if r.type == RT_STYLES and not r.external), None)
    if part is None or not package.has(part):
        return Styles(None)
    # The part's method, flags, CRC-32 and sizes find a cached candidate for free, its compressed
    # bytes decide: the same compressed bytes inflate to the bytes parsed (and CRC-checked) before,
    # so the part need not be inflated again (hashing 20–350 KB per document cost more than a hit saves).
    info = package.by_lower_name[part.lower()]
    key = member_key(info)
    raw = compressed_bytes(package.data, info)
    cached = _STYLES_CACHE.get(key)
    if cached is not None and raw is not None and cached[0] == raw and info.file_size <= package.limits.max_xml_part_bytes:
        package.read_parts.add(info.filename)  # as package.read does: checked, not to inflate again
        return cached[1]
    data = package.read(part)
    if has_doctype(data) or _STRICT_MARKER in data:
        # parse_xml refuses DTDs and converts Strict OOXML: the ordinary path
        return Styles(_optional(lambda: parse_xml(data, package.file, part), None, warnings, _STYLES_BROKEN))
    styles = _optional(lambda: Styles.from_part(data, lambda b: parse_xml(b, package.file, part)),
                       None, warnings, _STYLES_BROKEN)
    if styles is None:
        return Styles(None)
    if raw is not None:
        if len(_STYLES_CACHE) >= _STYLES_CACHE_SIZE:
            _STYLES_CACHE.pop(next(iter(_STYLES_CACHE)))
        _STYLES_CACHE[key] = (raw, styles)
    return styles


# An office writes its minutes from one template: the same styles part, parsed once per
# batch (keyed by its bytes; a Styles object only ever reads the part it was made from).
_STYLES_CACHE: dict[tuple, tuple[bytes, Styles]] = {}
_STYLES_CACHE_SIZE = 32


def _numbering(package: Package, rels: list[Relationship], styles: Styles, warnings: list[str]) -> NumberingDefinitions:
    """The numbering definitions; those of a numbering part with the compressed bytes of one read
    before with the same Styles are that one's (ingest/known_parts.py: they only memoise what they read)."""
    part = next((r.target for r in rels if r.type == RT_NUMBERING and not r.external), None)
    known, slot = parsed_before(package, part, "numbering", styles) if part is not None and package.has(part) else (NOT_PARSED, None)
    if known is not NOT_PARSED:
        return known
    root = _optional_part(package, rels, RT_NUMBERING, warnings,
                          "Die Nummerierungsdefinitionen sind fehlerhaft; Listennummern fehlen evtl.")
    numbering = NumberingDefinitions(root, styles)
    if root is not None:  # not a broken part (its warning goes with every document)
        remember_parsed(slot, numbering)
    return numbering


def _optional_part(package: Package, rels: list[Relationship], rel_type: str,
                   warnings: list[str], message: str) -> etree._Element | None:
    part = next((r.target for r in rels if r.type == rel_type and not r.external), None)
    if part is None or not package.has(part):
        return None
    return _optional(lambda: package.read_xml(part), None, warnings, message)


def _headers_and_footers(package: Package, rels: list[Relationship], refs: list[tuple[str, str]],
                         styles: Styles, numbering: NumberingDefinitions,
                         warnings: list[str]) -> tuple[list[str], list[str]]:
    by_id = {r.rel_id: r for r in rels if not r.external}
    parts: list[tuple[str, str]] = []
    for kind, rel_id in refs:
        rel = by_id.get(rel_id)
        if rel is not None and (kind, rel.target) not in parts:
            parts.append((kind, rel.target))
    if not parts:  # no section references (unusual): fall back to the relationships
        parts = [("header" if r.type == RT_HEADER else "footer", r.target)
                 for r in rels if r.type in (RT_HEADER, RT_FOOTER) and not r.external]
    texts: dict[str, list[str]] = {"header": [], "footer": []}
    # A separate walker: header lists and fields must not disturb the body's counters.
    walker = BodyWalker(styles, numbering)
    for kind, part in parts:
        if not package.has(part):
            continue
        root = _optional(lambda: package.read_xml(part), None, warnings,
                         f"Kopf-/Fußzeile {part} ist fehlerhaft und wurde übersprungen.")
        if root is None:
            continue
        lines: list[str] = []
        walker.collect_text(root, lines)
        for line in lines:
            if line not in texts[kind]:
                texts[kind].append(line)
    return texts["header"], texts["footer"]


def _core_properties(package: Package, package_rels: list[Relationship], warnings: list[str]) -> DocumentProperties:
    part = next((r.target for r in package_rels
                 if r.type.endswith("/metadata/core-properties") and not r.external), None)
    if part is None or not package.has(part):
        part = "docProps/core.xml" if package.has("docProps/core.xml") else None
    if part is None:
        return DocumentProperties()
    root = _optional(lambda: package.read_xml(part), None, warnings,
                     "Die Dokumenteigenschaften sind fehlerhaft und wurden übersprungen.")
    if root is None:
        return DocumentProperties()
    values: dict[str, str] = {}
    for child in root:
        if not isinstance(child.tag, str):
            continue
        text = (child.text or "").strip()
        if text:
            values.setdefault(etree.QName(child).localname, text)
    return DocumentProperties(
        title=values.get("title"),
        author=values.get("creator"),
        created=_parse_w3cdtf(values.get("created")),
        modified=_parse_w3cdtf(values.get("modified")),
        last_modified_by=values.get("lastModifiedBy"),
        subject=values.get("subject"),
        keywords=values.get("keywords"),
    )


def _parse_w3cdtf(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
