"""Owners of a task: whether an owner phrase names a person, an institution or a
group ("Frau Dr. Yilmaz", "Jobcenter Musterstadt", "Bau-AG", "FL, FT, BF")."""
from __future__ import annotations

import re

from ..schema import Responsible, ResponsibleKind
from .lexicon import first_names, german_word, group_words, handle_like, inflected_form, not_owner_words, surnames
from .people import COUNCIL_OFFICES, NAME_PARTICLES, PeopleIndex
from .rx_gate import any_may_match, gated
from .text import clean

# Words before a person's name. MALE/FEMALE tell "Er"/"Sie" apart ("Er sagte zu, …").
MALE_HONORIFICS = ("Herr", "Herrn", "Hr.")
FEMALE_HONORIFICS = ("Frau", "Fr.")
# "Fam. Becker": a family named like a person (parents' councils, neighbourhood groups).
HONORIFIC_WORDS = frozenset(MALE_HONORIFICS + FEMALE_HONORIFICS + ("Dr.", "Prof.", "Fam.", "Familie"))
# Any of them, as a regex alternation: "Herrn" before "Herr" (longest first).
HONORIFIC_RX = "(?:" + "|".join(re.escape(w) for w in sorted(HONORIFIC_WORDS, key=len, reverse=True)) + ")"
SALUTATION_RX = "(?:" + "|".join(re.escape(w) for w in sorted(MALE_HONORIFICS + FEMALE_HONORIFICS, key=len, reverse=True)) + ")"
# The owner-phrase check keeps its own list: "Herrn X" (dative) is no owner phrase.
# Council offices before a name ("GR Maier", "Bgm. Huber") count as honorifics here too.
_HONORIFIC = r"(?:Frau|Herr|Hr\.|Fr\.|Dr\.|Prof\.|Fam\.|Familie|" + "|".join(re.escape(o) for o in COUNCIL_OFFICES) + ")"
# "Frau Lenz", "Herr Dr. Brandt": a person named with a salutation (case-sensitive, as written).
NAMED_PERSON = re.compile(rf"\b(?P<title>{SALUTATION_RX})\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w-]+")
SALUTATIONS = MALE_HONORIFICS + FEMALE_HONORIFICS  # SALUTATION_RX's words: one must occur for NAMED_PERSON to match
_HONORIFIC_NAME = re.compile(rf"^{_HONORIFIC}\s+\S")  # compiled once: asked of every owner phrase
# Council minutes name people by their office: "Ortsbürgermeister Liebner sagt zu, …".
_OFFICE_TITLES = (
    "Bürgermeister", "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin", "Ortsbürgermeister",
    "Ortsbürgermeisterin", "Bezirksbürgermeister", "Bezirksbürgermeisterin", "Ortsvorsteher", "Ortsvorsteherin",
    "Landrat", "Landrätin", "Stadträtin", "Gemeinderätin", "Kreisrätin", "Ortsrätin", "Ortschaftsrätin", "Bezirksrätin",
    "Ratsmitglied", "Ortsratsmitglied",
    "Ratsherr", "Ratsfrau", "Stadtverordneter", "Stadtverordnete", "Beigeordneter", "Beigeordnete", "Kämmerer",
    "Kämmerin", "Amtsleiter", "Amtsleiterin", "Fachbereichsleiter", "Fachbereichsleiterin", "Pfarrer", "Pfarrerin",
    # church and school offices: "Diakon Gschwind", "Pastorin Lange", "Rektorin Yilmaz"
    "Diakon", "Diakonin", "Pastor", "Pastorin", "Pater", "Dekan", "Dekanin", "Kaplan", "Gemeindereferent", "Gemeindereferentin",
    "Pastoralreferent", "Pastoralreferentin", "Superintendent", "Superintendentin", "Rektor", "Rektorin",
    "Schulleiter", "Schulleiterin", "Konrektor", "Konrektorin")
