"""Vote and outcome lines: which motion a vote line answers, and whether a line states its own
motion or its own outcome ("Abstimmung: Ersti-Fahrt nach Marburg: 8/0/0 → angenommen",
"GO-Antrag … → keine Gegenrede, angenommen")."""
from __future__ import annotations

import re

from ..document import BlockKind
from .text import ARROW
from .units import Unit


# "Abstimmung: Ersti-Fahrt 2026 nach Marburg (JH), Kostenrahmen max. 4.000 €: 8/0/0 → angenommen": the
# label, what is voted on (two words or more), a colon or comma, the count.
# "Abstimmung: Ersti-Fahrt nach Marburg: 8/0/0", "Abstimmung: Sprechstunde dort anbieten, 8/0/0 → angenommen",
# "Abstimmung Delegierte bvmd-MV: 8/0/0", "Abstimmung: Wir buchen Bad Kösen für 13.–15.11. → 6/1/0 angenommen": the
# motion between the label and the count.
_VOTE_WITH_MOTION = re.compile(
    r"^\W*(?:Abstimmung|Abstimmungsergebnis|Votum)(?:\s+(?:über|zu|zum|zur)\b)?\s*:?\s*(?P<motion>[^:]{12,}?)\s*"
    # "…: 8/0/0", "… → alle dafür" (an outcome in words only after an arrow: "Abstimmungsergebnis über den
    # Beschlussvorschlag: einstimmig" names no motion of its own)
    r"(?:(?:[:,]|→|->|=>)\s*\d{1,3}\s*[/:]\s*\d|(?:→|->|=>)\s*(?:alle\s+dafür|einstimmig|angenommen|abgelehnt|mehrheitlich|konsens)\b)",
    re.I)


def states_its_motion(text: str) -> bool:
    m = _VOTE_WITH_MOTION.match(text)
    return m is not None and len(re.findall(r"[^\W\d_]{3,}", m.group("motion"))) >= 2


_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


def states_result(unit: Unit, text: str) -> bool:
    """"Abstimmung: Erfolgreiche Wahl bei 12 Ja-Stimmen, zu einer Enthaltung": a vote field that says
    in words of its own what was decided; with no motion above it, it is the only record of the decision."""
    key, _, rest = text.partition(":")
    return key.strip().casefold().startswith("abstimmung") and len(_LETTER_WORDS.findall(rest)) >= 5 and bool(
        unit.cue_labels() & {"DECISION", "AGREEMENT"})


_ARROW_OR_DASH = re.compile(ARROW + r"|\s[–—-]\s")
_OUTCOME_WORD = re.compile(r"\b(?:angenommen|abgelehnt|beschlossen|zugestimmt|genehmigt|einstimmig|mehrheitlich)\b", re.I)


def has_own_outcome(text: str) -> bool:
    """"GO-Antrag … → keine Gegenrede, angenommen", "GO-Antrag (Jonas) auf Ende der Debatte – keine Gegenrede,
    angenommen": a line whose part after its last arrow or dash states its outcome."""
    parts = _ARROW_OR_DASH.split(text)
    return len(parts) > 1 and bool(_OUTCOME_WORD.search(parts[-1]))


# "… stellt den Antrag, den Zaun zu erneuern", "… stellte einen Änderungsantrag auf …": a motion put to the
# meeting ("stellt den Antrag vor" presents one, "stellt den Förderantrag beim Amt" applies elsewhere).
MOTION = re.compile(
    r"\b(?:abstimm|zur\s+abstimmung|beantragt|\w*antrag\b[^:\n]{0,40}:(?!\d)|beschlussvorschlag|beschlussempfehlung"
    r"|stell\w*\s+(?:den|einen)\s+(?:änderungs|geschäftsordnungs|go-)?antrag\s*(?:,|auf\b|zu[rm]?\b))",
    re.I,
)


# "Abstimmung: positiv (deutliche Mehrheit)", "Ergebnis: angenommen": a field label with an outcome.
OUTCOME_AFTER_LABEL = re.compile(
    r"^[^:]{2,30}:\s*(?:\w+\s+){0,2}?(?:positiv|angenommen|einstimmig|mehrheitlich|beschlossen|zugestimmt|"
    r"genehmigt|gewählt|dafür|ja)\b", re.I)
# What a vote line can answer besides a motion: a question put to the meeting ("Zulassen?") or
# a candidate for an office ("Protokollführer: Maxi Kraft").
_PUT_TO_VOTE = re.compile(r"\?\s*$|^[^:]{2,60}:\s*(?:[A-ZÄÖÜ][\w.-]*\s*){1,4}$")


def voted_on(previous: Unit, vote_line: Unit) -> bool:
    """A postponement, a referral or a motion ("… stellt den Antrag, …") right above a vote line is what
    the body voted on."""
    return (previous.topic_index == vote_line.topic_index and previous.block.kind is not BlockKind.HEADING
            and ("POSTPONE" in previous.cue_labels() or MOTION.search(previous.clean_text) is not None))


