"""Attendance lists: parsing person entries and resolving names and initials against them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import Person
from ..text_match import letters_in_order

# Lowercase words inside a name ("Herr von Berg"); also used for owner phrases (actions).
NAME_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "vom", "zur"})
# Council minutes put the member's office before the name: "GR Maier", "GRin Schmid", "StR Becker",
# "Bgm. Huber", "Pfr. Lang" (the owner-phrase check in owners.py reads the same tuple).
COUNCIL_OFFICES = ("GR", "GRin", "GRätin", "StR", "StRin", "StRätin", "KR", "KRin", "OR", "ORin", "ORätin", "BM", "Bgm.", "OB", "Pfr.", "Pfrin.", "Pf.")
_HONORIFICS = {"frau", "herr", "hr.", "fr.", "hr", "fr", "dr.", "prof.", "dr", "prof", "dipl.-ing.", "ing.", "mag.", "stv.", "vors.",
               "bgm"} | {office.casefold() for office in COUNCIL_OFFICES}
_SPLIT = re.compile(r"\s*(?:[,;•\n\t]|\s+-\s+(?=[A-ZÄÖÜ]))\s*")
_AND = re.compile(r"\s+(?:und|sowie|&)\s+")
_PAREN = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*")
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜ][\wäöüßÄÖÜéèáàçğşıñ'’.-]*$")
_NICKNAME = re.compile(r"^\s*(?=[\w.-]*[a-zäöüß0-9])[\w.-]{2,20}\s*$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ][a-zäöü]?\.-?){1,2}[A-ZÄÖÜ][a-zäöü]?\.?$")
_SHORT_SIGN = re.compile(r"^[A-ZÄÖÜ](?:[A-ZÄÖÜ]{1,2}|[a-zäöü][A-ZÄÖÜ]?)?$")
_NOT_A_NAME = {"keine", "keiner", "niemand", "alle", "-", "–", "n/a", "siehe", "liste", "entfällt"}


def split_people(value: str) -> list[str]:
    # Parentheses hold roles ("(Referat Migration und Integration)"): protect them from splitting.
    held: list[str] = []

    def hold(m: re.Match) -> str:
        held.append(m.group(1))
        return f" \x00{len(held) - 1}\x00 "

    protected = _PAREN.sub(hold, value)
    parts = []
    for part in _SPLIT.split(protected):
        part = re.sub(r"\x00(\d+)\x00", lambda m: f"({held[int(m.group(1))]})", part).strip(" .:-–")
        if not part:
            continue
        # "Frank Löffler und Daniel Nüst" is two people; "Industrie- und Handelskammer" is not.
        pieces = _AND.split(part)
        if len(pieces) > 1 and all((p := parse_person(x)) is not None and _surely_a_person(x, p) for x in pieces):
            parts.extend(pieces)
        else:
            parts.append(part)
    return parts


def parse_person(entry: str) -> Person | None:
    """'Frau Dr. Anna Yilmaz (Referat Migration)' → Person(name='Anna Yilmaz', role='Referat Migration')."""
    role = short_sign = None
    m = _PAREN.search(entry)
    if m:
        role = m.group(1).strip() or None
        entry = _PAREN.sub(" ", entry).strip()
    # "Name, Institution" was split already; "Name – Institution" keeps the first part.
    entry = re.split(r"\s+[–—]\s+|\s+/\s+", entry)[0].strip()
    tokens = [t for t in entry.split() if t.lower() not in _HONORIFICS]
    if not tokens or len(tokens) > 4 or entry.lower() in _NOT_A_NAME:
        return None
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return None
    name = " ".join(tokens)
    if role and _SHORT_SIGN.match(role) and letters_in_order(role.casefold(), name.casefold()) and role[0] == name[0].upper():
        # "Jule (J)", "Konrad (KO)", "Anna Schmidt (AS)": the sign the minutes use for the person, not a role
        # ("Frau Schmidt (IHK)" stays a role: its letters are not the name's).
        role, short_sign = None, role
    return Person(name=name, role=role, initials=short_sign or initials_of(name))


def initials_of(name: str) -> str | None:
    parts = [p for p in re.split(r"[\s-]+", name) if p and p[0].isalpha()]
    if len(parts) < 2:
        return None
    return "".join(p[0].upper() for p in parts)


def _surely_a_person(entry: str, person: Person) -> bool:
    """A gazetteer first name, an honorific or an initial ("F. Löffler") makes an entry a person."""
    from .lexicon import first_names

    first = person.name.split()[0]
    return bool(
        re.match(r"^\s*(Frau|Herr|Hr\.|Fr\.|Dr\.|Prof\.)", entry)
        or first.casefold() in first_names()
        or re.match(r"^[A-ZÄÖÜ]\.$", first)
        or _DOTTED_INITIALS.match(person.name)  # "S.G.", "F.Re.": members noted by their initials
    )


def _nickname_ok(entry: str) -> bool:
    from .lexicon import group_words, not_owner_words

    low = entry.strip().casefold()
    return low not in _NOT_A_NAME and low not in group_words() and low not in not_owner_words() and not low.isdigit()


def _plausible_unknown_name(person: Person) -> bool:
    """Two or three capitalised words that are not a known body or common noun ("Beda Imhof")."""
    from .lexicon import group_words, not_owner_words

    tokens = person.name.split()
    return 2 <= len(tokens) <= 3 and not any(t.casefold() in not_owner_words() or t.casefold() in group_words() for t in tokens)


def _unknown_given_name(entry: str, person: Person) -> bool:
    """"Manu", "Oda": one capitalised word that no word list knows (not a German word, body or role)."""
    from .lexicon import german_word, group_words, inflected_form, not_owner_words

    word = person.name
    low = word.casefold()
    return (" " not in word and entry.strip() == word and bool(re.match(r"^[A-ZÄÖÜ][a-zäöüßéèáàç]{1,14}$", word))
            and not german_word(word) and not inflected_form(word) and low not in group_words() and low not in not_owner_words())


def parse_people(value: str) -> list[Person]:
    """Persons of an attendance line or list item.

    "Sven Kowalski, Jobcenter Musterstadt, Team Integration" is one person: what
    follows a person and is not itself surely a person becomes that person's role.
    """
    people: list[Person] = []
    entries = split_people(value)
    # "anna, kai, jule, t0bi": a pad's attendance by nickname, lower case and all.
    nicknames = (len(entries) >= 3 and sum(bool(_NICKNAME.match(e)) for e in entries) >= 0.6 * len(entries)
                 and any(e.strip()[:1].islower() or any(c.isdigit() for c in e) for e in entries))
    parsed = [parse_person(entry) for entry in entries]
    # "Karina, Petra, Manu, Oda, Levin": in a list of first names given alone, a single name-shaped
    # word that is no German word is one more first name, not the role of the name before it.
    given_names = len(entries) >= 3 and sum(
        p is not None and " " not in p.name and _surely_a_person(e, p) for e, p in zip(entries, parsed)) >= len(entries) / 2
    for entry, person in zip(entries, parsed):
        if nicknames and _NICKNAME.match(entry) and _nickname_ok(entry):
            people.append(Person(name=entry.strip(), role=None, initials=None))
            continue
        if person is not None and (_surely_a_person(entry, person) or (not people and _plausible_unknown_name(person))
                                   or (given_names and _unknown_given_name(entry, person))):
            people.append(person)
        elif people:
            last = people[-1]
            last.role = f"{last.role}, {entry}" if last.role else entry
    return people


def parse_people_items(items: list[str]) -> list[Person]:
    """Persons of an attendance list written one per list item ("- Jens", "- Oda", "- Hannes"):
    each item read as a line of its own; in a list of first names given alone, an item of one
    name-shaped word that no word list knows ("Oda") is one more first name, as in a line."""
    parsed = [parse_people(item) for item in items]
    given_names = len(items) >= 3 and sum(
        len(found) == 1 and " " not in found[0].name and _surely_a_person(item, found[0])
        for item, found in zip(items, parsed)) * 2 >= len(items)
    people: list[Person] = []
    for item, found in zip(items, parsed):
        if not found and given_names and (person := parse_person(item)) is not None and _unknown_given_name(item, person):
            found = [person]
        people.extend(found)
    return people


@dataclass
class PeopleIndex:
    """Who attended, for resolving "FL", "Frau Rasche", "Julia" to one person."""

    people: list[Person] = field(default_factory=list)
    by_initials: dict[str, Person] = field(default_factory=dict)
    by_first: dict[str, Person | None] = field(default_factory=dict)
    by_last: dict[str, Person | None] = field(default_factory=dict)
    _full_names: tuple[int, dict[str, Person]] | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, person: Person) -> None:
        if any(p.name == person.name for p in self.people):
            return
        self.people.append(person)
        if person.initials:
            # Two people with the same initials make the initials ambiguous.
            self.by_initials[person.initials] = None if person.initials in self.by_initials else person
        tokens = person.name.split()
        if len(tokens) >= 2:
            first, last = tokens[0].lower(), tokens[-1].lower()
            self.by_first[first] = None if first in self.by_first else person
            self.by_last[last] = None if last in self.by_last else person

    def resolve(self, text: str) -> Person | None:
        """The attendee a short form refers to, if exactly one fits."""
        t = text.strip().strip(".,:;()")
        if not t:
            return None
        if t.isupper() and len(t) <= 4:
            return self.by_initials.get(t)  # one letter only as an attendee's own sign ("Jule (J)")
        tokens = [x for x in t.split() if x.lower() not in _HONORIFICS]
        if not tokens:
            return None
        full = " ".join(tokens).lower()
        if (p := self._by_full_name().get(full)) is not None:
            return p
        if len(tokens) == 1:
            key = tokens[0].lower()
            return self.by_last.get(key) or self.by_first.get(key)
        # "A. Yilmaz", "Anna-Lena Yilmaz", "von Berg": a name, not a phrase that ends in one
        # ("Auf Anregung von Herrn Okafor").
        if len(tokens) > 3 or not all(x[:1].isupper() or x.lower() in NAME_PARTICLES for x in tokens):
            return None
        return self.by_last.get(tokens[-1].lower())

    def _by_full_name(self) -> dict[str, Person]:
        """Lower-cased name → the first attendee of that name (rebuilt when people were added):
        ``resolve`` asks for every owner phrase, and the names stay the same."""
        cached = self._full_names
        if cached is None or cached[0] != len(self.people):
            table: dict[str, Person] = {}
            for p in self.people:
                table.setdefault(p.name.lower(), p)
            cached = self._full_names = (len(self.people), table)
        return cached[1]

    def known_initials(self) -> set[str]:
        return {k for k, v in self.by_initials.items() if v is not None}
