"""Two resolutions in one sentence: each is a decision of its own.

Minutes of general meetings and councils join the routine resolutions in one sentence: "Die
Jahresrechnung wurde einstimmig genehmigt und der Kassiererin wird Entlastung erteilt", "Zuerst wird
Hr. Walter als Kassierer einstimmig entlastet, darauf wird der Vorstand einstimmig entlastet". Each
clause carries its own decision word, and annotators list each resolution. A sentence is cut where a
comma, "und", "sowie" or a semicolon stands between two decision words, when what follows is a main
clause (not "dass …", a relative clause or the content of "beschließt, …").
"""
from __future__ import annotations

import re

from ..schema import Decision
from ..structure import SectionRole
from .units import Unit
from .votes import parse_vote

_DECIDING = frozenset({"DECISION", "AGREEMENT"})
_BOUNDARIES = frozenset({",", ";", "und", "sowie"})
# Conjunctions of a subordinate clause: a part holding one cannot end where a new resolution starts.
_CONJUNCTIONS = ("dass", "daß", "da", "weil", "ob", "wenn", "nachdem", "sofern", "falls", "obwohl")
# What opens a clause that depends on the one before: its content, a condition, a relative clause.
_SUBORDINATE = frozenset(_CONJUNCTIONS) | {"sodass", "so", "um", "wobei", "wie", "was", "welche", "welcher", "welches",
                                           "bevor", "bis", "indem", "zumal"}
_ARTICLES = frozenset({"der", "die", "das", "dem", "den", "deren", "dessen"})
_LEADING_AND = re.compile(r"^(?:und|sowie)\s+")
# A clause that is the content of the one before or still to come: "…, den Start anzustreben",
# "… und soll später genehmigt werden".
_DEPENDENT = re.compile(r"\b(?:zu\s+[a-zäöüß]\w*en|\w+zu[a-zäöüß]+en|soll|sollen|sollte|sollten|muss|müssen|kann|können|könnte|könnten)\b")
_SUBORDINATE_WORD = re.compile(rf"\b(?:{'|'.join(_CONJUNCTIONS)})\b", re.I)
_LABEL = re.compile(r"^\W*[^:]{1,30}:\s")
# Each later resolution its own act: its own vote ("… einstimmig entlastet, darauf wird der Vorstand
# einstimmig entlastet") or a word of sequence ("… angenommen und zugleich … beschlossen"). Without
# one the clauses are parts of one resolution ("Dem Bauantrag wird das Einvernehmen erteilt, der
# Befreiung wird zugestimmt").
_SEQUENCE = re.compile(r"\b(?:darauf|daraufhin|danach|anschließend|zugleich|gleichzeitig|außerdem|zudem|ebenfalls|ebenso|auch|dann|weiterhin|ferner)\b", re.I)
MIN_WORDS = 3
"""A part shorter than this is no statement of its own ("Es wird beschlossen")."""


def split_coordinated(decision: Decision, unit: Unit) -> list[Decision]:
    """The decision as it stands, or one decision per resolution the unit's sentence joins."""
    text = decision.text
    if text != unit.clean_text or _LABEL.match(text) or unit.section is SectionRole.DECISION:
        return [decision]  # "Beschluss: Das Einvernehmen wird erteilt, der Befreiung wird zugestimmt.": one resolution
    cues = [c for c in unit.cues() if c.label_ in _DECIDING]
    if len(cues) < 2:
        return [decision]
    doc, start, parts = unit.span.doc, unit.span.start, []
    for first, second in zip(cues, cues[1:]):
        cut = _boundary(unit, first.end, second.start)
        if cut is None:
            continue
        parts.append(doc[start:cut])
        start = cut + 1
    if not parts:
        return [decision]
    parts.append(doc[start : unit.span.end])
    texts = [_LEADING_AND.sub("", p.text.strip(" ,;")) for p in parts]
    if any(len(t.split()) < MIN_WORDS for t in texts) or any(_DEPENDENT.search(t) for t in texts[1:]) or any(
            _SUBORDINATE_WORD.search(t) for t in texts[:-1]):
        return [decision]
    votes = [parse_vote(t) for t in texts]  # each part's own vote: read once, for the test and the decision
    if not all(vote or _SEQUENCE.search(t) for t, vote in zip(texts[1:], votes[1:])):
        return [decision]
    return [Decision(text=t, kind=decision.kind, topic_index=decision.topic_index, vote=vote or decision.vote,
                     evidence=unit.evidence(text=t), confidence=decision.confidence) for t, vote in zip(texts, votes)]


def _boundary(unit: Unit, after: int, before: int) -> int | None:
    """The token between two decision words (the last one before the second) where a main clause
    starts, if any."""
    doc = unit.span.doc
    between = doc[after:before].text
    if ":" in between or "(" in between or ")" in between:
        return None  # a label and its content, a bracketed remark
    for i in range(before - 1, after - 1, -1):
        word = doc[i].lower_
        if word not in _BOUNDARIES:
            continue
        if word in ("und", "sowie") and i > after and doc[i - 1].text == ",":
            i -= 1  # ", und …": cut at the comma
        elif word in ("und", "sowie") and i != after:
            return None  # "… die Heilpädagogin sowie die Schulleitung": names joined, not clauses
        nxt = i + 1
        while nxt < before and doc[nxt].lower_ in ("und", "sowie"):
            nxt += 1
        opening = doc[nxt]
        if opening.lower_ in _SUBORDINATE:
            return None
        if opening.lower_ in _ARTICLES and nxt + 1 < unit.span.end and doc[nxt + 1].text[:1].islower():
            return None  # ", die einstimmig angenommen wurde": a relative clause
        if not _closes_clause(unit, after):
            return None  # "beschließt, den Haushalt …", "verständigt sich darauf, …": what follows is what was resolved
        return i
    return None


_AUXILIARIES = frozenset({"wird", "wurde", "werden", "wurden", "ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten"})


def _closes_clause(unit: Unit, end: int) -> bool:
    """Whether the decision word ending at ``end`` closes its clause: an auxiliary before it in the
    clause makes it the participle at the clause's end ("… wird … entlastet, darauf …"); without one
    it is the finite verb and what follows the comma its content ("Der Rat beschließt, …")."""
    doc = unit.span.doc
    for i in range(end - 1, unit.span.start - 1, -1):
        word = doc[i].lower_
        if word in _BOUNDARIES:
            return False
        if word in _AUXILIARIES:
            return True
    return False


def split_all(decisions: list[Decision], units: list[Unit]) -> list[Decision]:
    """``split_coordinated`` for each decision taken from one prose unit."""
    by_text = {(u.block.index, u.clean_text): u for u in units}
    out: list[Decision] = []
    for decision in decisions:
        unit = by_text.get((decision.evidence.block_index, decision.text))
        out.extend(split_coordinated(decision, unit) if unit is not None else [decision])
    return out
