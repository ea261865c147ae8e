"""One Doc per document: lines keep their own sentences, tokens and spans.

``analyse_lines`` assembles a document's lines into one Doc (for speed); these
tests pin down that nothing leaks across line boundaries and that the result
matches what analysing each line on its own gives.
"""
import spacy

from protokollant.extract import minutes
from protokollant.extract.minutes import analyse_lines
from protokollant.extract.units import sentences
from protokollant.nlp.pipeline import build_pipeline, load_pipeline

LINES = [
    "TOP 3 Verschiedenes",
    "Der Antrag wird einstimmig angenommen.",
    "• Julia klärt bei Fr. Kaltenbach alles, z.B. Essen. Herr Roth übernimmt die Einladung.",
    "Agentur für Arbeit",
    "Rückblick auf das Jahr",
    "- Die Schulleitung informiert die Eltern",
]


def _lines(texts):
    return [(i, t) for i, t in enumerate(texts)]


def test_one_span_per_line_with_the_line_text():
    nlp = load_pipeline("blank")
    spans = analyse_lines(_lines(LINES), nlp)
    assert [s.text for s in spans] == LINES
    assert len({id(s.doc) for s in spans}) == 1  # one Doc for the document


def test_sentences_stay_inside_their_line_and_keep_bullets():
    nlp = load_pipeline("blank")
    spans = analyse_lines(_lines(LINES), nlp)
    sents = [[s.text for s in sentences(span)] for span in spans]
    assert sents[2] == ["• Julia klärt bei Fr. Kaltenbach alles, z.B. Essen.", "Herr Roth übernimmt die Einladung."]
    assert sents[5] == ["- Die Schulleitung informiert die Eltern"]
    # The same as analysing each line alone.
    for text, got in zip(LINES, sents):
        alone = nlp(text)
        assert got == [s.text for s in alone.sents]


def test_tokens_lemmas_and_cues_equal_line_by_line_analysis():
    nlp = load_pipeline("blank")
    spans = analyse_lines(_lines(LINES), nlp)
    for text, span in zip(LINES, spans):
        alone = nlp(text)
        assert [(t.text, t.lemma_, t.norm_) for t in span] == [(t.text, t.lemma_, t.norm_) for t in alone]
        cues = [(c.text, c.label_) for c in span.doc.spans["cues"] if c.start >= span.start and c.end <= span.end]
        assert cues == [(c.text, c.label_) for c in alone.spans["cues"]]


def test_institution_names_do_not_run_into_the_next_line():
    nlp = load_pipeline("blank")
    spans = analyse_lines(_lines(LINES), nlp)
    names = [sp.text for sp in spans[0].doc.spans["institutions"]]
    assert "Agentur für Arbeit" in names
    assert not any("Rückblick" in n for n in names)


def test_long_documents_are_split_into_chunks(monkeypatch):
    monkeypatch.setattr(minutes, "MAX_CHUNK_CHARS", 100)
    nlp = load_pipeline("blank")
    spans = analyse_lines(_lines(LINES), nlp)
    assert [s.text for s in spans] == LINES
    docs = {id(s.doc): s.doc for s in spans}.values()
    assert len(docs) > 1
    assert all(len(d.text) <= 100 for d in docs)


def test_an_overlong_line_is_cut_to_the_chunk_size(monkeypatch):
    monkeypatch.setattr(minutes, "MAX_CHUNK_CHARS", 30)
    nlp = load_pipeline("blank")
    spans = analyse_lines([(0, "kurz"), (1, "wort " * 20), (2, "danach")], nlp)
    assert [s.text for s in spans] == ["kurz", ("wort " * 6).strip(), "danach"]


def test_empty_lines_give_empty_spans():
    nlp = load_pipeline("blank")
    spans = analyse_lines([(0, "Erste Zeile"), (1, ""), (2, "Dritte Zeile")], nlp)
    assert [s.text for s in spans] == ["Erste Zeile", "", "Dritte Zeile"]
    assert len(spans[1]) == 0


