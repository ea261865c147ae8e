"""The array sentencizer (nlp/components.py) finds the sentences spaCy's sentencizer finds."""
from __future__ import annotations

import random

import spacy
from spacy.pipeline import Sentencizer

from protokollant.nlp.components import ArraySentencizer


def test_same_sentence_starts_as_spacys_sentencizer():
    nlp = spacy.blank("de")
    ours, theirs = ArraySentencizer("s"), Sentencizer("s")
    ours.asides = False  # spaCy's rule; brackets below
    texts = ["", "Ja.", "Der Antrag wird angenommen. Herr K. berichtet!! (Siehe Anlage.) Weiter?", "z.B. Nr. 3 … fertig。 Ende",
             "„Zitat.“ Danach – ok?! …", "\n\n. . ."]
    rng = random.Random(7)
    alphabet = list(".!?;,:-()\"„“ aB1。…\n") + ["z.B.", "Nr.", "..."]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for text in texts:
        doc = nlp.make_doc(text)
        assert ours.predict([doc]) == theirs.predict([doc]), text
    docs = [nlp.make_doc(t) for t in ("", "a. b", "")]
    assert ours.predict(docs) == theirs.predict(docs)
    ours.punct_chars = theirs.punct_chars = {";"}
    doc = nlp.make_doc("a; b. c; d")
    assert ours.predict([doc]) == theirs.predict([doc])


def test_the_pipeline_runs_it_under_spacys_name():
    from protokollant.nlp.pipeline import load_pipeline

    nlp = load_pipeline("blank")
    assert isinstance(nlp.get_pipe("sentencizer"), ArraySentencizer)


def test_a_year_with_its_full_stop_ends_the_sentence_before_a_capitalised_word():
    from protokollant.nlp.pipeline import load_pipeline

    nlp = load_pipeline("blank")
    doc = nlp("Themen waren der Masterplan 2020. Paula schickt ihren Bericht. Am 3. Mai kommt er. Sitzung vom 12.03.2020. Danach Ende.")
    assert [s.text for s in doc.sents] == [
        "Themen waren der Masterplan 2020.", "Paula schickt ihren Bericht.", "Am 3. Mai kommt er.",
        "Sitzung vom 12.03.2020.", "Danach Ende."]


def test_an_end_inside_a_short_bracket_does_not_end_the_sentence():
    from protokollant.nlp.pipeline import load_pipeline

    nlp = load_pipeline("blank")
    doc = nlp("Um die Webseite (Jekyll oder Hugo?) kümmert sich Konstantin. Wir treffen uns (wann genau? noch offen) im Mai. "
              "Offen bleibt (siehe oben. Das ist alles. Und noch mehr Text, der lang genug ist, damit die Klammer nicht als "
              "Einschub gilt, weil sie nie geschlossen wird) am Ende.")
    assert [s.text for s in doc.sents] == [
        "Um die Webseite (Jekyll oder Hugo?) kümmert sich Konstantin.", "Wir treffen uns (wann genau? noch offen) im Mai.",
        "Offen bleibt (siehe oben.", "Das ist alles.",
        "Und noch mehr Text, der lang genug ist, damit die Klammer nicht als Einschub gilt, weil sie nie geschlossen wird) am Ende."]
