"""The former home of the register exports, kept so that existing imports work: the formats
now live in protokollant.outputs (one module per format, found through its registry)."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import outputs
from .outputs.csv_file import export_csv
from .outputs.ics import CLOSED_STATUSES, export_ics, ics_selection
from .outputs.institution_html import export_institution_html, group_by_institution, render_institution_html
from .outputs.registry import DEFAULT_CALENDAR_NAME, ExportOptions, Labels
from .outputs.rows import COLUMNS
from .outputs.xlsx import export_xlsx

if TYPE_CHECKING:
    from .register import ItemView

FORMATS = outputs.names()


def export(items: Sequence[ItemView], fmt: str, out: str | Path, **options: Any) -> list[Path]:
    """``outputs.export`` with the options as keywords (ics_component, today, alarm_days, calendar_name, labels)."""
    return outputs.export(items, fmt, out, ExportOptions(**options))


__all__ = [
    "CLOSED_STATUSES", "COLUMNS", "DEFAULT_CALENDAR_NAME", "FORMATS", "Labels", "export", "export_csv", "export_ics",
    "export_institution_html", "export_xlsx", "group_by_institution", "ics_selection",
    "render_institution_html",
]
