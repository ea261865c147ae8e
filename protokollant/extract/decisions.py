"""Decisions the meeting itself took: resolutions, motions, elections, agreements, approvals.

A sentence is scored by its cues (models/cues/patterns.jsonl, weighed as
models/cues/decisions.json says); proposals, postponements, questions, reported
and still-to-be-taken decisions count against it.
"""
from __future__ import annotations

import bisect
import re

from ..document import BlockKind
from ..schema import Decision
from .text import ARROW, clean
from .roles import decision_shift, model_decides
from .decision_forms import (BARE_ASSENT, ELECTION_COUNT, GO_POSTPONEMENT_SETTLED, HEDGES, NEGATED_DECISION, NO_DECISION_TAKEN, REPORT_LABEL, REPORTED_SPEECH, SEPARABLE_DECISION,
                             STRAW_POLL, VOTING_MODE,
                             agreed_before_future, approved_elsewhere, bare_outcome, can_be_antecedent, decided_earlier, decided_later, decisive_cell_text,
                             explanation_label, hedges_in_brackets, only_as_decided, only_attributive_cues, only_negated_decision_cues, other_body_decided, other_meeting, phrasing_shift,
                             pronoun_outcome)
from .units import Unit, doc_text
from ..structure import SectionRole, is_item_line, layout_vocabulary
from .vocabulary import action_cues, decision_cues
from .vote_lines import OUTCOME_AFTER_LABEL, has_own_outcome, line_above, motion_before, states_its_motion, states_result, voted_on
from .votes import parse_vote

THRESHOLD = 0.5


def decision_score(unit: Unit, after_beschluss_header: bool = False, has_vote: bool | None = None) -> float:
    """The rule score of a unit (computed once per unit and arguments: the sentence-role
    model reads it as a feature before the decision extractor does)."""
    key = (after_beschluss_header, has_vote)
    score = unit.scores.get(key)
    if score is None:
        score = unit.scores[key] = _decision_score(unit, after_beschluss_header, has_vote)
    return score


