"""The meeting's own body as its title line names it, among the institutions.

Minutes name the body holding the meeting in their title, in a few set shapes:
"Protokoll der 7. Sitzung des Arbeitskreises Integration Lindenfurt", "Kurzprotokoll
Netzwerktreffen Frühe Hilfen – Region Nord", "Protokoll Plenum Hausprojekt Kastanienhof –
06.07.2026", "Koordinierungskreis Fachkräftesicherung Landkreis Wendhausen". The gold rules
list the own organisation among the institutions in the fullest form used, which the
recognizer, reading names it knows, often gets only in part ("Landkreis Wendhausen").
"""
from __future__ import annotations

import re

from ..schema import Institution
from .meta import is_body_name, meta_keys

# A title's parts: "Netzwerk Ausbildung … – Jahresplanungstreffen 2026", "Betreff: …", "X | Y".
_PARTS = re.compile(r"\s+[–—-]\s+|\s*\|\s*|:\s+|,\s+(?=\d)")
_ORDINAL_OR_DATE = re.compile(
    r"^(?:[\d./-]*\d[\d./-]*|(?:erste|zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte)[nrs]?|"
    r"(?:Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch|(?:Jan(?:uar)?|Feb(?:ruar)?|März|Apr(?:il)?|Mai|Juni?|Juli?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Okt(?:ober)?|Nov(?:ember)?|Dez(?:ember)?)\.?)$", re.I)
# "Netzwerktreffen", "Beiratssitzung", "Landesvorstandssitzung", "Jahreshauptversammlung",
# "Maintainer-Call": a word for the meeting itself; the name after it is the body's.
_MEETING_WORD = re.compile(r"(?:sitzung|treffen|versammlung|besprechung|call|runde)$", re.I)
_WORD_EDGE = "„“\"'()"
# Where a title goes on after the name: the day and time of the meeting ("… am 6. Mai 2016 in
# Augsburg", "… um 19 Uhr", "… vom 12.03."), a remark in brackets.
_AFTER_NAME = frozenset({"am", "vom", "um", "ab", "bis"})
# Lower-case words a body's name may hold ("Ausschuss für Soziales und Integration", "Netzwerk
# Ausbildung für Geflüchtete im Kreis X"); any other ("Unser Dorf hat Zukunft") makes it no name.
_NAME_LINKS = frozenset({"für", "der", "des", "die", "das", "den", "dem", "und", "im", "zur", "zum", "von", "an", "auf", "mit"})
_LEGAL_FORMS = frozenset({"e.v.", "e.", "v.", "eg", "gmbh", "ggmbh", "mbh", "ev"})
# Besides the minutes words of the title (models/cues/meta.json "title_noise"): the words that number
# or date a meeting ("Protokollauszug Nr. 7", "für das Jahr 2022", "19.00 Uhr").
_TITLE_EXTRA_NOISE = frozenset({"betreff", "sitzung", "nr.", "nr", "auszug", "protokollauszug", "jahr", "geschäftsjahr", "uhr"})


def _fold_genitive(word: str) -> str:
    """"Arbeitskreises" → "Arbeitskreis", "Jobcenters" → "Jobcenter" (after "des" in a title)."""
    if word.endswith("es") and len(word) > 5 and word[-3] in "tdszßx":
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def own_body_from_title(title: str | None) -> str | None:
    """The body a title names, in full, or None when the title names none this way."""
    if not title:
        return None
    organ_before = False  # "Protokoll der 2. Beiratssitzung 2026 – Welcome Service Region Kirchwald"
    for part in _PARTS.split(title):
        words, organ = _name_words(part)
        organ, organ_before = organ or organ_before, organ and not words
        if _is_name(words) and (organ or _opens_with_body(words)):
            return " ".join(words)
    return None


def _name_words(part: str) -> tuple[list[str], bool]:
    """The words of a title part that can name a body, and whether a meeting word stood before them."""
    noise = _noise()
    words = [w for w in part.split() if w.strip(_WORD_EDGE)]
    genitive = organ = False

    def drop_leading() -> None:
        nonlocal words, genitive
        # Minutes words, ordinals and articles: "Protokoll der 41. Delegiertenversammlung der …".
        while words and (words[0].casefold().strip(":,") in noise or _ORDINAL_OR_DATE.match(words[0])):
            genitive, words = words[0] == "des", words[1:]

    drop_leading()
    if words and (words[0].casefold() in meta_keys()["generic_organs"] or _MEETING_WORD.search(words[0])) and not is_body_name(words[0]):
        meeting = _MEETING_WORD.search(words[0])
        stem = words[0][: meeting.start()] if meeting else ""  # "Netzwerktreffen" → "Netzwerk"
        words = ([stem] if stem and is_body_name(stem) else []) + words[1:]
        organ = True
        drop_leading()
    for at, word in enumerate(words):
        if word.casefold() in _AFTER_NAME or (at and word.startswith("(")):
            words = words[:at]
            break
    # Trailing dates and meeting numbers: "… Treffen 19.03.2026", "… 3. Sitzung 2026".
    while words and (_ORDINAL_OR_DATE.match(words[-1]) or words[-1].casefold() in noise | _NAME_LINKS):
        words = words[:-1]
    if words and genitive:
        words[0] = _fold_genitive(words[0])
    elif words and words[0].endswith("s") and is_body_name(words[0][:-1]):
        words[0] = words[0][:-1]  # "Sitzung Beirats X" without its article
    return words, organ