# "3.1 Antrag FS Sonderpädagogik: Zuschuss Fachtag, 450 €", "Änderungsantrag Mareike: …": a line that
# opens with the motion itself.
_MOTION_LINE = re.compile(
    # (a name in quotes too: "3.3 Antrag Theatergruppe „Bühne frei“: Zuschuss …")
    r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:\w*-)?\w*antrag(?:\s+(?:\d{1,3}[a-z]?|[A-ZÄÖÜ][\w.*-]*|\([^()]{1,40}\)|"
    r"[„\"“»][^\"“”«»]{1,40}[\"”“«]))*\s*:(?!\d)", re.I)


def _motion_line_above(back: int, pos: int, units: list[Unit]) -> tuple[int, Unit, str] | None:
    """"3.1 Antrag …:" / "Tim stellt vor, …" / "Rückfrage Paul: …" / "Abstimmung: 8/0/0 → angenommen": a
    motion line a few lines above the vote, the lines between it being the debate (no vote, outcome
    or motion of their own)."""
    unit = units[pos]
    if not _VOTE_LABEL.match(unit.clean_text):
        return None
    reach = MOTION_REACH
    earlier = back + 1
    while earlier > 0 and earlier > pos - 1 - reach:
        earlier -= 1
        line = units[earlier]
        text = line.clean_text
        if line.topic_index != unit.topic_index:
            return None
        if _MOTION_LINE.match(text) and _not_styled_heading(line):
            return earlier, line, text
        if line.block.kind is BlockKind.HEADING:
            return None
        if _PROCEDURAL.match(text) and has_own_outcome(text):
            reach += 1  # "GO-Antrag auf Ende der Debatte – keine Gegenrede, angenommen": decided in passing
            continue
        if (line.vote() is not None or _OUTCOME_WORD.search(text) or MOTION.search(text)
                or len(text.split()) > DEBATE_LINE_WORDS):
            return None
    return None


def _not_styled_heading(unit: Unit) -> bool:
    """Not a heading, or one by its typed number only ("3.1 Antrag …"), not by a Word heading style."""
    return unit.block.kind is not BlockKind.HEADING or unit.block.heading_source != "style"


_VOTE_LABEL = re.compile(r"^\W*Abstimmung(?:sergebnis)?\s*:", re.I)
_PROCEDURAL = re.compile(r"^\W*GO[- ]?Antrag\b", re.I)
DEBATE_LINE_WORDS = 15
"""The debate between a motion line and its "Abstimmung:" line: short lines of notes."""


MOTION_REACH = 4
"""How many lines above a vote line its motion may stand (up to three debate lines between them)."""


def motion_before(pos: int, units: list[Unit], put_to_vote: bool = False) -> tuple[int, Unit, str] | None:
    """The motion a bare outcome line answers: the unit just before it in the same item
    (a label such as "Abstimmungsergebnis:" between them), when it puts something to the
    vote ("… lässt darüber abstimmen, dass …", "beantragt …"); with ``put_to_vote`` also a
    question or a candidate line."""
    unit = units[pos]
    for back in range(pos - 1, max(-1, pos - 1 - MOTION_REACH), -1):
        previous = units[back]
        text = previous.clean_text
        if previous.topic_index == unit.topic_index and _MOTION_LINE.match(text) and _not_styled_heading(previous):
            return back, previous, text  # "3.1 Antrag …:" typed as an outline line (a heading by its number only)
        if previous.topic_index != unit.topic_index or previous.block.kind is BlockKind.HEADING:
            return None
        if text.endswith(":") and len(text.split()) <= 2:
            continue  # "Abstimmungsergebnis:"
        if (back == pos - 1 and previous.block is unit.block and previous.vote() is None and _VOTE_LABEL.match(unit.clean_text)
                and _motion_line_above(back, pos, units) is None):
            # "Budget bis 500 € aus Öffi-Topf. Abstimmung: 5/1/1 → angenommen": what the line says before its
            # vote is what was voted on.
            first = back  # with the clauses of its sentence ("…: X reicht (a) und (b) ein; (c) wird zurückgestellt.")
            while first > 0 and units[first - 1].block is unit.block and units[first - 1].span.sent.start == units[first].span.sent.start:
                first -= 1
            return first, units[first], " ".join(u.clean_text for u in units[first:pos])
        if MOTION.search(text) or (put_to_vote and _PUT_TO_VOTE.search(text)) or voted_on(previous, unit):
            return back, previous, text
        if (previous.block.kind is BlockKind.LIST_ITEM and unit.block.kind is not BlockKind.LIST_ITEM
                and previous.vote() is None and not _OUTCOME_WORD.search(text)):
            continue  # "Antrag 1 (Sabine): …" / "- kurze Diskussion …" / "Abstimmung: 12/0/2": the debate's bullets
        if (motion := _motion_line_above(back, pos, units)) is not None:
            return motion
        if back < pos - 2:
            return None
        # "X lässt darüber abstimmen, dass … werden. Der TOP … wird.": a motion of several
        # sentences in one paragraph.
        for earlier in range(back - 1, max(-1, back - 3), -1):
            first = units[earlier]
            if first.block is not previous.block:
                break
            if MOTION.search(first.clean_text):
                return earlier, first, " ".join(u.clean_text for u in units[earlier : back + 1])
        return None
    return None


def line_above(pos: int, units: list[Unit]) -> tuple[int, Unit, str] | None:
    """"1. AG Argumente: 150 € Veranstaltung …" / "-> Einstimmig angenommen", "3. Genehmigung der
    Tagesordnung" / "genehmigt": a bare outcome on a line of its own answers the line above it."""
    if pos == 0 or units[pos - 1].topic_index != units[pos].topic_index or units[pos - 1].block is units[pos].block:
        return None
    return pos - 1, units[pos - 1], units[pos - 1].clean_text
