"""Measuring extraction quality against hand-annotated minutes ("gold" files).

Library code only (no CLI framework, no Prefect). The rules are those the
corpus documentation gives for its scorer, so the figures printed here are
the figures the official scorer prints for the same inputs:

* Texts are compared as bags of words: Unicode NFKC, web addresses removed,
  case folded, ``\\w+`` tokens, a short list of German function words dropped
  (negations and outcome words are kept on purpose).
* The similarity of two texts is their token F1. A text that is at least
  three words long, is nearly contained (≥ 80 % of its words) in the other
  one and is at least half as long as that one scores at least 0.75 (a quote
  inside its sentence, a title with a trailing remark).
* Gold and predicted items are paired one to one, greedily, best score
  first; a pair needs 0.6 (topics), 0.5 (decisions, action items) or
  0.7 (institutions). An item may carry several alternative texts (an action
  item's quote and task; an institution's name and aliases), the best
  alternative counts.
* Institutions use token F1 of the names, except that an all-capital short
  name (2–6 characters) that is the acronym of the other name scores 1.0.
* On paired action items: *responsible* is right when every gold owner is
  found among the predicted owners and no predicted owner is extra (two
  names agree when the shorter is at least half contained in the longer);
  *due* is right when the ISO dates are equal. Only gold items that have an
  owner / a date are counted.
* The meeting date is right when it equals the gold date (documents whose
  gold has no date are not counted).

    from protokollant.evaluate import evaluate, format_table
    print(format_table(evaluate("tests/data/eval", "tests/data/eval", model="blank")))
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UnreadableDocumentError
from .pipeline import Processor
from .text_match import institution_similarity, match_texts, pair_items, same_owner, similarity, tokens

__all__ = [
    "AreaScore",
    "Accuracy",
    "DocScore",
    "Figures",
    "AREAS",
    "ACCURACIES",
    "tokens",
    "similarity",
    "institution_similarity",
    "pair_items",
    "score_record",
    "score_directory",
    "load_predictions",
    "evaluate",
    "format_table",
    "summary_line",
    "figures_to_json",
]

THRESHOLDS = {"topics": 0.6, "decisions": 0.5, "actions": 0.5, "institutions": 0.7}
AREAS = ("topics", "decisions", "actions", "institutions")
ACCURACIES = ("responsible", "due", "date")


# --------------------------------------------------------------------------- reading records

def _field(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(obj, Mapping):
            return None
        obj = obj.get(part)
    return obj


def _texts(obj: Any, *paths: str) -> list[str]:
    """The non-blank string values found under the given (dotted) keys, in order."""
    found = []
    for path in paths:
        value = _field(obj, path)
        if isinstance(value, str) and value.strip():
            found.append(value)
    return found


def _owner_names(value: Any) -> list[str]:
    """Owners given as strings or as objects with a name-like key."""
    out: list[str] = []
    for item in value or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, Mapping):
            out.extend(item[k] for k in ("name", "canonical", "text", "surface") if isinstance(item.get(k), str))
    return out


def _dicts(value: Any) -> list[Mapping]:
    return [item for item in value or [] if isinstance(item, Mapping)]


def _iso_day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) else None


# Which predicted fields hold the text of an item (first the schema's own).
_TOPIC_FIELDS = ("title", "name")
_DECISION_FIELDS = ("text", "summary", "quote", "evidence.text")
_ACTION_FIELDS = ("task", "text", "description", "quote", "evidence.text")
_INSTITUTION_NAME_FIELDS = ("name", "canonical", "canonical_name", "label")


def _institution_names(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    if not isinstance(item, Mapping):
        return []
    names = [item[k] for k in _INSTITUTION_NAME_FIELDS if isinstance(item.get(k), str)]
    aliases = item.get("aliases") or []
    if isinstance(aliases, (list, tuple)):
        names.extend(a for a in aliases if isinstance(a, str))
    return names


# --------------------------------------------------------------------------- results

@dataclass
class AreaScore:
    """Matched items (tp) against the gold and predicted counts of one area."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        if self.pred:
            return self.tp / self.pred
        return 1.0 if self.gold == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.gold:
            return self.tp / self.gold
        return 1.0 if self.pred == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: AreaScore) -> AreaScore:
        return AreaScore(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass
class DocScore:
    """The scores of one document."""

    doc: str
    found: bool = True
    topics: AreaScore = field(default_factory=AreaScore)
    decisions: AreaScore = field(default_factory=AreaScore)
    actions: AreaScore = field(default_factory=AreaScore)
    institutions: AreaScore = field(default_factory=AreaScore)
    responsible: Accuracy = field(default_factory=Accuracy)
    due: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)


