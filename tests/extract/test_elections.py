"""Elections by the body in the active voice ("Die Versammlung wählt Frau Klein zur Kassiererin") are
decisions like "… wird gewählt"; an election announced or held by others is not. Word files
rendered from markup (``record``: tests/extract/conftest.py)."""


def test_the_body_electing_someone_to_an_office_decides(record):
    r = record("""= Protokoll der Mitgliederversammlung
Datum: 14.03.2026
Anwesend: Petra Klein, Martin Vogt
# TOP 4 Wahlen
Die Versammlung wählt Frau Klein zur Kassiererin.
Die Mitglieder wählen Herrn Vogt als Schriftführer.
# TOP 5 Verschiedenes
Die Bürger wählen im Mai einen neuen Gemeinderat.
Hr. Vogt wies auf die Kampagne „Vielfalt wählt“ zur Kommunalwahl hin.
""")
    assert [d.text for d in r.decisions] == [
        "Die Versammlung wählt Frau Klein zur Kassiererin.", "Die Mitglieder wählen Herrn Vogt als Schriftführer."]
