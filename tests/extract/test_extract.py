"""Decisions and action items from German sentences, through the offline German pipeline."""
import contextlib
import json
import shutil
from datetime import date

import pytest

from protokollant.document import Block, BlockKind, Document
from protokollant.extract.minutes import extract_record
from protokollant.extract.vocabulary import action_cues, decision_cues
from protokollant.nlp.pipeline import load_pipeline
from protokollant.paths import models_dir

P, H, R = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE_ROW


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("blank")


def record_for(nlp, *paragraphs, header=None):
    blocks = [
        Block(index=0, kind=H, text="Protokoll der Sitzung des Integrationsbeirats am 12.03.2026", heading_level=1),
        Block(index=1, kind=P, text="Anwesend: Frank Löffler, Anna Yilmaz, Jil Berger, Herr Rasche"),
        Block(index=2, kind=H, text="TOP 1: Berichte", heading_level=2),
        Block(index=3, kind=H, text="TOP 2: Planung", heading_level=2),
    ]
    for text in paragraphs:
        if isinstance(text, tuple):  # a table row: (cells, header)
            cells, head = text
            blocks.append(Block(index=len(blocks), kind=R, text=" | ".join(cells), cells=cells, header=head, table_index=0, row_index=len(blocks)))
        else:
            blocks.append(Block(index=len(blocks), kind=P, text=text))
    return extract_record(Document(blocks=blocks), nlp, data=b"x", file_name="t.docx")


@pytest.mark.parametrize(
    "sentence, unanimous, yes",
    [
        ("Der Antrag wird mit 5/0/1 angenommen.", False, 5),
        ("Der Beirat beschließt einstimmig, die Sprechstunde zu verlängern.", True, None),
        ("Wir einigen uns auf den 3. Mai als Aktionstag.", False, None),
        ("Anna Yilmaz wird einstimmig zur Sprecherin gewählt.", True, None),
        # "nach Diskussion" introduces the decision; it is not a hedge like "zur Diskussion gestellt"
        ("Nach kurzer Diskussion wird die Reihenfolge der Vorträge festgelegt.", False, None),
        ("Die Arbeitsgruppen werden per Handzeichen gebildet.", False, None),
        ("Ergebnis der Abstimmung über die Reihenfolge der Projekte:", False, None),
        ("Die Satzung wird verabschiedet.", False, None),
    ],
)
def test_decisions_are_found_with_votes(nlp, sentence, unanimous, yes):
    rec = record_for(nlp, sentence)
    assert len(rec.decisions) == 1, rec.decisions
    d = rec.decisions[0]
    assert d.text == sentence
    assert d.topic_index == 1
    assert d.evidence.block_index == 4
    if yes is not None or unanimous:
        assert d.vote is not None and d.vote.unanimous == unanimous and d.vote.yes == yes


@pytest.mark.parametrize(
    "sentence",
    [
        "Herr Rasche berichtet über die Lage am Ausbildungsmarkt.",
        "Es wird vorgeschlagen, die Sprechstunde zu verlängern.",
        "Der Punkt wird auf die nächste Sitzung vertagt.",
        "Das Protokoll wird noch nicht angenommen.",
        "Soll die Sprechstunde verlängert werden?",
        "Die Verlängerung der Sprechstunde wird diskutiert.",
        "Herr Rasche erläutert, dass die Sprechstunde grundsätzlich allen offensteht.",
        "Grundsätzlich waren alle mit dem Ablauf zufrieden.",
        "Die Fraktion der Grünen sowie die SPD haben dem Antrag zugestimmt.",
        "Wir sagen Bescheid, sobald die Zahlen da sind.",
        # decisions still to be taken, reported from another body, or only suggested
        "Die Satzungsänderung soll auf der nächsten Mitgliederversammlung beschlossen werden.",
        "Hierüber muss der Vorstand noch entschieden werden.",
        "Frau Yilmaz berichtet, dass der Stadtrat die Mittel im Januar beschlossen hat.",
        "Herr Rasche teilt mit, dass der Kreistag den Haushalt einstimmig genehmigt hat.",
        "Der Beirat wolle beschließen:",
        "Herr Rasche schlug vor, per Handzeichen abzustimmen.",
        "Frau Berger regt an, die Satzung vom Notar prüfen zu lassen.",
        # a farewell, not a passed resolution
        "Herr Rasche hat sich um 19 Uhr von der Versammlung verabschiedet.",
        # a modal passive of checking or discussing leaves the matter open
        "Hier soll zunächst die Finanzierung geprüft werden.",
        "Diesbezüglich wurde keine Entscheidung getroffen.",
        "Herr Rasche weist darauf hin, dass der Kreistag den Inklusionsplan bereits 2015 beschlossen hat.",
        "Der Vorsitzende stellt den Antrag, folgende Änderungen an der Satzung des Vereins zu beschließen:",
        "Folgende Punkte wurden vereinbart:",
        "Die Raumfrage soll in der Arbeitsgruppe besprochen werden.",
        # a plan in prose is no decision (in a bullet note it records one: test_phrasing)
        "Der Flohmarkt soll auch zur Werbung genutzt werden.",
        "Die Stelle soll zum 01.01. besetzt werden.",
    ],
)
def test_non_decisions(nlp, sentence):
    assert record_for(nlp, sentence).decisions == []


