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

import re

from lxml import etree

from protokollant.document import Block, BlockKind, BlockOrigin

from .headings import LayoutHeading, detect_layout_heading
from .numbering import ListCounter, NumberingDefinitions
from .package import R_NS, W_NS
from .styles import ParagraphStyle, Styles, int_val, on_off

_W = f"{{{W_NS}}}"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

W_BODY = _W + "body"
W_P = _W + "p"
W_PPR = _W + "pPr"
W_R = _W + "r"
W_RPR = _W + "rPr"
W_T = _W + "t"
W_TAB = _W + "tab"
W_PTAB = _W + "ptab"
W_BR = _W + "br"
W_CR = _W + "cr"
W_NOBREAKHYPHEN = _W + "noBreakHyphen"
W_SOFTHYPHEN = _W + "softHyphen"
W_SYM = _W + "sym"
W_FLDCHAR = _W + "fldChar"
W_FLDCHARTYPE = _W + "fldCharType"
W_INSTRTEXT = _W + "instrText"
W_DRAWING = _W + "drawing"
W_PICT = _W + "pict"
W_OBJECT = _W + "object"
W_RUBY = _W + "ruby"
W_RUBYBASE = _W + "rubyBase"
W_TXBXCONTENT = _W + "txbxContent"
W_TBL = _W + "tbl"
W_TR = _W + "tr"
W_TC = _W + "tc"
W_TRPR = _W + "trPr"
W_TCPR = _W + "tcPr"
W_SDT = _W + "sdt"
W_SDTPR = _W + "sdtPr"
W_SDTCONTENT = _W + "sdtContent"
W_SHOWINGPLCHDR = _W + "showingPlcHdr"
W_CUSTOMXML = _W + "customXml"
W_INS = _W + "ins"
W_DEL = _W + "del"
W_MOVETO = _W + "moveTo"
W_MOVEFROM = _W + "moveFrom"
W_SECTPR = _W + "sectPr"
W_ALTCHUNK = _W + "altChunk"
W_PSTYLE = _W + "pStyle"
W_NUMPR = _W + "numPr"
W_NUMID = _W + "numId"
W_ILVL = _W + "ilvl"
W_OUTLINELVL = _W + "outlineLvl"
W_B = _W + "b"
W_RSTYLE = _W + "rStyle"
W_VAL = _W + "val"
W_CHAR = _W + "char"
W_TBLHEADER = _W + "tblHeader"
W_GRIDBEFORE = _W + "gridBefore"
W_GRIDSPAN = _W + "gridSpan"
W_VMERGE = _W + "vMerge"
W_HMERGE = _W + "hMerge"
W_HEADERREF = _W + "headerReference"
W_FOOTERREF = _W + "footerReference"
R_ID = f"{{{R_NS}}}id"
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
M_T = f"{{{M_NS}}}t"

# Paragraph-level children that never carry visible text of their own.
_INLINE_SKIP = frozenset({
    W_PPR, W_RPR, W_SDTPR, _W + "sdtEndPr", _W + "customXmlPr", _W + "smartTagPr",
    _W + "proofErr", _W + "bookmarkStart", _W + "bookmarkEnd", _W + "commentRangeStart",
    _W + "commentRangeEnd", _W + "permStart", _W + "permEnd", _W + "fldData",
    _W + "subDoc", f"{{{M_NS}}}rPr", f"{{{M_NS}}}ctrlPr", f"{{{M_NS}}}oMathParaPr",
})
_TRACKED_REMOVED = frozenset({W_DEL, W_MOVEFROM})
_TRACKED_ADDED = frozenset({W_INS, W_MOVETO})
_BLOCK_TRANSPARENT = frozenset({W_CUSTOMXML, W_INS, W_MOVETO})
_EMBEDDED_OBJECTS = frozenset({W_DRAWING, W_PICT, W_OBJECT})

