"""Memos and telephone notes are written by one person who notes their own tasks in the first
person; the header's "Von:" / "Notiz:" / "Protokoll:" names who that is. Word files rendered
from markup (``record``: tests/extract/conftest.py)."""


def test_the_authors_own_commitments_are_their_tasks(record):
    r = record("""Betreff: Kurzprotokoll Telefonat Sozialamt / GU Lerchenweg (12.02.2026)
Von: Roth, Stefanie (Sozialamt, Abteilung Unterbringung)
Teilnehmende: Stefanie Roth, Hr. Paulsen (GU Lerchenweg)
1) Belegung
Aktuell 84 von 90 Plätzen belegt.
Ich kläre bis Mittwoch mit der Notunterkunft, ob 5 Plätze frei sind, und gebe Hr. Paulsen Bescheid.
Das sehe ich kritisch (Brandschutz).
2) Hausaufgabenhilfe
Das kläre ich mit Fr. Wenzel, Rückmeldung in der nächsten Runde.
Hr. Paulsen schickt die Belegungsliste bis Freitag.
Falls ich etwas vergessen habe, bitte bis Freitag melden.
""")
    assert [(a.evidence.text[:16], [o.name for o in a.responsible]) for a in r.action_items] == [
        ("Ich kläre bis Mi", ["Stefanie Roth"]),
        ("Das kläre ich mi", ["Stefanie Roth"]),
        ("Hr. Paulsen schi", ["Hr. Paulsen"]),
    ]
