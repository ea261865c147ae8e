"""The trained sentence-role model as a second opinion beside the rules.

``sentence_roles`` scores the units extraction looks at (prose sentences, table rows the
structure stage did not read) with the pipeline's ``protokollant_sentence_roles``
component, giving it the layout the Doc does not carry. The extractors then combine:

- decisions: the rule score moves up by ``decision_weight * (2p - 1)``, and a sentence with a
  cue the rules weigh too little passes when the model gives it at least ``decision_pass``;
- tasks: a task the rules found is dropped when the model gives it less than
  ``task_veto`` and nothing exact (an owner written as "TODO"/"Auftrag an", a table cell)
  backs it; one whose owner only the sentence's grammar gives (subject, agent, brackets)
  when the model gives it less than ``owned_task_veto``; and a sentence the rules found no
  task in is one when the model gives it at least ``task_add`` and the sentence names who
  does it (extract/model_tasks.py).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from ..document import BlockKind
from ..nlp.roles import LEARNED_ROLES
from ..structure import is_item_line
from .units import Unit

COMPONENT = "protokollant_sentence_roles"
DECISION, TASK = LEARNED_ROLES.index("decision"), LEARNED_ROLES.index("task")


def unit_context(unit: Unit, hints: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Layout facts about a unit, as features: its labelled section and the kind of block;
    ``hints``: what the rules made of it (rule_hints in extract/minutes.py)."""
    block = unit.block
    out = [f"kind={block.kind.value}", *hints]
    if unit.section is not None:
        out.append(f"section={unit.section.value}")
    if block.kind is not BlockKind.TABLE_ROW and is_item_line(block, unit.text):
        out.append("item")
    if unit.topic_index is None:
        out.append("no_topic")
    return tuple(out)


def role_component(nlp: Language):
    return nlp.get_pipe(COMPONENT) if COMPONENT in nlp.pipe_names else None


def sentence_roles(nlp: Language, units: list[Unit], view: Callable[[Unit], tuple[tuple[str, ...], bool]] = lambda unit: ((), True)):
    """Score ``units`` in place (``unit.roles``); returns the component (None without one or untrained).

    ``view(unit)``: the rules' hints about the unit (features) and whether the model's
    opinion can change anything for it (a decision score just below the threshold, a task
    found by a form that is not exact); only those candidates are scored, which keeps the
    model's cost small."""
    component = role_component(nlp)
    if component is None:
        return None
    if component.model is None:
        component.initialize()
    if not component.model.trained:
        return None
    candidates, contexts = [], []
    for unit in units:
        hints, candidate = view(unit)
        if candidate:
            candidates.append(unit)
            contexts.append(unit_context(unit, hints))
    probs = component.score([u.span for u in candidates], contexts)
    for unit, p in zip(candidates, probs):
        unit.roles = tuple(float(x) for x in p)
    return component


def decision_shift(unit: Unit, component) -> float:
    if component is None or unit.roles is None or not unit.decision_candidate:
        return 0.0
    # Only upwards: on the dev minutes the model's doubts removed more right decisions than
    # wrong ones (scripts/train_roles.py --grid), its confidence found missed ones.
    return component.decision_weight * max(0.0, 2.0 * unit.roles[DECISION] - 1.0)


def model_decides(unit: Unit, component) -> bool:
    """Whether the model is sure enough of a decision the rules found a cue for but scored short
    ("Protokoll Juli ok, keine Änderungen", "Einigkeit, dass …")."""
    if component is None or unit.roles is None or not unit.decision_candidate or not component.decision_pass:
        return False
    return unit.roles[DECISION] >= component.decision_pass


def task_vetoed(unit: Unit, component, *, owned: bool = False) -> bool:
    """Whether the model doubts a task the rules found: below ``task_veto`` for a task found
    without an owner, below ``owned_task_veto`` for one whose owner the sentence's grammar gave."""
    if component is None or unit.roles is None:
        return False
    return unit.roles[TASK] < (component.owned_task_veto if owned else component.task_veto)
