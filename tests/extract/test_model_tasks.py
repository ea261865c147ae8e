"""What the sentence-role model adds to the rules: tasks where the rules found none
(extract/model_tasks.py) — what it may add, whose task it is, what it leaves alone — and
decisions whose cue the rules weigh too little. The model's opinion is set on the units by hand,
so that the tests do not depend on the shipped weights."""
from types import SimpleNamespace

import pytest

from protokollant.extract.action_list import extract_actions
from protokollant.extract.decisions import extract_decisions
from protokollant.extract.minutes import analyse_document, rule_hints
from protokollant.extract.model_tasks import MODEL_TASK_CONFIDENCE
from protokollant.extract.roles import DECISION, TASK, decision_shift
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from protokollant.nlp.roles import LEARNED_ROLES
from tests.markup import render

MINUTES = """= Protokoll Netzwerk Übergang Schule-Beruf
Datum: 12.03.2026
Anwesend: Karin Bauer (KB), Jonas Vogt, Frau Kern
## 1 Praktika
Man kam überein, dass die Jugendberufsagentur der Stadt ihre Ansprechpersonen sammelt.
Die Liste wird noch einmal überarbeitet.
Frau Kern bittet um eine Übersicht der verfügbaren Mittel.
Herr Vogt meint, dass der Weg bis Pfingsten ausgebessert wird.
Jonas stimmt den Ablauf mit dem Schulamt ab.
Die Praktikumsbörse läuft gut.
Herr Vogt erkundigt sich, wann die Börse stattfindet.
Die Vorsitzende gibt bekannt, dass Frau Kern ihr Amt bis Juni ruhen lässt.
"""

COMPONENT = SimpleNamespace(task_add=0.7, task_veto=0.2, owned_task_veto=0.2, decision_weight=0.3, decision_pass=0.7)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("blank")


def _analysed(nlp, task_probability: float):
    """The minutes' units, each scored by a stand-in model with ``task_probability``."""
    analysis = analyse_document(read_document(render(MINUTES)), nlp)
    for unit in analysis.units:
        roles = [0.0] * len(LEARNED_ROLES)
        roles[TASK] = task_probability
        unit.roles = tuple(roles)
    return analysis


def _tasks(analysis, component=COMPONENT) -> dict[str, list[str]]:
    items = extract_actions(analysis.units, analysis.extractor, roles=component)
    return {a.evidence.text: [o.name for o in a.responsible] for a in items}


def test_the_rules_find_none_of_these_tasks(nlp):
    assert _tasks(_analysed(nlp, 0.9), SimpleNamespace(**{**vars(COMPONENT), "task_add": 0.0})) == {}


def test_a_sentence_the_model_is_sure_of_is_a_task_when_it_says_who_does_it(nlp):
    tasks = _tasks(_analysed(nlp, 0.9))
    assert tasks == {
        # what was agreed is done by the subject of the "dass" clause, with its genitive
        "Man kam überein, dass die Jugendberufsagentur der Stadt ihre Ansprechpersonen sammelt.": ["Jugendberufsagentur der Stadt"],
        # a passive "dass" clause names what is done, not who does it: the speaker remains
        "Herr Vogt meint, dass der Weg bis Pfingsten ausgebessert wird.": ["Herr Vogt"],
        "Jonas stimmt den Ablauf mit dem Schulamt ab.": ["Jonas"],
    }
    # left alone: no owner ("Die Liste wird … überarbeitet"), who asks ("Frau Kern bittet um …",
    # "Herr Vogt erkundigt sich, wann …"), a fact reported in the meeting ("gibt bekannt, dass Frau
    # Kern …"), and a report whose subject no owner reader takes ("Die Praktikumsbörse läuft gut")


def test_model_tasks_rank_below_the_rules_forms(nlp):
    items = extract_actions(_analysed(nlp, 0.9).units, _analysed(nlp, 0.9).extractor, roles=COMPONENT)
    assert items and all(a.confidence == MODEL_TASK_CONFIDENCE for a in items)


def test_below_the_threshold_the_model_adds_nothing(nlp):
    assert _tasks(_analysed(nlp, 0.65)) == {}


def test_a_unit_scored_only_as_a_possible_task_keeps_its_decision_score(nlp):
    analysis = analyse_document(read_document(render(MINUTES)), nlp)
    unit = next(u for u in analysis.units if u.text.startswith("Jonas stimmt"))
    _, candidate = rule_hints(unit, analysis.extractor, adding=True)
    assert candidate and not unit.decision_candidate
    unit.roles = (1.0,) * len(LEARNED_ROLES)
    assert decision_shift(unit, COMPONENT) == 0.0
    # without adding, the rules do not ask the model about it at all
    assert rule_hints(unit, analysis.extractor, adding=False)[1] is False


def test_the_shipped_pipeline_adds_tasks_from_its_config(nlp):
    component = nlp.get_pipe("protokollant_sentence_roles")
    assert component.task_add == nlp.config["components"]["protokollant_sentence_roles"]["task_add"] > 0


AGREEMENTS = """= Protokoll Netzwerk Übergang Schule-Beruf
Datum: 12.03.2026
## 1 Praktikumsbörse
Der Vorschlag findet breite Zustimmung.
Die Mitglieder befürworten den Vorschlag.
"""


@pytest.mark.parametrize("probability, pass_at, decided", [
    (0.9, 0.7, True),    # a weak cue ("findet Zustimmung") in a sentence the model is sure of
    (0.6, 0.7, False),   # the model not sure enough: the push alone (0.3 × 0.2) does not reach the threshold
    (0.9, 0.0, False),   # switched off
])
def test_a_weak_cue_passes_when_the_model_is_sure_of_the_decision(nlp, probability, pass_at, decided):
    analysis = analyse_document(read_document(render(AGREEMENTS)), nlp)
    for unit in analysis.units:
        rule_hints(unit, analysis.extractor)
        roles = [0.0] * len(LEARNED_ROLES)
        roles[DECISION] = probability
        unit.roles = tuple(roles)
    component = SimpleNamespace(**{**vars(COMPONENT), "decision_pass": pass_at})
    texts = [d.text for d in extract_decisions(analysis.units, roles=component)]
    # "befürworten" scores below the candidates (a proposal's word): the model alone never decides
    assert texts == (["Der Vorschlag findet breite Zustimmung."] if decided else [])
