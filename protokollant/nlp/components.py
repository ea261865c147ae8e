"""Small rule-based German spaCy components; their vocabulary lives in models/."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

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
    """Marks decision, agreement, vote, postponement and hedging cues as ``doc.spans["cues"]``.

    Each line of the data file is {"label", "id", "phrases": [...]}; phrases
    match case-insensitively on token boundaries (a PhraseMatcher: the cues are
    fixed words, and it is several times faster than token patterns). The span
    label is the cue label, ``span.kb_id_`` the entry id (kept as evidence of
    why an item was extracted).
    """

    def __init__(self, nlp: Language, path: str):
        self.nlp = nlp
        self.path = path
        self.matcher: PhraseMatcher | None = None
        self.labels: dict[int, str] = {}
        self.cue_ids: dict[int, str] = {}

    def initialize(self, get_examples=None, nlp=None) -> None:
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for line in _resolve(self.path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            key = f"{entry['label']}|{entry['id']}"
            matcher.add(key, [self.nlp.make_doc(p) for p in entry["phrases"]])
            match_id = self.nlp.vocab.strings[key]
            self.labels[match_id] = entry["label"]
            self.cue_ids[match_id] = entry["id"]
        self.matcher = matcher

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            self.initialize()
        doc.spans["cues"] = [
            Span(doc, start, end, label=self.labels[match_id], kb_id=self.cue_ids[match_id])
            for match_id, start, end in self.matcher(doc)
        ]
        return doc
