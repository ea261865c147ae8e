"""Phrasings that move a sentence's decision score beyond its cue words: forms German minutes
use for decisions the cue lists miss (appointments, groups set up, dates fixed, a motion with
its outcome after a colon) and look-alikes that decide nothing (an agreement still to make,
another body's verdict on the group's own application)."""
from __future__ import annotations

import re

from ..document import BlockKind
from ..german import MONTHS_DE
from .units import Unit, doc_text

_APPOINTED_VERBS = "benannt|bestimmt|ernannt|eingesetzt|berufen|bestellt"
_APPOINTED_WORDS = re.compile(_APPOINTED_VERBS)  # the cheap test first
_APPOINTED = re.compile(
    rf"\b(?:wird|werden)\b(?:\s+\S+){{0,12}}?\s+(?:als|zum|zur)\b(?:\s+\S+){{0,8}}?\s+(?:{_APPOINTED_VERBS})\s*[.!]?\s*$"
    rf"|^\W*als\s+\S+(?:\s+\S+){{0,4}}?\s+(?:wird|werden)\b(?:\s+\S+){{0,8}}?\s+(?:{_APPOINTED_VERBS})\b", re.I)
_INFINITIVE_AGREEMENT = re.compile(
    r"(?<!zu )\b(?:vereinbaren|festlegen|beschließen|entscheiden|absprechen|abstimmen|festsetzen|terminieren)"
    r"\s*(?:[.!]?\s*$|\s[–—-]\s|,\s*(?:zuständig|verantwortlich|wer)\b|\s*[\[(])", re.I)
_OUR_APPLICATION = re.compile(
    r"\bunser(?:e|en|em|er)?\s+(?:[\w-]+\s+)?(?:[\w-]*antrag|vortrag|talk|beitrag|bewerbung|einreichung|projekt)\w*\b[^.;]{0,60}?"
    r"\b(?:angenommen|abgelehnt|bewilligt|genehmigt|zugesagt|ausgewählt)\b", re.I)
_SET_UP = re.compile(
    r"(?:gruppe|ausschuss|team|kreis|kommission|gemeinschaft|\bAG|task\s*force|gremium|rat)\b[^.;]{0,80}?\bgebildet\b"
    r"|\b(?:wird|werden|wurde|wurden)\b[^.;]{0,80}?\bauf\s+[^.;]{0,30}?\d{1,2}\.[^;]{0,30}?\b(?:gelegt|verlegt|terminiert|angesetzt)\b", re.I)
_MOTION_WITH_OUTCOME = re.compile(
    r"^\W*(?:festlegung|genehmigung|annahme|bestätigung|zustimmung|wahl|entlastung|aufnahme|änderung)\b[^:]{2,60}:"
    r"\s*(?:\w+\s+){0,2}?(?:ja|angenommen|einstimmig|mehrheitlich|beschlossen|zugestimmt|genehmigt|gewählt|"
    r"dafür|erteilt|bestätigt)\b", re.I)

# "Protokoll Juli ok, keine Änderungen", "TO ok, Punkt „Sonstiges" ergänzt", "Protokoll 16.12. → passt so",
# "Pad vom letzten Mal: ok": pad notes approve the minutes or the agenda with "ok" (development groups:
# 24 of 30 such lines are gold decisions).
_RECORD_OK = re.compile(
    r"^\W*(?:das\s+)?(?:protokoll|niederschrift|tagesordnung|TO|pad)\b[^;!?]{0,40}?:?\s*(?:ok|okay|o\.\s?k\.|passt(?:\s+so)?)\b"
    r"(?!\s+nicht\b)", re.I)


def phrasing_shift(text: str, low: str, labels: set[str], decision_weight: float, after_beschluss_header: bool) -> float:
    """The score change these phrasings make (``low``: the text lower-cased, ``labels``: its cue labels)."""
    shift = 0.0
    # "Sebastian wird als zuständig für die Fahrradbörse benannt", "Als Kassenprüfer werden X und Y
    # bestimmt": an appointment by the body (present passive).
    if not labels & {"DECISION", "AGREEMENT", "REPORTED"} and _APPOINTED_WORDS.search(low) and _APPOINTED.search(text):
        shift += decision_weight
    # "Es wird ein Festausschuss gebildet", "Der Pädagogische Tag wird auf Mittwoch, 18.11., gelegt":
    # the body sets up a group or fixes a date.
    if not labels & {"DECISION", "AGREEMENT", "REPORTED"} and ("gebildet" in low or "gelegt" in low or "terminiert" in low) and _SET_UP.search(text):
        shift += decision_weight
    # "Festlegung Tagesordnung: Ja", "Genehmigung des Protokolls: einstimmig": the motion named
    # before the colon, its outcome after it.
    if ":" in text and not labels & {"DECISION", "AGREEMENT"} and _MOTION_WITH_OUTCOME.match(text):
        shift += decision_weight
    if not labels & {"DECISION", "AGREEMENT"} and ("ok" in low or "passt" in low) and _RECORD_OK.match(text):
        shift += decision_weight
    # "Termin mit dem Ordnungsamt vereinbaren – T. Lenz": an agreement still to be made, a task.
    if labels & {"DECISION", "AGREEMENT"} and not after_beschluss_header and _INFINITIVE_AGREEMENT.search(text):
        shift -= 0.6
    # "unser Antrag Rederecht wurde angenommen!!": another body decided on the group's application.
    if "unser" in low and _OUR_APPLICATION.search(text):
        shift -= 0.6
    return shift


