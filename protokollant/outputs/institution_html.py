"""One printable HTML action list per institution (templates/institution_actions.html.j2)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import clean_stem, write_atomic
from ..german import NO_INSTITUTION, format_date_de, format_date_numeric, n_
from ..statuses import STATUS_LABELS_DE
from ..templating import get_environment
from .registry import Writer, register
from .rows import suggestion_label

if TYPE_CHECKING:
    from ..register import ItemView

INSTITUTION_TEMPLATE = "institution_actions.html.j2"


def group_by_institution(items: Sequence[ItemView]) -> dict[str, list[ItemView]]:
    """{institution: items}, institutions alphabetically, "ohne Zuordnung" last; an item may be in several."""
    groups: dict[str, list[ItemView]] = {}
    for item in items:
        for name in item.institutions or [NO_INSTITUTION]:
            groups.setdefault(name, []).append(item)
    ordered = sorted((k for k in groups if k != NO_INSTITUTION), key=str.casefold)
    if NO_INSTITUTION in groups:
        ordered.append(NO_INSTITUTION)
    return {k: groups[k] for k in ordered}


def render_institution_html(institution: str, items: Sequence[ItemView], *, today: dt.date | None = None) -> str:
    template = get_environment().get_template(INSTITUTION_TEMPLATE)
    today = today or dt.date.today()
    rows = sorted(items, key=lambda i: (i.due_date or dt.date.max, i.meeting_date or dt.date.max, i.task.casefold()))
    return template.render(
        institution=institution,
        items=rows,
        today=today,
        status_labels=STATUS_LABELS_DE,
        open_count=sum(1 for i in rows if i.status in ("open", "confirmed")),
        overdue_count=sum(1 for i in rows if i.overdue),
        format_date_numeric=format_date_numeric,
        format_date_de=format_date_de,
        suggestion=suggestion_label,
    )


def export_institution_html(items: Sequence[ItemView], out_dir: str | Path, *, today: dt.date | None = None) -> dict[str, Path]:
    """Write one printable HTML action list per institution into out_dir; returns {institution: path}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    used: set[str] = set()
    rendered = {name: render_institution_html(name, group, today=today) for name, group in group_by_institution(items).items()}
    for name, html in rendered.items():
        base = clean_stem(name)
        stem, n = base, 1
        while stem.casefold() in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem.casefold())
        path = out_dir / f"{stem}.aufgaben.html"
        write_atomic(path, html.encode("utf-8"))
        written[name] = path
    return written




register(Writer(
    name="html", help="html (je Institution eine Datei)", order=40,
    write_folder=lambda items, out, o: list(export_institution_html(items, out, today=o.today).values()),
    summary=lambda items, written, out, o: f"{n_(len(written), 'Aufgabenliste')} nach {out} geschrieben.",
))
