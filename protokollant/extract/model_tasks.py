"""Tasks the sentence-role model finds where the rules found none.

The rules know the forms a task is written in ("TODO:", "X übernimmt …", "→ X", a deadline);
prose gives tasks in more shapes than a list of forms can hold ("Man kam überein, dass das KI
einen Entwurf erarbeite", "Einladung + TO: AN"). A sentence the model gives at least the
component's ``task_add`` becomes a task when the sentence says who does it: the model alone
adds no unassigned task, and no task of someone who only asks ("Frau Kern bittet um …").
"""
from __future__ import annotations

import re

from ..document import BlockKind
from ..schema import ActionItem, Responsible, ResponsibleKind
from .actions import ActionExtractor
from .owner_context import named_owner
from .owner_forms import (bracket_owner_with_deadline, leading_arrow_owners, mentioned_owners, trailing_dash_owner,
                          trailing_field_owner)
from .roles import TASK
from .subject_owner import subject_owner
from .text import truncate_words
from .units import Unit

MODEL_TASK_CONFIDENCE = 0.55
"""Below the rules' forms (0.6 and up): the model alone found it."""

# "Man kam überein, dass das KI einen Entwurf erarbeite", "Fr. B. kündigte an, dass die Geschäftsstelle …
# versenden werde", "Herr H. informiert, dass der Vorstand … informieren wird": what was agreed,
# announced or reported is done by the subject of the "dass" clause, not by who speaks (names
# joined by "und", a genitive: "die Jugendämter der Region").
_AGREED_SUBJECT = re.compile(
    r",\s*dass\s+"
    r"(?:sich\s+)?(?P<subj>(?:(?:der|die|das)\s+)?[A-ZÄÖÜ][\w.\-/]*(?:(?:(?:\s*,|\s+und|\s+sowie)(?:\s+(?:der|die|das))?|\s+(?:der|des))?\s+[A-ZÄÖÜ][\w.\-/]*)*)"
    r"(?P<rest>[^;]*)")
# "…, dass der Weg bis Pfingsten ausgebessert wird": a passive clause's subject is what is done.
_PASSIVE_END = re.compile(r"\b(?:\w+t|\w*ge\w*en)\s+(?:wird|werden|ist|sind|wurde|würde)\W*$")
# "…, dass jede Stelle bis zum nächsten Treffen …", "dass alle Träger …": everyone of a kind.
_AGREED_EVERYONE = re.compile(r",\s*dass\s+(?P<subj>(?:jede[rs]?|alle)\s+[A-ZÄÖÜ]\w+)")
# "Der Bürgermeister gibt bekannt, dass Frau L. ihr Amt ruhen lässt", "X informiert, dass …": a fact
# reported in the meeting, unless the clause says what someone will do ("… dass der Vorstand am
# Samstag einen Stand betreuen wird").
_REPORTED = re.compile(r"\b(?:gibt|gab|geben)\s+(?:\w+\s+)?bekannt\b|\b(?:informier|berichte|teilt?\s+(?:\w+\s+)?mit)\w*\s*,\s*dass\b")
_WILL_END = re.compile(r"\b(?:wird|werde|werden|soll|sollen|will|wollen|möchte|möchten)\W*$")
# "Frau Kern bittet um eine Übersicht …", "Ben bat darum, …", "X erkundigt sich, wann …", "X fragt
# an, ob …": who asks is not who does it.
_ASKS = re.compile(r"\b(?:bitte[tn]?|bat|baten|wünsch\w*|fragt\w*\s+nach|fragt\w*\s+an\s*,|erkundigt\w*\s+sich\s*,)")


def model_tasks(units: list[Unit], found: dict[int, object], skip: set[int], extractor: ActionExtractor, component) -> None:
    """Add to ``found`` (unit position → item) the tasks the model finds in the units the rules
    left (not in ``found`` or ``skip``)."""
    threshold = getattr(component, "task_add", 0.0) if component is not None else 0.0
    if not threshold:
        return
    for pos, unit in enumerate(units):
        if pos in found or pos in skip or unit.roles is None or unit.roles[TASK] < threshold:
            continue
        if unit.block.kind in (BlockKind.TABLE_ROW, BlockKind.HEADING):
            continue
        item = _model_task(unit, extractor)
        if item is not None:
            found[pos] = item


