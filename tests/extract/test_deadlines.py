"""Tests for protokollant.extract.deadlines (German deadline finder).

Reference meeting M = Thursday 2026-03-12; its ISO week 11 runs Mon 09.03. - Sun 15.03.,
so "next week" is 16.03. - 22.03. (Friday 20.03.).  Next meeting N = 2026-04-09.
"""
from __future__ import annotations

import json
import shutil
from datetime import date

import pytest

from protokollant.extract import deadlines as dl
from protokollant.extract.deadlines import DeadlineMatch, find_dates, find_deadlines, parse_deadline
from protokollant.paths import models_dir

M = date(2026, 3, 12)  # Thursday
N = date(2026, 4, 9)  # next meeting


def one(text: str, meeting: date | None = M, nm: date | None = None) -> DeadlineMatch:
    found = find_deadlines(text, meeting, nm)
    assert len(found) == 1, (text, found)
    m = found[0]
    assert text[m.start:m.end] == m.text
    return m


def check(text, expected, kind, match_text=None, meeting=M, nm=None):
    m = one(text, meeting, nm)
    assert (m.date, m.kind) == (expected, kind), (text, m)
    assert m.text == (text if match_text is None else match_text)


# --------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("text, expected, match_text", [
    ("bis 15.01.", date(2026, 1, 15), None),  # 56 days before M: stays in 2026 (late deadline)
    ("15.1.", date(2026, 1, 15), None),
    ("bis zum 15.01.2026", date(2026, 1, 15), None),
    ("15.01.26", date(2026, 1, 15), None),
    ("15.01. 2026", date(2026, 1, 15), None),
    ("am 14.8.", date(2026, 8, 14), None),
    ("31.8.2020", date(2020, 8, 31), None),
    ("2026-03-31", date(2026, 3, 31), None),
    ("bis zum 31. März", date(2026, 3, 31), None),
    ("31. März 2026", date(2026, 3, 31), None),
    ("bis 31.03", date(2026, 3, 31), None),
    ("bis 31.03.", date(2026, 3, 31), None),
    ("12. Jan. 2026", date(2026, 1, 12), None),
    ("1. Dezember", date(2026, 12, 1), None),
    ("bis 3. Jänner 2027", date(2027, 1, 3), None),
    ("am 2. Feber", date(2026, 2, 2), None),  # Austrian month name, 38 days before M
    ("am 5 Mai", date(2026, 5, 5), None),
    ("Donnerstag, 12. März 2026", date(2026, 3, 12), None),
    ("Fr., 13.03.", date(2026, 3, 13), None),
    ("bis Freitag, den 20.3.", date(2026, 3, 20), None),
    ("nächste Woche Mittwoch 12.08.", date(2026, 8, 12), None),  # the explicit date wins
    ("Die Liste kommt bis 15.01.2026.", date(2026, 1, 15), "bis 15.01.2026"),
])
def test_explicit_dates(text, expected, match_text):
    check(text, expected, "date", match_text)


@pytest.mark.parametrize("text", ["31.02.", "bis zum 31.4.", "31.02.2026"])
def test_invalid_calendar_date_keeps_text_without_date(text):
    check(text, None, "date")


@pytest.mark.parametrize("text", [
    "14:30", "um 14:30 Uhr", "14.30 Uhr", "bis 14.10 Uhr", "ab 10.15", "gegen 10.15", "Beginn 14.30",
    "von 9.30 bis 10.10",  # a time range, not 10 October
    "15,50 €", "€ 12.10", "EUR 12.10.", "Kosten: 1.250,00 €", "bis 1.5 Mio", "12.5 %", "1.000 Teilnehmende",
    "Version 1.2.3", "Version 2.1.", "v1.2.", "192.168.1.1",
    "§ 2 Abs. 3", "gemäß § 3.2.", "Kapitel 2.3.", "Ziffer 3.", "S. 12.",
    "5/0/1", "Abstimmung: 5/0/1", "mit 7:0:1 Stimmen", "Beschluss 3/2026",
    "TOP 3.2", "TOP 3.2.", "Top 3.2. Finanzen", "Tagesordnungspunkt 4.1.", "3.2. Finanzen",
    "45.01.", "1.13.", "bis 0.1.", "3.2", "5 kW 12",
    "Frau Freitag kommt", "Herr Montag", "August hat zugesagt", "bis Jan kommt",
    "am Morgen", "Guten Morgen", "heute morgen", "bis heute keine Antwort",
    "Der Herbst war schön", "Das Wochenende", "Die Frage ist noch offen",
    "Am Ende der Sitzung dankt die Vorsitzende.", "Der Vorstand beschließt einstimmig.", "",
])
def test_not_a_deadline(text):
    assert find_deadlines(text, M, N) == []


