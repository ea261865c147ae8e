"""Decisions the meeting itself took: resolutions, motions, elections, agreements, approvals.

A sentence is scored by its cues (models/cues/patterns.jsonl); proposals,
postponements, questions and "not yet" statements count against it.
"""
from __future__ import annotations

import bisect
import re

from ..document import BlockKind
from ..schema import Decision
from .text import clean
from .units import Unit
from .votes import parse_vote

THRESHOLD = 0.5
_RESOLVE_CUE = "beschliessen"  # cue id of the verb forms of "beschließen" (models/cues/patterns.jsonl)
_CUE_WEIGHTS = {
    "DECISION": 0.6,
    "AGREEMENT": 0.55,
    "VOTE": 0.25,
    "VOTE_STRONG": 0.5,
    "DECISION_WEAK": 0.3,
    "POSTPONE": -0.7,
    "TENTATIVE": -0.35,
    "NOT_YET": -0.7,
    "OTHER_BODY": -0.2,
    # "… sollen in der StuKo beschlossen werden": a decision still to be taken.
    "FUTURE": -0.7,
    # "X berichtet, dass der Vorstand beschlossen hat": another body's decision, reported.
    "REPORTED": -0.9,
}
_APPROVAL = re.compile(r"\b(Protokoll|Tagesordnung|Niederschrift|Geschäftsordnung)\b", re.I)
_ELECTION = re.compile(r"\b(gewählt|wiedergewählt|ernannt|berufen|bestimmt)\b", re.I)
_MOTION = re.compile(r"\b(Antrag|Anträge|Änderungsantrag|Beschlussvorlage|Vorlage)\b", re.I)
_BESCHLUSS_HEADER = re.compile(r"^\s*Beschlu(ss|ß)(text|empfehlung)?\s*:?\s*$", re.I)


# "Der Flohmarkt soll genutzt werden": an agreed intention stated as a modal passive.
_MODAL_PASSIVE = re.compile(r"\bsoll(en)?\b(?:\s+\S+){0,8}?\s+(werden|bleiben)\b", re.I)


def decision_score(unit: Unit, after_beschluss_header: bool = False, has_vote: bool | None = None) -> float:
    labels = unit.cue_labels()
    text = unit.text
    if has_vote is None:
        has_vote = parse_vote(text) is not None
    # A body that "empfiehlt … mehrheitlich" has voted on a recommendation: not a hedge.
    weights = {**_CUE_WEIGHTS, "TENTATIVE": 0.0} if has_vote else _CUE_WEIGHTS
    # "Wir beschließen, die Diskussion zu verschieben": a postponement explicitly resolved is a decision.
    if "POSTPONE" in labels and any(c.kb_id_ == _RESOLVE_CUE for c in unit.cues()):
        weights = {**weights, "POSTPONE": 0.0}
    score = sum(weights.get(label, 0.0) for label in labels)
    # "… soll geprüft / geklärt / besprochen werden" leaves the matter open: no agreed intention.
    if (
        "soll" in text.lower() and _MODAL_PASSIVE.search(text)
        and not labels & {"TENTATIVE", "OPEN"} and "?" not in text
    ):
        score += 0.5
    if "DECISION" in labels and "AGREEMENT" in labels:
        score -= 0.3  # the two overlap; do not double count
    if has_vote and not labels & {"VOTE", "VOTE_STRONG"}:
        score += 0.3
    if after_beschluss_header:
        score += 0.4
    # A short note opening with "Grundsätzlich …", "Ab sofort …" states a standing rule the
    # meeting set ("grundsätzlich keine reinen Kollektengigs"); inside prose the words hedge.
    if "POLICY" in labels and _opens_with(unit, "POLICY") and len(text.split()) <= 15 and not _PAST_TENSE.search(text):
        score += 0.5
    # "Die Fraktion X sowie Y haben dem Antrag zugestimmt": how parts of the body voted,
    # not a decision of the body itself (that is the motion's outcome).
    if "FACTION" in labels and _opens_with(unit, "FACTION"):
        score -= 0.6
    if text.rstrip().endswith("?"):
        score -= 0.6
    if len(text.split()) < 3 and not after_beschluss_header:
        score -= 0.3
    # Rounded: the labels are a set, and float sums in a hash-dependent order could fall on
    # either side of the threshold from one run to the next (0.6 + 0.55 - 0.3 - 0.35).
    return round(score, 6)


_PAST_TENSE = re.compile(r"\b(wurde|wurden|war|waren|hatte|hatten)\b", re.I)


def _opens_with(unit: Unit, label: str) -> bool:
    """Whether a cue of ``label`` starts the unit (after bullets and punctuation)."""
    first = next((t.i for t in unit.span if not (t.is_punct or t.is_space)), None)
    return first is not None and any(c.label_ == label and c.start == first for c in unit.cues())


def decision_kind(text: str) -> str:
    if _ELECTION.search(text):
        return "election"
    if _APPROVAL.search(text):
        return "approval"
    if _MOTION.search(text):
        return "motion"
    return "agreement" if re.search(r"einig|vereinbar|festgelegt|Konsens|machen wir so", text, re.I) else "resolution"


# A line that only reports the vote on the resolution stated just before it.
_VOTE_ONLY = re.compile(
    r"^\s*((Das|Die)\s+)?(Abstimmung|Abstimmungsergebnis|Ergebnis|Mit\s+\d|Mit\s+(einer|zwei|drei)\b|(Der|Dieser)\s+Beschluss\b|Beschluss\s+wird|"
    r"Dem\s+wird|Dies\s+wird|Einstimmig|Mehrheitlich|Angenommen|Abgelehnt|Votum)",
    re.I,
)
VOTE_LOOKBACK_UNITS = 4
_INTRO = re.compile(r"\bfolgende[nrs]?\b", re.I)
# Labels of council-minutes fields ("Beschlussart: …", "Abstimmung | Ja: 8 …"): metadata about
# a decision stated elsewhere, not the decision's text.
_LABELS = {"beschluss", "beschlussart", "abstimmung", "abstimmungsergebnis", "ergebnis", "status", "beschlussstatus", "votum"}


