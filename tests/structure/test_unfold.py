"""Tables that hold running minutes are read as the paragraphs they stand for
(structure/unfold.py), on Word files rendered from markup by scripts/build_corpus.py."""
import pytest

from protokollant.document import BlockKind
from protokollant.extract.minutes import extract_record
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from protokollant.structure import unfold_tables
from tests.markup import render as render_markup


@pytest.fixture(scope="module")
def render():
    return render_markup


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("blank")


ITEM_TABLE = """= Protokoll der Sitzung des Sportausschusses
Datum: 12.03.2026
|= Tagesordnungspunkt | Inhalt / Ergebnis |
| 1. Begrüßung | Frau Roth begrüßt die Anwesenden.<br>Beschluss: Das Protokoll der letzten Sitzung wird genehmigt, einstimmig. |
| 2. Hallenbelegung | Die Halle ist montags doppelt belegt.<br>ToDo: Belegungsplan mit dem Schulamt abstimmen – Herr Kraus, bis 30.03. |
| 3. Verschiedenes | Nächste Sitzung am 14.05.2026. |
"""

LABELLED_TABLES = """= Protokoll der Trägerrunde
Datum: 05.02.2026
**TOP 1: Kursplanung**
| Sachstand | Die Warteliste umfasst 140 Personen. |
| Ergebnis | Vereinbart wird eine gemeinsame Übersicht aller Kursstarts. |
| Aufgabe | 1) Kursstarts melden<br>2) Übersicht an den Verteiler schicken |
| Verantwortlich | 1) alle Träger<br>2) Frau Hübner |
| Termin | 1) bis 15.06.<br>2) Ende Juni |
**TOP 2: Prüfungen**
| Sachstand | Die Prüfungstermine sind knapp. |
| Ergebnis | Kenntnisnahme. |
"""


def test_item_table_rows_become_headings_and_paragraphs(render):
    document = unfold_tables(read_document(render(ITEM_TABLE)))
    headings = [b for b in document.blocks if b.kind is BlockKind.HEADING and b.table_index is not None]
    assert [b.text for b in headings] == ["1. Begrüßung", "2. Hallenbelegung", "3. Verschiedenes"]
    text = next(b for b in document.blocks if b.text.startswith("Die Halle"))
    # Provenance stays the cell: table 1 (index 0), row 2 (index 2: after the header), column 2.
    assert (text.table_index, text.row_index, text.cell_columns) == (0, 2, [1])
    assert [b.index for b in document.blocks] == list(range(len(document.blocks)))


def test_item_table_is_read_as_agenda_with_decisions_and_tasks(nlp, render):
    data = render(ITEM_TABLE)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == ["Begrüßung", "Hallenbelegung", "Verschiedenes"]
    assert any("Protokoll der letzten Sitzung wird genehmigt" in d.text and d.topic_index == 0 for d in record.decisions)
    task = next(a for a in record.action_items if "Belegungsplan" in a.task)
    assert [r.name for r in task.responsible] == ["Herr Kraus"] and task.topic_index == 1
    assert task.due is not None and task.due.date is not None and task.due.date.isoformat() == "2026-03-30"
    assert task.evidence.table_index == 0 and task.evidence.table_row == 2


def test_a_decision_log_with_short_cells_stays_a_table(render):
    markup = """= Protokoll
|= Nr. | Beschluss |
| 1 | Der Haushalt wird genehmigt. |
| 2 | Die Satzung wird geändert. |
"""
    document = read_document(render(markup))
    assert unfold_tables(document) is document


def test_labelled_rows_become_label_lines(render):
    document = unfold_tables(read_document(render(LABELLED_TABLES)))
    texts = [b.text for b in document.blocks]
    assert "Ergebnis:" in texts and "Vereinbart wird eine gemeinsame Übersicht aller Kursstarts." in texts
    assert "Verantwortlich: 2) Frau Hübner" in texts and "Termin: 1) bis 15.06." in texts


