"""Providing something ("… stellt … zur Verfügung"): a person who does it commits to a task; a body
states what it offers; "stellt sich … zur Verfügung" is a candidacy. Word files rendered from
markup (``record``: tests/extract/conftest.py)."""


def test_a_person_providing_something_has_a_task(record):
    r = record("""= Netzwerktreffen Schulsozialarbeit
Datum: 06.05.2026
Anwesend: Martin Vogt, Petra Klein
# TOP 1 Fortbildung
Herr Vogt stellt die Präsentation allen Mitgliedern zur Verfügung.
Die ABH stellt dafür eine Checkliste zur Verfügung.
# TOP 2 Wahlen
Frau Klein stellt sich als Kassenprüferin zur Verfügung.
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [
        ("Herr Vogt stellt die Präsentation allen Mitgliedern zur Verfügung.", ["Herr Vogt"])]
