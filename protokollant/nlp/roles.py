"""Sentence roles: a trained linear model that gives a sentence its probability of being
a decision of the meeting and of being a task.

The features are the sentence's words and lemmas (and lemma pairs), its first and last
words, the cue spans the rule components found in it (``doc.spans["cues"]``: the rules'
hits are features, so the model learns how far to trust each of them), a few shapes
(question mark, vote count, date) and, when the caller knows them, layout facts the Doc
does not carry ("under a 'Vereinbarungen:' label", "a list item"). Features are hashed
with spaCy's stable string hash into a fixed table, one logistic regression per role;
trained by ``scripts/train_roles.py`` on the project corpus, weights in ``models/roles/``.

Rules that are exact (vote counts, questions) are roles of their own, assigned by rule.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from ..paths import models_dir
from .spans import doc_text, spans_within

LEARNED_ROLES = ("decision", "task")
RULE_ROLES = ("vote_result", "question")
N_BITS = 18
SPAN_KEY = "roles"
DEFERRED_KEY = "protokollant.roles_deferred"
"""Set on a Doc whose sentences the caller scores itself (extraction scores its own units)."""

_VOTE = re.compile(r"\b\d{1,3}\s*[/:]\s*\d{1,3}\s*[/:]\s*\d{1,3}\b|\beinstimmig\b|\bJa[-\s]*Stimmen\b|\bEnthaltung", re.I)
_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\bKW\s?\d{1,2}\b|\bbis\b", re.I)


def _hash(*parts: str) -> int:
    return hash_string("\x1f".join(parts))


class RoleModel:
    """Weights of one logistic regression per learned role over hashed features."""

    def __init__(self, weights: numpy.ndarray | None = None, bias: numpy.ndarray | None = None, meta: dict | None = None):
        size = 1 << N_BITS
        self.weights = weights if weights is not None else numpy.zeros((size, len(LEARNED_ROLES)), dtype=numpy.float32)
        self.bias = bias if bias is not None else numpy.zeros(len(LEARNED_ROLES), dtype=numpy.float32)
        self.meta = meta or {}

    @property
    def trained(self) -> bool:
        return bool(self.meta.get("trained"))

    def probabilities(self, rows: list[numpy.ndarray]) -> numpy.ndarray:
        """One row of feature indices per sentence → (n, roles) probabilities."""
        if not rows:
            return numpy.zeros((0, len(LEARNED_ROLES)), dtype=numpy.float32)
        logits = numpy.stack([self.weights[r].sum(axis=0) for r in rows]) + self.bias
        return 1.0 / (1.0 + numpy.exp(-logits))

    def to_disk(self, path: Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # Most of the table is zero (unseen hash slots): store the used rows only.
        used = numpy.flatnonzero(numpy.any(self.weights != 0, axis=1))
        numpy.savez_compressed(path / "weights.npz", rows=used.astype(numpy.int32), values=self.weights[used], bias=self.bias)
        (path / "meta.json").write_text(json.dumps(self.meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, path: Path) -> "RoleModel":
        path = Path(path)
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if meta.get("n_bits") != N_BITS or tuple(meta.get("roles", ())) != LEARNED_ROLES:
            raise ValueError(f"{path}: Rollenmodell passt nicht zu diesem Programm (n_bits/roles)")
        with numpy.load(path / "weights.npz") as data:
            weights = numpy.zeros((1 << N_BITS, len(LEARNED_ROLES)), dtype=numpy.float32)
            weights[data["rows"]] = data["values"]
            bias = data["bias"].astype(numpy.float32)
        return cls(weights, bias, meta)


def _token_rows(span: Span) -> numpy.ndarray:
    """Per token of the span: lower-case form id, case-folded lemma id, is_punct, is_space.

    Lemmas are case-sensitive in the lookup table ("Beschluss"/"beschluss"): each distinct
    lemma is folded once per Doc (the Doc caches its arrays and the folded ids), and only
    for the sentences scored: usually a few of a Doc's."""
    doc = span.doc
    cached = doc.user_data.get(_ARRAYS_KEY)
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data[_ARRAYS_KEY] = (len(doc), None, {})
    _, arrays, folded = cached
    if arrays is None and len(span) * _SPAN_SHARE < len(doc):
        # A short span of a long Doc (extraction scores a unit or two of a whole document):
        # its tokens' values, the same the Doc's arrays hold, without reading every token of the Doc.
        rows = numpy.array([(t.lower, t.lemma, t.is_punct, t.is_space) for t in span], dtype=numpy.uint64).reshape(-1, 4)
    else:
        if arrays is None:
            arrays = doc.to_array([LOWER, LEMMA, IS_PUNCT, IS_SPACE])
            doc.user_data[_ARRAYS_KEY] = (len(doc), arrays, folded)
        rows = arrays[span.start : span.end].copy()
    if len(rows):
        strings = doc.vocab.strings
        lemmas = []
        for x in rows[:, 1].tolist():
            f = folded.get(x)
            if f is None:
                f = folded[x] = hash_string(strings[x].casefold())
            lemmas.append(f)
        rows[:, 1] = numpy.asarray(lemmas, dtype=numpy.uint64)
    return rows


_ARRAYS_KEY = "protokollant.role_arrays"  # (length of the Doc, its arrays or None, folded lemma ids)
_SPAN_SHARE = 8
"""A span shorter than this share of its Doc is read token by token, a longer one from the Doc's arrays."""
# Namespaces of the numeric features: a word, a lemma, a lemma pair, first/last lemma.
_NS = {name: numpy.uint64(hash_string(name)) for name in ("w", "l", "b1", "b2", "first", "last", "first2")}
_ODD = numpy.uint64(0x9E3779B97F4A7C15)