def test_no_date_inside_agenda_and_paragraph_numbers_but_real_date_found():
    found = find_deadlines("TOP 3.2: Frau A liefert nach § 4.1. bis 20.03.", M)
    assert [(m.text, m.date) for m in found] == [("bis 20.03.", date(2026, 3, 20))]


# --------------------------------------------------------------------------- year rollover

@pytest.mark.parametrize("text, meeting, expected", [
    ("bis 15.01.", date(2025, 12, 10), date(2026, 1, 15)),  # 15.01.2025 would be 329 days back
    ("bis 31.03.", date(2026, 4, 20), date(2026, 3, 31)),  # 20 days back: a late deadline, kept
    ("bis 15.12.", date(2026, 1, 20), date(2026, 12, 15)),  # later in the same year
    ("am 14.8.", date(2026, 2, 10), date(2026, 8, 14)),
    ("bis 15.06.", date(2025, 12, 20), date(2026, 6, 15)),  # 188 days back > 183 -> next year
    ("bis 20.06.", date(2025, 12, 20), date(2025, 6, 20)),  # exactly 183 days back -> kept
    ("bis 29.02.", date(2027, 11, 10), date(2028, 2, 29)),  # not in 2027, 2028 is a leap year
    ("bis Ende März", date(2025, 11, 20), date(2026, 3, 31)),  # 31.03.2025 is 234 days back
    ("bis Ende März", date(2026, 4, 2), date(2026, 3, 31)),
    ("Anfang Januar", date(2025, 12, 10), date(2026, 1, 10)),
    ("im Februar", date(2025, 11, 3), date(2026, 2, 28)),
    ("bis 10. Januar", date(2025, 12, 18), date(2026, 1, 10)),
    ("KW 2", date(2025, 12, 10), date(2026, 1, 9)),  # ISO week 2/2026 = 05.-11.01.
    ("KW 10", M, date(2026, 3, 6)),  # last week, 6 days back: kept
    ("Q1", date(2025, 12, 10), date(2026, 3, 31)),
    ("bis Ende Q2", date(2025, 10, 1), date(2025, 6, 30)),  # 93 days back: kept
])
def test_year_rollover(text, meeting, expected):
    assert one(text, meeting).date == expected


def test_missing_year_without_meeting_date_is_none():
    assert parse_deadline("bis 29.02.", date(2026, 3, 1)) is None  # neither 2026 nor 2027 has it


# --------------------------------------------------------------------------- meeting date None

@pytest.mark.parametrize("text, expected, kind", [
    ("bis 15.01.", None, "date"),
    ("bis 15.01.2026", date(2026, 1, 15), "date"),
    ("31. März 2026", date(2026, 3, 31), "date"),
    ("Ende März 2026", date(2026, 3, 31), "month_part"),
    ("bis Ende März", None, "month_part"),
    ("bis Ende 2026", date(2026, 12, 31), "month_part"),
    ("bis Freitag", None, "weekday"),
    ("nächste Woche", None, "relative"),
    ("in zwei Wochen", None, "relative"),
    ("KW 12", None, "week"),
    ("KW 12/2026", date(2026, 3, 20), "week"),
    ("Q2", None, "quarter"),
    ("Q2 2026", date(2026, 6, 30), "quarter"),
    ("bis zur nächsten Sitzung", None, "next_meeting"),
    ("zeitnah", None, "vague"),
])
def test_without_meeting_date(text, expected, kind):
    check(text, expected, kind, meeting=None)