# The cue labels that make a sentence a decision on their own.
_DECISIVE_LABELS = frozenset({"DECISION", "AGREEMENT", "VOTE_STRONG", "BODY_ACTS"})
_CELL_SENTENCE_END = re.compile(r"(?<=[a-zäöüß)\d]{2}[.!?])\s+(?=[A-ZÄÖÜ])")


def decisive_cell_text(row_text: str, cue_texts: list[tuple[str, str]]) -> str | None:
    """"2.1 | Sprechstunde … | JC / AA | läuft seit Februar. Fortführung bis Jahresende beschlossen.": in a
    table row of several cells the decision is the sentence of the cell that holds its cue (the last
    such cell: results stand right of the item), not the whole row. ``cue_texts``: (label, text) of
    the row's cues. None when the row has one cell or no cell holds a decisive cue."""
    cells = [c.strip() for c in row_text.split(" | ")]
    if len(cells) < 3:
        return None
    words = [text.casefold() for label, text in cue_texts if label in _DECISIVE_LABELS]
    for cell in reversed(cells):
        low = cell.casefold()
        if not any(w in low for w in words):
            continue
        for sentence in _CELL_SENTENCE_END.split(cell):
            if any(w in sentence.casefold() for w in words):
                return sentence.strip()
        return cell
    return None


# "Der Kreistag hat im September die Fortschreibung beschlossen": a body's decision in the perfect,
# as minutes report what another body decided (devside corpus: 26 of 28 such sentences).
_BODY_DECIDED = re.compile(
    r"^\W*(?:Der|Die|Das)\s+(?P<body>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\s+(?:hat|haben)\b[^.;]{0,120}?"
    r"\b(?:verabschiedet|beschlossen|zugestimmt|genehmigt|freigegeben|abgelehnt|bewilligt)\b")


# "Das Osterfeuer wurde von der Stadt genehmigt", "Budget 2026 von der GWS-Geschäftsführung bestätigt",
# "– bereits vom GDCh-Vorstand so beschlossen": the same in the passive, the body named as its agent.
_AGENT_DECIDED = re.compile(
    r"\b(?:vom\s+|(?:von|durch)\s+(?:der|dem|den|die|das)\s+|von\s+(?=[A-ZÄÖÜ]{2,}\b))"
    r"(?P<body>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)\s+"
    r"(?:(?!(?:wird|wurde|werden|wurden|worden|ist|sind)\b)[\wäöü]+\s+){0,3}?"
    r"(?:genehmigt|beschlossen|bestätigt|bewilligt|abgelehnt|freigegeben|zugesagt|verabschiedet)\b")
# Who decides in the meeting itself: "von der Versammlung genehmigt", "von den Anwesenden bestätigt".
_ASSEMBLY_WORDS = frozenset({"versammlung", "mitgliederversammlung", "jahreshauptversammlung", "hauptversammlung",
                             "generalversammlung", "vollversammlung", "anwesenden", "mitgliedern", "teilnehmenden",
                             "beteiligten", "gv", "jhv", "mv", "plenum", "gremium", "runde", "allen"})
# A subordinate clause before the agent: "…, eine Checkliste zu erstellen, die von der Anerkennungsstelle
# freigegeben wird" (what the meeting agreed names who approves later).
_SUBORDINATE_BEFORE = re.compile(r",\s*(?:die|der|das|dem|den|welche\w*|dass|ob|wenn|sobald|nachdem|bevor)\b[^,]*$")


