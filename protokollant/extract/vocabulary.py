"""Vocabulary of decision and action-item extraction, read from models/cues/.

How cues are weighed, task verbs, table column names, TODO markers and the
done/still-open patterns are data (decisions.json, actions.json): users extend
them there without touching code. The register uses the same done/still-open
patterns to close items that later minutes report as done.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from ..paths import models_dir

ACTIONS_FILE = "cues/actions.json"
DECISIONS_FILE = "cues/decisions.json"


def _load(name: str) -> dict:
    return json.loads((models_dir() / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ActionCues:
    owner_columns: tuple[str, ...]
    task_columns: tuple[str, ...]
    due_columns: tuple[str, ...]
    status_columns: tuple[str, ...]
    todo: re.Pattern
    strong_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    generic_verbs: frozenset[str]
    question: re.Pattern
    meeting_question: re.Pattern
    report: re.Pattern
    possibility: re.Pattern
    narrative_verbs: frozenset[str]
    consult_verbs: frozenset[str]
    consult: re.Pattern
    intro: re.Pattern
    deadline_wording: re.Pattern
    obligation: re.Pattern
    past: re.Pattern
    done: re.Pattern
    done_followup: re.Pattern  # done, plus wordings the register may read as done
    still_open: re.Pattern

    @property
    def any_task_verb(self) -> frozenset[str]:
        """Every verb form that can follow a subject owner: a sentence without one of them
        cannot have a subject owner, so most sentences are ruled out without touching tokens."""
        return self.strong_verbs | self.weak_verbs | self.auxiliaries


def _words_rx(words: list[str]) -> str:
    """An alternation of phrases, longest first; a space matches any whitespace."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def action_cues() -> ActionCues:
    data = _load(ACTIONS_FILE)
    cols = data["columns"]
    lower = lambda key: frozenset(w.casefold() for w in data[key])  # noqa: E731
    return ActionCues(
        owner_columns=tuple(cols["owner"]),
        task_columns=tuple(cols["task"]),
        due_columns=tuple(cols["due"]),
        status_columns=tuple(cols["status"]),
        todo=re.compile(
            rf"^\s*(?:[-•*]\s*)?(?:{_words_rx(data['todo_markers'])})\s*(?:\((?P<owner>[^)]{{1,60}})\))?\s*[:\-–]\s*(?P<task>.+)$",
            re.I | re.S,
        ),
        strong_verbs=lower("strong_task_verbs"),
        weak_verbs=lower("weak_task_verbs"),
        auxiliaries=lower("auxiliaries"),
        generic_verbs=lower("generic_verbs"),
        question=re.compile(rf"\b({_words_rx(data['question_words'])})\b", re.I),
        meeting_question=re.compile("|".join(data["meeting_question_patterns"]), re.I),
        report=re.compile("|".join(data["report_patterns"]), re.I),
        narrative_verbs=lower("narrative_verbs"),
        consult_verbs=lower("consult_verbs"),
        consult=re.compile("|".join(data["consult_patterns"]), re.I),
        possibility=re.compile(rf"\b({_words_rx(data['possibility_words'])})\b", re.I),
        intro=re.compile(rf"\b({_words_rx(data['intro_words'])})\b", re.I),
        deadline_wording=re.compile(rf"^({_words_rx(data['deadline_words'])})\b", re.I),
        obligation=re.compile(rf"\b({_words_rx(data['obligation_words'])})\b", re.I),
        # "ist … worden" is grammar, not vocabulary: a perfect passive reports.
        past=re.compile(rf"\b({_words_rx(data['past_words'])}|ist\s+\w+\s+worden)\b", re.I),
        done=re.compile("|".join(data["done_patterns"]), re.I),
        done_followup=re.compile("|".join(data["done_patterns"] + data["done_followup_patterns"]), re.I),
        still_open=re.compile("|".join(data["still_open_patterns"]), re.I),
    )


@dataclass(frozen=True)
class DecisionCues:
    weights: dict[str, float]
    resolve_cue: str
    election: re.Pattern
    approval: re.Pattern
    motion: re.Pattern
    agreement: re.Pattern
    header: re.Pattern
    modal_passive: re.Pattern
    past: re.Pattern
    vote_only: re.Pattern
    intro: re.Pattern
    field_labels: frozenset[str]
    decision_columns: tuple[str, ...]
    status_label: re.Pattern
    status_words: frozenset[str]


@lru_cache(maxsize=1)
def decision_cues() -> DecisionCues:
    data = _load(DECISIONS_FILE)
    kinds = data["kind_words"]
    words = lambda items: re.compile(rf"\b({_words_rx(items)})\b", re.I)  # noqa: E731
    return DecisionCues(
        weights={k: float(v) for k, v in data["weights"].items()},
        resolve_cue=data["resolve_cue"],
        election=words(kinds["election"]),
        approval=words(kinds["approval"]),
        motion=words(kinds["motion"]),
        agreement=re.compile(_words_rx(data["agreement_stems"]), re.I),
        header=re.compile(data["header_pattern"], re.I),
        modal_passive=re.compile(data["modal_passive_pattern"], re.I),
        past=words(data["past_words"]),
        vote_only=re.compile(data["vote_only_pattern"], re.I),
        intro=words(data["intro_words"]),
        field_labels=frozenset(w.casefold() for w in data["field_labels"]),
        decision_columns=tuple(w.casefold() for w in data["decision_columns"]),
        status_label=re.compile(rf"^\s*(?:{_words_rx(data['status_labels'])})\s*:\s*", re.I),
        status_words=frozenset(w.casefold() for w in data["status_words"]),
    )
