"""Owner and deadline given on lines of their own below a task:

    Aufsichtsplan erstellen und im Mitteilungsblatt um Helfer werben.
    Verantwortlich: I. Hoffmann
    Termin: bis 30.04.

A "Verantwortlich:" line (also Zuständig, Wer, Federführung) makes the line above it a
task of that owner; a "Termin:" line (Frist, Bis wann, Erledigung bis) gives a task its
deadline. Numbered entries pair up: "Verantwortlich: 2) Frau Hübner" belongs to the task
"2) Übersicht verschicken". A field line is never an item of its own.
"""
from __future__ import annotations

import re

from ..document import BlockKind
from ..structure import SectionRole
from ..schema import ActionItem, Responsible, ResponsibleKind
from .owners import body_and_person
from .text import truncate_words
from .units import Unit
from .vocabulary import action_cues

_OWNER_FIELD = re.compile(
    r"^\s*(?:Verantwortlich(?:e|keit)?|Zuständig(?:keit)?|Wer|Federführung|Federführend|Ansprechpartner(?:in)?)\s*:\s*(?P<value>\S.*)$", re.I | re.S
)
_DUE_LABELS = r"(?:Termin|Frist|Bis\s+wann|Erledigung\s+bis|Erledigen\s+bis|Fällig(?:keit)?|Zieltermin|Deadline)"
_DUE_FIELD = re.compile(rf"^\s*{_DUE_LABELS}\s*:\s*(?P<value>\S.*)$", re.I | re.S)
# "Verantwortlich: BAMF (Fr. Braun), Termin: KW 18": both fields on one line.
_DUE_AFTER_OWNER = re.compile(rf"\s*[,;]\s*(?={_DUE_LABELS}\s*:)", re.I)
_ENTRY = re.compile(r"^\s*(?P<num>\d{1,2}|[a-z])[.)]\s+(?P<rest>.*)$", re.S)
_OUTLINE_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+")
REACH_UNITS = 8
"""How far above a field line its task may stand (other fields and numbered entries between)."""


def field_of(text: str) -> tuple[str, str] | None:
    """("owner" | "due", value) for a field line, else None."""
    for kind, pattern in (("owner", _OWNER_FIELD), ("due", _DUE_FIELD)):
        m = pattern.match(text)
        if m:
            return kind, m.group("value").strip()
    return None


def _entry(text: str) -> tuple[str | None, str]:
    m = _ENTRY.match(text)
    return (m.group("num"), m.group("rest")) if m else (None, text)


def apply_task_fields(units: list[Unit], items: dict[int, ActionItem], extractor, field_units: set[int]) -> None:
    """Complete or create the tasks of ``items`` (unit position → item) from the field lines
    at ``field_units`` (positions of units that are field lines)."""
    for pos in sorted(field_units):
        kind, value = field_of(units[pos].clean_text)
        number, value = _entry(value)
        target = _task_above(units, pos, number, field_units)
        if target is None:
            continue
        item = items.get(target)
        due_value = None
        if kind == "owner" and (both := _DUE_AFTER_OWNER.split(value, maxsplit=1)) and len(both) == 2:
            value, due_value = both[0].strip(), _DUE_FIELD.match(both[1]).group("value").strip()  # "… Termin: KW 18"
        if kind == "owner" and due_value is None and "," in value:
            head, _, tail = value.rpartition(",")
            if action_cues().deadline_wording.match(tail.strip()) and extractor.due(tail.strip()):
                value, due_value = head.strip(), tail.strip()  # "Zuständig: ABH, bis 17.04."
        if kind == "owner":
            owners = extractor.owners(value, lenient=True) or _as_written(value)
            if not owners:
                continue
            if item is None:
                unit = units[target]
                _, task = _entry(unit.clean_text)
                item = items[target] = ActionItem(
                    task=truncate_words(task, 30), responsible=owners, due=None,
                    topic_index=unit.topic_index, evidence=unit.evidence(text=unit.clean_text), confidence=0.7,
                )
            else:
                # The field names who does it, over what the task's sentence gave; a body the sentence
                # names keeps the one person the field names for it ("Das LRA klärt das intern.
                # Zuständig: JC" → "LRA (JC)").
                item.responsible = body_and_person(item.responsible, owners) or owners
            _share_with_clauses(units, items, target, owners=owners)
            if number is not None:
                item.task = _entry(item.task)[1]  # "2) Übersicht verschicken" → the task without its number
            item.task = _OUTLINE_NUMBER.sub("", item.task)  # "1.1 Stundenplan klären" (a typed outline)
            if due_value:  # the field says when, whatever date the task's sentence mentions ("Statistik Q1")
                item.due = extractor.due(due_value) or extractor.due_cell(due_value)
        elif item is not None:
            item.due = extractor.due(value) or extractor.due_cell(value)
            _share_with_clauses(units, items, target, due=item.due)
        else:
            continue
        # The statement is the task with its fields ("Flyer erstellen Verantwortlich: Fr. Abdi Termin:
        # Ende Februar"); the task itself stays the line above.
        item.evidence.text = f"{item.evidence.text} {units[pos].clean_text}"


