"""Tables by column meaning: which column holds the agenda item, the result, the task,
the owner and the deadline, read from the header words (models/structure/layout.json)
or, for a table without a recognisable header, from what its cells hold."""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import groupby

from ..document import Block, BlockKind, Document
from .model import ColumnRole, RowKind, TableKind, TableLayout, TableRow
from .vocabulary import LayoutVocabulary, layout_vocabulary

# A cell that states a date or deadline: "15.05.", "15.05.2026", "KW 14", "Ende März", "bis 30.6.", "laufend".
_DATE_LIKE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\bKW\s?\d{1,2}\b|\b(?:Ende|Anfang|Mitte)\s+\w+|"
    r"\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b|"
    r"\b(?:nächste[nr]?|kommende[nr]?)\s+(?:Sitzung|Woche|Treffen)|\bsofort\b|\blaufend\b|\bQ[1-4]\b",
    re.I,
)
# "nach Einrichtung", "vor der Sitzung", "ab sofort": a cell saying when, without a date.
_WHEN_LEAD = re.compile(r"^\s*(?:bis|nach|vor|ab|spätestens|sofort|laufend|fortlaufend|ständig)\b", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")
# An owner cell: a few name-like words ("Frau Petrova (MBE)", "HWK", "JC, AfA", "alle").
_OWNER_WORD = re.compile(r"^(?:[A-ZÄÖÜ][\w.'’-]*|[a-zäöü]{1,3}\.?|\(.*\)|[/,&+]|und|alle|von|van|de)$")


def _cells_by_column(block: Block) -> list[tuple[int, int, str]]:
    """(cell position, grid column, text) of a row."""
    cells = block.cells or []
    columns = block.cell_columns or list(range(len(cells)))
    return [(pos, col, text) for pos, (col, text) in enumerate(zip(columns, cells))]


def _header_roles(header: Block, vocab: LayoutVocabulary) -> dict[int, ColumnRole]:
    roles = {}
    for _, col, text in _cells_by_column(header):
        role = vocab.column_role(text)
        if role is not None:
            roles[col] = role
    return roles


def _is_owner_like(text: str, vocab: LayoutVocabulary) -> bool:
    words = _BRACKETS.sub(" (…) ", text).replace(",", " , ").split()
    if not words or len(words) > 6:
        return False
    if " ".join(text.split()).casefold() in vocab.everyone:
        return True
    return all(_OWNER_WORD.match(w) for w in words) and any(w[:1].isupper() for w in words)


def _content_roles(rows: list[Block], vocab: LayoutVocabulary) -> dict[int, ColumnRole]:
    """Roles of a table without a header: a column of dates is the deadline, a column
    of short name-like cells the owner, the column with the longest text the task."""
    by_column: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        for _, col, text in _cells_by_column(row):
            if text.strip():
                by_column[col].append(text.strip())
    if len(by_column) < 2:
        return {}
    roles: dict[int, ColumnRole] = {}
    for col, texts in by_column.items():
        if len(texts) >= 2 and sum(bool(_DATE_LIKE.search(t)) and len(t.split()) <= 6 for t in texts) >= 0.6 * len(texts):
            roles[col] = ColumnRole.DUE
    # Without a column of dates, two columns are a key–value list ("Beschluss | einstimmig"),
    # not tasks: the deadline is what makes a bare table a task list.
    if not roles or len(by_column) < 3:
        return {}
    for col, texts in by_column.items():
        if col not in roles and len(texts) >= 2 and sum(_is_owner_like(t, vocab) for t in texts) >= 0.6 * len(texts):
            roles[col] = ColumnRole.OWNER
            break
    if not roles:
        return {}
    rest = [c for c in by_column if c not in roles]
    if not rest:
        return {}
    task = max(rest, key=lambda c: sum(len(t) for t in by_column[c]) / len(by_column[c]))
    # A text column of full sentences beside owners/dates: the tasks. Short labels with
    # dates ("Sitzung | 12.03.") are a schedule, not a task list.
    if sum(len(t.split()) for t in by_column[task]) / len(by_column[task]) < 2.5:
        return {}
    roles[task] = ColumnRole.TASK
    return roles


def _kind(roles: set[ColumnRole]) -> TableKind:
    has_item = bool(roles & {ColumnRole.NUMBER, ColumnRole.TOPIC})
    has_work = bool(roles & {ColumnRole.TASK, ColumnRole.OWNER, ColumnRole.OWNER_DUE})
    # An agenda table names its items (Thema) or dates its results; "Nr. | Entscheidung |
    # Verantwortlich" is a decision log, whose owner column says who carries the decision.
    if ColumnRole.RESULT in roles and (ColumnRole.TOPIC in roles or (has_item and ColumnRole.DUE in roles)):
        return TableKind.RESULTS
    if ColumnRole.TOPIC in roles and has_work and (ColumnRole.OWNER in roles or ColumnRole.OWNER_DUE in roles or ColumnRole.DUE in roles):
        # "Thema | Verantwortlich | Termin": without a result column the Thema cell is the task.
        return TableKind.RESULTS if ColumnRole.NUMBER in roles and ColumnRole.TASK in roles else TableKind.TASKS
    # A list of tasks names who or by when; "Aufgabe | Status | Bemerkung" alone reviews work done.
    if ColumnRole.OWNER_DUE in roles or (ColumnRole.OWNER in roles and ColumnRole.DUE in roles) or (
        ColumnRole.TASK in roles and roles & {ColumnRole.OWNER, ColumnRole.DUE}
    ):
        return TableKind.TASKS
    if ColumnRole.RESULT in roles:
        return TableKind.DECISIONS
    return TableKind.OTHER


def _shifted(block: Block, roles: dict[int, ColumnRole], vocab: LayoutVocabulary) -> dict[int, ColumnRole]:
    """The roles of a row whose cells slipped one column to the left (a cell left out, the last one
    empty): a date under "Verantwortlich" and a name under the column before it. Read by content,
    each cell takes the role of the column to its right; otherwise the header's roles."""
    by_role = {role: col for col, role in roles.items()}
    owner, due = by_role.get(ColumnRole.OWNER), by_role.get(ColumnRole.DUE)
    if owner is None or due != owner + 1 or owner == 0:
        return roles
    texts = {col: text.strip() for _, col, text in _cells_by_column(block)}
    under_owner, before = texts.get(owner, ""), texts.get(owner - 1, "")
    if texts.get(due) or not under_owner or not before:
        return roles
    dated = len(under_owner.split()) <= 6 and (_WHEN_LEAD.match(under_owner) or (
        _DATE_LIKE.search(under_owner) and not _is_owner_like(under_owner, vocab)))
    if not (dated and _is_owner_like(before, vocab)):
        return roles
    return {col - 1: role for col, role in roles.items() if col > 0}


def _row(block: Block, roles: dict[int, ColumnRole], width: int) -> TableRow:
    cells = _cells_by_column(block)
    if width > 1 and len([c for c in cells if c[2].strip()]) == 1 and len(cells) == 1:
        return TableRow(block=block, kind=RowKind.SECTION)
    texts: dict[ColumnRole, list[str]] = defaultdict(list)
    positions: dict[ColumnRole, int] = {}
    for pos, col, text in cells:
        role = roles.get(col)
        if role is None or not text.strip():
            continue
        texts[role].append(" ".join(text.split()))
        positions.setdefault(role, pos)
    return TableRow(block=block, kind=RowKind.DATA, texts={r: " ".join(t) for r, t in texts.items()}, positions=positions)


def analyse_tables(document: Document, skip: set[int]) -> list[TableLayout]:
    """The layout of every body table whose rows are not header blocks of the minutes."""
    vocab = layout_vocabulary()
    out = []
    body_rows = [b for b in document.blocks if b.kind is BlockKind.TABLE_ROW and b.table_index is not None]
    for number, (table_index, group) in enumerate(groupby(body_rows, key=lambda b: b.table_index), start=1):
        rows = [b for b in group if b.index not in skip]
        if not rows:
            continue
        header = next((b for b in rows if b.is_header_row), None)
        roles = _header_roles(header, vocab) if header is not None else {}
        from_header = len(roles) >= 2
        data = [b for b in rows if not b.is_header_row]
        if not from_header:
            roles = _content_roles(rows, vocab)  # the "header" the reader assumed is a row like the others
            data = rows
            header = None
        kind = _kind(set(roles.values())) if roles else TableKind.OTHER
        width = max((len(b.cells or []) for b in rows), default=0)
        if header is not None:
            width = max(width, len(header.cells or []))
        layout_rows = [TableRow(block=header, kind=RowKind.HEADER)] if header is not None else []
        item_row = None
        for b in data:
            row = _row(b, _shifted(b, roles, vocab) if kind is not TableKind.OTHER else roles, width)
            if kind is TableKind.RESULTS and row.kind is RowKind.DATA:
                opens = row.text(ColumnRole.NUMBER) or row.text(ColumnRole.TOPIC)
                if opens:
                    row.kind, item_row = RowKind.ITEM, b.index
                else:
                    row.kind = RowKind.CONTINUATION
                row.item_row = item_row
            layout_rows.append(row)
        out.append(TableLayout(table_index=table_index, kind=kind, roles=roles, rows=layout_rows,
                               from_header=from_header, number=number))
    return out
