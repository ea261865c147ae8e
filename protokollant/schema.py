"""Output models: the JSON record per minutes document (published as JSON Schema)."""
from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_serializer

SCHEMA_VERSION = "1.2"
"""1.1: ``postponed`` and ``noted`` (agenda items the body postponed / only took note of); 1.0 fields unchanged.
1.2: ``Decision.quote`` (the sentence that decides, when ``text`` also holds what it answers) and ``ActionItem.quote``
(a task table's owner cell that says what to do); 1.1 fields unchanged."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Scored(_Model):
    """Confidence is a score for people: two decimals in JSON (no 0.7999999999999999); full precision in memory."""

    @field_serializer("confidence", when_used="json", check_fields=False)
    def _round_confidence(self, value: float) -> float:
        return round(value, 2)


class Evidence(_Model):
    """Where an extracted item stands in the source document."""

    block_index: int = Field(description="0-based index of the block in body order")
    block_kind: str = Field(description="heading | paragraph | list_item | table_row")
    text: str = Field(description="The source text the item was extracted from (verbatim; a decision in part of a "
                                  "short line has the whole line; it may run on into the lines right below its block, "
                                  "e.g. a decision's vote line or a task's owner line)")
    list_number: str | None = Field(None, description="The list label Word renders, e.g. '3.2'")
    table_index: int | None = None
    table_row: int | None = None
    table_column: int | None = None


class SourceInfo(_Model):
    file: str = Field(description="File name of the input document")
    sha256: str
    size_bytes: int
    processed_at: dt.datetime


class PipelineInfo(_Model):
    name: str = Field(description="spaCy pipeline used, e.g. 'de_core_news_lg' or 'blank:de'")
    version: str | None = Field(None, description="Version of that pipeline package")
    spacy_version: str
    protokollant_version: str
    components: list[str]


class Person(_Model):
    name: str
    role: str | None = Field(None, description="e.g. 'Vorsitz', 'Protokoll', an institution named with the person")
    initials: str | None = None


class Participants(_Model):
    present: list[Person] = []
    excused: list[Person] = []
    guests: list[Person] = []


class Meeting(_Model):
    title: str | None = None
    organisation: str | None = None
    date: dt.date | None = None
    time: str | None = Field(None, description="As written, e.g. '14:00 – 16:30 Uhr'")
    place: str | None = None
    chair: str | None = None
    minute_taker: str | None = None
    participants: Participants = Participants()
    next_meeting: dt.date | None = Field(None, description="Date of the next meeting when the minutes state it")


class SubTopic(_Model):
    number: str | None = None
    title: str
    block_index: int


class Topic(_Model):
    index: int
    number: str | None = Field(None, description="As written ('3', '8-13'); null when unnumbered")
    title: str
    block_start: int
    block_end: int = Field(description="Last block index (inclusive) the topic spans")
    subtopics: list[SubTopic] = []


class Outcome(str, Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Vote(_Model):
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    unanimous: bool = False
    outcome: Outcome | None = None
    text: str | None = Field(None, description="The vote as written")


class Decision(_Scored):
    text: str = Field(description="The decision as stated in the minutes")
    quote: str | None = Field(None, description="The sentence that states the outcome, verbatim, when text also holds the "
                              "motion or proposal it answers (\"Die Entlastung wurde ohne Gegenstimmen erteilt.\"); schema 1.2")
    kind: str = Field(description="resolution | motion | election | agreement | approval")
    topic_index: int | None = None
    vote: Vote | None = None
    evidence: Evidence
    confidence: float = Field(ge=0, le=1)


class ResponsibleKind(str, Enum):
    PERSON = "person"
    INSTITUTION = "institution"
    GROUP = "group"
    UNKNOWN = "unknown"


class Responsible(_Model):
    name: str = Field(description="As written in the minutes (name, initials, role, group)")
    kind: ResponsibleKind
    resolved: str | None = Field(None, description="Full name from the attendance list when the text gives initials or a short form")


class Due(_Model):
    date: dt.date | None = Field(None, description="ISO date when it can be determined")
    text: str = Field(description="The deadline as written")


class ActionItem(_Scored):
    task: str = Field(description="What is to be done (short form)")
    quote: str | None = Field(None, description="The minutes' own words for the task when the evidence holds more: a table "
                              "row's owner cell that says what to do (\"Ute klärt Fördermöglichkeit bis nächstes Treffen\"); schema 1.2")
    responsible: list[Responsible] = []
    due: Due | None = None
    topic_index: int | None = None
    evidence: Evidence
    confidence: float = Field(ge=0, le=1)


class ProgressReport(_Model):
    """A statement about a task's progress ("Die Liste wurde versandt (erledigt)", "steht noch aus").

    Not an open task itself; the action register uses it to suggest the status
    of the matching task from an earlier meeting.
    """

    text: str
    status: str = Field(description="done | open")
    topic_index: int | None = None
    evidence: Evidence


class AgendaNote(_Model):
    """An agenda item the body postponed ("wird vertagt") or only took note of ("zur Kenntnis genommen")."""

    topic_index: int
    number: str | None = None
    title: str
    text: str = Field(description="The sentence that says so (verbatim)")
    evidence: Evidence


class Institution(_Model):
    name: str = Field(description="Canonical name (nominative, fullest form)")
    aliases: list[str] = Field([], description="Other forms seen in the document (abbreviations, inflected forms)")
    kind: str | None = Field(None, description="Category from the registry, e.g. 'behoerde', 'kammer', 'verein'")
    source: str = Field(description="registry | pattern | model | title (the meeting's own body, named in the title)")
    mentions: list[int] = Field(description="Block indices where it is mentioned")


class MinutesRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    pipeline: PipelineInfo
    meeting: Meeting
    topics: list[Topic] = []
    decisions: list[Decision] = []
    action_items: list[ActionItem] = []
    institutions: list[Institution] = []
    progress_reports: list[ProgressReport] = Field([], description="Tasks reported as done or still open")
    postponed: list[AgendaNote] = Field([], description="Agenda items postponed to a later meeting (schema 1.1)")
    noted: list[AgendaNote] = Field([], description="Agenda items the body only took note of, without a decision (schema 1.1)")
    warnings: list[str] = []


def json_schema() -> dict:
    schema = MinutesRecord.model_json_schema()
    schema["$id"] = f"https://protokollant.invalid/schema/minutes-{SCHEMA_VERSION}.json"
    schema["title"] = "Protokollant minutes record"
    return schema
