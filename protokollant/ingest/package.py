"""Safe access to an untrusted Word package.

Everything here runs before (or instead of) any real parsing: format sniffing by
magic bytes, zip-bomb limits taken from the central directory, size-capped member
reads, and an XML loader that refuses DTDs. Zip members are only ever read into
memory by name; nothing is extracted to disk, so hostile member names are harmless.
"""
from __future__ import annotations

import functools
import io
import posixpath
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from protokollant.errors import UnreadableDocumentError

from .known_parts import NOT_PARSED, checked_before, compressed_bytes, parsed_before, remember_checked, remember_parsed

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits for one input file. Tests pass lowered limits."""

    max_file_bytes: int = 200 * MB
    """Size of the .docx file itself."""
    max_total_uncompressed: int = 200 * MB
    """Sum of the declared uncompressed member sizes (central directory)."""
    max_members: int = 10_000
    max_ratio: float = 200.0
    """Highest accepted compression ratio for members above ratio_min_size."""
    ratio_min_size: int = 1 * MB
    max_xml_part_bytes: int = 64 * MB
    """Largest XML part that is inflated and parsed (the lxml tree is ~10x this)."""


DEFAULT_LIMITS = Limits()

# --- namespaces and relationship types ---------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"

RT_OFFICE_DOCUMENT = R_NS + "/officeDocument"
RT_STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

# ISO 29500 Strict namespaces and their Transitional equivalents. Strict documents
# are read by rewriting these URIs in the raw part bytes before parsing; relationship
# types share the same prefixes, so ".../relationships/officeDocument" maps too.
_STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customXml",
     b"http://schemas.openxmlformats.org/officeDocument/2006/customXml"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
)
_STRICT_MARKER = b"http://purl.oclc.org/ooxml/"

WORD_MAIN_CONTENT_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})
_FOREIGN_MAIN_CONTENT_TYPES = {
    "spreadsheetml": "eine Excel-Arbeitsmappe",
    "presentationml": "eine PowerPoint-Präsentation",
    "ms-excel": "eine Excel-Arbeitsmappe",
    "ms-powerpoint": "eine PowerPoint-Präsentation",
    "ms-visio": "eine Visio-Zeichnung",
}

# --- magic-byte classification -----------------------------------------------------------

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def cfb_stream_names(data: bytes) -> set[str]:
    """Names in the directory of an OLE2/CFB container (best effort, bounds-checked).

    Only the directory is walked; stream contents are never interpreted. On any
    structural problem the names found so far are returned.
    """
    names: set[str] = set()
    if len(data) < 512:
        return names
    sector_shift = struct.unpack_from("<H", data, 30)[0]
    if sector_shift not in (9, 12):
        return names
    sector_size = 1 << sector_shift
    n_fat_sectors, first_dir_sector = struct.unpack_from("<II", data, 44)
    difat = struct.unpack_from("<109I", data, 76)

    def sector_offset(sector: int) -> int:
        return (sector + 1) * sector_size

    fat: list[int] = []
    per_sector = sector_size // 4
    for fat_sector in difat[: min(n_fat_sectors, 109)]:
        start = sector_offset(fat_sector)
        if fat_sector >= 0xFFFFFFFA or start + sector_size > len(data):
            break
        fat.extend(struct.unpack_from(f"<{per_sector}I", data, start))

    sector = first_dir_sector
    seen: set[int] = set()
    while sector < 0xFFFFFFFA and sector not in seen and len(seen) < 10_000:
        seen.add(sector)
        start = sector_offset(sector)
        if start + sector_size > len(data):
            break
        for entry in range(start, start + sector_size, 128):
            name_len = struct.unpack_from("<H", data, entry + 64)[0]
            if 2 <= name_len <= 64:
                raw = data[entry: entry + name_len - 2]
                names.add(raw.decode("utf-16-le", errors="replace"))
        if sector >= len(fat):
            break
        sector = fat[sector]
    return names


def classify_cfb(data: bytes, file: str) -> UnreadableDocumentError:
    """The error for an OLE2 container: encrypted OOXML, legacy .doc, or something else."""
    names = cfb_stream_names(data)
    if not names:  # unparseable directory: fall back to a raw search for the entry names
        names = {n for n in ("EncryptedPackage", "EncryptionInfo", "WordDocument")
                 if _utf16(n) in data}
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return UnreadableDocumentError(
            file, "password-protected",
            "Die Datei ist mit einem Kennwort verschlüsselt (verschlüsseltes Word-Dokument).")
    if "WordDocument" in names:
        return UnreadableDocumentError(
            file, "legacy-doc", "Altes binäres Word-Format (.doc, Word 97–2003 oder älter).")
    return UnreadableDocumentError(
        file, "not-a-word-file",
        "OLE2-Container ohne Word-Inhalt (z. B. Excel-, PowerPoint- oder Outlook-Datei).")


def check_magic(data: bytes, file: str) -> None:
    """Reject anything that is not a zip container, naming what it is instead.

    The OLE2 signature is checked first: a legacy .doc may embed a zip (theme data)
    that makes zipfile.is_zipfile() answer True.
    """
    if not data:
        raise UnreadableDocumentError(file, "empty")
    if data.startswith(CFB_MAGIC):
        raise classify_cfb(data, file)
    if data.startswith(_ZIP_MAGICS):
        return
    head = data[:1024].lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if data.startswith(b"%PDF"):
        detail = "Die Datei ist ein PDF-Dokument, kein Word-Dokument."
    elif head.startswith(b"{\\rtf"):
        detail = "Die Datei ist ein RTF-Dokument, kein .docx."
    elif head.startswith(b"<") and (b"wordDocument" in head or b"pkg:package" in head):
        detail = "Die Datei ist Word-XML (Flat-XML), kein .docx-Paket."
    elif head[:15].lower().startswith((b"<!doctype html", b"<html")):
        detail = "Die Datei ist eine HTML-Seite, kein Word-Dokument."
    else:
        detail = "Der Inhalt ist kein Word-Dokument (weder ZIP- noch Office-Format)."
    raise UnreadableDocumentError(file, "not-a-word-file", detail)


# --- safe XML ------------------------------------------------------------------------------

_DOCTYPE_MARKERS = (b"<!DOCTYPE", _utf16("<!DOCTYPE"), "<!DOCTYPE".encode("utf-16-be"))


def has_doctype(data: bytes) -> bool:
    """Whether a part holds a DOCTYPE declaration (UTF-8 or UTF-16). Every marker holds a "!",
    which nearly no part does: one memchr-fast scan spares the three searches."""
    return b"!" in data and any(marker in data for marker in _DOCTYPE_MARKERS)
_parser_local = threading.local()


def _xml_parser() -> etree.XMLParser:
    # lxml parsers must not be shared between threads.
    parser = getattr(_parser_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
            huge_tree=False, remove_comments=True, remove_pis=True)
        _parser_local.parser = parser
    return parser


def to_transitional(data: bytes) -> bytes:
    for strict, transitional in _STRICT_TO_TRANSITIONAL:
        data = data.replace(strict, transitional)
    return data


def parse_xml(data: bytes, file: str, part: str) -> etree._Element:
    """Parse one package part; DTDs are refused before the parser sees them."""
    if has_doctype(data):
        raise UnreadableDocumentError(
            file, "forbidden-xml",
            f"Der Teil {part} enthält eine DOCTYPE-/Entity-Deklaration (aus Sicherheitsgründen abgelehnt).")
    if _STRICT_MARKER in data:
        data = to_transitional(data)
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as e:
        raise UnreadableDocumentError(
            file, "malformed-xml", f"Der Teil {part} ist kein wohlgeformtes XML: {e}") from e
    except ValueError as e:  # e.g. unsupported encoding declaration
        raise UnreadableDocumentError(
            file, "malformed-xml", f"Der Teil {part} kann nicht als XML gelesen werden: {e}") from e
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:  # encodings the byte check missed
        raise UnreadableDocumentError(
            file, "forbidden-xml",
            f"Der Teil {part} enthält eine DOCTYPE-Deklaration (aus Sicherheitsgründen abgelehnt).")
    return root


# --- the package -------------------------------------------------------------------------------

@dataclass(slots=True)
class Relationship:
    rel_id: str
    type: str
    target: str
    """Resolved part name (no leading slash), or the raw URI for external targets."""
    external: bool


@functools.lru_cache(maxsize=4096)  # the same few targets ("styles.xml", "theme/theme1.xml") in every package
def resolve_part_name(source_part: str, target: str) -> str | None:
    """Part name a relationship target points to, or None if it leaves the package."""
    target = unquote(target.split("#", 1)[0]).replace("\\", "/")
    if not target:
        return None
    if target.startswith("/"):
        path = target.lstrip("/")
    else:
        path = posixpath.join(posixpath.dirname(source_part), target)
    path = posixpath.normpath(path)
    if path in (".", "") or path.startswith("../") or path == "..":
        return None
    return path


def rels_part_name(part: str) -> str:
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", base + ".rels")


_XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass
class Package:
    """An opened OOXML zip, with limits enforced before anything is inflated."""

    file: str
    zf: zipfile.ZipFile
    limits: Limits
    by_lower_name: dict[str, zipfile.ZipInfo]
    read_parts: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    data: bytes = b""
    """The package's bytes (known_parts compares members' compressed bytes)."""

    @classmethod
    def open(cls, data: bytes, file: str, limits: Limits = DEFAULT_LIMITS) -> Package:
        check_magic(data, file)
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
            infos = zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
                struct.error, IndexError, NotImplementedError) as e:
            raise UnreadableDocumentError(
                file, "corrupt-zip", f"Der ZIP-Container ist beschädigt oder unvollständig: {e}") from e
        check_zip_limits(infos, file, limits)
        by_lower = {}
        for info in infos:
            if not info.is_dir():
                by_lower.setdefault(info.filename.lower(), info)
        pkg = cls(file, zf, limits, by_lower, data=data)
        suspicious = [i.filename for i in infos if _is_suspicious_member_name(i.filename)]
        if suspicious:
            pkg.warnings.append(
                "Das Paket enthält verdächtige Eintragsnamen (ignoriert): " + ", ".join(suspicious[:3]))
        return pkg

    def has(self, part: str) -> bool:
        return part.lower() in self.by_lower_name

    def member_names(self) -> list[str]:
        return [i.filename for i in self.by_lower_name.values()]

    def read(self, part: str, cap: int | None = None) -> bytes:
        """Inflate one member fully into memory, never more than `cap` bytes."""
        info = self.by_lower_name.get(part.lower())
        if info is None:
            raise KeyError(part)
        cap = self.limits.max_xml_part_bytes if cap is None else cap
        if info.file_size > cap:
            raise UnreadableDocumentError(
                self.file, "too-large",
                f"Der Teil {part} ist entpackt {info.file_size // MB} MB groß (Limit {cap // MB} MB).")
        self.read_parts.add(info.filename)
        return _read_capped(self.zf, info, cap, self.file)

    def read_xml(self, part: str) -> etree._Element:
        return parse_xml(self.read(part), self.file, part)

    def content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        """(defaults by lowercase extension, overrides by lowercase part name)."""
        if not self.has("[Content_Types].xml"):
            raise UnreadableDocumentError(
                self.file, "not-a-word-file",
                "ZIP-Archiv ohne [Content_Types].xml – kein Office-Dokument.")
        # One template's content types, parsed once (ingest/known_parts.py); copies go out.
        known, slot = parsed_before(self, "[Content_Types].xml", "content_types")
        if known is not NOT_PARSED:
            return dict(known[0]), dict(known[1])
        root = self.read_xml("[Content_Types].xml")
        defaults: dict[str, str] = {}
        overrides: dict[str, str] = {}
        for el in root:
            tag = el.tag
            if tag == f"{{{CT_NS}}}Default":
                defaults[(el.get("Extension") or "").lower()] = el.get("ContentType") or ""
            elif tag == f"{{{CT_NS}}}Override":
                name = (el.get("PartName") or "").lstrip("/").lower()
                overrides[unquote(name)] = el.get("ContentType") or ""
        remember_parsed(slot, (dict(defaults), dict(overrides)))
        return defaults, overrides

    def relationships(self, source_part: str | None) -> list[Relationship]:
        """Relationships of a part ("" / None = the package). Missing rels part: none."""
        rels_name = "_rels/.rels" if not source_part else rels_part_name(source_part)
        if not self.has(rels_name):
            return []
        base = source_part or ""
        known, slot = parsed_before(self, rels_name, "relationships of " + base)
        if known is not NOT_PARSED:
            return list(known)
        root = self.read_xml(rels_name)
        rels = []
        for el in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            target = el.get("Target") or ""
            external = (el.get("TargetMode") or "").lower() == "external"
            resolved = target if external else resolve_part_name(base, target)
            if resolved is None:
                continue
            rels.append(Relationship(el.get("Id") or "", el.get("Type") or "", resolved, external))
        remember_parsed(slot, tuple(rels))
        return rels

    def verify_integrity(self) -> None:
        """CRC-check the XML parts not read yet, so a damaged package does not pass
        silently. Binary members (images, macro storage) are never inflated: they
        carry no text and would only cost time."""
        for info in self.by_lower_name.values():
            name = info.filename
            if name in self.read_parts or not name.lower().endswith(_XML_SUFFIXES):
                continue
            # The same compressed bytes as a part checked before (one template's theme, fonts,
            # stylesWithEffects.xml): the same inflated bytes, which passed (ingest/known_parts.py).
            raw = compressed_bytes(self.data, info)
            if checked_before(raw, info):
                continue
            _read_capped(self.zf, info, max(info.file_size, 0), self.file, keep=False)
            remember_checked(raw, info)


def check_zip_limits(infos: list[zipfile.ZipInfo], file: str, limits: Limits) -> None:
    """Zip-bomb checks on the central directory, before any member is inflated."""
    if len(infos) > limits.max_members:
        raise UnreadableDocumentError(
            file, "too-large", f"Das Paket enthält {len(infos)} Einträge (Limit {limits.max_members}).")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_uncompressed:
        raise UnreadableDocumentError(
            file, "too-large",
            f"Entpackt wäre das Paket {total // MB} MB groß (Limit {limits.max_total_uncompressed // MB} MB).")
    for info in infos:
        if info.file_size > limits.ratio_min_size:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise UnreadableDocumentError(
                    file, "too-large",
                    f"Der Eintrag {info.filename} ist {ratio:.0f}-fach komprimiert (Limit "
                    f"{limits.max_ratio:.0f}) – vermutlich eine ZIP-Bombe.")


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, file: str,
                 keep: bool = True) -> bytes:
    """Stream-inflate a member; stop at `cap` bytes even if the directory lied."""
    if info.flag_bits & 0x1:
        raise UnreadableDocumentError(
            file, "password-protected", "Der ZIP-Container ist mit einem Kennwort verschlüsselt.")
    chunks: list[bytes] = []
    total = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(4 * MB)
                if not chunk:
                    break
                total += len(chunk)
                if total > cap:
                    raise UnreadableDocumentError(
                        file, "too-large",
                        f"Der Teil {info.filename} ist entpackt größer als angegeben bzw. als das Limit.")
                if keep:
                    chunks.append(chunk)
    except UnreadableDocumentError:
        raise
    except NotImplementedError as e:  # unsupported compression method
        raise UnreadableDocumentError(
            file, "corrupt-zip", f"Der Eintrag {info.filename} nutzt ein nicht unterstütztes Packverfahren.") from e
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error, RuntimeError) as e:
        raise UnreadableDocumentError(
            file, "corrupt-zip", f"Der Eintrag {info.filename} ist beschädigt: {e}") from e
    return b"".join(chunks)


def _is_suspicious_member_name(name: str) -> bool:
    normalized = name.replace("\\", "/")
    return (normalized.startswith("/") or ".." in normalized.split("/")
            or (len(normalized) > 1 and normalized[1] == ":"))


def foreign_main_content_type(content_type: str) -> str | None:
    """German description if the main part belongs to another Office application."""
    lowered = content_type.lower()
    for marker, description in _FOREIGN_MAIN_CONTENT_TYPES.items():
        if marker.lower() in lowered:
            return description
    return None
