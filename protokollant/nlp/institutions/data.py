"""The institution data files: registry, head rules, lexicon, stoplists and
places (see the package docstring), loaded into ``InstitutionData`` and cached."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ...paths import models_dir
from .naming import NameForms, genitive_forms, norm

SPANS_KEY = "institutions"
FILES = {
    "registry_path": "registry.jsonl",
    "patterns_path": "patterns.jsonl",
    "lexicon_path": "lexicon.json",
    "stoplist_path": "stoplist.txt",
    "places_path": "places.txt",
}


def default_data_dir() -> Path:
    return models_dir() / "institutions"


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



class InstitutionData(NameForms):
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
        self.subunit_words = low("subunit_words")
        self.grade_adjectives = low("grade_adjectives")
        self.titles = low("titles")
        # "Gemeinderat Markus Ruf", "Stadträtin Anna Berg": a council word before a first name is a person's role.
        first_names = models_dir() / "names" / "first_names.txt"
        self.first_names = frozenset(
            line.strip().lower() for line in first_names.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")) if first_names.exists() else frozenset()
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
        self.regional_bodies = frozenset(lex.get("regional_bodies", []))
        self.bare_kinds = frozenset(w.lower() for w in lex.get("bare_kinds", []))

    def _load_stoplists(self) -> None:
        names, anti = set(), set()
        for line in self.stoplist_path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            if line.startswith("*"):
                anti.add(line[1:].lower())
            else:
                names.add(norm(line).lower())
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
        name = norm(d["name"])
        entry = {
            "name": name,
            "aliases": [norm(a) for a in d.get("aliases", []) if a and a.strip()],
            "exact": [norm(a) for a in d.get("exact", []) if a and a.strip()],
            "forms": [norm(a) for a in d.get("forms", []) if a and a.strip()],
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