def test_labelled_tables_give_decisions_not_reports(nlp, render):
    data = render(LABELLED_TABLES)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [d.text for d in record.decisions] == ["Vereinbart wird eine gemeinsame Übersicht aller Kursstarts."]
    assert not any("Warteliste" in a.task or "Prüfungstermine" in a.task for a in record.action_items)


def test_a_header_table_of_the_minutes_is_not_unfolded(render):
    markup = """= Protokoll
| Datum | 05.02.2026 |
| Ort | Rathaus |
| Termin der nächsten Sitzung | 12.03.2026 |
Text.
"""
    document = read_document(render(markup))
    assert unfold_tables(document) is document


def test_owner_and_deadline_lines_below_a_task(nlp, render):
    markup = """= Protokoll des Heimatvereins
Datum: 22.04.2026
**TOP 1: Heimathaus**
Die Öffnungszeiten werden auf sonntags 14–17 Uhr festgelegt.
Aufsichtsplan erstellen und im Mitteilungsblatt um Helfer werben.
Verantwortlich: I. Hoffmann
Termin: bis 30.04.
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    [task] = record.action_items
    assert task.task.startswith("Aufsichtsplan erstellen") and [r.name for r in task.responsible] == ["I. Hoffmann"]
    assert task.due is not None and task.due.date.isoformat() == "2026-04-30"


def test_numbered_owners_pair_with_numbered_tasks(nlp, render):
    data = render(LABELLED_TABLES)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    owners = {a.task: [r.name for r in a.responsible] for a in record.action_items}
    assert owners == {"Kursstarts melden": ["alle Träger"], "Übersicht an den Verteiler schicken": ["Frau Hübner"]}


def test_typed_numbers_carry_the_agenda_and_long_items_keep_their_text(nlp, render):
    markup = """**Heimatverein Oberwinkel e.V.**
= Protokoll der Vorstandssitzung
Datum: 22.04.2026
1. Begrüßung, Protokoll
1.1 Das Protokoll der Sitzung vom 25.02.2026 wird ohne Einwände genehmigt.
2. Heimathaus
2.1 Es liegen zwei Angebote für das Dach vor.
3) Kasse: Der Kassenbericht wird einstimmig angenommen.
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [(t.number, t.title) for t in record.topics] == [("1", "Begrüßung, Protokoll"), ("2", "Heimathaus"), ("3", "Kasse")]
    assert [(d.topic_index, d.text) for d in record.decisions] == [
        (0, "1.1 Das Protokoll der Sitzung vom 25.02.2026 wird ohne Einwände genehmigt."),
        (2, "3) Kasse: Der Kassenbericht wird einstimmig angenommen."),
    ]


def test_numbered_resolutions_restarting_at_one_are_not_the_agenda(nlp, render):
    markup = """= Beschlüsse
Datum: 22.04.2026
1. Der Haushalt wird genehmigt.
2. Die Satzung wird geändert.
3. Der Vorstand wird entlastet.
1. Frau Roth lädt ein.
2. Herr Kraus bucht den Saal.
3. Frau Beck schreibt das Protokoll.
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert record.topics == []


def test_decisions_in_results_and_action_plan_tables(nlp, render):
    markup = """= Ergebnisprotokoll Verkehrskommission
Datum: 22.04.2026
|= TOP | Thema | Ergebnis | Verantwortlich | Termin |
| 1 | Schulweg Lindenstraße | Kommission ist sich einig: Anordnung Tempo 30 zwischen Haus-Nr. 12 und 48. | Straßenverkehrsbehörde | 30.05.2026 |
| 2 | Parken am Markt | Beschilderung prüfen | Ordnungsamt | 15.05.2026 |

