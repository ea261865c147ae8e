"""Merging the institution spans of several docs (the blocks of one document)
into one list of institutions."""
from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.tokens import Doc

from ...text_match import letters_in_order
from ..spans import doc_text
from .data import SPANS_KEY, InstitutionData, load_data

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
        if " " not in a and len(longer := [b for b in names if b in found and b.startswith(a + " ")]) == 1:
            # "Landesamt" after "Landesamt für Schule und Bildung": the short form of the one
            # institution of this document that it begins.
            found[longer[0]]["count"] += found.pop(a)["count"]
            continue
        if " " not in a and len(within := [b for b in names if b in found and b != a and a in b.split()[1:]]) == 1:
            # "Feuerwehr" beside "Freiwillige Feuerwehr Ruppertshofen", "Schulamt" beside "Staatliches
            # Schulamt Lörrach": the one institution of the document whose name holds the word.
            _merge_into(found, a, within[0])
            continue
        if " " not in a and (compound := _compound_of(a, [b for b in names if b in found and b != a])) is not None:
            # "Polizei" beside "Polizeiinspektion Birkenfelde", "Jugendamt" beside "Kreisjugendamt Hohenfels":
            # the one institution of the document whose name is a compound of the bare word.
            _merge_into(found, a, compound)
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
    _merge_abbreviations(found)
    _merge_into_local_branch(found, data)
    _drop_introduced_abbreviations(found, docs, learned)
    out = []
    for canon, item in found.items():
        al = [x for x in data.aliases_for(canon) if x != canon]
        al += [ab for ab, c in learned.items() if c == canon and ab not in al]
        al += [form for form in item.pop("forms", []) if form not in al and form != canon]
        item["aliases"] = al
        out.append(item)
    return out


# What a compound adds to make a body of members of its own: "Gemeinde" is not the "Gemeinderat",
# the "Kreistag" not the "Kreistagsfraktion".
_ORGAN_PARTS = ("rat", "räte", "tag", "ausschuss", "fraktion", "versammlung", "vertretung", "vorstand", "konferenz",
                "beirat", "parlament")


def _compound_of(word: str, names: list[str]) -> str | None:
    """The one other name whose first word begins with ``word`` (else: the one that has a word ending
    in it), when that compound names a unit of the same institution, not one of its organs."""
    low = word.lower()

    def organ(rest: str) -> bool:
        rest = rest[1:] if rest.startswith("s") and not rest.startswith("st") else rest  # Fugen-s: "Kreistags|fraktion"
        return rest.startswith(_ORGAN_PARTS)

    heads = [n for n in names if (first := n.split()[0].lower()).startswith(low) and len(first) > len(low)
             and not organ(first[len(low):])]
    if heads:
        return heads[0] if len(heads) == 1 else None
    tails = [n for n in names if any(w.lower().endswith(low) and len(w) > len(low) for w in n.split())]
    return tails[0] if len(tails) == 1 else None


def _merge_abbreviations(found: dict[str, dict]) -> None:
    """"PSZ" beside "Psychosoziales Zentrum", "WFG" beside "Wirtschaftsförderungsgesellschaft": an
    abbreviation whose letters spell, in order, the one longer name of the document that starts with
    its first letter, is that institution's short form."""
    for short in [n for n in found if _ACRONYM.fullmatch(n)]:
        # the longer names: several words, or one long word that is no abbreviation itself
        fits = [n for n in found if n != short and (" " in n or (len(n) > 2 * len(short) and not n.isupper()))
                and _abbreviates(short, n)]
        if len(fits) == 1:
            _merge_into(found, short, fits[0])


def _merge_into(found: dict[str, dict], short: str, name: str) -> None:
    """One institution under two names: its mentions counted under ``name``, ``short`` kept as a form."""
    target = found[name]
    target["count"] += found.pop(short)["count"]
    target.setdefault("forms", []).append(short)


def _merge_into_local_branch(found: dict[str, dict], data: InstitutionData) -> None:
    """"Diakonie" beside "Diakonisches Werk Kellenbach", "DGB" beside "DGB-Region Eichwald-Werra": a
    registry body named bare is the one local branch of the document whose name begins with it
    (or with one of its other names)."""
    for short in list(found):
        entry = data.entry_for(short)
        if entry is None or entry.get("name") != short:
            continue  # only the registry's own bare name ("Caritas Ehingen" is a branch itself)
        heads = [short] + [x for x in data.aliases_for(short) if x != short]
        branches = [n for n in found if n != short and any(_branch_of(n, h, data) for h in heads)]
        if len(branches) == 1:
            _merge_into(found, short, branches[0])


def _branch_of(name: str, head: str, data: InstitutionData) -> bool:
    """"Diakonisches Werk Kellenbach" (a place after the name), "DGB-Region Eichwald-Werra" (a region
    joined by a hyphen); not "Grüne Jugend Lemgo" (another organisation whose name begins alike)."""
    if name.startswith(head + "-"):
        return name[len(head) + 1:].split("-", 1)[0].split(" ", 1)[0].lower() in _REGION_WORDS
    if not name.startswith(head + " "):
        return False
    rest = name[len(head) + 1:].split()
    if not 1 <= len(rest) <= 3:
        return False
    # "AWO Kreisverband Rotenfels e.V.": a branch's level word; "Diakonisches Werk Rotenfels", "AWO Lindenau":
    # one capitalised word after a name of several words or an abbreviation names the place of the branch.
    return (rest[0] in data.places or data.suffix_place(rest[0]) or rest[0].lower() in _REGION_WORDS
            or (len(rest) == 1 and rest[0][:1].isupper() and (" " in head or head.isupper())))


_REGION_WORDS = frozenset({"region", "bezirk", "kreisverband", "kreis", "landesverband", "ortsverband", "stadtverband", "ortsverein",
                           "bezirksverband", "regionalverband", "unterbezirk", "ortsgruppe", "kreisvereinigung"})
_ACRONYM = re.compile(r"[A-ZÄÖÜ]{2,5}")


def _abbreviates(short: str, name: str) -> bool:
    words = re.findall(r"[^\W\d_]+", name)
    if not words or len(words) > 6 or words[0][:1].lower() != short[:1].lower():
        return False
    return letters_in_order(short, "".join(words))


def _drop_introduced_abbreviations(found: dict[str, dict], docs: list[Doc], learned: dict[str, str]) -> None:
    """"… das Psychosoziale Zentrum (PSZ) …" and later "beim PSZ": an abbreviation the minutes
    introduce in brackets (or explain in brackets after it) stands for that name; when that name was not recognised the
    abbreviation alone is no better a name for it (an unknown abbreviation used without
    introduction, "beim HTV", stays)."""
    shorts = [n for n, item in found.items() if _ACRONYM.fullmatch(n) and item["kind"] == "ORG" and n not in learned]
    if not shorts:
        return
    text = " ".join(doc_text(doc) for doc in docs)
    for short in shorts:
        # "(PSZ)", "(Psychosoziales Zentrum – PSZ)", "(Landesprüfungsamt, LPA)", "WLSB (Württembergischer …)"
        if re.search(rf"[(,–-]\s*{short}\s*\)|\b{short}\s*\(\s*[A-ZÄÖÜ][a-zäöüß]", text):
            found.pop(short)