def test_next_meeting_without_meeting_date():
    check("bis zur nächsten Sitzung", N, "next_meeting", meeting=None, nm=N)


# --------------------------------------------------------------------------- month parts

@pytest.mark.parametrize("text, expected", [
    ("bis Ende März", date(2026, 3, 31)),
    ("Ende März 2026", date(2026, 3, 31)),
    ("Anfang April", date(2026, 4, 10)),  # convention: Anfang = 10th
    ("Mitte April", date(2026, 4, 15)),
    ("Ende April", date(2026, 4, 30)),
    ("Beginn Juni", date(2026, 6, 10)),
    ("Ende Februar", date(2026, 2, 28)),
    ("Ende Februar 2028", date(2028, 2, 29)),
    ("Ende Feb.", date(2026, 2, 28)),
    ("Anfang/Mitte Mai", date(2026, 5, 15)),  # the later part
    ("Mitte bis Ende Mai", date(2026, 5, 31)),
    ("im April", date(2026, 4, 30)),
    ("bis April", date(2026, 4, 30)),
    ("April 2027", date(2027, 4, 30)),
    ("bis Dez.", date(2026, 12, 31)),
    ("bis 04/2026", date(2026, 4, 30)),
    ("bis 4.2026", date(2026, 4, 30)),
    ("Ende 04/2026", date(2026, 4, 30)),
    ("Ende des Monats", date(2026, 3, 31)),
    ("Monatsende", date(2026, 3, 31)),
    ("zum Monatsende", date(2026, 3, 31)),
    ("Ende dieses Monats", date(2026, 3, 31)),
    ("bis Ende nächsten Monats", date(2026, 4, 30)),
    ("Ende des nächsten Monats", date(2026, 4, 30)),
    ("Anfang nächsten Monats", date(2026, 4, 10)),
    ("Ende des Jahres", date(2026, 12, 31)),
    ("Jahresende", date(2026, 12, 31)),
    ("Jahresende 2027", date(2027, 12, 31)),
    ("bis Ende 2026", date(2026, 12, 31)),
    ("Ende des Jahres 2027", date(2027, 12, 31)),
    ("Mitte 2027", date(2027, 6, 30)),  # year parts: Mitte = 30 June
    ("Anfang 2027", date(2027, 1, 31)),  # Anfang = end of the first month
    ("Mitte nächsten Jahres", date(2027, 6, 30)),
])
def test_month_parts(text, expected):
    check(text, expected, "month_part")


def test_month_full_name_leaves_sentence_full_stop():
    m = one("Herr B prüft ihn bis Ende Januar.")
    assert (m.text, m.date) == ("bis Ende Januar", date(2026, 1, 31))
    assert one("bis Jan.").text == "bis Jan."  # the abbreviation keeps its dot


# --------------------------------------------------------------------------- calendar weeks

@pytest.mark.parametrize("text, expected", [
    ("bis KW 12", date(2026, 3, 20)),  # ISO week 12/2026 = 16.-22.03., Friday 20.03.
    ("KW12", date(2026, 3, 20)),
    ("in KW 12", date(2026, 3, 20)),
    ("in der KW 12", date(2026, 3, 20)),
    ("Kalenderwoche 12", date(2026, 3, 20)),
    ("12. KW", date(2026, 3, 20)),
    ("KW 12/2027", date(2027, 3, 26)),  # ISO 2027 starts Mon 04.01.; week 12 = 22.-28.03.
    ("KW 12 2027", date(2027, 3, 26)),
    ("KW 12-13", date(2026, 3, 27)),  # a range: its end
    ("KW 53", date(2027, 1, 1)),  # 2026 has 53 ISO weeks (starts on a Thursday)
])
def test_calendar_weeks(text, expected):
    check(text, expected, "week")


