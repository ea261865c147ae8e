"""Reading one paragraph: its text as Word shows it (runs, fields, tracked
changes, content controls, symbols, math), whether it is all bold, its style,
outline level and list label, and the text boxes anchored in it."""
from __future__ import annotations

import re

from lxml import etree

from .styles import ParagraphStyle, int_val, on_off
from .wordml import (
    EMBEDDED_OBJECTS, INLINE_SKIP, M_T, MC_ALTERNATE, TRACKED_ADDED, TRACKED_REMOVED, W_B, W_BR, W_CHAR,
    W_CR, W_FLDCHAR, W_FLDCHARTYPE, W_ILVL, W_INSTRTEXT, W_NOBREAKHYPHEN, W_NUMID, W_NUMPR, W_OUTLINELVL,
    W_PPR, W_PSTYLE, W_PTAB, W_R, W_RPR, W_RSTYLE, W_RUBY, W_RUBYBASE, W_SDT, W_SECTPR, W_SYM, W_T, W_TAB,
    W_TXBXCONTENT, W_VAL, branches, sdt_content,
)

# Field stack entries: [phase, instruction parts, is TOC]; phase 0 = instruction, 1 = result.
_INSTR, _RESULT = 0, 1


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
                 "is_bullet", "textboxes", "in_toc", "leading_breaks")

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
        self.leading_breaks = 0  # line breaks before the text ("<w:br/>IHK" in a table cell)


_STYLE_LEVEL = re.compile(r"^(?:List|Liste|Listen\w*|Aufzählung\w*)\b.*?\s([2-9])$", re.I)


class ParagraphReader:
    """The paragraph methods of ``BodyWalker`` (a base class: it uses the walker's
    styles, numbering, list counter, field stack and section notes)."""

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

        raw = "".join(state.parts)
        text = raw.strip()
        info = ParagraphInfo(
            text, state.all_bold and state.has_visible, style, outline,
            num_id if label is not None else None, ilvl, label, is_bullet,
            state.textboxes, state.in_toc)
        if text and raw[:1].isspace():
            info.leading_breaks = raw[: len(raw) - len(raw.lstrip())].count("\n")
        return info

    def _inline(self, parent: etree._Element, st: _ParagraphState) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, st)
            elif tag in INLINE_SKIP:
                continue
            elif tag in TRACKED_REMOVED:
                self.has_tracked_changes = True
            elif tag == W_SDT:
                content = sdt_content(child)
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
                if tag in TRACKED_ADDED:
                    self.has_tracked_changes = True
                self._inline(child, st)

    def _alternate(self, alternate: etree._Element, st: _ParagraphState, walk) -> None:
        """Take mc:Choice, or mc:Fallback only if the choice yielded nothing."""
        choice, fallback = branches(alternate)
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
            elif tag in EMBEDDED_OBJECTS:
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
                choice, fallback = branches(child)
                before = len(found)
                if choice is not None:
                    self._find_textboxes(choice, found)
                if fallback is not None and len(found) == before:
                    self._find_textboxes(fallback, found)
            elif len(child):
                self._find_textboxes(child, found)


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
