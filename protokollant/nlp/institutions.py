"""Institution recognition: a spaCy component plus data files.

The component ``protokollant_institutions`` sets ``doc.spans["institutions"]``,
a SpanGroup of non-overlapping spans (longest wins).  Each span has

* ``label_``  – a category ("behoerde", "kammer", "ministerium", "gremium",
  "partei", "verein", "verband", "unternehmen", "hochschule", "medien",
  "netzwerk", ... or "ORG" when unknown), and
* ``kb_id_`` – the canonical name (nominative, fullest form), e.g. the span
  "des Amtsgerichts" has kb_id "Amtsgericht", "IHK" has kb_id
  "Industrie- und Handelskammer".

``SpanGroup.attrs["aliases"]`` maps canonical names to abbreviations the
document itself introduced ("Regionales Integrationsnetzwerk IQ Leipzig
(LeIQ)").  ``collect_institutions(docs)`` merges the spans of several docs
(blocks of one document) into one list of institutions.

All vocabulary lives in data files (default: ``models_dir()/institutions``):

``registry.jsonl``
    one JSON object per line: ``{"name": canonical, "aliases": [...],
    "kind": category}``, optional ``"forms"`` (extra surface forms that are
    matched but not reported as aliases), ``"exact"`` (aliases that are always
    matched case-sensitively), ``"case_sensitive": true`` (all strings of the
    entry are matched case-sensitively), ``"gender": "m"|"f"|"n"`` (to derive
    genitive forms when the head noun is not in the head rules) and
    ``"match_name": false`` (match only the aliases).  Full names are matched
    case-insensitively (PhraseMatcher on LOWER, with derived genitive and
    adjective forms: "des Deutschen Roten Kreuzes"); abbreviations (a token
    with two capitals, or a single token of at most four characters) are
    matched case-sensitively (PhraseMatcher on ORTH).
``patterns.jsonl``
    ``{"type": "head", ...}`` lines describe German institution head nouns,
    matched as word suffixes ("amt" matches "Jugendamt", "Bezirksamtes"):
    ``kind``, ``gender``, ``plural`` (nominative plural forms),
    ``standalone`` ("all": the noun alone is an institution, "compound": only
    compounds like "Sozialausschuss", "none": needs a complement, a name or a
    capitalised adjective), ``compounds`` (false: only the bare noun is a head,
    e.g. "Referat"), ``complement`` ("Amt für Jugend, Familie und Bildung"),
    ``gen_complement`` ("Bundesministerium der Justiz"), ``names`` (how many
    name tokens may follow: "Verein Black Dog", "Stadt Leipzig"), ``mode``
    ("name": proper names; "topic": subject nouns as in "Referat Migration
    und Integration"), ``left`` (needs a modifier on the left, for newspapers:
    "Leipziger Volkszeitung"), ``quoted`` (a quoted name may follow:
    Arbeitsgruppe „Ausbildung und Arbeit“), ``list_institutions`` (the
    complement may name other institutions: "Ausschuss für Soziales, Jobcenter
    und Bürgerdienste").
    ``{"type": "matcher", ...}`` lines hold spaCy Matcher token patterns for
    anchors such as legal forms ("e.V.", "GmbH") and prefix abbreviations
    ("AG Bürgernetz", "TU Dresden"), with ``extend`` ("left"/"right"),
    ``max`` tokens, ``mode`` and ``min_ext`` describing how the name is
    collected around the anchor.
``lexicon.json``
    word lists of the grammar (articles, prepositions, name breaks, place
    suffixes, adjectives, legal forms, quotes).
``stoplist.txt``
    names that are dropped when a span's canonical name equals them
    (generic organs, roles, events, software and platforms) and ``*suffix``
    lines for compounds that are not institutions ("*ehrenamt").
``places.txt``
    place names: dropped when they stand alone (e.g. a statistical NER's ORG),
    attached to a preceding institution ("Jobcenter Leipzig").

When the pipeline has a statistical NER, ``ORG`` entities (configurable) that
are not excluded are added as well.
"""
from __future__ import annotations

import json
import re
import shutil
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable, List, Optional

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from ..paths import models_dir
from .doc_places import document_places, is_place_compound
from .spans import doc_text

__all__ = [
    "InstitutionData",
    "InstitutionRecognizer",
    "aliases_for",
    "canonical_name",
    "collect_institutions",
    "default_data_dir",
    "load_data",
]

SPANS_KEY = "institutions"
FILES = {
    "registry_path": "registry.jsonl",
    "patterns_path": "patterns.jsonl",
    "lexicon_path": "lexicon.json",
    "stoplist_path": "stoplist.txt",
    "places_path": "places.txt",
}
_WS = re.compile(r"\s+")
_PRIO_REGISTRY, _PRIO_RULE, _PRIO_WEAK, _PRIO_NER = 0, 1, 2, 3
_SITE_KINDS = frozenset({"bildung", "einrichtung", "unternehmen"})
_ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI"})


def default_data_dir() -> Path:
    return models_dir() / "institutions"


