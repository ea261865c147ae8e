"""Owners read from the rest of a task's sentence, after the task itself was found: the
institution or person a sentence names when no owner form matched ("Die Agentur benennt …"),
and the institution a bracketed person acts for ("Das JC passt … an (Fr. Lorenz)")."""
from __future__ import annotations

import re

from ..schema import Responsible, ResponsibleKind
from .owners import NAMED_PERSON, SALUTATIONS, OwnerClassifier

_PREP_BEFORE = re.compile(r"\b(?:an|bei|beim|mit|von|vom|für|zu|zur|zum|über|durch|gegenüber|laut|nach|wie|als)\s+(?:(?:Herrn|Herr|Frau|Hr\.|Fr\.|Dr\.)\s+)*$", re.I)
# "Die Agentur benennt …", "das Schulamt fragt … ab": a noun with its article opening the sentence.
_INSTITUTION_SUBJECT = re.compile(r"^(?:[-–•*]\s*)?(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?P<inst>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s+[a-zäöüß]")
_INSTITUTION_AGENT = re.compile(r"\b(?:vom|von\s+der|von\s+dem|durch\s+die|durch\s+das|durch\s+den|macht\s+der|macht\s+die|macht\s+das)\s+(?P<inst>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s+[a-zäöüß(]")
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]+\b")
_FOLLOWS_BY = re.compile(
    r"\b(?:er)?folgt\s+(?:\w+\s+)?(?:durch|von|vom)\s+(?:(?:den|die|das|dem|der)\s+)?"
    r"(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+(?:[A-ZÄÖÜ][\w.-]*|und))*)")


def named_owner(text: str, owners: OwnerClassifier) -> list[Responsible]:
    """For a task found without an owner: "Die Agentur benennt …" after "Agentur für Arbeit"
    (the noun of an institution the document gives in full), or the one person the sentence
    names other than after a preposition ("Termin stimmen Frau Lenz … ab", not "mit Frau Lenz")."""
    if ((m := _INSTITUTION_SUBJECT.match(text)) and m.group(0).lstrip("-–•* ")[:1].isupper()
            and (head := owners.institution_head(m.group("inst"))) is not None):
        return [head]
    if "folgt" in text and (m := _FOLLOWS_BY.search(text)) and (by := owners.owners(m.group("owner"), lenient=True)):
        return by  # "Einladung erfolgt durch die Stadt", "Terminvorschlag folgt durch das Bildungsbüro"
    if any(s in text for s in SALUTATIONS):
        named = [m for m in NAMED_PERSON.finditer(text) if not _PREP_BEFORE.search(text[: m.start()])]
        if len(named) == 1:
            return owners.owners(named[0].group(0))
    attendees = {}
    for m in _CAPITALISED.finditer(text):
        if not _PREP_BEFORE.search(text[: m.start()]) and (p := owners.people.resolve(m.group(0))) is not None:
            attendees.setdefault(p.name, m.group(0))
    if len(attendees) == 1:
        return owners.owners(next(iter(attendees.values())))
    return []


def institution_beside(text: str, found: list[Responsible], owners: OwnerClassifier) -> list[Responsible] | None:
    """The institution and the person acting for it, as the minutes write the owner:
    "Das JC passt seine Checkliste an (Fr. Lorenz)", "… wird vom Welcome Center gestaltet
    (Fr. Hahn)" (the person in brackets acts for the sentence's subject or agent) and "Das Schulamt
    fragt … ab (Fr. Hagedorn, vor den Osterferien)" (the institution found, the person beside it)."""
    if len(found) != 1 or "(" not in text:
        return None
    owner = found[0]
    if owner.kind is ResponsibleKind.INSTITUTION and "(" not in owner.name:
        person = _bracketed_person(text, owners)
        if person is None:
            return None
        return [owner.model_copy(update={"name": f"{owner.name} ({person})"})]
    if owner.kind is not ResponsibleKind.PERSON or not re.search(r"\([^()]*" + re.escape(owner.name), text):
        return None
    for m in (_INSTITUTION_SUBJECT.match(text), _INSTITUTION_AGENT.search(text)):
        if m is None:
            continue
        if _ACRONYM.match(m.group("inst")):
            # "Das JC …", "macht der AG-S (Hr. Demir)": an abbreviation with an article names a body
            # (a person's initials take none).
            body = Responsible(name=m.group("inst"), kind=ResponsibleKind.INSTITUTION)
        else:
            body = owners.responsible(m.group("inst"))
        if body is not None and body.kind is ResponsibleKind.INSTITUTION:
            return [body.model_copy(update={"name": f"{body.name} ({owner.name})", "resolved": owner.resolved})]
    return None


_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}(?:-[A-ZÄÖÜ]{1,4})?$")
_BRACKET = re.compile(r"\((?P<inner>[^()]{2,80})\)")
_PEOPLE_SEPARATOR = re.compile(r"\s*(?:[,;/&]|\bund\b)\s*")


def _bracketed_person(text: str, owners: OwnerClassifier) -> str | None:
    """The person (or persons) a bracket names first: "(Fr. Hagedorn, vor den Osterferien)",
    "(Hr. Kuhlmann/Fr. Horn)"; None for a bracket holding anything else ("(JC)", "(Stand 12.03.)")."""
    m = _BRACKET.search(text)  # only the first bracket: a later one comments on something else
    if m is None:
        return None
    inner, end, pos = m.group("inner"), 0, 0
    for sep in _PEOPLE_SEPARATOR.finditer(inner + ","):
        part = inner[pos:sep.start()]
        found = owners.responsible(part) if part else None
        if found is None or found.kind is not ResponsibleKind.PERSON:
            break
        end, pos = sep.start(), sep.end()
    return inner[:end] or None
