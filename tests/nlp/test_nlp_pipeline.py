"""Pipeline selection: blank German fallback, and a statistical pipeline when one is given.

No pretrained German model can be installed here, so the "statistical" case
uses a saved pipeline directory whose entity ruler plays the model's NER: what
is tested is that an installed pipeline is loaded as-is, our components are
added behind it, and its ORG entities reach the institutions.
"""
import spacy

from protokollant.document import Block, BlockKind, Document
from protokollant.extract.minutes import extract_record
from protokollant.nlp import numbers
from protokollant.nlp.pipeline import build_pipeline, installed_model


def test_blank_pipeline_has_the_project_components():
    nlp = build_pipeline("blank")
    assert nlp.lang == "de"
    assert nlp.pipe_names[:2] == ["sentencizer", "lemmatizer"]
    assert {"protokollant_lemma_fixes", "protokollant_institutions", "protokollant_cues"} <= set(nlp.pipe_names)
    doc = nlp("Die Punkte wurden vereinbart. Der Beschluß wird verlesen.")
    assert [t.lemma_ for t in doc if t.text in ("vereinbart", "Beschluß")] == ["vereinbaren", "Beschluss"]
    assert len(list(doc.sents)) == 2


def test_auto_falls_back_to_blank_when_no_model_is_installed():
    assert installed_model(["de_core_news_does_not_exist"]) is None


def test_a_statistical_pipeline_is_used_with_its_org_entities(tmp_path):
    stat = spacy.blank("de")
    stat.add_pipe("sentencizer")
    ruler = stat.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": [{"LOWER": "quarkwerk"}, {"LOWER": "nord"}]}])
    stat.meta["name"] = "fake_stat"
    stat.meta["version"] = "9.9.9"
    stat.to_disk(tmp_path / "fake_stat")

    nlp = build_pipeline(str(tmp_path / "fake_stat"))
    assert nlp.pipe_names[:2] == ["sentencizer", "entity_ruler"]
    blocks = [
        Block(index=0, kind=BlockKind.HEADING, text="Protokoll der Sitzung am 12.03.2026", heading_level=1),
        Block(index=1, kind=BlockKind.PARAGRAPH, text="Das Quarkwerk Nord stellt zwei Praktikumsplätze bereit."),
    ]
    record = extract_record(Document(blocks=blocks), nlp, data=b"x", file_name="x.docx")
    assert record.pipeline.name == str(tmp_path / "fake_stat")
    assert record.pipeline.version == "9.9.9"
    org = [i for i in record.institutions if i.name == "Quarkwerk Nord"]
    assert org and org[0].source == "model" and org[0].mentions == [1]


def test_token_pattern_cues_searched_around_rare_anchors_match_a_full_search():
    from protokollant.nlp.components import _COMMON_ANCHOR_WORDS

    nlp = build_pipeline("blank")
    cues = nlp.get_pipe("protokollant_cues")
    # anchored on rare words, never on "zu", "werden", "dass" or "sich"
    anchor_words = {nlp.vocab.strings[a] for a in cues._anchors}
    assert anchor_words and not anchor_words & _COMMON_ANCHOR_WORDS
    doc = nlp(
        "Wir sagen den Auftritt beim Stadtfest ab. Die Satzung soll im Mai beschlossen werden. "
        "Frau Berger berichtet, dass der Rat zugestimmt hat. Herr Rasche hat sich um 19 Uhr verabschiedet. "
        "Der Vorstand stellt den Antrag, die Änderung zu beschließen, und lässt sie beschließen zu lassen. "
        "Es wird zu viel werden, dass sich alle einigen."
    )
    assert sorted(cues._token_matches(doc)) == sorted(cues.token_matcher(doc))
    assert {nlp.vocab.strings[m] for m, _, _ in cues._token_matches(doc)} == {
        "AGREEMENT|wir-trennbares-verb", "FUTURE|erst-zu-beschliessen", "REPORTED|berichtet-dass", "OVERRIDE|sich-verabschieden",
    }


def test_german_number_words_are_like_num():
    nlp = build_pipeline("blank")
    doc = nlp("Es stimmten neun dafür, einundzwanzig dagegen, ein Mitglied enthielt sich; 1.000 und 3/4 sind Zahlen, die zehnte nicht.")
    assert [t.text for t in doc if t.like_num] == ["neun", "einundzwanzig", "1.000", "3", "4"]
    # spaCy's own test still holds for what it covers: a signed number is one
    assert numbers.like_num("-5") and numbers.like_num("±3") and not numbers.like_num("ein")