# "Ortsbürgermeister Kaltenbach …. Er sagte zu, …": a person named by office, for the pronoun of the next
# sentence (a feminine office, "-in" or "Ratsfrau", is "sie"; "Beigeordnete", "Stadtverordnete" say neither).
_PRONOUN_OFFICES = "|".join(o for o in _OFFICE_TITLES if not o.endswith("ordnete"))
OFFICE_PERSON = re.compile(r"\b(?P<office>" + _PRONOUN_OFFICES + r")\s+(?:(?:Dr\.|Prof\.)\s+)?[A-ZÄÖÜ][\w-]+")
# The cheap word test in front of it (asked of every sentence; most name no office).
may_name_office = any_may_match([gated(re.compile(_PRONOUN_OFFICES, re.I))])


def office_pronoun(office: str) -> str:
    return "sie" if office.endswith("in") or office == "Ratsfrau" else "er"


# "C. Welchert", "Th. Eggers": a first name's initial and a surname ("St." is mostly Sankt: "St. Georg").
_INITIAL_SURNAME = re.compile(r"^(?!St\.)[A-ZÄÖÜ][a-z]?\.\s?[A-ZÄÖÜ][a-zäöüßéèáàç'’]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàç'’]+)?$")
# "S.G.", "F.Re.", "H.St.", "Ma.K.", "H.-W. K.": a person abbreviated by dotted initials (two or three).
_DOTTED_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöü]{0,2}\.(?:\s?-\s?[A-ZÄÖÜ][a-zäöü]{0,2}\.)?\s?){2,3}$")
# Abbreviations that are no initials ("Fr. Dr.", "St.", "Nr.").
_NOT_INITIALS = frozenset({"Dr.", "Fr.", "Hr.", "Prof.", "Bgm.", "St.", "Nr.", "Abs.", "Tel.", "Str.", "Ref.", "Abt.", "Pfr.", "Dipl.", "Ing.", "Mag.", "Vors.", "Stv."})
# "Stadtrat Vogt" is a councillor, "Stadtrat Hausen" the council of a town: only with a known name.
_BODY_OR_OFFICE = ("Stadtrat", "Gemeinderat", "Kreisrat", "Ortsrat", "Ortschaftsrat", "Bezirksrat")
# Words that name a person when a surname follows ("Stadtrat Zeller", "Pfarrer Demir"), lower case.
PERSON_OFFICE_WORDS = frozenset(o.casefold() for o in _OFFICE_TITLES + _BODY_OR_OFFICE)
_OFFICE_NAME = re.compile(
    r"^(?P<office>" + "|".join(_OFFICE_TITLES + _BODY_OR_OFFICE) + r")\s+(?:(?:Dr\.|Prof\.)\s+)?"
    r"(?P<name>[A-ZÄÖÜ][\wäöüßéèáàç'’-]+(?:\s+[A-ZÄÖÜ][\wäöüßéèáàç'’-]+)?)$")
# "FL", "KB", and the short forms offices sign with: "JöR", "SvB" (capitals with at most one small letter).
INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]{2,3}|(?=[A-ZÄÖÜ]+[a-zäöü][A-ZÄÖÜ]+$)[A-Za-zÄÖÜäöü]{3})$")
_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàçğşıñ'’-]+$")
_SHORT_SURNAME = re.compile(r"^[A-ZÄÖÜ]\.$")  # "Katja F."
_ARTICLE = re.compile(r"^(?:der|die|das|den|dem|des)\s+", re.I)
_PAREN_PART = re.compile(r"^(?P<main>[^()]*?)\s*\((?P<paren>[^()]*)\)?\s*$")
_GROUP_NAME = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:-(?:AG|Team|Gruppe|Kreis))?(?:\s+(?:[A-ZÄÖÜ][\w-]*|\([^()]{1,30}\)))*$")
_MENTION = re.compile(r"(?<![\w.])@(?=\w)")
# Words notes write in capitals that name no one ("→ OK", "-> JA, machen wir", "TBD").
_CAPITALISED_WORDS = frozenset({"ok", "ja", "nein", "neu", "top", "to", "tbd", "tba", "fyi", "wip", "alle", "pdf", "faq", "und"})
# Words that can own a task on their own, also as the tail of a compound ("Vorbereitungsgruppe").
_OWNING_TAILS = (
    "gruppe", "team", "kreis", "rat", "ausschuss", "verwaltung", "leitung", "stelle", "amt", "büro", "vorstand",
    "stadt", "gemeinde", "bezirk", "verein", "verband", "schule", "kita", "polizei", "feuerwehr", "alle")
