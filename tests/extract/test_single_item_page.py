"""A council information system's page of one agenda item keeps the item's number as Word
numbering: the body's only numbered item, short and no sentence, names the item when its text
follows. Word files rendered from markup (``record``: tests/extract/conftest.py)."""


def test_the_one_numbered_item_of_a_session_report_is_its_topic(record):
    r = record("""Sitzung Gemeinderat Kirchdorf
= Kurzbericht zur Sitzung vom 27.04.2021
Im öffentlichen Teil der Sitzung wurden nachfolgende Themen behandelt:
#. Bürgerfrageviertelstunde
Ein Bürger fragte nach dem Stand des Radwegs zum Wasserturm.
Der Vorsitzende sagte zu, die Machbarkeit bis zur nächsten Sitzung prüfen zu lassen.
""")
    assert [t.title for t in r.topics] == ["Bürgerfrageviertelstunde"]


def test_one_numbered_sentence_is_no_topic(record):
    r = record("""= Kurzbericht zur Sitzung vom 27.04.2021
#. Der Gemeinderat beschließt die Sanierung des Feldwegs.
Die Kosten trägt die Gemeinde.
""")
    assert r.topics == []


def test_the_section_labels_of_an_item_page_are_no_topics(record):
    # A council information system's page of one item: the title line names the item, the
    # system's own section headings ("Grunddaten", "Beratungsfolge", "Wortprotokoll") are no items.
    r = record("""# 16.10.2018 - 19 Sonstiges
## Grunddaten
| TOP: | Ö 19 |
| Gremium: | Gemeindevertretung Dorf Mecklenburg |
| Datum: | Di., 16.10.2018 |
## Beratungsfolge
| Gemeindevertretung | 16.10.2018 | öffentlich |
## Wortprotokoll
Herr Tribukeit fragt an, wer das Vorbereitungskomitee für das Dorffest verstärken möchte.
""")
    assert [(t.number, t.title) for t in r.topics] == [("19", "Sonstiges")]
