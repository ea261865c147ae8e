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
            and len(head := m.group("inst")) >= 4 and head.casefold() in owners.institution_heads):
        return [Responsible(name=head, kind=ResponsibleKind.INSTITUTION)]
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
    """"Das JC passt seine Checkliste an (Fr. Lorenz)", "… wird vom Welcome Center gestaltet
    (Fr. Hahn)": the person in brackets acts for the institution the sentence names as its
    subject or agent; the owner as written is "JC (Fr. Lorenz)"."""
    if len(found) != 1 or found[0].kind is not ResponsibleKind.PERSON or "(" not in text:
        return None
    person = found[0]
    if not re.search(r"\([^()]*" + re.escape(person.name), text):
        return None
    m = _INSTITUTION_SUBJECT.match(text) or _INSTITUTION_AGENT.search(text)
    body = owners.responsible(m.group("inst")) if m is not None else None
    if body is None or body.kind is not ResponsibleKind.INSTITUTION:
        return None
    return [body.model_copy(update={"name": f"{body.name} ({person.name})", "resolved": person.resolved})]
