"""Agenda items written as label lines: the last source of topics, for minutes with no
"TOP" lines, headings or numbered items.

Plain-text minutes of clubs and groups often name each item on a line of its own that ends
in a colon, its text in the paragraphs below ("Jahresbericht des Vorstandes:", "Offene
Diskussion:"). Such a line is an item when it is short, names no header field, section label
("Beschluss:", "Aufgaben:") or agenda preview, and text follows it; at least two of them
make an agenda (one alone is a label of the text around it).
"""
from __future__ import annotations

import re

from ..document import Block, BlockKind
from ..structure.vocabulary import layout_vocabulary
from .meta import field_of_key
from .topic_lines import meta_heading, sentence_like
from .text import clean

LABEL_MAX_WORDS = 6
"""An item's name; a longer line ending in a colon introduces what follows ("Dazu wurde festgehalten:")."""
MIN_LABELS = 2

# Opens with a capital letter or digit, ends in its colon; no sentence inside ("Es wurde beschlossen:").
_LABEL = re.compile(r"^[A-ZÄÖÜ0-9][^:.!?]*:$")
# "Dazu:", "Folgendes:", "Wie folgt:": words that point to the text, no item's name.
_POINTERS = frozenset({"dazu", "folgendes", "wie folgt", "hierzu", "anmerkung", "anmerkungen", "hinweis", "hinweise", "fazit"})


def label_line_starts(blocks: list[Block], skip: set[int]) -> list[tuple[Block, None, str, int]]:
    """(block, None, title, 1) for each label line that names an item, or [] when fewer than two do."""
    vocab = layout_vocabulary()
    starts = []
    body = [b for b in blocks if b.index not in skip and b.text.strip()]
    for pos, block in enumerate(body):
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING) or block.table_index is not None:
            continue
        text = clean(block.text)
        if not _LABEL.match(text) or len(text.split()) > LABEL_MAX_WORDS:
            continue
        name = text.rstrip(":").strip()
        if (name.lower() in _POINTERS or field_of_key(name) is not None or vocab.section_label(name) is not None
                or meta_heading(name)):
            continue
        following = body[pos + 1] if pos + 1 < len(body) else None
        if following is None or _LABEL.match(clean(following.text)):
            continue  # nothing below it, or another label: a heading of labels, no item
        starts.append((block, None, name, 1))
    return starts if len(starts) >= MIN_LABELS else []


def single_item_start(blocks: list[Block], skip: set[int]) -> list[tuple[Block, None, str, int]]:
    """"1. Einwohnerfragestunde" with its text below: a council information system's page of one
    agenda item keeps the item's number as Word numbering; the body's only numbered top-level item,
    short and no sentence, is its agenda item when prose follows it."""
    items = [b for b in blocks if b.kind is BlockKind.LIST_ITEM and b.index not in skip and not b.list_level
             and b.list_number and b.list_number[0].isalnum()]
    if len(items) != 1:
        return []
    item = items[0]
    title = clean(item.text.split("\n", 1)[0])
    if not 1 <= len(title.split()) <= LABEL_MAX_WORDS or sentence_like(title) or not any(
            b.kind is BlockKind.PARAGRAPH for b in blocks[item.index + 1 : item.index + 4]):
        return []
    return [(item, None, title, 1)]