def _mix(ids: numpy.ndarray, namespace: str) -> numpy.ndarray:
    mixed = (ids ^ _NS[namespace]) * _ODD  # wraps around (uint64 arrays do not warn)
    return mixed ^ (mixed >> numpy.uint64(29))  # the high bits into the low ones the table uses


def span_features(span: Span, context: tuple[str, ...] = ()) -> numpy.ndarray:
    """Hashed feature indices of one sentence (unique, sorted)."""
    doc = span.doc
    rows = _token_rows(span)
    rows = rows[rows[:, 3] == 0]  # no whitespace tokens
    lower, lemma = rows[:, 0], rows[:, 1]
    content = lemma[rows[:, 2] == 0]  # no punctuation
    numeric = [_mix(lower, "w"), _mix(lemma, "l")]
    if len(content) > 1:
        numeric.append(_mix(content[:-1], "b1") ^ _mix(content[1:], "b2"))
        numeric.append(_mix(content[:1] ^ _mix(content[1:2], "b1"), "first2"))
    if len(content):
        numeric.append(_mix(content[:1], "first"))
        numeric.append(_mix(content[-1:], "last"))
    feats: list[int] = [_hash("bias")]
    n = len(content)
    text = doc_text(doc)[span.start_char : span.end_char]
    feats.append(_hash("len", str(min(n, 40) // 5)))
    if text.rstrip().endswith("?"):
        feats.append(_hash("shape", "question"))
    if text.rstrip().endswith(":"):
        feats.append(_hash("shape", "colon_end"))
    if _VOTE.search(text):
        feats.append(_hash("shape", "vote"))
    if _DATE.search(text):
        feats.append(_hash("shape", "date"))
    if ":" in text[:25]:
        feats.append(_hash("shape", "key_colon"))
    for cue in spans_within(span, "cues"):
        feats.append(_hash("cue", cue.label_))
        if cue.kb_id_:
            feats.append(_hash("cuek", cue.label_, cue.kb_id_))
    feats.extend(_hash("ctx", c) for c in context)
    numeric.append(numpy.asarray(feats, dtype=numpy.uint64))
    return numpy.unique(numpy.concatenate(numeric) & numpy.uint64((1 << N_BITS) - 1)).astype(numpy.int64)


def rule_roles(text: str) -> list[str]:
    out = []
    if _VOTE.search(text):
        out.append("vote_result")
    if text.rstrip().endswith("?"):
        out.append("question")
    return out


@Language.factory(
    "protokollant_sentence_roles",
    assigns=["doc.spans"],
    requires=["doc.sents"],
    default_config={"path": "roles", "decision_weight": 0.3, "task_veto": 0.2, "owned_task_veto": 0.0, "task_add": 0.0,
                    "decision_pass": 0.0},
)
def make_sentence_roles(nlp: Language, name: str, path: str, decision_weight: float, task_veto: float,
                        owned_task_veto: float, task_add: float, decision_pass: float) -> "SentenceRoles":
    return SentenceRoles(name, path, decision_weight, task_veto, owned_task_veto, task_add, decision_pass)


class SentenceRoles:
    """Assigns ``doc.spans["roles"]``: each sentence with the roles whose probability is at
    least 0.5 (learned) or whose rule holds; ``span.attrs`` is not used, the probabilities of
    a sentence come from :meth:`score`. ``decision_weight``, ``decision_pass``, ``task_veto``,
    ``owned_task_veto`` and ``task_add`` say how the extractors weigh the model against their
    rules (see extract/roles.py); 0 switches ``decision_pass`` and ``task_add`` off."""

    def __init__(self, name: str, path: str, decision_weight: float, task_veto: float, owned_task_veto: float = 0.0,
                 task_add: float = 0.0, decision_pass: float = 0.0):
        self.name = name
        self.path = path
        self.decision_weight = decision_weight
        self.task_veto = task_veto
        self.owned_task_veto = owned_task_veto
        self.task_add = task_add
        self.decision_pass = decision_pass
        self.model: RoleModel | None = None

    def initialize(self, get_examples=None, nlp=None) -> None:
        folder = Path(self.path)
        folder = folder if folder.is_absolute() else models_dir() / folder
        self.model = RoleModel.from_disk(folder) if (folder / "meta.json").exists() else RoleModel()

    def score(self, spans: list[Span], contexts: list[tuple[str, ...]] | None = None) -> numpy.ndarray:
        """(n, len(LEARNED_ROLES)) probabilities for the given sentences."""
        if self.model is None:
            self.initialize()
        contexts = contexts or [()] * len(spans)
        return self.model.probabilities([span_features(s, c) for s, c in zip(spans, contexts)])

    def __call__(self, doc: Doc) -> Doc:
        if doc.user_data.get(DEFERRED_KEY):
            return doc
        sents = list(doc.sents) if len(doc) else []
        probs = self.score(sents)
        group = []
        for sent, p in zip(sents, probs):
            for role, value in zip(LEARNED_ROLES, p):
                if value >= 0.5:
                    group.append(Span(doc, sent.start, sent.end, label=role))
            for role in rule_roles(doc_text(doc)[sent.start_char : sent.end_char]):
                group.append(Span(doc, sent.start, sent.end, label=role))
        doc.spans[SPAN_KEY] = group
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        (self.model or RoleModel()).to_disk(Path(path))

    def from_disk(self, path, exclude=tuple()) -> "SentenceRoles":
        self.model = RoleModel.from_disk(Path(path))
        return self
