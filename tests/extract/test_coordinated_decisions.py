"""Two resolutions joined in one sentence are two decisions (extract/coordinated.py)."""


def test_each_resolution_with_its_own_vote_or_sequence_word_is_a_decision(record):
    r = record("""= Protokoll der Jahreshauptversammlung des Fördervereins Grundschule Lindenhof
Datum: 12.04.2026
# TOP 3 Entlastung
Zuerst wird Hr. Walter als Kassierer einstimmig entlastet, darauf wird der Vorstand einstimmig entlastet.
# TOP 4 Haushalt
Mit 48-1-4 Stimmen wird der Haushaltsentwurf angenommen und zugleich die Erhöhung des Beitrags auf 10 Euro beschlossen.
""")
    assert [d.text for d in r.decisions] == [
        "Zuerst wird Hr. Walter als Kassierer einstimmig entlastet",
        "darauf wird der Vorstand einstimmig entlastet.",
        "Mit 48-1-4 Stimmen wird der Haushaltsentwurf angenommen",
        "zugleich die Erhöhung des Beitrags auf 10 Euro beschlossen.",
    ]
    assert [d.topic_index for d in r.decisions] == [0, 0, 1, 1]
    assert r.decisions[1].vote is not None and r.decisions[1].vote.unanimous
    # each keeps its clause as the passage a reader finds (the line holds two decisions)
    assert r.decisions[0].evidence.text == "Zuerst wird Hr. Walter als Kassierer einstimmig entlastet"


def test_one_resolution_in_several_clauses_stays_one(record):
    r = record("""= Niederschrift über die Sitzung des Bauausschusses
Datum: 12.04.2026
# TOP 5 Bauantrag Neubau Einfamilienhaus
Dem Bauantrag wird das gemeindliche Einvernehmen erteilt, der Befreiung wird zugestimmt.
# TOP 6 Satzung
Der Ausschuss beschließt, die Satzung zu ändern, und stimmt dem Entwurf einstimmig zu.
Wir haben uns darauf verständigt, den Start zum 04.05.2026 anzustreben und nicht bis zum Schuljahr zu warten.
Es wird beschlossen, dass der Antrag angenommen wird.
""")
    assert [d.text for d in r.decisions] == [
        "Dem Bauantrag wird das gemeindliche Einvernehmen erteilt, der Befreiung wird zugestimmt.",
        "Der Ausschuss beschließt, die Satzung zu ändern, und stimmt dem Entwurf einstimmig zu.",
        "Wir haben uns darauf verständigt, den Start zum 04.05.2026 anzustreben und nicht bis zum Schuljahr zu warten.",
        "Es wird beschlossen, dass der Antrag angenommen wird.",
    ]