def _decision_score(unit: Unit, after_beschluss_header: bool, has_vote: bool | None) -> float:
    cues = decision_cues()
    labels = unit.cue_labels()
    text = unit.text
    if "(" in text and labels & HEDGES:
        labels = labels - hedges_in_brackets(unit)  # "(Bild noch nicht vorhanden)" hedges the picture
    if labels & {"DECISION", "AGREEMENT"} and only_attributive_cues(unit):
        labels = labels - {"DECISION", "AGREEMENT"}  # "die beschlossene Satzung sei verteilt worden"
    if has_vote is None:
        has_vote = parse_vote(text) is not None
    if not has_vote and labels & {"DECISION", "AGREEMENT"} and "FUTURE" not in labels and decided_later(text):
        labels = labels | {"FUTURE"}  # "Über X wird in der Februar-Sitzung entschieden": not yet
    # A body that "empfiehlt … mehrheitlich" has voted on a recommendation: not a hedge.
    weights = {**cues.weights, "TENTATIVE": 0.0} if has_vote else cues.weights
    # Under a "Beschluss:" heading the text is the resolution, whatever it says ("Der Ausschuss
    # empfiehlt dem Stadtrat, … zu beschließen" is the committee's own decision).
    if after_beschluss_header:
        weights = {**weights, "TENTATIVE": 0.0, "FUTURE": 0.0}
    # A postponement explicitly resolved ("Wir beschließen, die Diskussion zu verschieben") or a settled
    # GO-Antrag auf Vertagung is a decision (the outcome may stand in the line's next sentence:
    # "GO-Antrag auf Vertagung (Mehmet). Keine Gegenrede → vertagt.").
    go_postponed = "POSTPONE" in labels and "GO" in text and "ertagung" in text and GO_POSTPONEMENT_SETTLED.search(unit.block.text) is not None
    if go_postponed or "POSTPONE" in labels and any(c.kb_id_ == cues.resolve_cue for c in unit.cues()):
        weights = {**weights, "POSTPONE": 0.0}
    # "Es wurde vereinbart, über den Antrag erst im Herbst zu entscheiden": the decision still to come
    # is what was agreed, in the clause after the agreement.
    if "FUTURE" in labels and labels & {"DECISION", "AGREEMENT"} and agreed_before_future(unit):
        weights = {**weights, "FUTURE": 0.0, "POSTPONE": 0.0}
    # "Vorschlag Harzumlage → beschlossen 5:1", "neuer Ballsatz – ok": the tail states the outcome
    # of the proposal before it.
    outcome = any(mark in text for mark in _OUTCOME_MARKS) and bool(cues.outcome_tail.search(text))
    if outcome:
        weights = {**weights, "TENTATIVE": 0.0}
    # "Der Ausschuss stimmt dem Vorhaben … zu", "Der Beirat empfiehlt dem Gemeinderat, …":
    # the body itself acts (a recommendation upward is its resolution, no hedge).
    # Not a faction: "Die SVP-Fraktion lehnte den Vorstoss ab" is how a part of the body voted.
    low = text.lower()  # cheap word tests before the regexes below: most sentences have none of the words
    body_acts = bool(cues.body_acts.match(text)) and "?" not in text and not ("fraktion" in low and _FACTION_SUBJECT.match(text))
    if body_acts:
        weights = {**weights, "TENTATIVE": 0.0}
    # "Die Tagesordnung wird wie vorgeschlagen angenommen", "Der Vorschlag …, den Termin zu
    # verschieben, wird angenommen": the proposal is what the body accepts.
    if labels & {"DECISION", "AGREEMENT", "VOTE_STRONG"} and labels & {"TENTATIVE", "POSTPONE"} and cues.accepts_proposal.search(text):
        weights = {**weights, "TENTATIVE": 0.0, "POSTPONE": 0.0}
    # "Beschluss Nr. 2026/35: …": the numbered resolution's text.
    numbered_label = cues.numbered_resolution.match(text)
    numbered = numbered_label is not None and len(text[numbered_label.end():].split()) >= 3
    if labels & {"DECISION", "AGREEMENT"} and "REPORTED" not in labels and (
            other_meeting(text, low) or not labels & {"VOTE", "VOTE_STRONG"} and (decided_earlier(text) or approved_elsewhere(text)
                                                                               or only_as_decided(unit))):
        labels = labels | {"REPORTED"}
    score = sum(weights.get(label, 0.0) for label in labels)
    if body_acts and not labels & {"DECISION", "AGREEMENT", "REPORTED", "OTHER_BODY", "FUTURE"}:
        score += weights["BODY_ACTS"]
    # "Die Lenkungsgruppe legte fest, …", "Der Steuerungskreis gab den Bericht frei": a separable
    # decision verb with its particle apart (the cue lists hold the joined forms).
    if not labels & {"DECISION", "AGREEMENT"} and SEPARABLE_DECISION.match(text) and "?" not in text:
        score += weights["DECISION"]
    if numbered:
        score += weights["AFTER_BESCHLUSS_HEADER"] + 0.3
    if (outcome or go_postponed) and not labels & {"DECISION", "AGREEMENT"}:
        score += 0.5
    # "Die Tagesordnung wird bestätigt / festgestellt": a weak cue with what the body approves.
    if "DECISION_WEAK" in labels and cues.approval.search(text) and not labels & {"DECISION", "AGREEMENT"}:
        score += 0.3
    # "… soll geprüft / geklärt / besprochen werden" leaves the matter open: no agreed intention.
    # "• Angebot … soll wiederholt werden" in bullet notes records what was agreed; in prose
    # ("Die Stelle soll zum 01.01. besetzt werden") a plan is no decision.
    if (
        is_item_line(unit.block, text) and "soll" in text.lower() and cues.modal_passive.search(text)
        and not labels & {"TENTATIVE", "OPEN"} and "?" not in text
    ):
        score += 0.5
    if "DECISION" in labels and "AGREEMENT" in labels:
        score -= 0.3  # the two overlap; do not double count
    if has_vote and not labels & {"VOTE", "VOTE_STRONG"}:
        # "… (4/1/0)", "… ==> 5/0/2": the body voted on what the line says; a line that only
        # gives a vote ("Abstimmung: 5/0/2") belongs to the motion before it; one that names its motion
        # ("Abstimmung: Kauf bis max. 300 € → alle dafür") is the decision itself.
        line = text.lstrip("•*-– ")
        score += 0.3 if cues.vote_only.match(line) and not states_its_motion(line) else 0.5
    if after_beschluss_header:  # the text under a "Beschluss:" heading is the resolution
        score += cues.weights["AFTER_BESCHLUSS_HEADER"]
    # A short note opening with "Grundsätzlich …", "Ab sofort …" states a standing rule the
    # meeting set ("grundsätzlich keine reinen Kollektengigs"); inside prose the words hedge.
    if ("POLICY" in labels and _opens_with(unit, "POLICY") and len(text.split()) <= 15 and not cues.past.search(text)
            and not labels & {"NOT_YET", "FUTURE", "POSTPONE"}):  # "Grundsätzlich …, entschieden wird aber erst …"
        score += 0.5
    # "Die Fraktion X sowie Y haben dem Antrag zugestimmt": how parts of the body voted,
    # not a decision of the body itself (that is the motion's outcome).
    if ("FACTION" in labels and _opens_with(unit, "FACTION")) or ("fraktion" in low and _FACTION_SUBJECT.match(text)):
        score -= 0.6
    # "…, das Fachamt habe entschieden, dass …": indirect speech reports a decision taken elsewhere;
    # "Info: Die MV des Syndikats hat … beschlossen", "Gerd berichtet: Der Haushalt wurde …": a report.
    if labels & {"DECISION", "AGREEMENT"} and (("hätte" in low or "habe" in low) and REPORTED_SPEECH.search(text)
                                               or ":" in text and REPORT_LABEL.match(text)):
        score -= 0.9
    # "45 abgegebene Stimmen, davon 33 Ja-Stimmen für die Wahl von Frau X": an election's count.
    if has_vote and ELECTION_COUNT.search(text) and not labels & {"DECISION", "AGREEMENT", "VOTE_STRONG"}:
        score += 0.3
    score += phrasing_shift(text, low, labels, weights["DECISION"], after_beschluss_header)
    if text.rstrip(" \"'“”„»«").endswith("?"):  # "… gebildet?“": a question in quotes too
        score -= 0.6
    # "Auf Antrag von Herrn V. wird geheim gewählt", "Gewählt wird offen durch Handzeichen": how the
    # meeting votes, not what it decides.
    if not has_vote and ("gewählt" in low or "abgestimmt" in low) and len(text.split()) <= 16 and VOTING_MODE.search(text):
        score -= 0.9
    # "Lange wurde kein Termin festgelegt", "Ein Termin wurde nicht festgelegt": the decision word is negated.
    if labels & {"DECISION", "AGREEMENT"} and ("kein" in low and NEGATED_DECISION.search(text) or (
            "nicht" in low or "nix" in low) and only_negated_decision_cues(unit)):
        score -= 0.6
    if ("bild" in low or "bindend" in low) and STRAW_POLL.search(text):
        score -= 0.6  # "Meinungsbild: 6 dafür, 1 unsicher": a straw poll
    # "Keine Beschlüsse.", "Eine Entscheidung wurde nicht getroffen": nothing was decided (0 of 324 such lines are gold decisions).
    if ("kein" in low or "nicht" in low) and NO_DECISION_TAKEN.search(text):
        score -= 0.6
    if len(text.split()) < 3 and not after_beschluss_header:
        score -= 0.3
    # Rounded: the labels are a set, and float sums in a hash-dependent order could fall on
    # either side of the threshold from one run to the next (0.6 + 0.55 - 0.3 - 0.35).
    return round(score, 6)