# Field stack entries: [phase, instruction parts, is TOC]; phase 0 = instruction, 1 = result.
_INSTR, _RESULT = 0, 1


def _sdt_content(sdt: etree._Element) -> etree._Element | None:
    """The content of a content control, or None when it only shows its placeholder."""
    props = sdt.find(W_SDTPR)
    if props is not None and on_off(props.find(W_SHOWINGPLCHDR)):
        return None
    return sdt.find(W_SDTCONTENT)


def _branches(alternate: etree._Element) -> tuple[etree._Element | None, etree._Element | None]:
    choice = fallback = None
    for child in alternate:
        if child.tag == MC_CHOICE:
            if choice is None:
                choice = child
        elif child.tag == MC_FALLBACK:
            fallback = child
    return choice, fallback


class _ParagraphState:
    __slots__ = ("parts", "textboxes", "all_bold", "has_visible", "style_bold", "in_toc")

    def __init__(self, style_bold: bool, in_toc: bool):
        self.parts: list[str] = []
        self.textboxes: list[etree._Element] = []
        self.all_bold = True
        self.has_visible = False
        self.style_bold = style_bold
        self.in_toc = in_toc


class ParagraphInfo:
    __slots__ = ("text", "bold", "style", "outline_level", "num_id", "ilvl", "label",
                 "is_bullet", "textboxes", "in_toc")

    def __init__(self, text: str, bold: bool, style: ParagraphStyle | None,
                 outline_level: int | None, num_id: int | None, ilvl: int | None,
                 label: str | None, is_bullet: bool, textboxes: list[etree._Element], in_toc: bool):
        self.text = text
        self.bold = bold
        self.style = style
        self.outline_level = outline_level
        self.num_id = num_id
        self.ilvl = ilvl
        self.label = label
        self.is_bullet = is_bullet
        self.textboxes = textboxes
        self.in_toc = in_toc


_STYLE_LEVEL = re.compile(r"^(?:List|Liste|Listen\w*|Aufzählung\w*)\b.*?\s([2-9])$", re.I)


