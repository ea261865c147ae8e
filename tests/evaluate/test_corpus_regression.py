"""Extraction quality on the project corpus (corpus/src): minutes by independent writers
in twenty-one layouts (2,860 documents), and real public minutes (1,374) from sources the shared corpus lacks.
The shipped sentence-role model was trained on this corpus, so these figures guard
against regressions; what the model adds on unseen sources is the cross-source table of
scripts/train_roles.py (models/roles/metrics.json).

The documents are rendered from their text sources by scripts/build_corpus.py into a
temporary folder. Floors per group: the figures measured when the corpus was added,
minus 0.03 (``pytest -s`` prints the tables). Raise them when
extraction improves; a change that makes extraction worse on minutes nobody tuned
for fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from protokollant.evaluate import AREAS, evaluate, format_table
from tests.markup import build_corpus_module

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "corpus" / "src"

# group -> (F1 floors per area, responsible accuracy floor)
FLOORS = {
    "writers": ({"topics": 0.95, "decisions": 0.82, "actions": 0.84, "institutions": 0.77}, 0.89),
    "real": ({"topics": 0.83, "decisions": 0.63, "actions": 0.57, "institutions": 0.60}, 0.88),
}


def _build(src: Path, out: Path) -> None:
    build_corpus_module().build(src, out)


@pytest.fixture(scope="module", params=sorted(FLOORS))
def group(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    _build(SOURCES / request.param, out)
    result = evaluate(out, out, model="blank", per_doc=True)
    print(f"\n[{request.param}]\n" + format_table(result))
    return request.param, out, result


def test_every_document_renders_and_is_processed(group):
    name, out, figures = group
    assert figures.documents == len(list(out.glob("*.gold.json"))) >= 15
    assert not figures.missing, figures.errors


def test_scores_do_not_regress(group):
    name, _, figures = group
    floors, responsible_floor = FLOORS[name]
    low = {area: round(figures.area(area).f1, 3) for area in AREAS if figures.area(area).f1 < floors[area]}
    assert not low, f"{name}: below floor {low}\n{format_table(figures)}"
    responsible = figures.accuracy("responsible").value
    assert responsible is not None and responsible >= responsible_floor, format_table(figures)