def other_body_decided(text: str, own_names: str | None) -> bool:
    """Whether a sentence reports another body's decision: a body as subject of a decision in
    the perfect, or as the agent of one in the passive, whose name the minutes' title or
    organisation ("Protokoll der Steuerungsgruppe …", own_names) does not contain. Without a
    title nothing is known to be another's."""
    if not own_names:
        return False
    own = own_names.casefold()
    if (m := _BODY_DECIDED.match(text)) is not None:
        return not any(word.casefold() in own for word in m.group("body").split())
    if ("von" in text or "durch" in text) and (m := _AGENT_DECIDED.search(text)) is not None and not (
            _SUBORDINATE_BEFORE.search(text[: m.start()])):
        words = [w.casefold() for w in m.group("body").split()]
        return not any(w in own or w in _ASSEMBLY_WORDS for w in words)
    return False


# "HWK: Zahl der Lösungen …", "Information Fr. Yilmaz: Ministerium prüft …": what a member reported,
# noted under the speaker's (or body's) name in a result column or a list of results.
_SPEAKER_LABEL = re.compile(
    r"^\W*(?:(?:Information|Info|Bericht|Rückfrage|Nachfrage|Hinweis|Frage|Anmerkung)\s+)?"
    r"(?P<who>(?:(?:Fr|Hr|Dr|Prof)\.\s*)*[A-ZÄÖÜ][\w.'’/-]*(?:\s+[A-ZÄÖÜ][\w.'’/-]*){0,2})\s*:\s")
_RESULT_LABELS = frozenset({"ergebnis", "ergebnisse", "festlegung", "festlegungen", "entscheidung", "beschluss", "beschlüsse",
                            "vereinbarung", "vereinbarungen", "vereinbart", "konsens", "einvernehmen", "votum", "empfehlung",
                            "abstimmung", "fazit", "beschlossen", "einigung"})


# The cue labels by which a line says it decides or records a vote (more than the reporting around it).
DECIDING_LABELS = frozenset({"DECISION", "AGREEMENT", "VOTE", "VOTE_STRONG"})


def speaker_report(text: str, labels: set[str]) -> bool:
    """Whether a line under a result label or in a result column reports what someone said: it
    opens with a speaker's or body's name and a colon (not a result label: "Ergebnis:",
    "Vereinbart:") and no decision or vote cue says more."""
    said = _SPEAKER_LABEL.match(text)
    return bool(said) and said.group("who").casefold() not in _RESULT_LABELS and not labels & DECIDING_LABELS


def agreed_before_future(unit: Unit) -> bool:
    """An agreement or decision cue, then the FUTURE cue it governs: after a comma ("vereinbart, …
    zu entscheiden") or as its zu-infinitive ("Der Gemeinderat beschließt zwei weitere Stellvertreter
    zu wählen": the comma before an infinitive clause is optional)."""
    cues = list(unit.cues())
    agreed = [c.start for c in cues if c.label_ in ("DECISION", "AGREEMENT")]
    future = [c for c in cues if c.label_ == "FUTURE"]
    if not agreed or not future:
        return False
    first, later = min(agreed), max(future, key=lambda c: c.start)
    if first >= later.start:
        return False
    between = unit.span.doc[first:later.start]
    return any(t.text == "," for t in between) or (
        later[0].lower_ == "zu" and not any(t.text in (";", ":") or t.lower_ in _CLAUSE_WORDS for t in between))


# A subordinate clause between the decision and the infinitive may be what is decided about.
_CLAUSE_WORDS = frozenset({"ob", "wann", "wie", "wer", "dass", "daß", "weil", "wenn", "aber", "jedoch"})

# The labels that make a sentence a hedge rather than a resolution.
HEDGES = frozenset({"NOT_YET", "TENTATIVE", "OPEN", "POSTPONE", "FUTURE"})


def hedges_in_brackets(unit: Unit) -> set[str]:
    """The hedge labels of a decision whose every cue stands inside brackets: "Es wurde beschlossen,
    dass auf dem Titelbild Menschen abgedruckt werden (Bild noch nicht vorhanden)" is decided; the
    aside hedges the picture, not the decision (devside corpus: 4 of 4 such sentences decisions)."""
    text = doc_text(unit.span.doc)
    start = unit.span.start_char
    inside: set[str] = set()
    outside: set[str] = set()
    for cue in unit.cues():
        before = text[start:cue.start_char]
        (inside if before.count("(") > before.count(")") else outside).add(cue.label_)
    if not outside & {"DECISION", "AGREEMENT"}:
        return set()
    return (inside & HEDGES) - outside


# "Erläuterung: Bisher ist das WLAN …" under a resolution: its reasons, not part of what was resolved.
_EXPLANATION = re.compile(
    r"^\W*(?:Erläuterung|Erläuterungen|Begründung|Sachverhalt|Hintergrund|Hinweis|Anmerkung|Anmerkungen|Kommentar)\s*:", re.I)


