"""Vocabulary of decision and action-item extraction, read from models/cues/.

How cues are weighed, task verbs, table column names, TODO markers and the
done/still-open patterns are data (decisions.json, actions.json): users extend
them there without touching code. The register uses the same done/still-open
patterns to close items that later minutes report as done.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..paths import models_dir
from .rx_gate import any_may_match, gated

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
    not_task: re.Pattern
    not_task_worded: tuple  # gated patterns, tried one by one
    may_not_task_worded: Callable[[str], bool]  # one word test for all of them
    not_task_line: re.Pattern  # matched at the line's start
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
    promises: tuple[re.Pattern, ...]
    may_promise: Callable[[str], bool]  # false where none of ``promises`` can match (one word test)
    pledge: re.Pattern  # "Frau Klein: das kann ich übernehmen": the speaker's own pledge
    passive_future: re.Pattern  # words that put a present passive into the future
    passive_state: frozenset[str]  # participles that describe a state, not a task
    passive_task: frozenset[str]  # participles of task verbs: the agent's task without a deadline
    narrative_when_followed: dict[str, frozenset[str]]
    particle_verbs: dict[str, frozenset[str]]  # verb form -> particles that make it a task verb
    # Every verb form that can follow a subject owner: a sentence without one of them cannot
    # have a subject owner, so most sentences are ruled out without touching tokens.
    any_task_verb: frozenset[str]
    works_with: re.Pattern  # "kümmert sich Fr. K. mit Hr. P.": the person after "mit" shares the task
    organised_by: re.Pattern  # "Einladung erfolgt durch die WFG.": the organising act and who does it
    organised_noted: re.Pattern  # "(Einladung: BH)", "Raum + Einladung: LW": the act and its owner noted after it
    subject_fillers: tuple[tuple[str, ...], ...]  # "übernimmt wie immer Fr. P.": words between a verb and its subject


def _words_rx(words: list[str]) -> str:
    """An alternation of phrases, longest first; a space matches any whitespace."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


def _words_pattern(words: list[str]) -> re.Pattern:
    """Any of the phrases as whole words, case-insensitive."""
    return re.compile(rf"\b({_words_rx(words)})\b", re.I)


