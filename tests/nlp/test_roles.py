"""The sentence-role component (nlp/roles.py) and its training (role_training.py),
on spacy.blank("de") pipelines built by the project and hand-made examples."""
import numpy
import pytest

from protokollant.nlp.pipeline import build_pipeline
from protokollant.nlp.roles import LEARNED_ROLES, SPAN_KEY, RoleModel, span_features
from protokollant.paths import models_dir
from protokollant.role_training import Example, label_units, train, unit_scores

DECISIONS = [
    "Der Vorstand beschließt einstimmig, den Beitrag zu erhöhen.",
    "Die Satzungsänderung wird mit 8 Ja-Stimmen angenommen.",
    "Es wird vereinbart, die Sitzungen künftig online abzuhalten.",
    "Der Haushalt 2026 wird in der vorgelegten Fassung genehmigt.",
]
TASKS = [
    "Frau Roth schickt das Protokoll bis Freitag an alle.",
    "Herr Kraus klärt mit dem Schulamt die Hallenzeiten.",
    "Die Geschäftsstelle lädt zur nächsten Sitzung ein.",
    "Herr Beck erstellt bis März einen Entwurf.",
]
OTHER = [
    "Frau Roth berichtet über den Stand der Planung.",
    "Die Anwesenden diskutieren die Vor- und Nachteile.",
    "Herr Kraus fragt nach den Kosten.",
    "Es gibt keine Wortmeldungen.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline("blank")


def _examples(nlp):
    out = []
    for texts, labels in ((DECISIONS, (1, 0)), (TASKS, (0, 1)), (OTHER, (0, 0))):
        for text in texts:
            doc = nlp(text)
            out.append(Example("t.docx", "g", text, span_features(doc[:]), labels))
    return out


def test_component_is_in_the_blank_pipeline_and_loads_the_shipped_model(nlp):
    component = nlp.get_pipe("protokollant_sentence_roles")
    component.initialize()
    assert component.model.trained
    assert component.model.meta["roles"] == list(LEARNED_ROLES)
    size = sum(p.stat().st_size for p in (models_dir() / "roles").iterdir())
    assert size < 25 * 1024 * 1024


def test_training_is_deterministic_and_learns_the_roles(nlp):
    examples = _examples(nlp)
    first, second = train(examples, seed=3, epochs=8), train(examples, seed=3, epochs=8)
    assert numpy.array_equal(first.weights, second.weights)
    scores = unit_scores(first, examples)
    assert scores["decision"]["f1"] == 1.0 and scores["task"]["f1"] == 1.0
    unseen = nlp("Der Antrag wird einstimmig angenommen.")
    p_decision, p_task = first.probabilities([span_features(unseen[:])])[0]
    assert p_decision > 0.5 > p_task


def test_to_disk_and_from_disk_give_the_same_probabilities(nlp, tmp_path):
    examples = _examples(nlp)
    model = train(examples, seed=1, epochs=4)
    model.to_disk(tmp_path / "roles")
    loaded = RoleModel.from_disk(tmp_path / "roles")
    rows = [e.features for e in examples]
    assert numpy.allclose(model.probabilities(rows), loaded.probabilities(rows))
    component = nlp.get_pipe("protokollant_sentence_roles")
    component.to_disk(tmp_path / "component")
    assert (tmp_path / "component" / "meta.json").exists()


def test_component_assigns_role_spans_on_a_plain_doc(nlp, tmp_path):
    doc = nlp("Wer übernimmt die Kasse? Der Antrag wird mit 5/0/1 angenommen.")
    labels = {(span.text, span.label_) for span in doc.spans[SPAN_KEY]}
    assert ("Wer übernimmt die Kasse?", "question") in labels
    assert ("Der Antrag wird mit 5/0/1 angenommen.", "vote_result") in labels


def test_units_are_labelled_from_gold_quotes():
    gold = {
        "decisions": [{"quote": "Der Haushalt wird genehmigt. Die Rücklage bleibt unverändert."}],
        "action_items": [{"quote": "Frau Roth schickt das Protokoll bis Freitag."}],
    }
    labels = label_units(
        ["Der Haushalt wird genehmigt.", "Die Rücklage bleibt unverändert.", "Frau Roth schickt das Protokoll bis Freitag.", "Es gibt keine Fragen."],
        gold,
    )
    assert labels == [(1, 0), (1, 0), (0, 1), (0, 0)]


def test_the_offline_pipeline_is_described_in_spacy_config(nlp):
    from thinc.api import Config

    config = Config().from_disk(models_dir() / "pipeline.cfg")
    assert list(nlp.pipe_names) == config["nlp"]["pipeline"]
    roles = nlp.config["components"]["protokollant_sentence_roles"]
    assert roles["factory"] == "protokollant_sentence_roles" and roles["task_veto"] == config["components"]["protokollant_sentence_roles"]["task_veto"]
    assert set(config["protokollant"]["project_components"]) <= set(nlp.pipe_names)


def test_corpus_documents_of_the_same_name_in_two_groups_are_both_counted(nlp, tmp_path):
    import json

    from protokollant.role_training import corpus_examples
    from tests.markup import render

    folders = {}
    for group, task in (("w1", "Jo bestellt die Ersatzteile."), ("w2", "Lu druckt die Flyer.")):
        folder = tmp_path / group
        folder.mkdir()
        (folder / "plenum.docx").write_bytes(render(f"= Plenum\n# TOP 1 Werkstatt\n{task}\n"))
        gold = {"doc": "plenum.docx", "topics": [{"title": "Werkstatt", "number": "1"}], "decisions": [], "institutions": [],
                "action_items": [{"quote": task, "task": task, "responsible": [task.split()[0]], "due": None, "due_text": None, "topic_index": 0}]}
        (folder / "plenum.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        folders[group] = folder
    corpus = corpus_examples(folders, nlp)
    assert len(corpus.documents) == 2 and corpus.groups() == ["w1", "w2"]
    assert {e.group for e in corpus.examples} == {"w1", "w2"}
