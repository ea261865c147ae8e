"""Small rule-based German spaCy components; their vocabulary lives in models/."""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path

import numpy
from spacy.attrs import IS_PUNCT, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from ..paths import models_dir


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else models_dir() / p


@Language.factory(
    "protokollant_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False, "scorer": {"@scorers": "spacy.senter_scorer.v1"}},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(nlp: Language, name: str, punct_chars, overwrite: bool, scorer) -> ArraySentencizer:
    return ArraySentencizer(name, punct_chars=punct_chars, overwrite=overwrite, scorer=scorer)


class ArraySentencizer(Sentencizer):
    """spaCy's sentencizer with its ``predict`` computed on token arrays: the same sentence
    starts without a Python Token object (and its text) for every token of a Doc.

    spaCy's rule: a sentence starts at the first token and at every token that is neither
    punctuation nor one of ``punct_chars`` when one of ``punct_chars`` came after the last
    such token. A token is one of ``punct_chars`` when its ORTH id is the string's hash."""

    asides = True
    """Whether an end inside a short bracket is the aside's, not the sentence's (spaCy's rule without)."""

    def predict(self, docs):
        if not any(len(doc) for doc in docs):
            return [[] for doc in docs]
        key = frozenset(self.punct_chars)
        if getattr(self, "_punct_key", None) != key:
            self._punct_key, self._punct_ids = key, numpy.sort(numpy.fromiter((hash_string(c) for c in key), dtype="uint64"))
        guesses = []
        for doc in docs:
            n = len(doc)
            starts = numpy.zeros(n, dtype=bool)
            if n:
                arr = doc.to_array([ORTH, IS_PUNCT])
                ids = self._punct_ids  # sorted: each ORTH id looked up by bisection
                found = numpy.searchsorted(ids, arr[:, 0]) % max(len(ids), 1)
                ends = ids[found] == arr[:, 0] if len(ids) else numpy.zeros(n, dtype=bool)  # "." "!" "?" …
                if self.asides:
                    _no_ends_in_brackets(doc, arr[:, 0], ends)
                words = numpy.flatnonzero(~(ends | (arr[:, 1] != 0)))  # neither punctuation nor an end
                before = numpy.concatenate(([0], numpy.cumsum(ends)))  # ends before each position
                previous = numpy.concatenate(([-1], words[:-1]))
                # An end between the previous such token and this one: a sentence starts here.
                starts[words[before[words] - before[previous + 1] > 0]] = True
                # "… Masterplan 2020. Paula schickt …": a year (or a date) with its full stop is one
                # token (German ordinals keep theirs: "am 3. Mai"); before a capitalised word it ends
                # the sentence (a four-digit ordinal is rare).
                for i in numpy.flatnonzero(numpy.isin(arr[:, 0], self._year_ends(doc, arr[:, 0]))):
                    if i + 1 < n and doc[i + 1].is_title:
                        starts[i + 1] = True
                starts[0] = True
            guesses.append(starts.tolist())
        return guesses

    def _year_ends(self, doc, orths) -> list[int]:
        """The ORTH ids of the doc that are a year or date closed by a full stop ("2020.", "12.03.2020.")."""
        cache = self.__dict__.setdefault("_year_cache", {})
        strings = doc.vocab.strings
        out = []
        for orth in set(orths.tolist()):
            hit = cache.get(orth)
            if hit is None:
                text = strings[orth]
                hit = cache[orth] = len(text) >= 5 and text[-1] == "." and _YEAR_END.match(text) is not None
            if hit:
                out.append(orth)
        return out


_OPEN, _CLOSE = hash_string("("), hash_string(")")
_BRACKET_SPAN = 30
"""The most tokens a bracket may hold to be one aside (an unclosed "(" must not swallow the text)."""


def _no_ends_in_brackets(doc: Doc, orths, ends) -> None:
    """"Um die Seite (Dr. Jekyll or Mr. Hyde?) kümmert sich K.": a question or full stop inside a
    short bracket ends the aside, not the sentence around it."""
    opens = numpy.flatnonzero(orths == _OPEN)
    if not len(opens):
        return
    closes = numpy.flatnonzero(orths == _CLOSE)
    for i in opens.tolist():
        k = numpy.searchsorted(closes, i)
        if k == len(closes) or closes[k] - i > _BRACKET_SPAN:
            continue
        j = int(closes[k])
        if any(tok.is_space and "\n" in tok.text for tok in doc[i + 1 : j]):
            continue  # a bracket never spans paragraphs
        ends[i + 1 : j] = False


_YEAR_END = re.compile(r"^(?:\d{1,2}\.\d{1,2}\.)?(?:19|20)\d{2}\.$")


@Language.factory("protokollant_lookup_lemmatizer", default_config={"table": "lemma_lookup"})
def make_lookup_lemmatizer(nlp: Language, name: str, table: str) -> LookupLemmatizer:
    return LookupLemmatizer(nlp.lang, table)


class LookupLemmatizer:
    """spaCy's lookup lemmatizer (the form's lemma from the language's lookup
    table, else the form itself), computed on token arrays with a per-form cache:
    the same result as ``lemmatizer`` in lookup mode at a fraction of its cost,
    which creates a Python Token object for every token."""

    def __init__(self, lang: str, table: str):
        self.lang = lang
        self.table_name = table
        self.table = None
        self._cache: dict[int, int] = {}  # orth id -> lemma id

    def initialize(self, get_examples=None, nlp=None) -> None:
        self.table = lookup_table(self.lang, self.table_name)
        self._cache = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.initialize()
        if not len(doc):
            return doc
        cache, table, strings = self._cache, self.table, doc.vocab.strings
        lemmas = []
        for orth in doc.to_array(ORTH).tolist():
            lemma = cache.get(orth)
            if lemma is None:
                form = table.get(orth)
                lemma = cache[orth] = orth if form is None else strings.add(form)
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@Language.factory("protokollant_lemma_fixes", default_config={"path": "lemmas/fixes.tsv"})
def make_lemma_fixes(nlp: Language, name: str, path: str) -> LemmaFixes:
    return LemmaFixes(path)


class LemmaFixes:
    """Overrides lookup lemmas the German table gets wrong ("vereinbart", "Beschluß")."""

    def __init__(self, path: str):
        self.path = path
        self.table: dict[str, str] | None = None
        self._ids: dict[int, str] = {}  # lowercase form id -> lemma

    def initialize(self, get_examples=None, nlp=None) -> None:
        table = {}
        for line in _resolve(self.path).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            form, lemma = line.split("\t")[:2]
            table[form.strip().lower()] = lemma.strip()
        self.table = table
        self._ids = {hash_string(form): lemma for form, lemma in table.items()}

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            self.initialize()
        ids = self._ids
        # Most Docs have no form to fix: look at the lowercase ids first, touch tokens only on a hit.
        for i, lower in enumerate(doc.to_array(LOWER).tolist()):
            lemma = ids.get(lower)
            if lemma is not None:
                doc[i].lemma_ = lemma
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
    why an item was extracted). Label OVERRIDE marks a phrase that neutralises
    the cues inside it ("nach kurzer Diskussion" is how a decision is
    introduced, not a hedge): those are dropped, the OVERRIDE span is kept.
    Entries with "patterns" hold spaCy Matcher token patterns (separable verbs:
    "wir sagen den Auftritt ab"); their spans also replace the cues inside them.
    """

    def __init__(self, nlp: Language, path: str):
        self.nlp = nlp
        self.path = path
        self.matcher: PhraseMatcher | None = None
        self.token_matcher: Matcher | None = None
        self.labels: dict[int, str] = {}
        self.cue_ids: dict[int, str] = {}

    def initialize(self, get_examples=None, nlp=None) -> None:
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        token_matcher = Matcher(self.nlp.vocab)
        token_patterns: list[list[dict]] = []
        by_key: dict[str, tuple[Matcher, list[list[dict]]]] = {}  # one Matcher per cue key
        for line in _resolve(self.path).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            key = f"{entry['label']}|{entry['id']}"
            if entry.get("phrases"):
                matcher.add(key, [self.nlp.make_doc(p) for p in entry["phrases"]])
            if entry.get("patterns"):
                # Token patterns for what fixed phrases cannot say: separable verbs
                # with words between ("wir sagen den Auftritt ab").
                token_matcher.add(key, entry["patterns"], greedy="LONGEST")
                token_patterns.extend(entry["patterns"])
                own, patterns = by_key.setdefault(key, (Matcher(self.nlp.vocab), []))
                own.add(key, entry["patterns"], greedy="LONGEST")
                patterns.extend(entry["patterns"])
            match_id = self.nlp.vocab.strings[key]
            self.labels[match_id] = entry["label"]
            self.cue_ids[match_id] = entry["id"]
        self.matcher = matcher
        self.token_matcher = token_matcher if len(token_matcher) else None
        self._anchors, _ = _anchors(token_patterns, self.nlp.vocab.strings)
        strings = self.nlp.vocab.strings
        # Per cue key, its own Matcher and, per pattern of it, the word ids a match must contain
        # (one set per required token). A key's matches are filtered (LONGEST) among themselves
        # only, so matching the keys one by one finds what the joint Matcher finds.
        self._entries = [
            (own, [[frozenset(strings.add(w) for w in words) for words in _required_words(p)] for p in patterns])
            for own, patterns in by_key.values()
        ]

    def __call__(self, doc: Doc) -> Doc:
        if self.matcher is None:
            self.initialize()
        spans = [
            Span(doc, start, end, label=self.labels[match_id], kb_id=self.cue_ids[match_id])
            for match_id, start, end in self.matcher(doc)
        ]
        # A token-pattern cue spans a whole construction ("wir stimmen dem Vorschlag zu"):
        # like OVERRIDE phrases, it replaces the cues inside it ("Vorschlag").
        containers = [(sp.start, sp.end) for sp in spans if sp.label_ == "OVERRIDE"]
        if self.token_matcher is not None:
            for match_id, start, end in self._token_matches(doc):
                spans.append(Span(doc, start, end, label=self.labels[match_id], kb_id=self.cue_ids[match_id]))
                containers.append((start, end))
        if containers:
            spans = [
                sp for sp in spans
                if (sp.start, sp.end) in containers or not any(s <= sp.start and sp.end <= e for s, e in containers)
            ]
        doc.spans["cues"] = spans
        return doc

    def _token_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Token-pattern matches, looked for only around the words every pattern needs:
        the Matcher over a whole document costs more than all other cues together."""
        if self._anchors is None:
            return list(self.token_matcher(doc))
        anchors = self._anchors
        lowers = doc.to_array(LOWER).tolist()
        hits = [(i, anchors[lower]) for i, lower in enumerate(lowers) if lower in anchors]
        found: set[tuple[int, int, int]] = set()
        for i, w in hits:
            lo, hi = max(0, i - w + 1), min(len(doc), i + w)
            # Only the entries whose patterns find every word they need in the window (mostly
            # none): the Matcher evaluates its set and regex predicates token by token for each
            # pattern it holds, which made one joint run per window cost more than the rest.
            present = set(lowers[lo:hi])
            window = None
            for own, needs in self._entries:
                if not any(all(not words.isdisjoint(present) for words in need) for need in needs):
                    continue
                window = window if window is not None else doc[lo:hi]
                for match_id, start, end in own(window):
                    found.add((match_id, lo + start, lo + end))
        return sorted(found, key=lambda m: (m[1], m[2]))