def test_action_items_with_owners_initials_and_deadlines(nlp):
    rec = record_for(
        nlp,
        "FL schickt die Einladung bis 20.03. an alle Mitglieder.",
        "TODO (Jil): Raum für den Workshop buchen.",
        "Frau Yilmaz klärt mit dem Jobcenter die Fahrtkosten.",
        "Flyer drucken --> FL, AY",
        "Die Liste der Ansprechpartner ist erledigt.",
    )
    items = {a.evidence.block_index: a for a in rec.action_items}
    assert set(items) == {4, 5, 6, 7}
    fl = items[4]
    assert [(r.name, r.kind.value, r.resolved) for r in fl.responsible] == [("FL", "person", "Frank Löffler")]
    assert fl.due is not None and fl.due.date == date(2026, 3, 20)
    assert [r.name for r in items[5].responsible] == ["Jil"]
    assert items[5].task == "Raum für den Workshop buchen."
    assert [r.resolved for r in items[6].responsible] == ["Anna Yilmaz"]
    assert [r.name for r in items[7].responsible] == ["FL", "AY"]
    assert items[7].task == "Flyer drucken"


def test_task_table_rows(nlp):
    head = ["Was", "Wer", "Bis wann"]
    rec = record_for(
        nlp,
        (head, None),
        (["Kontaktliste aktualisieren", "JB", "KW 18"], head),
        (["Raum reservieren", "Herr Rasche", "erledigt"], head),
    )
    assert len(rec.action_items) == 1
    item = rec.action_items[0]
    assert item.task == "Kontaktliste aktualisieren"
    assert [r.name for r in item.responsible] == ["JB"]
    assert item.due is not None and item.due.text == "KW 18" and item.due.date == date(2026, 5, 1)
    assert item.evidence.table_index == 0


def test_record_metadata_and_pipeline_info(nlp):
    rec = record_for(nlp, "Der Antrag wird einstimmig angenommen.")
    assert rec.meeting.date == date(2026, 3, 12)
    assert rec.pipeline.name == "blank:de"
    assert "protokollant_cues" in rec.pipeline.components
    assert [t.title for t in rec.topics] == ["Berichte", "Planung"]


def test_decision_log_table_rows_are_decisions_not_tasks(nlp):
    head = ["Nr.", "Entscheidung", "Begründung", "Verantwortlich"]
    rec = record_for(
        nlp,
        (head, None),
        (["D1", "Die Anwendung wird in drei Container aufgeteilt.", "Trennung der Komponenten", "Projektteam"], head),
    )
    assert [d.text for d in rec.decisions] == ["Die Anwendung wird in drei Container aufgeteilt."]
    assert rec.decisions[0].evidence.table_column == 1
    assert rec.action_items == []


