"""Agenda items (topics) in the body of the minutes, with the blocks each spans.

Sources, in order of trust: "TOP n" lines; headings (style or layout) below
the title; the top level of a numbered list that carries the whole body; label
lines ("Jahresbericht des Vorstandes:", extract/label_topics.py). Header blocks
(attendance, the agenda preview) are not topics.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from ..document import Block, BlockKind, Document
from ..schema import SubTopic, Topic
from ..structure import ColumnRole, RowKind, Structure, TableKind
from .item_numbers import (
    ITEM_EXCERPT, ITEM_PAGE, NUMBER_IN_CELL, NUMBERED, REFERENCE_ONLY, SECTION_LETTER, STRONG_MARKER, TOP_LINE,
    is_sub_number, split_number)
from .heading_topics import Start, heading_starts
from .label_topics import label_line_starts, single_item_start
from .meta import MetaResult
from .topic_lines import clean_title, names_the_meeting, part_label, run_in_title, sentence_like, short_title
from .text import clean, rejoin_wrapped

def extract_topics(document: Document, meta: MetaResult, structure: Structure | None = None) -> list[Topic]:
    blocks = document.blocks
    skip = set(meta.header_blocks)
    if meta.title_block is not None:
        skip.add(meta.title_block)
    skip |= _subtitle_blocks(blocks, meta)

    starts = _top_marker_starts(blocks, skip)
    if not starts:
        heads = heading_starts(blocks, skip)
        typed = _typed_number_starts(blocks, skip)
        # "1. Begrüßung" … "6. Verschiedenes" typed as plain paragraphs carry the agenda when
        # the headings are at most a title line.
        top_heads = {s[0].index for s in heads if s[3] == 1}
        # ... or when the typed numbers include every top heading and go on beyond them
        # ("3) Kasse: text" is too long to look like a heading).
        if typed and (len(top_heads) <= 1 or (len(typed) > len(top_heads) and top_heads <= {s[0].index for s in typed})):
            starts = typed
        else:
            starts = heads or _list_starts(blocks, skip) or label_line_starts(blocks, skip) or single_item_start(blocks, skip)
    starts = _titles_from_preview(blocks, starts)
    # The first heading may name the meeting itself ("Sitzung des Gemeinderates", "Senatssitzung am
    # 19. Februar 2020"): a title above the items (development real minutes: 18 of 18 such lines).
    # The items it groups are the items.
    while starts and starts[0][3] == 1 and names_the_meeting(starts[0][2] or starts[0][0].text):
        grouped = list(takewhile(lambda s: s[3] > 1, starts[1:]))
        starts = [(*s[:3], s[3] - 1) for s in grouped] + starts[1 + len(grouped):]
    table_starts = _table_starts(structure) if structure is not None else []
    # A body that is one results table: its item rows are the agenda, whatever few
    # headings ("Ergebnisse", "Teilnehmende") stand around it.
    if len(table_starts) >= 2 and sum(1 for s in starts if s[3] == 1) < len(table_starts) and sum(1 for s in starts if s[3] == 1) <= 2:
        starts = table_starts
    # "04.12.2023 - 6 Kinder- und Jugendparlament": a council information system's page of one
    # agenda item names it in its title line.
    if not starts and meta.title_block is not None:
        title_line = clean(blocks[meta.title_block].text)
        if m := ITEM_PAGE.match(title_line):
            starts = [(blocks[meta.title_block], m.group("num"), m.group("title"), 1)]
        elif m := ITEM_EXCERPT.match(title_line):
            starts = [(blocks[meta.title_block], None, m.group("title"), 1)]
    topics: list[Topic] = []
    for pos, (block, number, title, level) in enumerate(starts):
        if level > 1:
            if topics:
                topics[-1].subtopics.append(SubTopic(number=number, title=title, block_index=block.index))
            continue
        title = clean_title(title) if title else clean(block.text)
        if (part := part_label(title)) is not None:
            number, title = number or part[0], part[1]
        topics.append(Topic(index=len(topics), number=number, title=title, block_start=block.index, block_end=block.index))
    # Each topic spans up to the block before the next topic.
    top_starts = [t.block_start for t in topics] + [len(blocks)]
    for t, nxt in zip(topics, top_starts[1:]):
        t.block_end = max(t.block_start, nxt - 1)
    return topics



def _subtitle_blocks(blocks: list[Block], meta: MetaResult) -> set[int]:
    """"= Beschlussprotokoll" / "**Lenkungsausschuss … – 7. Sitzung**" / "Datum: …": a heading
    between the title line and the header's fields names the meeting, no item of it (not a
    numbered one: "TOP 1" right after the title opens the body)."""
    if meta.title_block is None or not meta.header_blocks:
        return set()
    first_field = min((i for i in meta.header_blocks if i > meta.title_block), default=None)
    if first_field is None:
        return set()
    between = blocks[meta.title_block + 1 : first_field]
    # only lines that stand right between the two: items with text under them are the body
    if not 1 <= len(between) <= 2 or any(b.kind is not BlockKind.HEADING or split_number(b.text.split("\n", 1)[0])[0] is not None
                                          for b in between):
        return set()
    return {b.index for b in between}


def _table_starts(structure: Structure) -> list[Start]:
    """Agenda items of a results table (rows with a TOP or Thema cell), or the merged rows
    spanning a task table that group its measures (a Maßnahmenplan's fields of action)."""
    for layout in structure.tables.values():
        if layout.kind is TableKind.RESULTS:
            out: list[Start] = []
            for row in layout.rows:
                if row.kind is RowKind.SECTION:
                    # "|> TOP 2 – Lotsendienst" merged across the table above rows "2.1", "2.2": it opens the item
                    number, title, _ = split_number(clean(row.block.text))
                    if title:
                        out.append((row.block, number, title, 1))
                    continue
                if row.kind is not RowKind.ITEM:
                    continue
                raw_number = clean(row.text(ColumnRole.NUMBER))
                m = NUMBER_IN_CELL.match(raw_number)
                number = m.group("num") if m else None
                title = clean(row.text(ColumnRole.TOPIC))
                if not title and raw_number and not m:
                    number, title, _ = split_number(raw_number)  # "TOP 1 Begrüßung" in one cell
                elif title and number is None:
                    number, title, _ = split_number(title)  # "1. Stiftung Mitarbeit" in the Thema cell
                if title:
                    out.append((row.block, number, title, 2 if is_sub_number(number) else 1))
            if len(out) >= 2:
                return out
    # "Punkt | Beratung | Beschluss" with "2. Haushalt" in the first column: the number cells
    # carry the items' titles.
    for layout in structure.tables.values():
        if layout.kind is TableKind.DECISIONS:
            out = []
            for row in layout.rows:
                raw_number = clean(row.text(ColumnRole.NUMBER))
                if row.kind is RowKind.HEADER or not raw_number or NUMBER_IN_CELL.match(raw_number):
                    continue
                number, title, _ = split_number(raw_number)
                if number and title:
                    out.append((row.block, number, title, 2 if is_sub_number(number) else 1))
            if len(out) >= 2:
                return out
    for layout in structure.tables.values():
        sections = [row for row in layout.rows if row.kind is RowKind.SECTION]
        if layout.kind is TableKind.TASKS and len(sections) >= 2:
            out = []
            for row in sections:
                number, title, _ = split_number(clean(row.block.text))
                if number is None and (m := SECTION_LETTER.match(title)):
                    number, title = m.group("num"), m.group("title")  # "A Zugang und Beratung", "B) Qualifizierung"
                out.append((row.block, number, title, 1))
            return out
    return []


def _top_marker_starts(blocks: list[Block], skip: set[int]) -> list[Start]:
    out: list[Start] = []
    current: str | None = None  # number of the TOP we are in, for "3.1" sub-items
    title_blocks: set[int] = set()  # lines that only carry the title of the number line above
    for pos, b in enumerate(blocks):
        if b.index in skip or b.index in title_blocks or b.kind is BlockKind.TABLE_ROW:
            continue
        first_line = b.text.split("\n", 1)[0]
        number, title, is_top = split_number(first_line)
        if len(first_line) > 200 and not (is_top and len(run_in_title(title, first_line)) < len(title)):
            continue  # a paragraph; "Zu TOP 4 (Konfirmation 2026): …" names its item before the text
        if is_top and number and REFERENCE_ONLY.match(title):
            # "Ö 1" / "Festlegung der Tagesordnung" on the next line (of the block, or a bold line below).
            title = _title_below(blocks, pos, b, title_blocks) or title
        if is_top:
            title = run_in_title(title, first_line)  # the item's text may follow its name on the line
            level = 2 if is_sub_number(number) else 1
            if level == 1:
                current = number
            out.append((b, number, title, level))
        elif (
            current
            and number
            and number.startswith(current + ".")
            and (b.kind is BlockKind.HEADING or b.bold or len(title.split()) <= 10)
        ):
            out.append((b, number, title, 2))
    # "Zu Punkt 2) … wird ersetzt", "Punkt 8 lautet: …" in minutes that number their items
    # "TOP": references to points of a text under discussion, not agenda items.
    if any(STRONG_MARKER.match(s[0].text) for s in out if s[3] == 1):
        out = [s for s in out if s[3] > 1 or STRONG_MARKER.match(s[0].text)]
    out = _without_agenda_preview(out)
    # One stray "TOP" mention is not an agenda structure.
    return out if sum(1 for s in out if s[3] == 1) >= 2 else []


_SENTENCE_OPENING = re.compile(r"^(?:Der|Die|Das|Er|Sie|Es|Wir|Herr|Frau|Hr\.|Fr\.)\s+\S+\s+[a-zäöüß]")


def _title_below(blocks: list[Block], pos: int, block: Block, title_blocks: set[int]) -> str:
    """The title of a line that holds only an item's number: its own next lines (the short lines
    of a heading set over several lines), or the next block when that is a short heading or bold
    line (then remembered in ``title_blocks``)."""
    lines = [line.strip() for line in block.text.split("\n")[1:] if line.strip()]
    if lines:
        if not (block.kind is BlockKind.HEADING or block.bold):
            return lines[0]
        # "**TOP 1:<br>Begrüßung<br>Totengedenken<br>Festlegung der Tagesordnung**": a title set
        # over several short lines of the item's heading is one title.
        title = []
        for line in lines:
            if len(line.split()) > 8 or line.endswith((".", "!", "?", ":")) or (title and _SENTENCE_OPENING.match(line)):
                break  # "Der Kassenwart berichtet": the item's text begins
            title.append(line)
        return " ".join(title) or lines[0]
    nxt = blocks[pos + 1] if pos + 1 < len(blocks) else None
    if nxt is not None and (nxt.kind is BlockKind.HEADING or nxt.bold) and len(nxt.text.split()) <= 15 and not (
            split_number(nxt.text.split("\n", 1)[0])[2]):
        title_blocks.add(nxt.index)
        return clean(nxt.text)
    return ""


PREVIEW_MIN_ITEMS = 3


def _titles_from_preview(blocks: list[Block], starts: list[Start]) -> list[Start]:
    """"Zu Punkt 2: Die Verhandlungsschrift wird einstimmig genehmigt." under an agenda listed
    above ("2. Genehmigung der Verhandlungsschrift"): an item line that opens with its text
    instead of a title takes the title the agenda gives its number."""
    if len(starts) < 2 or not starts[0][1]:
        return starts
    titles: dict[str, str] = {}
    for b in blocks[: starts[0][0].index]:
        if b.kind is BlockKind.LIST_ITEM and b.list_number and (num := b.list_number.rstrip(".)")).isdigit():
            # An agenda set as a Word-numbered list: the number is the label Word renders (a list
            # item is an item for sure: its title may run longer than a typed line's).
            # ("Begrüßung, Eröffnung …, Genehmigung der Tagesordnung." may close with a full stop)
            title = clean(b.text.split("\n", 1)[0])
            if title and len(title.split()) <= 20 and not (title.endswith(".") and sentence_like(title.rstrip("."))):
                titles[num] = title.rstrip(".") if title.endswith(".") and not title.endswith("..") else title
            continue
        for line in b.text.split("\n"):
            m = NUMBERED.match(line) or TOP_LINE.match(line)
            title = clean(m.group("title") or "") if m else ""
            if m and m.group("num") and title and len(title.split()) <= 10 and not title.endswith("."):
                titles[m.group("num")] = title
    if sum(1 for s in starts if s[1] in titles) < 2:
        return starts
    return [(b, num, titles[num], level) if num in titles and _opens_with_text(b, title) else (b, num, title, level)
            for b, num, title, level in starts]


def _opens_with_text(block: Block, title: str) -> bool:
    """Whether the item line holds text instead of a title: none, or its first line is a sentence
    (a full stop at its end, or more words than a title keeps)."""
    first = clean(block.text.split("\n", 1)[0])
    return not title or first.endswith(".") or len(first.split()) > len(title.split()) + 3


def _without_agenda_preview(starts: list[Start]) -> list[Start]:
    """The agenda listed before the minutes ("TOP 1 – Wahlen", "TOP 2 – Gäste", … one line
    after the other) is no agenda item when the same numbers head the items below."""
    if len(starts) < 2 * PREVIEW_MIN_ITEMS - 1:
        return starts
    run_end, seen = 1, {starts[0][1]}
    while (
        run_end < len(starts)
        and starts[run_end][0].index == starts[run_end - 1][0].index + 1
        and starts[run_end][1] not in seen  # "TOP 1" again: the minutes begin right after the list
    ):
        seen.add(starts[run_end][1])
        run_end += 1
    if run_end < PREVIEW_MIN_ITEMS:
        return starts
    preview = {s[1] for s in starts[:run_end] if s[1]}
    again = {s[1] for s in starts[run_end:] if s[1]}
    return starts[run_end:] if len(preview & again) >= 2 else starts


# The full stop after an item's name of one to four words (not an abbreviation's: "Techn. Leiter").
_NAME_STOP = re.compile(r"^(?:\S+\s+){0,3}?[A-ZÄÖÜ]?[a-zäöüß-]{5,}\d*\.(?=\s+[A-ZÄÖÜ])")

# "1. Begrüßung", "2) Kasse: …", "3 – Neuwahl des Revisors: …"
_TYPED_ITEM = re.compile(r"^\s*(?:Zu\s+)?(?P<num>\d{1,2})(?:[.)]|\s+[–—-])\s+(?P<title>\S.*)$", re.S)  # "Zu 2. Einwohnerfragestunde": council minutes
TYPED_MIN_ITEMS = 3


def _typed_number_starts(blocks: list[Block], skip: set[int]) -> list[Start]:
    """Agenda items typed as numbered paragraphs ("1. Begrüßung", "2) Kasse: …"): at least
    three, numbered 1, 2, 3 … in order with nothing skipped; "1.1 …" lines are their
    sub-points, long items keep their opening words as the title."""
    found: list[Start] = []
    expected, sentences = 1, 0
    for b in blocks:
        if b.index in skip or b.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        m = _TYPED_ITEM.match(b.text.split("\n", 1)[0])
        if not m:
            continue
        number = int(m.group("num"))
        if number == 1 and found:
            return []  # a second list starting at 1: numbered points, not the agenda
        if number != expected:
            continue
        title = m.group("title").strip()
        head, colon, rest = title.partition(":")
        # "2) Kasse: Der Kassenbericht wird …": the item's name, then its text.
        named = colon and 0 < len(head.split()) <= 8 and len(rest.split()) >= 3
        if not named and (stop := _NAME_STOP.search(title)) and len(title[stop.end():].split()) >= 3:
            # "3) Stadtbaumkonzept. LH stellt die Vorschläge vor": the name ends at its full stop
            head, named = title[: stop.end() - 1], True
        if not named and sentence_like(title):
            sentences += 1
        title = head.strip() if named else short_title(title)
        found.append((b, m.group("num"), title, 1))
        expected += 1
    # "1. Der Vorsitzende begrüßt die Mitglieder und eröffnet die Versammlung.": numbered
    # paragraphs that are mostly whole sentences number the minutes' content, not an agenda.
    if sentences * 2 > len(found):
        return []
    # Two numbered lines set in bold or as headings ("**1. Baugesuche**") are the agenda too.
    set_off = all(b.bold or b.kind is BlockKind.HEADING for b, *_ in found)
    return found if len(found) >= TYPED_MIN_ITEMS or (len(found) == 2 and set_off) else []


MAX_LIST_TITLE_WORDS = 20


def _list_starts(blocks: list[Block], skip: set[int]) -> list[Start]:
    """Top-level items of the numbered list that carries the body (pad-style minutes)."""
    items = [b for b in blocks if b.kind is BlockKind.LIST_ITEM and b.index not in skip and (b.list_level or 0) == 0]
    if len(items) < 2:
        return []
    by_list = Counter(b.list_id for b in items)
    main_list, count = by_list.most_common(1)[0]
    if count < 2:
        return []
    main_items = [b for b in items if b.list_id == main_list]
    if not any(b.list_number and b.list_number[0].isalnum() for b in main_items):
        return _bullet_outline_starts(blocks, main_items)
    # Agenda items are short; a numbered list of long sentences is content (the points of a
    # resolution: "1. Der Ausschuss beschließt, …"), not the structure of the minutes.
    # (the first line as written: a sentence broken over lines counts whole, "Das Ortsamt hat …" / "… vorbereitet")
    first_lines = [rejoin_wrapped(b.text.split("\n"))[0] for b in main_items]
    lengths = sorted(len(line.split()) for line in first_lines)
    if lengths[len(lengths) // 2] > MAX_LIST_TITLE_WORDS:
        return []
    # Mostly whole sentences ("Dem Ortsbeirat wird das Material übergeben."): content too.
    if sum(map(sentence_like, first_lines)) * 2 > len(main_items):
        return []
    return [(b, None, short_title(clean(b.text.split("\n", 1)[0])), 1) for b in main_items]


BULLET_TITLE_WORDS = 10
"""The most words a numbered top-level bullet may have to be an agenda item ("- 4. Kasse – Bericht Revisoren – Genehmigung")."""
BULLET_TITLE_WORDS_UNNUMBERED = 6
"""... and an unnumbered one (pad notes: "- Kasse" with text under it)."""


def _bullet_outline_starts(blocks: list[Block], items: list[Block]) -> list[Start]:
    """Pad notes without headings: "- Hausordnung" with "-- …" points under it, or "- Kasse" with
    paragraphs of prose under it. Short top-level bullets most of which carry nested points or
    text are the agenda; a flat bullet list is content."""
    def has_body_below(b: Block) -> bool:
        nxt = blocks[b.index + 1] if b.index + 1 < len(blocks) else None
        return nxt is not None and (
            (nxt.kind is BlockKind.LIST_ITEM and (nxt.list_level or 0) > 0) or nxt.kind is BlockKind.PARAGRAPH)

    # "- 2. Mutationen – Mitgliederbestand": a number typed into the bullet's text numbers the item.
    numbered = [(b, _TYPED_ITEM.match(clean(b.text))) for b in items]
    titles = [(b, m.group("num") if m else None, m.group("title").strip() if m else clean(b.text)) for b, m in numbered]
    # Numbered bullets may have longer titles: the numbers show they are the agenda.
    limit = BULLET_TITLE_WORDS if sum(m is not None for _, m in numbered) * 2 > len(items) else BULLET_TITLE_WORDS_UNNUMBERED
    short = all(len(title.split()) <= limit and not title.endswith((".", "!", "?")) and not sentence_like(title)
                for _, _, title in titles)
    if len(items) < 3 or not short or sum(map(has_body_below, items)) * 2 <= len(items):
        return []
    return [(b, number, title, 1) for b, number, title in titles]
