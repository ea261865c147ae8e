"""Agenda items from headings (Word heading styles or layout): which heading level carries the
items, and which headings are no items (meta and task-list headings, the next meeting, a title
styled as such, a grouping level or a container such as "Agenda")."""
from __future__ import annotations

from collections import Counter

from ..document import Block, BlockKind
from .item_numbers import is_sub_number, split_number
from .meta import meta_keys
from .text import clean
from .topic_lines import DATE_ONLY, dated_line, meta_heading

Start = tuple[Block, "str | None", str, int]
"""(block, typed number, title, level): level 1 is an agenda item, 2 a sub-item."""


def _task_list_title(block: Block) -> bool:
    """"**Aufgaben**" above the task table: a bold line labelling the list, no agenda item (a
    Word heading "Aufgaben" among the other headings is one)."""
    return block.heading_source != "style" and clean(block.text).lower().rstrip(":") in meta_keys()["task_list_titles"]


_TITLE_STYLES = frozenset({"Title", "Subtitle"})


def heading_starts(blocks: list[Block], skip: set[int]) -> list[Start]:
    """The agenda items the headings give (level 1) and their sub-items (level 2); empty when
    the headings carry no item."""
    heads = [
        b for b in blocks
        if b.kind is BlockKind.HEADING and b.index not in skip and not meta_heading(b.text) and not _task_list_title(b)
        and not _next_meeting_heading(b.text) and not DATE_ONLY.match(clean(b.text)) and not dated_line(b.text)
        and b.style not in _TITLE_STYLES  # "Gesprächsvermerk" set as Title names the document, not an item
    ]
    if not heads:
        return []
    # "## Agenda" / "## Protokoll" with the items as "###" headings under it: those are the agenda;
    # headings beside the container ("## Anwesenheit", "## Fragen aus dem letzten Meeting") are not.
    inside = _under_container(blocks, skip)
    if inside:
        heads = [b for b in heads if b.index in inside]
    heads = _without_grouping_level(blocks, heads)
    # An agenda preview ("Tagesordnung" heading + list) directly followed by body headings is not topics.
    # Word heading styles set the structure; headings found by layout ("a) …", bold
    # lines) under them are sub-items, whatever level the layout rule guessed.
    styled = [b for b in heads if b.heading_source == "style"]
    if styled and len(styled) < len(heads):
        first_styled = styled[0].index
        heads = [b for b in heads if b.heading_source == "style" or b.index > first_styled]
        levels = Counter(b.heading_level or 1 for b in styled)
        top = min(levels)
        out: list[Start] = []
        for b in heads:
            number, title, _ = split_number(b.text.split("\n", 1)[0])
            level = 1 if b.heading_source == "style" and (b.heading_level or 1) == top and not is_sub_number(number) else 2
            out.append((b, number, title, level))
        return out
    levels = Counter(b.heading_level or 1 for b in heads)
    top = min(levels)
    # A single top-level heading above many lower ones is a title, not a topic; unless it is
    # numbered ("1. Eröffnung" above "1.a Versammlungsleiter", "1.b …": an item and its sub-items).
    if levels[top] == 1 and len(levels) > 1 and heads[0].heading_level == top and sum(1 for b in heads if b.heading_level != top) >= 2 \
            and split_number(heads[0].text.split("\n", 1)[0])[0] is None:
        heads = heads[1:]
        top = min(b.heading_level or 1 for b in heads)
    out: list[Start] = []
    for b in heads:
        number, title, _ = split_number(b.text.split("\n", 1)[0])
        level = 1 if (b.heading_level or 1) == top and not is_sub_number(number) else 2
        out.append((b, number, title, level))
    if sum(1 for s in out if s[3] == 1) < 1:
        return []
    return _group_empty_headings(out)


def _without_grouping_level(blocks: list[Block], heads: list[Block]) -> list[Block]:
    """"# Technisches" › "## Router", "## Firmware"; "# Organisatorisches" › "## Kasse", …: when every
    top-level heading only groups (no text of its own, directly followed by at least two deeper
    headings), the deeper headings are the agenda items."""
    top = min(b.heading_level or 1 for b in heads)
    tops = [i for i, b in enumerate(heads) if (b.heading_level or 1) == top]
    if len(tops) < 2 or len(tops) == len(heads):
        return heads
    for k, i in enumerate(tops):
        index = heads[i].index
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if after is None or after.kind is not BlockKind.HEADING or (after.heading_level or 1) <= top:
            return heads
        if (tops[k + 1] if k + 1 < len(tops) else len(heads)) - i - 1 < 2:
            return heads
    grouping = set(tops)
    return [b for i, b in enumerate(heads) if i not in grouping]


def _next_meeting_heading(text: str) -> bool:
    """An unnumbered "Nächster Termin" / "Nächstes Treffen" heading: header information, no agenda
    item (the corpus README: "Header blocks (attendees, next meeting) … are not topics")."""
    number, title, _ = split_number(text.split("\n", 1)[0])
    low = clean(title).lower()
    # "Nächstes Treffen: Di. 12.05.2026, 14:15 Uhr, Raum A0-22": the key with its details
    return number is None and (low.rstrip(":") in meta_keys()["next_meeting"] or low.split(":", 1)[0] in meta_keys()["next_meeting"])


def _under_container(blocks: list[Block], skip: set[int]) -> set[int]:
    """Indexes of the headings nested under container headings ("Agenda", "Protokoll", "Themen")
    that have at least two headings one level deeper; empty when there is no such container."""
    heads = [b for b in blocks if b.kind is BlockKind.HEADING and b.index not in skip and b.heading_level]
    containers = meta_keys()["container_headings"]
    inside: set[int] = set()
    for i, b in enumerate(heads):
        if clean(b.text).lower().rstrip(":") not in containers:
            continue
        nested = []
        for c in heads[i + 1:]:
            if c.heading_level <= b.heading_level:
                break
            nested.append(c.index)
        if len(nested) >= 2:
            inside.update(nested)
    return inside


def _group_empty_headings(starts: list[Start]) -> list[Start]:
    """Unnumbered headings that all look alike: one with no text of its own, directly
    followed by another heading, is a section whose following headings are its
    sub-items ("Planung des Flohmarkts" › "Rahmenbedingungen", "Anmeldung", …).

    The section ends at the next heading that again opens a section, or at a
    closing agenda item ("Verschiedenes", "Sonstiges"; models/cues/meta.json),
    which is always top level. Numbered headings state their own structure and
    are left alone.
    """
    if any(number for _, number, _, _ in starts):
        return starts
    closing = set(meta_keys().get("closing_topics", []))

    def opens_section(i: int) -> bool:
        # Word heading styles state their own levels: an empty styled heading is an item with
        # nothing noted ("## Was noch offen ist vom letzten Mal"), not a section over the next ones.
        return (
            i + 1 < len(starts)
            and starts[i][0].heading_source != "style"
            and starts[i][3] == 1
            and starts[i + 1][3] == 1
            and starts[i + 1][0].index == starts[i][0].index + 1
            and clean(starts[i][2]).lower().rstrip(":") not in closing
        )

    out: list[Start] = []
    in_section = False
    for i, (block, number, title, level) in enumerate(starts):
        if level == 1:
            if opens_section(i):
                following = 0
                for j in range(i + 1, len(starts)):
                    if starts[j][3] != 1 or opens_section(j) or clean(starts[j][2]).lower().rstrip(":") in closing:
                        break
                    following += 1
                in_section = following >= 2
            elif in_section and not (clean(title).lower().rstrip(":") in closing or opens_section(i)):
                level = 2
            else:
                in_section = False
        out.append((block, number, title, level))
    return out