def test_impossible_calendar_week():
    assert find_deadlines("KW 54", M) == []
    assert one("KW 53 2027").date is None  # 2027 has 52 ISO weeks


# --------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize("text, expected", [
    ("bis Freitag", date(2026, 3, 13)),  # next Friday strictly after Thu 12.03.
    ("am Montag", date(2026, 3, 16)),
    ("bis Donnerstag", date(2026, 3, 19)),  # same weekday as the meeting -> a week later
    ("bis nächsten Dienstag", date(2026, 3, 17)),
    ("kommenden Freitag", date(2026, 3, 13)),
    ("diesen Freitag", date(2026, 3, 13)),
    ("diesen Donnerstag", date(2026, 3, 12)),  # "dieser": on or after the meeting day
    ("übernächsten Freitag", date(2026, 3, 20)),
    ("bis Freitagmittag", date(2026, 3, 13)),
    ("nächste Woche Mittwoch", date(2026, 3, 18)),  # Wednesday of ISO week 12
    ("nächste Woche am Montag", date(2026, 3, 16)),
    ("Mittwoch nächster Woche", date(2026, 3, 18)),
    ("Mittwoch der nächsten Woche", date(2026, 3, 18)),
    ("Freitag dieser Woche", date(2026, 3, 13)),
    ("diese Woche Dienstag", date(2026, 3, 10)),  # already past: recorded as is
    ("übernächste Woche Montag", date(2026, 3, 23)),
])
def test_weekdays(text, expected):
    check(text, expected, "weekday")


@pytest.mark.parametrize("text, meeting, expected", [
    ("bis Freitag", date(2026, 3, 13), date(2026, 3, 20)),  # Friday meeting: next week's Friday
    ("bis Freitag", date(2025, 12, 31), date(2026, 1, 2)),  # over the year end
    ("am Montag", date(2026, 12, 27), date(2026, 12, 28)),
    ("nächste Woche Mittwoch", date(2025, 12, 29), date(2026, 1, 7)),
])
def test_weekdays_other_meetings(text, meeting, expected):
    assert one(text, meeting).date == expected


# --------------------------------------------------------------------------- relative

@pytest.mark.parametrize("text, expected, match_text", [
    ("nächste Woche", date(2026, 3, 20), None),  # Friday of next week
    ("in der nächsten Woche", date(2026, 3, 20), None),
    ("kommende Woche", date(2026, 3, 20), None),
    ("im Laufe der nächsten Woche", date(2026, 3, 20), None),
    ("diese Woche", date(2026, 3, 13), None),
    ("bis Ende der Woche", date(2026, 3, 13), None),
    ("Ende dieser Woche", date(2026, 3, 13), None),
    ("Ende nächster Woche", date(2026, 3, 20), None),
    ("Anfang nächster Woche", date(2026, 3, 16), None),  # Anfang = Monday
    ("Mitte nächster Woche", date(2026, 3, 18), None),  # Mitte = Wednesday
    ("übernächste Woche", date(2026, 3, 27), None),
    ("bis zum Wochenende", date(2026, 3, 13), None),
    ("in zwei Wochen", date(2026, 3, 26), None),
    ("in 2 Wochen", date(2026, 3, 26), None),
    ("innerhalb von 14 Tagen", date(2026, 3, 26), None),
    ("innerhalb der nächsten 14 Tage", date(2026, 3, 26), None),
    ("binnen einer Woche", date(2026, 3, 19), None),
    ("in drei Tagen", date(2026, 3, 15), None),
    ("in zwölf Tagen", date(2026, 3, 24), None),
    ("in zwanzig Tagen", date(2026, 4, 1), None),
    ("in dreißig Tagen", date(2026, 4, 11), None),  # 19 days to 31.03. + 11
    ("in 3 Werktagen", date(2026, 3, 17), None),  # Fri 13., Mon 16., Tue 17.
    ("in einem Monat", date(2026, 4, 12), None),
    ("innerhalb eines Monats", date(2026, 4, 12), None),
    ("in 3 Monaten", date(2026, 6, 12), None),
    ("in einem halben Jahr", date(2026, 9, 12), None),
    ("bis morgen", date(2026, 3, 13), None),
    ("Bis morgen früh", date(2026, 3, 13), None),
    ("übermorgen", date(2026, 3, 14), None),
    ("noch heute", date(2026, 3, 12), None),
    ("Er erledigt das morgen.", date(2026, 3, 13), "morgen"),
    ("nächsten Monat", date(2026, 4, 30), None),  # end of next month
    ("im laufenden Monat", date(2026, 3, 31), None),
    ("dieses Jahr", date(2026, 12, 31), None),
    ("nächstes Jahr", date(2027, 12, 31), None),
])
def test_relative(text, expected, match_text):
    check(text, expected, "relative", match_text)