_WITH = re.compile(r"\s+(?:gemeinsam\s+|zusammen\s+)?mit\s+(?:(?:der|dem|den)\s+)?")
_OWNER_SPLIT = re.compile(r"\s*(?:,|;|/|\+|&|\bund\b|\bsowie\b)\s*")


def acting_for(body: Responsible, person: str, **update) -> Responsible:
    """"Geschäftsstelle (KB)", "JC (Fr. Lorenz)": a body with the person acting for it, one owner
    written the way minutes write it (``update``: further fields, e.g. the person's ``resolved``)."""
    return body.model_copy(update={"name": f"{body.name} ({person})", **update})


def body_and_person(found: list[Responsible], named: list[Responsible]) -> list[Responsible] | None:
    """The one body a task's sentence gave and the one person a note names for it ("Das LRA klärt
    das intern. Zuständig: JC", "Die Pressekonferenz organisiert die Geschäftsstelle – KB"), kept
    together; None when they are not one body and another person."""
    if (len(found) == 1 and len(named) == 1 and found[0].kind in (ResponsibleKind.INSTITUTION, ResponsibleKind.GROUP)
            and named[0].kind is ResponsibleKind.PERSON and "(" not in found[0].name
            and found[0].name.casefold() != named[0].name.casefold()):
        return [acting_for(found[0], named[0].name, resolved=named[0].resolved)]
    return None


def _strip_owner(text: str) -> str:
    """Trim punctuation around an owner phrase, keeping the dot of an abbreviated surname ("Katja F.")
    or of dotted initials ("S.G.", "F.Re.")."""
    text = clean(text).strip(" :;,-–")
    if text.endswith(".") and not re.search(r"(?:^|\s)[A-ZÄÖÜ]\.$|(?:^|[\s.-])[A-ZÄÖÜ][a-zäöü]?\.$", text):
        text = text.rstrip(".").rstrip()
    return text.lstrip(".")


