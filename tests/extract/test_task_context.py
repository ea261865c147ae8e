"""A bare commitment ("Tim kümmert sich.", "Fabi fragt an") takes what is to be done from the sentence
before it on the same line, so the action list says what the task is; a vote before it decided
the matter and stays out. Word files rendered from markup (``record``: tests/extract/conftest.py)."""


def test_a_bare_commitment_takes_its_matter_from_the_sentence_before(record):
    r = record("""= Orgatreffen Radinitiative
Datum: 03.06.2025
Anwesend: Fabi, Anna Klein, Tim Vogt
# TOP 1 Sommerfest
- Getränke für das Sommerfest? Tim kümmert sich.
- Musik: Lastenrad mit Anlage vom Kulturzentrum? Fabi fragt an
- Neue Pumpe ca. 90 €. → alle dafür, aus der Spendenkasse kaufen. Anna bestellt.
- Tim kümmert sich um die Bänke.
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [
        ("Getränke für das Sommerfest? Tim kümmert sich.", ["Tim"]),
        ("Musik: Lastenrad mit Anlage vom Kulturzentrum? Fabi fragt an", ["Fabi"]),
        ("Anna bestellt.", ["Anna"]),
        ("Tim kümmert sich um die Bänke.", ["Tim"]),
    ]
