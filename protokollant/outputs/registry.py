"""The registry of register exports: a format's name → its writer.

The CLI (`protokollant actions export --format`), the review page (/export.<name>)
and the flows ask this registry; a new format is one module in this package that
calls ``register(Writer(...))`` (found automatically, see __init__) plus its
template and test.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import write_atomic
from ..german import n_

if TYPE_CHECKING:
    from ..register import ItemView

Labels = Callable[["ItemView"], str]
"""Where a person finds an item in Word ("TOP 5, 3. Absatz"), e.g. references.SourceLabels."""

DEFAULT_CALENDAR_NAME = "Protokollant – Fristen"


@dataclass(frozen=True)
class ExportOptions:
    """Everything a writer may use besides the items; each writer reads what concerns it."""

    labels: Labels | None = None
    today: dt.date | None = None
    ics_component: str = "VEVENT"
    alarm_days: int | None = None
    calendar_name: str = DEFAULT_CALENDAR_NAME


@dataclass(frozen=True)
class Writer:
    """One export format. ``render`` gives the bytes of one file; a writer with ``write_folder``
    writes several files into a folder instead (and is not offered as a download)."""

    name: str
    help: str
    """German, one phrase for the CLI help ("csv (Excel)")."""
    order: int
    """Place in choice lists and on the review page."""
    render: Callable[[Sequence[ItemView], ExportOptions], bytes] | None = None
    media_type: str | None = None
    """Set for a download on the review page (/export.<name>)."""
    link_label: str | None = None
    """The link text on the review page."""
    write_folder: Callable[[Sequence[ItemView], Path, ExportOptions], list[Path]] | None = None
    summary: Callable[[Sequence[ItemView], list[Path], Path, ExportOptions], str] | None = None
    """The CLI's German line after writing; default "N Aufgaben nach OUT geschrieben."."""

    def summary_line(self, items: Sequence[ItemView], written: list[Path], out: Path, options: ExportOptions) -> str:
        if self.summary is not None:
            return self.summary(items, written, out, options)
        return f"{n_(len(items), 'Aufgabe')} nach {out} geschrieben."


_WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    _WRITERS[writer.name] = writer
    return writer


def writers() -> list[Writer]:
    return sorted(_WRITERS.values(), key=lambda w: (w.order, w.name))


def names() -> tuple[str, ...]:
    return tuple(w.name for w in writers())


def downloads() -> list[Writer]:
    """The formats the review page offers as downloads."""
    return [w for w in writers() if w.render is not None and w.media_type]


def get(name: str) -> Writer:
    try:
        return _WRITERS[name]
    except KeyError:
        raise ValueError(f"Unbekanntes Format {name!r} (erlaubt: {', '.join(names())})") from None


def export(items: Sequence[ItemView], fmt: str, out: str | Path, options: ExportOptions | None = None) -> list[Path]:
    """Write ``items`` as ``fmt`` to ``out`` (a file; for a folder format a folder). Returns the files written."""
    writer, out, options = get(fmt), Path(out), options or ExportOptions()
    if writer.write_folder is not None:
        return writer.write_folder(items, out, options)
    data = writer.render(items, options)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, data)
    return [out]
