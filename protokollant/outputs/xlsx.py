"""XLSX: a one-sheet workbook written with openpyxl (bold header, real dates shown TT.MM.JJJJ,
autofilter, frozen header row, fixed column widths)."""
from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..fileio import XML_ILLEGAL
from .registry import Labels, Writer, register
from .rows import COLUMNS, item_row

if TYPE_CHECKING:
    from ..register import ItemView

DATE_FORMAT = "DD.MM.YYYY"
_XLSX_WIDTHS = (14, 60, 30, 30, 12, 20, 12, 24, 10, 12, 40, 30, 10, 24, 60, 30)
_FIXED_TIME = dt.datetime(2000, 1, 1)
"""Document properties carry this instead of the export time: the same items give the same file."""


def _value(value: str | dt.date | None) -> str | dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return XML_ILLEGAL.sub("", str(value))[:32767]


def export_xlsx(items: Sequence[ItemView], *, sheet_name: str = "Aufgaben", labels: Labels | None = None) -> bytes:
    """A one-sheet workbook: bold header, real dates (TT.MM.JJJJ), autofilter, frozen header row."""
    wb = Workbook()
    wb.properties.created = wb.properties.modified = _FIXED_TIME
    ws = wb.active
    ws.title = re.sub(r"[\[\]:*?/\\]", "_", sheet_name)[:31]
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, item in enumerate(items, start=2):
        for c, raw in enumerate(item_row(item, labels), start=1):
            value = _value(raw)
            if value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            else:
                cell.data_type = "s"  # text stays text: "=…" from a document is never a formula
    for i, width in enumerate(_XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(items) + 1)}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


register(Writer(
    name="xlsx", help="xlsx", order=20, render=lambda items, o: export_xlsx(items, labels=o.labels),
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", link_label="XLSX",
))
