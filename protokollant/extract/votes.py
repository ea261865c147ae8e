"""Vote parsing: "einstimmig", "5/0/1", "5 Ja, 1 Nein, 2 Enthaltungen", "(+7, -0, o1)"."""
from __future__ import annotations

import re

from ..schema import Outcome, Vote
from .rx_gate import gated

_NUMBER_WORDS = {
    "kein": 0, "keine": 0, "keiner": 0, "null": 0, "ein": 1, "eine": 1, "einer": 1, "einem": 1, "eins": 1,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12,
}
_NUM = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"

# gated(): a word test first (rx_gate), the regex only where the words a match needs occur.
_TRIPLE = gated(re.compile(r"(?<![\d./:])(\d{1,3})\s*([/:]|-(?=\s*\d{1,3}\s*-))\s*(\d{1,3})\s*\2\s*(\d{1,3})(?![\d./:])"), short_words=True)
_PLUS_MINUS = re.compile(r"\(\s*\+\s*(\d{1,3})\s*[,;/]\s*[-−–]\s*(\d{1,3})\s*[,;/]\s*[oO0ø]\s*(\d{1,3})\s*\)")
_YES = gated(re.compile(_NUM + r"\s*(?:x\s*)?(?:Ja(?:-Stimmen|stimmen)?|Stimmen\s+dafür|dafür|Fürstimmen|Für-Stimmen)\b", re.I), short_words=True)
# The labels a count follows ("Ja: 7", "dafür 63"), with the colon or without (the _KEY and _BARE_KEY patterns).
_YES_LABEL = r"(?:Ja(?:-Stimmen)?|dafür|Zustimmung(?:en)?)"
_NO_LABEL = r"(?:Nein(?:-Stimmen)?|Gegenstimmen?|dagegen|Ablehnung(?:en)?)"
_ABST_LABEL = r"(?:Enthaltung(?:en)?|Stimmenthaltung(?:en)?|enthalten|Enth\.)"
_YES_KEY = re.compile(rf"\b{_YES_LABEL}\s*[:=]\s*(\d{{1,3}})", re.I)
_NO = gated(re.compile(_NUM + r"\s*(?:x\s*)?(?:Nein(?:-Stimmen|stimmen)?|Gegenstimmen?|Stimmen\s+dagegen|dagegen)\b", re.I), short_words=True)
_NO_KEY = gated(re.compile(rf"\b{_NO_LABEL}\s*[:=]\s*(\d{{1,3}})", re.I), short_words=True)
_ABST = gated(re.compile(_NUM + r"\s*(?:x\s*)?(?:Enthaltungen|Enthaltung|Stimmenthaltungen?)\b", re.I), short_words=True)
_ABST_KEY = re.compile(rf"\b{_ABST_LABEL}\s*[:=]\s*(\d{{1,3}})", re.I)
# "Ja 52, Nein 2, Enthaltung 4", "dafür 63 / dagegen 3 / enthalten 1": the counts after their labels without a colon.
_YES_BARE_KEY = re.compile(rf"\b{_YES_LABEL}\s+(\d{{1,3}})\b", re.I)
_NO_BARE_KEY = re.compile(rf"\b{_NO_LABEL}\s+(\d{{1,3}})\b", re.I)
_ABST_BARE_KEY = re.compile(rf"\b{_ABST_LABEL}\s+(\d{{1,3}})\b", re.I)
# "mit 25:10 Stimmen": yes and no counts as a pair.
_PAIR = re.compile(r"(?<![\d.:/])(\d{1,3})\s*:\s*(\d{1,3})\s+Stimmen\b", re.I)
# A vote label with a number after it ("Ja 7 Nein 0 …"): the counts follow their labels.
_FIRST_LABEL = re.compile(r"\b(?:Ja|Nein|Enthaltung(?:en)?|Gegenstimmen?|dafür|dagegen|Zustimmung(?:en)?|Ablehnung(?:en)?|enthalten|Enth\.)"
                          r"(?:-Stimmen)?\s*[:=]?\s*(?=\d)", re.I)
_NO_ABST = gated(re.compile(r"\bohne\s+Enthaltungen?\b", re.I), short_words=True)
_NO_NO = gated(re.compile(r"\bohne\s+Gegenstimmen?\b", re.I), short_words=True)
_UNANIMOUS = gated(re.compile(r"\b(einstimmig|einmütig|im\s+Konsens|konsensual|einvernehmlich|alle\s+(?:sind\s+)?dafür|ohne\s+Gegenstimmen?)\b", re.I), short_words=True)
_MAJORITY = gated(re.compile(r"\bmehrheitlich\b", re.I), short_words=True)
_REJECTED = gated(re.compile(r"\b(abgelehnt|nicht\s+angenommen|lehnt\b[^.]*\bab|keine\s+Mehrheit|zurückgewiesen)\b", re.I), short_words=True)
_ACCEPTED = gated(re.compile(r"\b(angenommen|beschlossen|gewählt|zugestimmt|verabschiedet|genehmigt|bestätigt|nimmt\b[^.]*\ban|stimmt\b[^.]*\bzu)\b", re.I), short_words=True)


