"""Approval as associations and Swiss minutes word it: "wird gutgeheissen" (approved),
"erhielt die Entlastung", "entlasteten den Vorstand" (discharged), a body that "stimmt der/einer Vorlage zu" (feminine
and plural datives, not only "dem"). Decisions by the rules alone; the rule score is read
without the sentence-role model. Word files rendered from markup (tests/markup.py)."""
import pytest

from protokollant.extract.decisions import THRESHOLD, decision_score
from protokollant.extract.minutes import analyse_document
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from tests.markup import render

MINUTES = """= Protokoll der Generalversammlung
Datum: 21.03.2026
Anwesend: Dora Grunder, Martin Tschabold
# 1. Wahl der Stimmenzähler
Martin Tschabold schlägt Dora Grunder als Stimmenzählerin vor. Dieser Vorschlag wird gutgeheißen.
Das Protokoll der letzten Versammlung wird gutgeheissen.
# 2. Entlastung
Auch der Kassenwart erhielt die Entlastung.
Der Vorstand erhält für das Geschäftsjahr 2025 die Entlastung.
Die 15 Teilnehmer schlossen das vergangene Jahr ab und entlasteten Vorstand und Aufsichtsrat für 2010.
# 3. Grundordnung
Der Senat stimmte einer Neufassung der Grundordnung zu.
Der Ortsrat stimmt der vorgestellten Entwurfsplanung einstimmig zu.
Die Versammlung stimmt den Änderungen der Satzung zu.
# 4. Verschiedenes
Das Protokoll wird verlesen.
Der Kassenwart erhielt die Unterlagen im Januar.
"""


@pytest.fixture(scope="module")
def scores():
    analysis = analyse_document(read_document(render(MINUTES)), load_pipeline("blank"))
    return {u.text: decision_score(u) for u in analysis.units}


@pytest.mark.parametrize("sentence", [
    "Dieser Vorschlag wird gutgeheißen.",
    "Das Protokoll der letzten Versammlung wird gutgeheissen.",
    "Auch der Kassenwart erhielt die Entlastung.",
    "Der Vorstand erhält für das Geschäftsjahr 2025 die Entlastung.",
    "Die 15 Teilnehmer schlossen das vergangene Jahr ab und entlasteten Vorstand und Aufsichtsrat für 2010.",
    "Der Senat stimmte einer Neufassung der Grundordnung zu.",
    "Der Ortsrat stimmt der vorgestellten Entwurfsplanung einstimmig zu.",
    "Die Versammlung stimmt den Änderungen der Satzung zu.",
])
def test_approval_wording_is_a_decision(scores, sentence):
    assert scores[sentence] >= THRESHOLD


@pytest.mark.parametrize("sentence", [
    "Das Protokoll wird verlesen.",
    "Der Kassenwart erhielt die Unterlagen im Januar.",
])
def test_look_alikes_are_not(scores, sentence):
    assert scores[sentence] < THRESHOLD


def test_the_proposal_named_back_is_what_was_decided(record):
    r = record("""= Protokoll der Mitgliederversammlung
Datum: 21.03.2026
Anwesend: Dora Grunder, Martin Tschabold
# 1. Wahl der Stimmenzähler
In Anbetracht der geringen Teilnehmerzahl schlägt Martin Tschabold Dora Grunder als Stimmenzählerin vor. Dieser Vorschlag wird gutgeheissen.
# 2. Beiträge
Der Kassier beantragt, den Beitrag auf 40 Franken zu erhöhen. Der Antrag wird mit 12 zu 3 Stimmen angenommen.
""")
    assert [d.text for d in r.decisions] == [
        "In Anbetracht der geringen Teilnehmerzahl schlägt Martin Tschabold Dora Grunder als Stimmenzählerin vor. "
        "Dieser Vorschlag wird gutgeheissen.",
        "Der Kassier beantragt, den Beitrag auf 40 Franken zu erhöhen. Der Antrag wird mit 12 zu 3 Stimmen angenommen.",
    ]


def test_an_outcome_joined_to_its_motion_keeps_its_own_sentence_as_quote(record):
    r = record("""= Protokoll der Mitgliederversammlung
Datum: 10.11.2019
Anwesend: Raymund Brox, Sieglinde Stratmann
# 3. Kassenbericht
Die Kassenprüfer bescheinigten eine hervorragende Kassenführung und beantragten, den Vorstand zu entlasten. Die Entlastung wurde ohne Gegenstimmen erteilt.
# 4. Wahlen
Bernhard Karrengarn wurde als Vorsitzender einstimmig wieder gewählt.
""")
    joined, alone = r.decisions
    assert joined.text.startswith("Die Kassenprüfer bescheinigten") and joined.text.endswith("ohne Gegenstimmen erteilt.")
    assert joined.quote == "Die Entlastung wurde ohne Gegenstimmen erteilt."
    assert alone.quote is None  # its text is its sentence


def test_an_assent_line_under_an_item_decides_that_item(record):
    r = record("""= Mitgliederplenum Solawi
Datum: 25.01.2026
# 3. Depots
- Depot Mühlgasse: Kühlschrank gebraucht über Kleinanzeigen, max. 200 €
-- → einverstanden, alle dafür
# 4. Sprechzeiten
Frau Dr. Rahimi schlägt feste Sprechzeiten in zwei Unterkünften vor. Darauf verständigt sich der Steuerkreis.
""")
    assert [d.text for d in r.decisions] == [
        "Depot Mühlgasse: Kühlschrank gebraucht über Kleinanzeigen, max. 200 € → einverstanden, alle dafür",
        "Frau Dr. Rahimi schlägt feste Sprechzeiten in zwei Unterkünften vor. Darauf verständigt sich der Steuerkreis.",
    ]


def test_a_decision_read_from_one_cell_has_no_row_as_its_quote(record):
    # A table the layout stage does not read: the decision is the cell's deciding sentence,
    # and the quote (schema 1.2) is only ever a part of the decision's own text.
    r = record("""= Protokoll Steuerungsgruppe
Datum: 22.04.2026
# TOP 2 Sprechstunde
| 2.1 | Gemeinsame Sprechstunde | JC / AA / ABH | läuft seit Februar, bisher 74 Beratungen. Fortführung bis Jahresende beschlossen. |
| 2.2 | Infotag | IHK | in Planung |
""")
    assert [(d.text, d.quote) for d in r.decisions] == [("Fortführung bis Jahresende beschlossen.", None)]