def explanation_label(text: str) -> bool:
    """Whether a line opens with a label that introduces reasons or remarks."""
    return _EXPLANATION.match(text) is not None


# "Es wird genehmigt.", "Dem wurde allgemein zugestimmt.", "Beide werden einstimmig gewählt und nehmen die Wahl an.": an outcome whose
# subject is a pronoun for what the sentence before names (not the expletive "Es wird beschlossen, …").
_PRONOUN_OUTCOME = re.compile(
    r"^\W*(?:es|er|sie|das|dies|diese|dieser|dieses|dem|diesem|beide|beides)\s+(?:wird|wurde|werden|wurden)\s+(?:[\w-]+\s+){0,6}?"
    r"(?:genehmigt|angenommen|beschlossen|gewählt|wiedergewählt|bestätigt|gebilligt|abgelehnt|entlastet|verabschiedet|befürwortet|zugestimmt)"
    r"(?:\s+und\s+[^,.;]{0,40})?\W*$", re.I)


# "Dem stimmten alle Abteilungsleiter bei einer Enthaltung zu.": assent to what the sentence before proposes.
_PRONOUN_ASSENT = re.compile(r"^\W*(?:dem|diesem|dies|das)\s+(?:stimmt|stimmen|stimmte|stimmten)\b[^.;?]*\bzu\W*$", re.I)


def pronoun_outcome(text: str) -> bool:
    return _PRONOUN_OUTCOME.match(text) is not None or _PRONOUN_ASSENT.match(text) is not None


def can_be_antecedent(previous: Unit, unit: Unit, positions: list[int], pos: int) -> bool:
    """Whether the unit before can be what a pronoun refers to: same item, no heading or list
    intro, not already a decision's."""
    return (previous.topic_index == unit.topic_index and previous.block.kind is not BlockKind.HEADING
            and not previous.clean_text.endswith(":") and (not positions or positions[-1] < pos - 1))


# "Der Kreistag hat im September die Fortschreibung beschlossen", "Das hatte der Jugendhilfeausschuss
# bereits im Februar so beschlossen": a decision in the perfect dated before the meeting reports an
# earlier one (devside corpus: none of 20 such sentences is a decision of the meeting).
_MONTHS = "|".join(MONTHS_DE)  # the patterns below ignore case
_SEASONS = "frühjahr|sommer|herbst|winter"
_EARLIER_WHEN = (rf"(?:\bam\s+\d{{1,2}}\.(?:\d{{1,2}}\.(?:\d{{2,4}})?)?|\bim\s+(?:{_MONTHS})\b|"
                 r"\bletzte[nr]?\s+woche\b|\bvergangene[nr]?\s+woche\b|\bbereits\b|"
                 r"\bin\s+(?:seiner|ihrer)\b(?!\s+(?:heutigen|jetzigen|aktuellen|laufenden)\b)|\bvorige[nr]?\b)")
_EARLIER_DONE = r"(?:beschlossen|entschieden|festgelegt|genehmigt|verabschiedet|zugestimmt|empfohlen|freigegeben|bewilligt)"
# Main clause "… hat am 19.02.2026 … beschlossen" and the reported "…, dass der Hauptausschuss am
# 23.04.2026 die Vergabe beschlossen hat" (the auxiliary last).
_DECIDED_EARLIER = re.compile(
    rf"\b(?:hat|haben|hatte|hatten)\b[^.;]{{0,80}}?{_EARLIER_WHEN}[^;]{{0,80}}?\b{_EARLIER_DONE}\b"
    rf"|\bdass\b[^.;]{{0,80}}?{_EARLIER_WHEN}[^;]{{0,80}}?\b{_EARLIER_DONE}\s+(?:hat|haben|hatte|hatten)\b", re.I)


def decided_earlier(text: str) -> bool:
    return ("hat" in text or "hatte" in text or "haben" in text) and _DECIDED_EARLIER.search(text) is not None


