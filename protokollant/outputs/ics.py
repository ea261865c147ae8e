"""iCalendar (RFC 5545, written with the icalendar library): one VEVENT (all-day on the due date)
or VTODO per item with a due date, with a reminder (VALARM) and stable UIDs."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event, Todo

from ..fileio import XML_ILLEGAL
from ..german import format_date_numeric, n_
from ..settings import alarm_days as default_alarm_days
from ..statuses import STATUS_LABELS_DE
from .registry import DEFAULT_CALENDAR_NAME, ExportOptions, Writer, register

if TYPE_CHECKING:
    from ..register import ItemView



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
    Done/rejected items are not exported as events (see ics_selection). Escaping and line
    folding (RFC 5545) are the icalendar library's.
    """
    component = component.upper()
    if component not in ("VEVENT", "VTODO"):
        raise ValueError("component muss VEVENT oder VTODO sein")
    days = default_alarm_days() if alarm_days is None else max(0, int(alarm_days))
    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    cal = Calendar()
    for name, value in (("VERSION", "2.0"), ("PRODID", "-//Protokollant//Aufgabenregister//DE"), ("CALSCALE", "GREGORIAN"),
                        ("METHOD", "PUBLISH"), ("X-WR-CALNAME", _text(calendar_name)), ("NAME", _text(calendar_name)),
                        ("X-WR-TIMEZONE", "Europe/Berlin")):
        cal.add(name, value)
    exported, _no_due, _closed = ics_selection(items, component)
    for item in exported:
        entry = Event() if component == "VEVENT" else Todo()
        entry.add("UID", f"{item.id}@{domain}")
        entry.add("DTSTAMP", stamp)
        if component == "VEVENT":
            entry.add("DTSTART", item.due_date)
            entry.add("DTEND", item.due_date + dt.timedelta(days=1))
            entry.add("TRANSP", "TRANSPARENT")
            entry.add("STATUS", _ICS_STATUS_EVENT.get(item.status, "TENTATIVE"))
        else:
            entry.add("DUE", item.due_date)
            entry.add("STATUS", _ICS_STATUS_TODO.get(item.status, "NEEDS-ACTION"))
        summary = item.task if not item.responsible else f"{item.task} ({', '.join(item.responsible)})"
        entry.add("SUMMARY", _text(summary))
        entry.add("DESCRIPTION", _text("\n".join(_description(item))))
        if item.institutions:
            entry.add("CATEGORIES", [_text(i) for i in item.institutions])
        if days and item.status not in CLOSED_STATUSES:
            when = "morgen" if days == 1 else f"in {days} Tagen"
            alarm = Alarm()
            alarm.add("ACTION", "DISPLAY")
            # VTODO: relative to DUE (the end); VEVENT: to the start of the all-day event
            alarm.add("TRIGGER", -dt.timedelta(days=days), parameters={"RELATED": "END"} if component == "VTODO" else None)
            alarm.add("DESCRIPTION", _text(f"Frist {when} ({format_date_numeric(item.due_date)}): {item.task}"))
            entry.add_component(alarm)
        cal.add_component(entry)
    return cal.to_ical()


def _text(value: str) -> str:
    """Characters no calendar (nor XML) accepts are dropped; the library escapes the rest."""
    return XML_ILLEGAL.sub("", value)


def _description(item: ItemView) -> list[str]:
    lines = [f"Aufgabe: {item.task}"]
    if item.responsible:
        lines.append(f"Verantwortlich: {', '.join(item.responsible)}")
    lines.append(f"Status: {STATUS_LABELS_DE.get(item.status, item.status)}")
    if item.due_text:
        lines.append(f"Frist: {item.due_text}")
    meeting = " ".join(p for p in (format_date_numeric(item.meeting_date), item.meeting_title or "") if p)
    lines.append(f"Sitzung: {meeting or item.meeting_file} ({item.meeting_file})")
    if item.topic_label:
        lines.append(f"TOP: {item.topic_label}")
    if item.evidence_text:
        lines.append(f"Quelle: {item.evidence_text}")
    if item.note:
        lines.append(f"Notiz: {item.note}")
    lines.append(f"ID: {item.id}")
    return lines


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