@dataclass
class Figures:
    """Totals over a set of documents, with the per-document scores they add up from."""

    docs: list[DocScore] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    per_doc: bool = False  # whether the caller asked for the per-document breakdown

    @property
    def documents(self) -> int:
        return len(self.docs)

    def area(self, name: str) -> AreaScore:
        total = AreaScore()
        for doc in self.docs:
            total = total + getattr(doc, name)
        return total

    def accuracy(self, name: str) -> Accuracy:
        total = Accuracy()
        for doc in self.docs:
            total = total + getattr(doc, name)
        return total

    # totals per area / accuracy: figures.decisions.f1, figures.due.value ...
    topics = property(lambda self: self.area("topics"))
    decisions = property(lambda self: self.area("decisions"))
    actions = property(lambda self: self.area("actions"))
    institutions = property(lambda self: self.area("institutions"))
    responsible = property(lambda self: self.accuracy("responsible"))
    due = property(lambda self: self.accuracy("due"))
    date = property(lambda self: self.accuracy("date"))


# --------------------------------------------------------------------------- scoring

def score_record(gold: Mapping, pred: Mapping | None, doc: str | None = None) -> DocScore:
    """Score one predicted record against its gold dict.

    ``pred`` is a record as JSON-like dict (a MinutesRecord object is dumped
    first); None or an empty dict counts as "no output".
    """
    if hasattr(pred, "model_dump"):
        pred = pred.model_dump(mode="json")
    found = bool(pred)
    pred = pred or {}
    result = DocScore(doc=doc or str(gold.get("doc") or ""), found=found)

    gold_topics = [[tokens(t.get("title"))] for t in _dicts(gold.get("topics"))]
    pred_topics = [[tokens(s) for s in _texts(t, *_TOPIC_FIELDS)] for t in _dicts(pred.get("topics"))]
    result.topics = AreaScore(len(match_texts(gold_topics, pred_topics, THRESHOLDS["topics"])), len(gold_topics), len(pred_topics))

    gold_dec = [[tokens(d.get("quote"))] for d in _dicts(gold.get("decisions"))]
    pred_dec = [[tokens(s) for s in _texts(d, *_DECISION_FIELDS)] for d in _dicts(pred.get("decisions"))]
    result.decisions = AreaScore(len(match_texts(gold_dec, pred_dec, THRESHOLDS["decisions"])), len(gold_dec), len(pred_dec))

    gold_actions = _dicts(gold.get("action_items"))
    pred_actions = _dicts(pred.get("action_items"))
    pairs = match_texts(
        [[tokens(a.get("quote")), tokens(a.get("task"))] for a in gold_actions],
        [[tokens(s) for s in _texts(a, *_ACTION_FIELDS)] for a in pred_actions],
        THRESHOLDS["actions"],
    )
    result.actions = AreaScore(len(pairs), len(gold_actions), len(pred_actions))
    for gi, pi in pairs:
        g_item, p_item = gold_actions[gi], pred_actions[pi]
        wanted = _owner_names(g_item.get("responsible"))
        if wanted:
            given = _owner_names(p_item.get("responsible"))
            right = bool(given) and all(any(same_owner(w, g) for g in given) for w in wanted) and all(
                any(same_owner(w, g) for w in wanted) for g in given
            )
            result.responsible = result.responsible + Accuracy(int(right), 1)
        if g_item.get("due"):
            p_due = p_item.get("due")
            p_date = p_due.get("date") if isinstance(p_due, Mapping) else p_due
            result.due = result.due + Accuracy(int(_iso_day(p_date) == g_item["due"]), 1)

    gold_inst = [name for name in gold.get("institutions") or [] if isinstance(name, str)]
    # predicted institutions: strings or objects; anything else is not counted
    pred_inst = [_institution_names(item) for item in pred.get("institutions") or [] if isinstance(item, (str, Mapping))]
    candidates = []
    for gi, g_name in enumerate(gold_inst):
        for pi, alternatives in enumerate(pred_inst):
            best = max((institution_similarity(g_name, a) for a in alternatives if a), default=0.0)
            if best >= THRESHOLDS["institutions"]:
                candidates.append((best, gi, pi))
    result.institutions = AreaScore(len(pair_items(candidates)), len(gold_inst), len(pred_inst))

    gold_date = (gold.get("meeting") or {}).get("date")
    if gold_date:
        meeting = pred.get("meeting")
        p_date = meeting.get("date") if isinstance(meeting, Mapping) else None
        result.date = Accuracy(int(_iso_day(p_date) == gold_date), 1)
    return result


