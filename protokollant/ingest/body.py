"""Walk a WordprocessingML body once and turn it into Blocks.

A single recursive walk with dispatch by tag, instead of python-docx's
paragraph/run API, because that API silently drops text in content controls,
tracked insertions, smart tags, fields, text boxes and nested containers — and
because one pass over the tree is also the fast way.

Text rules (the "current" text as Word shows it):
  in:  w:t in runs, w:ins, w:moveTo, hyperlinks, smart tags, customXml, content
       controls (not placeholder text), simple fields, complex-field results, math
  out: w:delText, w:del, w:moveFrom, w:instrText, field instructions, one of the
       two branches of every mc:AlternateContent
Text boxes become their own blocks after the paragraph that anchors them.
"""
from __future__ import annotations

from lxml import etree

from protokollant.document import Block, BlockKind, BlockOrigin

from .headings import LayoutHeading, detect_layout_heading
from .numbering import ListCounter, NumberingDefinitions
from .paragraphs import ParagraphInfo, ParagraphReader
from .styles import Styles
from .tables import TableReader
from .wordml import (
    BLOCK_TRANSPARENT, MC_ALTERNATE, R_ID, TRACKED_REMOVED, W_ALTCHUNK, W_CUSTOMXML, W_FOOTERREF, W_HEADERREF,
    W_P, W_SDT, W_SECTPR, W_TBL, branches, sdt_content,
)


class BodyWalker(ParagraphReader, TableReader):
    """Reads one story (body, header or footer) in document order."""

    def __init__(self, styles: Styles, numbering: NumberingDefinitions):
        self.styles = styles
        self.numbering = numbering
        self.counter = ListCounter(numbering)
        self.blocks: list[Block] = []
        self.layout_candidates: dict[int, tuple[LayoutHeading, BlockKind]] = {}
        self.section_refs: list[tuple[str, str]] = []
        """(kind "header"/"footer", relationship id) in document order."""
        self.has_tracked_changes = False
        self.alt_chunks = 0
        self._fields: list[list] = []
        self._hidden = 0  # fields currently in their instruction part
        self._table_count = 0

    # --- block level --------------------------------------------------------------------

    def walk_blocks(self, container: etree._Element, origin: BlockOrigin = BlockOrigin.BODY) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                self._emit_paragraph(child, origin)
            elif tag == W_TBL:
                self._emit_table(child, origin)
            elif tag == W_SDT:
                content = sdt_content(child)
                if content is not None:
                    self.walk_blocks(content, origin)
            elif tag in BLOCK_TRANSPARENT:
                if tag != W_CUSTOMXML:
                    self.has_tracked_changes = True
                self.walk_blocks(child, origin)
            elif tag in TRACKED_REMOVED:
                self.has_tracked_changes = True
            elif tag == MC_ALTERNATE:
                choice, fallback = branches(child)
                before = len(self.blocks)
                if choice is not None:
                    self.walk_blocks(choice, origin)
                if fallback is not None and len(self.blocks) == before:
                    self.walk_blocks(fallback, origin)
            elif tag == W_SECTPR:
                self._note_section(child)
            elif tag == W_ALTCHUNK:
                self.alt_chunks += 1

    def collect_text(self, container: etree._Element, lines: list[str], bold: list[bool] | None = None,
                     keep_empty: bool = False) -> None:
        """Flatten block-level content into text lines (table cells, headers, footers).

        `bold` is [all visible text bold, any visible text] and is updated in place.
        `keep_empty`: an empty paragraph is an empty line (in a table cell it holds the place of a
        line beside the lines of the next cell: "<leer> / IHK (Hr. Lenz)").
        """
        for child in container:
            tag = child.tag
            if tag == W_P:
                info = self.read_paragraph(child)
                if info.text:
                    if keep_empty:
                        lines.extend([""] * info.leading_breaks)
                    lines.append(f"{info.label} {info.text}" if info.label else info.text)
                    if bold is not None:
                        bold[0] = bold[0] and info.bold
                        bold[1] = True
                elif keep_empty and not info.textboxes:
                    lines.append("")
                for textbox in info.textboxes:
                    self.collect_text(textbox, lines, bold)
            elif tag == W_TBL:
                for row in self._table_rows(child):
                    line = " | ".join(cell for cell in row[1] if cell)
                    if line:
                        lines.append(line)
            elif tag == W_SDT:
                content = sdt_content(child)
                if content is not None:
                    self.collect_text(content, lines, bold)
            elif tag in BLOCK_TRANSPARENT:
                self.collect_text(child, lines, bold)
            elif tag == MC_ALTERNATE:
                choice, fallback = branches(child)
                before = len(lines)
                if choice is not None:
                    self.collect_text(choice, lines, bold)
                if fallback is not None and len(lines) == before:
                    self.collect_text(fallback, lines, bold)
            elif tag == W_SECTPR:
                self._note_section(child)

    def _note_section(self, sect_pr: etree._Element) -> None:
        for ref in sect_pr:
            if ref.tag == W_HEADERREF:
                kind = "header"
            elif ref.tag == W_FOOTERREF:
                kind = "footer"
            else:
                continue
            rel_id = ref.get(R_ID)
            if rel_id:
                self.section_refs.append((kind, rel_id))

    # --- paragraphs ------------------------------------------------------------------------

    def _emit_paragraph(self, p: etree._Element, origin: BlockOrigin) -> None:
        info = self.read_paragraph(p)
        if info.text:
            self.blocks.append(self._make_block(info, origin))
        for textbox in info.textboxes:
            self.walk_blocks(textbox, BlockOrigin.TEXTBOX)

    def _make_block(self, info: ParagraphInfo, origin: BlockOrigin) -> Block:
        style = info.style
        level = None
        if info.outline_level is not None:
            if 0 <= info.outline_level <= 8:
                level = info.outline_level + 1
        elif style is not None:
            level = style.heading_level
        is_list = info.label is not None
        block = Block(
            index=len(self.blocks),
            kind=BlockKind.HEADING if level else (BlockKind.LIST_ITEM if is_list else BlockKind.PARAGRAPH),
            text=info.text,
            style=style.name if style is not None else None,
            heading_level=level,
            heading_source="style" if level else None,
            list_level=info.ilvl if is_list else None,
            list_number=info.label or None,
            list_id=info.num_id if is_list else None,
            bold=info.bold,
            origin=origin,
        )
        if level is None and not info.in_toc and not (style is not None and style.is_toc):
            layout = detect_layout_heading(
                info.text, bold=info.bold, list_label=info.label if is_list else None,
                is_bullet=info.is_bullet, list_level=info.ilvl)
            if layout is not None:
                self.layout_candidates[block.index] = (layout, block.kind)
                block.kind = BlockKind.HEADING
                block.heading_level = layout.level
                block.heading_source = "layout"
        return block
