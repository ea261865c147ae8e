"""The columns of a tabular export (CSV, XLSX) and one item as a row of them."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..german import NO_INSTITUTION
from ..statuses import STATUS_LABELS_DE
from .registry import Labels

if TYPE_CHECKING:
    from ..register import ItemView

COLUMNS = (
    "ID",
    "Aufgabe",
    "Verantwortlich",
    "Institution",
    "Fällig am",
    "Frist (Originaltext)",
    "Status",
    "Vorschlag",
    "Überfällig",
    "Sitzung am",
    "Sitzung",
    "Datei",
    "TOP",
    "Fundstelle",
    "Quelle",
    "Notiz",
)
"""Fundstelle: where a person finds the task in Word ("TOP 5, 3. Absatz", "Tabelle 2, Zeile 2");
Quelle: the quoted sentence."""


def suggestion_label(item: ItemView) -> str:
    if not item.suggested_status:
        return ""
    label = "erledigt?" if item.suggested_status == "done" else "noch offen?"
    return f"{label} ({item.suggestion_source})" if item.suggestion_source else label


def item_row(item: ItemView, labels: Labels | None = None) -> list[str | dt.date | None]:
    return [
        item.id,
        item.task,
        ", ".join(item.responsible),
        ", ".join(item.institutions) or NO_INSTITUTION,
        item.due_date,
        item.due_text,
        STATUS_LABELS_DE.get(item.status, item.status),
        suggestion_label(item),
        "ja" if item.overdue else "",
        item.meeting_date,
        item.meeting_title or "",
        item.meeting_file,
        item.topic_label,
        labels(item) if labels else (f"Absatz {item.evidence_block + 1}" if item.evidence_block is not None else ""),
        item.evidence_text or "",
        item.note or "",
    ]
