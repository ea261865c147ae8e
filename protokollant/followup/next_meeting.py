"""Draft for the next meeting of a body (Word, python-docx): what the office pastes into the invitation.

    build_draft(register, bodies, outbox, "Bürgerrunde").save("naechste-sitzung.docx")

Sections (real heading styles, tables in "Table Grid"): open and overdue tasks
of the body grouped by responsible institution; postponed agenda items not
taken up again since; items only noted last time; the last meeting's
decisions to confirm.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from docx import Document as WordDocument
from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor

from ..errors import ProtokollantError
from ..register import NO_INSTITUTION, Register
from ..german import format_date_de, format_date_numeric
from ..render import format_vote
from .records import read_record
from .bodies import Bodies, normalise
from .decisions_log import list_decisions
from .meetings import MeetingInfo, load_meetings, matches_body


class NoMeetingsError(ProtokollantError):
    """No processed meeting belongs to the body asked for."""


@dataclass
class Postponed:
    title: str
    number: str | None
    text: str
    meeting: MeetingInfo


def _table(doc: DocxDocument, header: tuple[str, ...], rows: list[tuple[str, ...]], *, red: set[int] | None = None) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for number, values in enumerate(rows):
        cells = table.add_row().cells
        for cell, text in zip(cells, values):
            cell.text = text
        if red and number in red:
            for run in cells[2].paragraphs[0].runs:
                run.font.color.rgb = RGBColor(0xA1, 0x2A, 0x22)
                run.bold = True


def _postponed(outbox, meetings: list[MeetingInfo]) -> tuple[list[Postponed], list[Postponed]]:
    """(postponed items not on a later agenda, items only noted in the last meeting)."""
    records = {}
    for m in meetings:
        try:
            records[m.stem] = read_record(outbox, m.stem)
        except ProtokollantError:
            continue
    open_items: list[Postponed] = []
    for n, m in enumerate(meetings):
        record = records.get(m.stem)
        if record is None:
            continue
        later_titles = [normalise(t.title) for later in meetings[n + 1:] if later.stem in records for t in records[later.stem].topics]
        for p in record.postponed:
            key = normalise(p.title)
            if any(key and (key in t or t in key) for t in later_titles if t):
                continue  # on a later agenda again
            open_items.append(Postponed(p.title, p.number, p.text, m))
    last = records.get(meetings[-1].stem)
    noted = [Postponed(n.title, n.number, n.text, meetings[-1]) for n in (last.noted if last else [])]
    return open_items, noted


def build_draft(register: Register, bodies: Bodies, outbox: str | os.PathLike, organisation: str, *,
                today: dt.date | None = None) -> DocxDocument:
    today = today or register.today()
    meetings = [m for m in load_meetings(register, bodies) if matches_body(m, organisation, bodies)]
    if not meetings:
        raise NoMeetingsError(f"Keine verarbeitete Sitzung des Gremiums „{organisation}“ im Register.")
    body = meetings[-1].body or organisation
    last = meetings[-1]
    stems = {m.stem for m in meetings}
    items = [i for i in register.list_items(status=("open", "confirmed"), today=today) if i.meeting_stem in stems]

    doc = WordDocument()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = f"Vorlage für die nächste Sitzung – {body}"
    doc.core_properties.author = "Protokollant"
    doc.add_heading(f"Vorlage für die nächste Sitzung: {body}", level=0)
    n = len(meetings)
    doc.add_paragraph(
        f"Stand {format_date_numeric(today)}. Grundlage: {n} {'verarbeitete Sitzung' if n == 1 else 'verarbeitete Sitzungen'}, "
        f"zuletzt am {format_date_de(last.date) or last.file_name}. Automatisch aus den Protokollen erstellt – vor dem Versand prüfen."
    )

    doc.add_heading("Offene Aufgaben", level=1)
    overdue = sum(1 for i in items if i.overdue)
    doc.add_paragraph(f"{len(items)} {'offene Aufgabe' if len(items) == 1 else 'offene Aufgaben'}, davon {overdue} überfällig." if items
                      else "Keine offenen Aufgaben.")
    groups: dict[str, list] = {}
    for item in items:
        for institution in item.institutions or [NO_INSTITUTION]:
            groups.setdefault(institution, []).append(item)
    for institution in sorted(groups, key=lambda k: (k == NO_INSTITUTION, k.casefold())):
        group = groups[institution]
        doc.add_heading(institution if institution != NO_INSTITUTION else "Ohne Zuordnung zu einer Institution", level=2)
        rows, red = [], set()
        for number, item in enumerate(group):
            due = format_date_numeric(item.due_date) or item.due_text or "keine Frist"
            if item.overdue:
                due += " – überfällig"
                red.add(number)
            state = "als erledigt gemeldet – bitte bestätigen" if item.suggested_status == "done" else (
                "Sachstand gemeldet: noch offen" if item.suggested_status == "open" else "offen")
            rows.append((item.task, ", ".join(item.responsible) or "nicht angegeben", due,
                         f"{format_date_numeric(item.meeting_date)} {item.topic_label}".strip(), state))
        _table(doc, ("Aufgabe", "Verantwortlich", "Frist", "Aus der Sitzung", "Stand"), rows, red=red)

    postponed, noted = _postponed(outbox, meetings)
    doc.add_heading("Vertagte Tagesordnungspunkte", level=1)
    if postponed:
        for p in postponed:
            label = f"TOP {p.number}: " if p.number else ""
            para = doc.add_paragraph(style="List Bullet")
            para.add_run(f"{label}{p.title}").bold = True
            para.add_run(f" – vertagt am {format_date_numeric(p.meeting.date) or p.meeting.file_name}: „{p.text}“")
    else:
        doc.add_paragraph("Keine vertagten Punkte.")
    if noted:
        doc.add_heading("In der letzten Sitzung nur zur Kenntnis genommen", level=1)
        for p in noted:
            label = f"TOP {p.number}: " if p.number else ""
            doc.add_paragraph(f"{label}{p.title} – „{p.text}“", style="List Bullet")

    doc.add_heading(f"Beschlüsse der letzten Sitzung ({format_date_numeric(last.date) or last.file_name}) zur Bestätigung", level=1)
    decisions = [d for d in list_decisions(register, bodies, meetings=meetings) if d.meeting.id == last.id]
    if decisions:
        _table(doc, ("TOP", "Beschluss", "Abstimmung"),
               [(d.topic_label or "–", d.text, (format_vote(d.vote) if d.vote else d.vote_text) or "–") for d in decisions])
    else:
        doc.add_paragraph("In der letzten Sitzung wurden keine Beschlüsse erkannt.")
    return doc


__all__ = ["NoMeetingsError", "build_draft"]