def test_a_vote_result_line_with_an_article_belongs_to_the_decision_before_it(nlp):
    rec = record_for(
        nlp,
        "Per Handzeichen wird über die Entlastung des Vorstands abgestimmt.",
        "Das Ergebnis der Abstimmung: 8 Ja-Stimmen, 1 Nein-Stimme und keine Enthaltungen.",
    )
    assert [d.text for d in rec.decisions] == ["Per Handzeichen wird über die Entlastung des Vorstands abgestimmt."]
    vote = rec.decisions[0].vote
    assert (vote.yes, vote.no, vote.abstain) == (8, 1, 0)


def test_a_status_line_gives_its_vote_to_the_resolution_of_the_item(nlp):
    rec = record_for(
        nlp,
        "Beschluss: einstimmig beschlossen",
        "Der Beirat beschließt, die Sprechstunde ab Mai zu verlängern.",
        "Die Verwaltung wird beauftragt, die Räume zu buchen.",
    )
    assert [d.text for d in rec.decisions] == ["Der Beirat beschließt, die Sprechstunde ab Mai zu verlängern."]
    assert rec.decisions[0].vote is not None and rec.decisions[0].vote.unanimous
    # commissioning someone is the task the resolution hands out, not a second decision
    assert [[r.name for r in a.responsible] for a in rec.action_items] == [["Verwaltung"]]
    # with no resolution text in the item, the status line stands for the decision
    alone = record_for(nlp, "Beschluss: einstimmig beschlossen")
    assert [d.text for d in alone.decisions] == ["Beschluss: einstimmig beschlossen"]
    # a field label alone is metadata about a decision stated elsewhere, as without a status line
    assert record_for(nlp, "Ergebnis: einstimmig angenommen").decisions == []


def test_owner_forms_in_pad_style_notes(nlp):
    rec = record_for(
        nlp,
        "• Katja F. erstellt wieder Karte",
        "1 Mitglied ist säumig (zur Zahlung auffordern, FL)",
        "Karriere: bisher nicht enthalten --> AY macht Pad auf --> evtl. Papier dazu",
    )
    items = {a.evidence.block_index: a for a in rec.action_items}
    assert [r.name for r in items[4].responsible] == ["Katja F."]
    assert [r.resolved for r in items[5].responsible] == ["Frank Löffler"]
    assert "zur Zahlung auffordern" in items[5].task
    assert [r.resolved for r in items[6].responsible] == ["Anna Yilmaz"]
    assert items[6].task == "AY macht Pad auf"


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Ausschuss empfiehlt mehrheitlich (Enthaltung CDU), den Antrag anzunehmen.",
        "Der nächste Wahltermin wurde einstimmig auf den 25.11.2026 gesetzt.",
        "Grundsätzlich keine Auftritte unter 300 Euro.",
        "Ab sofort wird das Protokoll im gemeinsamen Ordner abgelegt.",
        "Wir sagen den Auftritt beim Stadtfest ab.",
        "Wir stimmen dem Vorschlag der Verwaltung zu.",
        # a postponement explicitly resolved; a decision introduced by whose idea it was
        "Wir beschließen, den Punkt auf die nächste Sitzung zu verschieben.",
        # cues summing to exactly the threshold: decided the same way whatever the set order
        "Wir beschliessen, diese Diskussion auf eine andere Versammlung zu verschieben.",
        "Auf Anregung von Frau Berger wird sich darauf geeinigt, die Beratungsstellen einzuladen.",
        # minutes in the past tense, and a decision announced with a noun
        "Beide Ausschüsse verabschiedeten eine gemeinsame Empfehlung an den Stadtrat.",
        "Entscheidung wurde gefällt: wir machen das Sommerfest im Stadtpark.",
        "Der Beirat beschließt das Handlungskonzept für die Dauer der Wahlzeit mit den folgenden Änderungen:",
        "Der Antrag der Fraktionen DIE LINKE., SPD und CDU wird mehrheitlich angenommen.",
    ],
)
def test_informal_and_committee_decisions(nlp, sentence):
    assert [d.text for d in record_for(nlp, sentence).decisions] == [sentence]


