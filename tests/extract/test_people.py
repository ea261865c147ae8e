"""Attendance parsing and resolving initials / short names against it."""
from protokollant.extract.people import PeopleIndex, parse_people


def test_parse_attendance_line_with_roles_and_honorifics():
    people = parse_people("Frau Dr. Anna Yilmaz (Referat Migration und Integration), Herr Jonas Becker (Jobcenter); Frank Löffler und Daniel Nüst")
    assert [p.name for p in people] == ["Anna Yilmaz", "Jonas Becker", "Frank Löffler", "Daniel Nüst"]
    assert people[0].role == "Referat Migration und Integration"
    assert [p.initials for p in people] == ["AY", "JB", "FL", "DN"]


def test_non_names_are_dropped():
    assert parse_people("keine") == []
    assert parse_people("-") == []


def test_resolve_initials_first_and_last_names():
    index = PeopleIndex()
    for p in parse_people("Frank Löffler, Florian Thiery, Bernadette Fritzsch, Stephan Janosch"):
        index.add(p)
    assert index.resolve("FL").name == "Frank Löffler"
    assert index.resolve("Frau Fritzsch").name == "Bernadette Fritzsch"
    assert index.resolve("Stephan").name == "Stephan Janosch"
    assert index.resolve("XY") is None


def test_ambiguous_initials_resolve_to_nobody():
    index = PeopleIndex()
    for p in parse_people("Frank Löffler, Fritz Lang"):
        index.add(p)
    assert index.resolve("FL") is None


def test_an_unknown_first_name_in_a_list_of_first_names_is_a_person_not_a_role():
    people = parse_people("Karina, Petra, Manu, Oda, Levin, Nadine")
    assert [p.name for p in people] == ["Karina", "Petra", "Manu", "Oda", "Levin", "Nadine"]
    assert all(p.role is None for p in people)
    # a role after a full name stays a role, and a common noun in a first-name list too
    assert [(p.name, p.role) for p in parse_people("Sven Kowalski, Jobcenter, Petra, Karina")] == [
        ("Sven Kowalski", "Jobcenter"), ("Petra", None), ("Karina", None)]
    assert [(p.name, p.role) for p in parse_people("Petra, Protokoll, Karina, Levin")] == [
        ("Petra", "Protokoll"), ("Karina", None), ("Levin", None)]


def test_a_short_sign_in_brackets_is_the_persons_sign_not_a_role():
    people = parse_people("Jule (J), Konrad (KO), Anna Schmidt (AS), Frau Petra Lang (IHK)")
    assert [(p.name, p.role, p.initials) for p in people] == [
        ("Jule", None, "J"), ("Konrad", None, "KO"), ("Anna Schmidt", None, "AS"), ("Petra Lang", "IHK", "PL")]
    index = PeopleIndex()
    for person in people:
        index.add(person)
    assert index.resolve("J").name == "Jule"
    assert index.resolve("KO").name == "Konrad"
    assert index.resolve("B") is None  # one letter only as a sign someone was given


def test_one_letter_signs_of_a_pad_own_their_tasks(record):
    r = record("""Plenum Lastenrad – 3.3.26
anwesend: Jule (J), Konrad (KO), Mina (M), Ferdi (F), Ole (O)
**1. Räder**
- Ersatzteile ca. 85 € -> ok vom Plenum, O bestellt bis Ende nächster Woche
- M fragt beim Stadtteilbüro schriftlich an, Antwort möglichst bis zum April-Plenum
- F stellt das bis 15.3. im Tool um
""")
    assert [[o.name for o in a.responsible] for a in r.action_items] == [["O"], ["M"], ["F"]]