def _is_name(words: list[str]) -> bool:
    """At least two words, opening with a capital (or a brand in lower case), holding no word a
    name does not hold (a verb, a person's plural "Integrationslotsinnen")."""
    if len(words) < 2 or len(words) > 10 or "/" in words or not words[0][:1].isalpha():
        return False
    if words[0].casefold() in _NAME_LINKS | _AFTER_NAME | {"in"} or " ".join(words).casefold() in meta_keys()["generic_organs"]:
        return False
    return not any(w[:1].islower() and w.casefold() not in _NAME_LINKS | _LEGAL_FORMS and not _attributive(w, after)
                   for w, after in zip(words[1:], [*words[2:], ""])) and not any(w.endswith("innen") for w in words)


def _attributive(word: str, after: str) -> bool:
    """"ausländischer Berufsabschlüsse", "berufliche Bildung": an adjective before its noun."""
    return word.endswith(("e", "en", "er", "es", "em")) and after[:1].isupper()


def _opens_with_body(words: list[str]) -> bool:
    """"Arbeitskreis Integration Lindenfurt", "Kommunale Integrationskonferenz der Stadt X": a body's
    head noun opens the name, possibly after an adjective."""
    return words[0][:1].isupper() and (
        is_body_name(words[0]) or (words[0].endswith(("e", "en", "er", "es")) and is_body_name(words[1])))


def _noise() -> set[str]:
    return set(meta_keys()["title_noise"]) | _TITLE_EXTRA_NOISE


def _same_name(a: list[str], b: list[str]) -> bool:
    """Mostly the same words ("Stadtelternrat Göttingen" / "Kita-Stadtelternrat Göttingen" do not count)."""
    common = len(set(a) & set(b))
    return bool(a and b) and 2 * common / (len(set(a)) + len(set(b))) >= 0.7


def _words(name: str) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", name) if len(w) > 2 or w.isupper()]


def add_own_body(institutions: list[Institution], title: str | None, title_block: int | None) -> str | None:
    """Put the body the title names among ``institutions`` in its fullest form: a recognized name
    that opens it becomes it ("Fachgruppe Schulsozialarbeit" → "… im DBSH Landesverband NRW"),
    one inside it stays a body of its own ("Landkreis Wendhausen"). Returns the body's name."""
    name = own_body_from_title(title)
    if name is None:
        return None
    words = _words(name)
    for inst in institutions:
        if any(_same_name(_words(form), words) for form in (inst.name, *inst.aliases)):
            return inst.name
    for inst in institutions:
        head = _words(inst.name)
        if head and words[: len(head)] == head and len(head) < len(words):
            inst.aliases = [inst.name] + [a for a in inst.aliases if a != inst.name]
            inst.name = name
            return name
    mentions = [title_block] if title_block is not None else []
    institutions.insert(0, Institution(name=name, aliases=[], kind="gremium", source="title", mentions=mentions))
    return name


# A municipal council's minutes name the council bare ("Der Gemeinderat stimmt zu") and the
# municipality bare ("die Gemeinde"): generic organs of the own organisation, which the gold rules
# leave out (devside real: 20 of 21 such bare names not listed).
_COUNCILS = ("gemeinderat", "stadtrat", "ortsrat", "ortschaftsrat", "marktgemeinderat", "verbandsgemeinderat",
             "samtgemeinderat", "ortsgemeinderat", "gemeindevertretung", "stadtverordnetenversammlung", "kreistag", "ortsbeirat")
_MUNICIPALITY = frozenset({"gemeinde", "stadt", "markt"})


def drop_own_council(institutions: list[Institution], title: str | None) -> list[Institution]:
    """Without the bare council a council's minutes are of ("Sitzung des Gemeinderats", "Gemeinderatssitzung")
    and the bare municipality it serves."""
    low = (title or "").casefold()
    council = next((c for c in _COUNCILS if re.search(rf"(?<![\w-]){c}", low)), None)
    if council is None:
        return institutions
    return [i for i in institutions if i.name.casefold() not in {council} | _MUNICIPALITY]