# "… in der Sitzung des Kreistags im Mai beschlossen", "die Stadtrats-Sitzung vom 29.07.2010, in der beschlossen
# wurde": a decision of another, dated meeting. Not "In der Sitzung des Vorstands wurde beschlossen" (no date: most
# likely this one) nor "in der heutigen Sitzung". A regex, not a Matcher pattern: its long gaps made the cue Matcher
# slow on every decision word.
_MEETING_WORDS = ("sitzung", "versammlung", "tagung", "konferenz", "klausur")
_NOT_OTHER = r"(?!(?:heutigen|jetzigen|laufenden|diesjährigen|vorliegenden|aktuellen|dieser|diese)\b)"
_MEETING = rf"\b(?:in|auf|bei)\s+(?:der|dem|einer|seiner|ihrer)\s+(?:{_NOT_OTHER}\S+\s+){{0,2}}?{_NOT_OTHER}[\w-]*(?:sitzung|versammlung|tagung|konferenz|klausur)\s+"
_OTHER_MEETING = re.compile(
    rf"{_MEETING}(?:des|der)\s+(?:\S+\s+){{1,3}}?(?:im|am|vom)\s"
    rf"|{_MEETING}(?:im|am|vom)\s+(?:{_MONTHS}|{_SEASONS})\b"
    r"|sitzung\s+(?:vom|am)\s+\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\s*,\s*in\s+(?:der|dem)\b", re.I)


def other_meeting(text: str, low: str) -> bool:
    return any(w in low for w in _MEETING_WORDS) and _OTHER_MEETING.search(text) is not None


# "DSB hat zugestimmt", "Die Schulleitung hat bereits zugestimmt", "Prof. Hartung hat neue freigegeben": an
# approval in the perfect is someone's consent the minutes report (devside: 17 of 18 such sentences are no
# gold decision; the one is "alle Beteiligten haben zugestimmt"). Not everyone present, not when voted.
_APPROVED_ELSEWHERE = re.compile(
    r"(?:^|[,;:(–-]\s*|\.\s+)(?P<subject>[^.;:,()–]{1,60}?)\s+(?:hat|haben|hatte|hatten)\s+(?:[^.;]{0,60}?\s)?"
    r"(?:zugestimmt|freigegeben|genehmigt|bewilligt)\b", re.I)
_EVERYONE = re.compile(r"\b(?:alle|allen|wir|man|versammlung|anwesenden?|beteiligten)\b", re.I)


def approved_elsewhere(text: str) -> bool:
    if "hat" not in text and "haben" not in text:
        return False
    m = _APPROVED_ELSEWHERE.search(text)
    return m is not None and _EVERYONE.search(m.group("subject")) is None


# "Über den vierten Ausgabetag wird in der Februar-Sitzung entschieden", "Wer den Bericht schreibt, wird in
# der nächsten Sitzung festgelegt", "… wird erst nach Klärung der Finanzierung entschieden": a decision
# still to be taken (devside: 5 of 23 such sentences are gold decisions, all under a result label or voted).
_DECIDED_LATER = re.compile(
    rf"\b(?:wird|werden)\b[^.;]{{0,60}}\b(?:in\s+der\s+nächsten|auf\s+der\s+nächsten|in\s+der\s+[\w-]*sitzung|im\s+(?:{_MONTHS}|"
    rf"{_SEASONS})|erst|später|"
    r"nach\s+(?:klärung|vorlage|prüfung))\b[^.;]{0,60}\b(?:entschieden|beschlossen|festgelegt|abgestimmt)\b", re.I)


# "Der Kreistag entscheidet voraussichtlich im Mai", "Darüber will der Ortsbeirat entscheiden, wenn …",
# "Entscheidung über die Durchführung in der Mai-Sitzung", "Entscheidung erst nach Rückmeldung": the same in
# the active, with a modal, or as a noun, also after a label or a first clause ("Vorschlag wird begrüßt,
# Entscheidung erst nach Kostenschätzung") (devside: none of 13 such sentences is a gold decision; the two
# decisions that read so stand under "Ergebnis:" / "Entscheidung:"). "Wiedervorlage" (the matter comes back
# to the body): no gold decision in 29 development lines holding it.
_DECIDES_LATER = re.compile(
    rf"\b(?:entscheidet|entscheiden)\b(?:\s+[\wäöü]+){{0,3}}?\s+(?:erst\s+|voraussichtlich\s+)?(?:im\s+(?:{_MONTHS}|{_SEASONS})|"
    r"in\s+der\s+(?:nächsten|[\w-]+sitzung)|auf\s+der\s+nächsten|nach\s+(?:klärung|vorlage|prüfung|rücksprache)|wenn|sobald)\b"
    r"|\b(?:will|wollen|möchte|möchten|soll|sollen)\b[^.;]{0,40}\b(?:entscheiden|beschließen|festlegen)\b"
    r"|\bwiedervorlage\b"
    r"|(?:^\W*|[:;,–]\s+)(?:die\s+|eine\s+|endgültige\s+)?(?:entscheidung|beschlussfassung)\b(?!\s*:)(?:(?!\b(?:wurde|ist|steht|gefallen|gefällt|getroffen)\b)[^.;:]){0,60}?\b(?:erst\s+)?(?:in\s+der|im|nach|auf\s+der|bei\s+der|wenn|sobald)\b",
    re.I)


