"""The tasks of a document's sentences: one item per distinct task, with what the
sentence-role model and the owner/deadline lines below a task add; progress reports."""
from __future__ import annotations

import re

from ..document import BlockKind
from ..structure import SectionRole
from ..schema import ActionItem, ProgressReport, ResponsibleKind
from .actions import ActionExtractor
from .model_tasks import model_tasks
from .owner_context import institution_beside, named_owner
from .owners import body_and_person
from .roles import task_vetoed
from .task_fields import apply_list_owners, apply_task_fields, field_of
from .text import ARROW
from .units import Unit
from .vocabulary import action_cues

_WORD = re.compile(r"\w+")


EXACT_FORM_CONFIDENCE = 0.85
"""The confidence of tasks found by an exact form ("TODO (X):", "Auftrag an X:")."""
VETO_BELOW_CONFIDENCE = 0.7
"""Tasks the rules found without an owner form (a deadline alone, a task list's label): the
sentence-role model may drop them below its ``task_veto``."""
OWNED_VETO_BELOW_CONFIDENCE = 0.75
"""Tasks whose owner only the sentence's grammar gives (subject, agent, brackets; confidence 0.7):
the model may drop them below its ``owned_task_veto``. Exact forms ("TODO (X):", "→ X",
"Verantwortlich: X"), promises and requests stay."""


# "… --> DN macht Pad auf", "(zur Zahlung auffordern, MH)": an arrow to the owner, or an
# infinitive beside the owner in brackets, notes a task in so many words.
_TASK_NOTATION = re.compile(r"(?:-{1,2}>|=>|→|⇒)|\([^()]*\b[a-zäöüß]\w*(?:en|ern|eln)\s*[,;–-]\s*[A-ZÄÖÜ][\w.]{0,20}\s*\)")


def extract_progress_reports(units: list[Unit]) -> list[ProgressReport]:
    """Sentences and task-table rows that report a task as done or still open."""
    reports = []
    for unit in units:
        if unit.block.kind is BlockKind.HEADING:
            continue
        text = unit.clean_text
        if len(text.split()) < 3:
            continue
        cues = action_cues()
        status = "open" if cues.still_open.search(text) else "done" if unit.reports_done() else None
        if status is not None:
            reports.append(ProgressReport(text=text, status=status, topic_index=unit.topic_index, evidence=unit.evidence(text=text)))
    return reports


def extract_actions(units: list[Unit], extractor: ActionExtractor, decided: set[tuple[int, str]] = frozenset(), roles=None) -> list[ActionItem]:
    """``decided``: (block index, whitespace-collapsed text) of sentences taken as decisions; an
    unassigned "deadline" in a decision ("… bis Ende 2026 fortzuführen") is not a task.
    ``roles``: the sentence-role component; a task it doubts is dropped unless an exact form
    ("TODO:", "Auftrag an …") found it."""
    found: dict[int, ActionItem] = {}  # unit position -> item
    field_units: set[int] = set()  # "Verantwortlich: …" / "Termin: …" lines below a task
    seen_rows: set[int] = set()
    for pos, unit in enumerate(units):
        if unit.block.kind is BlockKind.TABLE_ROW:
            if unit.block.index in seen_rows:
                continue
            seen_rows.add(unit.block.index)
            item = extractor.from_table_row(unit)
        elif field_of(unit.clean_text) is not None:
            field_units.add(pos)
            continue
        else:
            item = extractor.from_sentence(unit)
            if item is not None and not item.responsible and (item.evidence.block_index, item.evidence.text) in decided:
                item = None
            if item is not None and item.confidence < OWNED_VETO_BELOW_CONFIDENCE:
                owned = item.confidence >= VETO_BELOW_CONFIDENCE
                if not (owned and _TASK_NOTATION.search(unit.text)) and task_vetoed(unit, roles, owned=owned):
                    item = None
        if item is not None:
            found[pos] = item
    # after the rules: a sentence they found a task in is theirs (and its veto), the rest the model's
    model_tasks(units, found, field_units, extractor, roles)
    _join_requests(units, found)
    _join_arrow_owners(units, found, extractor)
    if field_units:
        apply_task_fields(units, found, extractor, field_units)
    apply_list_owners(units, found, extractor)
    for pos, item in found.items():
        if units[pos].block.kind is BlockKind.TABLE_ROW:
            continue  # a task table's row: its owner cell says who, the row's words do not
        if not item.responsible:
            item.responsible = named_owner(item.evidence.text, extractor)
        elif (beside := institution_beside(item.evidence.text, item.responsible, extractor)) is not None:
            item.responsible = beside
    _drop_prose_repeats(units, found)
    items = []
    for pos in sorted(found):
        items.extend(_split_second_subject(units[pos], found[pos], extractor))
    return dedupe_actions(items)