def test_lookup_lemmatizer_equals_spacys_lookup_lemmatizer():
    ours = build_pipeline("blank")
    ref = spacy.blank("de")
    ref.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    text = ("Die Teilnehmenden einigten sich darauf, dass die Arbeitsgruppen ihre Ergebnisse bis zur nächsten "
            "Sitzung vorlegen. Frau Rasche wird sich der Anfragen annehmen; Häuser, Bäume und Kinder.")
    fixes = ours.get_pipe("protokollant_lemma_fixes").table
    pairs = [(a.lemma_, b.lemma_) for a, b in zip(ours(text), ref(text)) if a.lower_ not in fixes]
    assert pairs and all(a == b for a, b in pairs)
    assert any(a != t for (a, _), t in zip(pairs, text.split()))  # the table really lemmatised something


def test_the_lemma_table_cache_is_written_read_back_and_rebuilt_when_broken(tmp_path, monkeypatch):
    import importlib.metadata

    from spacy.lookups import load_lookups

    from protokollant.nlp.components import _lookup_table

    monkeypatch.setenv("PROTOKOLLANT_CACHE", str(tmp_path))
    first = _lookup_table("de", "lemma_lookup")
    files = sorted(p.name for p in tmp_path.iterdir())
    version = importlib.metadata.version("spacy-lookups-data")
    assert files == [f"de-lemma_lookup-{version}.ids.npy", f"de-lemma_lookup-{version}.lemmas.txt"]
    again = _lookup_table("de", "lemma_lookup")
    packaged = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    assert again == first and len(first) == len(packaged)
    assert all(first[k] == packaged.get(k) for k in list(first)[:2000])
    (tmp_path / files[1]).write_text("kaputt", encoding="utf-8")
    assert _lookup_table("de", "lemma_lookup") == first  # rebuilt from the package


def test_the_text_stored_with_the_doc_is_its_text():
    from protokollant.extract.units import DOC_TEXT_KEY

    nlp = load_pipeline("blank")
    texts = LINES + ["", "  eingerückt", "zwei Leerzeichen am Ende  ", "ein Leerzeichen ", "Tab\tdazwischen", "\u00a0geschützt"]
    spans = analyse_lines(_lines(texts), nlp)
    doc = spans[0].doc
    assert doc.user_data[DOC_TEXT_KEY] == doc.text
    assert [s.text for s in spans][-3:] == ["ein Leerzeichen", "Tab\tdazwischen", "\u00a0geschützt"]


def test_a_reference_bracket_after_a_full_stop_opens_the_next_sentence():
    nlp = load_pipeline("blank")
    line = nlp("Lothar stellt fest, dass 134 Mitglieder anwesend sind. (s. Anlage 2) Die Tagesordnung wird angenommen.")[:]
    assert [s.text for s in sentences(line)] == [
        "Lothar stellt fest, dass 134 Mitglieder anwesend sind.", "(s. Anlage 2) Die Tagesordnung wird angenommen."]
    # any other bracket there notes the sentence before: "Flyer drucken. (Lea)"
    line = nlp("Flyer drucken. (Lea) Tom bucht den Raum.")[:]
    assert [s.text for s in sentences(line)][0].startswith("Flyer drucken. (Lea")


def test_a_sentence_after_a_bracket_note_is_a_sentence_of_its_own():
    nlp = load_pipeline("blank")
    line = nlp("Flyer drucken. (Lea) Tom bucht den Raum.")[:]
    assert [s.text for s in sentences(line)] == ["Flyer drucken. (Lea)", "Tom bucht den Raum."]
    line = nlp("Barbara fragt, ob das etwas ändert. [(Weiteres) nicht öffentlich] Sabrina meldet sich bei Barbara.")[:]
    assert [s.text for s in sentences(line)] == [
        "Barbara fragt, ob das etwas ändert. [(Weiteres) nicht öffentlich]", "Sabrina meldet sich bei Barbara."]
    # a short remainder stays with the note: no sentence of its own
    line = nlp("Flyer drucken. (Lea) bis Mai.")[:]
    assert len(sentences(line)) == 1