@pytest.mark.parametrize("text, meeting, expected", [
    ("nächste Woche", date(2025, 12, 29), date(2026, 1, 9)),  # 29.12.2025 is in ISO week 1/2026
    ("diese Woche", date(2025, 12, 29), date(2026, 1, 2)),
    ("nächsten Monat", date(2025, 12, 29), date(2026, 1, 31)),
    ("in einem Monat", date(2026, 1, 31), date(2026, 2, 28)),  # clamped to the month's end
    ("in zwei Wochen", date(2025, 12, 20), date(2026, 1, 3)),
    ("bis morgen", date(2025, 12, 31), date(2026, 1, 1)),
    ("nächstes Jahr", date(2025, 12, 31), date(2026, 12, 31)),
])
def test_relative_over_year_end(text, meeting, expected):
    assert one(text, meeting).date == expected


@pytest.mark.parametrize("text, meeting, expected, kind", [
    ("bis Ende nächsten Monats", date(2025, 12, 20), date(2026, 1, 31), "month_part"),
    ("bis Ende des Jahres", date(2025, 12, 20), date(2025, 12, 31), "month_part"),
    ("Ende des Monats", date(2024, 2, 3), date(2024, 2, 29), "month_part"),
])
def test_relative_month_parts_over_year_end(text, meeting, expected, kind):
    check(text, expected, kind, meeting=meeting)


# --------------------------------------------------------------------------- quarters

@pytest.mark.parametrize("text, expected", [
    ("bis Ende des Quartals", date(2026, 3, 31)),  # M is in Q1
    ("Quartalsende", date(2026, 3, 31)),
    ("im nächsten Quartal", date(2026, 6, 30)),
    ("Ende des nächsten Quartals", date(2026, 6, 30)),
    ("Q1", date(2026, 3, 31)),
    ("Q2 2026", date(2026, 6, 30)),
    ("Q2/2026", date(2026, 6, 30)),
    ("Q3/26", date(2026, 9, 30)),
    ("im zweiten Quartal", date(2026, 6, 30)),
    ("2. Quartal 2026", date(2026, 6, 30)),
    ("III. Quartal 2026", date(2026, 9, 30)),
    ("Quartal 3/2026", date(2026, 9, 30)),
    ("4. Quartal", date(2026, 12, 31)),
    ("bis Ende Q3", date(2026, 9, 30)),
    ("Ende des 2. Quartals", date(2026, 6, 30)),
    ("Anfang Q3", date(2026, 7, 31)),  # end of the quarter's first month
    ("Mitte Q2", date(2026, 5, 15)),  # 15th of the middle month
    ("1. Halbjahr 2026", date(2026, 6, 30)),
    ("im zweiten Halbjahr", date(2026, 12, 31)),
    ("H2 2026", date(2026, 12, 31)),
    ("erste Jahreshälfte 2027", date(2027, 6, 30)),
    ("Ende 1. Halbjahr 2026", date(2026, 6, 30)),
])
def test_quarters(text, expected):
    check(text, expected, "quarter")


# --------------------------------------------------------------------------- next meeting