def _drop_prose_repeats(units: list[Unit], found: dict[int, ActionItem]) -> None:
    """"Fr. Lindqvist sagte zu, die Checkliste … zur Verfügung zu stellen." above "Weiteres Vorgehen:
    – HWK-Checkliste an alle (Fr. Lindqvist)": minutes that close with a list or table of the tasks
    repeat the tasks the discussion gave; the listed one is the task, the sentence its origin."""
    listed = [(pos, _owner_key(item), _content_words(item.task)) for pos, item in found.items()
              if item.responsible and (item.evidence.table_index is not None or units[pos].section is SectionRole.TASK)]
    if not listed:
        return
    for pos, item in list(found.items()):
        if item.evidence.table_index is not None or units[pos].section is SectionRole.TASK or not item.responsible:
            continue
        key, words = _owner_key(item), _content_words(item.evidence.text)
        if any(at > pos and owners == key and _shares_word(words, listed_words) for at, owners, listed_words in listed):
            del found[pos]


_ANAPHORIC_PROMISE = re.compile(r"\b(?:sagt|sagte|sagen|sagten|sichert|sicherte|sichern|sicherten)\s+(?:dies|das|es)\s+(?:\w+\s+)?zu\b", re.I)
# "Dies wird von Lasall geklärt.", "Darum kümmert sich Tom.", "Diese Aufgabe übernimmt die AG": the
# task is what the sentence before says.
_ANAPHORIC_TASK = re.compile(
    r"^\W*(?:dies|das|dieses|darum|hierum|dafür|hierfür|diese\s+(?:aufgabe|frage|klärung)|diesen\s+punkt)\s+"
    r"(?:wird|werden|kümmert|kümmern|übernimmt|übernehmen|klärt|klären|prüft|prüfen|erledigt|erledigen|macht|machen)\b", re.I)


_ARROW_ONLY = re.compile(r"^\s*" + ARROW + r"\s*(?P<owner>[^\s].{0,40}?)\s*[.!]?\s*$")


def _join_arrow_owners(units: list[Unit], found: dict[int, ActionItem], extractor) -> None:
    """"Einladungen müssen bis 31.01. raus. → KN": an arrow to an owner after the sentence's full stop
    names the owner of the task in that sentence."""
    for pos, unit in enumerate(units):
        text = unit.clean_text
        if not (">" in text or "→" in text or "⇒" in text):
            continue  # most units: no arrow at all
        m = _ARROW_ONLY.match(text)
        if m is None or pos == 0 or units[pos - 1].block is not unit.block:
            continue
        before = found.get(pos - 1)
        owners = extractor.owners(m.group("owner"), lenient=True)
        if before is None or before.responsible or not owners:
            continue
        before.responsible = owners
        before.evidence.text = f"{before.evidence.text} {unit.clean_text}"
        found.pop(pos, None)