def _opens_with(unit: Unit, label: str) -> bool:
    """Whether a cue of ``label`` starts the unit (after bullets and punctuation)."""
    first = next((t.i for t in unit.span if not (t.is_punct or t.is_space)), None)
    return first is not None and any(c.label_ == label and c.start == first for c in unit.cues())


def decision_kind(text: str) -> str:
    cues = decision_cues()
    if cues.election.search(text):
        return "election"
    if cues.approval.search(text):
        return "approval"
    if cues.motion.search(text):
        return "motion"
    return "agreement" if cues.agreement.search(text) else "resolution"


# A vote-only line ("Das Ergebnis der Abstimmung: 8 Ja …") belongs to a decision at most this many units before.
VOTE_LOOKBACK_UNITS = 4


def decision_column(header: list[str] | None) -> int | None:
    """The column of a decision log table ("Nr. | Entscheidung | Begründung | Verantwortlich")."""
    for i, h in enumerate(header or []):
        if clean(h).casefold().rstrip(":") in decision_cues().decision_columns:
            return i
    return None


# A noun first after the label: the result says what was decided, not only how ("einstimmig").
_NAMES_ITS_OBJECT = re.compile(r"^\s*(?:(?:der|die|das|den)\s+)?[A-ZÄÖÜ][a-zäöüß]{2,}")