def _casefolded(words: list[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _subjunctive_forms(verbs: frozenset[str]) -> frozenset[str]:
    """"Die Terminplanung übernehme das Gesundheitsamt", "Die Verwaltung kläre das": the Konjunktiv I of
    indirect speech in council minutes, from the infinitives listed ("übernehmen" → "übernehme",
    "kümmern" → "kümmere")."""
    out = set()
    for verb in verbs:
        if verb.endswith("ern") or verb.endswith("eln"):
            out.add(verb[:-1] + "e")
        elif verb.endswith("en") and len(verb) > 4:
            out.add(verb[:-2] + "e")
    return frozenset(out)


@lru_cache(maxsize=1)
def action_cues() -> ActionCues:
    data = _load(ACTIONS_FILE)
    cols = data["columns"]
    strong, weak, auxiliaries = (_casefolded(data[k]) for k in ("strong_task_verbs", "weak_task_verbs", "auxiliaries"))
    generic = _casefolded(data["generic_verbs"])
    # "mache darauf aufmerksam", "gebe einen Überblick": generic verbs keep their exclusions, which
    # are written for the indicative, so they get no subjunctive of their own.
    strong = strong | (_subjunctive_forms(strong - generic) - _casefolded(data["subjunctive_not_forms"]))
    promises = tuple(gated(re.compile(p, re.I | re.S)) for p in data["promise_patterns"])
    not_task_worded = tuple(gated(re.compile(p, re.I)) for p in data["not_task_worded_patterns"])
    return ActionCues(
        owner_columns=tuple(cols["owner"]),
        task_columns=tuple(cols["task"]),
        due_columns=tuple(cols["due"]),
        status_columns=tuple(cols["status"]),
        todo=re.compile(
            # "TODO (JB): …", "TODO [magu, neoraider] …", "AP – …", and an open checkbox of a pad or Markdown list: "[ ] Flyer -> @Falk".
            # "TODO EY: …", "TODO alle: …", "ToDo Hr. Adjei: …", "TODO mira: …" (a pad's handle): the owner
            # written between the marker and the colon
            # (a hyphen separates only with a space beside it: "TODO AVV-Muster an alle (RP)" is a task, not AVV's).
            rf"^\s*(?:[-•*]\s*)?(?:(?:{_words_rx(data['todo_markers'])})\s*(?:[(\[](?P<owner>[^)\]]{{1,60}})[)\]](?:\s*[:–-])?|(?:\s(?P<owner2>(?:(?:(?:Herr|Frau|Hr\.|Fr\.|Dr\.)\s+)?[A-ZÄÖÜ][\w.]{{0,20}}|alle(?:\s+[A-ZÄÖÜ][\w-]{{1,20}})?)(?:\s*[,/+&]\s*[A-ZÄÖÜ][\w.]{{0,20}}){{0,3}}|(?P<handle>(?-i:[a-z][\w.-]{{1,15}}))(?=\s*:)))?(?:\s*[:–]|\s*-(?=\s)|(?<=\s)-))|\[\s?\]|☐)\s*(?P<task>.+)$",
            re.I | re.S,
        ),
        strong_verbs=strong,
        weak_verbs=weak,
        auxiliaries=auxiliaries,
        generic_verbs=generic,
        # gated(): a word test first, where most sentences need no regex (extract/rx_gate.py).
        question=gated(_words_pattern(data["question_words"])),
        meeting_question=gated(re.compile("|".join(data["meeting_question_patterns"]), re.I)),
        report=gated(re.compile("|".join(data["report_patterns"]), re.I)),
        not_task=gated(re.compile("|".join(data["not_task_patterns"]), re.I)),
        not_task_worded=not_task_worded,
        may_not_task_worded=any_may_match(not_task_worded),
        not_task_line=re.compile("|".join(data["not_task_line_patterns"]), re.I),
        narrative_verbs=_casefolded(data["narrative_verbs"]),
        consult_verbs=_casefolded(data["consult_verbs"]),
        consult=re.compile("|".join(data["consult_patterns"]), re.I),
        possibility=gated(_words_pattern(data["possibility_words"])),
        intro=gated(_words_pattern(data["intro_words"])),
        deadline_wording=re.compile(rf"^({_words_rx(data['deadline_words'])})\b", re.I),
        obligation=gated(_words_pattern(data["obligation_words"])),
        # "ist … worden" is grammar, not vocabulary: a perfect passive reports.
        past=gated(re.compile(rf"\b({_words_rx(data['past_words'])}|ist\s+\w+\s+worden)\b", re.I)),
        done=gated(re.compile("|".join(data["done_patterns"]), re.I)),
        done_followup=gated(re.compile("|".join(data["done_patterns"] + data["done_followup_patterns"]), re.I)),
        still_open=gated(re.compile("|".join(data["still_open_patterns"]), re.I)),
        promises=promises,
        may_promise=any_may_match(promises),
        # The label, a colon, then "ich" next to a first-person task verb ("kann ich übernehmen",
        # "mach ich", "ich kümmere mich").
        pledge=gated(re.compile(
            rf"^\W*(?P<owner>[^:;,.?!()]{{2,40}}?)\s*:\s*(?P<task>[^?]*?\b(?:ich\s+(?:\w+\s+){{0,4}}?(?:{_words_rx(data['pledge_stems'])})\w*"
            rf"|(?:{_words_rx(data['pledge_stems'])})\w*\s+ich)\b[^?]*)$", re.I)),
        passive_future=gated(_words_pattern(data["passive_agent_future_words"])),
        passive_state=_casefolded(data["passive_agent_state_participles"]),
        passive_task=_casefolded(data["passive_agent_task_participles"]),
        narrative_when_followed={v.casefold(): _casefolded(after) for v, after in data["narrative_when_followed"].items()},
        particle_verbs={v.casefold(): _casefolded(ps) for v, ps in data["particle_task_verbs"].items()},
        any_task_verb=strong | weak | auxiliaries | _casefolded(list(data["particle_task_verbs"])),
        works_with=re.compile(
            rf"\b(?:{_words_rx(data['works_with_verbs'])})\b(?:\s+sich)?(?:\s+(?:Herr|Frau|Hr\.|Fr\.|Dr\.)?\s*[A-ZÄÖÜ][\w.-]*)?"
            r"\s+mit\s+(?P<owner>(?:Herrn|Herr|Frau|Hr\.|Fr\.)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w-]*"
            # "Aaron erstellt mit Wolfgang, Jens und Silke ein Video": first names (persons only: co_owners)
            r"|(?P<names>[A-ZÄÖÜ][\w-]*(?:(?:\s*,\s*|\s+und\s+)[A-ZÄÖÜ][\w-]*)*))"),
        organised_by=re.compile(
            # also as a clause of its own: "Folgetermin in drei Monaten, Einladung durch die ABH."
            rf"(?:^|[,;]\s)\W*(?:[\w-]*(?:{_words_rx(data['organising_acts'])})\w*)(?:\s+(?:und|&|\+)\s+[\w-]+)?\s+(?:(?:er)?folgt\s+)?(?:\w+\s+)?"
            r"durch\s+(?:die|den|das|der)?\s*(?P<owner>[^\W\d][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})\s*[.!]?\s*$", re.I),
        # "Nächster Termin: 25.02.2027 (Einladung BH).", "Raum + Einladung: LW", "Einladung: ML, 2 Wochen vorher":
        # the organising act and who does it, noted (a colon, or capitals in brackets).
        organised_noted=gated(re.compile(
            rf"(?:^|[(;,]\s*)(?:[\w-]+\s*[+&]\s*)?[\w-]*(?:{_words_rx(data['organising_acts'])})\w*"
            # "Folgegespräch in drei Monaten, Einladung JC.": capitals closing the clause name who too
            r"(?:\s*:\s*|\s+(?=[A-ZÄÖÜ]{2,4}\))|\s+(?=(?-i:[A-ZÄÖÜ]{2,5})\s*[.!]?\s*$))(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})\s*(?:[),.;!]|$)", re.I)),
        # longest first: "wie üblich" is tried before a one-word filler
        subject_fillers=tuple(sorted((tuple(f.casefold().split()) for f in data["subject_fillers"]), key=len, reverse=True)),
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
    outcome_tail: re.Pattern
    body_acts: re.Pattern
    accepts_proposal: re.Pattern
    numbered_resolution: re.Pattern


def _body_pattern(suffixes: list[str], verbs: list[str]) -> re.Pattern:
    """"Der Ortschaftsrat stimmt …", "Steuerungsgruppe stimmt zu" (notes drop the article): a
    (compound) body noun, up to two words, the verb."""
    body, verb = _words_rx(suffixes), _words_rx(verbs)
    return re.compile(
        rf"^\W*(?:(?:Der|Die|Das)\s+(?:[\w.-]+\s+)?)?[\w-]*(?:{body})\s+(?:[\w.„“\"-]+\s+){{0,2}}?(?:{verb})\b"
        # "Bei zwei gegen acht Stimmen lehnt die Versammlung … ab": a fronted phrase, the body after the verb.
        rf"|^\W*[^,;:.?]{{2,60}}?\s(?:{verb})\s+(?:der|die|das)\s+[\w-]*(?:{body})\b",
        re.I,
    )


@lru_cache(maxsize=1)
def decision_cues() -> DecisionCues:
    data = _load(DECISIONS_FILE)
    kinds = data["kind_words"]
    return DecisionCues(
        weights={k: float(v) for k, v in data["weights"].items()},
        resolve_cue=data["resolve_cue"],
        election=gated(_words_pattern(kinds["election"])),
        approval=gated(_words_pattern(kinds["approval"])),
        motion=gated(_words_pattern(kinds["motion"])),
        agreement=gated(re.compile(_words_rx(data["agreement_stems"]), re.I)),
        header=re.compile(data["header_pattern"], re.I),
        modal_passive=re.compile(data["modal_passive_pattern"], re.I),
        past=gated(_words_pattern(data["past_words"])),
        vote_only=re.compile(data["vote_only_pattern"], re.I),
        intro=gated(_words_pattern(data["intro_words"])),
        # "… → beschlossen 5:1", "… – ok": the outcome after the last arrow or dash of a note.
        outcome_tail=re.compile(
            rf"(?:-->|->|→|=>|==>|⇒|\s[–—-]\s)\s*(?:{_words_rx(data['outcome_tail_words'])})\b[^→>–—-]{{0,30}}$", re.I
        ),
        field_labels=_casefolded(data["field_labels"]),
        decision_columns=tuple(w.casefold() for w in data["decision_columns"]),
        status_label=re.compile(rf"^\s*(?:{_words_rx(data['status_labels'])})\s*:\s*", re.I),
        status_words=_casefolded(data["status_words"]),
        body_acts=gated(re.compile(
            f"{_body_pattern(data['body_suffixes'], data['body_verbs']).pattern}|{_body_pattern(data['recommend_suffixes'], data['recommend_verbs']).pattern}",
            re.I,
        )),
        accepts_proposal=gated(re.compile(data["accepts_proposal_pattern"], re.I)),
        numbered_resolution=re.compile(data["numbered_resolution_pattern"], re.I),
    )