def test_owners_after_the_verb_in_coordinations_and_in_brackets(nlp):
    rec = record_for(
        nlp,
        "Die Terminsuche und die Organisation übernehmen die Arbeitsgruppen selbst.",
        "In der nächsten Sitzung sollen die Arbeitsgruppen über ihre Ergebnisse berichten.",
        "Ab April kümmert sich das Jobcenter um die Fahrtkosten.",
        "Herr Rasche berichtet über zwei Ideen und klärt die Finanzierung ab.",
        "Presse anschreiben: Zeitung, Radio, Blättle (Kultur AG)",
        "nachfragen, ob das Kreuz im Antrag richtig gesetzt wurde (FL)",
    )
    owners = {a.evidence.block_index: [(r.name, r.kind.value) for r in a.responsible] for a in rec.action_items}
    assert owners == {
        4: [("Arbeitsgruppen", "group")],
        5: [("Arbeitsgruppen", "group")],
        6: [("Jobcenter", "institution")],
        7: [("Herr Rasche", "person")],
        8: [("Kultur AG", "institution")],
        9: [("FL", "person")],
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Arbeitsgruppen sollen so beibehalten werden.",  # passive: the groups are acted on
        "Das Bundesamt für Migration und Flüchtlinge (BAMF) hat die Zahlen veröffentlicht.",
        "Herr Rasche berichtet über die Lage und die Zahlen des Vorjahres.",
    ],
)
def test_no_task_owner_in_passives_reports_and_abbreviations(nlp, sentence):
    assert record_for(nlp, sentence).action_items == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Herr Rasche fragt außerdem, warum der Punkt nicht mehr auf der Tagesordnung steht.",
        # questions put to the meeting, reports given in it, introductions and possibilities
        "Frau Yilmaz fragt an, wie lange die Förderung noch läuft.",
        "Herr Rasche fragt in die Runde, ob jemand Einwände hat.",
        "Die Musikschule fragt an, ob sie den Saal dienstags nutzen kann.",
        "Herr Dr. Brandt erkundigt sich, wann mit dem Baubeginn zu rechnen ist.",
        "Frau Lenz informiert, dass der Bund die Mittel für das Programm kürzt.",
        "Frau Berger gibt anhand einer Präsentation einen kurzen Überblick über die Beratungszahlen.",
        "Der Vorstand beantragt die Satzung wie folgt zu ändern:",
        "Die Reihenfolge kann bis zum 30.04. noch geändert werden.",
        "Der Sitzungsleiter schlägt folgende Tagesordnung (TO) vor:",
        "Es sind Delegierte aller Vereine (und Gäste) anwesend.",
        # signatures, reports and proposals mentioning a date, dates outside the main clause
        "Anna Yilmaz (Vorsitzende) gez.",
        "Frau Berger berichtet über den Kassenstand zum 28.02.2026.",
        "Herr Rasche schlägt vor, das Fest am 13. Juni zu feiern.",
        "Der Stand wird abgesagt, weil bis zum 15. Mai keine Genehmigung zu bekommen ist.",
        "Einwendungen sind bis zum 10. April möglich.",
        "Darüber wird am 14.05. entschieden.",
        "Die Änderung der Satzung soll am 14.05. beschlossen werden.",
        "Der Verein Black Dog macht Filmprojekte mit Jugendlichen.",
        "Dann wird bestellt GET Request an die Bestell-Session.",
    ],
)
def test_questions_descriptions_and_technical_acronyms_are_not_tasks(nlp, sentence):
    assert record_for(nlp, sentence).action_items == []


def test_a_bracket_note_gives_way_to_the_task_table_row_of_the_same_owner(nlp):
    head = ["Was", "Wer", "Bis wann"]
    rec = record_for(
        nlp,
        "• Schäfchen-Streicheln bei Zwigart (Kultur AG)",
        "• Frau Yilmaz klärt mit Zwigart die Versicherung.",
        (["Kutsche + Streichelzoo Zwigart, Sonnenteleskop", "Kultur AG", ""], head),
    )
    tasks = sorted((a.task, tuple(r.name for r in a.responsible)) for a in rec.action_items)
    assert tasks == [
        ("Frau Yilmaz klärt mit Zwigart die Versicherung.", ("Frau Yilmaz",)),
        ("Kutsche + Streichelzoo Zwigart, Sonnenteleskop", ("Kultur AG",)),
    ]