def _is_label_line(unit: Unit, text: str) -> bool:
    """A council-minutes field ("Beschlussart: …", "Abstimmung | Ja: 8 …"): metadata about a
    decision stated elsewhere, not its text ("Beschluss: <text>" is a decision)."""
    labels = decision_cues().field_labels
    if unit.block.kind is BlockKind.TABLE_ROW and unit.block.cells:
        first = clean(unit.block.cells[0]).rstrip(":").casefold()
        return first in labels
    key, _, rest = text.partition(":") if ":" in text[:30] else ("", "", "")
    key = key.strip().casefold()
    if key not in labels or key == "beschluss":
        return False
    if states_its_motion(text):
        return False
    # "Abstimmung: Der Lenkungskreis entscheidet sich für Entwurf A mit 6 Stimmen": the label
    # introduces the decision itself, a sentence with the body acting; "Ergebnis: Der Antrag wurde
    # mit 25:10 Stimmen angenommen" states the result in a sentence of its own.
    if key.startswith("ergebnis") and unit.cue_labels() & {"DECISION", "AGREEMENT"} and (
            len(rest.split()) >= 5 or (_NAMES_ITS_OBJECT.match(rest) and rest.split()[0].casefold() not in decision_cues().status_words)):
        return False  # … and "Ergebnis: Niederschrift ohne Änderungen genehmigt." names what it decided
    return not (len(rest.split()) >= 5 and decision_cues().body_acts.match(rest.strip()))


def _is_list_intro(unit: Unit, text: str) -> bool:
    """"Folgende Punkte wurden vereinbart:" introduces a list; it is not itself a decision.
    "Der Rat beschließt das Konzept mit den folgenden Änderungen:" is one, changes listed after it."""
    if not (text.endswith(":") and decision_cues().intro.search(text)):
        return False
    return len(text.split()) <= INTRO_MAX_WORDS or "DECISION" not in unit.cue_labels()


INTRO_MAX_WORDS = 8
SHORT_OUTCOME_WORDS = 6
"""A decision this short ("Mehrheitlich beschlossen") takes the vote line after it into its text."""
# "Beschluss: einstimmig beschlossen" in council minutes: the outcome of the item, whose
# resolution text stands in its own paragraphs at most this many units away.
STATUS_REACH_UNITS = 12


_LABEL = re.compile(r"^\s*[^:]{1,30}:\s*")
# "Beschluss: Bei zukünftigen Festen soll von Fall zu Fall entschieden werden": a sentence labelled as the
# resolution (also inside a paragraph) is the resolution, whatever tense it is in.
_RESOLUTION_LABEL = re.compile(r"^\W*(?:Beschluss|Beschlossen|Entscheidung)(?:\s+(?:Nr\.\s*)?\d[\w./-]*)?\s*:\s*[A-ZÄÖÜ]\w*\s+\w+")


def _status_only(text: str) -> bool:
    cues = decision_cues()
    m = cues.status_label.match(text)
    if not m:
        return False
    words = re.findall(r"[^\W\d_]+", text[m.end():].casefold())
    return bool(words) and all(w in cues.status_words for w in words)


