"""Tables that hold running minutes, unfolded into the paragraphs they stand for.

Two layouts put the prose of the minutes into a table:

- an *item table*: one row per agenda item, "TOP | Inhalt / Ergebnis" (or a bare
  "1. Begrüßung | text …"), whose text cell holds the whole item with its
  "Beschluss: …" and "ToDo: …" lines;
- a *labelled table*: rows named by their first cell, "Sachstand | …",
  "Ergebnis | …", "Aufgabe | …", "Verantwortlich | …", "Termin | …" (often one such
  table per agenda item).

Read as tables they are one long "row" each, where no sentence, label or owner can be
told apart. Unfolded, an item row becomes a heading (the agenda item) and a paragraph
(its text); a labelled row becomes a label line ("Ergebnis:") and its text, or a
"Verantwortlich: …" line. The new blocks keep the table, row and column they come from,
so every item found in them still points to its cell.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from ..document import Block, BlockKind, Document
from .model import ColumnRole
from .vocabulary import LayoutVocabulary, layout_vocabulary

ITEM_COLUMNS = {ColumnRole.NUMBER, ColumnRole.TOPIC}
WORK_COLUMNS = {ColumnRole.OWNER, ColumnRole.DUE, ColumnRole.OWNER_DUE, ColumnRole.TASK, ColumnRole.STATUS}
LABEL_ROLES = {ColumnRole.RESULT, ColumnRole.TASK, ColumnRole.OWNER, ColumnRole.DUE, ColumnRole.OWNER_DUE,
               ColumnRole.STATUS, ColumnRole.NOTE}
# Rows whose label says who or by when: kept as one "Label: value" line beside the task.
FIELD_ROLES = {ColumnRole.OWNER, ColumnRole.DUE, ColumnRole.OWNER_DUE}
PROSE_MIN_WORDS = 12
"""An item table's text cells hold running text: on average at least this many words, or several lines."""
_BARE_NUMBER = re.compile(r"(?:TOP\s*)?\d{1,2}[a-z]?\.?")
TITLE_LINE_WORDS = 15
"""The first line of an item's text cell is its title when the item column holds only the number."""
_ITEM_NUMBER = re.compile(r"^\s*(?:TOP|Top|Pkt\.?|Punkt|Ö|NÖ)?\s*\d{1,2}(?:\.\d{1,2})*[a-z]?[.):]?(?:\s|$)")


def unfold_tables(document: Document) -> Document:
    """The document with its item and labelled tables unfolded (the same object when there are none)."""
    vocab = layout_vocabulary()
    replacements: dict[int, list[Block]] = {}  # first block index of a table -> its new blocks
    covered: set[int] = set()
    rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW and b.table_index is not None]
    for _, group in groupby(rows, key=lambda b: b.table_index):
        table = list(group)
        new = _unfold_labelled(table, vocab) or _unfold_items(table, vocab)
        if new:
            replacements[table[0].index] = new
            covered.update(b.index for b in table)
    if not replacements:
        return document
    blocks: list[Block] = []
    for block in document.blocks:
        if block.index in replacements:
            blocks.extend(replacements[block.index])
        elif block.index not in covered:
            blocks.append(block)
    blocks = [replace(b, index=i) for i, b in enumerate(blocks)]
    return replace(document, blocks=blocks)


def _paragraph(row: Block, text: str, column: int | None, *, kind: BlockKind = BlockKind.PARAGRAPH, level: int | None = None) -> Block:
    return Block(
        index=row.index, kind=kind, text=text, heading_level=level,
        heading_source="layout" if kind is BlockKind.HEADING else None,
        table_index=row.table_index, row_index=row.row_index, cell_columns=[column] if column is not None else None,
    )


def _cells(row: Block) -> list[tuple[int, str]]:
    cells = row.cells or []
    columns = row.cell_columns or list(range(len(cells)))
    return [(col, text.strip()) for col, text in zip(columns, cells)]


# --------------------------------------------------------------------------- labelled tables

def _label_role(text: str, vocab: LayoutVocabulary) -> ColumnRole | None:
    if len(text.split()) > 3:
        return None
    role = vocab.column_role(text)
    return role if role in LABEL_ROLES else None


