"""After a batch is recorded: refresh the carry-over sections and write public reports.

A report is written before its meeting is in the register (see pipeline and
inbox filing), so the carry-over, which needs the register (earlier meetings,
this meeting's reports on their tasks), is added afterwards: every report of
the bodies touched by the batch is re-rendered from its JSON record – also
later meetings, when an earlier one arrives late. Writes are atomic; a failure
here never undoes processing (the caller reports it as a warning).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProtokollantError
from ..register import Register
from ..fileio import write_atomic
from ..render import render_report
from .bodies import Bodies, load_bodies
from .carryover import carryover_for, cross_meeting_links
from .meetings import load_meetings
from .public import write_public_report
from .records import PUBLIC_SUFFIX, read_record

log = logging.getLogger(__name__)

@dataclass
class AfterRunReport:
    refreshed: list[str] = field(default_factory=list)
    public: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def refresh_carryover(outbox: str | os.PathLike, stems: Iterable[str] | None = None, *,
                      register: Register | None = None, bodies: Bodies | None = None) -> AfterRunReport:
    """Re-render the reports of every meeting of the bodies of ``stems`` (all meetings when None) with their carry-over."""
    report = AfterRunReport()
    bodies = bodies or load_bodies(outbox)
    own = register is None
    register = register or Register.open(outbox)
    try:
        meetings = load_meetings(register, bodies)
        wanted = None if stems is None else set(stems)
        keys = {m.body_key for m in meetings if wanted is None or m.stem in wanted}
        items = register.list_items()
        links = cross_meeting_links(register)
        for m in meetings:
            if not m.body_key or m.body_key not in keys:
                continue
            carry = carryover_for(register, bodies, m.stem, meetings=meetings, items=items, links=links)
            if carry is None:
                continue
            path = Path(outbox) / m.stem / f"{m.stem}.html"
            try:
                record = read_record(outbox, m.stem)
                write_atomic(path, render_report(record, carryover=carry).encode("utf-8"))
            except (ProtokollantError, OSError) as e:
                report.problems.append(f"{m.stem}: Übertrag nicht geschrieben: {e}")
                continue
            report.refreshed.append(m.stem)
    finally:
        if own:
            register.close()
    return report


def after_batch(outbox: str | os.PathLike, stems: Iterable[str], *, public: bool = False) -> AfterRunReport:
    """What runs after a batch was recorded: carry-over for the touched bodies, and public reports when asked."""
    stems = list(stems)
    report = AfterRunReport()
    if not stems:
        return report
    try:
        report = refresh_carryover(outbox, stems)
    except ProtokollantError as e:
        report.problems.append(f"Übertrag offener Aufgaben nicht aktualisiert: {e}")
    if public:
        for stem in stems:
            try:
                report.public.append(str(write_public_report(outbox, stem)))
            except (ProtokollantError, OSError) as e:
                report.problems.append(f"{stem}: öffentliche Fassung nicht geschrieben: {e}")
    for problem in report.problems:
        log.warning("%s", problem)
    return report


__all__ = ["AfterRunReport", "PUBLIC_SUFFIX", "after_batch", "read_record", "refresh_carryover"]
