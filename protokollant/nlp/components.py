"""Small rule-based German spaCy components; their vocabulary lives in models/."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..paths import models_dir


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else models_dir() / p


@Language.factory("protokollant_lemma_fixes", default_config={"path": "lemmas/fixes.tsv"})
def make_lemma_fixes(nlp: Language, name: str, path: str) -> LemmaFixes:
    return LemmaFixes(path)


class LemmaFixes:
    """Overrides lookup lemmas the German table gets wrong ("vereinbart", "Beschluß")."""

    def __init__(self, path: str):
        self.path = path
        self.table: dict[str, str] | None = None

    def initialize(self, get_examples=None, nlp=None) -> None:
        table = {}
        for line in _resolve(self.path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            form, lemma = line.split("\t")[:2]
            table[form.strip().lower()] = lemma.strip()
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.initialize()
        table = self.table
        for token in doc:
            lemma = table.get(token.lower_)
            if lemma is not None:
                token.lemma_ = lemma
        return doc


@Language.factory("protokollant_cues", default_config={"path": "cues/patterns.jsonl"})
def make_cues(nlp: Language, name: str, path: str) -> CueMatcher:
    return CueMatcher(nlp, path)


class CueMatcher:
    """Marks decision, agreement, vote, task and negative cues as ``doc.spans["cues"]``.

    Each pattern line in the data file is {"label", "id", "pattern"}; the span
    label is the cue label, ``span.kb_id_`` the pattern id (kept as evidence of
    why an item was extracted).
    """

    def __init__(self, nlp: Language, path: str):
        self.vocab = nlp.vocab
        self.path = path
        self.matcher: Matcher | None = None

    def initialize(self, get_examples=None, nlp=None) -> None:
        matcher = Matcher(self.vocab)
        for line in _resolve(self.path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            matcher.add(f"{entry['label']}|{entry['id']}", [entry["pattern"]])
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            self.initialize()
        spans = []
        strings = self.vocab.strings
        for match_id, start, end in self.matcher(doc):
            label, cue_id = strings[match_id].split("|", 1)
            span = doc[start:end]
            spans.append(doc.char_span(span.start_char, span.end_char, label=label, kb_id=cue_id) or span)
        doc.spans["cues"] = spans
        return doc
