"""Checks for the owner-detection word lists in models/names/.

first_names.txt      given names that mark a person as task owner ("Thomas erstellt ...")
not_owner_words.txt  capitalised sentence starts that are never an owner ("Tagesordnung wird ...")
group_words.txt      groups, bodies and offices that can own a task ("Vorstand klärt ...")
surnames.txt         common surnames that are also words ("-> Wagner" names a person, "-> Terminsuche" does not)
group_suffixes.txt   heads of compounds naming a group ("Festkomitee kümmert sich ...")

File format (all of them): UTF-8, NFC, "#" comment lines at the top, then one entry per line,
no blank lines, no surrounding whitespace, no duplicates, sorted by Python's sorted().
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

NAMES_DIR = Path(__file__).resolve().parents[2] / "models" / "names"
FILES = ["first_names.txt", "not_owner_words.txt", "group_words.txt", "surnames.txt", "group_suffixes.txt"]


def load(name: str) -> list[str]:
    """Entries of one list file in file order (comment lines skipped)."""
    raw = (NAMES_DIR / name).read_bytes()
    text = raw.decode("utf-8")  # strict: raises on invalid UTF-8
    assert not text.startswith("\ufeff"), f"{name}: byte order mark"
    assert "\r" not in text, f"{name}: CR line endings"
    assert text.endswith("\n"), f"{name}: no final newline"
    lines = text[:-1].split("\n")
    assert lines[0].startswith("#"), f"{name}: no header comment"
    entries = []
    for no, line in enumerate(lines, 1):
        assert line.strip(), f"{name}:{no}: blank line"
        if line.startswith("#"):
            assert not entries, f"{name}:{no}: comment after the first entry"
            continue
        assert line == line.strip(), f"{name}:{no}: surrounding whitespace in {line!r}"
        assert unicodedata.is_normalized("NFC", line), f"{name}:{no}: not NFC: {line!r}"
        entries.append(line)
    return entries


@pytest.fixture(scope="module")
def first_names() -> list[str]:
    return load("first_names.txt")


@pytest.fixture(scope="module")
def not_owner() -> list[str]:
    return load("not_owner_words.txt")


@pytest.fixture(scope="module")
def groups() -> list[str]:
    return load("group_words.txt")


# ------------------------------------------------------------------ format
@pytest.mark.parametrize("name", FILES)
def test_sorted_unique(name):
    entries = load(name)
    dupes = sorted({e for e in entries if entries.count(e) > 1})
    assert not dupes, f"{name}: duplicates {dupes}"
    assert entries == sorted(entries), f"{name}: not sorted"


def test_sizes(first_names, not_owner, groups):
    assert 2500 <= len(first_names) <= 4000
    assert len(not_owner) >= 300
    assert 60 <= len(groups) <= 150


# a given name: letters, parts joined by single hyphens ("Karl-Heinz"), capitalised
NAME_RE = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def test_name_shape(first_names):
    bad = [n for n in first_names if not NAME_RE.match(n) or not n[0].isupper() or n.isupper()]
    assert not bad, bad


def test_words_capitalised(not_owner, groups):
    bad = [w for w in not_owner + groups if not w[0].isupper() or " " in w]
    assert not bad, bad


# ------------------------------------------------------------------ exclusions
# Words that start German minutes sentences (or are capitalised German words
# sharing a spelling with a given name) and must never count as a first name.
NOT_NAMES = """
Tagesordnung Protokoll Antrag Betriebe Ende Mai Stein Ernst Mark Heide Sonne Rose Kraft Wolf Kosten Frage
Beschluss Vorschlag Thema Termin Stand Einladung Mitglieder Hinweis Info Bericht Diskussion Abstimmung Sitzung
Treffen Liste Webseite Mail Flyer Raum Veranstaltung Budget Kasse Ergebnis Rückmeldung Anfrage Vertrag Konzept
Entwurf Aufgabe Ziel Idee Planung Organisation Anmeldung Vorstand Team Alle Juni Juli August April Winter Sommer
Engel Linde Lilie Berg Will Nur An Per Gut Klar Jung Alt Hoffnung Gabe Lust Dank Star Golf Anders Solange Davor
Roma Olympia Tor Tore Bart Fee Urban Silvester Hagen Gift Samba Flora Aster Rosa Paris Florenz Amsel Treu Selig
Fein Fuchs Bach Okay Mentor Kader Meta Lama Wale Ross Olive Saga Maxime Luke Klementine Rosine Penny
""".split()


def test_not_names_absent(first_names):
    lowered = {n.casefold() for n in first_names}
    found = [w for w in NOT_NAMES if w.casefold() in lowered]
    assert not found, f"German words listed as first names: {found}"


def test_lists_disjoint(first_names, not_owner, groups):
    names = {n.casefold() for n in first_names}
    words = {w.casefold() for w in not_owner}
    group_set = {g.casefold() for g in groups}
    assert not names & words, sorted(names & words)
    assert not names & group_set, sorted(names & group_set)
    assert not words & group_set, sorted(words & group_set)


# ------------------------------------------------------------------ coverage
NAMES = """
Thomas Julia Katja Kathi Flo Basti Steffi Jil Beda Burkhard Claudia Christian Frank Florian Bernadette Stephan
Daniel Martin Sven Petra Laura Kai Jana Ali Hans Anna Maria Peter Michael Sabine Andrea Ursula Helga Wolfgang
Jürgen Klaus Heike Stefanie Lukas Leon Emma Mia Sophie Ben Paul Finn Hannah Lea Jonas Elena Tobias Miriam
Gerd Renate Gisela Horst Uwe Ute Mandy Dennis Karl-Heinz Anna-Lena Reto Urs Sepp Vreni
Mehmet Ayşe Ayse Aylin Ahmet Murat Zeynep Elif Emre Fatima Mohammed Ahmad Yusuf Omar Samir Leila Reza Shirin
Azad Berivan Agnieszka Piotr Katarzyna Tomasz Olena Dmytro Nikolai Sergej Natalia Oksana Irina Goran Jelena
Marko Ivana Giuseppe Francesca Alessandro Carlos Lucía João Dimitrios Eleni Andrei Ioana Minh Linh Thanh
Kwame Fatou Amadou Chioma John Jennifer Kevin Jessica
""".split()


def test_typical_names_present(first_names):
    present = set(first_names)
    missing = [n for n in NAMES if n not in present]
    assert not missing, f"missing first names: {missing}"


def test_core_words_present(not_owner, groups):
    words = set(not_owner)
    for w in ["Tagesordnung", "Protokoll", "Antrag", "Beschluss", "Vorschlag", "Thema", "Termin", "Stand",
              "Einladung", "Betriebe", "Kosten", "Frage", "Hinweis", "Info", "Bericht", "Diskussion",
              "Abstimmung", "Sitzung", "Treffen", "Liste", "Webseite", "Mail", "E-Mail", "Flyer", "Raum",
              "Veranstaltung", "Budget", "Ergebnis", "Rückmeldung", "Anfrage", "Vertrag", "Konzept",
              "Entwurf", "Aufgabe", "Ziel", "Idee", "Planung", "Organisation", "Anmeldung",
              "Ich", "Wir", "Sie", "Die", "Dann", "Außerdem", "Und", "Ende", "Mai"]:
        assert w in words, w
    group_set = set(groups)
    for g in ["Vorstand", "Geschäftsstelle", "Verwaltung", "Arbeitsgruppe", "AG", "Arbeitskreis", "AK", "Team",
              "Orga-Team", "Orgateam", "Redaktion", "Kasse", "Kassenwart", "Präsidium", "Fraktion", "Ausschuss",
              "Gremium", "Alle", "Plenum", "Mitglieder", "Geschäftsführung", "Leitung", "Sekretariat",
              "Fachschaft", "Fachschaftsrat", "Projektgruppe", "Steuergruppe", "Elternbeirat", "Schulleitung",
              "Kollegium", "Hausmeister"]:
        assert g in group_set, g