def decided_later(text: str) -> bool:
    """(Not under its own result label: "Beschluss: Website startet zweisprachig; weitere Sprachen werden im
    Herbst entschieden" decides the first part.)"""
    if _RESULT_LABEL.match(text) is not None:
        return False
    return (("wird" in text or "werden" in text or "Wird" in text) and _DECIDED_LATER.search(text) is not None) or (
        _DECIDES_LATER.search(text) is not None)


_RESULT_LABEL = re.compile(r"^\W*(?:beschluss|beschlossen|entscheidung|ergebnis|E\d+)\s*:", re.I)


# "Ein Termin wurde nicht festgelegt", "→ nix beschlossen, Thema nächstes Mal", "besprochen, aber nicht
# abschließend entschieden": the decision word is negated (devside: none of 94 such phrases lies in a
# gold decision). Only where every decision cue of the sentence is negated. (Not "nicht angenommen":
# a motion rejected.)
_NEGATED_CUE_WORDS = frozenset({"festgelegt", "entschieden", "beschlossen", "vereinbart"})
_NEGATION = frozenset({"nicht", "nix", "nichts"})


def _decision_word_cues(unit: Unit) -> list:
    """The unit's cues of the labels DECISION and AGREEMENT (the words that make it a decision)."""
    return [c for c in unit.cues() if c.label_ in {"DECISION", "AGREEMENT"}]


def only_negated_decision_cues(unit: Unit) -> bool:
    cues = _decision_word_cues(unit)
    return bool(cues) and all(_negated(c, unit.span.start) for c in cues)


def _negated(cue, first: int) -> bool:
    if cue.text.lower() not in _NEGATED_CUE_WORDS:
        return False
    doc = cue.doc
    for i in range(max(first, cue.start - 2), cue.start):
        if doc[i].lower_ in _NEGATION:
            # "Ab 10 Uhr, Ende wird nicht festgelegt": left open on purpose, which the meeting decides.
            return not (i > first and doc[i - 1].lower_ in {"wird", "werden"})
    return False


# "… wurden wie beschlossen über die Einzelabrechnung weitergegeben", "der Förderverein übernimmt wie
# beschlossen die Hälfte", "… finde wie bereits im Herbst festgelegt am … statt": carried out as decided
# before (devside: none of 6 such sentences is a gold decision). Not "wie folgt festgelegt", "wie in Anlage 3
# festgelegt", which state the decision.
_AS_DECIDED = re.compile(r"\bwie\s+(?!folgt\b|in\b|unten\b|nachstehend\w*\b|beantragt\b)(?:[\wäöü.]+\s+){0,4}?"
                         r"(?:beschlossen|vereinbart|festgelegt|abgesprochen|verabredet)\b", re.I)


def only_as_decided(unit: Unit) -> bool:
    """Whether every decision cue of the unit lies in an "as decided" aside."""
    text = unit.text
    if "wie" not in text:
        return False
    asides = [(m.start(), m.end()) for m in _AS_DECIDED.finditer(text)]
    cues = _decision_word_cues(unit)
    base = unit.span.start_char
    return bool(asides) and bool(cues) and all(
        any(a <= c.start_char - base < b for a, b in asides) for c in cues)


# Patterns the decision score reads (decisions.py).
# "…, das Fachamt habe entschieden, dass …": a decision in indirect speech was taken elsewhere.
REPORTED_SPEECH = re.compile(r"\b(?:habe|hätte|hätten)\b[^,;:]{0,80}?\b(?:entschieden|beschlossen|festgelegt|genehmigt|"
                              r"zugestimmt|abgelehnt|vereinbart)\b"
                              # "…, dass der Stadtrat die Fortführung beschlossen habe": the participle first
                              r"|\b(?:entschieden|beschlossen|festgelegt|genehmigt|zugestimmt|abgelehnt|vereinbart)\s+(?:habe|hätte|hätten)\b", re.I)
ELECTION_COUNT = re.compile(r"\b(?:Ja-?Stimmen|Stimmen)\b[^.;]{0,40}\bfür\s+(?:die\s+)?(?:Wahl|Wiederwahl)\b", re.I)
VOTING_MODE = re.compile(
    r"^(?:(?!\b(?:zum|zur|als)\b)[^.;])*\b(?:geheim|offen|per\s+handzeichen|durch\s+handzeichen|mit\s+stimmzetteln)\s+"
    r"(?:\w+\s+){0,2}?(?:gewählt|abgestimmt)\b|^\W*(?:gewählt|abgestimmt)\s+(?:wird|wurde)\s+(?:jeweils\s+)?"
    r"(?:geheim|offen|in\s+(?:offener|geheimer)|per\s+handzeichen|durch\s+handzeichen|per\s+akklamation)\b", re.I)