@pytest.mark.parametrize("text", [
    "bis zur nächsten Sitzung", "bis zur nächsten Besprechung", "bis zur nächsten Bürgerrunde",
    "zum nächsten Treffen", "zum nächsten Termin", "zum nächsten Plenum", "zur nächsten MV",
    "bis zur kommenden Sitzung", "in der nächsten Vorstandssitzung", "für die nächste Sitzung",
    "bis nächste Sitzung", "zur nächsten Mitgliederversammlung",
])
def test_next_meeting(text):
    check(text, N, "next_meeting", nm=N)
    check(text, None, "next_meeting", nm=None)


@pytest.mark.parametrize("text, expected", [
    ("eine Woche vor der nächsten Sitzung", date(2026, 4, 2)),  # N - 7
    ("spätestens 14 Tage vor der nächsten Sitzung", date(2026, 3, 26)),  # N - 14
])
def test_before_next_meeting(text, expected):
    check(text, expected, "next_meeting", nm=N)
    check(text, None, "next_meeting", nm=None)


# --------------------------------------------------------------------------- vague

@pytest.mark.parametrize("text", [
    "zeitnah", "asap", "ASAP", "a.s.a.p.", "sofort", "ab sofort", "umgehend", "schnellstmöglich",
    "vorab", "laufend", "fortlaufend", "demnächst", "so schnell wie möglich", "bis auf Weiteres",
    "bis zu den Sommerferien", "nach den Herbstferien", "im Herbst", "bis Weihnachten",
    "in den nächsten Wochen", "Frist: offen",
])
def test_vague(text):
    check(text, None, "vague")


# --------------------------------------------------------------------------- ranges

@pytest.mark.parametrize("text, meeting, end, start", [
    ("25. - 29.11.2024", M, date(2024, 11, 29), date(2024, 11, 25)),
    ("25.-29.11.2024", M, date(2024, 11, 29), date(2024, 11, 25)),
    ("vom 10. bis 12.03.", M, date(2026, 3, 12), date(2026, 3, 10)),
    ("10.-12.03.2026", M, date(2026, 3, 12), date(2026, 3, 10)),
    ("10.03.2026 - 12.03.2026", M, date(2026, 3, 12), date(2026, 3, 10)),
    ("12. bis 14. März 2026", M, date(2026, 3, 14), date(2026, 3, 12)),
    ("vom 10. März bis 12. April 2026", M, date(2026, 4, 12), date(2026, 3, 10)),
    # December meeting: the range ends in January of the next year, starts in this December
    ("vom 28.12. bis 03.01.", date(2025, 12, 15), date(2026, 1, 3), date(2025, 12, 28)),
])
def test_ranges(text, meeting, end, start):
    check(text, end, "date", meeting=meeting)  # deadlines: the END ("bis" semantics)
    assert find_dates(text, meeting) == [(0, len(text), start)]  # dates: the start


def test_not_a_range():
    # "29. - 25.11." runs backwards; "Raum 10 - 12.03." has no day dot
    assert [m.text for m in find_deadlines("29. - 25.11.", M)] == ["25.11."]
    assert [m.text for m in find_deadlines("Raum 10 - 12.03.", M)] == ["12.03."]


# --------------------------------------------------------------------------- tolerance, prefixes, offsets

@pytest.mark.parametrize("text, expected", [
    ("bis\u00a0zum\u00a015.01.", date(2026, 1, 15)),
    ("bis  zum   15.01.", date(2026, 1, 15)),
    ("BIS ENDE MÄRZ", date(2026, 3, 31)),
    ("bis   Ende\u00a0März", date(2026, 3, 31)),
    ("bis spätestens 15.01.", date(2026, 1, 15)),
    ("bis spätestens zum 15.01.", date(2026, 1, 15)),
    ("spätestens am 15.01.", date(2026, 1, 15)),
    ("Frist: 15.01.", date(2026, 1, 15)),
    ("Frist: 31.03", date(2026, 3, 31)),
    ("Deadline: Ende März", date(2026, 3, 31)),
    ("Termin: 20.03.", date(2026, 3, 20)),
    ("fällig am 3.4.", date(2026, 4, 3)),
    ("fällig bis KW 12", date(2026, 3, 20)),
    ("bis: 15.01.", date(2026, 1, 15)),
    ("Bis wann: Freitag", date(2026, 3, 13)),
])
def test_prefixes_are_part_of_the_match(text, expected):
    m = one(text)
    assert (m.text, m.date) == (text, expected)


