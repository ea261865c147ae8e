"""Exports of the action register: CSV (German Excel), XLSX, iCalendar, per-institution HTML.

    export_csv(items)                  -> bytes  ';', UTF-8 with BOM, CRLF, formula guard (render.py conventions)
    export_xlsx(items)                 -> bytes  minimal Office Open XML workbook (no dependency)
    export_ics(items, component=…)     -> bytes  RFC 5545, one VEVENT/VTODO per item with a due date
    export_institution_html(items, d)  -> {institution: Path}  one printable HTML file per institution
    export(items, fmt, out)            -> list[Path]  dispatch for the CLI

All take ``list[ItemView]`` from ``Register.list_items``.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from .register import NO_INSTITUTION, STATUS_LABELS_DE, ItemView
from .fileio import clean_stem, csv_cell, excel_csv, write_atomic
from .german import format_date_de, format_date_numeric
from .render import get_environment

FORMATS = ("csv", "xlsx", "ics", "html")
INSTITUTION_TEMPLATE = "institution_actions.html.j2"

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

Labels = Callable[[ItemView], str]


def _suggestion_label(item: ItemView) -> str:
    if not item.suggested_status:
        return ""
    label = "erledigt?" if item.suggested_status == "done" else "noch offen?"
    return f"{label} ({item.suggestion_source})" if item.suggestion_source else label


def _row(item: ItemView, labels: Labels | None = None) -> list[str | dt.date | None]:
    return [
        item.id,
        item.task,
        ", ".join(item.responsible),
        ", ".join(item.institutions) or NO_INSTITUTION,
        item.due_date,
        item.due_text,
        STATUS_LABELS_DE.get(item.status, item.status),
        _suggestion_label(item),
        "ja" if item.overdue else "",
        item.meeting_date,
        item.meeting_title or "",
        item.meeting_file,
        item.topic_label,
        labels(item) if labels else (f"Absatz {item.evidence_block + 1}" if item.evidence_block is not None else ""),
        item.evidence_text or "",
        item.note or "",
    ]


# --------------------------------------------------------------------------- CSV

def export_csv(items: Sequence[ItemView], labels: Labels | None = None) -> bytes:
    """For German Excel: ';'-separated, UTF-8 with BOM, CRLF, formulas neutralised."""
    return excel_csv(COLUMNS, (
        [format_date_numeric(v) if isinstance(v, dt.date) else csv_cell(v or "") for v in _row(item, labels)] for item in items
    ))


# --------------------------------------------------------------------------- XLSX (hand-written OOXML)

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_XLSX_WIDTHS = (14, 60, 30, 30, 12, 20, 12, 24, 10, 12, 40, 30, 10, 24, 60, 30)


def _col_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _xlsx_cell(ref: str, value: str | dt.date | None, style: int = 0) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="2"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    text = xml_escape(_XML_ILLEGAL.sub("", str(value))[:32767])
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    style_attr = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{style_attr}><is><t{space}>{text}</t></is></c>'


def export_xlsx(items: Sequence[ItemView], *, sheet_name: str = "Aufgaben", labels: Labels | None = None) -> bytes:
    """A one-sheet workbook: bold header, real dates (TT.MM.JJJJ), autofilter, frozen header row."""
    rows = [f'<row r="1">{"".join(_xlsx_cell(f"{_col_name(c)}1", h, 1) for c, h in enumerate(COLUMNS))}</row>']
    for r, item in enumerate(items, start=2):
        cells = "".join(_xlsx_cell(f"{_col_name(c)}{r}", v) for c, v in enumerate(_row(item, labels)))
        rows.append(f'<row r="{r}">{cells}</row>')
    last = f"{_col_name(len(COLUMNS) - 1)}{max(1, len(items) + 1)}"
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(_XLSX_WIDTHS, start=1))
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f'<cols>{cols}</cols><sheetData>{"".join(rows)}</sheetData>'
        f'<autoFilter ref="A1:{last}"/></worksheet>'
    )
    name = xml_escape(re.sub(r"[\[\]:*?/\\]", "_", sheet_name)[:31])
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            '</Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>'
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
            f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'{name}\'!$A$1:${_col_name(len(COLUMNS) - 1)}${max(1, len(items) + 1)}</definedName></definedNames>'
            '</workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>'
        ),
        "xl/styles.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="DD.MM.YYYY"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            '<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, content in files.items():
            zf.writestr(zipfile.ZipInfo(path, date_time=(2000, 1, 1, 0, 0, 0)), content.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# --------------------------------------------------------------------------- iCalendar (RFC 5545)


def ics_escape(text: str) -> str:
    """TEXT value escaping: backslash, ';', ',' and newlines (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _XML_ILLEGAL.sub("", text)


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
DEFAULT_CALENDAR_NAME = "Protokollant – Fristen"


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
    from .settings import alarm_days as default_alarm_days

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


# --------------------------------------------------------------------------- per-institution HTML


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
        suggestion=_suggestion_label,
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


# --------------------------------------------------------------------------- dispatch


def export(items: Sequence[ItemView], fmt: str, out: str | Path, *, ics_component: str = "VEVENT", today: dt.date | None = None,
           alarm_days: int | None = None, calendar_name: str = DEFAULT_CALENDAR_NAME, labels: Labels | None = None) -> list[Path]:
    """Write ``items`` as fmt to out (a file; for html a folder). Returns the files written."""
    out = Path(out)
    if fmt == "html":
        return list(export_institution_html(items, out, today=today).values())
    if fmt == "csv":
        data = export_csv(items, labels)
    elif fmt == "xlsx":
        data = export_xlsx(items, labels=labels)
    elif fmt == "ics":
        data = export_ics(items, component=ics_component, alarm_days=alarm_days, calendar_name=calendar_name)
    else:
        raise ValueError(f"Unbekanntes Format {fmt!r} (erlaubt: {', '.join(FORMATS)})")
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, data)
    return [out]


__all__ = [
    "CLOSED_STATUSES", "COLUMNS", "DEFAULT_CALENDAR_NAME", "FORMATS", "export", "ics_selection", "export_csv", "export_ics", "export_institution_html", "export_xlsx",
    "group_by_institution", "ics_escape", "ics_fold", "render_institution_html",
]
