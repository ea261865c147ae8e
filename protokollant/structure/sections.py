"""Labelled sections inside agenda items: "Vereinbarungen:", "Aufgaben:", "Beschluss: …".

A label stands alone on its line ("Aufgaben:", or a heading/bold line that is only
the label) and then covers the list that follows, or the next few paragraphs; or
it opens a line ("Beschluss: Der Ausschuss …") and covers that line.
"""
from __future__ import annotations

import re

from ..document import Block, BlockKind
from .model import Section, SectionRole
from .vocabulary import layout_vocabulary

# "Vereinbarungen:", "- ToDo:", "**Aufgaben**", "Beschluss (einstimmig):" – label, optional bracket, colon.
_LABEL_LINE = re.compile(r"^[\s\-–•*>#]*(?P<label>[^\W\d][\w\s./-]{1,30}?)\s*(?:\((?P<paren>[^()]{0,60})\))?\s*:\s*(?P<rest>.*)$", re.S)
# Typed bullets and numbers of pad-style notes: "- ", "* ", "• ", "1. ", "a) ".
_ITEM_NUMBER = re.compile(r"^\s*(?:TOP\s*)?\d{1,2}(?:\.\d{1,2})*[.):]?\s+")
_TYPED_ITEM = re.compile(r"^\s*(?:[-–•*·▪◦]|\d{1,2}[.)]|[a-z][.)])\s+\S")


def is_item_line(block: Block, text: str) -> bool:
    """A list item, or a line of pad-style notes that starts with a typed bullet or number."""
    return block.kind is BlockKind.LIST_ITEM or bool(_TYPED_ITEM.match(text))


def _label_of(block: Block, text: str) -> tuple[SectionRole, str, str] | None:
    """(role, label, text after the label) when the line opens with a section label."""
    vocab = layout_vocabulary()
    m = _LABEL_LINE.match(text) if ":" in text else None  # a label line has its colon
    if m:
        role = vocab.section_label(m.group("label"))
        if role is not None:
            return role, m.group("label").strip(), m.group("rest").strip()
    # A heading or bold line that is only the label, without a colon ("Vereinbarungen",
    # "0. Offene Aufgaben": an agenda item that is the task list).
    if (block.kind is BlockKind.HEADING or block.bold) and len(text.split()) <= 4:
        role = vocab.section_label(_ITEM_NUMBER.sub("", text))
        if role is not None:
            return role, text.strip(" *#:"), ""
    # "Fazit: To Do", "Ergebnis: Aufgaben" as a heading: the label after the colon names what follows.
    if m and (rest := m.group("rest").strip(" *#:")) and (block.kind is BlockKind.HEADING or block.bold) and len(text.split()) <= 5:
        role = vocab.section_label(rest)
        if role is not None:
            return role, text.strip(" *#:"), ""
    return None


def find_sections(lines: list[tuple[Block, str]], stops: set[int]) -> tuple[dict[int, Section], set[int]]:
    """Line position -> section, and the positions of label-only lines.

    ``stops``: block indexes that end any section (agenda item starts)."""
    vocab = layout_vocabulary()
    paragraph_reach = vocab.section_paragraph_reach
    sections: dict[int, Section] = {}
    label_only: set[int] = set()
    pos = 0
    while pos < len(lines):
        block, text = lines[pos]
        found = _label_of(block, text) if block.kind is not BlockKind.TABLE_ROW else None
        decides_itself = False  # an intro with content of its own stays a sentence (a decision unit), not a label
        if found is None and block.kind is BlockKind.PARAGRAPH and len(text.split()) <= 4 and pos + 1 < len(lines) and (
                lines[pos + 1][0].kind is BlockKind.LIST_ITEM):
            # "Ergebnisse" / "Weiteres Vorgehen" as a plain line with a bulleted list under it.
            role = vocab.section_label(text)
            found = (role, text.strip(), "") if role is not None else None
        if found is None and block.kind is not BlockKind.TABLE_ROW and text.rstrip().endswith(":") and len(text.split()) <= 16 and (
                vocab.decision_intro.search(text)) and not vocab.decision_intro_not.search(text) and pos + 1 < len(lines):
            # "Per Akklamation werden folgende Sparmaßnahmen beschlossen:" introduces the decisions below it.
            found = (SectionRole.DECISION, text.strip(), "")
            decides_itself = len(text.split()) > 4 and not vocab.decision_intro_points_below.search(text)
        if found is None:
            pos += 1
            continue
        role, label, rest = found
        section = Section(role=role, label=label, label_line=pos)
        sections[pos] = section
        if rest:
            pos += 1
            continue
        if not decides_itself:
            label_only.add(pos)
        # What follows the label: the whole list, or the next paragraphs: one for a
        # resolution ("Beschluss:" + its text; what comes after is the item's prose again).
        # A heading that is the label ("## To Do") covers its part up to the next heading.
        reach = 1 if role is SectionRole.DECISION else len(lines) if block.kind is BlockKind.HEADING else paragraph_reach
        nxt = pos + 1
        in_list = nxt < len(lines) and is_item_line(*lines[nxt])
        taken = 0
        while nxt < len(lines):
            b, t = lines[nxt]
            if b.index in stops or b.kind in (BlockKind.HEADING, BlockKind.TABLE_ROW) or (
                b.bold and b.index != block.index
            ):
                break
            if _label_of(b, t) is not None:
                break
            if in_list and not is_item_line(b, t):
                break
            if not in_list:
                if taken >= reach:
                    break
                taken += 1
            sections[nxt] = section
            nxt += 1
        pos = nxt
    return sections, label_only