def test_embedded_in_sentence():
    text = "Frau Rasche schickt die Liste bis Ende März an alle."
    m = one(text)
    assert (m.text, m.start, m.end, m.date, m.kind) == ("bis Ende März", 30, 43, date(2026, 3, 31), "month_part")


def test_several_deadlines_in_order():
    text = "Frau A erstellt bis 15.01. den Entwurf, Herr B prüft ihn bis Ende Januar, danach zeitnah Versand."
    found = find_deadlines(text, M)
    assert [(m.text, m.date, m.kind) for m in found] == [
        ("bis 15.01.", date(2026, 1, 15), "date"),
        ("bis Ende Januar", date(2026, 1, 31), "month_part"),
        ("zeitnah", None, "vague"),
    ]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_longest_wins():
    # "nächste Woche", "Mittwoch" and "12.08." are candidates; the whole phrase wins
    assert [m.text for m in find_deadlines("Er meldet sich nächste Woche Mittwoch 12.08. zurück.", M)] == [
        "nächste Woche Mittwoch 12.08."]
    # "März 2026" inside "Ende März 2026"
    assert [m.kind for m in find_deadlines("Ende März 2026", M)] == ["month_part"]


ALL_POSITIVE = [
    "bis 15.01.", "am 14.8.", "31. März 2026", "bis Ende März", "KW12", "bis Freitag", "nächste Woche Mittwoch",
    "in 2 Wochen", "bis morgen", "Q2 2026", "bis zur nächsten Sitzung", "zeitnah", "25. - 29.11.2024",
    "Donnerstag, 12. März 2026", "Frist:\u00a0Ende des Quartals", "Mitte bis Ende Mai", "eine Woche vor der nächsten Sitzung",
]


@pytest.mark.parametrize("text", ALL_POSITIVE)
def test_offsets_in_context(text):
    sentence = f"Laut TOP 3.2 (5/0/1) erledigt Frau Özdemir das {text} und berichtet um 14:30 Uhr."
    found = find_deadlines(sentence, M, N)
    assert len(found) == 1, found
    m = found[0]
    assert sentence[m.start:m.end] == m.text == text


def test_match_is_frozen_dataclass():
    m = one("bis 15.01.")
    with pytest.raises(Exception):
        m.date = None  # type: ignore[misc]
    assert not hasattr(m, "__dict__")


# --------------------------------------------------------------------------- find_dates

@pytest.mark.parametrize("text, reference, expected", [
    ("12.03.2026", None, [(0, 10, date(2026, 3, 12))]),
    ("12.3.26", None, [(0, 7, date(2026, 3, 12))]),
    ("12. März 2026", None, [(0, 13, date(2026, 3, 12))]),
    ("2026-03-12", None, [(0, 10, date(2026, 3, 12))]),
    ("Donnerstag, 12. März 2026", None, [(0, 25, date(2026, 3, 12))]),
    ("Do., 12.03.2026", None, [(0, 15, date(2026, 3, 12))]),
    ("Nächste Sitzung am 9.4.", M, [(19, 23, date(2026, 4, 9))]),  # the prefix is not part of a date
    ("Nächste Sitzung: 15.01.", date(2025, 12, 10), [(17, 23, date(2026, 1, 15))]),  # rolled to next year
    ("Sitzung am 12.03.", None, []),  # no year, no reference
    ("Beginn 14:30 Uhr, Kosten 15,50 €", M, []),
    ("Ende März 2026", M, []),  # not a calendar date
    ("Protokoll vom 2026-02-12, Sitzung am 12.3.26", None,
     [(14, 24, date(2026, 2, 12)), (37, 44, date(2026, 3, 12))]),
])
def test_find_dates(text, reference, expected):
    assert find_dates(text, reference) == expected