def extract_decisions(units: list[Unit], labelled_only: set[tuple[int, str]] | None = None, roles=None,
                      own_names: str | None = None) -> list[Decision]:
    """``labelled_only`` collects (block, text) of decisions that only their section label
    ("Vereinbarungen:") makes decisions: a task assigned in such a list is a task instead.
    ``roles``: the sentence-role component whose scores (on the units) second the rules.
    ``own_names``: the minutes' title and organisation (whose body's decisions are its own)."""
    decisions: list[Decision] = []
    positions: list[int] = []  # unit position of each decision
    statuses: list[tuple[int, Unit]] = []
    last_decision_unit: int | None = None
    prev_header = False
    explained = None  # the block whose resolution an "Erläuterung:" follows
    undecided = None  # the block whose result says that nothing was decided
    for pos, unit in enumerate(units):
        if (col := decision_column(unit.block.header)) is not None and not unit.block.is_header_row:
            cells = unit.block.cells or []
            # "Beschluss: | beschlossen" over "Abstimmung: | Ja: 12, Nein: 0": a table of fields, whose
            # labels are no decisions.
            text = clean(cells[col]) if col < len(cells) else ""
            if text and not text.endswith(":"):
                decisions.append(
                    Decision(text=text, kind=decision_kind(text), topic_index=unit.topic_index, vote=parse_vote(text),
                             evidence=unit.evidence(text=text, column=col), confidence=0.8)
                )
                positions.append(pos)
            continue
        is_header = bool(decision_cues().header.match(unit.text))
        if is_header:
            prev_header = True
            continue
        text = unit.clean_text
        if _status_only(text):
            statuses.append((pos, unit))
            continue
        vote = unit.vote()
        if (
            vote is not None
            and decisions
            and decisions[-1].vote is None
            and last_decision_unit is not None
            and pos - last_decision_unit <= VOTE_LOOKBACK_UNITS
            and decisions[-1].topic_index == unit.topic_index
            and decision_cues().vote_only.match(text)
            # "Abstimmung: Ersti-Fahrt nach Marburg, max. 4.000 €: 8/0/0 → angenommen" states what it votes on.
            and not states_its_motion(text)
            # "GO-Antrag auf Ende der Redeliste → keine Gegenrede, angenommen" has its own outcome.
            and not has_own_outcome(decisions[-1].text)
            # "- Einstimmig angenommen" after other lines answers those lines, not the decision before.
            and not (bare_outcome(text) and pos - last_decision_unit >= 2)
            # "Der Antrag wird zurückgestellt." + "Abstimmungsergebnis: 11 Ja …": the line above was voted on.
            and not (pos - last_decision_unit >= 2 and voted_on(units[pos - 1], unit))
        ):
            decisions[-1].vote = vote
            decisions[-1].confidence = min(0.95, decisions[-1].confidence + 0.1)
            if len(decisions[-1].text.split()) <= SHORT_OUTCOME_WORDS and bare_outcome(_LABEL.sub("", decisions[-1].text)):
                # "Beschluss: Mehrheitlich beschlossen" + "Abstimmung: Ja 6, Nein 3": one result ("Dem
                # Antrag wird zugestimmt." says what was decided: the vote line stays beside it).
                _extend(decisions[-1], text, None)
            elif pos - last_decision_unit == 1:
                _with_vote_line(decisions[-1], text)
            continue
        # "X stellt zur Abstimmung, dass …" + "Abstimmung: einstimmig ja: 10 nein: 0"; "Protokollführer:
        # Maxi Kraft" / "Zulassen?" + "Abstimmung: positiv (deutliche Mehrheit)": the line before is what
        # was voted on, this line its outcome (a motion not already taken into a decision).
        found = None
        if vote is not None and decision_cues().vote_only.match(text):
            found = motion_before(pos, units)
        if not _untaken(found, positions, decisions) and (vote is not None or OUTCOME_AFTER_LABEL.search(text)) and _is_label_line(unit, text):
            found = motion_before(pos, units, put_to_vote=True)
        if found is None and bare_outcome(text) and _untaken(above := line_above(pos, units), positions, decisions):
            found = above  # "-> Einstimmig angenommen" under a line no decision has taken: that line was voted on
        if _untaken(found, positions, decisions):
            decision = _decision(found[1], found[2], vote, 1.0)
            _extend(decision, text, vote)
            decisions.append(decision)
            positions.append(pos)
            last_decision_unit = pos
            prev_header = False
            continue
        labelled = unit.section is SectionRole.DECISION
        if labelled and layout_vocabulary().is_empty_cell(text):
            continue  # "Ergebnis | –": nothing was decided
        if labelled and NO_DECISION_TAKEN.search(text):
            undecided = unit.block.index
        elif (labelled and undecided == unit.block.index and vote is None
              and not unit.cue_labels() & {"DECISION", "AGREEMENT", "VOTE", "VOTE_STRONG"}):
            continue  # "Ergebnis: Kein Beschluss. Hr. X klärt …, Wiedervorlage …": what follows is no result either
        if labelled and (unit.block.index == explained or ":" in text and explanation_label(text)):
            # "Erläuterung: Bisher …" after a resolution gives its reasons up to the end of its
            # paragraph; an outcome there ("Mit der Mehrheit … angenommen") is the resolution's.
            explained = unit.block.index
            if decisions and decisions[-1].vote is None and positions[-1] < pos and (vote is not None or bare_outcome(text)):
                decisions[-1].vote = vote
            continue
        score = decision_score(unit, after_beschluss_header=prev_header or labelled or bool(_RESOLUTION_LABEL.match(text)),
                               has_vote=vote is not None)
        score += decision_shift(unit, roles)
        if score < THRESHOLD and model_decides(unit, roles):
            score = THRESHOLD
        prev_header = False
        if score < THRESHOLD or _is_list_intro(unit, text) or (_is_label_line(unit, text) and not (
                found is None and states_result(unit, text))) or other_body_decided(text, own_names):
            continue
        if labelled and (text.endswith("?") or action_cues().report.search(text)):
            continue  # under "Ergebnis:" a question or a note taken "zur Kenntnis" is no decision
        if labelled and decisions and last_decision_unit == pos - 1 and units[pos - 1].block is unit.block and units[pos - 1].section is SectionRole.DECISION and not (
                _RESOLUTION_LABEL.match(text)):  # "Beschluss: …<br>Beschluss: …": each its own
            # The resolution under "Beschluss:" is one paragraph of several sentences: one decision.
            _extend(decisions[-1], _gap(units[pos - 1], unit) + text, vote)
            last_decision_unit = pos
            continue
        if labelled and labelled_only is not None and decision_score(unit, has_vote=vote is not None) < THRESHOLD:
            labelled_only.add((unit.block.index, text))
        if (positions and positions[-1] == pos - 1 and units[pos - 1].block is unit.block and len(text.split()) <= SHORT_OUTCOME_WORDS
                and (_ARROW_START.match(text) or bare_outcome(text) or BARE_ASSENT.match(text)) and not has_own_outcome(decisions[-1].text)):
            # "GO-Antrag Jörg auf Vertagung: erst klären, ob … <br>→ angenommen ohne Gegenrede", "… künftig
            # wöchentlich als Liste. Darauf haben wir uns geeinigt.": the outcome of the decision just before it.
            _extend(decisions[-1], text, vote)
            last_decision_unit = pos
            continue
        last_decision_unit = pos
        cell = decisive_cell_text(text, [(c.label_, c.text) for c in unit.cues()]) if unit.block.kind is BlockKind.TABLE_ROW else None
        decision = _decision(unit, cell or text, vote, score)
        if text[:1].islower() and pos and units[pos - 1].block is unit.block and ";" in _gap(units[pos - 1], unit):
            # "Einwände gibt es nicht; es gilt als genehmigt": the clause continues the one before.
            decision = _decision(unit, f"{units[pos - 1].clean_text}; {text}", vote, score)
        elif _ARROW_START.match(text) and pos and units[pos - 1].block is unit.block and units[pos - 1].clean_text.endswith("?"):
            # "Eigener Stand auf der Messe? → ja, gemeinsamer Stand": the answer decides the question.
            decision = _decision(units[pos - 1], f"{units[pos - 1].clean_text} {text}", vote, score)
        elif (pos and BARE_ASSENT.match(text) and units[pos - 1].block is unit.block and (not positions or positions[-1] < pos - 1)):
            # "… gleich mit übersendet. So festgelegt.", "Darauf haben wir uns geeinigt.": the sentence before is what was agreed.
            decision = _decision(units[pos - 1], f"{units[pos - 1].clean_text} {text}", vote, score)
        elif (pos and _ANAPHORIC_ASSENT.search(text) and units[pos - 1].topic_index == unit.topic_index
              and (not positions or positions[-1] < pos - 1) and _PROPOSAL.search(units[pos - 1].clean_text)):
            # "X schlägt vor, nur die Beschlüsse vorzulesen. Die Anwesenden stimmen dem zu.": the
            # assent decides what the sentence before proposed.
            decision = _decision(units[pos - 1], f"{units[pos - 1].clean_text} {text}", vote, score)
        elif pos and pronoun_outcome(text) and can_be_antecedent(units[pos - 1], unit, positions, pos):
            # "Das Protokoll … wurde auf der Homepage publiziert. Es wird genehmigt.": the text says what
            # "es" is; the passage stays the sentence that decides.
            decision.text = f"{units[pos - 1].clean_text} {text}"
            decision.kind = decision_kind(decision.text)
        if len(text.split()) <= SHORT_OUTCOME_WORDS and (found := motion_before(pos, units)) is not None:
            motion_pos, motion, motion_text = found
            if not positions or positions[-1] < motion_pos:
                # "X lässt darüber abstimmen, dass …" / "Abstimmungsergebnis:" / "mehrheitlich beschlossen"
                decision = _decision(motion, motion_text, vote, score)
                _extend(decision, text, vote)
        elif bare_outcome(text) and pos and (not positions or positions[-1] < pos - 1):
            # "Bestätigung der Tagesordnung" / "- Keine Änderungsvorschläge" / "- Einstimmig angenommen":
            # a bare outcome is the outcome of the line before it.
            previous = units[pos - 1]
            if previous.topic_index == unit.topic_index and previous.block.kind is not BlockKind.HEADING and not (
                    previous.clean_text.endswith(":")):
                decision = _decision(previous, previous.clean_text, vote, score)
                _extend(decision, text, vote)
        if decision.text != text and text in decision.text and len(text.split()) >= 3:
            decision.quote = text  # the outcome sentence itself, beside the motion it completes
        decisions.append(decision)
        positions.append(pos)
    for pos, unit in statuses:
        _place_status(pos, unit, decisions, positions, units)
    return decisions