def _join_requests(units: list[Unit], found: dict[int, ActionItem]) -> None:
    """"Fr. Wiegand bat darum, … anzugeben. Die Geschäftsstelle sagte dies zu.", "Ob die Schule
    die Kosten übernimmt, ist offen. Dies wird von Lasall geklärt.": the promise or the task
    pointing back takes on the sentence before it as its task."""
    for pos, item in list(found.items()):
        unit = units[pos]
        text = unit.clean_text
        if pos == 0 or not (_ANAPHORIC_PROMISE.search(text) or _ANAPHORIC_TASK.match(text)) or len(text.split()) > 8:
            continue
        request = units[pos - 1]
        if request.topic_index != unit.topic_index or request.block.kind is BlockKind.HEADING:
            continue
        item.task = request.clean_text
        item.evidence.text = f"{request.clean_text} {unit.clean_text}"
        before = found.get(pos - 1)
        if before is not None and not before.responsible:
            del found[pos - 1]  # the request itself, unassigned: the same task
        elif before is not None and (together := body_and_person(before.responsible, item.responsible)) is not None:
            # "Der AK bittet die Verwaltung, … vorzulegen. Frau Haug sagte dies zu.": one task, the body
            # asked and the person who promised for it ("Verwaltung (Frau Haug)").
            item.responsible = together
            del found[pos - 1]


def dedupe_actions(items: list[ActionItem]) -> list[ActionItem]:
    """One item per distinct task: the same task text with the same owners is kept once,
    and a note that only points at its owners in brackets ("Streichelzoo (Kultur AG)")
    gives way to a task-table row of the same owners about the same thing (a shared
    content word, compounds included: "Zwigart", "Teleskop" / "Sonnenteleskop")."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    table_rows = [(_owner_key(i), _content_words(i.task)) for i in items if i.evidence.table_index is not None and i.responsible]
    out = []
    for item in items:
        key = (item.task.casefold(), _owner_key(item))
        if key in seen:
            continue
        if item.evidence.table_index is None and _owner_in_brackets(item) and any(
            owners == key[1] and _shares_word(_content_words(item.evidence.text), words) for owners, words in table_rows
        ):
            continue
        seen.add(key)
        out.append(item)
    return out


def _owner_in_brackets(item: ActionItem) -> bool:
    text = item.evidence.text
    return bool(item.responsible) and all(f"({r.name})" in text for r in item.responsible)


def _owner_key(item: ActionItem) -> tuple[str, ...]:
    return tuple(sorted(r.name.casefold() for r in item.responsible))


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if len(w) >= 5 and not w.isdigit()}


def _shares_word(a: set[str], b: set[str]) -> bool:
    return any(x == y or (len(x) >= 6 and len(y) >= 6 and (x.endswith(y) or y.endswith(x))) for x in a for y in b)


# ", Merve ergänzt den Teil …", ", Sophie hängt Plakate auf": a clause after a comma with a subject and a verb of its own.
_SECOND_SUBJECT = re.compile(
    r",\s+(?:und\s+)?(?P<subject>(?:(?:Hr\.|Fr\.|Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\w.-]*(?:\s+(?:und|&|\+)\s+[A-ZÄÖÜ][\w.-]*)?)"
    r"\s+(?P<verb>[a-zäöüß]\w*t)\b")


def _split_second_subject(unit: Unit, item: ActionItem, extractor: ActionExtractor) -> list[ActionItem]:
    """"Finn schreibt die Vorlage bis 28.4., Merve ergänzt den Teil zur Härtefallregelung": two
    people each given a task in one line are two tasks, each with its owner (a table row's cells are not split)."""
    if unit.block.kind is BlockKind.TABLE_ROW or not item.responsible or "," not in item.task:
        return [item]
    m = _SECOND_SUBJECT.search(item.task)
    if m is None or m.group("verb").casefold() not in action_cues().any_task_verb:
        return [item]
    second = extractor.owners(m.group("subject"))
    known = {o.name.casefold() for o in item.responsible}
    if not second or any(o.name.casefold() in known for o in second) or any(o.kind is not ResponsibleKind.PERSON for o in second):
        return [item]
    first_task, second_task = item.task[: m.start()].strip(), item.task[m.start() + 1 :].strip()
    if len(first_task.split()) < 2:
        return [item]
    first = item.model_copy(update={"task": first_task})
    other = item.model_copy(update={"task": second_task, "responsible": second, "due": extractor.due(second_task)})
    return [first, other]
