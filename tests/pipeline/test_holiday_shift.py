"""Week/weekday deadlines on a public holiday move to the previous working day (issue 15)."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from protokollant.holiday_shift import is_movable, previous_working_day, shift_holiday_deadlines
from protokollant.pipeline import Processor


def test_previous_working_day_skips_holidays_weekends_and_land():
    assert previous_working_day(dt.date(2026, 5, 1)) == dt.date(2026, 4, 30)  # Tag der Arbeit (Fr)
    assert previous_working_day(dt.date(2026, 4, 6)) == dt.date(2026, 4, 2)  # Ostermontag → Gründonnerstag
    assert previous_working_day(dt.date(2026, 1, 6)) == dt.date(2026, 1, 6)  # no nationwide holiday
    assert previous_working_day(dt.date(2026, 1, 6), "BY") == dt.date(2026, 1, 5)  # Heilige Drei Könige in Bayern


@pytest.mark.parametrize("text, movable", [
    ("KW 18", True), ("bis Freitag", True), ("Ende der Woche", True), ("nächste Woche Mittwoch", True),
    ("bis 01.05.2026", False), ("Freitag, 01.05.", False), ("bis 1. Mai", False), ("Ende April", False),
])
def test_only_week_and_weekday_deadlines_move(text, movable):
    assert is_movable(text) is movable


@pytest.fixture(scope="module")
def processor():
    return Processor("blank")


def test_kw_18_in_2026_moves_off_may_day_with_a_note(tmp_path, processor, monkeypatch):
    monkeypatch.delenv("PROTOKOLLANT_LAND", raising=False)
    doc = docx.Document()
    doc.add_paragraph("Protokoll der Sitzung des Arbeitskreises")
    doc.add_paragraph("Datum: 12.03.2026")
    doc.add_heading("TOP 1 Fachtag", level=1)
    doc.add_paragraph("Frau Berger versendet die Einladung bis KW 18.")
    doc.add_paragraph("Herr Kowalski reserviert den Raum bis zum 01.05.2026.")
    doc.save(tmp_path / "p.docx")
    record = processor.record_for_bytes((tmp_path / "p.docx").read_bytes(), "p.docx")
    dues = {i.due.text: i.due.date for i in record.action_items if i.due}
    kw = next(k for k in dues if "KW" in k)
    assert dues[kw] == dt.date(2026, 4, 30)
    explicit = next(k for k in dues if "01.05" in k)
    assert dues[explicit] == dt.date(2026, 5, 1)
    notes = [w for w in record.warnings if "Feiertag" in w]
    assert len(notes) == 1 and "Fr. 01.05.2026" in notes[0] and "Do. 30.04.2026" in notes[0] and "Erster Mai" in notes[0]
    assert shift_holiday_deadlines(record) == []  # idempotent