def _share_with_clauses(units: list[Unit], items: dict[int, ActionItem], target: int, *, owners=None, due=None) -> None:
    """"Aufgabe | Konzeptskizze erstellen; Förderantrag stellen" above "Verantwortlich | Fr. Schönfeld":
    the field belongs to every task of that one line or cell, not only to its last clause
    (tasks of the line that name their own owner or deadline keep it)."""
    block = units[target].block
    for pos in range(target - 1, max(-1, target - 1 - REACH_UNITS), -1):
        if units[pos].block is not block:
            break
        if (other := items.get(pos)) is None:
            continue
        if owners and not other.responsible:
            other.responsible = [o.model_copy() for o in owners]
        if due is not None and other.due is None:
            other.due = due.model_copy()


def _as_written(value: str) -> list[Responsible]:
    """A field's value the name rules do not know ("alle Träger", "Orga-Team"): the field says
    it is the owner, so it is taken as written when it is short."""
    value = value.strip(" .;,")
    return [Responsible(name=value, kind=ResponsibleKind.UNKNOWN)] if 0 < len(value.split()) <= 5 else []


def _task_above(units: list[Unit], pos: int, number: str | None, field_units: set[int]) -> int | None:
    """The unit a field line belongs to: the nearest line above that is no field line
    (with a number, the entry of that number), in the same agenda item."""
    topic = units[pos].topic_index
    for back in range(pos - 1, max(-1, pos - 1 - REACH_UNITS), -1):
        unit = units[back]
        if unit.topic_index != topic:
            return None
        if back in field_units:
            continue
        if unit.block.kind is BlockKind.HEADING:
            # "4.3 Erstattungsformular erstellen" typed as an outline line (a heading by its number
            # only) with "Verantwortlich:" right below it is that task; a styled heading is not.
            return back if unit.block.heading_source != "style" and number is None else None
        if number is None or _entry(unit.clean_text)[0] == number:
            return back
    return None


_OWNER_LABEL = re.compile(r"^\s*(?P<owner>[^:\s][^:]{0,40}?)\s*:\s*$")


def apply_list_owners(units: list[Unit], items: dict[int, ActionItem], extractor) -> None:
    """In a task list, "Nico:" followed by deeper items ("-- Kaffeemaschine", "-- Safe
    befestigen") names the owner of each of them."""
    current: tuple[list[Responsible], int] | None = None
    for pos, unit in enumerate(units):
        block = unit.block
        level = block.list_level if block.kind is BlockKind.LIST_ITEM else None
        if current is not None and (level is None or level <= current[1] or unit.section is not SectionRole.TASK):
            current = None
        if current is not None:
            item = items.get(pos)
            if item is not None and not item.responsible:
                item.responsible = list(current[0])
            continue
        m = _OWNER_LABEL.match(unit.clean_text)
        if m and level is not None and unit.section is SectionRole.TASK:
            owners = extractor.owners(m.group("owner"), lenient=True)
            if owners:
                current = (owners, level)