|= Nr. | Maßnahme | Verantwortlich | Termin | Stand |
| A2 | Sperrmüllecken: zusätzliche Abholung | GWG (Hr. Nowak) | ab Juni monatlich | neu vereinbart |
| A3 | Hochbeete anlegen | Nachbarschaftsverein | 13.06. | läuft |
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [d.text for d in record.decisions] == [
        "Kommission ist sich einig: Anordnung Tempo 30 zwischen Haus-Nr. 12 und 48.",
        "A2 | Sperrmüllecken: zusätzliche Abholung | GWG (Hr. Nowak) | ab Juni monatlich | neu vereinbart",
    ]
    assert any("Tempo 30" in a.task for a in record.action_items)


def test_cancelled_and_done_rows_of_an_action_plan_are_no_open_tasks(nlp, render):
    markup = """= Maßnahmenplan
Datum: 22.04.2026
|= Nr. | Maßnahme | Verantwortlich | Termin | Stand |
| 1.2 | Kinderbetreuung parallel zu Kursen | FB 5 | 30.06. | entfällt – keine Fachkräfte gefunden |
| 1.3 | Temperaturprotokoll digital | H. Demir | 31.03. | erl. (seit Januar in Betrieb) |
| 4.2 | Mentoring mit dem Unternehmerinnen-Netzwerk | WiFö | 30.09. | Idee; noch nicht beauftragt |
| 4.3 | Infoblatt für Betriebe | WiFö (Herr Vogt) | 15.05. | läuft |
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [a.task for a in record.action_items] == ["Infoblatt für Betriebe"]


COLUMN_TABLE = """= Netzwerktreffen Bürgerbeteiligung
Datum: 18.09.2026
Anwesende: Nadja Krause, Wolfgang Ebert, Thomas Brandt, Katja Wendt
**Ergebnisse / ToDos**
|= Thema | Feststellung | Maßnahmen |
| 1. Förderfonds Demokratie | * Bis 30.09. kann ein Antrag eingereicht werden<br>* bis 5000 EUR | * Nadja und Thomas erarbeiten einen ersten Vorschlag<br>* Antrag einreichen bis 30.09. |
| 2. Kontakte zu Initiativen | * Beratung nimmt in den Sitzungen zu viel Zeit in Anspruch | * Wolfgang schickt Input an Thomas<br>* Infoseite als Widget (TB) [erl] |
| 3. Leitlinien | * Bonn und Heidelberg sollen analysiert werden<br>* evtl. Dortmund | * Kontakt zu Fr. Bonan ==> Thomas |
"""


def test_item_rows_with_several_labelled_text_columns_are_unfolded_per_column(nlp, render):
    data = render(COLUMN_TABLE)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [t.title for t in record.topics][-3:] == ["Förderfonds Demokratie", "Kontakte zu Initiativen", "Leitlinien"]
    tasks = {a.evidence.text.lstrip("* "): (a.topic_index, [o.name for o in a.responsible]) for a in record.action_items}
    assert tasks["Wolfgang schickt Input an Thomas"][1] == ["Wolfgang"]
    assert tasks["Kontakt zu Fr. Bonan ==> Thomas"][1] == ["Thomas"]
    assert tasks["Antrag einreichen bis 30.09."][1] == []
    assert not any("Widget" in text for text in tasks)  # marked done: [erl]
    assert not any("Heidelberg" in text or "Zeit in Anspruch" in text for text in tasks)  # findings, not tasks
    source = next(a for a in record.action_items if "Wolfgang" in a.evidence.text).evidence
    assert (source.table_index, source.table_row) == (0, 2)


def test_a_header_asking_who_names_the_owner_column(render):
    from protokollant.structure.vocabulary import layout_vocabulary
    from protokollant.structure.model import ColumnRole
    vocab = layout_vocabulary()
    assert vocab.column_role("Wer kümmert sich?") is ColumnRole.OWNER
    assert vocab.column_role("Wer/bis wann") is ColumnRole.OWNER_DUE
    assert vocab.column_role("Werkzeug") is None


def test_task_lines_of_a_labelled_table_pair_with_their_owner_lines(nlp, render):
    data = render("""= Teamsitzung Schuldnerberatung