def test_an_affiliation_in_brackets_is_not_an_owner(nlp):
    rec = record_for(
        nlp,
        "Miguel (Jobcenter Musterstadt) verteilt die Statuten.",
        "Genesis (Chaostreff Basel)",
        "Gewählt: Bernd (Chaostreff Basel), Marc (Jobcenter Musterstadt), Lea (Chaostreff Basel)",
    )
    assert [[r.name for r in a.responsible] for a in rec.action_items] == [["Miguel"]]


def test_capitals_in_brackets_spelling_the_noun_before_them_are_an_abbreviation_not_an_owner(nlp):
    rec = record_for(nlp, "Den Haushaltsplan (HP) bis Freitag an alle verschicken.", "Flyer drucken bis Freitag (FL)")
    assert [[r.name for r in a.responsible] for a in rec.action_items] == [[], ["FL"]]


def test_talking_to_someone_to_find_out_is_a_task(nlp):
    rec = record_for(nlp, "AY redet mit ihrer Gruppe, ob Interesse an einem Stand besteht.", "Herr Rasche spricht über die Lage.")
    assert [[r.name for r in a.responsible] for a in rec.action_items] == [["AY"]]


def test_a_phrase_ending_in_an_attendees_surname_is_not_that_attendee(nlp):
    rec = record_for(nlp, "Auf Anregung von Herrn Rasche wird sich darauf geeinigt, die Beratungsstellen einzuladen.")
    assert rec.action_items == []
    assert [d.text for d in rec.decisions] == [
        "Auf Anregung von Herrn Rasche wird sich darauf geeinigt, die Beratungsstellen einzuladen."
    ]


def test_a_short_note_with_a_date_and_a_modal_is_an_unassigned_task(nlp):
    rec = record_for(nlp, "Am 21.04. soll die Bestellung rausgehen.")
    assert [(a.responsible, a.due.date) for a in rec.action_items] == [([], date(2026, 4, 21))]


def test_a_start_date_is_not_a_deadline(nlp):
    rec = record_for(
        nlp,
        "Anna Yilmaz übernimmt ab Oktober die Sprechstunde.",
        "Ab 1.10. müssen wir neue Delegierte in den Beirat entsenden.",
    )
    assert [(a.task, a.due) for a in rec.action_items] == [("Anna Yilmaz übernimmt ab Oktober die Sprechstunde.", None)]


@contextlib.contextmanager
def edited_vocabulary(tmp_path, monkeypatch, file_name, edit):
    """The models folder copied, ``edit`` applied to models/cues/<file_name>, and the cached
    vocabulary re-read from there while the block runs."""
    shutil.copytree(models_dir(), tmp_path / "models")
    path = tmp_path / "models" / "cues" / file_name
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("PROTOKOLLANT_MODELS", str(tmp_path / "models"))
    action_cues.cache_clear()
    decision_cues.cache_clear()
    try:
        yield
    finally:
        monkeypatch.delenv("PROTOKOLLANT_MODELS")
        action_cues.cache_clear()
        decision_cues.cache_clear()


def test_task_verbs_come_from_the_data_file(nlp, tmp_path, monkeypatch):
    sentence = "Frau Berger zeichnet die Pläne für den Umbau."
    assert record_for(nlp, sentence).action_items == []
    with edited_vocabulary(tmp_path, monkeypatch, "actions.json", lambda d: d["strong_task_verbs"].append("zeichnet")):
        items = record_for(nlp, sentence).action_items
    assert [[r.name for r in a.responsible] for a in items] == [["Frau Berger"]]


def test_decision_weights_come_from_the_data_file(nlp, tmp_path, monkeypatch):
    sentence = "Frau Yilmaz berichtet, dass der Stadtrat die Mittel im Januar beschlossen hat."
    assert record_for(nlp, sentence).decisions == []

    def count_reported(data):  # reported decisions count as the meeting's own
        data["weights"]["REPORTED"] = 0.0

    with edited_vocabulary(tmp_path, monkeypatch, "decisions.json", count_reported):
        decisions = record_for(nlp, sentence).decisions
    assert [d.text for d in decisions] == [sentence]
