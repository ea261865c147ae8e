"""CSV for German Excel: ';'-separated, UTF-8 with BOM, CRLF, formulas neutralised."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..fileio import csv_cell, excel_csv
from ..german import format_date_numeric
from .registry import Labels, Writer, register
from .rows import COLUMNS, item_row

if TYPE_CHECKING:
    from ..register import ItemView


def export_csv(items: Sequence[ItemView], labels: Labels | None = None) -> bytes:
    """For German Excel: ';'-separated, UTF-8 with BOM, CRLF, formulas neutralised."""
    return excel_csv(COLUMNS, (
        [format_date_numeric(v) if isinstance(v, dt.date) else csv_cell(v or "") for v in item_row(item, labels)] for item in items
    ))


register(Writer(
    name="csv", help="csv (Excel)", order=10, render=lambda items, o: export_csv(items, o.labels),
    media_type="text/csv; charset=utf-8", link_label="CSV (Excel)",
))
