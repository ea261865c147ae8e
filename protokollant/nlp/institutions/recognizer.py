"""The spaCy component ``protokollant_institutions``: factory, set-up of the
matchers from the data, the pass over a Doc, selection of non-overlapping spans,
aliases a document introduces, and serialisation."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Iterable, List, Optional

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from ..doc_places import document_places
from .data import FILES, SPANS_KEY, InstitutionData, load_data
from .grammar import PRIO_REGISTRY, PRIO_RULE, PRIO_WEAK, SpanGrammar

_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "des", "beim", "vom", "zum", "zur", "im", "ins"})
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI"})


@Language.factory(
    "protokollant_institutions",
    default_config={
        "data_dir": None,
        "registry_path": None,
        "patterns_path": None,
        "lexicon_path": None,
        "stoplist_path": None,
        "places_path": None,
        "extra_registry_paths": [],
        "spans_key": SPANS_KEY,
        "use_ner": True,
        "ner_labels": ["ORG"],
    },
)
def make_institution_recognizer(
    nlp: Language,
    name: str,
    data_dir: Optional[str],
    registry_path: Optional[str],
    patterns_path: Optional[str],
    lexicon_path: Optional[str],
    stoplist_path: Optional[str],
    places_path: Optional[str],
    extra_registry_paths: List[str],
    spans_key: str,
    use_ner: bool,
    ner_labels: List[str],
) -> "InstitutionRecognizer":
    return InstitutionRecognizer(
        nlp, name, data_dir=data_dir, registry_path=registry_path, patterns_path=patterns_path,
        lexicon_path=lexicon_path, stoplist_path=stoplist_path, places_path=places_path,
        extra_registry_paths=extra_registry_paths, spans_key=spans_key, use_ner=use_ner, ner_labels=ner_labels)


class _TokCache(dict):
    __slots__ = ("fn",)

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        val = self.fn(key)
        if len(self) > 500_000:
            self.clear()
        self[key] = val
        return val

# The heads of a part of an organisation ("Migrationsdienst", "Regionaldirektion", "Beratungsstelle").
_UNIT_TAILS = ("dienst", "direktion", "stelle", "abteilung", "referat", "büro")


class InstitutionRecognizer(SpanGrammar):
    """Doc -> Doc component; see the package docstring."""

    def __init__(self, nlp: Language, name: str = "protokollant_institutions", *, data_dir=None,
                 registry_path=None, patterns_path=None, lexicon_path=None, stoplist_path=None,
                 places_path=None, extra_registry_paths=(), spans_key: str = SPANS_KEY,
                 use_ner: bool = True, ner_labels: Iterable[str] = ("ORG",)):
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.name = name
        self.cfg = {
            "data_dir": data_dir, "registry_path": registry_path, "patterns_path": patterns_path,
            "lexicon_path": lexicon_path, "stoplist_path": stoplist_path, "places_path": places_path,
            "extra_registry_paths": [str(p) for p in (extra_registry_paths or [])],
        }
        self.spans_key = spans_key
        self.use_ner = use_ner
        self.ner_labels = frozenset(ner_labels)
        self.data: Optional[InstitutionData] = None
        self._doc_places: frozenset[str] = frozenset()  # of the Doc being processed

    # ------------------------------------------------------------ setup
    def initialize(self, get_examples=None, *, nlp: Optional[Language] = None, data_dir=None,
                   registry_path=None, patterns_path=None, lexicon_path=None, stoplist_path=None,
                   places_path=None, extra_registry_paths=None) -> None:
        """Load the data files (paths given here override the component config)."""
        for k, v in (("data_dir", data_dir), ("registry_path", registry_path), ("patterns_path", patterns_path),
                     ("lexicon_path", lexicon_path), ("stoplist_path", stoplist_path),
                     ("places_path", places_path)):
            if v is not None:
                self.cfg[k] = str(v)
        if extra_registry_paths is not None:
            self.cfg["extra_registry_paths"] = [str(p) for p in extra_registry_paths]
        self._setup(load_data(**self.cfg))

    def _setup(self, data: InstitutionData) -> None:
        vocab = self.vocab
        self.data = data
        self._pm_lower = PhraseMatcher(vocab, attr="LOWER")
        self._pm_orth = PhraseMatcher(vocab, attr="ORTH")
        by_canon: dict[str, list] = {}
        for v, canon in data.variant_map.items():
            by_canon.setdefault(canon, []).append(v)
        for canon, vs in by_canon.items():
            self._pm_lower.add(canon, list(self.nlp.tokenizer.pipe(vs)))
        by_canon = {}
        for v, canon in data.exact_map.items():
            by_canon.setdefault(canon, []).append(v)
        for canon, vs in by_canon.items():
            self._pm_orth.add(canon, list(self.nlp.tokenizer.pipe(vs)))
        self._kind_by_canon = {e["name"]: e["kind"] for e in data.entries}
        # matcher rules and the anchor strings that gate them
        self._matcher = Matcher(vocab, validate=True)
        self._mrules: dict[int, dict] = {}
        self._anchor_orths: set[str] = set()
        self._anchor_lowers: set[str] = set()
        self._always_match = False
        self._window = 0  # tokens around an anchor the matcher has to see
        for rule in data.matcher_rules:
            if any(spec.get("OP") in ("+", "*") for spec in rule["pattern"]):
                self._window = -1
            elif self._window >= 0:
                self._window = max(self._window, len(rule["pattern"]))
            self._matcher.add(rule["id"], [rule["pattern"]])
            self._mrules[vocab.strings[rule["id"]]] = rule
            anchored = False
            for spec in rule["pattern"]:
                if spec.get("OP") not in (None, "+", "1"):
                    continue
                for key, store in (("ORTH", self._anchor_orths), ("TEXT", self._anchor_orths),
                                   ("LOWER", self._anchor_lowers)):
                    val = spec.get(key)
                    if isinstance(val, str):
                        store.add(val)
                        anchored = True
                    elif isinstance(val, dict) and isinstance(val.get("IN"), list):
                        store.update(val["IN"])
                        anchored = True
                if anchored:
                    break
            self._always_match = self._always_match or not anchored
        self._tok = _TokCache(self._classify)
        self._is_acronym = _TokCache(self._acronym_word)
        self._is_place_head = _TokCache(self._place_head_word)

    def _ensure(self) -> InstitutionData:
        if self.data is None:
            self.initialize()
        return self.data  # type: ignore[return-value]

    def _classify(self, orth: int):
        """Per string: (head info, matcher anchor?, registry canonical of an
        abbreviation prefix as in "IHK-Vertreter"), or None."""
        d = self.data
        w = self.vocab.strings[orth]
        head = d.head_lookup(w)
        anchor = w in self._anchor_orths or w.lower() in self._anchor_lowers
        abbr = d.mention_in_compound(w) if head is None and len(w) > 5 else None
        if head is None and not anchor and abbr is None:
            return None
        return (head, anchor, abbr)

    # ------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        d = self._ensure()
        n = len(doc)
        if n == 0:
            doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key)
            return doc
        tok = self._tok
        orths = doc.to_array(ORTH).tolist()
        interesting = [(i, info) for i, o in enumerate(orths) if (info := tok[o]) is not None]
        cands: list[tuple[int, int, str, str, int]] = []
        reg_start: dict[int, int] = {}
        strings = self.vocab.strings
        # 1. registry
        matches = self._pm_lower(doc) + self._pm_orth(doc)
        head_ends = [e for _m, _s, e in matches] + [i + 1 for i, (head, _a, _b) in interesting if head is not None]
        self._doc_places = document_places(doc, orths, head_ends, self._is_place_head.__getitem__,
                                           lambda t: self._name_tok(t, "name"))
        if matches:
            for mid, s, e in matches:
                if reg_start.get(s, 0) < e:
                    reg_start[s] = e
            titles = d.titles
            for mid, s, e in matches:
                canon = strings[mid]
                kind = self._kind_by_canon.get(canon, "ORG")
                if kind == "gremium" and e < n and (doc[e].lower_ in titles or (
                        doc[e].lower_ in d.first_names and doc[e].text[:1].isupper())):
                    continue  # "Stadtrat Herr Müller", "Gemeinderat Markus Ruf": a person's role
                e2 = self._place(doc, e)
                if e2 == e and canon in d.regional_bodies:
                    e2 = self._region(doc, e)
                if e2 > e and canon.rsplit(" ", 1)[-1] not in d.places:
                    canon = d.canonical_name(doc[s:e2].text)
                cands.append((s, e2, kind, canon, PRIO_REGISTRY))
        cands.extend(self._acronym_candidates(doc, orths, reg_start))
        if interesting:
            anchors = []
            for i, (head, anchor, abbr) in interesting:
                if head is not None:
                    c = self._head_span(doc, i, head, reg_start)
                    if c is not None:
                        cands.append(c)
                elif abbr is not None:
                    cands.append((i, i + 1, self._kind_by_canon.get(abbr, "ORG"), abbr, PRIO_WEAK))
                if anchor:
                    anchors.append(i)
            # 2. matcher rules (legal forms, prefix abbreviations)
            if anchors or self._always_match:
                for mid, s, e in self._run_matcher(doc, anchors):
                    c = self._matcher_span(doc, self._mrules[mid], s, e, reg_start)
                    if c is not None:
                        cands.append(c)
        elif self._always_match:
            for mid, s, e in self._run_matcher(doc, []):
                c = self._matcher_span(doc, self._mrules[mid], s, e, reg_start)
                if c is not None:
                    cands.append(c)
        # 3. statistical NER
        if self.use_ner and doc.ents:
            for ent in doc.ents:
                if ent.label_ in self.ner_labels:
                    c = self._ner_span(doc, ent.start, ent.end)
                    if c is not None:
                        cands.append(c)
        aliases: dict[str, list[str]] = {}
        selected = self._select(doc, cands) if cands else []
        if len(selected) > 1:
            selected = self._join_subunits(doc, selected)
        # "die Beratungsstelle" alone is one of its kind; "Beratungsstelle der Caritas" (joined above) is a body
        selected = [c for c in selected if c[3].lower() not in d.bare_kinds]
        if selected:
            selected = self._learn_aliases(doc, orths, selected, aliases)
        spans = [Span(doc, s, e, label=kind, kb_id=canon) for s, e, kind, canon, _p in selected]
        group = SpanGroup(doc, name=self.spans_key, attrs={"aliases": aliases} if aliases else {}, spans=spans)
        doc.spans[self.spans_key] = group
        return doc

    def _acronym_candidates(self, doc: Doc, orths: list[int], reg_start: dict) -> list:
        """Unknown abbreviations that name a local organisation (one pass over the tokens):

        * followed by a place of the document: "GS Eichenried", "BBS II Kellenbach", "HV Oberland";
        * after an article (or a preposition fused with one): "beim HTV", "mit der GLP", "vom CJD"
          (persons' initials and plain abbreviations, "die KW", "das PDF", take none)."""
        out = []
        n = len(doc)
        for i, orth in enumerate(orths):
            if not self._is_acronym[orth] or i in reg_start:
                continue
            j = i + 1
            if j < n and doc[j].text in _ROMAN:
                j += 1
            e = self._place(doc, j)
            if e > j:
                out.append((i, e, "ORG", doc[i:e].text, PRIO_WEAK))
            elif i and len(doc[i].text) >= 3 and doc[i - 1].lower_ in _ARTICLES and not (
                    i + 1 < n and doc[i + 1].text in ("-", "–")):
                out.append((i, i + 1, "ORG", doc[i].text, PRIO_WEAK))
        return out

    def _acronym_word(self, orth: int) -> bool:
        txt = self.vocab.strings[orth]
        return (2 <= len(txt) <= 5 and txt.isupper() and txt.isalpha() and txt not in _ROMAN
                and txt.lower() not in self.data.not_org_acronyms)

    def _place_head_word(self, orth: int) -> bool:
        txt = self.vocab.strings[orth]
        return txt[:1].isupper() and txt.lower() in self.data.place_heads

    def _run_matcher(self, doc: Doc, anchors: list[int]) -> list[tuple[int, int, int]]:
        """Run the Matcher only on small windows around anchor tokens (all
        patterns have a fixed length and a literal anchor), else on the doc."""
        w = self._window
        if self._always_match or w < 0 or not anchors:
            return self._matcher(doc)
        n = len(doc)
        out: set[tuple[int, int, int]] = set()
        a0 = b0 = -1
        for i in anchors:
            a, b = max(0, i - w), min(n, i + w + 1)
            if a0 >= 0 and a <= b0:
                b0 = b
                continue
            if a0 >= 0:
                out.update((m, s + a0, e + a0) for m, s, e in self._matcher(doc[a0:b0]))
            a0, b0 = a, b
        out.update((m, s + a0, e + a0) for m, s, e in self._matcher(doc[a0:b0]))
        return sorted(out, key=lambda x: (x[1], x[2]))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128):
        for doc in stream:
            yield self(doc)

    def _select(self, doc: Doc, cands: list) -> list:
        d = self.data
        taken = bytearray(len(doc))
        out = []
        for c in sorted(cands, key=lambda c: (c[0] - c[1], c[4], c[0])):
            s, e, _k, canon, _p = c
            if any(taken[s:e]):
                continue
            if d.is_excluded(canon):
                continue
            if _p != PRIO_REGISTRY and any(doc[j].like_url or doc[j].like_email for j in range(s, e)):
                continue  # registry strings are exact ("ver.di" looks like a URL to spaCy)
            taken[s:e] = b"\x01" * (e - s)
            out.append(c)
        out.sort()
        return out

    def _join_subunits(self, doc: Doc, selected: list) -> list:
        """"Deutscher Kinderschutzbund Ortsverband Brenzingen", "VdK Ortsverband Marienhall": an
        organisation and its branch named right after it are one institution."""
        words = self.data.subunit_words
        out = [selected[0]]
        for c in selected[1:]:
            s, e, kind, _canon, prio = out[-1]
            if (c[0] == e + 1 and doc[e].lower_ in ("der", "des") and kind != "gremium" and c[2] != "gremium"
                    and doc[s:e].text.split()[0].lower().endswith(_UNIT_TAILS)
                    and doc[c[0]].lower_ not in self.data.place_heads):  # "… der Stadt Leipzig": a town's office
                # "Migrationsdienst der Diakonie", "Regionaldirektion Mitte der Bundesagentur für Arbeit":
                # a service or office of the organisation named after it is one institution.
                out[-1] = (s, c[1], kind, self.data.canonical_name(doc[s:c[1]].text), prio)
                continue
            if c[0] == e and doc[c[0]].lower_ in words:
                out[-1] = (s, c[1], kind, self.data.canonical_name(doc[s:c[1]].text), prio)
            else:
                out.append(c)
        return out

    def _learn_aliases(self, doc: Doc, orths: list, selected: list, aliases: dict) -> list:
        """ "Name (ABBR)" and "Name e.V." introduce aliases; later mentions of
        the alias in the same doc become spans with the full canonical name."""
        d = self.data
        n = len(doc)
        learned: dict[str, str] = {}
        kinds: dict[str, str] = {}
        skip: set[int] = set()
        for s, e, kind, canon, _p in selected:
            kinds[canon] = kind
            if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")":
                ab = doc[e + 1].text
                if 2 <= len(ab) <= 12 and sum(c.isupper() for c in ab) >= 2 and not ab.isdigit():
                    known = d.exact_map.get(ab)
                    if known is None or known == canon:
                        learned[ab] = canon
                        skip.add(e + 1)
            if e - s == 2 and doc[e - 1].text in d.legal_single and doc[e - 1].text in ("e.V.", "eV", "gGmbH", "GmbH"):
                core = doc[s].text
                if any(c.isupper() for c in core[1:]) or "-" in core:
                    learned.setdefault(core, canon)
        if not learned:
            return selected
        for ab, canon in learned.items():
            aliases.setdefault(canon, []).append(ab)
        taken = bytearray(n)
        for s, e, *_ in selected:
            taken[s:e] = b"\x01" * (e - s)
        extra = []
        by_orth = {self.vocab.strings.add(ab): canon for ab, canon in learned.items()}
        for i, o in enumerate(orths):
            canon = by_orth.get(o)
            if canon is not None and not taken[i] and i not in skip:
                extra.append((i, i + 1, kinds.get(canon, "ORG"), canon, PRIO_RULE))
        return sorted(selected + extra) if extra else selected

    # ------------------------------------------------------------ serialisation
    def to_disk(self, path, *, exclude=tuple()) -> None:
        d = self._ensure()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        extras = []
        shutil.copyfile(d.registry_paths[0], path / FILES["registry_path"])
        for k, p in enumerate(d.registry_paths[1:]):
            name = f"registry_extra_{k}.jsonl"
            shutil.copyfile(p, path / name)
            extras.append(name)
        for key, src in (("patterns_path", d.patterns_path), ("lexicon_path", d.lexicon_path),
                         ("stoplist_path", d.stoplist_path), ("places_path", d.places_path)):
            shutil.copyfile(src, path / FILES[key])
        (path / "cfg.json").write_text(json.dumps({"extra_registry_files": extras}), encoding="utf-8")

    def from_disk(self, path, *, exclude=tuple()) -> "InstitutionRecognizer":
        path = Path(path)
        cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8")) if (path / "cfg.json").exists() else {}
        self.cfg = {"data_dir": str(path), "registry_path": None, "patterns_path": None, "lexicon_path": None,
                    "stoplist_path": None, "places_path": None,
                    "extra_registry_paths": [str(path / f) for f in cfg.get("extra_registry_files", [])]}
        self._setup(load_data(**self.cfg))
        return self
