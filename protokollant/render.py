"""Output rendering: German HTML report, action-list CSV for German Excel, output files.

    render_report(record)              -> str    HTML report (templates/report.html.j2)
    render_actions_csv(record)         -> bytes  semicolon CSV, UTF-8 with BOM, CRLF
    write_outputs(record, out_dir, stem) -> {"json": Path, "html": Path, "csv": Path}
    safe_stem(filename)                -> str    output name derived from an input file name

Conventions for "Quelle" (where an item stands in the source document):
Evidence.block_index is 0-based (schema); inside an agenda item a paragraph is shown
as its place in the item ("TOP 3, 2. Absatz"), outside one 1-based as "Absatz N".
Evidence.table_index and Evidence.table_row are taken as 0-based as well, the
header row being row 0, and are shown 1-based: table_index=1, table_row=2 ->
"Tabelle 2, Zeile 3" (the third row from the top, counting the header row).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .german import (  # re-exported: the report's formatting has always been found here
    MONTHS_DE, format_confidence_csv, format_date_de, format_date_numeric, format_datetime_de, format_int_de, format_percent,
)
from .fileio import clean_stem, csv_cell, excel_csv, safe_stem, sync_files, write_all_atomic
from .templating import get_environment
from .schema import (
    Decision,
    Due,
    Evidence,
    Institution,
    MinutesRecord,
    Outcome,
    Responsible,
    Topic,
    Vote,
)

__all__ = [
    "render_report",
    "render_actions_csv",
    "write_outputs",
    "safe_stem",  # re-exported from fileio: callers have always found it here
    "sync_files",
    "MONTHS_DE",
    "format_confidence_csv",
    "format_date_de",
    "format_date_numeric",
    "format_datetime_de",
    "format_int_de",
    "format_percent",
    "format_vote",
    "UNSURE_BELOW",
]

REPORT_TEMPLATE = "report.html.j2"
UNSURE_BELOW = 0.6
"""Items with a confidence below this are marked "unsicher"."""

CSV_COLUMNS = (
    "Nr",
    "Aufgabe",
    "Verantwortlich",
    "Fällig am",
    "Frist (Originaltext)",
    "TOP",
    "Quelle",
    "Sicherheit",
)

DECISION_KINDS_DE = {
    "resolution": "Beschluss",
    "motion": "Antrag",
    "election": "Wahl",
    "agreement": "Einigung",
    "approval": "Genehmigung",
}

INSTITUTION_KINDS_DE = {
    "behoerde": "Behörde",
    "kommune": "Kommune",
    "ministerium": "Ministerium",
    "kammer": "Kammer",
    "verein": "Verein",
    "verband": "Verband",
    "gewerkschaft": "Gewerkschaft",
    "netzwerk": "Netzwerk",
    "unternehmen": "Unternehmen",
    "bildungstraeger": "Bildungsträger",
    "schule": "Schule",
    "hochschule": "Hochschule",
    "partei": "Partei",
    "fraktion": "Fraktion",
    "gremium": "Gremium",
    "stiftung": "Stiftung",
    "sonstige": "Sonstige",
}

INSTITUTION_SOURCES_DE = {
    "registry": "Verzeichnis",
    "pattern": "Muster",
    "model": "Modell",
}


# --------------------------------------------------------------------------- formatting


def format_vote(vote: Vote | None) -> str:
    """"einstimmig angenommen", "angenommen (5 Ja / 0 Nein / 1 Enthaltung)", "abgelehnt", ..."""
    if vote is None:
        return ""
    outcome = {
        Outcome.ACCEPTED: "angenommen",
        Outcome.REJECTED: "abgelehnt",
    }.get(vote.outcome, "") if vote.outcome is not None else ""
    counts = []
    if vote.yes is not None:
        counts.append(f"{vote.yes} Ja")
    if vote.no is not None:
        counts.append(f"{vote.no} Nein")
    if vote.abstain is not None:
        counts.append(f"{vote.abstain} {'Enthaltung' if vote.abstain == 1 else 'Enthaltungen'}")
    head = " ".join(part for part in ("einstimmig" if vote.unanimous else "", outcome) if part)
    if head and counts:
        return f"{head} ({' / '.join(counts)})"
    if head:
        return head
    if counts:
        return f"Abstimmung: {' / '.join(counts)}"
    return vote.text or ""


def _vote_class(vote: Vote | None) -> str:
    if vote is None or vote.outcome is None:
        return "offen"
    return "angenommen" if vote.outcome is Outcome.ACCEPTED else "abgelehnt"


def topic_label_for(topic: Topic | None) -> str:
    if topic is None:
        return ""
    if topic.number:
        return f"TOP {topic.number}"
    title = topic.title if len(topic.title) <= 40 else topic.title[:39].rstrip() + "…"
    return f"TOP „{title}“"


def evidence_location(evidence: Evidence, topic: Topic | None = None) -> str:
    """"Tabelle 2, Zeile 3", or the paragraph counted within its agenda item ("2. Absatz",
    next to "TOP 3"), as a reader finds it in Word; outside any item "Absatz 17" from the
    start (1-based for people, see module docstring)."""
    if evidence.table_index is not None:
        text = f"Tabelle {evidence.table_index + 1}"
        if evidence.table_row is not None:
            text += f", Zeile {evidence.table_row + 1}"
        return text
    if topic is not None and topic.block_start <= evidence.block_index <= topic.block_end:
        offset = evidence.block_index - topic.block_start
        text = "Überschrift" if offset == 0 else f"{offset}. Absatz"
    else:
        text = f"Absatz {evidence.block_index + 1}"
    if evidence.list_number and any(ch.isalnum() for ch in evidence.list_number):
        text += f", Punkt {evidence.list_number}"
    return text


def join_parts(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


def _differs(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()


def _contains(haystack: str | None, needle: str | None) -> bool:
    """True when needle is empty or stands in haystack (whitespace and case ignored)."""
    if not needle:
        return True
    if not haystack:
        return False
    return " ".join(needle.split()).casefold() in " ".join(haystack.split()).casefold()


# --------------------------------------------------------------------------- view model


@dataclass(frozen=True, slots=True)
class OwnerView:
    display: str
    """Resolved full name when known, else as written."""
    written: str | None
    """As written, when it differs from display (e.g. initials "JB")."""
    kind: str


@dataclass(frozen=True, slots=True)
class ActionRow:
    number: int
    task: str
    evidence_text: str | None
    owners: tuple[OwnerView, ...]
    owners_text: str
    due_date_de: str
    due_date_numeric: str
    due_iso: str
    due_text: str
    due_text_differs: bool
    topic_label: str
    location: str
    source: str
    confidence: float
    unsure: bool
    anchor: str | None
    """id "absatz-N" (N = evidence block) so the review page can link to the task in the report."""


@dataclass(frozen=True, slots=True)
class DecisionView:
    kind_label: str
    text: str
    evidence_text: str | None
    vote: str
    vote_written: str | None
    vote_class: str
    location: str
    confidence: float
    unsure: bool


@dataclass(frozen=True, slots=True)
class DecisionGroup:
    heading: str
    decisions: tuple[DecisionView, ...]


@dataclass(frozen=True, slots=True)
class TopicView:
    label: str
    title: str
    subtopics: tuple[tuple[str, str], ...]
    decision_count: int
    action_count: int
    state: str = ""
    """"vertagt" / "zur Kenntnis genommen" (record.postponed / record.noted), else empty."""


@dataclass(frozen=True, slots=True)
class InstitutionView:
    name: str
    kind: str
    source: str
    aliases: tuple[str, ...]
    mention_count: int
    mention_places: str


def _owner(responsible: Responsible) -> OwnerView:
    if responsible.resolved and responsible.resolved != responsible.name:
        return OwnerView(responsible.resolved, responsible.name, responsible.kind.value)
    return OwnerView(responsible.name, None, responsible.kind.value)


def _due_parts(due: Due | None) -> tuple[str, str, str, str, bool]:
    """(German date, DD.MM.YYYY, ISO date, text as written, written text worth showing)."""
    if due is None:
        return "", "", "", "", False
    date_de = format_date_de(due.date)
    numeric = format_date_numeric(due.date)
    iso = due.date.isoformat() if due.date else ""
    differs = bool(due.date) and _differs(due.text, date_de) and _differs(due.text, numeric)
    return date_de, numeric, iso, due.text, differs


def action_rows(record: MinutesRecord) -> list[ActionRow]:
    topics = {topic.index: topic for topic in record.topics}
    rows = []
    anchored: set[int] = set()
    for number, item in enumerate(record.action_items, start=1):
        block = item.evidence.block_index
        anchor = None if block in anchored else f"absatz-{block}"
        anchored.add(block)
        owners = tuple(_owner(r) for r in item.responsible)
        date_de, numeric, iso, due_text, due_differs = _due_parts(item.due)
        topic_label = topic_label_for(topics.get(item.topic_index))
        location = evidence_location(item.evidence, topics.get(item.topic_index))
        rows.append(
            ActionRow(
                number=number,
                task=item.task,
                evidence_text=item.evidence.text if not _contains(item.evidence.text, item.task) else None,
                owners=owners,
                owners_text=", ".join(owner.display for owner in owners),
                due_date_de=date_de,
                due_date_numeric=numeric,
                due_iso=iso,
                due_text=due_text,
                due_text_differs=due_differs,
                topic_label=topic_label,
                location=location,
                source=join_parts(topic_label, location),
                confidence=item.confidence,
                unsure=item.confidence < UNSURE_BELOW,
                anchor=anchor,
            )
        )
    return rows


def _decision_view(decision: Decision, topic: Topic | None = None) -> DecisionView:
    vote = format_vote(decision.vote)
    written = decision.vote.text if decision.vote is not None else None
    return DecisionView(
        kind_label=DECISION_KINDS_DE.get(decision.kind, decision.kind.capitalize()),
        text=decision.text,
        evidence_text=decision.evidence.text if not _contains(decision.evidence.text, decision.text) else None,
        vote=vote,
        vote_written=written if not _contains(vote, written) else None,
        vote_class=_vote_class(decision.vote),
        location=evidence_location(decision.evidence, topic),
        confidence=decision.confidence,
        unsure=decision.confidence < UNSURE_BELOW,
    )


def decision_groups(record: MinutesRecord) -> list[DecisionGroup]:
    """Decisions grouped by topic, in agenda order; unassigned ones last."""
    by_topic: dict[int, list[Decision]] = {}
    unassigned: list[Decision] = []
    known = {topic.index for topic in record.topics}
    for decision in record.decisions:
        if decision.topic_index in known:
            by_topic.setdefault(decision.topic_index, []).append(decision)
        else:
            unassigned.append(decision)
    groups = []
    for topic in record.topics:
        if topic.index in by_topic:
            label = topic_label_for(topic)
            heading = f"{label} – {topic.title}" if topic.number else topic.title
            groups.append(DecisionGroup(heading, tuple(_decision_view(d, topic) for d in by_topic.pop(topic.index))))
    if unassigned:
        groups.append(DecisionGroup("Ohne Zuordnung zu einem TOP", tuple(_decision_view(d) for d in unassigned)))
    return groups


def topic_views(record: MinutesRecord) -> list[TopicView]:
    views = []
    postponed = {p.topic_index for p in record.postponed}
    noted = {n.topic_index for n in record.noted}
    for topic in record.topics:
        views.append(
            TopicView(
                label=f"TOP {topic.number}" if topic.number else "",
                title=topic.title,
                subtopics=tuple((sub.number or "", sub.title) for sub in topic.subtopics),
                decision_count=sum(1 for d in record.decisions if d.topic_index == topic.index),
                action_count=sum(1 for a in record.action_items if a.topic_index == topic.index),
                state="vertagt" if topic.index in postponed else ("zur Kenntnis genommen" if topic.index in noted else ""),
            )
        )
    return views


def _institution_view(institution: Institution) -> InstitutionView:
    places = [f"{index + 1}" for index in sorted(set(institution.mentions))]
    shown = ", ".join(places[:6]) + (", …" if len(places) > 6 else "")
    kind = institution.kind or ""
    return InstitutionView(
        name=institution.name,
        kind=INSTITUTION_KINDS_DE.get(kind, kind.replace("_", " ").capitalize()),
        source=INSTITUTION_SOURCES_DE.get(institution.source, institution.source),
        aliases=tuple(institution.aliases),
        mention_count=len(institution.mentions),
        mention_places=f"Absatz {shown}" if places else "",
    )


# --------------------------------------------------------------------------- HTML


def render_report(record: MinutesRecord, *, carryover: object | None = None) -> str:
    """The German HTML report for one minutes record (self-contained, printable).

    ``carryover``: the same body's open tasks from earlier meetings
    (protokollant.followup.carryover.CarryOver), shown as its own section."""
    template = get_environment().get_template(REPORT_TEMPLATE)
    meeting = record.meeting
    participants = meeting.participants
    return template.render(
        record=record,
        meeting=meeting,
        has_participants=bool(participants.present or participants.excused or participants.guests),
        topics=topic_views(record),
        decision_groups=decision_groups(record),
        actions=action_rows(record),
        institutions=[_institution_view(i) for i in record.institutions],
        unsure_below=UNSURE_BELOW,
        carryover=carryover,
        format_date_numeric=format_date_numeric,
    )


# --------------------------------------------------------------------------- CSV

def render_actions_csv(record: MinutesRecord) -> bytes:
    """Action list for German Excel: ';'-separated, UTF-8 with BOM, CRLF, quoted when needed."""
    return excel_csv(CSV_COLUMNS, (
        [
            str(row.number),
            csv_cell(row.task),
            csv_cell(row.owners_text),
            row.due_date_numeric,
            csv_cell(row.due_text),
            csv_cell(row.topic_label),
            csv_cell(row.location),
            format_confidence_csv(row.confidence),
        ]
        for row in action_rows(record)
    ))


# --------------------------------------------------------------------------- files

def render_json(record: MinutesRecord) -> bytes:
    return (record.model_dump_json(indent=2) + "\n").encode("utf-8")


DOCUMENT_OUTPUTS: dict[str, tuple[str, Callable[[MinutesRecord], bytes]]] = {
    "json": (".json", render_json),
    "html": (".html", lambda record: render_report(record).encode("utf-8")),
    "csv": (".aufgaben.csv", render_actions_csv),
}
"""The files written for each document: name → (suffix after the stem, renderer). A new per-document
output is one entry here (the public version and the carry-over section are added by protokollant.followup)."""


def write_outputs(record: MinutesRecord, out_dir: Path, stem: str, *, sync: bool = True) -> dict[str, Path]:
    """Write every DOCUMENT_OUTPUTS file (<stem>.json, <stem>.html, <stem>.aufgaben.csv) atomically into out_dir.

    Everything is rendered before the first file is written, so a rendering
    error leaves no partial output. `stem` is cleaned like safe_stem's result
    (a stem from safe_stem is kept as is).
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = clean_stem(stem)
    contents = {name: (out_dir / f"{stem}{suffix}", render(record)) for name, (suffix, render) in DOCUMENT_OUTPUTS.items()}
    write_all_atomic(list(contents.values()), sync=sync)
    return {key: path for key, (path, _) in contents.items()}
