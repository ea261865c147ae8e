"""Commitments in the first person: memos, telephone notes and e-mail minutes are written by one
person who notes their own tasks as "Ich kläre bis Mittwoch …", "Das kläre ich mit Fr. Wenzel",
"ich frage bei der Caritas nach". The owner is the author the header names
("Von: Sandra Pohlmann, Jugendamt", "Notiz: N. Herzberger", "Protokoll: …")."""
from __future__ import annotations

import re

from ..document import Document
from ..schema import Responsible, ResponsibleKind
from .text import INFINITIVE_END, clean
from .vocabulary import action_cues

# "Von: Roth, Stefanie (Agentur …)", "Gesprächsführung und Notiz: Fr. Kerstin Schäfer, Sozialamt"
_AUTHOR_LINE = re.compile(
    r"^\s*(?:Von|Verfasser(?:in)?|Notiz|Gesprächsführung und Notiz|Protokoll(?:führung)?|Protokollant(?:in)?|Für das Protokoll)\s*:\s*"
    r"(?P<name>(?:(?:Fr|Hr|Frau|Herr|Dr|Prof)\.?\s+)*[A-ZÄÖÜ][\w.-]*(?:,?\s+[A-ZÄÖÜ][\w.-]*){0,2})\s*(?:[,(–-]|$)")
# The verb next to "ich" in the main clause: "Ich kläre …", "… kläre ich …", "ich schicke sie …".
_FIRST_PERSON = re.compile(r"(?:^|[:;,→–-]\s*|\b(?:und|dann|danach|außerdem|zudem|noch)\s+)[Ii]ch\s+(?P<verb>[a-zäöüß]{3,}e)\b"
                           r"|\b(?P<verb2>[a-zäöüß]{3,}e)\s+ich\b")
# Not a commitment: a condition or report ("Falls ich etwas vergessen habe", "ich habe angeboten").
_NOT_COMMITTED = re.compile(r"\b(?:falls|wenn|ob|dass|weil|sofern|soweit)\s+ich\b|\bich\s+(?:habe|hatte|war|bin|wurde|konnte|sehe|denke|finde|glaube)\b"
                            r"|\b(?:habe|hatte|war|bin)\s+ich\b|\?|^\W*(?:was|wie|wann|wo|wer|warum|wieso)\b", re.I)
_HEADER_BLOCKS = 12  # where a memo's header ends at the latest
# Opinions and wishes in the first person: "Das sehe ich kritisch", "Zunächst möchte ich …".
_NOT_TASK_VERBS = frozenset({"sehe", "denke", "finde", "glaube", "halte", "meine", "möchte", "würde", "könnte", "sollte", "hätte", "wäre", "habe"})


def author(document: Document, minute_taker: str | None, is_person) -> str | None:
    """Who wrote the minutes: the minute-taker, else a "Von:" / "Notiz:" line among the first
    blocks naming a person (``is_person``: the owner classification's judgement)."""
    if minute_taker and is_person(minute_taker):
        return clean(minute_taker)
    for block in document.blocks[:_HEADER_BLOCKS]:
        for line in block.text.split("\n"):
            if (m := _AUTHOR_LINE.match(line)) and len(m.group("name").split()) >= 2:
                name = m.group("name").strip(" ,")
                if "," in name:  # "Roth, Stefanie": surname first
                    last, first = (p.strip() for p in name.split(",", 1))
                    name = f"{first} {last}"
                if is_person(name):
                    return name
    return None


def first_person_task(text: str, writer: str) -> list[Responsible] | None:
    """The author's own commitment in ``text`` (owners: the author ``writer``); None when the
    sentence is no first-person commitment."""
    m = _FIRST_PERSON.search(text)
    if m is None or _NOT_COMMITTED.search(text):
        return None
    verb = m.group("verb") or m.group("verb2")
    if verb in _NOT_TASK_VERBS or (verb == "werde" and not INFINITIVE_END.search(text)):
        return None
    cues = action_cues()
    # the first person of a listed verb: "kläre" (klären), "stelle … zusammen" (stellt … zusammen)
    if verb != "werde" and not ({verb, verb + "n"} & cues.any_task_verb or verb[:-1] + "t" in cues.particle_verbs):
        return None
    return [Responsible(name=writer, kind=ResponsibleKind.PERSON)]
