"""Training the sentence-role model (nlp/roles.py) from annotated minutes.

Examples are the units extraction scores (extract.minutes.analyse_document), labelled
from the gold files: a unit is a decision (a task) when it is a part of, or nearly the
same text as, a gold decision quote (action quote). One logistic regression per role,
trained with AdaGrad and L2 on hashed features, in a fixed order from a fixed seed,
so the same corpus gives the same weights.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import numpy

from .extract.minutes import analyse_document, rule_hints
from .extract.roles import unit_context
from .ingest import read_document
from .nlp.roles import LEARNED_ROLES, N_BITS, RoleModel, span_features
from .text_match import similarity, tokens

MATCH = 0.6
"""A unit and a gold quote of at least this similarity are the same item."""


@dataclass
class Example:
    doc: str
    group: str
    text: str
    features: numpy.ndarray
    labels: tuple[int, ...]


@dataclass
class Corpus:
    examples: list[Example] = field(default_factory=list)
    documents: dict[str, str] = field(default_factory=dict)  # "group/doc name" -> group

    def groups(self) -> list[str]:
        return sorted(set(self.documents.values()))


def _quote_tokens(gold: dict, key: str) -> list[list[str]]:
    return [tokens(item.get("quote")) for item in gold.get(key) or [] if item.get("quote")]


def _is_part(unit: list[str], quote: list[str]) -> bool:
    """The unit is (nearly) the quote, or one sentence of a quote of several."""
    if not unit or not quote:
        return False
    if similarity(unit, quote) >= MATCH:
        return True
    if len(unit) < 2:
        return False
    joined, part = " " + " ".join(quote) + " ", " " + " ".join(unit) + " "
    return part in joined


def label_units(unit_texts: list[str], gold: dict) -> list[tuple[int, ...]]:
    quotes = {"decision": _quote_tokens(gold, "decisions"), "task": _quote_tokens(gold, "action_items")}
    out = []
    for text in unit_texts:
        words = tokens(text)
        out.append(tuple(int(any(_is_part(words, q) for q in quotes[role])) for role in LEARNED_ROLES))
    return out


def corpus_examples(folders: dict[str, Path], nlp) -> Corpus:
    """``folders``: group name → folder of <name>.docx + <name>.gold.json (built corpus)."""
    corpus = Corpus()
    for group, folder in sorted(folders.items()):
        for gold_path in sorted(Path(folder).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = Path(gold.get("doc") or gold_path.name.replace(".gold.json", ".docx")).name
            data = (Path(folder) / name).read_bytes()
            analysis = analyse_document(read_document(data, name=name), nlp)
            units = analysis.units
            labels = label_units([u.text for u in units], gold)
            corpus.documents[f"{group}/{name}"] = group  # two writers may choose the same file name
            for unit, label in zip(units, labels):
                corpus.examples.append(Example(name, group, unit.text, span_features(unit.span, unit_context(unit, rule_hints(unit, analysis.extractor)[0])), label))
    return corpus


def train(examples: list[Example], *, seed: int = 13, epochs: int = 12, rate: float = 0.2, l2: float = 1e-5) -> RoleModel:
    """Logistic regression per role, AdaGrad, one example at a time in a seeded order."""
    size, n_roles = 1 << N_BITS, len(LEARNED_ROLES)
    weights = numpy.zeros((size, n_roles), dtype=numpy.float64)
    history = numpy.full((size, n_roles), 1e-8)
    bias = numpy.zeros(n_roles)
    bias_history = numpy.full(n_roles, 1e-8)
    # The roles are rare (a few percent of sentences): weigh positives up so that a
    # confident model is needed to push a sentence below 0.5.
    labels = numpy.asarray([e.labels for e in examples], dtype=numpy.float64) if examples else numpy.zeros((0, n_roles))
    positive_share = labels.mean(axis=0) if len(labels) else numpy.full(n_roles, 0.5)
    positive_weight = numpy.clip((1 - positive_share) / numpy.maximum(positive_share, 1e-3), 1.0, 4.0)
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            rows = examples[i].features
            y = labels[i]
            p = 1.0 / (1.0 + numpy.exp(-(weights[rows].sum(axis=0) + bias)))
            g = (p - y) * numpy.where(y > 0, positive_weight, 1.0)
            grad = g[None, :] + l2 * weights[rows]
            history[rows] += grad * grad
            weights[rows] -= rate * grad / numpy.sqrt(history[rows])
            bias_history += g * g
            bias -= rate * g / numpy.sqrt(bias_history)
    meta = {
        "trained": True,
        "roles": list(LEARNED_ROLES),
        "n_bits": N_BITS,
        "seed": seed,
        "epochs": epochs,
        "rate": rate,
        "l2": l2,
        "examples": len(examples),
        "positives": {role: int(labels[:, k].sum()) for k, role in enumerate(LEARNED_ROLES)} if len(labels) else {},
    }
    return RoleModel(weights.astype(numpy.float32), bias.astype(numpy.float32), meta)


def unit_scores(model: RoleModel, examples: list[Example]) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per role at 0.5 on the given examples (sentence level)."""
    if not examples:
        return {}
    probs = model.probabilities([e.features for e in examples])
    labels = numpy.asarray([e.labels for e in examples])
    out = {}
    for k, role in enumerate(LEARNED_ROLES):
        pred, gold = probs[:, k] >= 0.5, labels[:, k] == 1
        tp = int((pred & gold).sum())
        precision = tp / max(int(pred.sum()), 1)
        recall = tp / max(int(gold.sum()), 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[role] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "gold": int(gold.sum())}
    return out
