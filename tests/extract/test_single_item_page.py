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
