"""Institution recognition: a spaCy component plus data files.

The component ``protokollant_institutions`` sets ``doc.spans["institutions"]``,
a SpanGroup of non-overlapping spans (longest wins).  Each span has

* ``label_``  – a category ("behoerde", "kammer", "ministerium", "gremium",
  "partei", "verein", "verband", "unternehmen", "hochschule", "medien",
  "netzwerk", ... or "ORG" when unknown), and
* ``kb_id_`` – the canonical name (nominative, fullest form), e.g. the span
  "des Amtsgerichts" has kb_id "Amtsgericht", "IHK" has kb_id
  "Industrie- und Handelskammer".

``SpanGroup.attrs["aliases"]`` maps canonical names to abbreviations the
document itself introduced ("Regionales Integrationsnetzwerk IQ Leipzig
(LeIQ)").  ``collect_institutions(docs)`` merges the spans of several docs
(blocks of one document) into one list of institutions.

All vocabulary lives in data files (default: ``models_dir()/institutions``):

``registry.jsonl``
    one JSON object per line: ``{"name": canonical, "aliases": [...],
    "kind": category}``, optional ``"forms"`` (extra surface forms that are
    matched but not reported as aliases), ``"exact"`` (aliases that are always
    matched case-sensitively), ``"case_sensitive": true`` (all strings of the
    entry are matched case-sensitively), ``"gender": "m"|"f"|"n"`` (to derive
    genitive forms when the head noun is not in the head rules) and
    ``"match_name": false`` (match only the aliases).  Full names are matched
    case-insensitively (PhraseMatcher on LOWER, with derived genitive and
    adjective forms: "des Deutschen Roten Kreuzes"); abbreviations (a token
    with two capitals, or a single token of at most four characters) are
    matched case-sensitively (PhraseMatcher on ORTH).
``patterns.jsonl``
    ``{"type": "head", ...}`` lines describe German institution head nouns,
    matched as word suffixes ("amt" matches "Jugendamt", "Bezirksamtes"):
    ``kind``, ``gender``, ``plural`` (nominative plural forms),
    ``standalone`` ("all": the noun alone is an institution, "compound": only
    compounds like "Sozialausschuss", "none": needs a complement, a name or a
    capitalised adjective), ``compounds`` (false: only the bare noun is a head,
    e.g. "Referat"), ``complement`` ("Amt für Jugend, Familie und Bildung"),
    ``gen_complement`` ("Bundesministerium der Justiz"), ``names`` (how many
    name tokens may follow: "Verein Black Dog", "Stadt Leipzig"), ``mode``
    ("name": proper names; "topic": subject nouns as in "Referat Migration
    und Integration"), ``left`` (needs a modifier on the left, for newspapers:
    "Leipziger Volkszeitung"), ``quoted`` (a quoted name may follow:
    Arbeitsgruppe „Ausbildung und Arbeit“), ``list_institutions`` (the
    complement may name other institutions: "Ausschuss für Soziales, Jobcenter
    und Bürgerdienste").
    ``{"type": "matcher", ...}`` lines hold spaCy Matcher token patterns for
    anchors such as legal forms ("e.V.", "GmbH") and prefix abbreviations
    ("AG Bürgernetz", "TU Dresden"), with ``extend`` ("left"/"right"),
    ``max`` tokens, ``mode`` and ``min_ext`` describing how the name is
    collected around the anchor.
``lexicon.json``
    word lists of the grammar (articles, prepositions, name breaks, place
    suffixes, adjectives, legal forms, quotes).
``stoplist.txt``
    names that are dropped when a span's canonical name equals them
    (generic organs, roles, events, software and platforms) and ``*suffix``
    lines for compounds that are not institutions ("*ehrenamt").
``places.txt``
    place names: dropped when they stand alone (e.g. a statistical NER's ORG),
    attached to a preceding institution ("Jobcenter Leipzig").

When the pipeline has a statistical NER, ``ORG`` entities (configurable) that
are not excluded are added as well.
"""
from .collect import collect_institutions
from .data import (  # noqa: F401  (FILES, SPANS_KEY, HeadRule: importable from here as before)
    FILES,
    SPANS_KEY,
    HeadRule,
    InstitutionData,
    aliases_for,
    canonical_name,
    default_data_dir,
    load_data,
)
from .naming import genitive_forms  # noqa: F401
# importing the recognizer registers the spaCy factory "protokollant_institutions"
from .recognizer import InstitutionRecognizer, make_institution_recognizer  # noqa: F401

__all__ = [
    "InstitutionData",
    "InstitutionRecognizer",
    "aliases_for",
    "canonical_name",
    "collect_institutions",
    "default_data_dir",
    "load_data",
]