class OwnerClassifier:
    """Classifies owner phrases against the attendees (``people``) and the
    institutions the document names; the base of ``ActionExtractor``."""

    def __init__(self, people: PeopleIndex, institution_names: set[str]):
        self.people = people
        self.institution_names = {n.casefold() for n in institution_names}
        self._institution_prefixes = tuple(n + " " for n in self.institution_names)  # one startswith for all
        self._classified: dict[str, Responsible | None] = {}
        # "Agentur", "Bildungsbüro": the nouns of the longer institution names the document gives.
        self.institution_heads = {
            t.casefold() for n in institution_names if len(words := n.split()) > 1
            for t in words if len(t) >= 4 and t[:1].isupper() and not t.isupper()}

    def institution_head(self, word: str) -> Responsible | None:
        """"Agentur" in a document naming "Agentur für Arbeit": the institution by its noun."""
        return Responsible(name=word, kind=ResponsibleKind.INSTITUTION) if word.casefold() in self.institution_heads else None

    def responsible(self, text: str) -> Responsible | None:
        """Classify an owner phrase as written, or None when it is not owner-like (each phrase
        once per document: the same names are asked again and again; a copy goes out, since
        exports may rewrite an owner)."""
        try:
            found = self._classified[text]
        except KeyError:
            found = self._classified[text] = self._responsible(text)
        return found.model_copy() if found is not None else None

    def _responsible(self, text: str) -> Responsible | None:
        raw = _strip_owner(text)
        paren = None
        if "(" in raw and (m := _PAREN_PART.match(raw)) and m.group("main"):  # the pattern needs a "("
            raw, paren = m.group("main").strip(), m.group("paren").strip()
        found = self._classify(raw, paren)
        if found is not None and paren and self._names_the_other_side(found, paren):
            # "Welcome Center (Fr. Sander)", "Frau Lindqvist (VHS)": the institution and the person
            # acting for it, as the minutes write the owner.
            found = acting_for(found, paren)
        return found

    def _names_the_other_side(self, found: Responsible, paren: str) -> bool:
        """Whether the bracket after an owner names the person acting for an institution, or
        the institution a person acts for (not a role: "(Vorsitz)", "(Protokoll)")."""
        if found.kind is ResponsibleKind.PERSON and not INITIALS.match(found.name):
            inner = self._classify(paren, None)
            return inner is not None and inner.kind is ResponsibleKind.INSTITUTION
        # "LAB (Hr. Reinhardt)": an abbreviation before a person is the body that person acts for.
        if found.kind in (ResponsibleKind.INSTITUTION, ResponsibleKind.GROUP, ResponsibleKind.PERSON):
            return self.people.resolve(paren) is not None or bool(_HONORIFIC_NAME.match(paren))
        return False

    def _classify(self, raw: str, paren: str | None) -> Responsible | None:
        name = _strip_owner(_ARTICLE.sub("", raw))
        if not name or len(name) > 60:
            return None
        tokens = name.split()
        low = name.casefold()
        if tokens[0].casefold() == "alle" and len(tokens) <= 3 and all(t[:1].isupper() for t in tokens[1:]):
            # "(alle)", "– alle Beratungsstellen", "alle tragen sich … ein": everyone (of a group) does it.
            return Responsible(name=name, kind=ResponsibleKind.GROUP)
        person = self.people.resolve(name)
        if person is not None:
            return Responsible(name=name, kind=ResponsibleKind.PERSON, resolved=person.name if person.name != name else None)
        if low in self.institution_names or self._institution_with_place(name):
            helper = self.people.resolve(paren) if paren else None
            return Responsible(name=name, kind=ResponsibleKind.INSTITUTION, resolved=helper.name if helper else None)
        # "Bürgermeister Lüders", "Pfarrer Demir": an office with a name is the person holding it (before
        # the group words, which hold the offices too: "der Bürgermeister" alone is the office).
        if (office := _OFFICE_NAME.match(name)) and (office.group("office") not in _BODY_OR_OFFICE or (
                self.people.resolve(office.group("name")) or office.group("name").split()[-1].casefold() in surnames())):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        # "Gerätewart Hannes Rombach", "Kassiererin Anna Klein": a role word before a given name and a surname.
        if len(tokens) == 3 and tokens[1].casefold() in first_names() and tokens[0][:1].isupper() and tokens[2][:1].isupper() and (
                tokens[0].casefold() not in not_owner_words() and tokens[2].isalpha()):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        if (tokens[0].casefold() in group_words() or tokens[-1].casefold() in group_words()) and len(tokens) <= 4 and all(
            t[:1].isupper() for t in tokens
        ):
            return Responsible(name=name, kind=ResponsibleKind.GROUP)
        if INITIALS.match(name) and low not in not_owner_words():
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        # ("N. N.", nomen nescio, holds the place of someone not yet named)
        if _DOTTED_INITIALS.match(name) and not any(t in _NOT_INITIALS for t in tokens) and name.replace(" ", "") != "N.N.":
            return Responsible(name=name, kind=ResponsibleKind.PERSON)  # "S.G.", "F.Re.", "H.-W. K."
        if _INITIAL_SURNAME.match(name):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)  # "C. Welchert", "Th. Eggers"
        # "Frau Dr. Yilmaz", "Herr von Berg": after the honorific only name words (not "Herr Rasche berichtet").
        if _HONORIFIC_NAME.match(name) and len(tokens) <= 4 and all(
            t[:1].isupper() or t in NAME_PARTICLES for t in tokens[1:]
        ):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        if (
            len(tokens) <= 3
            and tokens[0].casefold() in first_names()
            and tokens[0].casefold() not in not_owner_words()
            and all(_NAME.match(t) or _SHORT_SURNAME.match(t) for t in tokens)
        ):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        return None

    def _institution_with_place(self, name: str) -> bool:
        """"Jobcenter Musterstadt": a known institution followed by one or two capitalised words."""
        low = name.casefold()
        if not low.startswith(self._institution_prefixes):
            return False  # no institution's name and a space: the loop below finds none
        for n in self.institution_names:
            if low.startswith(n + " "):
                rest = name[len(n) + 1 :].split()
                if len(rest) <= 2 and all(t[:1].isupper() for t in rest):
                    return True
        return False

    def owners(self, text: str, *, lenient: bool = False, handles: bool = False) -> list[Responsible]:
        """Owners from an owner phrase ("FL, FT, BF", "Thomas und Julia"); empty if any part is not owner-like.

        ``lenient``: the phrase stands where only owners stand (after an arrow), so
        an unknown capitalised short name ("Mo") counts as a person too.
        ``handles``: the grammar puts a person there ("Dies wird von Lasall geklärt"), so a
        single word that is no German word ("svij", "bf9001") names one.
        """
        if "@" in text:
            text = _MENTION.sub("", text)  # "@Anne, @David": mentions in pads and chats
        whole = self.responsible(text)
        if whole is not None and whole.kind is ResponsibleKind.INSTITUTION:
            return [whole]  # "Amt für Soziales und Wohnen" is one owner
        parts = [p for p in _OWNER_SPLIT.split(clean(text)) if p]
        if lenient and " mit " in text and (joined := self._joined_by_mit(text, handles)):
            return joined
        out = []
        for p in parts:
            r = self.responsible(p)
            if r is None and lenient:
                r = self._lenient_person(p)
            if r is None and handles and handle_like(p):
                r = Responsible(name=p.strip(" .:;!"), kind=ResponsibleKind.PERSON)
            if r is None:
                return []
            out.append(r)
        return out

    def _joined_by_mit(self, text: str, handles: bool) -> list[Responsible]:
        """"Fr. Schönfeld mit Fr. Weinzierl", "Sozialamt (Hr. Reimers) gemeinsam mit Diakonie": where
        only owners stand, "mit" joins owners as "und" does (each side must be an owner)."""
        sides = _WITH.split(clean(text))
        if len(sides) != 2 or not all(sides):
            return []
        out = []
        for side in sides:
            found = self.owners(side, lenient=True, handles=handles)
            if not found:
                return []
            out.extend(found)
        return out

    @staticmethod
    def _lenient_person(text: str) -> Responsible | None:
        tokens = clean(text).strip(" .:;!").split()
        # "– alle Träger, bis 20.05.", "Benennung …: alle Stellen": where only an owner stands, all
        # members of a group named in the plural.
        if 2 <= len(tokens) <= 3 and tokens[0].casefold() == "alle" and all(t[:1].isupper() for t in tokens[1:]):
            return Responsible(name=" ".join(tokens), kind=ResponsibleKind.GROUP)
        # "Betreuungsplan → UM", "→ AM, bis KW 10": two or three capitals where only an owner stands
        # are initials, also when they spell a short word ("um", "am"); not "→ OK", "→ JA".
        if len(tokens) == 1 and tokens[0].isalpha() and tokens[0].isupper() and 2 <= len(tokens[0]) <= 3 and (
                tokens[0].casefold() not in _CAPITALISED_WORDS):
            return Responsible(name=tokens[0], kind=ResponsibleKind.PERSON)
        # "GitLab CI -> Aspekte", "-> Terminsuche": a common word after an arrow is what follows,
        # no one's name (unless a first name or a common surname that is also a word: "– Wagner").
        if len(tokens) == 1 and (low := tokens[0].casefold()) not in first_names() and low not in surnames() and (
                inflected_form(tokens[0]) or (german_word(tokens[0]) and not low.endswith(_OWNING_TAILS))):
            return None
        if 1 <= len(tokens) <= 2 and all(_NAME.match(t) or _SHORT_SURNAME.match(t) for t in tokens):
            if tokens[0].casefold() not in not_owner_words():
                return Responsible(name=" ".join(tokens), kind=ResponsibleKind.PERSON)
        # Where only an owner can stand, a working group or unit: "Bau-AG", "Welcome Service",
        # "AA (Arbeitgeber-Service)".
        if 1 <= len(tokens) <= 3 and _GROUP_NAME.match(" ".join(tokens)) and tokens[0].casefold() not in not_owner_words():
            return Responsible(name=" ".join(tokens), kind=ResponsibleKind.GROUP)
        return None
