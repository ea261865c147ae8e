"""Passive voice in minutes: with "wird"/"werden" and a participle the subject is acted on
("Der Verein wird … eingeladen"), so it owns no task; a future ("wird … einladen") and a
request ("wird gebeten, …") still give the subject its task. Word files rendered from markup
(``record``: tests/extract/conftest.py)."""
from protokollant.extract.lexicon import past_participle


def test_strong_participles_are_told_from_infinitives():
    assert past_participle("eingeladen") and past_participle("angeschrieben") and past_participle("aufgenommen")
    # infinitives and zu-infinitives end alike but are no participles
    assert not any(past_participle(w) for w in ("einladen", "erarbeiten", "mitzuteilen", "vorzulegen", "gebeten"))


def test_the_subject_of_a_passive_owns_no_task(record):
    r = record("""= Sitzung des Integrationsbeirats
Datum: 04.12.2025
Anwesend: Fr. Aydın, Hr. Celik, Petra Klein
# TOP 1 Beiratswahl
Der Verein wird zur Informationsveranstaltung vor der Beiratswahl eingeladen.
Die Hauptschule wird möglichst in das Projekt einbezogen.
Die Nachrückerin wird von der Geschäftsstelle angeschrieben.
Der Vorstand wird die Einladung bis Freitag verschicken.
c) Die Geschäftsstelle wird gebeten, die Sitzungstermine per Umfrage abzustimmen und bis Ende Oktober mitzuteilen.
""")
    assert [(a.evidence.text.split()[1], [o.name for o in a.responsible]) for a in r.action_items] == [
        ("Nachrückerin", ["Geschäftsstelle"]),
        ("Vorstand", ["Vorstand"]),
        ("Die", ["Geschäftsstelle"]),
    ]