class BodyWalker:
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
                content = _sdt_content(child)
                if content is not None:
                    self.walk_blocks(content, origin)
            elif tag in _BLOCK_TRANSPARENT:
                if tag != W_CUSTOMXML:
                    self.has_tracked_changes = True
                self.walk_blocks(child, origin)
            elif tag in _TRACKED_REMOVED:
                self.has_tracked_changes = True
            elif tag == MC_ALTERNATE:
                choice, fallback = _branches(child)
                before = len(self.blocks)
                if choice is not None:
                    self.walk_blocks(choice, origin)
                if fallback is not None and len(self.blocks) == before:
                    self.walk_blocks(fallback, origin)
            elif tag == W_SECTPR:
                self._note_section(child)
            elif tag == W_ALTCHUNK:
                self.alt_chunks += 1

    def collect_text(self, container: etree._Element, lines: list[str], bold: list[bool] | None = None) -> None:
        """Flatten block-level content into text lines (table cells, headers, footers).

        `bold` is [all visible text bold, any visible text] and is updated in place.
        """
        for child in container:
            tag = child.tag
            if tag == W_P:
                info = self.read_paragraph(child)
                if info.text:
                    lines.append(f"{info.label} {info.text}" if info.label else info.text)
                    if bold is not None:
                        bold[0] = bold[0] and info.bold
                        bold[1] = True
                for textbox in info.textboxes:
                    self.collect_text(textbox, lines, bold)
            elif tag == W_TBL:
                for row in self._table_rows(child):
                    line = " | ".join(cell for cell in row[1] if cell)
                    if line:
                        lines.append(line)
            elif tag == W_SDT:
                content = _sdt_content(child)
                if content is not None:
                    self.collect_text(content, lines, bold)
            elif tag in _BLOCK_TRANSPARENT:
                self.collect_text(child, lines, bold)
            elif tag == MC_ALTERNATE:
                choice, fallback = _branches(child)
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

    def read_paragraph(self, p: etree._Element) -> ParagraphInfo:
        style_id = None
        direct_num_id = direct_ilvl = outline = None
        ppr = p.find(W_PPR)
        if ppr is not None:
            for prop in ppr:
                tag = prop.tag
                if tag == W_PSTYLE:
                    style_id = prop.get(W_VAL)
                elif tag == W_NUMPR:
                    direct_num_id = int_val(prop.find(W_NUMID))
                    direct_ilvl = int_val(prop.find(W_ILVL))
                elif tag == W_OUTLINELVL:
                    outline = int_val(prop)
                elif tag == W_SECTPR:
                    self._note_section(prop)
        style = self.styles.paragraph(style_id)

        fields = self._fields
        in_toc = bool(fields) and any(f[2] for f in fields)
        state = _ParagraphState(style.bold if style is not None else False, in_toc)
        self._inline(p, state)
        if self._hidden:  # an unfinished field instruction must not hide later paragraphs
            self._fields = [f for f in fields if f[0] == _RESULT]
            self._hidden = 0

        num_id = direct_num_id if direct_num_id is not None else (style.num_id if style else None)
        label = None
        is_bullet = False
        ilvl = None
        if num_id:  # numId 0 removes numbering
            ilvl = direct_ilvl
            if ilvl is None and style is not None:
                ilvl = style.ilvl
                if ilvl is None:
                    ilvl = self.numbering.level_for_style(num_id, style.style_id)
            if ilvl is None:
                ilvl = 0
            rendered = self.counter.next_label(num_id, ilvl)
            if rendered is not None:
                label, is_bullet = rendered
            else:
                num_id = None
            # Word's built-in "List Bullet 2" / "Aufzählungszeichen 3" styles are their own
            # lists at level 0, shown indented: their number is the level a reader sees.
            if direct_ilvl is None and style is not None and (m := _STYLE_LEVEL.search(style.name or "")):
                ilvl = max(ilvl, int(m.group(1)) - 1)

        text = "".join(state.parts).strip()
        return ParagraphInfo(
            text, state.all_bold and state.has_visible, style, outline,
            num_id if label is not None else None, ilvl, label, is_bullet,
            state.textboxes, state.in_toc)

    def _inline(self, parent: etree._Element, st: _ParagraphState) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, st)
            elif tag in _INLINE_SKIP:
                continue
            elif tag in _TRACKED_REMOVED:
                self.has_tracked_changes = True
            elif tag == W_SDT:
                content = _sdt_content(child)
                if content is not None:
                    self._inline(content, st)
            elif tag == MC_ALTERNATE:
                self._alternate(child, st, self._inline)
            elif tag == M_T:
                if not self._hidden and child.text:
                    st.parts.append(child.text)
                    st.has_visible = True
                    st.all_bold = False  # an equation is not a bold heading line
            elif tag == W_TXBXCONTENT:
                st.textboxes.append(child)
            else:  # hyperlink, smartTag, customXml, ins, moveTo, fldSimple, bdo, dir, math, ...
                if tag in _TRACKED_ADDED:
                    self.has_tracked_changes = True
                self._inline(child, st)

    def _alternate(self, alternate: etree._Element, st: _ParagraphState, walk) -> None:
        """Take mc:Choice, or mc:Fallback only if the choice yielded nothing."""
        choice, fallback = _branches(alternate)
        before = (len(st.parts), len(st.textboxes))
        if choice is not None:
            walk(choice, st)
        if fallback is not None and (len(st.parts), len(st.textboxes)) == before:
            walk(fallback, st)

    def _run(self, r: etree._Element, st: _ParagraphState) -> None:
        run_bold = None
        rpr = None
        for child in r:
            tag = child.tag
            if tag == W_T:
                text = child.text
                if text and not self._hidden:
                    st.parts.append(text)
                    if not text.isspace():
                        st.has_visible = True
                        if st.all_bold:
                            if run_bold is None:
                                run_bold = self._run_bold(rpr, st)
                            if not run_bold:
                                st.all_bold = False
            elif tag == W_RPR:
                rpr = child
            elif tag == W_TAB or tag == W_PTAB:
                if not self._hidden:
                    st.parts.append("\t")
            elif tag == W_BR or tag == W_CR:
                if not self._hidden:
                    st.parts.append("\n")
            elif tag == W_FLDCHAR:
                self._field_char(child.get(W_FLDCHARTYPE), st)
            elif tag == W_INSTRTEXT:
                if self._fields and self._fields[-1][0] == _INSTR and child.text:
                    self._fields[-1][1].append(child.text)
            elif tag == W_NOBREAKHYPHEN:
                if not self._hidden:
                    st.parts.append("-")
            elif tag == W_SYM:
                if not self._hidden:
                    symbol = _symbol_char(child.get(W_CHAR))
                    if symbol:
                        st.parts.append(symbol)
            elif tag in _EMBEDDED_OBJECTS:
                self._find_textboxes(child, st.textboxes)
            elif tag == MC_ALTERNATE:
                self._alternate(child, st, self._run)
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self._inline(base, st)
            # w:delText, w:delInstrText, w:softHyphen, note references, page-number
            # fields etc. carry no current body text.

    def _run_bold(self, rpr: etree._Element | None, st: _ParagraphState) -> bool:
        if rpr is not None:
            bold = rpr.find(W_B)
            if bold is not None:
                return bool(on_off(bold))
            char_style = rpr.find(W_RSTYLE)
            if char_style is not None:
                style_bold = self.styles.character_bold(char_style.get(W_VAL) or "")
                if style_bold is not None:
                    return style_bold
        return st.style_bold

    def _field_char(self, kind: str | None, st: _ParagraphState) -> None:
        fields = self._fields
        if kind == "begin":
            fields.append([_INSTR, [], False])
            self._hidden += 1
        elif kind == "separate":
            if fields and fields[-1][0] == _INSTR:
                field = fields[-1]
                field[0] = _RESULT
                self._hidden -= 1
                if "".join(field[1]).lstrip().upper().startswith("TOC"):
                    field[2] = True
                    st.in_toc = True
        elif kind == "end":
            if fields:
                field = fields.pop()
                if field[0] == _INSTR:
                    self._hidden -= 1

    def _find_textboxes(self, element: etree._Element, found: list[etree._Element]) -> None:
        """Text boxes inside a drawing/VML shape; nested ones are found when their box is read."""
        for child in element:
            tag = child.tag
            if tag == W_TXBXCONTENT:
                found.append(child)
            elif tag == MC_ALTERNATE:
                choice, fallback = _branches(child)
                before = len(found)
                if choice is not None:
                    self._find_textboxes(choice, found)
                if fallback is not None and len(found) == before:
                    self._find_textboxes(fallback, found)
            elif len(child):
                self._find_textboxes(child, found)

    # --- tables ------------------------------------------------------------------------------

    def _rows(self, container: etree._Element):
        for child in container:
            tag = child.tag
            if tag == W_TR:
                yield child
            elif tag == W_SDT:
                content = _sdt_content(child)
                if content is not None:
                    yield from self._rows(content)
            elif tag in _BLOCK_TRANSPARENT:
                yield from self._rows(child)
            elif tag == MC_ALTERNATE:
                choice, fallback = _branches(child)
                branch = choice if choice is not None else fallback
                if branch is not None:
                    yield from self._rows(branch)

    def _cells(self, container: etree._Element):
        for child in container:
            tag = child.tag
            if tag == W_TC:
                yield child
            elif tag == W_SDT:
                content = _sdt_content(child)
                if content is not None:
                    yield from self._cells(content)
            elif tag in _BLOCK_TRANSPARENT:
                yield from self._cells(child)

    def _table_rows(self, tbl: etree._Element | list[etree._Element]
                    ) -> list[tuple[int, list[str], list[int], bool, bool]]:
        """(row index, cell texts, grid column of each cell, w:tblHeader, all text bold)."""
        rows = []
        for row_index, tr in enumerate(tbl if isinstance(tbl, list) else self._rows(tbl)):
            column = 0
            repeat_header = False
            trpr = tr.find(W_TRPR)
            if trpr is not None:
                if trpr.find(W_DEL) is not None:  # tracked deletion of the whole row
                    self.has_tracked_changes = True
                    continue
                repeat_header = bool(on_off(trpr.find(W_TBLHEADER)))
                column = int_val(trpr.find(W_GRIDBEFORE)) or 0
            cells: list[str] = []
            columns: list[int] = []
            bold = [True, False]
            for tc in self._cells(tr):
                span = 1
                tcpr = tc.find(W_TCPR)
                if tcpr is not None:
                    span = max(int_val(tcpr.find(W_GRIDSPAN)) or 1, 1)
                    hmerge = tcpr.find(W_HMERGE)
                    if hmerge is not None and (hmerge.get(W_VAL) or "continue") != "restart":
                        column += span  # legacy horizontal merge: the cell appears once
                        continue
                # A vertically merged continuation cell is normally empty; its own text
                # (if any) is kept, the restart cell's text is not repeated.
                lines: list[str] = []
                self.collect_text(tc, lines, bold)
                cells.append("\n".join(lines))
                columns.append(column)
                column += span
            rows.append((row_index, cells, columns, repeat_header, bold[0] and bold[1]))
        return rows

    def _emit_table(self, tbl: etree._Element, origin: BlockOrigin) -> None:
        tr_elements = list(self._rows(tbl))
        if len(tr_elements) == 1:
            only_cells = list(self._cells(tr_elements[0]))
            if len(only_cells) == 1:
                # A one-cell table is a frame around ordinary text (a common minutes
                # template): read its content as body blocks so headings stay visible.
                self.walk_blocks(only_cells[0], origin)
                return
        table_index = self._table_count
        self._table_count += 1
        rows = self._table_rows(tr_elements)
        header_positions = []
        for position, row in enumerate(rows):  # leading rows marked "repeat as header row"
            if not row[3]:
                break
            header_positions.append(position)
        if not header_positions:
            first_with_text = next((pos for pos, row in enumerate(rows) if any(row[1])), None)
            if first_with_text is not None:
                header_positions = [first_with_text]
        header = _header_texts([rows[pos] for pos in header_positions])
        header_set = set(header_positions)
        for position, (row_index, cells, columns, _, bold) in enumerate(rows):
            if not any(cells):
                continue
            is_header = position in header_set
            self.blocks.append(Block(
                index=len(self.blocks),
                kind=BlockKind.TABLE_ROW,
                text=" | ".join(cell for cell in cells if cell),
                cells=cells,
                cell_columns=columns,
                header=None if is_header else header,
                table_index=table_index,
                row_index=row_index,
                is_header_row=is_header,
                bold=bold,
                origin=origin,
            ))


def _header_texts(header_rows: list[tuple[int, list[str], list[int], bool, bool]]) -> list[str] | None:
    """Cell texts of the (last) header row; cells left empty by a vertical merge
    take the text from the header row above at the same grid column."""
    if not header_rows:
        return None
    *upper, last = header_rows
    texts = list(last[1])
    for i, (text, column) in enumerate(zip(last[1], last[2])):
        if text:
            continue
        for row in reversed(upper):
            above = dict(zip(row[2], row[1]))
            if above.get(column):
                texts[i] = above[column]
                break
    return texts


def _symbol_char(code: str | None) -> str:
    """w:sym: the character if it is a real Unicode one; symbol-font glyphs (PUA) are dropped."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        return "•" if value in (0xF0B7, 0xF0A7) else ""
    if value < 0x20 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return ""
    return chr(value)