REPORT_LABEL = re.compile(
    r"^\W*(?:info|infos|information|informationen|zur\s+info(?:rmation)?|mitteilung|mitteilungen|bericht)\s*:"
    r"|^[^:.]{2,40}\b(?:berichtet|berichten|berichtete|informiert|informierte|teilt\s+mit|teilte\s+mit|gibt\s+bekannt)\s*:"
    # "Heiner Bock informiert über Wahlmodalitäten: Einfache Mehrheit entscheidet": what he informs about
    r"|^[^:.]{2,40}\b(?:berichtet|berichten|berichtete|informiert|informierte|erläutert|erläuterte)\s+(?:über|zu|zum|zur)\b(?:(?!\bund\b)[^:.]){0,60}:"
    # "Felix berichtet aus der Sitzung des Ausschusses … vom 12.05.: Der Ausschuss hat … beschlossen": news
    # from another body (devside: none of 27 such lines holds a gold decision).
    r"|^[^:.]{2,40}\b(?:berichtet|berichten|berichtete|informiert|informierte)\s+aus\b[^:]{0,80}:", re.I)
SEPARABLE_DECISION = re.compile(
    r"^\W*(?:Der|Die|Das)\s+(?:[\w.-]+\s+)?[\w-]*(?:gruppe|kreis|ausschuss|rat|konferenz|runde|gremium|vorstand|"
    r"versammlung|kommission|plenum|netzwerk|team|allianz|bündnis)\s+(?:(?:legt|legte|legen|legten)\b[^;.]{0,80}?\bfest|"
    r"(?:gibt|gab|geben|gaben)\b[^;.]{0,80}?\bfrei)\b", re.I)
# "GO-Antrag (Paul) auf Vertagung → keine Gegenrede, angenommen", "GO-Antrag auf Vertagung (Finn) → …
# Abstimmung GO: 3/5/0 → abgelehnt", "… Keine Gegenrede → vertagt": a motion on procedure to postpone,
# put to the meeting and settled, is the meeting's decision, not a postponement left open (development
# groups: 22 of 24 GO-Anträge auf Vertagung are gold decisions).
GO_POSTPONEMENT_SETTLED = re.compile(
    r"\bGO[- ]?Antrag\b[^;]{0,160}?\bVertagung\b[^;]*?(?:\b(?:angenommen|abgelehnt)\b|(?:→|->|=>|:)\s*(?:\w+\s+){0,2}?vertagt\b"
    r"|\b(?:keine|ohne)\s+Gegenrede\b)", re.I)
# "Meinungsbild: große Mehrheit für Marburg", "Stimmungsbild: 3 dafür, 4 dagegen", "… 6/2/0 (nicht bindend)": a straw
# poll shows where the meeting leans and decides nothing (development groups: 4 of 51 such lines are gold decisions),
# unless the line also states a resolution ("Meinungsbild: alle dafür. Beschluss: …").
STRAW_POLL = re.compile(r"\b(?:meinungsbild|stimmungsbild|nicht\s+bindend)\b(?![^.;]*\bbeschl(?:uss|ossen)\b)", re.I)
# "Keine Beschlüsse.", "Keine Festlegung heute", "Eine Entscheidung wurde nicht getroffen", "Eine
# Beschlussfassung ist nicht erforderlich": the minutes say that nothing was decided. Not "besteht
# Übereinstimmung, heute keine Entscheidung zu treffen" (agreed not to decide) nor "(keine Festlegung
# auf Standort)", which qualifies a decision.
NO_DECISION_TAKEN = re.compile(
    r"(?<!\()\b(?:kein|keine|keinen|keiner)\s+(?:\w+e[rn]?\s+)?(?:beschl(?:uss|üsse)\w*|entscheidung\w*|festlegung\w*|einigung)\b"
    r"(?!\s+(?:auf\b|zu\s+(?:treffen|fassen)\b|\w+\s+zu\s+(?:treffen|fassen)\b))"
    r"|\b(?:entscheidung|beschluss|beschlussfassung|festlegung)\b[^.;:]{0,50}\bnicht\s+(?:\w+\s+)?(?:getroffen|gefasst|erforderlich|nötig|notwendig|möglich)\b",
    re.I)
