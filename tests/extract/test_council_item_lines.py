"""Council minutes introduce each item as "Zu 2. Einwohnerfragestunde", "Zu TOP 4 (Konfirmation
2026): <its text>" or "Zu Punkt 2 der Tagesordnung (Verkehrsberuhigung) <its text>": the item's
name is the typed title or the bracket, however long the paragraph goes on. Word files rendered
from markup (``record``: tests/extract/conftest.py)."""

LONG = " Die Sitzung wurde nach ausführlicher Beratung mit allen Beteiligten und den anwesenden Gästen fortgesetzt, wobei mehrere Wortmeldungen zu Einzelheiten erfolgten."


def test_zu_n_item_lines(record):
    r = record("""= Niederschrift über die 12. Sitzung des Sozialausschusses
Anwesend: Hr. Kessler, Fr. Brandl
Zu 1. Eröffnung, Feststellung der Beschlussfähigkeit
Der Vorsitzende eröffnete die Sitzung.
Zu 2. Einwohnerfragestunde
Eine Anwohnerin fragte nach dem Spielplatz.
Zu 3. Bericht der Verwaltung
Fr. Rieger berichtete über die Zahlen.
""")
    assert [(t.number, t.title) for t in r.topics] == [
        ("1", "Eröffnung, Feststellung der Beschlussfähigkeit"), ("2", "Einwohnerfragestunde"), ("3", "Bericht der Verwaltung")]


def test_bracketed_item_names_before_long_text(record):
    r = record(f"""= Protokoll der Sitzung des Kirchengemeinderats
Anwesend: Hr. Kessler, Fr. Brandl
Zu TOP 1 (Haushaltsplan 2026): Der Haushaltsplan wurde einstimmig beschlossen.{LONG}
Zu TOP 2 (Konfirmation 2026): Die Konfirmation findet am 3. Mai statt.{LONG}
Zu TOP 3 (Personal) berichtet die Vorsitzende über die Stelle der Mesnerin.{LONG}
""")
    assert [(t.number, t.title) for t in r.topics] == [("1", "Haushaltsplan 2026"), ("2", "Konfirmation 2026"), ("3", "Personal")]
    r = record(f"""= Protokoll der öffentlichen Sitzung des Bezirksbeirats
Anwesend: Hr. Kessler, Fr. Brandl
Zu Punkt 1 der Tagesordnung (Bürgerfragestunde) fragt eine Anwohnerin nach der Straßenbeleuchtung.{LONG}
Zu Punkt 2 der Tagesordnung (Verkehrsberuhigung Lindenstraße) stellt Herr Vogt die Planung vor.{LONG}
""")
    assert [(t.number, t.title) for t in r.topics] == [("1", "Bürgerfragestunde"), ("2", "Verkehrsberuhigung Lindenstraße")]
