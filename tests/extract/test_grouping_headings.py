"""Pad-style minutes group their items under headings ("# Technisches" › "## Router"): when every
top-level heading only groups (no text of its own, at least two deeper headings right below),
the deeper headings are the agenda items; a top-level heading with text of its own is an item.
Word files rendered from markup (``record``: tests/extract/conftest.py)."""


def test_headings_that_only_group_are_no_agenda_items(record):
    r = record("""= Protokoll Plenum Freifunk Nordstadt 12.03.2026
Anwesend: Jana, Olli, Mehmet
# Technisches
## Router-Firmware
Neue Version läuft auf allen Knoten.
## Richtfunk Kirchturm
Genehmigung der Gemeinde liegt vor.
# Organisatorisches
## Kasse
Kontostand 412 Euro.
## Getränke
Kasten Mate wird bestellt.
""")
    assert [t.title for t in r.topics] == ["Router-Firmware", "Richtfunk Kirchturm", "Kasse", "Getränke"]


def test_a_top_level_heading_with_text_of_its_own_is_an_item(record):
    r = record("""= Protokoll Plenum Freifunk Nordstadt 12.03.2026
Anwesend: Jana, Olli, Mehmet
# Technisches
Die Technik-AG hat sich zweimal getroffen.
## Router-Firmware
Neue Version läuft auf allen Knoten.
## Richtfunk Kirchturm
Genehmigung der Gemeinde liegt vor.
# Organisatorisches
## Kasse
Kontostand 412 Euro.
## Termine
Termin wird per Umfrage gesucht.
""")
    assert [t.title for t in r.topics] == ["Technisches", "Organisatorisches"]
