"""The word test in front of the cue regexes (extract/rx_gate.py) never hides a match."""
from __future__ import annotations

import re
import sys

import pytest

from protokollant.extract import rx_gate
from protokollant.extract.rx_gate import GatedPattern, gated
from protokollant.extract.vocabulary import action_cues, decision_cues


def test_fold_maps_every_letter_ignorecase_equates_with_a_plain_letter_to_it():
    # The argument of the module doc, checked for every code point: a text character the
    # engine matches to a plain letter (re.IGNORECASE) is folded to exactly that letter.
    everything = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    for plain in rx_gate._PLAIN:
        for m in re.finditer(re.escape(plain), everything, re.I):
            assert rx_gate._fold(m.group(0)) == plain, (plain, hex(ord(m.group(0))))
    # One character folds to one character: positions are kept.
    assert all(len(rx_gate._fold(ch)) == 1 for ch in everything)


def _cue_patterns():
    from protokollant.followup.postponed import NOTED, POSTPONED

    yield "POSTPONED", POSTPONED
    yield "NOTED", NOTED
    for cues in (action_cues(), decision_cues()):
        for name in cues.__dataclass_fields__:
            value = getattr(cues, name)
            for rx in value if isinstance(value, tuple) else (value,):
                if isinstance(rx, (re.Pattern, GatedPattern)):
                    yield name, rx


SENTENCES = [
    "Der Bericht wird zur Kenntnis genommen.",
    "Frau Müller sagt zu, die Unterlagen bis Freitag zu schicken.",
    "Die Aufgabe ist ERLEDIGT ✓",
    "Herr Kaya erklärt sich bereit, das Protokoll zu führen.",
    "Die Verwaltung wurde gebeten, die Zahlen vorzulegen.",
    "Der Punkt wird auf die nächste Sitzung vertagt.",
    "TOP 4 wird nicht vertagt; der Bericht wird zur Kenntnis genommen.",
    "Das Gremium STIMMT dem Antrag einstimmig ZU.",
    "Herr K. informierte, dass die Halle gesperrt ist.",
    "Die Einladung iſt verſchickt; Kenntnisnahme.",  # long s: the engine equates it with s
    "DIE ANMELDUNG İST ERFOLGT",  # dotted capital I
    "Termine: bis 31.03. klären (FL)",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_gated_cues_answer_as_the_regexes_do(text):
    for name, rx in _cue_patterns():
        raw = rx.rx if isinstance(rx, GatedPattern) else rx
        for method in ("search", "match"):
            got, want = getattr(rx, method)(text), getattr(raw, method)(text)
            assert (got and got.span()) == (want and want.span()), (name, method, text)
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in raw.finditer(text)], (name, text)


def test_required_words_of_simple_patterns():
    assert gated(re.compile(r"\b(?:nimmt|nehmen)\s+teil\b", re.I)).words == {"nimmt", "nehmen"}
    assert gated(re.compile(r"\b(?:bittet|bat)\s+(?:die|den)\s+", re.I)).words == {"bittet", "bat"}
    assert gated(re.compile(r"^\W*\[[xX✓]\]")).words == {"[x]", "[✓]"}
    assert gated(re.compile(r"^\W*kenntnisnahme\W*$|\bzur\s+kenntnis\b", re.I)).words == {"kenntnisnahme", "kenntnis"}
    # Nothing every match needs: the pattern itself comes back.
    rx = re.compile(r"\d+|[A-Z]{2,3}")
    assert gated(rx) is rx
    rx = re.compile(r"(?:abc)?x*")
    assert gated(rx) is rx


def test_gated_pattern_keeps_the_pattern_attributes():
    rx = re.compile(r"\berledigt\b", re.I)
    g = gated(rx)
    assert g.pattern == rx.pattern and g.flags == rx.flags
    assert g.search("ist erledigt", 4).span() == (4, 12)
    assert g.search("nichts") is None and list(g.finditer("nichts")) == []


@pytest.mark.parametrize("text", SENTENCES + ["Abstimmung: JA 5", "im Januar", "Nein-Stimmen: 2", "mit Mehrheit angenommen"])
def test_vote_precheck_words_answer_as_their_regex(text):
    from protokollant.extract.votes import _MAYBE_VOTE_WORDS

    assert isinstance(_MAYBE_VOTE_WORDS, GatedPattern)
    got, want = _MAYBE_VOTE_WORDS.search(text), _MAYBE_VOTE_WORDS.rx.search(text)
    assert (got and got.span()) == (want and want.span())


VOTE_SENTENCES = [
    "Abstimmung: 5 Ja, 1 Nein, 2 Enthaltungen", "einstimmig angenommen", "Ja-Stimmen: 7, Nein-Stimmen: 0",
    "drei dafür, keiner dagegen, eine Stimmenthaltung", "mit 4/1/0 beschlossen", "ohne Gegenstimmen, ohne Enthaltung",
    "Der Antrag wird mehrheitlich ABGELEHNT.", "alle sind dafür", "zwölf FÜRSTIMMEN", "Beschluss 3-1-0",
]


@pytest.mark.parametrize("text", SENTENCES + VOTE_SENTENCES)
def test_gated_vote_patterns_answer_as_their_regexes(text):
    from protokollant.extract import votes

    for name, rx in vars(votes).items():
        if isinstance(rx, GatedPattern):
            got, want = rx.search(text), rx.rx.search(text)
            assert (got and got.span()) == (want and want.span()), (name, text)


def test_gated_pattern_survives_pickling_and_copying():
    import copy
    import pickle

    g = gated(re.compile(r"\berledigt\b", re.I))
    for clone in (pickle.loads(pickle.dumps(g)), copy.deepcopy(g), copy.copy(g)):
        assert clone.words == g.words and clone.search("Ist ERLEDIGT").span() == (4, 12)
        assert clone.search("offen") is None


@pytest.mark.parametrize("text", [
    "Die Verwaltung sagt zu, den Plan bis Mai vorzulegen.", "Herr Lenz erklärte sich gern bereit.",
    "Der Beirat bittet die Verwaltung, zu prüfen.", "Die Kasse wurde geprüft.", "Keine Einwände.",
    "Frau Ott ÜBERNIMMT es, die Liste zu führen.", "", "Herr Kaya wird die Einladung verschicken.",
])
def test_one_word_test_for_the_promise_patterns_rules_out_only_texts_none_matches(text):
    cues = action_cues()
    if not cues.may_promise(text):
        assert not any(rx.rx.search(text) for rx in cues.promises)
    assert rx_gate.any_may_match([re.compile("x")])(text)  # an ungated pattern: always tried


def test_a_gate_of_many_words_spelled_as_a_tree_finds_what_the_plain_list_finds():
    words = frozenset("überblick übernimmt übernahm sagt sagte bericht sachstandsbericht kenntnis kenntnisnahme "
                      "erledigt erl vor, vor: ✓ [x] bedenken einblick ausblick".split())
    gate = rx_gate._any_of(words)
    assert len(words) > rx_gate._TREE_FROM
    for text in ["", "der sachstand", "ein überblick.", "vor,", "vor;", "[x] fertig", "x ✓", "übernehme", "kenntn",
                 "erlaubt", "sag es", "zum bericht"]:
        assert (gate(text) is not None) == any(w in text for w in words), text
