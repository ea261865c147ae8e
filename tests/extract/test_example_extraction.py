"""End to end on the bundled example minutes: what a reader of the document expects.

The expectations below were written from reading the example (see
scripts/make_example.py), not copied from the program's output.
"""
from datetime import date
from pathlib import Path

import pytest

from protokollant.pipeline import Processor

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kog-sitzung-2026-03-12.docx"


@pytest.fixture(scope="module")
def record():
    return Processor("blank").record_for_bytes(EXAMPLE.read_bytes(), EXAMPLE.name)


def test_meeting_header(record):
    m = record.meeting
    assert m.date == date(2026, 3, 12)
    assert m.time == "14:00 – 16:30 Uhr"
    assert m.place.startswith("Agentur für Arbeit Musterstadt")
    assert m.next_meeting == date(2026, 6, 11)
    assert [p.name for p in m.participants.present][:3] == ["Markus Albrecht", "Aylin Yilmaz", "Jana Berger"]
    assert len(m.participants.present) == 12
    assert m.participants.present[3].role == "Jobcenter Musterstadt"
    assert [p.name for p in m.participants.excused] == ["Anja Roth", "Michael Sander"]
    assert [p.name for p in m.participants.guests] == ["Elena Marić", "Jonas Keller"]


def test_topics_with_subitems(record):
    assert [t.number for t in record.topics] == ["1", "2", "3", "4", "5", "6", "7"]
    assert record.topics[2].title == "Bilanz Arbeitsmarktintegration 2025 und Ausblick 2026"
    assert [s.number for s in record.topics[2].subtopics] == ["3.1", "3.2"]


def test_decisions_and_votes(record):
    by_topic = {(d.topic_index, d.kind) for d in record.decisions}
    assert (0, "approval") in by_topic  # Tagesordnung genehmigt
    assert (1, "approval") in by_topic  # Protokoll einstimmig genehmigt
    resolution = [d for d in record.decisions if d.topic_index == 3]
    assert len(resolution) == 1  # the vote line belongs to the resolution, not a second decision
    assert (resolution[0].vote.yes, resolution[0].vote.no, resolution[0].vote.abstain) == (9, 0, 1)
    assert any(d.topic_index == 5 and d.kind == "agreement" for d in record.decisions)
    texts = " ".join(d.text for d in record.decisions)
    assert "vertagt" not in texts and "zur Kenntnis" not in texts and "schlägt vor" not in texts


def test_action_items(record):
    got = {
        a.evidence.block_index: ([(r.name, r.resolved) for r in a.responsible], a.due.date if a.due else None)
        for a in record.action_items
    }
    assert got == {
        36: ([("Geschäftsstelle", None)], date(2026, 3, 31)),
        40: ([("Frau Dr. Yilmaz", "Aylin Yilmaz")], date(2026, 4, 15)),
        41: ([("IHK", None), ("Handwerkskammer", None)], date(2026, 4, 30)),
        42: ([("NP", "Nikolai Petrenko")], None),  # "bis zu den Sommerferien" has no date
        43: ([("JB", "Jana Berger")], None),
        51: ([("Frau Lindner (IHK)", "Petra Lindner")], date(2026, 4, 30)),  # "KW 18" = Fri 1 May 2026, a public holiday → Thursday (holiday_shift)
        52: ([("Jobcenter (Herr Kowalski)", "Sven Kowalski")], date(2026, 6, 11)),  # bis zur nächsten Sitzung
        53: ([("Frau Vogt", "Claudia Vogt"), ("Herr Ochs", "Frank Ochs")], date(2026, 6, 30)),
    }
    # the task marked "(erledigt)" is not an open task
    assert all("aktualisiert und an alle" not in a.evidence.text for a in record.action_items)


def test_institutions(record):
    names = {i.name for i in record.institutions}
    # the fullest form the minutes give: "Musterstadt" ends in "-stadt" but is the town here
    assert {f"{n} Musterstadt" for n in ("Agentur für Arbeit", "Jobcenter", "Industrie- und Handelskammer", "Handwerkskammer", "Welcome Center")} <= names
    ihk = next(i for i in record.institutions if i.name == "Industrie- und Handelskammer Musterstadt")
    assert "IHK" in ihk.aliases and ihk.source == "registry" and ihk.mentions
