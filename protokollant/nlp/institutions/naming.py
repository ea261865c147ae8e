"""String-level institution grammar on the loaded data: head nouns inside
compounds, adjective stems, inflected forms of a name and the canonical
(nominative, article-free) name of a mention."""
from __future__ import annotations

import unicodedata
from typing import Optional


def norm(text: str) -> str:
    """Collapse whitespace (incl. non-breaking spaces) and NFC-normalise."""
    return " ".join(unicodedata.normalize("NFC", text).split())  # as clean() in extract/text.py


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


class NameForms:
    """Morphology and name folding of ``InstitutionData`` (a base class: the
    attributes it reads are loaded by ``InstitutionData``)."""

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

    def suffix_place(self, word: str) -> bool:
        """An unknown place recognised by its ending: "Gundelfingen", "Rotenbach"."""
        return (len(word) > 3 and word[0].isupper() and word[1:].islower()
                and word.lower().endswith(self.place_suffixes))

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
        members or meetings: "Gemeinderatssitzung", "IHK-Vertreter"; any compound of a registry
        abbreviation and a hyphen: "BAMF-Zulassung", "BAMF-Regionalkoordinatorin", "DGB-Region"."""
        if "-" in word:
            stem = word.split("-", 1)[0]
            # "EU-Bürger", "UN-Konvention": a union of states in a compound qualifies a thing.
            if sum(c.isupper() for c in stem) >= 2 and (hit := self.exact_map.get(stem)) and self.kind_for(hit) != "international":
                return hit
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
        t = norm(text)
        return self.exact_map.get(t) or self.variant_map.get(t.lower())

    def canonical_name(self, text: str) -> str:
        """Nominative, article-free form of an institution mention:
        "des Amtsgerichts" -> "Amtsgericht", "beim Jobcenter" -> "Jobcenter",
        "IHK" -> "Industrie- und Handelskammer"."""
        t = norm(text).strip(" ,;:")
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
                # "-er" is the nominative of a masculine head ("Deutscher Gewerkschaftsbund"); before a
                # feminine or plural one it is the dative or genitive ("der Evangelischer Kirche" -> "Evangelische").
                inflected = lw.endswith(("e", "en", "em")) or (lw.endswith("er") and g in ("f", "pl") and not self.is_place_adjective(w))
                if not inflected or not w[:1].isupper():
                    continue
                stem = self.adjective_stem(w)
                if stem:
                    words[k] = stem + ending
        return " ".join(words)

    def entry_for(self, canonical: str) -> Optional[dict]:
        c = norm(canonical)
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
        c = norm(canonical)
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
        for w in norm(canonical).split(" "):
            info = self.head_lookup(w)
            if info is not None:
                return info[0].kind
        return None

    def is_excluded(self, canonical: str) -> bool:
        c = norm(canonical)
        return c.lower() in self.stop_names or c in self.places or c.lower() in self.places_lower
