"""The passage of an item that a short line holds in part: the whole line.

A pad line or a list item is one statement ("Bauaktion am 12.11. → Material bestellen (HG), Holz
ca. 150 € ok von allen"); the extractors take the sentence or clause that carries the cue, and
readers and annotators quote the line. The item's own text stays the clause; its evidence, what a
reviewer finds in Word, becomes the line, unless the line holds a second item of the same kind.
"""
from __future__ import annotations

from ..document import Block, BlockKind
from .text import clean

LINE_WORDS = 60
"""A line up to this many words is one statement (longer ones are paragraphs of prose; measured:
40 and 80 words score within .001 of 60 on decisions)."""

_LINE_KINDS = {BlockKind.LIST_ITEM.value, BlockKind.PARAGRAPH.value}


def widen_to_lines(items: list, blocks: list[Block]) -> None:
    """Set each item's evidence text to the short line it stands in (the extraction passes its decisions)."""
    by_line: dict[tuple[int, int], tuple[str, list]] = {}  # (block, line number) -> (the line, its items)
    for item in items:
        evidence = item.evidence
        if evidence.block_kind not in _LINE_KINDS or not 0 <= evidence.block_index < len(blocks):
            continue
        for number, line in enumerate(blocks[evidence.block_index].text.split("\n")):
            line = clean(line)
            if evidence.text and evidence.text in line:
                by_line.setdefault((evidence.block_index, number), (line, []))[1].append(item)
                break
    for line, found in by_line.values():
        if len(found) == 1 and found[0].evidence.text != line and len(line.split()) <= LINE_WORDS:
            found[0].evidence.text = line
