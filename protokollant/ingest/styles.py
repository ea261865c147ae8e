"""Paragraph and character styles: names, heading levels, list links, bold.

Word resolves most properties through the basedOn chain; we follow it for the
handful of properties the reader needs and cache the result per style id.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .package import W_NS

_W = f"{{{W_NS}}}"
W_STYLE = _W + "style"
W_VAL = _W + "val"

_HEADING_NAME = re.compile(
    r"^(?:heading|[üu]?berschrift|titre|t[ií]tulo|titolo|kop|nagłówek|rubrik)\s*([1-9])$",
    re.IGNORECASE)
_TITLE_NAMES = frozenset({"title", "titel", "titre", "título", "titolo"})
_TOC_NAME = re.compile(r"^(?:toc|verzeichnis|inhaltsverzeichnis|tdm|tabla de contenido)\s*[1-9]$",
                       re.IGNORECASE)
_MAX_CHAIN = 20

# The byte-level view of a styles part (see Styles.from_part).
_W_DECL = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_ROOT_OPEN = re.compile(rb"<w:styles\b[^>]*>")
_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\b.*?</w:docDefaults>", re.S)
_STYLE_ATTR = re.compile(rb'\bw:(styleId|type|default)="([^"]*)"')

_FALSE_VALUES = frozenset({"0", "false", "off", "none"})


def on_off(el: etree._Element | None) -> bool | None:
    """ST_OnOff: a present element without w:val means on."""
    if el is None:
        return None
    val = el.get(W_VAL)
    return val is None or val.lower() not in _FALSE_VALUES


def int_val(el: etree._Element | None) -> int | None:
    if el is None:
        return None
    try:
        return int(el.get(W_VAL) or "")
    except ValueError:
        return None


def heading_level_from_style_name(*names: str | None) -> int | None:
    """1-based heading level for Title / Heading N / Überschrift N (ids and names)."""
    for name in names:
        if not name:
            continue
        stripped = name.strip()
        if stripped.lower() in _TITLE_NAMES:
            return 1
        match = _HEADING_NAME.match(stripped)
        if match:
            return int(match.group(1))
    return None


def is_toc_style(*names: str | None) -> bool:
    return any(name and _TOC_NAME.match(name.strip()) for name in names)


def display_name(name: str | None, style_id: str) -> str:
    """Word stores built-in names in lower case ("heading 1"); show them as Word does."""
    if not name:
        return style_id
    if name[:1].islower() and (name.startswith(("heading ", "toc ")) or name in {"title", "caption"}):
        return name[:1].upper() + name[1:]
    return name


@dataclass(slots=True)
class _RawStyle:
    style_id: str
    name: str | None
    kind: str
    based_on: str | None
    outline_level: int | None
    num_id: int | None
    ilvl: int | None
    bold: bool | None


@dataclass(slots=True)
class ParagraphStyle:
    style_id: str
    name: str
    heading_level: int | None
    """From the style name or the (inherited) outline level; None = body text."""
    num_id: int | None
    ilvl: int | None
    bold: bool
    is_toc: bool


class Styles:
    """Style lookups, resolved lazily: a styles part lists hundreds of (latent) styles,
    a document uses a handful."""

    def __init__(self, root: etree._Element | None = None):
        self._elements: dict[str, etree._Element] = {}
        self._chunks: dict[str, bytes] = {}  # style id -> unparsed <w:style> element (lazy source)
        self._wrap: tuple[bytes, bytes] = (b"", b"")
        self._parse = None
        self._raw: dict[str, _RawStyle | None] = {}
        self.default_paragraph_style: str | None = None
        self._default_bold = False
        self._paragraph_cache: dict[str | None, ParagraphStyle | None] = {}
        self._char_bold_cache: dict[str, bool | None] = {}
        if root is not None:
            self._index(root)

    def _index(self, root: etree._Element) -> None:
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}b")
        self._default_bold = bool(on_off(defaults))
        style_id_attr, type_attr, default_attr = _W + "styleId", _W + "type", _W + "default"
        for el in root.iterchildren(W_STYLE):
            style_id = el.get(style_id_attr)
            if not style_id or style_id in self._elements:
                continue
            self._elements[style_id] = el
            if self.default_paragraph_style is None and (el.get(default_attr) or "").lower() in ("1", "true", "on") \
                    and (el.get(type_attr) or "paragraph") == "paragraph":
                self.default_paragraph_style = style_id

    @classmethod
    def from_part(cls, data: bytes, parse) -> Styles:
        """Styles from the raw styles part. ``parse(bytes)`` is the safe XML parser.

        Word writes a styles part of 20–350 KB (hundreds of built-in styles) while a
        document uses a handful, and parsing it whole cost about as much as reading
        the body. So the part is split into its ``<w:style>`` elements at the byte
        level and each is parsed on first use, inside the part's own root tag (same
        namespaces). Anything unusual — another prefix or encoding, comments, CDATA,
        markup-compatibility blocks, escaped ids, a truncated part — takes the
        ordinary path: the whole part parsed at once.
        """
        lazy = cls._split(data)
        if lazy is None:
            return cls(parse(data))
        root_open, defaults, chunks = lazy
        styles = cls()
        styles._wrap = (root_open, b"</w:styles>")
        styles._parse = parse
        if defaults is not None:
            try:
                styles._default_bold = bool(on_off(
                    parse(root_open + defaults + b"</w:styles>").find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}b")))
            except Exception:  # noqa: BLE001 - an unreadable default is no default
                styles._default_bold = False
        for style_id, style_type, default, chunk in chunks:
            if style_id in styles._chunks:
                continue
            styles._chunks[style_id] = chunk
            if styles.default_paragraph_style is None and default.lower() in (b"1", b"true", b"on") \
                    and style_type in (b"paragraph", b""):
                styles.default_paragraph_style = style_id
        return styles

    @staticmethod
    def _split(data: bytes):
        if not data.rstrip().endswith(b"</w:styles>") or not data.startswith((b"<?xml", b"<w:styles")):
            return None
        # Comments, CDATA, markup-compatibility blocks, a UTF-16 declaration. Three scans of the
        # part instead of five: "<!--" and "<![CDATA[" both hold a "!", which nearly no styles part
        # does (found at memchr speed), and both declarations hold "UTF-16".
        if (b"!" in data and (b"<!--" in data or b"<![CDATA[" in data)) or b"AlternateContent" in data or (
                b"UTF-16" in data and (b"encoding=\"UTF-16" in data or b"encoding='UTF-16" in data)):
            return None
        head = _ROOT_OPEN.search(data, 0, 4096)
        if head is None or _W_DECL not in head.group(0):
            return None
        body_start = head.end()
        defaults = _DOC_DEFAULTS.search(data, body_start)
        chunks = []
        pos = body_start
        # bytes.find runs at memchr speed; a regex with .*? over 300 KB did not
        while (start := data.find(b"<w:style", pos)) != -1:
            after = data[start + 8 : start + 9]
            if after not in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
                pos = start + 8  # <w:styles>, <w:styleLink>, …
                continue
            tag_end = data.find(b">", start)
            if tag_end == -1:
                return None
            if data[tag_end - 1 : tag_end] == b"/":
                end = tag_end + 1
            else:
                close = data.find(b"</w:style>", tag_end)
                if close == -1:
                    return None
                end = close + len(b"</w:style>")
            start_tag = data[start:tag_end]
            attrs = dict(_STYLE_ATTR.findall(start_tag))
            style_id = attrs.get(b"styleId", b"")
            if b"&" in style_id:
                return None  # an escaped id: let the parser decode it
            if style_id:
                chunks.append((style_id.decode("utf-8"), attrs.get(b"type", b""), attrs.get(b"default", b""), data[start:end]))
            pos = end
        if not chunks and b"<w:style " in data[body_start:]:
            return None
        return head.group(0), (defaults.group(0) if defaults else None), chunks

    def _element(self, style_id: str) -> etree._Element | None:
        el = self._elements.get(style_id)
        if el is None and style_id in self._chunks:
            chunk = self._chunks.pop(style_id)
            try:
                el = self._parse(self._wrap[0] + chunk + self._wrap[1])[0]
            except Exception:  # noqa: BLE001 - a broken style is a missing style
                el = None
            if el is not None:
                self._elements[style_id] = el
        return el

    def _raw_style(self, style_id: str) -> _RawStyle | None:
        try:
            return self._raw[style_id]
        except KeyError:
            pass
        el = self._element(style_id)
        raw = None
        if el is not None:
            name_el = el.find(_W + "name")
            based_el = el.find(_W + "basedOn")
            ppr = el.find(_W + "pPr")
            outline = num_id = ilvl = None
            if ppr is not None:
                outline = int_val(ppr.find(_W + "outlineLvl"))
                numpr = ppr.find(_W + "numPr")
                if numpr is not None:
                    num_id = int_val(numpr.find(_W + "numId"))
                    ilvl = int_val(numpr.find(_W + "ilvl"))
            rpr = el.find(_W + "rPr")
            raw = _RawStyle(
                style_id,
                name_el.get(W_VAL) if name_el is not None else None,
                el.get(_W + "type") or "paragraph",
                based_el.get(W_VAL) if based_el is not None else None,
                outline, num_id, ilvl,
                on_off(rpr.find(_W + "b")) if rpr is not None else None)
        self._raw[style_id] = raw
        return raw

    def _chain(self, style_id: str | None) -> list[_RawStyle]:
        chain: list[_RawStyle] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(chain) < _MAX_CHAIN:
            seen.add(style_id)
            raw = self._raw_style(style_id)
            if raw is None:
                break
            chain.append(raw)
            style_id = raw.based_on
        return chain

    def paragraph(self, style_id: str | None) -> ParagraphStyle | None:
        """Resolved paragraph style; None for "no style and no default"."""
        try:
            return self._paragraph_cache[style_id]
        except KeyError:
            pass
        effective_id = style_id or self.default_paragraph_style
        resolved = None
        if effective_id:
            chain = self._chain(effective_id)
            name = chain[0].name if chain else None
            level = heading_level_from_style_name(effective_id, name)
            if level is None:
                outline = next((s.outline_level for s in chain if s.outline_level is not None), None)
                if outline is not None and 0 <= outline <= 8:
                    level = outline + 1
                elif outline is None:  # a custom style based on "Heading 2" without outlineLvl
                    level = next((lvl for s in chain[1:]
                                  if (lvl := heading_level_from_style_name(s.style_id, s.name))), None)
            num_id = next((s.num_id for s in chain if s.num_id is not None), None)
            ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
            bold = next((s.bold for s in chain if s.bold is not None), self._default_bold)
            resolved = ParagraphStyle(
                effective_id, display_name(name, effective_id), level, num_id, ilvl, bold,
                is_toc_style(effective_id, name))
        self._paragraph_cache[style_id] = resolved
        return resolved

    def character_bold(self, style_id: str) -> bool | None:
        try:
            return self._char_bold_cache[style_id]
        except KeyError:
            pass
        bold = next((s.bold for s in self._chain(style_id) if s.bold is not None), None)
        self._char_bold_cache[style_id] = bold
        return bold

    def numbering_style_num_id(self, style_id: str) -> int | None:
        """numId a numbering style (w:type="numbering") points at, for numStyleLink."""
        return next((s.num_id for s in self._chain(style_id) if s.num_id is not None), None)
