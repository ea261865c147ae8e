"""Extraction quality on the project's own annotated minutes (tests/data/eval).

The gold files there are written by hand (rules: the shared corpus README);
the documents come from scripts/make_eval_minutes.py. The floors below are
the figures measured when the set was made, minus 0.03, rounded down: a
change that makes extraction worse fails here. When extraction improves,
raise the floors (``pytest -s tests/evaluate/test_eval_regression.py`` prints the table).
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from protokollant.evaluate import ACCURACIES, AREAS, evaluate, figures_to_json, format_table
from tests.paths import ROOT

EVAL_DIR = ROOT / "tests" / "data" / "eval"
GENERATOR = ROOT / "scripts" / "make_eval_minutes.py"

# Measured with model="blank" on the nine documents (topics 1.000, decisions 0.983,
# actions 0.966, institutions 0.864; responsible 0.976, due 0.960, date 1.000),
# minus 0.03, rounded down to two places. Decisions since session 14: 0.949, floor 0.94.
# "Die Verwaltung wird beauftragt, …" after a resolution is a decision in this set's gold but a
# task only in the project corpus' (commissioning sentences: 32 tasks, 13 decisions in the
# development groups); following the larger corpus costs this set one decision (a rule that
# keeps it after a resolution cost held-out writers' decisions −.0006).
F1_FLOORS = {"topics": 0.97, "decisions": 0.94, "actions": 0.93, "institutions": 0.83}
ACCURACY_FLOORS = {"responsible": 0.94, "due": 0.93, "date": 0.97}


@pytest.fixture(scope="module")
def figures():
    result = evaluate(EVAL_DIR, EVAL_DIR, model="blank", per_doc=True)
    print("\n" + format_table(result))
    return result


def test_every_document_is_processed(figures):
    assert figures.documents == len(list(EVAL_DIR.glob("*.gold.json"))) >= 6
    assert not figures.missing, figures.errors


@pytest.mark.parametrize("area", AREAS)
def test_f1_does_not_regress(figures, area):
    f1 = figures.area(area).f1
    assert f1 >= F1_FLOORS[area], f"{area} F1 {f1:.3f} < floor {F1_FLOORS[area]}\n{format_table(figures)}"


@pytest.mark.parametrize("name", ACCURACIES)
def test_accuracy_does_not_regress(figures, name):
    value = figures.accuracy(name).value
    assert value is not None and value >= ACCURACY_FLOORS[name], (
        f"{name} accuracy {value} < floor {ACCURACY_FLOORS[name]}\n{format_table(figures)}"
    )


def test_figures_serialise(figures):
    data = json.loads(json.dumps(figures_to_json(figures)))
    assert set(AREAS) | set(ACCURACIES) <= set(data)
    assert len(data["per_doc"]) == figures.documents


# ------------------------------------------------------------------ the gold files themselves

def _docx_text(path: Path) -> str:
    """Body text in order: paragraphs, table rows as cells joined by " | "; whitespace collapsed."""
    document = Document(str(path))
    parts = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            parts.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            parts.extend(" | ".join(c.text for c in row.cells) for row in Table(element, document).rows)
    return _collapse(" ".join(parts))


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


GOLD_FILES = sorted(EVAL_DIR.glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_gold_file_follows_the_format(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert set(gold) == {"doc", "source", "meeting", "topics", "decisions", "action_items", "institutions", "notes"}
    assert gold["doc"] == gold_path.name.replace(".gold.json", ".docx")
    text = _docx_text(EVAL_DIR / gold["doc"])

    def verbatim(quote: str) -> None:
        assert _collapse(quote) in text, f"not verbatim in {gold['doc']}: {quote!r}"

    meeting = gold["meeting"]
    if meeting["title"]:
        verbatim(meeting["title"])
    if meeting["date"]:
        dt.date.fromisoformat(meeting["date"])
    for topic in gold["topics"]:
        verbatim(topic["title"])
        assert topic["number"] is None or topic["number"] in text
    n_topics = len(gold["topics"])
    for item in gold["decisions"] + gold["action_items"]:
        verbatim(item["quote"])
        assert item["topic_index"] is None or 0 <= item["topic_index"] < n_topics
    for item in gold["action_items"]:
        assert item["task"] and isinstance(item["responsible"], list)
        assert item["responsible"] or item["due"], "an unassigned task needs a deadline"
        if item["due"]:
            dt.date.fromisoformat(item["due"])
            assert item["due_text"], "a due date needs its wording"
        if item["due_text"]:
            assert _collapse(item["due_text"]) in _collapse(item["quote"])
    names = gold["institutions"]
    assert len(names) == len(set(names)) and all(isinstance(n, str) and n for n in names)


# ------------------------------------------------------------------ the generator

def _load_generator():
    spec = importlib.util.spec_from_file_location("make_eval_minutes", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def test_generator_is_deterministic_and_up_to_date(tmp_path):
    generator = _load_generator()
    written = generator.write_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(p.name for p in EVAL_DIR.glob("*.docx"))
    assert sorted(p.name.replace(".docx", ".gold.json") for p in written) == sorted(p.name for p in GOLD_FILES)
    for path in written:
        committed = (EVAL_DIR / path.name).read_bytes()
        fresh = path.read_bytes()
        # regenerate the committed documents with: python scripts/make_eval_minutes.py
        assert _part(fresh, "word/document.xml") == _part(committed, "word/document.xml"), f"{path.name} is out of date"
        assert generator.build_bytes(path.name) == fresh, f"{path.name}: two builds differ"
