"""iCalendar (RFC 5545): one VEVENT (all-day on the due date) or VTODO per item with a due date."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..german import format_date_numeric, n_
from ..settings import alarm_days as default_alarm_days
from ..statuses import STATUS_LABELS_DE
from ..fileio import XML_ILLEGAL
from .registry import DEFAULT_CALENDAR_NAME, ExportOptions, Writer, register

if TYPE_CHECKING:
    from ..register import ItemView



def ics_escape(text: str) -> str:
    """TEXT value escaping: backslash, ';', ',' and newlines (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return XML_ILLEGAL.sub("", text)


def ics_fold(line: str) -> str:
    """Fold a content line at 75 octets (UTF-8), never inside a character; CRLF + space continues."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with a space
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


_ICS_STATUS_TODO = {"open": "NEEDS-ACTION", "confirmed": "NEEDS-ACTION", "done": "COMPLETED", "rejected": "CANCELLED", "removed": "CANCELLED"}
_ICS_STATUS_EVENT = {"open": "TENTATIVE", "confirmed": "CONFIRMED", "done": "CONFIRMED", "rejected": "CANCELLED", "removed": "CANCELLED"}


CLOSED_STATUSES = ("done", "rejected", "removed")


def ics_selection(items: Sequence[ItemView], component: str = "VEVENT") -> tuple[list[ItemView], list[ItemView], list[ItemView]]:
    """(exported, without a due date, closed): a calendar shows open deadlines only, so done,
    rejected and removed items are no VEVENTs (a VTODO list keeps them, as COMPLETED/CANCELLED)."""
    exported, no_due, closed = [], [], []
    for item in items:
        if component.upper() == "VEVENT" and item.status in CLOSED_STATUSES:
            closed.append(item)
        elif item.due_date is None:
            no_due.append(item)
        else:
            exported.append(item)
    return exported, no_due, closed


def export_ics(
    items: Sequence[ItemView],
    *,
    component: str = "VEVENT",
    now: dt.datetime | None = None,
    domain: str = "protokollant",
    alarm_days: int | None = None,
    calendar_name: str = DEFAULT_CALENDAR_NAME,
) -> bytes:
    """One VEVENT (all-day on the due date; Outlook imports these) or VTODO per item with a due date.

    UID = <item id>@<domain>, stable across exports, so re-importing updates instead of duplicating.
    Each entry carries a reminder (VALARM) ``alarm_days`` before the deadline (settings:
    PROTOKOLLANT_ICS_ERINNERUNG, default 3; 0 = none); the calendar is named (X-WR-CALNAME).
    Done/rejected items are not exported as events (see ics_selection).
    """
    component = component.upper()
    if component not in ("VEVENT", "VTODO"):
        raise ValueError("component muss VEVENT oder VTODO sein")
    days = default_alarm_days() if alarm_days is None else max(0, int(alarm_days))
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Protokollant//Aufgabenregister//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(calendar_name)}", f"NAME:{ics_escape(calendar_name)}", "X-WR-TIMEZONE:Europe/Berlin",
    ]
    exported, _no_due, _closed = ics_selection(items, component)
    for item in exported:
        description = [f"Aufgabe: {item.task}"]
        if item.responsible:
            description.append(f"Verantwortlich: {', '.join(item.responsible)}")
        description.append(f"Status: {STATUS_LABELS_DE.get(item.status, item.status)}")
        if item.due_text:
            description.append(f"Frist: {item.due_text}")
        meeting = " ".join(p for p in (format_date_numeric(item.meeting_date), item.meeting_title or "") if p)
        description.append(f"Sitzung: {meeting or item.meeting_file} ({item.meeting_file})")
        if item.topic_label:
            description.append(f"TOP: {item.topic_label}")
        if item.evidence_text:
            description.append(f"Quelle: {item.evidence_text}")
        if item.note:
            description.append(f"Notiz: {item.note}")
        description.append(f"ID: {item.id}")
        summary = item.task if not item.responsible else f"{item.task} ({', '.join(item.responsible)})"
        due = item.due_date.strftime("%Y%m%d")
        lines += [f"BEGIN:{component}", f"UID:{item.id}@{domain}", f"DTSTAMP:{stamp}"]
        if component == "VEVENT":
            lines += [f"DTSTART;VALUE=DATE:{due}", f"DTEND;VALUE=DATE:{(item.due_date + dt.timedelta(days=1)).strftime('%Y%m%d')}", "TRANSP:TRANSPARENT"]
            lines.append(f"STATUS:{_ICS_STATUS_EVENT.get(item.status, 'TENTATIVE')}")
        else:
            lines.append(f"DUE;VALUE=DATE:{due}")
            lines.append(f"STATUS:{_ICS_STATUS_TODO.get(item.status, 'NEEDS-ACTION')}")
        lines += [f"SUMMARY:{ics_escape(summary)}", f"DESCRIPTION:{ics_escape(chr(10).join(description))}"]
        if item.institutions:
            lines.append(f"CATEGORIES:{','.join(ics_escape(i) for i in item.institutions)}")
        if days and item.status not in CLOSED_STATUSES:
            related = "" if component == "VEVENT" else ";RELATED=END"  # VTODO: relative to DUE
            when = "morgen" if days == 1 else f"in {days} Tagen"
            lines += [
                "BEGIN:VALARM", "ACTION:DISPLAY", f"TRIGGER{related}:-P{days}D",
                f"DESCRIPTION:{ics_escape(f'Frist {when} ({format_date_numeric(item.due_date)}): {item.task}')}",
                "END:VALARM",
            ]
        lines.append(f"END:{component}")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(ics_fold(line) for line in lines) + "\r\n").encode("utf-8")




def _summary(items: Sequence[ItemView], written: list, out: object, options: ExportOptions) -> str:
    exported, no_due, closed = ics_selection(items, options.ics_component)
    kind = "Termin" if options.ics_component.upper() == "VEVENT" else "Aufgabe"
    parts = [f"{n_(len(exported), kind)} nach {out} geschrieben"]
    if no_due:
        parts.append(f"{n_(len(no_due), 'Aufgabe')} ohne Frist nicht im Kalender")
    if closed:
        parts.append(f"{len(closed)} erledigt/verworfen, nicht exportiert")
    return "; ".join(parts) + "."


register(Writer(
    name="ics", help="ics (Kalender)", order=30, summary=_summary,
    render=lambda items, o: export_ics(items, component=o.ics_component, alarm_days=o.alarm_days, calendar_name=o.calendar_name),
    media_type="text/calendar; charset=utf-8", link_label="Kalender (ICS)",
))