def _untaken(found: tuple[int, Unit, str] | None, positions: list[int], decisions: list[Decision]) -> bool:
    """A motion found before an outcome line that no decision has taken in yet: none stands at or
    after it, or only procedural ones that carry their own outcome ("Antrag (Finn): …" / "GO-Antrag
    auf Ende der Debatte – angenommen" / "Abstimmung: 7/1/1 → angenommen")."""
    return found is not None and found[0] not in positions and all(
        has_own_outcome(d.text) for d, p in zip(decisions, positions) if p > found[0])


def _gap(previous: Unit, unit: Unit) -> str:
    """What stands between two units of one line ("; " where a clause was split off)."""
    between = doc_text(unit.span.doc)[previous.span.end_char : unit.span.start_char].strip()
    return f"{between} " if between else ""


def _with_vote_line(decision: Decision, text: str) -> None:
    """"Die Niederschrift wird genehmigt." / "Abstimmungsergebnis: Ja 9, Nein 0, Enthaltung 1": the passage
    a reader finds is the resolution with the vote line right below it (its text stays the resolution)."""
    if not decision.evidence.text.endswith(text):
        decision.evidence.text = f"{decision.evidence.text} {text}"


def _extend(decision: Decision, text: str, vote) -> None:
    joint = "" if text[:1] in ";,." else " "
    decision.text = f"{decision.text}{joint}{text}"
    decision.evidence.text = f"{decision.evidence.text}{joint}{text}"
    if decision.vote is None:
        decision.vote = vote