def _n(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


# Cheap pre-check: every vote form has a digit or one of these words (the words behind the
# word test of rx_gate: most sentences have neither).
_MAYBE_VOTE_DIGIT = re.compile(r"\d")
_MAYBE_VOTE_WORDS = gated(re.compile(r"einstimm|einmütig|konsens|einvernehm|dafür|dagegen|mehrheit|enthalt|gegenstimm|ja\b|nein\b", re.I), short_words=True)


def _search(rx: re.Pattern, text: str, low: str, *keys: str) -> re.Match | None:
    """``rx.search(text)``, skipped when none of the words the pattern needs occurs (most sentences)."""
    return rx.search(text) if any(k in low for k in keys) else None


def parse_vote(text: str) -> Vote | None:
    """The vote a sentence states, or None when it states none."""
    if not (_MAYBE_VOTE_DIGIT.search(text) or _MAYBE_VOTE_WORDS.search(text)):
        return None
    low = text.lower()
    yes = no = abstain = None
    written: list[str] = []
    m = _search(_PLUS_MINUS, text, low, "+")
    if m:
        yes, no, abstain = (int(g) for g in m.groups())
        written.append(m.group(0))
    elif (m := _TRIPLE.search(text)):
        yes, no, abstain = int(m.group(1)), int(m.group(3)), int(m.group(4))
        written.append(m.group(0))
    else:
        label_first = None  # known when a count's words occur (most sentences with a digit have none)
        for rx, key_rx, bare_key_rx, slot, keys in (
            (_YES, _YES_KEY, _YES_BARE_KEY, "yes", ("ja", "für", "zustimm")),
            (_NO, _NO_KEY, _NO_BARE_KEY, "no", ("nein", "gegen", "ablehn")),
            (_ABST, _ABST_KEY, _ABST_BARE_KEY, "abstain", ("enthalt", "enth.")),
        ):
            if not any(k in low for k in keys):
                continue  # the three patterns below need one of these words
            if label_first is None:
                # "Ja 7 Nein 0 Enthaltung 1": the counts follow their labels (the first label has a number after it).
                first_label = _FIRST_LABEL.search(text)
                label_first = first_label is not None and not re.search(r"\d\s*$", text[: first_label.start()])
            # "Ja-Stimmen: 5 Nein-Stimmen: 1": a label with a colon owns the number after it (the
            # number before "Nein" is the yes count); "Ja 52, Nein 2": a bare label, last resort.
            first, second = (bare_key_rx, rx) if label_first else (rx, bare_key_rx)
            m = key_rx.search(text) or first.search(text) or second.search(text)
            if m:
                value = _n(m.group(1))
                written.append(m.group(0))
                if slot == "yes":
                    yes = value
                elif slot == "no":
                    no = value
                else:
                    abstain = value
        if yes is None and no is None and (pair := _search(_PAIR, text, low, "stimmen")) is not None:
            yes, no = int(pair.group(1)), int(pair.group(2))  # "mit 25:10 Stimmen angenommen"
            written.append(pair.group(0))
        if abstain is None and _search(_NO_ABST, text, low, "ohne"):
            abstain = 0
        if no is None and _search(_NO_NO, text, low, "ohne"):
            no = 0
    unanimous_m = _search(_UNANIMOUS, text, low, "einstimm", "einmütig", "konsens", "einvernehm", "dafür", "gegenstimm")
    majority = _search(_MAJORITY, text, low, "mehrheit")
    if unanimous_m:
        written.insert(0, unanimous_m.group(0))
        if no is None:
            no = 0
    elif majority:
        written.insert(0, majority.group(0))
    if yes is None and no is None and abstain is None and not unanimous_m and not majority:
        return None
    unanimous = bool(unanimous_m) and not (no or 0) and not (abstain or 0) and "ohne gegenstimme" not in unanimous_m.group(0).lower()
    outcome = None
    if _REJECTED.search(text):
        outcome = Outcome.REJECTED
    elif _ACCEPTED.search(text) or unanimous_m or majority:
        outcome = Outcome.ACCEPTED
    elif yes is not None and no is not None:
        outcome = Outcome.ACCEPTED if yes > no else Outcome.REJECTED
    return Vote(yes=yes, no=no, abstain=abstain, unanimous=unanimous, outcome=outcome, text=" ".join(written) or None)


def outcome_of(text: str) -> Outcome | None:
    if _REJECTED.search(text):
        return Outcome.REJECTED
    if _ACCEPTED.search(text):
        return Outcome.ACCEPTED
    return None

