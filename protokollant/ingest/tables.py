"""Reading tables: rows and cells through content controls and tracked changes,
cell texts with their grid columns, header rows, and the table-row Blocks."""
from __future__ import annotations

from lxml import etree

from protokollant.document import Block, BlockKind, BlockOrigin

from .styles import int_val, on_off
from .wordml import (
    BLOCK_TRANSPARENT, MC_ALTERNATE, W_DEL, W_GRIDBEFORE, W_GRIDSPAN, W_HMERGE, W_SDT, W_TBLHEADER, W_TC,
    W_TCPR, W_TR, W_TRPR, W_VAL, branches, sdt_content,
)


class TableReader:
    """The table methods of ``BodyWalker`` (a base class: it uses the walker's
    ``collect_text``, ``walk_blocks`` and block list)."""

    def _rows(self, container: etree._Element):
        for child in container:
            tag = child.tag
            if tag == W_TR:
                yield child
            elif tag == W_SDT:
                content = sdt_content(child)
                if content is not None:
                    yield from self._rows(content)
            elif tag in BLOCK_TRANSPARENT:
                yield from self._rows(child)
            elif tag == MC_ALTERNATE:
                choice, fallback = branches(child)
                branch = choice if choice is not None else fallback
                if branch is not None:
                    yield from self._rows(branch)

    def _cells(self, container: etree._Element):
        for child in container:
            tag = child.tag
            if tag == W_TC:
                yield child
            elif tag == W_SDT:
                content = sdt_content(child)
                if content is not None:
                    yield from self._cells(content)
            elif tag in BLOCK_TRANSPARENT:
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
                self.collect_text(tc, lines, bold, keep_empty=True)
                while lines and not lines[-1]:
                    lines.pop()  # a trailing empty paragraph holds no line's place
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
