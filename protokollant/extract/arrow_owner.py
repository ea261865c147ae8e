"""Owners written after an arrow: "Flyer drucken --> FL, AY", "… → Jonas schaut nach", "… noch offen →
TODO JB bis 13.02."."""
from __future__ import annotations

import re

from ..schema import Responsible, ResponsibleKind
from .owner_forms import owner_phrase
from .vocabulary import action_cues

_ARROW_SPLIT = re.compile(r"\s*(?:-{1,2}>|={1,2}>|[–—]>|→|⇒)\s*")
_TODO_AFTER_ARROW = re.compile(r"(?:TODO|ToDo|Todo|To-do)\b\s*:?\s*")
_ARROW_SUBJECT = re.compile(r"^\W*(?P<owner>[\w.-]+(?:\s*(?:,|und|&|\+|/)\s*[\w.-]+){0,2})\s+(?P<verb>\w+)\b")


def arrow_owner(text: str, extractor) -> tuple[list[Responsible], str] | None:
    """'Flyer drucken --> FL, AY': the part after the last arrow names the owners."""
    if ">" not in text and "→" not in text and "⇒" not in text:
        return None  # every arrow _ARROW_SPLIT knows holds one of these: most sentences have none
    parts = [p.strip() for p in _ARROW_SPLIT.split(text)]
    if len(parts) < 2 or not parts[-1]:
        return None
    # "… noch offen → TODO JB bis 13.02.", "… → TODO AT: Folien an Verteiler bis Fr": a to-do marker after the arrow.
    if (marker := _TODO_AFTER_ARROW.match(parts[-1])) is not None:
        parts[-1] = parts[-1][marker.end():]
        if "@" in parts[-1]:
            return None  # "→ ToDo: Entwurf bis 20.05. @Elif @Tobi": the mentions name who (mentioned_owners)
        who, colon, task = parts[-1].partition(":")
        if colon and (named := extractor.owners(who, lenient=True)):
            return named, task.strip()
    owners = extractor.owners(parts[-1].rstrip(".!"), lenient=True) or owner_phrase(parts[-1].rstrip(".!").replace("+", ","), extractor, lenient=True)
    if not owners and "," in parts[-1]:
        head, _, rest = parts[-1].partition(",")
        if extractor.due(rest) is not None:  # "→ LT + CS, Entwurf bis Juni": who, then a note with the deadline
            owners = extractor.owners(head.replace("+", ","), lenient=True)
    if not owners and (m := _ARROW_SUBJECT.match(parts[-1])) and m.group("verb").casefold() in action_cues().any_task_verb:
        # "Vorträge am 1. Donnerstag -> Ghilt kümmert sich", "… → Jonas schaut nach": after the
        # arrow, who does it and the verb (any task verb: the arrow already marks the task).
        owners = extractor.owners(m.group("owner"), lenient=True, handles=True)
    if not owners:
        return None
    if len(parts) == 2 and len(parts[0].split()) == 1 and len(owners) == 1 and owners[0].kind is ResponsibleKind.PERSON and (
            (given := extractor.owners(parts[0], lenient=True)) and all(o.kind is ResponsibleKind.PERSON for o in given)):
        return None  # "Angelika -> Conny": who passes something on to whom, no task named
    return owners, parts[-2] or text