def _norm(text: str) -> str:
    """Collapse whitespace (incl. non-breaking spaces) and NFC-normalise."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _is_abbreviation(text: str) -> bool:
    """Strings matched case-sensitively: a token with two capitals ("IHK",
    "AfD", "IG Metall"), or one short token ("taz", "GEW")."""
    words = text.split()
    if any(sum(c.isupper() for c in w) >= 2 for w in words):
        return True
    return len(words) == 1 and len(text) <= 4


class HeadRule:
    __slots__ = ("head", "kind", "gender", "plural", "standalone", "compounds", "complement",
                 "gen_complement", "names", "mode", "left", "quoted", "list_institutions", "bare_plural",
                 "compound_plural", "purpose")

    def __init__(self, d: dict):
        self.head = d["head"].lower()
        self.kind = d.get("kind") or "ORG"
        self.gender = d.get("gender", "f")
        self.plural = tuple(p.lower() for p in d.get("plural", []))
        self.standalone = d.get("standalone", "compound")
        self.compounds = bool(d.get("compounds", True))
        self.complement = bool(d.get("complement", True))
        self.gen_complement = bool(d.get("gen_complement", False))
        self.names = int(d.get("names", 1))
        self.mode = d.get("mode", "name")
        self.left = bool(d.get("left", False))
        self.quoted = bool(d.get("quoted", True))
        self.list_institutions = bool(d.get("list_institutions", False))
        # the bare plural ("Bildungswerke") counts when the bare noun does
        self.bare_plural = bool(d.get("bare_plural", False))
        self.compound_plural = bool(d.get("compound_plural", True))
        self.purpose = bool(d.get("purpose", False))  # "Verein zur Förderung der ..."


def genitive_forms(word: str, gender: str) -> list[str]:
    """Genitive singular of a strong masculine/neuter noun ("Amt" -> "Amts",
    "Amtes"); feminine nouns do not inflect in the singular."""
    if gender not in ("m", "n") or not word:
        return []
    lw = word.lower()
    if lw.endswith("nis"):
        return [word + "ses"]
    if lw[-1] in "sßxz":
        return [word + "es"]
    if lw.endswith(("er", "el", "en", "um")) or lw[-1] in "aeiouy":
        return [word + "s"]
    return [word + "s", word + "es"]


class InstitutionData:
    """Registry, head rules, lexicon and stoplists, with the string-level
    functions (canonical_name, aliases_for) that do not need a pipeline."""

    def __init__(self, registry_paths: Iterable[Path], patterns_path: Path, lexicon_path: Path,
                 stoplist_path: Path, places_path: Path):
        self.registry_paths = [Path(p) for p in registry_paths]
        self.patterns_path = Path(patterns_path)
        self.lexicon_path = Path(lexicon_path)
        self.stoplist_path = Path(stoplist_path)
        self.places_path = Path(places_path)
        self._load_lexicon()
        self._load_stoplists()
        self._load_patterns()
        self._load_registry()

    # ------------------------------------------------------------ loading
    def _load_lexicon(self) -> None:
        lex = json.loads(self.lexicon_path.read_text(encoding="utf-8"))
        low = lambda k: frozenset(w.lower() for w in lex.get(k, []))  # noqa: E731
        self.determiners = low("determiners")
        self.prepositions = low("prepositions")
        self.strip_words = self.determiners | self.prepositions
        self.complement_preps = low("complement_preps")
        self.complement_preps_strict = low("complement_preps_strict")
        self.proper_adjectives = low("proper_adjectives")
        self.genitive_name_nouns = low("genitive_name_nouns")
        self.mention_tails = tuple(sorted(low("mention_tails"), key=len, reverse=True))
        self.complement_links = low("complement_links")
        self.list_closers = low("list_closers")
        self.genitive_dets = low("genitive_dets")
        self.place_preps = low("place_preps")
        self.place_heads = low("place_heads")
        self.site_suffixes = tuple(low("site_suffixes"))
        self.not_org_acronyms = low("not_org_acronyms")
        self.titles = low("titles")
        self.inner_name_words = low("inner_name_words")
        self.legal_forms: dict[str, str] = dict(lex.get("legal_forms", {}))
        self.legal_single = frozenset(f for f in self.legal_forms if " " not in f)
        self.quotes_open = frozenset(lex.get("quotes_open", []))
        self.quotes_close = frozenset(lex.get("quotes_close", []))
        self.adjective_suffixes = tuple(lex.get("adjective_suffixes", []))
        self.proper_adjective_suffixes = tuple(lex.get("proper_adjective_suffixes", []))
        self.adjectives = low("adjectives")
        self.name_break_words = low("name_break_words")
        self.name_break_suffixes = tuple(lex.get("name_break_suffixes", []))
        self.topic_break_words = self.titles | frozenset(
            w for w in self.name_break_words
            if w in {"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
                     "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
                     "oktober", "november", "dezember", "uhr", "heute", "morgen", "sitzung", "protokoll",
                     "tagesordnung", "top", "antrag", "beschluss", "bericht", "termin", "treffen",
                     "mitglied", "mitglieder", "vertreter", "vertreterin", "mitarbeiter", "mitarbeiterin",
                     "leiter", "leiterin", "vorsitzende", "vorsitzender", "es", "sie", "er", "wir", "ich"})
        self.place_suffixes = tuple(lex.get("place_suffixes", []))

    def _load_stoplists(self) -> None:
        names, anti = set(), set()
        for line in self.stoplist_path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            if line.startswith("*"):
                anti.add(line[1:].lower())
            else:
                names.add(_norm(line).lower())
        self.stop_names = frozenset(names)
        self.anti_suffixes = frozenset(anti)
        places = set()
        for line in self.places_path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                places.add(line)
        self.places = frozenset(places)
        self.places_lower = frozenset(p.lower() for p in places)

    def _load_patterns(self) -> None:
        self.head_rules: list[HeadRule] = []
        self.matcher_rules: list[dict] = []
        for n, line in enumerate(self.patterns_path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            d = json.loads(line)
            t = d.get("type")
            if t == "head":
                self.head_rules.append(HeadRule(d))
            elif t == "matcher":
                if not d.get("id") or not isinstance(d.get("pattern"), list):
                    raise ValueError(f"{self.patterns_path}:{n}: matcher rule needs id and pattern")
                self.matcher_rules.append(d)
        # suffix form -> (rule, form type, nominative suffix)
        index: dict[str, tuple[HeadRule, str, str]] = {}

        def put(form: str, val: tuple[HeadRule, str, str]) -> None:
            index.setdefault(form.lower(), val)

        for r in self.head_rules:
            put(r.head, (r, "sg", r.head))
        for r in self.head_rules:
            for g in genitive_forms(r.head, r.gender):
                put(g, (r, "gen", r.head))
            for p in r.plural:
                put(p, (r, "pl", p))
                if not p.endswith(("n", "s")):
                    put(p + "n", (r, "datpl", p))
        self.form_index = index
        self._head_cache: dict[str, Optional[tuple]] = {}

    def _load_registry(self) -> None:
        self.entries: list[dict] = []
        self.by_name: dict[str, dict] = {}
        # case-insensitive variants (normalised, lower) and exact strings -> canonical
        self.variant_map: dict[str, str] = {}
        self.exact_map: dict[str, str] = {}
        self.name_variants: set[str] = set()  # lower-case forms of canonical names
        for path in self.registry_paths:
            for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                d = json.loads(line)
                if not isinstance(d.get("name"), str) or not d["name"].strip():
                    raise ValueError(f"{path}:{n}: registry entry needs a name")
                self._add_entry(d)

    def _add_entry(self, d: dict) -> None:
        name = _norm(d["name"])
        entry = {
            "name": name,
            "aliases": [_norm(a) for a in d.get("aliases", []) if a and a.strip()],
            "exact": [_norm(a) for a in d.get("exact", []) if a and a.strip()],
            "forms": [_norm(a) for a in d.get("forms", []) if a and a.strip()],
            "kind": d.get("kind") or "ORG",
            "gender": d.get("gender"),
            "case_sensitive": bool(d.get("case_sensitive", False)),
            "match_name": d.get("match_name", True) is not False,
        }
        old = self.by_name.get(name.lower())
        if old is not None:  # a later file extends or overrides an entry
            old["aliases"] = list(dict.fromkeys(old["aliases"] + entry["aliases"]))
            old["exact"] = list(dict.fromkeys(old["exact"] + entry["exact"]))
            old["forms"] = list(dict.fromkeys(old["forms"] + entry["forms"]))
            if d.get("kind"):
                old["kind"] = entry["kind"]
            entry = old
        else:
            self.entries.append(entry)
            self.by_name[name.lower()] = entry
        for v in self.inflected_variants(name, entry["gender"]):
            self.name_variants.add(v.lower())
        for f in entry["forms"]:
            self.name_variants.add(f.lower())
        strings = ([name] if entry["match_name"] else []) + entry["aliases"] + entry["forms"]
        for s in strings:
            exact = entry["case_sensitive"] or _is_abbreviation(s)
            for v in self.inflected_variants(s, entry["gender"]):
                if exact:
                    self.exact_map.setdefault(v, name)
                else:
                    self.variant_map.setdefault(v.lower(), name)
            if exact and not entry["case_sensitive"] and s.isupper() and len(s) >= 3 and " " not in s:
                self.exact_map.setdefault(s + "s", name)  # "IHKs"
        for s in entry["exact"]:
            self.exact_map.setdefault(s, name)

    # ------------------------------------------------------------ morphology
    def head_lookup(self, word: str) -> Optional[tuple]:
        """(rule, form, bare, nominative) when ``word`` is (a compound of) a
        head noun: "Bezirksamtes" -> (amt, "gen", False, "Bezirksamt")."""
        try:
            return self._head_cache[word]
        except KeyError:
            pass
        res = self._head_lookup(word)
        if len(self._head_cache) > 200_000:
            self._head_cache.clear()
        self._head_cache[word] = res
        return res

    def _head_lookup(self, word: str) -> Optional[tuple]:
        if len(word) < 3 or not word[0].isupper():
            return None
        lw = word.lower()
        index = self.form_index
        for i in range(len(lw) - 2):
            hit = index.get(lw[i:])
            if hit is not None:
                break
        else:
            return None
        rule, form, nom = hit
        if form == "sg":
            nominative = word
        elif i == 0 or word[i - 1] == "-" or word[i].isupper():
            nominative = word[:i] + nom[:1].upper() + nom[1:]
        else:
            nominative = word[:i] + nom
        nl = nominative.lower()
        base = rule.head if form in ("sg", "gen") else nom
        prefix = nl[: len(nl) - len(base)]
        for j in range(len(prefix)):
            if nl[j:] in self.anti_suffixes:
                return None
        bare = prefix == ""
        if not bare:
            if not rule.compounds or len(prefix.replace("-", "")) < 2:
                return None
        return (rule, form, bare, nominative)

    def adjective_stem(self, word: str) -> Optional[str]:
        """Stem of an inflected adjective ("Regionalen" -> "Regional"), else None."""
        lw = word.lower()
        for ending in ("en", "em", "er", "es", "e"):
            if lw.endswith(ending) and len(lw) > len(ending) + 2:
                stem = lw[: -len(ending)]
                if stem in self.adjectives or (len(stem) >= 4 and stem.endswith(self.adjective_suffixes)):
                    return word[: -len(ending)]
        return None

    def is_proper_adjective(self, word: str) -> bool:
        """Adjectives that begin names even at the start of a sentence
        ("Sächsisches Staatsministerium", "Technische Universität")."""
        stem = self.adjective_stem(word)
        if not stem:
            return False
        ls = stem.lower()
        return ls in self.proper_adjectives or bool(self.proper_adjective_suffixes) and ls.endswith(
            self.proper_adjective_suffixes)

    def is_place_adjective(self, word: str) -> bool:
        """ "Leipziger", "Gundelfinger", "Dresdner": a place name + "er"."""
        if len(word) < 5 or not word[0].isupper() or not word[1:].islower() or not word.endswith("er"):
            return False
        stem = word[:-2]
        cands = (stem, stem + "en", stem + "e", stem[:-1] + "e" + stem[-1])
        return any(c in self.places for c in cands) or any(
            c.lower().endswith(self.place_suffixes) for c in cands[:2])

    def mention_in_compound(self, word: str) -> Optional[str]:
        """Canonical name of an institution named inside a compound about its
        members or meetings: "Gemeinderatssitzung", "IHK-Vertreter"."""
        lw = word.lower()
        for tail in self.mention_tails:
            if lw.endswith(tail) and len(lw) > len(tail) + 1:
                stem = word[: -len(tail)]
                hyphen = stem.endswith("-")
                stem = stem.rstrip("-")
                for cand in ((stem,) if hyphen else (stem, stem[:-1] if stem.endswith("s") else None)):
                    if not cand or len(cand) < 2:
                        continue
                    hit = self.exact_map.get(cand) or (self.variant_map.get(cand.lower()) if cand[0].isupper() else None)
                    if hit:
                        return hit
                    info = self.head_lookup(cand)
                    if info is not None and info[1] == "sg":
                        rule, _f, bare, nom = info
                        if rule.standalone == "all" or (rule.standalone == "compound" and not bare):
                            if nom.lower() not in self.stop_names:
                                return nom
                return None
        return None

    def _head_index(self, words: list[str], gender: Optional[str]) -> tuple[int, Optional[str]]:
        """Index and gender of the head noun of a name (before any complement)."""
        region = len(words)
        for k, w in enumerate(words):
            lw = w.lower()
            if k and (lw in self.complement_preps or lw in self.genitive_dets or lw in self.place_preps
                      or lw in ("in", "von", "im", "am") or w[:1] in self.quotes_open or w[:1] == "("):
                region = k
                break
        for k in range(region):
            info = self.head_lookup(words[k].rstrip(",.;:"))
            if info is not None and info[1] in ("sg", "gen"):
                return k, info[0].gender
        if gender in ("m", "n", "f") and region:
            return region - 1, gender
        return -1, None

    def inflected_variants(self, name: str, gender: Optional[str] = None) -> set[str]:
        """The name plus its genitive/dative forms after an article:
        "Deutsches Rotes Kreuz" -> "Deutschen Roten Kreuzes", "Deutsche Rote Kreuz", ..."""
        out = {name}
        words = name.split(" ")
        h, g = self._head_index(words, gender)
        if h < 0:
            return out
        head_forms = [words[h]] + genitive_forms(words[h], g or "f")
        adj = [k for k in range(h) if words[k][:1].isupper() and self.adjective_stem(words[k])
               and words[k].lower().endswith(("e", "er", "es"))]
        for hf in head_forms:
            for ending in (None, "e", "en"):
                ws = list(words)
                ws[h] = hf
                for k in adj:
                    if ending is not None:
                        ws[k] = self.adjective_stem(words[k]) + ending
                out.add(" ".join(ws))
        return out

    # ------------------------------------------------------------ public helpers
    def registry_lookup(self, text: str) -> Optional[str]:
        t = _norm(text)
        return self.exact_map.get(t) or self.variant_map.get(t.lower())

    def canonical_name(self, text: str) -> str:
        """Nominative, article-free form of an institution mention:
        "des Amtsgerichts" -> "Amtsgericht", "beim Jobcenter" -> "Jobcenter",
        "IHK" -> "Industrie- und Handelskammer"."""
        t = _norm(text).strip(" ,;:")
        if t.endswith(".") and len(t) > 1 and not any(t.endswith(f) for f in self.legal_forms):
            last = t.split(" ")[-1]
            if "." not in last[:-1] and len(last) > 2 and not last.endswith("Co."):
                t = t[:-1].rstrip()
        words = [w for w in t.split(" ") if w]
        while True:
            if not words:
                return t
            hit = self.registry_lookup(" ".join(words))
            if hit:
                return hit
            if len(words) > 1 and words[0].lower() in self.strip_words:
                words = words[1:]
                continue
            break
        # registry name (or abbreviation) followed by a place or name:
        # "Agentur für Arbeit Leipzig", "des Jobcenters Leipzig"; other aliases keep their wording
        for k in range(len(words) - 1, 0, -1):
            prefix = " ".join(words[:k])
            hit = None
            if prefix.lower() in self.name_variants:
                hit = self.variant_map.get(prefix.lower()) or self.exact_map.get(prefix)
            elif " " not in prefix:  # an abbreviation: "IHK Leipzig"
                hit = self.exact_map.get(prefix)
            if hit and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in self.place_preps for w in words[k:]):
                return " ".join([hit] + words[k:])
        h, g = -1, None
        region = len(words)
        for k, w in enumerate(words):
            lw = w.lower()
            if k and (lw in self.complement_preps or lw in self.genitive_dets or lw in self.place_preps
                      or w[:1] in self.quotes_open or w[:1] == "("):
                region = k
                break
        for k in range(region):
            info = self.head_lookup(words[k])
            if info is not None:
                rule, form, _bare, nominative = info
                words[k] = nominative
                h, g = k, ("pl" if form in ("pl", "datpl") else rule.gender)
                break
        if h > 0:
            ending = {"m": "er", "n": "es", "f": "e", "pl": "e"}.get(g or "f", "e")
            for k in range(h):
                w = words[k]
                lw = w.lower()
                if not lw.endswith(("e", "en", "em")) or not w[:1].isupper():
                    continue
                stem = self.adjective_stem(w)
                if stem:
                    words[k] = stem + ending
        return " ".join(words)

    def entry_for(self, canonical: str) -> Optional[dict]:
        c = _norm(canonical)
        e = self.by_name.get(c.lower())
        if e is not None:
            return e
        words = c.split(" ")
        for k in range(len(words) - 1, 0, -1):
            e = self.by_name.get(" ".join(words[:k]).lower())
            if e is not None:
                return e
        return None

    def aliases_for(self, canonical: str) -> list[str]:
        """Registry aliases of a canonical name ("Industrie- und Handelskammer"
        -> ["IHK", ...]); for "Agentur für Arbeit Leipzig" those of
        "Agentur für Arbeit" plus that name."""
        c = _norm(canonical)
        e = self.by_name.get(c.lower())
        if e is not None:
            return list(dict.fromkeys(e["aliases"] + e["exact"]))
        e = self.entry_for(c)
        if e is None:
            return []
        return list(dict.fromkeys([e["name"]] + e["aliases"] + e["exact"]))

    def kind_for(self, canonical: str) -> Optional[str]:
        e = self.entry_for(canonical)
        if e is not None:
            return e["kind"]
        for w in _norm(canonical).split(" "):
            info = self.head_lookup(w)
            if info is not None:
                return info[0].kind
        return None

    def is_excluded(self, canonical: str) -> bool:
        c = _norm(canonical)
        return c.lower() in self.stop_names or c in self.places or c.lower() in self.places_lower


@lru_cache(maxsize=8)
def _load_data_cached(registry_paths: tuple, patterns: str, lexicon: str, stoplist: str, places: str,
                      stamp: tuple) -> InstitutionData:
    return InstitutionData([Path(p) for p in registry_paths], Path(patterns), Path(lexicon),
                           Path(stoplist), Path(places))


def _resolve_paths(data_dir=None, registry_path=None, patterns_path=None, lexicon_path=None,
                   stoplist_path=None, places_path=None, extra_registry_paths=()) -> dict:
    base = Path(data_dir) if data_dir else default_data_dir()
    given = {"registry_path": registry_path, "patterns_path": patterns_path, "lexicon_path": lexicon_path,
             "stoplist_path": stoplist_path, "places_path": places_path}
    out = {k: Path(v).expanduser() if v else base / FILES[k] for k, v in given.items()}
    out["extra_registry_paths"] = [Path(p).expanduser() for p in (extra_registry_paths or [])]
    return out


def load_data(data_dir=None, registry_path=None, patterns_path=None, lexicon_path=None,
              stoplist_path=None, places_path=None, extra_registry_paths=()) -> InstitutionData:
    """Load (and cache, keyed by paths and modification times) the data files."""
    p = _resolve_paths(data_dir, registry_path, patterns_path, lexicon_path, stoplist_path, places_path,
                       extra_registry_paths)
    regs = (p["registry_path"], *p["extra_registry_paths"])
    files = (*regs, p["patterns_path"], p["lexicon_path"], p["stoplist_path"], p["places_path"])
    for f in files:
        if not f.is_file():
            raise FileNotFoundError(f"institution data file not found: {f}")
    stamp = tuple(f.stat().st_mtime_ns for f in files)
    return _load_data_cached(tuple(str(r) for r in regs), str(p["patterns_path"]), str(p["lexicon_path"]),
                             str(p["stoplist_path"]), str(p["places_path"]), stamp)


def canonical_name(text: str) -> str:
    """Fold an inflected mention to the nominative canonical name (default data)."""
    return load_data().canonical_name(text)


def aliases_for(canonical: str) -> list[str]:
    """Registry aliases of a canonical name (default data)."""
    return load_data().aliases_for(canonical)


# ---------------------------------------------------------------- component
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


class InstitutionRecognizer:
    """Doc -> Doc component; see the module docstring."""

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
                if kind == "gremium" and e < n and doc[e].lower_ in titles:
                    continue  # "Stadtrat Herr Müller": a person's role
                e2 = self._place(doc, e)
                if e2 > e and canon.rsplit(" ", 1)[-1] not in d.places:
                    canon = d.canonical_name(doc[s:e2].text)
                cands.append((s, e2, kind, canon, _PRIO_REGISTRY))
        cands.extend(self._acronyms_with_place(doc, orths, reg_start))
        if interesting:
            anchors = []
            for i, (head, anchor, abbr) in interesting:
                if head is not None:
                    c = self._head_span(doc, i, head, reg_start)
                    if c is not None:
                        cands.append(c)
                elif abbr is not None:
                    cands.append((i, i + 1, self._kind_by_canon.get(abbr, "ORG"), abbr, _PRIO_WEAK))
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
        if selected:
            selected = self._learn_aliases(doc, orths, selected, aliases)
        spans = [Span(doc, s, e, label=kind, kb_id=canon) for s, e, kind, canon, _p in selected]
        group = SpanGroup(doc, name=self.spans_key, attrs={"aliases": aliases} if aliases else {}, spans=spans)
        doc.spans[self.spans_key] = group
        return doc

    def _acronyms_with_place(self, doc: Doc, orths: list[int], reg_start: dict) -> list:
        """ "GS Eichenried", "BBS II Kellenbach", "HV Oberland": an unknown abbreviation
        followed by a place of the document names a local organisation."""
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
                out.append((i, e, "ORG", doc[i:e].text, _PRIO_WEAK))
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

    # ------------------------------------------------------------ grammar
    def _boundary(self, doc: Doc, j: int) -> bool:
        """True when token j starts a sentence/line (for capitalised adjectives)."""
        if j <= 0:
            return True
        p = doc[j - 1]
        return p.is_punct or p.is_space or p.like_num or p.text in ("|", "-", "–", "•", "*")

    def _name_tok(self, t, mode: str) -> bool:
        if t.is_space or t.is_punct or t.like_url or t.like_email:
            return False
        txt = t.text
        d = self.data
        lw = t.lower_
        if lw in d.titles or (not (txt.isupper() and len(txt) > 1) and (lw in d.determiners or lw in d.prepositions)):
            return False
        first = txt[0]
        if not first.isalnum() or not (first.isupper() or first.isdigit() or any(c.isupper() for c in txt[1:])):
            return False
        if len(txt) < 2 and not first.isdigit():
            return False
        if mode == "topic":
            return lw not in d.topic_break_words
        if lw in d.name_break_words or lw in d.stop_names:
            return False
        info = d.head_lookup(txt)
        if info is not None:
            return False
        if lw.endswith(d.name_break_suffixes) and not first.isdigit() and not txt.isupper():
            return False
        return True

    def _place(self, doc: Doc, k: int) -> int:
        """A place right after a name: "Jobcenter Leipzig", "IHK zu Leipzig", with a legal
        form after it: "Wirtschaftsförderungsgesellschaft Region Eschenau mbH"."""
        end = self._place_only(doc, k)
        return self._legal_after(doc, end) if end > k else k

    def _place_only(self, doc: Doc, k: int) -> int:
        n = len(doc)
        if k >= n:
            return k
        d = self.data
        t = doc[k]
        if t.lower_ in d.place_preps and k + 1 < n and self._name_tok(doc[k + 1], "name"):
            return k + 2
        txt = t.text
        if txt in d.places or txt in self._doc_places:
            return k + 1
        if "-" in txt and is_place_compound(txt, self._is_place_word) and self._name_tok(t, "name"):
            return k + 1
        if t.lower_ in ("region", "kreis", "landkreis") and k + 1 < n and self._place_only(doc, k + 1) == k + 2:
            return k + 2  # "Welcome Center Region Eschenau", "Jobcenter Kreis Altenhagen"
        if (len(txt) > 3 and txt[0].isupper() and txt[1:].islower() and t.lower_.endswith(d.place_suffixes)
                and self._name_tok(t, "name")):
            return k + 1
        return k

    def _site(self, doc: Doc, k: int) -> int:
        """ "Grundschule am Lindenplatz", "Apotheke am Markt", "Realschule an der Ilm": a facility
        named after where it stands (not "Kita am Montag": the word must name a site or place)."""
        n = len(doc)
        j = k + 1 if k < n and doc[k].lower_ in ("am", "im") else (
            k + 2 if k + 1 < n and doc[k].lower_ == "an" and doc[k + 1].lower_ in ("der", "dem") else k)
        if j == k or j >= n:
            return k
        t = doc[j]
        if not (t.is_alpha and t.text[:1].isupper()):
            return k
        if t.lower_.endswith(self.data.site_suffixes) or self._is_place_word(t.text):
            return j + 1
        return k

    def _is_place_word(self, word: str) -> bool:
        d = self.data
        return (word in d.places or word in self._doc_places
                or (len(word) > 3 and word[1:].islower() and word.lower().endswith(d.place_suffixes)))

    def _names(self, doc: Doc, k: int, maxn: int, mode: str, reg_start: dict) -> int:
        """Name tokens after a head: "Verein Black Dog", "Referat Migration und Integration"."""
        n = len(doc)
        d = self.data
        end = pos = k
        count = 0
        while count < maxn and pos < n:
            re_ = reg_start.get(pos)
            if re_ is not None:
                end = pos = re_
                count += 1
                continue
            t = doc[pos]
            if (mode == "topic" and count and t.lower_ in d.list_closers and pos + 1 < n
                    and self._name_tok(doc[pos + 1], mode)):
                end = pos = pos + 2
                count += 1
                continue
            if not self._name_tok(t, mode) or (t.text[0].isdigit() and (count or not self._number_name(doc, pos))):
                break
            end = pos = pos + 1
            count += 1
        if end > k:
            end = self._legal_after(doc, end)
        return end

    @staticmethod
    def _number_name(doc: Doc, pos: int) -> bool:
        """A number that names a unit, as in "Grundschule 7" or "TSV 1860": not a year after
        the head ("Verkehrskommission 2026"), not a count ("Stadt 286 Personen"), no "01"."""
        txt = doc[pos].text
        if not txt.isdigit() or txt.startswith("0") or (len(txt) == 4 and txt[:2] in ("19", "20")):
            return False
        nxt = doc[pos + 1] if pos + 1 < len(doc) else None
        return nxt is None or not (nxt.is_alpha and nxt.text[:1].isupper()) or len(txt) == 4

    def _legal_after(self, doc: Doc, k: int) -> int:
        n = len(doc)
        if k < n and doc[k].text in self.data.legal_single:
            return k + 1
        if k + 1 < n and doc[k].text == "e." and doc[k + 1].text in ("V.", "K."):
            return k + 2
        return k

    def _np(self, doc: Doc, pos: int) -> Optional[int]:
        """A (capitalised) noun, optionally preceded by adjectives: "politische Bildung"."""
        n = len(doc)
        d = self.data
        adj = 0
        while pos < n and adj < 2:
            t = doc[pos]
            if t.is_alpha and d.adjective_stem(t.text) and pos + 1 < n and doc[pos + 1].text[:1].isupper():
                pos += 1
                adj += 1
                continue
            break
        if pos >= n:
            return None
        t = doc[pos]
        txt = t.text
        lw = t.lower_
        if (not txt[:1].isupper() or t.is_punct or t.like_url or t.like_email or lw in d.determiners
                or lw in d.titles or lw in d.topic_break_words):
            return None
        if not (t.is_alpha or "-" in txt):
            return None
        return pos + 1

    def _is_institution(self, doc: Doc, s: int, e: int, reg_start: dict) -> bool:
        if s in reg_start:
            return True
        info = self._tok[doc[e - 1].orth]
        if info is None or info[0] is None:
            return False
        rule, _form, bare, _nom = info[0]
        return rule.standalone == "all" or (rule.standalone == "compound" and not bare)

    def _complement(self, doc: Doc, k: int, rule: HeadRule, start: int, reg_start: dict) -> int:
        """ "für ..." complement: "Ausschuss für Soziales, Gesundheit und Integration"."""
        n = len(doc)
        d = self.data
        if k >= n or doc[k].lower_ not in d.complement_preps:
            return k
        end = self._np(doc, k + 1)
        if end is None:
            return k
        if doc[k].lower_ in d.complement_preps_strict:
            if not rule.purpose:
                return k
            # "Verein zur Förderung der/von ...", not "zur Verfügung", "zum Thema"
            if end + 1 < n and doc[end].lower_ in (d.genitive_dets | {"von"}):
                e2 = self._np(doc, end + 1)
                return e2 if e2 is not None else k
            return k
        safe = end
        pending_comma = False  # a comma list must be closed by "und"/"sowie"
        while end < n and end - k < 14:
            if d.registry_lookup(doc[start:end].text):
                break
            lw = doc[end].lower_
            if lw not in d.complement_links:
                break
            nxt = self._np(doc, end + 1)
            if nxt is None:
                break
            if not rule.list_institutions and self._is_institution(doc, end + 1, nxt, reg_start):
                break
            end = nxt
            if lw == ",":
                pending_comma = True
            elif lw in d.list_closers or not pending_comma:
                pending_comma = False
                safe = end
        return safe

    def _gen_complement(self, doc: Doc, k: int, bare: bool, reg_start: dict) -> int:
        n = len(doc)
        d = self.data
        if k + 1 >= n or doc[k].lower_ not in d.genitive_dets:
            return k
        end = self._np(doc, k + 1)
        if end is None or doc[end - 1].lower_ in d.name_break_words:
            return k
        if not bare and self._is_institution(doc, k + 1, end, reg_start):
            return k
        return end

    def _quoted(self, doc: Doc, k: int) -> int:
        n = len(doc)
        d = self.data
        if k >= n or doc[k].text not in d.quotes_open:
            return k
        # inside a quotation ("„Zweck des Vereins“ ...") the quote closes it
        for j in range(k - 1, max(-1, k - 30), -1):
            q = doc[j].text
            if q in d.quotes_open or q in d.quotes_close:
                if q in ("„", "»", "‚") or (q == doc[k].text and q in ('"', "'")):
                    return k
                break
        for m in range(k + 2, min(n, k + 18)):
            t = doc[m]
            if t.is_space:
                return k
            if t.text in d.quotes_close:
                if any(doc[j].text[:1].isupper() for j in range(k + 1, m)):
                    return m + 1
                return k
        return k

    def _left(self, doc: Doc, i: int) -> tuple[int, bool]:
        """Capitalised adjectives and place adjectives before a head
        ("Sächsisches Staatsministerium", "Leipziger Volkszeitung") and a
        truncated coordination ("Industrie- und Handelskammer")."""
        d = self.data
        start = i
        j = i - 1
        mods: list[int] = []
        while j >= 0 and len(mods) < 4:
            t = doc[j]
            txt = t.text
            lw = t.lower_
            if lw in ("und", "oder", "sowie") and j >= 1 and doc[j - 1].text.endswith("-") and len(doc[j - 1]) > 2:
                start = j - 1
                j -= 2
                continue
            if (not txt[:1].isupper() or not t.is_alpha or lw in d.determiners or lw in d.name_break_words
                    or lw in d.titles):
                break
            if d.adjective_stem(txt) and lw.endswith(("e", "en", "er", "es", "em")):
                pass
            elif d.is_place_adjective(txt) and d.head_lookup(txt) is None:
                pass  # place adjective: "Leipziger", "Gundelfinger"
            else:
                break
            mods.append(j)
            start = j
            j -= 1
        if mods and start == mods[-1] and self._boundary(doc, start):
            first = doc[start].text
            if not (d.is_place_adjective(first) or d.is_proper_adjective(first)):
                start += 1  # sentence-initial generic adjective: "Zuständige Behörde ..."
        return start, any(m >= start for m in mods)

    def _head_span(self, doc: Doc, i: int, info: tuple, reg_start: dict):
        rule, form, bare, _nom = info
        n = len(doc)
        d = self.data
        if i + 1 < n and doc[i + 1].lower_ in d.titles and rule.kind == "gremium":
            return None  # "Stadtrat Herr Müller": a person's role
        start, has_left = self._left(doc, i)
        end = i + 1
        if form in ("pl", "datpl"):
            if (rule.standalone == "none" or (bare and not rule.bare_plural)
                    or (not bare and not rule.compound_plural) or (rule.left and not has_left)):
                return None
        else:
            has_ext = False
            if rule.complement:
                e2 = self._complement(doc, end, rule, start, reg_start)
                has_ext, end = e2 > end, e2
            if rule.gen_complement and not has_ext:
                e2 = self._gen_complement(doc, end, bare, reg_start)
                has_ext, end = e2 > end, e2
            if rule.quoted:
                e2 = self._quoted(doc, end)
                has_ext, end = has_ext or e2 > end, e2
            if rule.names:
                e2 = self._names(doc, end, rule.names, rule.mode, reg_start)
                if e2 == end:
                    e2 = self._place(doc, end)  # "… Region Eschenau": a place word is no name token
                has_ext, end = has_ext or e2 > end, e2
            else:
                end = self._place(doc, end)
            if rule.kind in _SITE_KINDS:
                e2 = self._site(doc, end)
                has_ext, end = has_ext or e2 > end, e2
            if rule.left and not has_left:
                return None
            if not (rule.standalone == "all" or (rule.standalone == "compound" and not bare)
                    or has_ext or has_left):
                return None
        span = doc[start:end]
        canon = d.canonical_name(span.text)
        return (start, end, d.kind_for(canon) or rule.kind, canon, _PRIO_RULE)

    def _left_names(self, doc: Doc, s: int, maxn: int) -> int:
        """Collect a name leftwards from an anchor: "Haus der Jugend Montabaur e.V."."""
        d = self.data
        start = s
        j = s - 1
        count = 0
        while j >= 0 and count < maxn:
            t = doc[j]
            lw = t.lower_
            if lw in d.inner_name_words and j >= 1 and self._left_name_tok(doc[j - 1]):
                if lw in d.genitive_dets:
                    prev = doc[j - 1].text
                    if prev.lower() not in d.genitive_name_nouns and d.head_lookup(prev) is None:
                        break
                j -= 1
                count += 1
                continue
            if not self._left_name_tok(t):
                break
            start = j
            j -= 1
            count += 1
        while start < s and doc[start].lower_ in d.inner_name_words:
            start += 1
        return start

    def _left_name_tok(self, t) -> bool:
        if t.is_space or t.is_punct or t.like_url or t.like_email:
            return False
        d = self.data
        lw = t.lower_
        txt = t.text
        if lw in d.determiners or lw in d.titles or lw in d.name_break_words or lw in d.stop_names:
            return False
        if not (txt[0].isupper() or txt[0].isdigit() or any(c.isupper() for c in txt[1:])):
            return False
        if lw.endswith(d.name_break_suffixes) and d.head_lookup(txt) is None and not txt.isupper():
            return False
        return True

    def _matcher_span(self, doc: Doc, rule: dict, s: int, e: int, reg_start: dict):
        d = self.data
        ext = rule.get("extend")
        maxn = int(rule.get("max", 0))
        min_ext = int(rule.get("min_ext", 0))
        start, end = s, e
        if ext == "left":
            start = self._left_names(doc, s, maxn)
            if s - start < min_ext:
                return None
            end = self._place(doc, e)
        elif ext == "right":
            end = self._names(doc, e, maxn, rule.get("mode", "name"), reg_start)
            if end - e < min_ext:
                return None
        canon = d.canonical_name(doc[start:end].text)
        return (start, end, d.kind_for(canon) or rule.get("kind", "ORG"), canon, _PRIO_RULE)

    def _ner_span(self, doc: Doc, s: int, e: int):
        d = self.data
        while s < e - 1 and doc[s].lower_ in d.strip_words:
            s += 1
        span = doc[s:e]
        if any(t.like_url or t.like_email for t in span):
            return None
        canon = d.canonical_name(span.text)
        if d.is_excluded(canon) or d.is_excluded(span.text):
            return None
        return (s, e, d.kind_for(canon) or "ORG", canon, _PRIO_NER)

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
            if _p != _PRIO_REGISTRY and any(doc[j].like_url or doc[j].like_email for j in range(s, e)):
                continue  # registry strings are exact ("ver.di" looks like a URL to spaCy)
            taken[s:e] = b"\x01" * (e - s)
            out.append(c)
        out.sort()
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
                extra.append((i, i + 1, kinds.get(canon, "ORG"), canon, _PRIO_RULE))
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


# ---------------------------------------------------------------- aggregation
_LEGAL_PARTS = frozenset({"e.", "V.", "e.V.", "eV", "gGmbH", "GmbH", "eG"})
_BODY_LABELS = frozenset({"gremium"})
_GENITIVE_GAPS = frozenset({" der ", " des "})
_REGION_HEADS = ("Kreis ", "Landkreis ", "Stadt ", "Gemeinde ", "Region ", "Bezirk ")
# "Ausländerbehörde des Landkreises", "Welcome Service der Stadt Lindenfurt", "Schulamt für den
# Kreis Altenhagen": an office named with the town or district it belongs to.
_OF_REGION = re.compile(
    r"(?: der| des| für den| für die)"
    r" (?:Stadt|Gemeinde|Samtgemeinde|Verbandsgemeinde|Landkreises|Kreises|Landkreis|Kreis|Bezirks|Region)"
    r"(?: (?!(?:und|oder|sowie)\b)[A-ZÄÖÜ][\w-]*[a-zäöüß])?(?= *[^\w -]| *$| +[a-zäöüß])")


def _nominative_written(written: str, canon: str) -> str:
    """The name as written unless it is only an inflected form of the canonical one
    ("Integrationsbeirates" → "Integrationsbeirat"; "Caritasverband" stays, not "Caritas")."""
    if written == canon or written.replace(canon, "", 1) in ("s", "es", "n", "en", "e", "ns"):
        return canon
    words, cwords = written.split(), canon.split()
    if len(words) == len(cwords) and all(w == c or w.replace(c, "", 1) in ("s", "es", "n", "en", "e", "ns")
                                         for w, c in zip(words, cwords)):
        return canon  # "Ausschusses für Soziales …"
    return written


def _extended_bodies(docs: list[Doc], spans_key: str) -> dict[str, str]:
    """Bodies named with the organisation or place they belong to: "Klimaschutzbeirat der
    Stadt Sonnfeld", "Feuerwehrausschuss der Freiwilligen Feuerwehr Kellersbach",
    "Kommunales Integrationszentrum Kreis Altenhagen" (first full form per body)."""
    out: dict[str, str] = {}
    for doc in docs:
        group = doc.spans.get(spans_key) if spans_key in doc.spans else None
        if group is None:
            continue
        text = doc_text(doc)
        ordered = sorted(group, key=lambda sp: sp.start)
        for a, b in zip(ordered, ordered[1:] + [None]):
            canon = a.kb_id_ or a.text
            if canon in out:
                continue
            if (not a.text.startswith(_REGION_HEADS) and (m := _OF_REGION.match(text, a.end_char)) is not None
                    and "\n" not in m.group()):
                out[canon] = f"{_nominative_written(a.text, canon)}{m.group()}"
                continue
            if b is None:
                continue
            gap = text[a.end_char : b.start_char]
            if "\n" in gap:
                continue
            if a.label_ in _BODY_LABELS and gap in _GENITIVE_GAPS:
                out[canon] = f"{canon}{gap}{b.text}"
            elif gap == " " and b.text.startswith(_REGION_HEADS) and a.label_ != "behoerde":
                out[canon] = f"{canon} {b.text}"
    return out


def collect_institutions(docs: Iterable[Doc], spans_key: str = SPANS_KEY,
                         data: Optional[InstitutionData] = None) -> list[dict]:
    """Merge the institution spans of several docs (e.g. the blocks of one
    document) into ``[{"name", "kind", "aliases", "count"}]``, first mention
    first.  Aliases introduced in one block ("(LeIQ)") also count in others,
    and a name is merged into a fuller one that extends it by a place
    ("Agentur für Arbeit" into "Agentur für Arbeit Leipzig")."""
    docs = list(docs)
    data = data or load_data()
    found: dict[str, dict] = {}
    learned: dict[str, str] = {}
    for doc in docs:
        group = doc.spans.get(spans_key) if spans_key in doc.spans else None
        if group is None:
            continue
        for canon, abbrs in (group.attrs.get("aliases") or {}).items():
            for ab in abbrs:
                learned.setdefault(ab, canon)
        for sp in group:
            canon = sp.kb_id_ or sp.text
            item = found.setdefault(canon, {"name": canon, "kind": sp.label_, "aliases": [], "count": 0, "forms": []})
            item["count"] += 1
            # The form the minutes use ("IHK Quellstedt" for the registry's "Industrie- und
            # Handelskammer Quellstedt") is how a reader knows the institution: kept as an alias.
            if sp.text != canon and sp.text not in item["forms"]:
                item["forms"].append(sp.text)
    extended = _extended_bodies(docs, spans_key)
    if extended:
        # "Klimaschutzbeirat" + "der Stadt Sonnfeld": the body under its full name (the
        # shorter one stays an alias); the place or organisation after it stays its own entry.
        renamed: dict[str, dict] = {}
        for canon, item in found.items():
            full = extended.get(canon)
            if full is not None and full not in found:
                item["name"] = full
                item.setdefault("forms", []).append(canon)
                renamed[full] = item
            else:
                renamed[canon] = item
        found = renamed
    if learned:  # mentions of aliases learned in other blocks
        for doc in docs:
            group = doc.spans.get(spans_key) if spans_key in doc.spans else None
            covered = set()
            if group is not None:
                for sp in group:
                    covered.update(range(sp.start, sp.end))
            for t in doc:
                canon = learned.get(t.text)
                if canon is not None and t.i not in covered:
                    item = found.setdefault(canon, {"name": canon, "kind": data.kind_for(canon) or "ORG",
                                                    "aliases": [], "count": 0, "forms": []})
                    item["count"] += 1
        for ab, canon in learned.items():
            if ab in found and ab != canon:
                found[canon]["count"] += found.pop(ab)["count"]
    names = list(found)
    for a in names:
        if a not in found:
            continue
        for b in names:
            if b != a and b in found and b.startswith(a + " "):
                rest = b[len(a) + 1:].split(" ")
                # "… Leipzig", "… „Reichsbahnfeld“ e. V.": a place, a quoted name, a legal form.
                if len(rest) <= 3 and all(
                    w[:1].isupper() or w[:1] in "„\"‚»«" or w.lower() in data.place_preps or w in _LEGAL_PARTS for w in rest
                ):
                    found[b]["count"] += found.pop(a)["count"]
                    break
    out = []
    for canon, item in found.items():
        al = [x for x in data.aliases_for(canon) if x != canon]
        al += [ab for ab, c in learned.items() if c == canon and ab not in al]
        al += [form for form in item.pop("forms", []) if form not in al and form != canon]
        item["aliases"] = al
        out.append(item)
    return out