# Function words a pattern may need but should not be searched from: "zu", "werden" and
# "dass" occur in most sentences, so windows around them would cover nearly every token.
_COMMON_ANCHOR_WORDS = frozenset({
    "zu", "wir", "sich", "dass", "werden", "wird", "und", "ab", "an", "es", "ist", "am", "im", "in", "für", "über",
    "mit", "von", "auf", "alle", "hat", "haben", "hatte", "hatten", "der", "die", "das", "den", "dem",
})


def _anchors(patterns: list[list[dict]], strings) -> tuple[dict[int, int] | None, int]:
    """({id of a word one of which every pattern contains: the longest match of the patterns
    anchored on it}, longest possible match), or (None, 0) when some pattern has no required
    word or no length bound (then the whole document is searched). Each pattern is anchored
    on its rarest required token: a fixed word or an "IN" list, function words only when
    there is nothing else. A match always contains its pattern's anchor, so the window
    around each anchor needs to be only as long as the patterns anchored on it."""
    anchors: dict[int, int] = {}
    longest = 0
    for pattern in patterns:
        required = _required_words(pattern)
        length = 0
        for token in pattern:
            op = token.get("OP", "")
            if op in ("*", "+"):
                return None, 0
            bound = re.fullmatch(r"\{\d*,?(\d+)\}", op)
            length += int(bound.group(1)) if bound else 1
        if not required:
            return None, 0
        best = min(required, key=lambda words: (bool(words & _COMMON_ANCHOR_WORDS), len(words)))
        for word in best:
            key = strings.add(word)
            anchors[key] = max(anchors.get(key, 0), length)
        longest = max(longest, length)
    return anchors, longest


