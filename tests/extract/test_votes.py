"""Vote parsing on the forms German minutes use."""
import pytest

from protokollant.extract.votes import parse_vote
from protokollant.schema import Outcome


@pytest.mark.parametrize(
    "text, yes, no, abstain, unanimous, outcome",
    [
        ("Der Antrag wird einstimmig angenommen.", None, 0, None, True, Outcome.ACCEPTED),
        ("Im Konsens beschlossen.", None, 0, None, True, Outcome.ACCEPTED),
        ("Der Antrag wird mit 5/0/1 angenommen.", 5, 0, 1, False, Outcome.ACCEPTED),
        ("Abstimmung: 5:0:1", 5, 0, 1, False, Outcome.ACCEPTED),
        ("5 Ja, 1 Nein, 2 Enthaltungen – angenommen", 5, 1, 2, False, Outcome.ACCEPTED),
        ("Ja: 8, Nein: 5, Enthaltungen: 1, Befangen: 0", 8, 5, 1, False, Outcome.ACCEPTED),
        ("Mit 8 Ja-Stimmen bei 5 Nein-Stimmen und 1 Enthaltung mehrheitlich beschlossen.", 8, 5, 1, False, Outcome.ACCEPTED),
        ("Einstimmig bei einer Enthaltung angenommen.", None, 0, 1, False, Outcome.ACCEPTED),
        ("Abstimmung (+7, -0, o1)", 7, 0, 1, False, Outcome.ACCEPTED),
        ("Der Antrag wird mit 2/6/0 abgelehnt.", 2, 6, 0, False, Outcome.REJECTED),
        ("Mehrheitlich abgelehnt.", None, None, None, False, Outcome.REJECTED),
        ("mit 9 Ja-Stimmen, 0 Gegenstimmen und 1 Enthaltung angenommen", 9, 0, 1, False, Outcome.ACCEPTED),
        # the labels "dafür", "dagegen", "enthalten", "Zustimmung", "Ablehnung" before their counts
        ("Abstimmung: dafür 63 / dagegen 3 / enthalten 1", 63, 3, 1, False, Outcome.ACCEPTED),
        ("Dafür: 12, Dagegen: 0", 12, 0, None, False, Outcome.ACCEPTED),
        ("Zustimmung 3, Ablehnung 7, Enthaltung 0", 3, 7, 0, False, Outcome.REJECTED),
        ("Ja: 5, Nein: 2, Enth.: 1", 5, 2, 1, False, Outcome.ACCEPTED),
    ],
)
def test_vote_forms(text, yes, no, abstain, unanimous, outcome):
    vote = parse_vote(text)
    assert vote is not None
    assert (vote.yes, vote.no, vote.abstain, vote.unanimous, vote.outcome) == (yes, no, abstain, unanimous, outcome)


@pytest.mark.parametrize(
    "text",
    [
        "Die Sitzung beginnt um 14:00 Uhr.",
        "Siehe § 2 Abs. 3 der Satzung.",
        "Die Kosten liegen bei 15,50 € pro Person.",
        "Termin ist der 12.03.2026.",
        "TOP 3.2 wird verschoben.",
    ],
)
def test_no_vote_in_ordinary_sentences(text):
    assert parse_vote(text) is None


@pytest.mark.parametrize("text, counts", [
    ("Abstimmungsergebnis: Ja 52, Nein 2, Enthaltung 4", (52, 2, 4)),
    ("Ja 7 Nein 0 Enthaltung 1", (7, 0, 1)),
    ("5 Ja 2 Nein 1 Enthaltung", (5, 2, 1)),
    ("Ja-Stimmen: 5 Nein-Stimmen: 1", (5, 1, None)),
    ("Enthaltung: 3, Ja: 5, Nein: 1", (5, 1, 3)),
    ("Der Antrag wurde mit 25:10 Stimmen angenommen.", (25, 10, None)),
])
def test_counts_after_their_labels_and_pairs_of_counts(text, counts):
    vote = parse_vote(text)
    assert (vote.yes, vote.no, vote.abstain) == counts
