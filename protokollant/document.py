"""The document model the reader produces: blocks in body order with provenance.

Plain slotted dataclasses, not pydantic: a long document has tens of thousands
of blocks and reading must stay close to plain python-docx speed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


class BlockOrigin(str, Enum):
    """Where in the package the text stands (body text is what minutes are made of)."""

    BODY = "body"
    TEXTBOX = "textbox"


@dataclass(slots=True)
class Block:
    index: int
    """Position in body order, 0-based; the key every extracted item points back to."""
    kind: BlockKind
    text: str
    """Current text (tracked insertions in, deletions out). Line breaks inside a
    paragraph are kept as "\\n". For table rows: the cells joined with " | "."""
    style: str | None = None
    heading_level: int | None = None
    """1 = top level. Set for style headings and for detected ones (see heading_source)."""
    heading_source: str | None = None
    """"style" (Word heading/title style or outline level) or "layout" (bold short
    line, "TOP 3:", "Tagesordnungspunkt 4", ...)."""
    list_level: int | None = None
    """0-based list level (w:ilvl) for list items."""
    list_number: str | None = None
    """The label Word renders for a list item, e.g. "3.2", "a)", "•"."""
    list_id: int | None = None
    """w:numId of the list, so items of one list can be grouped."""
    bold: bool = False
    """All visible text of the paragraph is bold."""
    cells: list[str] | None = None
    """Table rows: the text of each cell, merged cells once."""
    cell_columns: list[int] | None = None
    """Table rows: the grid column each cell starts at (a merged cell spans several)."""
    header: list[str] | None = None
    """Table rows: the header row's cell texts (None for the header row itself)."""
    table_index: int | None = None
    row_index: int | None = None
    is_header_row: bool = False
    origin: BlockOrigin = BlockOrigin.BODY

    @property
    def is_heading(self) -> bool:
        return self.kind is BlockKind.HEADING


@dataclass(slots=True)
class DocumentProperties:
    title: str | None = None
    author: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    last_modified_by: str | None = None
    subject: str | None = None
    keywords: str | None = None


@dataclass(slots=True)
class Document:
    blocks: list[Block] = field(default_factory=list)
    properties: DocumentProperties = field(default_factory=DocumentProperties)
    header_text: list[str] = field(default_factory=list)
    """Paragraph texts of the page headers (each distinct text once)."""
    footer_text: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Things the reader noticed that a person should know (no text, macros present, ...)."""
    name: str | None = None
    """The input's file name, when read from a path."""

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
