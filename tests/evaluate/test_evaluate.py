"""The evaluation module: matching rules, per-area figures, accuracies, reporting."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from protokollant.evaluate import (
    AreaScore,
    Figures,
    evaluate,
    figures_to_json,
    format_table,
    institution_similarity,
    load_predictions,
    pair_items,
    score_directory,
    score_record,
    similarity,
    tokens,
)
from tests.paths import EXAMPLE_DOCX



def gold_doc(**parts) -> dict:
    base = {"doc": "x.docx", "meeting": {"date": None}, "topics": [], "decisions": [], "action_items": [], "institutions": []}
    base.update(parts)
    return base


def g_action(quote: str, responsible=(), due=None, task=None) -> dict:
    return {"quote": quote, "task": task or quote, "responsible": list(responsible), "due": due, "due_text": None, "topic_index": None}


# ------------------------------------------------------------------ tokens and similarity

def test_tokens_drop_function_words_urls_and_case():
    assert tokens("Der Antrag wird mit 5/0/1 ANGENOMMEN, siehe https://example.org/a?b=1 und www.x.de") == [
        "antrag", "5", "0", "1", "angenommen", "siehe",
    ]
    # negations and outcome words are kept; NFKC folds the ligature and the non-breaking space
    assert tokens("nicht\u00a0ﬁnanziert, kein Beschluss") == ["nicht", "finanziert", "kein", "beschluss"]
    assert tokens(None) == [] and tokens("") == []


def test_similarity_is_token_f1():
    assert similarity(["a", "b"], ["a", "c"]) == pytest.approx(0.5)
    assert similarity(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 * 2 / 6)  # multiset overlap
    assert similarity([], ["a"]) == 0.0


def test_containment_rule_raises_a_nearly_contained_text_to_075():
    short = ["a", "b", "c", "d", "e"]
    # 4 of 5 words (80 %) inside a text twice as long: F1 8/15 = 0.533, raised to 0.75
    assert similarity(short, ["a", "b", "c", "d", "v", "w", "x", "y", "z", "q"]) == pytest.approx(0.75)
    # more than twice as long: plain F1 (8/16)
    assert similarity(short, ["a", "b", "c", "d", "v", "w", "x", "y", "z", "q", "r"]) == pytest.approx(0.5)
    # only 3 of 5 words inside: plain F1 (6/15)
    assert similarity(short, ["a", "b", "c", "u", "v", "w", "x", "y", "z", "q"]) == pytest.approx(0.4)
    # fewer than three words: plain F1 even when fully contained (2*2/6)
    assert similarity(["a", "b"], ["a", "b", "c", "d"]) == pytest.approx(2 / 3)
    # a high F1 is not lowered
    assert similarity(["a", "b", "c"], ["a", "b", "c"]) == 1.0


def test_containment_rule_decides_a_topic_match():
    gold = gold_doc(topics=[{"title": "Haushalt Förderverein Sommerfest Planung Termine", "number": "1"}])
    near = {"topics": [{"title": "Haushalt Förderverein Sommerfest Planung und Ablauf, Rückblick Frühjahr, Stand Kasse, Sonstiges"}]}
    # gold 5 words, pred 10 words holding 4 of them: F1 0.53 < 0.6, but the containment rule gives 0.75
    assert score_record(gold, near).topics == AreaScore(1, 1, 1)
    longer = {"topics": [{"title": near["topics"][0]["title"] + " Ausblick"}]}
    assert score_record(gold, longer).topics == AreaScore(0, 1, 1)


def test_pairing_is_greedy_best_first_and_one_to_one():
    # gold 0 fits pred 0 best (0.9); pred 0 would also fit gold 1, pred 1 only gold 0
    assert pair_items([(0.9, 0, 0), (0.6, 1, 0), (0.7, 0, 1)]) == [(0, 0)]
    # equal scores: the higher gold index, then the higher predicted index is taken first
    assert pair_items([(0.8, 0, 0), (0.8, 1, 0)]) == [(1, 0)]
    assert pair_items([(0.8, 0, 0), (0.8, 0, 1)]) == [(0, 1)]


def test_one_to_one_matching_counts_duplicates_once():
    quote = "Der Vorstand beschließt einstimmig die Anschaffung eines Beamers"
    gold = gold_doc(decisions=[{"quote": quote, "topic_index": 0, "vote": "einstimmig"}])
    pred = {"decisions": [{"text": quote}, {"text": quote}]}
    s = score_record(gold, pred).decisions
    assert (s.tp, s.gold, s.pred) == (1, 1, 2)
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert s.f1 == pytest.approx(2 / 3)
    gold2 = gold_doc(decisions=[{"quote": quote}, {"quote": quote}])
    assert score_record(gold2, {"decisions": [{"text": quote}]}).decisions == AreaScore(1, 2, 1)


def test_decision_precision_recall_f1_exact():
    gold = gold_doc(decisions=[
        {"quote": "Der Antrag auf Zuschuss für das Sommerfest wird mit 5/0/1 angenommen."},
        {"quote": "Frau Okafor wird als Kassenprüferin gewählt."},
        {"quote": "Die Satzungsänderung wird einstimmig beschlossen."},
    ])
    pred = {"decisions": [
        {"text": "Der Antrag auf Zuschuss für das Sommerfest wird mit 5/0/1 angenommen."},  # exact
        {"text": "Herr Brandt berichtet über den Stand der Kasse."},  # wrong
    ]}
    s = score_record(gold, pred).decisions
    assert (s.tp, s.gold, s.pred) == (1, 3, 2)
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(0.4)


def test_decision_threshold_is_half():
    gold = gold_doc(decisions=[{"quote": "Sommerfest Termin Juli Stadtpark festgelegt"}])
    # 3 of 5 words shared with a 5-word text: F1 0.6 ≥ 0.5
    assert score_record(gold, {"decisions": [{"text": "Sommerfest Termin Juli Rathaus vereinbart"}]}).decisions.tp == 1
    # 2 of 5 words: F1 0.4 < 0.5
    assert score_record(gold, {"decisions": [{"text": "Sommerfest Termin August Rathaus vereinbart"}]}).decisions.tp == 0


def test_predicted_text_fields_have_fallbacks():
    gold = gold_doc(
        topics=[{"title": "Bericht des Kassenwarts"}],
        decisions=[{"quote": "Die Tagesordnung wird einstimmig genehmigt."}],
        action_items=[g_action("Einladung zum Sommerfest verschicken", ["Jil"])],
        institutions=["Jobcenter Musterstadt"],
    )
    pred = {
        "topics": [{"name": "Bericht des Kassenwarts"}],
        "decisions": [{"evidence": {"text": "Die Tagesordnung wird einstimmig genehmigt."}}],
        "action_items": [{"description": "Einladung zum Sommerfest verschicken", "responsible": ["Jil"]}],
        "institutions": [{"canonical": "Jobcenter Musterstadt"}],
    }
    s = score_record(gold, pred)
    assert [s.topics.tp, s.decisions.tp, s.actions.tp, s.institutions.tp] == [1, 1, 1, 1]
    assert (s.responsible.correct, s.responsible.total) == (1, 1)


def test_empty_areas():
    s = score_record(gold_doc(), {"decisions": [{"text": "Etwas wird beschlossen"}]})
    assert (s.topics.precision, s.topics.recall, s.topics.f1) == (1.0, 1.0, 1.0)  # nothing expected, nothing found
    assert (s.decisions.precision, s.decisions.recall, s.decisions.f1) == (0.0, 0.0, 0.0)  # found something unexpected
    gold = gold_doc(decisions=[{"quote": "Etwas wird beschlossen"}])
    s = score_record(gold, None)
    assert not s.found
    assert (s.decisions.precision, s.decisions.recall, s.decisions.f1) == (0.0, 0.0, 0.0)


# ------------------------------------------------------------------ action items: responsible and due

ACTION = "Angebote für die Bühnentechnik beim Sommerfest einholen"


@pytest.mark.parametrize(
    ("gold_owners", "pred_owners", "right"),
    [
        (["Frau Rasche"], [{"name": "Frau Rasche"}], True),
        (["Frau Rasche"], [{"name": "Rasche"}], True),  # contained in the gold name
        (["Rasche"], [{"name": "Frau Dr. Rasche"}], True),  # shorter contained in longer
        (["Jobcenter (Herr Kowalski)"], ["Jobcenter"], True),  # containment counts the shorter name
        (["FL", "DN"], [{"name": "DN"}, {"name": "FL"}], True),  # order does not matter
        (["FL", "DN"], [{"name": "FL"}], False),  # an owner missing
        (["Text"], [{"name": "Text"}, {"name": "Christian"}], False),  # an extra owner
        (["Frau Rasche"], [], False),  # none given
        (["Frau Rasche"], [{"name": "Herr Brandt"}], False),
    ],
)
def test_responsible_accuracy(gold_owners, pred_owners, right):
    gold = gold_doc(action_items=[g_action(ACTION, gold_owners)])
    pred = {"action_items": [{"task": ACTION, "responsible": pred_owners}]}
    s = score_record(gold, pred)
    assert s.actions.tp == 1
    assert (s.responsible.correct, s.responsible.total) == (int(right), 1)


def test_responsible_and_due_count_only_matched_items_with_gold_values():
    gold = gold_doc(action_items=[
        g_action(ACTION, [], due="2026-04-10"),  # no owner: not counted for responsible
        g_action("Protokoll der Sitzung an alle Mitglieder verschicken", ["Jil"]),  # no date: not counted for due
        g_action("Raumbuchung für die Mitgliederversammlung im Herbst klären", ["Tarek"], due="2026-05-31"),  # unmatched
    ])
    pred = {"action_items": [
        {"task": ACTION, "responsible": [{"name": "Jil"}], "due": {"date": "2026-04-10", "text": "Anfang April"}},
        {"task": "Protokoll der Sitzung an alle Mitglieder verschicken", "responsible": [{"name": "Jil"}], "due": None},
        {"task": "Kuchen backen", "responsible": [{"name": "Tarek"}], "due": {"date": "2026-05-31"}},
    ]}
    s = score_record(gold, pred)
    assert s.actions == AreaScore(2, 3, 3)
    assert (s.responsible.correct, s.responsible.total) == (1, 1)
    assert (s.due.correct, s.due.total) == (1, 1)


@pytest.mark.parametrize(
    ("pred_due", "right"),
    [
        ({"date": "2026-03-31", "text": "bis Ende März"}, True),
        ("2026-03-31", True),  # a plain string is read as the date
        ({"date": "2026-03-31T00:00:00"}, True),  # the first ten characters count
        ({"date": "2026-03-30"}, False),
        ({"date": None, "text": "bis Ende März"}, False),
        (None, False),
    ],
)
def test_due_accuracy(pred_due, right):
    gold = gold_doc(action_items=[g_action(ACTION, ["Jil"], due="2026-03-31")])
    s = score_record(gold, {"action_items": [{"task": ACTION, "responsible": ["Jil"], "due": pred_due}]})
    assert (s.due.correct, s.due.total) == (int(right), 1)


def test_action_matches_on_quote_or_task():
    gold = gold_doc(action_items=[g_action(
        "Frau Rasche wird sich der Aktualisierung des Raumplans für das Bürgerhaus annehmen.",
        ["Frau Rasche"], task="Raumplan Bürgerhaus aktualisieren",
    )])
    # matches the gold task paraphrase (F1 1.0), not the quote
    s = score_record(gold, {"action_items": [{"task": "Raumplan Bürgerhaus aktualisieren", "responsible": ["Rasche"]}]})
    assert s.actions.tp == 1 and s.responsible.correct == 1


# ------------------------------------------------------------------ institutions

def test_institution_acronym_rule():
    assert institution_similarity("SPD", "Sozialdemokratische Partei Deutschlands") == 1.0
    assert institution_similarity("Allgemeiner Deutscher Fahrrad-Club", "ADFC") == 1.0
    # the acronym is built from capitalised words only: "Industrie- und Handelskammer" gives "IH"
    assert institution_similarity("IHK", "Industrie- und Handelskammer") == 0.0
    # lower-case or too long short forms are not acronyms
    assert institution_similarity("spd", "Sozialdemokratische Partei Deutschlands") == 0.0
    assert institution_similarity("ABCDEFG", "Alpha Beta Charlie Delta Echo Foxtrot Golf") == 0.0
    # otherwise token F1: a generic head noun alone is below the 0.7 threshold
    assert institution_similarity("Fakultät", "Fakultät für Informatik") == pytest.approx(2 / 3)


def test_institution_matching():
    gold = gold_doc(institutions=[
        "Sozialdemokratische Partei Deutschlands", "IHK", "Amt für Soziales und Wohnen", "Fakultät für Informatik", "Jobcenter",
    ])
    pred = {"institutions": [
        "SPD",  # acronym
        {"name": "Industrie- und Handelskammer", "aliases": ["IHK"]},  # via its alias
        {"name": "Amt für Soziales"},  # F1 0.8
        {"name": "Fakultät"},  # F1 0.67: no
        {"name": "Jobcenter", "aliases": ["beim Jobcenter"]},
        {"name": "Jobcenter"},  # a second prediction for the same gold name: one to one
        42,  # not a name: not counted
    ]}
    s = score_record(gold, pred).institutions
    assert (s.tp, s.gold, s.pred) == (4, 5, 6)
    assert s.precision == pytest.approx(4 / 6)
    assert s.recall == pytest.approx(4 / 5)


# ------------------------------------------------------------------ meeting date

@pytest.mark.parametrize(
    ("gold_date", "pred_meeting", "counted"),
    [
        ("2026-03-12", {"date": "2026-03-12"}, (1, 1)),
        ("2026-03-12", {"date": "2026-03-13"}, (0, 1)),
        ("2026-03-12", {"date": None}, (0, 1)),
        ("2026-03-12", None, (0, 1)),
        (None, {"date": "2026-03-12"}, (0, 0)),
    ],
)
def test_meeting_date(gold_date, pred_meeting, counted):
    s = score_record(gold_doc(meeting={"date": gold_date}), {"meeting": pred_meeting})
    assert (s.date.correct, s.date.total) == counted


# ------------------------------------------------------------------ directories and reports

def _write_gold(folder: Path, name: str, gold: dict) -> None:
    (folder / f"{name}.gold.json").write_text(json.dumps({**gold, "doc": f"{name}.docx"}), encoding="utf-8")


def test_score_directory_totals_missing_and_reports(tmp_path):
    _write_gold(tmp_path, "a", gold_doc(
        meeting={"date": "2026-03-12"},
        decisions=[{"quote": "Die Tagesordnung wird einstimmig genehmigt."}],
        action_items=[g_action(ACTION, ["Jil"], due="2026-04-10")],
    ))
    _write_gold(tmp_path, "b", gold_doc(decisions=[{"quote": "Der Antrag wird abgelehnt."}]))
    preds = {"a.docx": {
        "meeting": {"date": "2026-03-12"},
        "decisions": [{"text": "Die Tagesordnung wird einstimmig genehmigt."}, {"text": "Kaffee ist alle."}],
        "action_items": [{"task": ACTION, "responsible": [{"name": "Jil"}], "due": {"date": "2026-04-11"}}],
    }}
    figures = score_directory(tmp_path, preds)
    assert isinstance(figures, Figures)
    assert figures.documents == 2 and figures.missing == ["b.docx"]
    assert figures.decisions == AreaScore(1, 2, 2)
    assert figures.decisions.f1 == pytest.approx(0.5)
    assert (figures.responsible.value, figures.due.value, figures.date.value) == (1.0, 0.0, 1.0)

    data = figures_to_json(figures)
    assert data["documents"] == 2 and data["missing_outputs"] == 1
    assert data["decisions"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "gold": 2, "pred": 2}
    assert data["due"] == {"accuracy": 0.0, "correct": 0, "of": 1}
    assert data["topics"]["f1"] == 1.0
    assert "per_doc" not in data and "per_doc" in figures_to_json(figures, per_doc=True)
    json.dumps(data)

    table = format_table(figures, per_doc=True)
    lines = table.splitlines()
    assert lines[0].startswith("a.docx") and "decisions 1/1g/2p" in lines[0] and "due 0/1" in lines[0]
    assert lines[1].startswith("b.docx") and lines[1].endswith("[NO OUTPUT]")
    assert "decisions       0.500  0.500  0.500   1/2/2" in table
    assert "no output for 1 document(s): b.docx" in table
    assert lines[-1] == (
        "summary: decisions F1 0.50 | actions F1 1.00 | responsible 1.00 | due 0.00 | "
        "topics F1 1.00 | institutions F1 1.00 | missing 1"
    )
    assert not format_table(figures).startswith("a.docx")


def test_no_gold_files_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        score_directory(tmp_path, {})


def test_load_predictions_finds_records_by_source_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text(json.dumps({"source": {"file": "/x/y/a.docx"}, "decisions": []}))
    (tmp_path / "b.json").write_text(json.dumps({"source": {"name": "b.docx"}}))
    (tmp_path / "broken.json").write_text("{")
    (tmp_path / "other.json").write_text(json.dumps({"source": "c.docx"}))
    assert sorted(load_predictions(tmp_path)) == ["a.docx", "b.docx"]


def test_evaluate_runs_the_pipeline_in_memory(tmp_path):
    gold_dir = tmp_path / "gold"
    docs = tmp_path / "docs"
    gold_dir.mkdir()
    docs.mkdir()
    (docs / EXAMPLE_DOCX.name).write_bytes(EXAMPLE_DOCX.read_bytes())
    _write_gold(gold_dir, EXAMPLE_DOCX.stem, gold_doc(meeting={"date": "2026-03-12"}, institutions=["Handwerkskammer"]))
    _write_gold(gold_dir, "absent", gold_doc())
    figures = evaluate(gold_dir, docs, model="blank", per_doc=True)
    assert figures.documents == 2
    assert figures.missing == ["absent.docx"] and "absent.docx" in figures.errors
    assert figures.date.value == 1.0
    assert figures.institutions.tp == 1
    assert sorted(p.name for p in docs.iterdir()) == [EXAMPLE_DOCX.name]  # nothing written
    lines = format_table(figures).splitlines()  # per_doc remembered: one line per document, gold file order
    assert lines[0].startswith("absent.docx") and lines[1].startswith(EXAMPLE_DOCX.name)
    assert re.search(r"missing 1$", format_table(figures))
