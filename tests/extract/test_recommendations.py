"""A committee's recommendation to the council ("Der Ausschuss empfiehlt dem Rat, …", the
Beschlussempfehlung) is the committee's decision by the rules alone; a recommendation to the
assembly by one of its members (the auditors' "empfahl der Versammlung die Entlastung") or to
others is not. Word files rendered from markup (tests/markup.py)."""
import pytest

from protokollant.extract.decisions import THRESHOLD, decision_score
from protokollant.extract.minutes import analyse_document
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from tests.markup import render

MINUTES = """= Niederschrift der Sitzung des Ortschaftsrats
Datum: 14.03.2026
Anwesend: Petra Klein, Martin Vogt
# TOP 3 Photovoltaik
Der Ausschuss für Soziales und Gleichstellung empfiehlt dem Kreistag, die Förderung der Beratung fortzusetzen.
Die AG empfiehlt dem Sozialausschuss, einen Fonds für Vermieter zu prüfen.
# TOP 4 Kassenbericht
Die Kassenprüferin Frau Klein empfahl der Versammlung die Entlastung des Vorstands.
Frau Klein empfiehlt den Eltern die frühe Anmeldung.
"""


@pytest.fixture(scope="module")
def scores():
    analysis = analyse_document(read_document(render(MINUTES)), load_pipeline("blank"))
    return {u.text: decision_score(u) for u in analysis.units}


def test_a_committees_recommendation_to_the_council_is_its_decision(scores):
    assert scores["Der Ausschuss für Soziales und Gleichstellung empfiehlt dem Kreistag, die Förderung der Beratung fortzusetzen."] >= THRESHOLD
    # a body known only by its short form: a decision cue the sentence-role model may pass (not a hedge)
    assert scores["Die AG empfiehlt dem Sozialausschuss, einen Fonds für Vermieter zu prüfen."] > 0


def test_a_recommendation_to_the_assembly_or_to_others_is_not(scores):
    assert scores["Die Kassenprüferin Frau Klein empfahl der Versammlung die Entlastung des Vorstands."] < THRESHOLD
    assert scores["Frau Klein empfiehlt den Eltern die frühe Anmeldung."] < THRESHOLD