Datum: 12.05.2026
**TOP 1: Warteliste**
| Sachstand | Wartezeit derzeit 11 Wochen. |
| Aufgabe | Konzept für die Infoveranstaltung erstellen<br>Kooperationspartner über die Änderungen informieren |
| Verantwortlich | Fr. Demir (Konzept)<br>Hr. Petersen (Info an Partner) |
| Termin | nächste Teamsitzung am 02.06. |
**TOP 2: Verschiedenes**
| Sachstand | Nichts Neues. |
| Ergebnis | Kenntnisnahme. |
""")
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    owners = [(a.task, [o.name for o in a.responsible]) for a in record.action_items]
    assert owners == [
        ("Konzept für die Infoveranstaltung erstellen", ["Fr. Demir"]),
        ("Kooperationspartner über die Änderungen informieren", ["Hr. Petersen"]),
    ]


def test_a_single_result_row_under_an_item_is_read_as_its_result(nlp, render):
    data = render("""= Sitzung des Personalrats
Datum: 20.01.2026
**TOP 1: Protokoll der Sitzung vom 06.01.2026**
| Ergebnis | Das Protokoll wird einstimmig genehmigt. |

**TOP 2: Verschiedenes**
| Sachstand | Keine Wortmeldungen. |
| Ergebnis | Kenntnisnahme. |
""")
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [(d.topic_index, d.text) for d in record.decisions] == [(0, "Das Protokoll wird einstimmig genehmigt.")]


def test_an_owner_field_belongs_to_every_clause_of_its_task_and_mit_joins_owners(nlp, render):
    markup = """= Protokoll der Präventionsrunde
Datum: 04.03.2026
**TOP 1 – Sport und Jugendarbeit**
| Sachstand | Der Kreissportbund plant eine Schulung. |
| Aufgabe | Konzeptskizze erstellen; Förderantrag an die Stadt stellen |
| Verantwortlich | Fr. Schönfeld mit Fr. Weinzierl |
| Termin | 30.04.2026 |

**TOP 2 – Wohnen**
| Aufgabe | Bedarfsanalyse Notplätze erstellen |
| Verantwortlich | Sozialamt (Hr. Reimers) gemeinsam mit Diakonie (Fr. Köster) |
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    found = {a.task: ([r.name for r in a.responsible], a.due and a.due.date.isoformat()) for a in record.action_items}
    assert found == {
        "Konzeptskizze erstellen": (["Fr. Schönfeld", "Fr. Weinzierl"], "2026-04-30"),
        "Förderantrag an die Stadt stellen": (["Fr. Schönfeld", "Fr. Weinzierl"], "2026-04-30"),
        "Bedarfsanalyse Notplätze erstellen": (["Sozialamt (Hr. Reimers)", "Diakonie (Fr. Köster)"], None),
    }


def test_a_number_alone_in_the_item_column_takes_the_first_line_of_the_text_as_title(nlp, render):
    markup = """Datum: 07.09.2016
|= TOP |  |
| 1. | Begrüßung, Genehmigung der Tagesordnung<br>Herr Leonhardt eröffnet die Sitzung und begrüßt die Anwesenden. |
| 2. | Neuwahl Protokollführung<br>Herr Lattacz wird einstimmig als Protokollführer gewählt. |
"""
    data = render(markup)
    record = extract_record(read_document(data), nlp, data=data, file_name="t.docx")
    assert [(t.number, t.title) for t in record.topics] == [
        ("1", "Begrüßung, Genehmigung der Tagesordnung"), ("2", "Neuwahl Protokollführung")]
    assert [d.text for d in record.decisions] == ["Herr Lattacz wird einstimmig als Protokollführer gewählt."]