def _unfold_labelled(table: list[Block], vocab: LayoutVocabulary) -> list[Block] | None:
    """"Ergebnis | Das Protokoll wird genehmigt." rows: a label in the first cell, text beside it."""
    rows = [(row, _cells(row)) for row in table if any(text for _, text in _cells(row))]
    if not rows or any(len(cells) > 3 for _, cells in rows):
        return None
    roles = [_label_role(cells[0][1], vocab) if len(cells) >= 2 else None for _, cells in rows]
    if len(rows) == 1 and roles[0] not in (ColumnRole.RESULT, ColumnRole.TASK):
        return None  # one row: only "Ergebnis | …" / "Aufgabe | …" (an item with nothing else to say)
    labelled = sum(r is not None for r in roles)
    if labelled < 0.6 * len(rows) or not {ColumnRole.RESULT, ColumnRole.TASK} & set(roles):
        return None
    paired = _paired_fields(rows, roles)
    out: list[Block] = []
    for index, ((row, cells), role) in enumerate(zip(rows, roles)):
        label = cells[0][1].rstrip(" :")
        value_column = cells[1][0] if len(cells) > 1 else None
        value = "\n".join(text for _, text in cells[1:] if text)
        if index in paired:
            if paired[index]:  # the task row: each task line followed by its own field lines
                out.append(_paragraph(row, f"{label}:", cells[0][0]))
                for i, line in enumerate(_value_lines(cells)):
                    out.append(_paragraph(row, line, value_column))
                    for field in paired[index]:
                        field_row, field_cells = rows[field]
                        field_label = field_cells[0][1].rstrip(" :")
                        out.append(_paragraph(field_row, f"{field_label}: {_value_lines(field_cells)[i]}", field_cells[1][0]))
            continue
        if role is None:
            out.append(_paragraph(row, "\n".join(text for _, text in cells if text), cells[0][0]))
        elif not value:
            continue
        elif role in FIELD_ROLES:
            # One line per numbered entry keeps "1) alle Träger" beside task "1) …".
            for line in value.split("\n"):
                if line.strip():
                    out.append(_paragraph(row, f"{label}: {line.strip()}", value_column))
        else:
            out.append(_paragraph(row, f"{label}:", cells[0][0]))
            out.append(_paragraph(row, value, value_column))
    return out


def _value_lines(cells: list[tuple[int, str]]) -> list[str]:
    return [line.strip() for _, text in cells[1:] for line in text.split("\n") if line.strip()]


def _paired_fields(rows: list[tuple[Block, list[tuple[int, str]]]], roles: list[ColumnRole | None]) -> dict[int, list[int]]:
    """Task rows of several lines whose owner/deadline rows have one line per task line
    ("Aufgabe | A<br>B", "Verantwortlich | Fr. X<br>Hr. Y"): task row -> its field rows, and
    each field row -> [] (written beside its task lines instead of on its own)."""
    paired: dict[int, list[int]] = {}
    for index, role in enumerate(roles):
        if role is not ColumnRole.TASK:
            continue
        lines = _value_lines(rows[index][1])
        if len(lines) < 2 or any(_NUMBERED.match(line) for line in lines):
            continue  # numbered entries pair up by their numbers (extract/task_fields.py)
        fields = []
        for later in range(index + 1, len(rows)):
            if roles[later] not in FIELD_ROLES:
                break
            if len(_value_lines(rows[later][1])) == len(lines):
                fields.append(later)
        if fields:
            paired[index] = fields
            paired.update({f: [] for f in fields})
    return paired


_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s")


# --------------------------------------------------------------------------- item tables