# --------------------------------------------------------------------------- parse_deadline

@pytest.mark.parametrize("cell, nm, expected", [
    ("15.01.2026", None, date(2026, 1, 15)),
    ("bis 15.01.", None, date(2026, 1, 15)),
    ("Freitag", None, date(2026, 3, 13)),  # a bare weekday in a cell reads as "bis Freitag"
    ("April", None, date(2026, 4, 30)),
    ("31.03", None, date(2026, 3, 31)),
    ("Dezember", None, date(2026, 12, 31)),
    ("KW 12", None, date(2026, 3, 20)),
    ("Ende Q2", None, date(2026, 6, 30)),
    ("Morgen", None, date(2026, 3, 13)),
    ("15.01.2026 (verschoben)", None, date(2026, 1, 15)),
    ("nächste Sitzung", N, N),
    ("bis zur nächsten Sitzung", N, N),
    ("bis zur nächsten Sitzung", None, None),
    ("zeitnah", None, None),
    ("sofort", None, None),
    ("", None, None),
    ("   ", None, None),
    ("Frau Müller", None, None),
])
def test_parse_deadline(cell, nm, expected):
    assert parse_deadline(cell, M, nm) == expected


def test_parse_deadline_without_meeting_date():
    assert parse_deadline("bis 15.01.") is None
    assert parse_deadline("31.12.2026") == date(2026, 12, 31)


# --------------------------------------------------------------------------- data file, fast path, speed

def test_vocabulary_comes_from_the_data_file(tmp_path, monkeypatch):
    data = json.loads((models_dir() / "deadlines.json").read_text(encoding="utf-8"))
    assert "jänner" in data["months"] and "feber" in data["months"]
    assert find_deadlines("bis zum nächsten Stammtisch", M, N) == []
    assert find_deadlines("irgendwann", M) == []
    shutil.copytree(models_dir(), tmp_path / "models")
    data["next_meeting_nouns"].append("stammtisch")
    data["vague_words"].append("irgendwann")
    (tmp_path / "models" / "deadlines.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PROTOKOLLANT_MODELS", str(tmp_path / "models"))
    dl.reload()
    try:
        check("bis zum nächsten Stammtisch", N, "next_meeting", nm=N)
        check("irgendwann", None, "vague")
    finally:
        monkeypatch.delenv("PROTOKOLLANT_MODELS")
        dl.reload()
    assert find_deadlines("irgendwann", M) == []


def test_fast_path_skips_sentences_without_digit_or_cue():
    g = dl._grammar()
    assert g.active("der vorstand beschließt einstimmig, den antrag anzunehmen.", False) == []
    assert g.active("die mitglieder diskutieren über das quartier und mögliche angebote.", False) == []


@pytest.mark.parametrize(
    "text, starts",
    [
        ("ab Oktober", True),
        ("erst ab dem 17.04.", True),
        ("frühestens am 3.5.", True),
        ("bis Ende Oktober", False),
        ("am 14.4.", False),
        ("spätestens Mitte Mai", False),
    ],
)
def test_a_date_introduced_by_ab_or_fruehestens_states_a_start(text, starts):
    found = find_deadlines(text, M, N)
    assert found and dl.states_start(found[0]) is starts, found


def test_a_meeting_named_by_its_own_word_is_a_deadline_after_bis_or_a_month():
    found = lambda text: [(m.text, m.kind) for m in find_deadlines(text)]
    assert found("Vorschlag bis zur Herbstsitzung vorlegen") == [("bis zur Herbstsitzung", "vague")]
    assert found("Kassenbericht bis zur JHV") == [("bis zur JHV", "vague")]
    assert found("Zahlen zur Juni-Sitzung") == [("zur Juni-Sitzung", "vague")]
    assert found("X lädt zur Vorstandssitzung ein") == []
    assert found("in der heutigen Sitzung") == []