def _model_task(unit: Unit, extractor: ActionExtractor) -> ActionItem | None:
    text = unit.clean_text
    if text.endswith("?"):
        return None  # "Herr Ott: Soll ich das machen?": a question hands out nothing until it is answered
    owners, task = task_owners(unit, extractor)
    if not owners:
        return None
    return ActionItem(task=truncate_words(task, 30), responsible=owners, due=extractor.due(text), topic_index=unit.topic_index,
                      evidence=unit.evidence(text=text), confidence=MODEL_TASK_CONFIDENCE)


# Words that can name who does a task without the document's lists: an honorific, an arrow or
# mention, a "dass" clause, a field label, initials or an acronym ("KB", "JC", "MBE").
_OWNER_HINT = re.compile(r"\b(?:Herrn?|Frau|Hr|Fr|Dr|Prof)\b\.?|→|->|=>|@|,\s*dass\b|[Zz]uständig|\b[A-ZÄÖÜ]{2,5}\b|\b(?:alle|jede[rs]?|wir|ich)\b")
_WORDS = re.compile(r"\w+")  # letters with umlauts and ß too


def may_name_owner(unit: Unit, extractor: ActionExtractor) -> bool:
    """A cheap test before the owner search (which reads every sentence the rules left): whether
    the sentence holds anything an owner can be read from, a form or a name the minutes know."""
    text = unit.text
    if _OWNER_HINT.search(text):
        return True
    people, heads = extractor.people, extractor.institution_heads
    words = {w.casefold() for w in _WORDS.findall(text)}
    return (not words.isdisjoint(people.by_first) or not words.isdisjoint(people.by_last) or not words.isdisjoint(heads)
            or not words.isdisjoint(extractor.institution_names))


def task_owners(unit: Unit, extractor: ActionExtractor) -> tuple[list[Responsible], str]:
    """Who the sentence says does it, and the task's text; computed once per unit (the
    extraction asks first whether the model should score the sentence at all)."""
    if (found := unit.scores.get(_OWNERS_KEY)) is None:
        text = unit.clean_text
        found = unit.scores[_OWNERS_KEY] = _owners(unit, text, extractor) if may_name_owner(unit, extractor) else ([], text)
    return found


_OWNERS_KEY = "model_task_owners"


def _owners(unit: Unit, text: str, extractor: ActionExtractor) -> tuple[list[Responsible], str]:
    # Owners written beside the task: "→ SB", "@Mira", "Zuständig: X", "– KW und NB", "(HWK, bis KW 14)".
    if (written := extractor.arrow_owner(text)) is not None and written[0]:
        return written
    for form in (leading_arrow_owners, mentioned_owners, trailing_field_owner, trailing_dash_owner, bracket_owner_with_deadline):
        if (written := form(text, extractor)) is not None and written[0]:
            return written
    if _ASKS.search(text):
        return [], text  # who asks names no owner
    if (m := _REPORTED.search(text)) and not _WILL_END.search(text[m.end():]):
        return [], text  # what a speaker reports as a fact is no one's task
    if ", dass" in text or ",dass" in text:
        if (m := _AGREED_SUBJECT.search(text)) and not _PASSIVE_END.search(m.group("rest")):
            subject = m.group("subj")
            # "dass die Geschäftsstelle …": also a body named with its article, as after "wird gebeten"
            if (agreed := extractor.owners(subject, lenient=True) or extractor.asked(subject[:1].upper() + subject[1:])):
                return agreed, text
        if (m := _AGREED_EVERYONE.search(text)):
            return [Responsible(name=m.group("subj"), kind=ResponsibleKind.GROUP)], text
    if (subject_found := subject_owner(unit, extractor, has_deadline=True)) is not None:
        return subject_found
    return named_owner(text, extractor), text