_DECISION_COLUMNS = ("entscheidung", "beschluss", "festlegung", "vereinbarung", "ergebnis", "decision")


def decision_column(header: list[str] | None) -> int | None:
    """The column of a decision log table ("Nr. | Entscheidung | Begründung | Verantwortlich")."""
    for i, h in enumerate(header or []):
        if clean(h).casefold().rstrip(":") in _DECISION_COLUMNS:
            return i
    return None


def _is_label_line(unit: Unit, text: str) -> bool:
    if unit.block.kind is BlockKind.TABLE_ROW and unit.block.cells:
        first = clean(unit.block.cells[0]).rstrip(":").casefold()
        return first in _LABELS
    key = text.split(":", 1)[0].strip().casefold() if ":" in text[:30] else ""
    return key in _LABELS - {"beschluss"}


def _is_list_intro(unit: Unit, text: str) -> bool:
    """"Folgende Punkte wurden vereinbart:" introduces a list; it is not itself a decision.
    "Der Rat beschließt das Konzept mit den folgenden Änderungen:" is one, changes listed after it."""
    if not (text.endswith(":") and _INTRO.search(text)):
        return False
    return len(text.split()) <= INTRO_MAX_WORDS or "DECISION" not in unit.cue_labels()


INTRO_MAX_WORDS = 8
# "Beschluss: einstimmig beschlossen" in council minutes: the outcome of the item, whose
# resolution text stands in its own paragraphs. Its vote belongs to that resolution.
_STATUS_LABEL = re.compile(r"^\s*(?:Beschluss|Ergebnis|Votum)\s*:\s*", re.I)
_STATUS_WORDS = frozenset(
    "einstimmig mehrheitlich geändert ungeändert beschlossen abgelehnt angenommen zugestimmt mit ohne "
    "änderung änderungen so wie vorgeschlagen empfohlen".split()
)
STATUS_REACH_UNITS = 12


def _status_only(text: str) -> bool:
    m = _STATUS_LABEL.match(text)
    if not m:
        return False
    words = re.findall(r"[^\W\d_]+", text[m.end():].casefold())
    return bool(words) and all(w in _STATUS_WORDS for w in words)


def extract_decisions(units: list[Unit]) -> list[Decision]:
    decisions: list[Decision] = []
    positions: list[int] = []  # unit position of each decision
    statuses: list[tuple[int, Unit]] = []
    last_decision_unit: int | None = None
    prev_header = False
    for pos, unit in enumerate(units):
        if (col := decision_column(unit.block.header)) is not None and not unit.block.is_header_row:
            cells = unit.block.cells or []
            if col < len(cells) and clean(cells[col]):
                text = clean(cells[col])
                decisions.append(
                    Decision(text=text, kind=decision_kind(text), topic_index=unit.topic_index, vote=parse_vote(text),
                             evidence=unit.evidence(text=text, column=col), confidence=0.8)
                )
                positions.append(pos)
            continue
        is_header = bool(_BESCHLUSS_HEADER.match(unit.text))
        if is_header:
            prev_header = True
            continue
        text = unit.clean_text
        if _status_only(text):
            statuses.append((pos, unit))
            continue
        vote = parse_vote(text)
        if (
            vote is not None
            and decisions
            and decisions[-1].vote is None
            and last_decision_unit is not None
            and pos - last_decision_unit <= VOTE_LOOKBACK_UNITS
            and decisions[-1].topic_index == unit.topic_index
            and _VOTE_ONLY.match(text)
        ):
            decisions[-1].vote = vote
            decisions[-1].confidence = min(0.95, decisions[-1].confidence + 0.1)
            continue
        score = decision_score(unit, after_beschluss_header=prev_header, has_vote=vote is not None)
        prev_header = False
        if score < THRESHOLD or _is_list_intro(unit, text) or _is_label_line(unit, text):
            continue
        last_decision_unit = pos
        decisions.append(_decision(unit, text, vote, score))
        positions.append(pos)
    for pos, unit in statuses:
        _place_status(pos, unit, decisions, positions)
    return decisions


def _decision(unit: Unit, text: str, vote, score: float) -> Decision:
    return Decision(
        text=text,
        kind=decision_kind(text),
        topic_index=unit.topic_index,
        vote=vote,
        evidence=unit.evidence(),
        confidence=round(min(0.95, 0.4 + score / 2), 2),
    )


def _place_status(pos: int, unit: Unit, decisions: list[Decision], positions: list[int]) -> None:
    """A status line ("Beschluss: einstimmig beschlossen") gives its vote to the nearest
    resolution of the same item; with none nearby it stands for the decision itself."""
    text = unit.clean_text
    vote = parse_vote(text)
    near = [
        (abs(p - pos), i) for i, p in enumerate(positions)
        if decisions[i].topic_index == unit.topic_index and abs(p - pos) <= STATUS_REACH_UNITS
    ]
    if near:
        target = decisions[min(near)[1]]
        if vote is not None and target.vote is None:
            target.vote = vote
        return
    score = decision_score(unit, has_vote=vote is not None)
    if score >= THRESHOLD:
        at = bisect.bisect(positions, pos)
        decisions.insert(at, _decision(unit, text, vote, score))
        positions.insert(at, pos)