# "keine Einwände → angenommen", "ohne Gegenstimmen beschlossen": no objection is consent, not a negation.
NEGATED_DECISION = re.compile(
    r"\b(?:kein|keine|keinen|keiner)\b(?!\s+(?:einwände|einwänden|einwendungen|gegenstimmen?|gegenrede|widerspruch|"
    r"änderungen|änderungswünsche|enthaltungen|bedenken|wortmeldungen|anmerkungen)\b)[^,;.:!?()–→>]{0,60}?\b(?:beschlossen|festgelegt|vereinbart|"
    r"entschieden|genehmigt|angenommen|zugestimmt|gewählt|verabschiedet|geeinigt|beschließen|festlegen|vereinbaren|"
    r"entscheiden|beschlossen\s+werden|gefasst)\b", re.I)


_BARE_OUTCOME = re.compile(
    r"^\W*(?:(?:einstimmig|mehrheitlich|mit\s+(?:großer|deutlicher|knapper|breiter)\s+mehrheit|ohne\s+gegenstimmen?)\s+)?"
    r"(?:angenommen|abgelehnt|beschlossen|genehmigt|zugestimmt|bestätigt)\W*$"
    # "-- → einverstanden, alle dafür", "Konsens.", "-> so beschlossen" under the line they answer
    r"|^\W*(?:so\s+(?:beschlossen|vereinbart|festgelegt)|(?:alle\s+)?einverstanden|alle\s+dafür|konsens|akzeptiert|"
    r"keine\s+einwände|kein\s+widerspruch)(?:\W+(?:alle\s+dafür|einstimmig|einverstanden|angenommen|\d+\s*[/:]\s*\d+\s*[/:]\s*\d+))*\W*$", re.I)


def bare_outcome(text: str) -> bool:
    """ "Einstimmig angenommen", "Mit großer Mehrheit angenommen": an outcome without its subject."""
    return bool(_BARE_OUTCOME.match(text))


# "So festgelegt.", "Darauf haben wir uns geeinigt.": an agreement to the sentence before, with nothing of its own.
BARE_ASSENT = re.compile(r"^\W*(?:darauf|dazu|so|das|dies|ist\s+so|wurde\s+so|wird\s+so)\b(?:\s+\w+){0,5}?\s+(?:geeinigt|verständigt|"
                          r"festgelegt|festgemacht|vereinbart|beschlossen|abgestimmt|abgesprochen)"
                          r"(?:\s+sich(?:\s+(?:der|die|das|alle))?(?:\s+[\w-]+){0,2})?\W*$", re.I)  # "… verständigt sich der Steuerkreis."


# "die im letzten Jahr beschlossene Sitzbank", "das vereinbarte Verfahren", "der neu gewählte Elternbeirat":
# a decision participle inflected before its noun names what was decided before, it decides nothing.
# "-ene", "-tes", "-ter", "-tem" are never finite verbs; "genehmigte"/"vereinbarten" are only attributive
# after a determiner or an adverb ("Der Rat genehmigte Mittel" is the past tense).
_ATTRIBUTIVE_ONLY = re.compile(r"(?:ene|enen|ener|enes|enem|tes|ter|tem)$")
_ATTRIBUTIVE_TOO = re.compile(r"(?:te|ten)$")


def only_attributive_cues(unit) -> bool:
    """Whether every decision cue of a unit is a participle used as an adjective."""
    deciding = [c for c in unit.cues() if c.label_ in ("DECISION", "AGREEMENT")]
    return bool(deciding) and all(attributive(c) for c in deciding)


def attributive(cue) -> bool:
    """Whether a one-word decision cue (a spaCy span) is a participle used as an adjective."""
    if len(cue) != 1 or cue.end >= len(cue.doc):
        return False
    word, after = cue[0], cue.doc[cue.end]
    low = word.lower_
    if not (after.is_alpha and after.text[:1].isupper()) or word.is_sent_start:
        return False
    if _ATTRIBUTIVE_ONLY.search(low):
        return True
    before = cue.doc[cue.start - 1].lower_ if cue.start > 0 else ""
    return bool(_ATTRIBUTIVE_TOO.search(low)) and (before in _BEFORE_ATTRIBUTE or before.startswith(("ein", "kein")))


_BEFORE_ATTRIBUTE = frozenset({
    "der", "die", "das", "den", "dem", "des", "im", "vom", "zum", "zur", "beim", "am", "ins", "diese", "dieser", "diesen",
    "dieses", "unsere", "unserer", "unseren", "seine", "ihre", "bereits", "neu", "gemeinsam", "lange", "zuvor", "schon",
    "damals", "bisher", "ursprünglich", "kürzlich", "frisch", "vorläufig", "endgültig", "einstimmig", "mehrheitlich"})
