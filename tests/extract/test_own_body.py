"""The meeting's own body from its title line (extract/own_body.py), among the institutions."""
import pytest

from protokollant.extract.minutes import extract_record
from protokollant.extract.own_body import add_own_body, own_body_from_title
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from protokollant.schema import Institution
from tests.markup import render


@pytest.mark.parametrize("title, body", [
    ("Protokoll der 7. Sitzung des Arbeitskreises Anerkennung ausländischer Berufsabschlüsse Lindenfurt",
     "Arbeitskreis Anerkennung ausländischer Berufsabschlüsse Lindenfurt"),
    ("Kurzprotokoll Netzwerktreffen Schulsozialarbeit und Migration", "Netzwerk Schulsozialarbeit und Migration"),
    ("Protokoll Plenum Hausprojekt Kastanienhof – 06.07.2026", "Hausprojekt Kastanienhof"),
    ("Protokoll der 2. Beiratssitzung 2026 – Welcome Service Region Kirchwald", "Welcome Service Region Kirchwald"),
    ("Niederschrift über die Sitzung des Ausschusses für Soziales, Gesundheit und Integration am 17.01.2017",
     "Ausschuss für Soziales, Gesundheit und Integration"),
    ("Protokoll der Mitgliederversammlung des Vereins Talent Schweiz vom 27.4.2019", "Verein Talent Schweiz"),
    ("Gemeinderat Schellenberg Protokollauszug Nr. 7 vom 4. Juni 2014", "Gemeinderat Schellenberg"),
    ("KompetenzNetzwerk Demenz |2. Netzwerktreffen, Juni 2016, Bad Brückenau", "KompetenzNetzwerk Demenz"),
    ("Ergebnisprotokoll der 1. Sitzung 2026 des Verwaltungsrats des Studierendenwerks Talbrück",
     "Verwaltungsrat des Studierendenwerks Talbrück"),
])
def test_the_title_names_the_body(title, body):
    assert own_body_from_title(title) == body


@pytest.mark.parametrize("title", [
    "Protokoll der Vorstandssitzung am Donnerstag, 29.01.2026, 19.00 – 21.30 Uhr, Heimatstube im Alten Rathaus",
    "Protokoll der Mitgliederversammlung vom 18.06.2016 in Staufen bei Lenzburg",  # a place, not a body
    "Arbeitstreffen: Unser Dorf hat Zukunft",  # a verb: a motto, not a name
    "Protokoll Jahrestreffen der Integrationslotsinnen und Integrationslotsen 2026",  # people
    "Protokoll Dienstbesprechung Ausländerbehörde / Bürgerämter",  # a joint meeting of two offices
    "Vollversammlung des Katholikenrates",  # one generic word
    "Kurzprotokoll",
])
def test_titles_that_name_no_body_this_way(title):
    assert own_body_from_title(title) is None


def _institution(name: str) -> Institution:
    return Institution(name=name, aliases=[], kind=None, source="pattern", mentions=[0])


def test_a_recognized_name_that_opens_the_body_becomes_its_fullest_form():
    institutions = [_institution("Fachgruppe Schulsozialarbeit"), _institution("Jugendamt")]
    assert add_own_body(institutions, "Fachgruppe Schulsozialarbeit im DBSH Landesverband NRW", 0) == \
        "Fachgruppe Schulsozialarbeit im DBSH Landesverband NRW"
    assert [i.name for i in institutions] == ["Fachgruppe Schulsozialarbeit im DBSH Landesverband NRW", "Jugendamt"]
    assert institutions[0].aliases == ["Fachgruppe Schulsozialarbeit"]


def test_a_name_inside_the_body_stays_a_body_of_its_own():
    institutions = [_institution("Landkreis Wendhausen")]
    add_own_body(institutions, "Koordinierungskreis Fachkräftesicherung Landkreis Wendhausen", 0)
    assert [i.name for i in institutions] == ["Koordinierungskreis Fachkräftesicherung Landkreis Wendhausen", "Landkreis Wendhausen"]


def test_a_body_already_listed_is_not_listed_twice():
    institutions = [_institution("Netzwerk Schulsozialarbeit und Migration")]
    add_own_body(institutions, "Kurzprotokoll Netzwerktreffen Schulsozialarbeit und Migration", 0)
    assert len(institutions) == 1


def test_the_record_lists_the_body_and_names_it_the_organisation():
    markup = """= Kurzprotokoll Netzwerktreffen Frühe Hilfen Landkreis Ostallgäu
Datum: 24.03.2026
**TOP 1: Fachtag**
Frau Huber (Gesundheitsamt) stellt das Programm vor. Der Fachtag findet am 14.10. statt.
"""
    data = render(markup)
    record = extract_record(read_document(data, name="netz.docx"), load_pipeline("blank"), data=data, file_name="netz.docx")
    names = [i.name for i in record.institutions]
    assert "Netzwerk Frühe Hilfen Landkreis Ostallgäu" in names
    assert record.meeting.organisation == "Netzwerk Frühe Hilfen Landkreis Ostallgäu"