def _decision(unit: Unit, text: str, vote, score: float) -> Decision:
    return Decision(
        text=text,
        kind=decision_kind(text),
        topic_index=unit.topic_index,
        vote=vote,
        evidence=unit.evidence() if text == unit.clean_text else unit.evidence(text=text),
        confidence=round(min(0.95, 0.4 + score / 2), 2),
    )


def _place_status(pos: int, unit: Unit, decisions: list[Decision], positions: list[int], units: list[Unit]) -> None:
    """A status line ("Beschluss: einstimmig beschlossen") gives its vote to the nearest
    resolution of the same item; with none nearby it is the outcome of the motion just
    before it ("X lässt darüber abstimmen, dass …" / "Der Antrag lautet: …"), or alone
    the decision itself."""
    text = unit.clean_text
    vote = parse_vote(text)
    near = [
        (abs(p - pos), i) for i, p in enumerate(positions)
        if decisions[i].topic_index == unit.topic_index and abs(p - pos) <= STATUS_REACH_UNITS
    ]
    if not near and not any(decisions[i].topic_index == unit.topic_index and p < pos for i, p in enumerate(positions)):
        # A council system's item page opens with the outcome ("Beschluss: mehrheitlich angenommen",
        # "Abstimmung: Ja 17 …") and gives the resolution after the debate: the item's first one.
        near = [(p - pos, i) for i, p in enumerate(positions) if decisions[i].topic_index == unit.topic_index and p > pos][:1]
    if near:
        distance, i = min(near)
        target = decisions[i]
        if vote is not None and target.vote is None:
            target.vote = vote
        if distance == 1 and positions[i] < pos and vote is not None:
            _with_vote_line(target, text)
        return
    # Alone, a field label ("Ergebnis: …", "Votum: …") stays metadata, as in the main loop.
    score = decision_score(unit, has_vote=vote is not None)
    if score >= THRESHOLD and not _is_label_line(unit, text):
        at = bisect.bisect(positions, pos)
        decision = _decision(unit, text, vote, score)
        found = motion_before(pos, units)
        if found is not None:
            decision = _decision(found[1], found[2], vote, score)
            _extend(decision, text, vote)
        decisions.insert(at, decision)
        positions.insert(at, pos)


