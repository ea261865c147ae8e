"""The grammar that grows an institution span around its anchor: names,
places, sites, complements ("Ausschuss für Soziales …"), quoted names, left
modifiers ("Sächsisches Staatsministerium") and legal forms."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from ..doc_places import is_place_compound
from .data import HeadRule

# candidate priorities: a lower number wins between spans of equal length
PRIO_REGISTRY, PRIO_RULE, PRIO_WEAK, PRIO_NER = 0, 1, 2, 3
_SITE_KINDS = frozenset({"bildung", "einrichtung", "unternehmen"})


_CONFESSIONS = frozenset({"ev.", "evang.", "kath.", "luth."})  # before a church body, split off their full stop
# "Mittelfranken-West", "Rhein-Neckar", "Oberschwaben-Weißenau": capitalised parts joined by hyphens.
_REGION_COMPOUND = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)+$")
# "Solothurner", "Hamburger": a capitalised word in -er before a newspaper or broadcaster names its town.
_TOWN_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]{3,}er$")
# After a number: the units of an amount, and the inflected words that are no adjective of a count
# ("Gruppe 35 hatte Probleme", "Gruppe 35 eine Präsentation").
_AMOUNT_UNITS = frozenset({"€", "%", "eur", "euro", "prozent"})
_NOT_ADJECTIVE = frozenset({
    "eine", "einen", "einem", "einer", "eines", "keine", "keinen", "seine", "seinen", "ihre", "ihren", "diese", "diesen", "jede",
    "alle", "beide", "hatte", "hatten", "wurde", "wurden", "habe", "haben", "werde", "werden", "sollte", "sollten", "konnte",
    "konnten", "wollte", "wollten", "würde", "würden", "wäre", "wären", "gegen", "unter", "über", "oder", "aber", "ohne", "wieder",
    "sowie", "bitte", "gerne", "ebenfalls", "schon", "erneut", "weiter", "später", "lediglich", "seit", "ab", "bis",
})


class SpanGrammar:
    """Span-building methods of ``InstitutionRecognizer`` (a base class: it
    reads ``self.data``, ``self._tok`` and ``self._doc_places``)."""

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
        if "-" in txt and (is_place_compound(txt, self._is_place_word) or _REGION_COMPOUND.match(txt)) and self._name_tok(t, "name"):
            return k + 1  # "Eschenau-Rheintal"; "IHK Mittelfranken-West", "IHK Waldeck-Eder": a region's double name
        if t.lower_ in ("region", "kreis", "landkreis") and k + 1 < n and self._place_only(doc, k + 1) == k + 2:
            return k + 2  # "Welcome Center Region Eschenau", "Jobcenter Kreis Altenhagen"
        if self.data.suffix_place(txt) and (self._name_tok(t, "name") or self._town_compound(t)):
            return k + 1
        return k

    def _region(self, doc: Doc, k: int) -> int:
        """The region a regional body's branch is named by, known as a place or not: "IHK Nordheide",
        "IHK Mittlerer Oberrhein", "Handwerkskammer der Pfalz" (one or two name words; not "IHK Frau …")."""
        n = len(doc)
        j = k + 1 if k + 1 < n and doc[k].lower_ in ("der", "des") else k
        end = j
        while end < n and end - j < 2 and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].text.isupper() \
                and doc[end].lower_ not in self.data.titles and doc[end].lower_ not in self.data.first_names and self._name_tok(doc[end], "name"):
            end += 1
        return end if end > j else k

    def _town_compound(self, t) -> bool:
        """"Weilstadt", "Neustadt" after a name: a town, though "-stadt" makes it a head word
        of its own ("Hansestadt", "Kreisstadt" stay heads)."""
        lw = t.lower_
        return lw.endswith(("stadt", "städt")) and lw not in self.data.place_heads and not t.text.isupper()

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
        """A place by list, by this document or by its ending (the parts of "Eschenau-Rheintal",
        capitalised: is_place_compound checks that first)."""
        return word in self.data.places or word in self._doc_places or self.data.suffix_place(word)

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
                    and self._name_tok(doc[pos + 1], mode)
                    # "Fachdienst Schule und Birgit Eggers": a person joined to the body, no part of its name
                    and not (doc[pos + 1].lower_ in d.first_names and pos + 2 < n and doc[pos + 2].text[:1].isupper())):
                end = pos = pos + 2
                count += 1
                continue
            if t.text in ("St.", "Hl.") and pos + 1 < n and self._name_tok(doc[pos + 1], mode):
                pos += 1  # "Pfarrgemeinderat St. Marien": the saint's title is no name of its own
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
        if nxt is None:
            return True
        if nxt.lower_ in _AMOUNT_UNITS:
            return False  # "Albverein 800 €", "Landkreis 10 %": an amount
        after = doc[pos + 2] if pos + 2 < len(doc) else None
        if (nxt.is_alpha and nxt.text[0].islower() and nxt.lower_.endswith(("e", "en", "er", "es")) and nxt.lower_ not in _NOT_ADJECTIVE
                and after is not None and after.is_alpha and after.text[:1].isupper()):
            return False  # "der Verein 30 ordentliche Mitglieder": a count of what follows
        return not (nxt.is_alpha and nxt.text[:1].isupper()) or len(txt) == 4

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

    def _left(self, doc: Doc, i: int, any_place: bool = False) -> tuple[int, bool]:
        """Capitalised adjectives and place adjectives before a head
        ("Sächsisches Staatsministerium", "Leipziger Volkszeitung") and a
        truncated coordination ("Industrie- und Handelskammer"). With ``any_place``
        (a newspaper's or broadcaster's head) any capitalised word in -er is one:
        "Solothurner Tagblatt" names its town, known to the place list or not."""
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
            if txt == "." and j >= 1 and doc[j - 1].lower_ + "." in _CONFESSIONS:  # "Ev. Kirchengemeinde", "Kath. Jugend"
                mods.append(j - 1)
                start = j - 1
                j -= 2
                continue
            if lw in d.grade_adjectives:  # "die untere Naturschutzbehörde": lower case, part of the name
                mods.append(j)
                start = j
                j -= 1
                continue
            # "Deutsch-Marokkanischer", "Baden-Württembergischer": capitalised parts joined by hyphens.
            hyphened = "-" in txt and all(p[:1].isupper() and p.isalpha() for p in txt.split("-"))
            if (not txt[:1].isupper() or not (t.is_alpha or hyphened) or lw in d.determiners
                    or lw in d.name_break_words or lw in d.titles):
                break
            last = txt.rsplit("-", 1)[-1]
            if d.adjective_stem(last) and lw.endswith(("e", "en", "er", "es", "em")):
                pass
            elif (d.is_place_adjective(txt) or (any_place and _TOWN_ADJECTIVE.match(txt))) and d.head_lookup(txt) is None:
                pass  # place adjective: "Leipziger", "Gundelfinger"
            else:
                break
            mods.append(j)
            start = j
            j -= 1
        if mods and start == mods[-1] and self._boundary(doc, start):
            first = doc[start].text.rsplit("-", 1)[-1]  # "Deutsch-Marokkanischer": its last part
            if not (d.is_place_adjective(first) or d.is_proper_adjective(first) or first.lower() + "." in _CONFESSIONS):
                start += 1  # sentence-initial generic adjective: "Zuständige Behörde ..."
        return start, any(m >= start for m in mods)

    def _head_span(self, doc: Doc, i: int, info: tuple, reg_start: dict):
        rule, form, bare, _nom = info
        n = len(doc)
        d = self.data
        if i + 1 < n and rule.kind == "gremium" and (
                doc[i + 1].lower_ in d.titles or (doc[i + 1].lower_ in d.first_names and doc[i + 1].text[:1].isupper())
                or (i > 0 and doc[i - 1].lower_ in d.titles and doc[i + 1].text[:1].isupper())):
            return None  # "Stadtrat Herr Müller", "Gemeinderat Markus Ruf", "Herr Stadtrat Vogt": a person's role
        start, has_left = self._left(doc, i, any_place=rule.left)
        end = i + 1
        if form in ("pl", "datpl"):
            if (rule.standalone == "none" or (bare and not rule.bare_plural)
                    or (not bare and not rule.compound_plural) or (rule.left and not has_left)
                    or (not bare and not has_left)):  # "Mitgliedsgemeinden", "Sportvereine": a kind, not one body
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
                if e2 > end:
                    e2 = self._legal_after(doc, e2)  # "Kleingartenverein „Reichsbahnfeld“ e. V."
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
        return (start, end, d.kind_for(canon) or rule.kind, canon, PRIO_RULE)

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
        return (start, end, d.kind_for(canon) or rule.get("kind", "ORG"), canon, PRIO_RULE)

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
        return (s, e, d.kind_for(canon) or "ORG", canon, PRIO_NER)
