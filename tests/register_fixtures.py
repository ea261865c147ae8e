"""Minutes records for register, review and crash tests: two meetings of the same body (March,
April) with tasks for people and institutions. Shared here so that no test module imports another."""
from __future__ import annotations

import datetime as dt

from protokollant.schema import (
    ActionItem,
    Decision,
    Due,
    Evidence,
    Institution,
    Meeting,
    MinutesRecord,
    Participants,
    Person,
    PipelineInfo,
    Responsible,
    ResponsibleKind,
    SourceInfo,
    Topic,
)

TODAY = dt.date(2026, 4, 20)


def item(task: str, who: str | None = None, kind: str = "person", resolved: str | None = None,
         due: dt.date | None = None, topic: int | None = 0, block: int = 5) -> ActionItem:
    return ActionItem(
        task=task,
        responsible=[Responsible(name=who, kind=ResponsibleKind(kind), resolved=resolved)] if who else [],
        due=Due(date=due, text=f"bis {due:%d.%m.%Y}" if due else "zeitnah") if due or who else None,
        topic_index=topic,
        evidence=Evidence(block_index=block, block_kind="paragraph", text=f"Quelle: {task}"),
        confidence=0.9,
    )


def record(file: str, date: dt.date, items: list[ActionItem], decisions: list[Decision] = (), sha: str = "a" * 64) -> MinutesRecord:
    return MinutesRecord(
        source=SourceInfo(file=file, sha256=sha, size_bytes=100, processed_at=dt.datetime(2026, 4, 1, 9, 0, tzinfo=dt.timezone.utc)),
        pipeline=PipelineInfo(name="blank:de", spacy_version="3.8", protokollant_version="0.1.0", components=[]),
        meeting=Meeting(
            title=f"Sitzung vom {date:%d.%m.%Y}",
            date=date,
            participants=Participants(present=[
                Person(name="Jana Berger", role="Jobcenter Musterstadt, Protokoll", initials="JB"),
                Person(name="Sven Kowalski", role="Vorsitz"),
                Person(name="Petra Lindner", role="Industrie- und Handelskammer Musterstadt"),
            ]),
        ),
        topics=[Topic(index=0, number="1", title="Fachtag", block_start=3, block_end=9), Topic(index=1, number="2", title="Sonstiges", block_start=10, block_end=12)],
        decisions=list(decisions),
        action_items=items,
        institutions=[
            Institution(name="Jobcenter Musterstadt", aliases=["Jobcenter"], source="registry", mentions=[2]),
            Institution(name="Industrie- und Handelskammer Musterstadt", aliases=["IHK"], source="registry", mentions=[2]),
        ],
    )


def march() -> MinutesRecord:
    return record("sitzung-maerz.docx", dt.date(2026, 3, 12), [
        item("Einladung zum Fachtag versenden", "Frau Berger", resolved="Jana Berger", due=dt.date(2026, 3, 31), block=5),
        item("Übersicht der Praktikumsplätze erstellen", "IHK", kind="institution", resolved="Industrie- und Handelskammer Musterstadt", due=dt.date(2026, 5, 15), block=6),
        item("Raum für die nächste Sitzung reservieren", "Herr Kowalski", resolved="Sven Kowalski", topic=1, block=11),
    ])


def april_review() -> MinutesRecord:
    """April's meeting for the review page: an institution's task whose text tries to inject a script."""
    return record("sitzung-april.docx", dt.date(2026, 4, 16), [
        item("Flyer <script>alert(1)</script> drucken lassen", "IHK", kind="institution",
             resolved="Industrie- und Handelskammer Musterstadt", due=dt.date(2026, 5, 30), block=4),
    ], sha="b" * 64)
