"""The structure stage: between reading and extraction, it says what each part of the
minutes is – which table rows are agenda items, results or tasks (by column meaning),
and which lines stand under a section label ("Vereinbarungen:", "Aufgaben:") – so that
the extractors read roles instead of each re-deriving the layout."""
from __future__ import annotations

from ..document import Document
from .model import ColumnRole, RowKind, Section, SectionRole, Structure, TableKind, TableLayout, TableRow
from .sections import find_sections, is_item_line
from .tables import analyse_tables
from .unfold import unfold_tables
from .vocabulary import layout_vocabulary

__all__ = [
    "ColumnRole", "RowKind", "Section", "SectionRole", "Structure", "TableKind", "TableLayout", "TableRow",
    "analyse_structure", "is_item_line", "layout_vocabulary", "unfold_tables",
]


def analyse_structure(document: Document, lines: list[tuple[int, str]], *, skip: set[int], stops: set[int]) -> Structure:
    """``lines``: (block index, text) per line as the extractors see them; ``skip``: header
    blocks of the minutes (meta); ``stops``: blocks that start an agenda item."""
    structure = Structure()
    for layout in analyse_tables(document, skip):
        structure.tables[layout.table_index] = layout
        for row in layout.rows:
            structure.rows[row.block.index] = row
    blocks = document.blocks
    structure.sections, structure.label_only_lines = find_sections(
        [(blocks[i], text) for i, text in lines], stops
    )
    return structure