def _required_words(pattern: list[dict]) -> list[frozenset[str]]:
    """The words a match of a token pattern must contain: one set per token that is neither
    optional nor repeated and names its lowercase form (a fixed word or an "IN" list)."""
    required: list[frozenset[str]] = []
    for token in pattern:
        lower = token.get("LOWER")
        if token.get("OP", "") == "":
            if isinstance(lower, str):
                required.append(frozenset({lower}))
            elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
                required.append(frozenset(lower["IN"]))
    return required


@functools.lru_cache(maxsize=4)
def lookup_table(lang: str, name: str) -> dict[int, str]:
    """The lookup table, one read-only copy per process: the lemmatizer and the owner check
    of extract.lexicon read the same one."""
    return _lookup_table(lang, name)


def _lookup_table(lang: str, name: str) -> dict[int, str]:
    """A spacy-lookups-data table as {form id: lemma}.

    Reading the packaged gzip JSON takes about a second, most of the start-up of
    ``protokollant process``; the first load therefore leaves a copy in the cache
    folder as an id array plus a text file (no pickle: nothing in it can run code),
    read back in about a tenth of that. A missing, stale or broken cache is rebuilt.
    """
    import importlib.metadata

    from spacy.lookups import load_lookups

    from ..paths import cache_dir

    try:
        version = importlib.metadata.version("spacy-lookups-data")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    # Names built whole: Path.with_suffix would take the version's last part for a suffix
    # ("…-1.0.5" → "…-1.0.ids.npy") and a new table release would read the old cache.
    folder, stem = cache_dir(), f"{lang}-{name}-{version}"
    ids_path, lemmas_path = folder / f"{stem}.ids.npy", folder / f"{stem}.lemmas.txt"
    try:
        ids = numpy.load(ids_path, allow_pickle=False).tolist()
        lemmas = lemmas_path.read_text(encoding="utf-8").split("\n")
        if len(ids) == len(lemmas) and ids:
            return dict(zip(ids, lemmas))
    except (OSError, ValueError):
        pass
    table = load_lookups(lang, [name]).get_table(name)
    data = {int(k): str(v) for k, v in table.items()}
    if all("\n" not in v for v in data.values()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tag = f".{os.getpid()}.tmp"
            numpy.save(str(ids_path) + tag, numpy.fromiter(data.keys(), dtype="uint64", count=len(data)), allow_pickle=False)
            Path(str(lemmas_path) + tag).write_text("\n".join(data.values()), encoding="utf-8")
            os.replace(str(lemmas_path) + tag, lemmas_path)
            os.replace(str(ids_path) + tag + ".npy", ids_path)
        except OSError:
            pass  # a read-only home: load from the package next time too
    return data