def _unfold_items(table: list[Block], vocab: LayoutVocabulary) -> list[Block] | None:
    """One agenda item per row, its whole text in one cell: "1. Dienstplan | Entwurf … Beschluss: …"."""
    header = table[0] if table[0].is_header_row else None
    data = [row for row in table if row is not header and any(text for _, text in _cells(row))]
    if len(data) < 2:
        return None
    if header is not None:
        roles = {col: vocab.column_role(text) for col, text in _cells(header)}
        labels = dict(_cells(header))
        columns = sorted(roles)
        if len(columns) < 2 or set(roles.values()) & (WORK_COLUMNS - {ColumnRole.TASK}):
            return None
        # The item columns come first; the last column is the text ("Inhalt / Ergebnis" reads as a
        # topic word too, so the last column counts as text whatever its header says).
        item_cols = [col for col in columns[:-1] if roles[col] in ITEM_COLUMNS][:2]
        text_cols = columns[len(item_cols):]
        if not item_cols or any(roles[col] in ITEM_COLUMNS for col in text_cols[:-1]):
            return None
        # "Thema | Feststellung | Maßnahmen": several text columns, each read under its header
        # as a label ("Maßnahmen:" opens a task list); one text column is the item's running text.
        if len(text_cols) > 1:
            return _unfold_columns(data, item_cols, text_cols, labels, roles)
        if ColumnRole.TASK in roles.values():
            return None
    else:
        widths = {len(_cells(row)) for row in data}
        if widths != {2} or sum(bool(_ITEM_NUMBER.match(_cells(row)[0][1])) for row in data) < 0.6 * len(data):
            return None
        item_cols, text_cols = [_cells(data[0])[0][0]], [_cells(data[0])[1][0]]
    texts = [dict(_cells(row)).get(text_cols[0], "") for row in data]
    multi_line = sum("\n" in t for t in texts) >= 0.5 * len(texts)
    if not multi_line and sum(len(t.split()) for t in texts) / len(texts) < PROSE_MIN_WORDS:
        return None
    # "1. | Begrüßung, Genehmigung der Tagesordnung<br>Herr L. eröffnet die Sitzung …": a number alone in the
    # item column, the item's title as the first line of its text.
    numbered_only = len(item_cols) == 1 and all(
        _BARE_NUMBER.fullmatch(dict(_cells(row)).get(item_cols[0], "").strip()) for row in data) and all(
        "\n" in t and len(t.split("\n", 1)[0].split()) <= TITLE_LINE_WORDS for t in texts if t)
    out: list[Block] = []
    for row, text in zip(data, texts):
        cells = dict(_cells(row))
        title = " ".join(cells.get(col, "") for col in item_cols).strip()
        if numbered_only and text:
            first, text = text.split("\n", 1) if "\n" in text else (text, "")
            title = f"TOP {title} {first.strip()}"
        if title:
            number_only = len(item_cols) > 1 and re.fullmatch(r"\d{1,2}[a-z]?\.?", cells.get(item_cols[0], "").strip())
            heading = f"TOP {title}" if number_only else title
            out.append(_paragraph(row, heading, item_cols[0], kind=BlockKind.HEADING, level=1))
        if text:
            out.append(_paragraph(row, text, text_cols[0]))
    return out


def _unfold_columns(data: list[Block], item_cols: list[int], text_cols: list[int], labels: dict[int, str],
                    roles: dict[int, ColumnRole | None]) -> list[Block] | None:
    """One agenda item per row with its text split over labelled columns (several lines per cell)."""
    # Each text column is named ("Feststellung", "Maßnahmen"), and one of them holds results or tasks.
    if not all(re.search(r"[^\W\d_]{3}", labels.get(col, "")) for col in text_cols) or not any(
            roles.get(col) in (ColumnRole.RESULT, ColumnRole.TASK) for col in text_cols):
        return None
    texts = [[dict(_cells(row)).get(col, "") for col in text_cols] for row in data]
    lines = sum(t.count("\n") + 1 for row in texts for t in row if t)
    if lines < 2 * len(data):
        return None  # one short line per cell: a table of results, read row by row
    out: list[Block] = []
    for row, cells_text in zip(data, texts):
        cells = dict(_cells(row))
        title = " ".join(" ".join(cells.get(col, "").split()) for col in item_cols).strip()
        if not title:
            return None  # continuation rows: not one item per row
        out.append(_paragraph(row, title, item_cols[0], kind=BlockKind.HEADING, level=1))
        for col, text in zip(text_cols, cells_text):
            if not text:
                continue
            if roles.get(col) in (ColumnRole.RESULT, ColumnRole.TASK):
                out.append(_paragraph(row, f"{labels[col].strip().rstrip(':')}:", col))
            out.append(_paragraph(row, text, col))
    return out