def _gold_files(gold_dir: str | os.PathLike) -> list[Path]:
    golds = sorted(Path(gold_dir).glob("*.gold.json"))
    if not golds:
        raise FileNotFoundError(f"no *.gold.json in {gold_dir}")
    return golds


def _doc_name(gold: Mapping, gold_path: Path) -> str:
    return gold.get("doc") or gold_path.name.replace(".gold.json", ".docx")


def score_directory(gold_dir: str | os.PathLike, predictions: Mapping[str, Mapping], *, per_doc: bool = False) -> Figures:
    """Score predictions (keyed by document file name) against every gold file in gold_dir.

    A document without a prediction counts with empty output and is listed
    in ``Figures.missing``.
    """
    figures = Figures(per_doc=per_doc)
    for gold_path in _gold_files(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = _doc_name(gold, gold_path)
        pred = predictions.get(Path(doc).name)
        if pred is None:
            figures.missing.append(doc)
        figures.docs.append(score_record(gold, pred, doc=doc))
    return figures


def load_predictions(pred_dir: str | os.PathLike) -> dict[str, dict]:
    """Records written by ``protokollant process`` (or any JSON naming its source file),
    searched recursively, keyed by document file name; the first one per name wins."""
    found: dict[str, dict] = {}
    for path in sorted(Path(pred_dir).rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        source = data.get("source") if isinstance(data, dict) else None
        if not isinstance(source, dict):
            continue
        name = source.get("file") or source.get("path") or source.get("name")
        if isinstance(name, str):
            found.setdefault(Path(name).name, data)
    return found


def evaluate(gold_dir: str | os.PathLike, docs_dir: str | os.PathLike, *, model: str = "auto",
             per_doc: bool = False, processor=None) -> Figures:
    """Run the pipeline on every document named by the gold files and score it in memory.

    Documents are looked up by the gold file's ``doc`` name in docs_dir. Nothing
    is written. A document that is absent or cannot be read counts as missing
    (its reason is in ``Figures.errors``).
    """
    processor = processor or Processor(model)
    predictions: dict[str, dict] = {}
    errors: dict[str, str] = {}
    for gold_path in _gold_files(gold_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        name = Path(_doc_name(gold, gold_path)).name
        path = Path(docs_dir) / name
        try:
            data = path.read_bytes()
        except OSError as e:
            errors[name] = f"{name}: {e.strerror or e}"
            continue
        try:
            record = processor.record_for_bytes(data, name)
        except UnreadableDocumentError as e:
            errors[name] = str(e)
            continue
        # anything else (a model that is not installed, missing data files, a bug)
        # stops the run: scoring it as "no output" would hide it in the figures
        predictions[name] = record.model_dump(mode="json")
    figures = score_directory(gold_dir, predictions, per_doc=per_doc)
    figures.errors = errors
    return figures


# --------------------------------------------------------------------------- reporting

def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def figures_to_json(figures: Figures, *, per_doc: bool | None = None) -> dict:
    """Totals as a JSON-ready dict (rounded to three places); with the
    per-document counts when asked for (or when the figures were made with per_doc)."""
    out: dict[str, Any] = {"documents": figures.documents, "missing_outputs": len(figures.missing)}
    for name in AREAS:
        a = figures.area(name)
        out[name] = {"precision": _rounded(a.precision), "recall": _rounded(a.recall), "f1": _rounded(a.f1),
                     "tp": a.tp, "gold": a.gold, "pred": a.pred}
    for name in ACCURACIES:
        acc = figures.accuracy(name)
        out[name] = {"accuracy": _rounded(acc.value), "correct": acc.correct, "of": acc.total}
    if figures.missing:
        out["missing"] = list(figures.missing)
    if figures.per_doc if per_doc is None else per_doc:
        out["per_doc"] = [
            {
                "doc": d.doc,
                "found": d.found,
                **{name: {"tp": getattr(d, name).tp, "gold": getattr(d, name).gold, "pred": getattr(d, name).pred} for name in AREAS},
                **{name: {"correct": getattr(d, name).correct, "of": getattr(d, name).total} for name in ACCURACIES},
            }
            for d in figures.docs
        ]
    return out


def _doc_line(d: DocScore) -> str:
    parts = [f"{name} {getattr(d, name).tp}/{getattr(d, name).gold}g/{getattr(d, name).pred}p" for name in AREAS]
    parts.append(f"resp {d.responsible.correct}/{d.responsible.total}")
    parts.append(f"due {d.due.correct}/{d.due.total}")
    return f"{d.doc:45.45s} " + "  ".join(parts) + ("" if d.found else "  [NO OUTPUT]")


def summary_line(figures: Figures) -> str:
    """The one-line summary (F1 and accuracies taken from the rounded JSON figures)."""
    data = figures_to_json(figures, per_doc=False)
    f1 = {name: data[name]["f1"] for name in AREAS}
    return (
        f"summary: decisions F1 {f1['decisions']:.2f} | actions F1 {f1['actions']:.2f} | "
        f"responsible {data['responsible']['accuracy'] or 0:.2f} | due {data['due']['accuracy'] or 0:.2f} | "
        f"topics F1 {f1['topics']:.2f} | institutions F1 {f1['institutions']:.2f} | missing {len(figures.missing)}"
    )


def format_table(figures: Figures, per_doc: bool | None = None) -> str:
    """The figures as a text table (optionally one line per document first),
    ending with the one-line summary."""
    lines: list[str] = []
    if figures.per_doc if per_doc is None else per_doc:
        lines.extend(_doc_line(d) for d in figures.docs)
    lines.append("")
    lines.append(f"{'area':14s} {'P':>6s} {'R':>6s} {'F1':>6s}   tp/gold/pred")
    for name in AREAS:
        a = figures.area(name)
        lines.append(f"{name:14s} {a.precision:6.3f} {a.recall:6.3f} {a.f1:6.3f}   {a.tp}/{a.gold}/{a.pred}")
    for name in ACCURACIES:
        acc = figures.accuracy(name)
        shown = f"{acc.value:6.3f}" if acc.total else "   n/a"
        lines.append(f"{name + ' acc':14s} {shown}   {acc.correct}/{acc.total}")
    if figures.missing:
        listed = ", ".join(figures.missing[:8]) + (" …" if len(figures.missing) > 8 else "")
        lines.append(f"no output for {len(figures.missing)} document(s): {listed}")
    lines.append(summary_line(figures))
    return "\n".join(lines)
