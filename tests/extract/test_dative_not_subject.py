"""A noun after "dem"/"den"/"einem"/"einen" is a dative or an accusative: never the subject that does
the task ("Dem Ortsbeirat wird das Material übergeben", "Wir schicken dem GMSH einen Entwurf");
"bittet den Magistrat, …" still names the one asked. Word files rendered from markup
(``record``: tests/extract/conftest.py)."""


def test_a_dative_is_not_the_one_who_does_it(record):
    r = record("""= Protokoll der Sitzung des Ortsbeirats
Datum: 14.03.2026
Anwesend: Petra Klein, Martin Vogt
# TOP 1 Lärmaktionsplan
Dem Ortsbeirat wird das Material zur Lärmaktionsplanung übergeben.
Wir schicken dem Bauamt einen Vertragsentwurf.
# TOP 2 Verkehr
Der Ortsbeirat bittet den Magistrat, eine Querungshilfe zu planen.
""")
    owners = {a.evidence.text: [o.name for o in a.responsible] for a in r.action_items}
    assert "Ortsbeirat" not in owners.get("Dem Ortsbeirat wird das Material zur Lärmaktionsplanung übergeben.", [])
    assert "Bauamt" not in owners.get("Wir schicken dem Bauamt einen Vertragsentwurf.", [])
    assert owners["Der Ortsbeirat bittet den Magistrat, eine Querungshilfe zu planen."] == ["Magistrat"]