_FACTION_SUBJECT = re.compile(r"^\W*(?:(?:der|die|das)\s+)?(?!alle\b)(?:[\w.-]+\s+)?[\w-]*fraktion(?:en)?\b", re.I)
# Every outcome_tail match holds one of these (its arrows and dashes): most sentences hold none.
_OUTCOME_MARKS = ("-", "–", "—", "→", "=>", "⇒")
_ARROW_START = re.compile(r"^\s*" + ARROW)
# "stimmen dem zu", "stimmt dieser Regelung einstimmig zu", "Dem wird zugestimmt": assent to what was just said.
_ANAPHORIC_ASSENT = re.compile(
    r"\b(?:stimm\w*\s+(?:\w+\s+){0,2}(?:dem|dies(?:em|er|en)?)\b[^.;]*\bzu\b|(?:dem|dies(?:em|er)?)\s+(?:\w+\s+)?wird\s+(?:\w+\s+)?zugestimmt)"
    # "… schlägt Dora Grunder als Stimmenzählerin vor. Dieser Vorschlag wird gutgeheissen.": the proposal named back.
    r"|^\W*(?:dieser|der|dem|diesem)\s+(?:vorschlag|antrag)\s+(?:wird|wurde)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:angenommen|gutgeheissen|gutgeheißen|gebilligt|befürwortet|akzeptiert|zugestimmt)\b", re.I)
_PROPOSAL = re.compile(r"\b(?:schlägt|schlug|schlagen|schlugen)\b[^.]*\bvor\b|\bVorschlag\b|\bbittet\b[^.]*\bum\s+(?:Zustimmung|Einverständnis)|\bregt\b[^.]*\ban\b|\bbeantragt\b", re.I)
