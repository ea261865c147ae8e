"""The structure stage and the extractors that read it, on Word files rendered from markup
(scripts/build_corpus.py) by the project itself."""
import pytest

from protokollant.extract.minutes import _line_texts, extract_record
from protokollant.extract.meta import extract_meta
from protokollant.ingest.reader import read_document
from protokollant.nlp.pipeline import load_pipeline
from protokollant.structure import ColumnRole, RowKind, SectionRole, TableKind, analyse_structure, layout_vocabulary
from tests.markup import render as render_markup


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("blank")


@pytest.fixture(scope="module")
def render():
    return render_markup


def _document(render, markup: str):
    return read_document(render(markup))


def _record(nlp, render, markup: str):
    data = render(markup)
    return extract_record(read_document(data), nlp, data=data, file_name="t.docx")


def _structure(render, markup: str):
    document = _document(render, markup)
    meta = extract_meta(document)
    return analyse_structure(document, _line_texts(document), skip=set(meta.header_blocks), stops=set())


RESULTS_TABLE = """= Ergebnisprotokoll Koordinierungsgremium Integration
Datum: 04.03.2026
|= TOP | Thema | Ergebnis / Beschluss | Verantwortlich | Termin |
| 1 | Begrüßung, Tagesordnung | Die Tagesordnung wird ohne Änderungen angenommen. | – | – |
| 2 | Bericht Jobcenter | Herr Krause stellt die aktuellen Zahlen vor. | – | – |
| | | Zahlen nach Herkunftsländern aufschlüsseln | Herr Krause (JC) | 15.04.2026 |
| 3 | Sprachkurse | Die AG Sprache trifft sich künftig monatlich. | | |
| | | Liste der Kursträger an alle Mitglieder versenden | Frau Petrova (MBE) | KW 14 |
| 4 | Verschiedenes | Keine Wortmeldungen. | | |
"""


def test_header_words_give_column_roles():
    vocab = layout_vocabulary()
    assert vocab.column_role("Ergebnis / Beschluss") is ColumnRole.RESULT
    assert vocab.column_role("Wer / bis wann") is ColumnRole.OWNER_DUE
    # starts with an owner word, yet names the deadline too
    assert vocab.column_role("Verantwortlich / Termin") is ColumnRole.OWNER_DUE
    assert vocab.column_role("Zuständigkeit, Frist") is ColumnRole.OWNER_DUE
    assert vocab.column_role("Verantwortliche") is ColumnRole.OWNER
    assert vocab.column_role("Erledigung bis") is ColumnRole.DUE
    assert vocab.column_role("Kontext / Begründung") is None


def test_results_table_rows_are_items_and_continuations(render):
    structure = _structure(render, RESULTS_TABLE)
    (layout,) = structure.tables.values()
    assert layout.kind is TableKind.RESULTS and layout.from_header
    kinds = [row.kind for row in layout.rows]
    assert kinds == [RowKind.HEADER, RowKind.ITEM, RowKind.ITEM, RowKind.CONTINUATION, RowKind.ITEM,
                     RowKind.CONTINUATION, RowKind.ITEM]
    continuation = layout.rows[3]
    assert continuation.item_row == layout.rows[2].block.index
    assert continuation.text(ColumnRole.OWNER) == "Herr Krause (JC)"


def test_results_table_gives_topics_decisions_and_tasks(nlp, render):
    record = _record(nlp, render, RESULTS_TABLE)
    assert [(t.number, t.title) for t in record.topics] == [
        ("1", "Begrüßung, Tagesordnung"), ("2", "Bericht Jobcenter"), ("3", "Sprachkurse"), ("4", "Verschiedenes"),
    ]
    decisions = [d.text for d in record.decisions]
    assert "Die Tagesordnung wird ohne Änderungen angenommen." in decisions
    assert "Die AG Sprache trifft sich künftig monatlich." in decisions
    assert not any("stellt die aktuellen Zahlen vor" in d for d in decisions)  # a report
    tasks = {a.task: a for a in record.action_items}
    assert set(tasks) == {"Zahlen nach Herkunftsländern aufschlüsseln", "Liste der Kursträger an alle Mitglieder versenden"}
    krause = tasks["Zahlen nach Herkunftsländern aufschlüsseln"]
    assert [r.name for r in krause.responsible] == ["Herr Krause"]
    assert str(krause.due.date) == "2026-04-15" and krause.topic_index == 1
    assert tasks["Liste der Kursträger an alle Mitglieder versenden"].evidence.table_column == 2
    # no agenda row became a task, and nothing was a task and a decision at once
    assert not set(decisions) & set(tasks)


def test_task_table_with_owner_and_date_in_one_cell_and_merged_sections(nlp, render):
    record = _record(nlp, render, """= Maßnahmenplan Steuerungsgruppe
Datum: 22.04.2026
|= Nr. | Maßnahme | Wer / bis wann | Stand |
|> Handlungsfeld 1: Sprache
| 1.1 | Kursplätze für Eltern erheben | Frau Petrova (MBE), 15.05. | offen |
| 1.2 | Kinderbetreuung während der Kurse klären | Jobcenter / bis KW 20 | in Arbeit |
|> Handlungsfeld 2: Arbeit
| 2.1 | Jobbörse im Herbst vorbereiten | alle | laufend |
| 2.2 | Flyer drucken lassen | Herr Ochs, 30.04. | erledigt |
""")
    assert [(t.number, t.title) for t in record.topics] == [("1", "Sprache"), ("2", "Arbeit")]  # "Handlungsfeld 1:" numbers the part
    tasks = {a.task: a for a in record.action_items}
    assert "Flyer drucken lassen" not in tasks  # done: a progress report, not an open task
    petrova = tasks["Kursplätze für Eltern erheben"]
    assert [r.name for r in petrova.responsible] == ["Frau Petrova (MBE)"] and str(petrova.due.date) == "2026-05-15"
    assert petrova.topic_index == 0
    assert [r.name for r in tasks["Kinderbetreuung während der Kurse klären"].responsible] == ["Jobcenter"]
    assert tasks["Jobbörse im Herbst vorbereiten"].topic_index == 1
    assert [r.name for r in tasks["Jobbörse im Herbst vorbereiten"].responsible] == ["alle"]
    assert any(p.status == "done" and "Flyer" in p.text for p in record.progress_reports)


def test_owners_on_the_first_line_of_an_owner_and_deadline_cell_and_what_they_deliver_below(nlp, render):
    record = _record(nlp, render, """= Maßnahmenplan Fachkräfteallianz
Datum: 14.04.2026
|= Nr. | Maßnahme | Stand / Ergebnis der Sitzung | Verantwortlich / Termin |
|> Handlungsfeld 1: Berufsorientierung
| 1.1 | Ausbildungsbörse 2026 | Termin 19.09.2026, Stadthalle. | IHK, Hr. Pohl<br>Ausstellerliste bis 30.06. |
| 1.2 | Kleiderkammer | Regale fehlen. | Brandl<br>Bestellung bis 15.04. |
| 1.3 | Flyer | Entwurf liegt vor. | Fr. Kienzle<br>bis 20.05. |
| 1.4 | Wartezeiten Beratung | Erstgespräch nach ca. 4 Wochen. | – (Info) |
""")
    tasks = {a.task: ([r.name for r in a.responsible], str(a.due.date) if a.due else None) for a in record.action_items}
    assert tasks == {
        "Ausbildungsbörse 2026": (["IHK", "Hr. Pohl"], "2026-06-30"),
        "Kleiderkammer": (["Brandl"], "2026-04-15"),
        "Flyer": (["Fr. Kienzle"], "2026-05-20"),
    }
    # "– (Info)": nobody is to do anything; the row is named for review, not taken as a task of "– (Info)"
    assert any("Wartezeiten Beratung" in w for w in record.warnings)


def test_table_without_header_is_read_from_dates_and_owners(render):
    structure = _structure(render, """= Protokoll
Datum: 12.02.2026
# TOP 1 Berichte
Die Berichte werden zur Kenntnis genommen.
# TOP 2 Nächste Schritte
| Protokoll an alle Mitglieder versenden | Herr Ochs | 12.03. |
| Raum für die Jobbörse reservieren | Frau Kühn | KW 14 |
| Einladung zur Herbstsitzung entwerfen | HWK | Ende Mai |
""")
    (layout,) = structure.tables.values()
    assert layout.kind is TableKind.TASKS and not layout.from_header
    assert set(layout.roles.values()) == {ColumnRole.TASK, ColumnRole.OWNER, ColumnRole.DUE}
    # the row the reader took for a header is a task like the others
    assert [row.kind for row in layout.rows] == [RowKind.DATA] * 3


def test_two_column_key_value_table_is_no_task_table(render):
    structure = _structure(render, """= Niederschrift
| Beschluss | mehrheitlich beschlossen |
| Abstimmung | Ja: 8, Nein: 5, Enthaltungen: 1 |
""")
    assert all(layout.kind is TableKind.OTHER for layout in structure.tables.values())


def test_decision_log_owner_column_carries_the_decision(nlp, render):
    record = _record(nlp, render, """= Projekttreffen
|= Nr. | Entscheidung | Verantwortlich |
| D1 | Die Anwendung wird in drei Container aufgeteilt. | Projektteam |
""")
    assert [d.text for d in record.decisions] == ["Die Anwendung wird in drei Container aufgeteilt."]
    assert record.action_items == []


LABELLED = """= Protokoll Arbeitskreis Anerkennung
Datum: 18.11.2025
# TOP 1 Praktika
Die Schulen berichten von guten Erfahrungen mit den Praktika.
Vereinbarungen:
- Betriebspraktika werden ab diesem Schuljahr als Block im Juni organisiert.
- Der Jahresbericht 2025 wird in der vorliegenden Fassung veröffentlicht.
- Frau Kühn schickt die Praktikumsliste bis 30.11. an alle.
Herr Ochs fragt, ob die Kammern mitmachen.
# TOP 2 Aufgaben
Aufgaben:
- Raumanfrage an die VHS stellen – KB
- Protokoll versenden
- Flyer: Falk
"""


def test_labelled_sections_give_roles(render):
    structure = _structure(render, LABELLED)
    roles = {structure.section_of(i) for i in range(40)} - {None}
    assert roles == {SectionRole.DECISION, SectionRole.TASK}
    # the question after the list is outside the section
    lines = _line_texts(_document(render, LABELLED))
    question = next(i for i, (_, text) in enumerate(lines) if text.startswith("Herr Ochs fragt"))
    assert structure.section_of(question) is None


def test_items_under_labels_are_decisions_and_tasks_without_cue_words(nlp, render):
    record = _record(nlp, render, LABELLED)
    decisions = [d.text for d in record.decisions]
    assert "Betriebspraktika werden ab diesem Schuljahr als Block im Juni organisiert." in decisions
    assert "Der Jahresbericht 2025 wird in der vorliegenden Fassung veröffentlicht." in decisions
    # an assigned task in the list of agreements is a task, not also a decision
    assert not any("Praktikumsliste" in d for d in decisions)
    tasks = {a.task: [r.name for r in a.responsible] for a in record.action_items}
    assert any("Praktikumsliste" in t and owners == ["Frau Kühn"] for t, owners in tasks.items())
    assert tasks["Raumanfrage an die VHS stellen"] == ["KB"]
    assert tasks["Flyer"] == ["Falk"]
    assert tasks["Protokoll versenden"] == []  # listed under "Aufgaben:": a task without an owner


def test_a_heading_ending_in_a_label_covers_its_part_and_mentions_name_whole_owners(nlp, render):
    # "## Fazit: To Do": the label after the colon names the part; a heading's part runs to the
    # next heading, its plain lines included; "@ Vorname Nachname" after a line is its owner.
    record = _record(nlp, render, """= Arbeitstreffen OCR
Datum: 14.06.2019
## Technik
Einheitliche Umgebung beim Workshop ist wichtig.
## Fazit: To Do
Protokoll säubern @ Robert Nasarek
Arbeitskreis anmelden @ Michael Dahnke + Daniel Brenn
Scraper für das Alignment
Methoden in Python implementieren
Termin Videokonferenz ab 21.07.2019 @ Michael Dahnke
## Notizen
Binarisierung: Wozu eigentlich?
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in record.action_items] == [
        ("Protokoll säubern", ["Robert Nasarek"]),
        ("Arbeitskreis anmelden", ["Michael Dahnke", "Daniel Brenn"]),
        ("Scraper für das Alignment", []),
        ("Methoden in Python implementieren", []),
        ("Termin Videokonferenz ab 21.07.2019", ["Michael Dahnke"]),
    ]


def test_owner_and_deadline_in_trailing_bracket(nlp, render):
    record = _record(nlp, render, """= Protokoll
Datum: 02.03.2026
# TOP 1 Ausbildung
Liste der offenen Ausbildungsplätze zusammenstellen (HWK, bis KW 14).
Auftrag an das Jobcenter: Zahlen zur Sprachkursteilnahme nachreichen.
""")
    tasks = {a.task: a for a in record.action_items}
    hwk = tasks["Liste der offenen Ausbildungsplätze zusammenstellen"]
    assert [r.name for r in hwk.responsible] == ["HWK"] and hwk.due is not None
    assert [r.name for r in tasks["Zahlen zur Sprachkursteilnahme nachreichen."].responsible] == ["Jobcenter"]


def test_outcome_after_arrow_or_dash_decides_the_proposal(nlp, render):
    record = _record(nlp, render, """= Protokoll Abteilungsleitung
# Finanzen
- Vorschlag Harzumlage 10 € pro Spieler und Saison → beschlossen 5:1
- neuer Ballsatz für die Jugend (12 Bälle) – ok
- Vorschlag: Trikots neu bestellen, wird noch diskutiert
""")
    decisions = [d.text for d in record.decisions]
    assert any("Harzumlage" in d for d in decisions)
    assert any("Ballsatz" in d for d in decisions)
    assert not any("Trikots" in d for d in decisions)


def test_vote_count_makes_a_decision_but_a_vote_line_is_not_a_second_one(nlp, render):
    record = _record(nlp, render, """= Vorstandssitzung
# TOP 1 Beiträge
Der Vorstand schlägt der Mitgliederversammlung eine Erhöhung des Beitrags auf 30 € vor (4/1/0).
Der Antrag auf einen Zuschuss für das Sommerfest wird angenommen.
Abstimmung: 5/0/1
""")
    assert len(record.decisions) == 2
    assert record.decisions[1].vote is not None


def test_build_corpus_render_is_reproducible(render):
    markup = "= Titel\n|= A | B |\n| 1 | 2 |\n"
    assert render(markup) == render(markup)


def test_result_lines_pair_with_the_owner_and_deadline_lines_beside_them(nlp, render):
    record = _record(nlp, render, """= Arbeitsmarktkonferenz
Datum: 18.03.2026
|= Nr. | Thema | Feststellung / Diskussion | Festlegung | Wer | Bis |
| 1 | Eröffnung | Keine Ergänzungen zur TO. | Niederschrift vom 12.11.2025 ohne Einwände angenommen. | – | – |
| 2 | Fachkräftestrategie | WFA stellt den Entwurf vor.<br>Kein Einvernehmen zur Tarifbindung. | Handlungsfelder 1–3 werden als Arbeitsgrundlage festgelegt.<br>Schriftliche Stellungnahmen an die WFA<br>Überarbeiteten Entwurf vorlegen | –<br>alle Mitglieder<br>WFA (Hr. Nussbaum) | –<br>30.04.<br>Juni-Sitzung |
| 3 | Termine | Verteiler aktualisiert. | Einladung mit TO versenden<br>Flyer drucken (erledigt) | Geschäftsstelle<br>Hr. Nussbaum | 4 Wochen vorher<br>– |
""")
    tasks = [(a.topic_index, a.task, [o.name for o in a.responsible], a.due.text if a.due else None) for a in record.action_items]
    assert tasks == [
        (1, "Schriftliche Stellungnahmen an die WFA", ["alle Mitglieder"], "30.04."),
        (1, "Überarbeiteten Entwurf vorlegen", ["WFA (Hr. Nussbaum)"], "Juni-Sitzung"),
        (2, "Einladung mit TO versenden", ["Geschäftsstelle"], "4 Wochen vorher"),
    ]
    assert [(d.topic_index, d.text) for d in record.decisions] == [
        (0, "Niederschrift vom 12.11.2025 ohne Einwände angenommen."),
        (1, "Handlungsfelder 1–3 werden als Arbeitsgrundlage festgelegt."),
    ]
    assert record.action_items[0].evidence.table_row == 2


def test_item_codes_of_an_ergebnisprotokoll_mark_decisions_and_tasks(nlp, render):
    record = _record(nlp, render, """= Netzwerk Frühe Hilfen
Datum: 27.01.2026
Anwesend: Fr. Matthies, Fr. Kolb, Hr. Görlitz (ASD)
# TOP 2 Fachtag
Der Fachtag wurde ausführlich diskutiert.
E4: Der Fachtag findet am 23.09.2026 zum Thema Väter statt.
I2: Die Stadt hat Fördermittel beantragt.
A3: Ablaufplan entwerfen und im nächsten Treffen vorstellen. Zuständig: Hr. Görlitz (ASD).
A7: Referent*innen anfragen – Vorbereitungsgruppe, bis 30.04.
""")
    assert [d.text for d in record.decisions] == ["E4: Der Fachtag findet am 23.09.2026 zum Thema Väter statt."]
    assert [[o.name for o in a.responsible] for a in record.action_items] == [["Hr. Görlitz (ASD)"], ["Vorbereitungsgruppe"]]  # the ASD (Allgemeiner Sozialer Dienst) he acts for


def test_a_row_slipped_one_column_left_is_read_by_its_content(nlp, render):
    # Continuation rows written with one cell too few: the task under "Thema", the owner under
    # "Ergebnis", the date under "Verantwortlich", the last cell empty.
    record = _record(nlp, render, """= Lenkungsgruppe KIM
Datum: 11.02.2026
|= TOP | Thema | Ergebnis / Beschluss | Verantwortlich | Termin |
| 1 | Fallkonferenzen | Die Lenkungsgruppe beschließt, die Fallkonferenzen fortzuführen. | alle Partner | ab 04/2026 |
|  | Termine an alle Partner versenden | KIM-Koordinierungsstelle | KW 12 |
|  | Funktionspostfach einrichten | ABH (Fr. Aydın) | bis Ende März |
|  | Infos weitergeben | Hr. Petrović | nach Einrichtung |
| 2 | Verschiedenes | Keine Wortmeldungen. | – | – |
""")
    tasks = [(a.task, [o.name for o in a.responsible], a.due.text if a.due else None) for a in record.action_items][-3:]
    assert tasks == [
        ("Termine an alle Partner versenden", ["KIM-Koordinierungsstelle"], "KW 12"),
        ("Funktionspostfach einrichten", ["ABH (Fr. Aydın)"], "bis Ende März"),
        ("Infos weitergeben", ["Hr. Petrović"], "nach Einrichtung"),
    ]
    assert [t.title for t in record.topics] == ["Fallkonferenzen", "Verschiedenes"]


def test_a_plan_row_nobody_has_to_carry_out_is_a_decision_only(nlp, render):
    record = _record(nlp, render, """= Orgateam Stadtteilfest
Datum: 12.05.2026
|= Thema | Wer, bis wann | Stand |
| Standgebühr: Vereine frei, Gewerbe 40 € | – | einstimmig beschlossen |
| Standvergabe an alle Anmeldungen | Milena, bis 05.06. | läuft |
""")
    assert [a.task for a in record.action_items] == ["Standvergabe an alle Anmeldungen"]
    assert any("Standgebühr" in d.text for d in record.decisions)


def test_a_short_status_sentence_decides_its_row_and_is_its_quote(nlp, render):
    record = _record(nlp, render, """= Steuerungsgruppe Arbeitsmarktintegration
Datum: 22.04.2026
|= Nr. | Maßnahme | Wer | Stand |
| 2.1 | Gemeinsame Sprechstunde JC/AA/ABH, 14-tägig | JC / AA / ABH | läuft seit Februar, bisher 74 Beratungen. Fortführung bis Jahresende beschlossen. |
""")
    decision, = record.decisions
    assert decision.text.startswith("2.1 | Gemeinsame Sprechstunde")  # the row is what was decided
    assert decision.quote == "Fortführung bis Jahresende beschlossen."  # the sentence that says so


def test_an_owner_cell_that_says_what_to_do_is_the_tasks_quote(nlp, render):
    record = _record(nlp, render, """= Repair-Café Kornmarkt
Datum: 14.01.2026
|= Nr. | Thema | Stand | Wer, bis wann |
| B2 | Prüfgerät DGUV V3 | Ausleihe klappt nicht mehr, eigenes Gerät zu teuer. | Ute klärt Fördermöglichkeit bei der Bürgerstiftung bis 20.02. |
| B3 | Übersetzung der Aushänge | Texte liegen vor. | Frau Weidner (AWO), Übersetzungen bis 15.02. |
| B4 | Lötstation | Angebot liegt vor. | Fritz, bis 31.01. |
""")
    assert [(a.task, a.quote) for a in record.action_items] == [
        ("Prüfgerät DGUV V3", "Ute klärt Fördermöglichkeit bei der Bürgerstiftung bis 20.02."),
        ("Übersetzung der Aushänge", "Frau Weidner (AWO), Übersetzungen bis 15.02."),
        ("Lötstation", None),  # the owner cell names who and when only
    ]


def test_a_result_row_with_nobody_and_a_start_or_a_postponement_is_no_task(nlp, render):
    record = _record(nlp, render, """= Lenkungsgruppe Fachkräfte
Datum: 11.03.2026
|= TOP | Thema | Ergebnis / Beschluss | Verantwortlich | Termin |
| 1 | Sprechstunde | Die Lenkungsgruppe beschließt, die Sprechstunde ab Mai 14-tägig anzubieten. | – | ab 05.05.2026 |
| 2 | Wohnraum | Das Thema wird auf die nächste Sitzung vertagt. | – | nächste Sitzung |
| 3 | Statistik | Zahlen nach Branchen aufschlüsseln. | – | 10.06.2026 |
""")
    assert [a.task for a in record.action_items] == ["Zahlen nach Branchen aufschlüsseln."]
    assert [d.text for d in record.decisions] == ["Die Lenkungsgruppe beschließt, die Sprechstunde ab Mai 14-tägig anzubieten."]


def test_an_empty_line_in_a_cell_holds_the_place_of_a_result_nobody_carries_out(nlp, render):
    # "Festlegung" with two lines, "Wer" and "Bis" with the first line left empty (a line
    # break before the text): the first line is a decision, the second the task beside its owner.
    markup = """= Ergebnisprotokoll Koordinierungsgremium
Datum: 11.03.2026
|= Nr. | Thema | Feststellung / Diskussion | Festlegung | Wer | Bis |
| 1 | Fachkräfte | IHK berichtet über Anerkennungsverfahren. | Gemeinsamer Infotag wird im Juni durchgeführt.<br>Einladung an Betriebe versenden | <br>IHK (Hr. Lenz) | <br>15.05. |
"""
    row = next(b for b in _document(render, markup).blocks if b.cells and b.cells[0] == "1")
    assert row.cells[4] == "\nIHK (Hr. Lenz)"
    record = _record(nlp, render, markup)
    assert [(a.task, [o.name for o in a.responsible]) for a in record.action_items] == [("Einladung an Betriebe versenden", ["IHK (Hr. Lenz)"])]
    assert [d.text for d in record.decisions] == ["Gemeinsamer Infotag wird im Juni durchgeführt."]


def test_one_owner_beside_several_result_lines_does_the_line_written_as_a_to_do(nlp, render):
    record = _record(nlp, render, """= Ergebnisniederschrift Steuerkreis
Datum: 07.05.2026
|= Nr. | Thema | Feststellung / Diskussion | Festlegung | Wer | Bis |
| 1 | Monitor | Zahlen vorgestellt. | Monitor wird künftig jährlich im Mai vorgestellt.<br>Kurzfassung (2 Seiten) für Kreistag erstellen. | AA / Fr. Kuźniak | 15.06. |
| 2 | Förderung | Aufruf 2027 besprochen. | Das Gremium empfiehlt dem Ministerium, eine Pauschale von 15 % einzuführen.<br>Entscheidung trifft das Ministerium. | Ref. 34 | nächste Sitzung |
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in record.action_items][0] == (
        "Kurzfassung (2 Seiten) für Kreistag erstellen.", ["AA", "Fr. Kuźniak"])
    assert "Monitor wird künftig jährlich im Mai vorgestellt." in [d.text for d in record.decisions]
    # a clause ending in its infinitive is no to-do note: the cell stays one task
    assert record.action_items[1].task.startswith("Das Gremium empfiehlt dem Ministerium")


def test_result_lines_without_an_owner_line_leave_the_pairing_to_the_others(nlp, render):
    # Owner and deadline cells with fewer lines than the result cell: the acknowledgement, the
    # vote and the matter still to decide take no owner line; the other lines pair in order.
    # "(erledigt)" in the discussion cell is another matter than the row's result.
    record = _record(nlp, render, """= Ergebnisprotokoll Lenkungskreis
Datum: 12.03.2026
|= Nr. | Thema | Feststellung / Diskussion | Festlegung | Wer | Bis |
| 1 | Case Management | 214 Fälle. Vertrag mit dem Sprachmittlerpool verlängert (erledigt). | Kenntnisnahme.<br>Fallzahlen werden künftig quartalsweise berichtet. | Fr. Lutz | 11.06. |
| 2 | Fallkonferenzen | Probleme beim Datenaustausch. | Neue Einwilligungserklärung wird gemeinsam erarbeitet.<br>Entwurf an alle vor der nächsten Sitzung.<br>Über feste Fallkonferenzen wird im Juni entschieden. | Fr. Okafor, Hr. Stoltenberg<br>Fr. Lutz | Ende April<br>KW 22 |
| 3 | Förderantrag | Eckpunkte vorgestellt. | Lenkungskreis befürwortet einstimmig die Antragstellung.<br>Abstimmung mit Kämmerei zum Eigenanteil. | Hr. Dr. Brenner | 15.05. |
| 4 | Protokoll | Keine Anmerkungen. | Protokoll der 2. Sitzung genehmigt.<br>Liste der Wohnheimplätze wird vervollständigt. | Hr. Weigand | 15.05. |
""")
    assert [(a.task, [o.name for o in a.responsible], a.due.text) for a in record.action_items] == [
        ("Fallzahlen werden künftig quartalsweise berichtet.", ["Fr. Lutz"], "11.06."),
        ("Neue Einwilligungserklärung wird gemeinsam erarbeitet.", ["Fr. Okafor", "Hr. Stoltenberg"], "Ende April"),
        ("Entwurf an alle vor der nächsten Sitzung.", ["Fr. Lutz"], "KW 22"),
        ("Abstimmung mit Kämmerei zum Eigenanteil.", ["Hr. Dr. Brenner"], "15.05."),
        # an outcome ("genehmigt") takes no owner line either
        ("Liste der Wohnheimplätze wird vervollständigt.", ["Hr. Weigand"], "15.05."),
    ]
    assert [d.text for d in record.decisions] == ["Lenkungskreis befürwortet einstimmig die Antragstellung.",
                                                  "Protokoll der 2. Sitzung genehmigt."]


def test_an_item_table_reports_under_sachstand_and_decides_nothing_under_a_dash(nlp, render):
    record = _record(nlp, render, """= Protokoll Jour fixe
Datum: 27.01.2026
Teilnehmende: Fr. Aydın (ABH), Hr. Petrović (JC)
## TOP 1 Beschäftigungserlaubnisse
| Sachstand | ABH meldet 40 offene Anträge, Bearbeitungszeit 6 Wochen. |
| Ergebnis | – |
| Aufgabe | Funktionspostfach einrichten |
| Verantwortlich | Fr. Aydın |
| Termin | 15.02.2026 |
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in record.action_items] == [("Funktionspostfach einrichten", ["Fr. Aydın"])]
    assert record.decisions == []


def test_a_plans_section_rows_carry_a_letter_as_their_number(nlp, render):
    record = _record(nlp, render, """= Lenkungsausschuss
Datum: 09.07.2026
|= Nr. | Maßnahme | Verantwortlich | Termin | Stand |
|> A Zugang und Beratung
| A1 | Sprechstunde im Jobcenter ausweiten | Jobcenter | 01.09.2026 | vereinbart |
|> B) Qualifizierung
| B1 | Praktikumsbörse aufbauen | Projektträger | 31.12.2026 | neu |
""")
    assert [(t.number, t.title) for t in record.topics] == [("A", "Zugang und Beratung"), ("B", "Qualifizierung")]


def test_a_results_tables_merged_rows_open_the_items_its_numbered_rows_belong_to(nlp, render):
    record = _record(nlp, render, """= Netzwerk Frühe Hilfen
Datum: 10.03.2026
|= Nr. | Thema / Sachstand | Maßnahme / Ergebnis | Wer / bis wann |
|> TOP 1 – Begrüßung, Protokoll, Tagesordnung
| 1.1 | Protokoll vom 25.11.2025 | ohne Änderungen genehmigt | – |
|> TOP 2 – Lotsendienst in den Geburtskliniken
| 2.1 | Lotsin seit Oktober im Klinikum | Kenntnisnahme | – |
| 2.2 | Kreisklinik ohne Lotsendienst | Koordinierungsstelle prüft die Finanzierung | Fr. Rosenthal<br>bis 16.06.2026 |
""")
    assert [(t.number, t.title, len(t.subtopics)) for t in record.topics] == [
        ("1", "Begrüßung, Protokoll, Tagesordnung", 1), ("2", "Lotsendienst in den Geburtskliniken", 2)]


def test_a_continuation_row_is_no_header_line_whatever_word_it_starts_with(nlp, render):
    # "Raum" is a header key (the meeting's room); a task row starting with it is still a task.
    record = _record(nlp, render, """= Ergebnisprotokoll Netzwerk
Datum: 21.04.2026
|= TOP | Thema | Ergebnis / Beschluss | Verantwortlich | Termin |
| 1 | Veranstaltung | Das Netzwerk führt am 24.09.2026 eine Arbeitgeberveranstaltung durch. | – | – |
| | | Raum und Technik reservieren | IHK (Hr. Wolters) | 15.05. |
""")
    assert [a.task for a in record.action_items] == ["Raum und Technik reservieren"]
    tasks = _record(nlp, render, """= Kurzprotokoll
Datum: 21.04.2026
|= Aufgabe | Wer | Bis |
| Raum buchen | Fr. Ott | 15.05.2026 |
""")
    assert [a.task for a in tasks.action_items] == ["Raum buchen"] and tasks.meeting.place is None


def test_an_owner_cell_that_states_the_tasks_leaves_the_result_cell_to_the_decisions(nlp, render):
    record = _record(nlp, render, """= Ergebnisprotokoll Koordinierungsgruppe
Datum: 10.03.2026
|= Nr. | Thema | Feststellung / Diskussion | Festlegung | Wer | Bis |
| 1 | Indikatoren | Vorschlag der Sozialplanung besprochen. | Der neue Einbürgerungsindikator wird übernommen. | Hr. Oppermann klärt mit dem Datenschutzbeauftragten die Lieferung<br>Fr. Kessler-Brandt prüft eine Sonderauswertung | nächste Sitzung<br>Ende April |
| 2 | Datenlieferung | Feste Routine gewünscht. | Einvernehmen: Lieferung künftig halbjährlich. | Fr. Kessler-Brandt / Hr. Petersen: kurze Vereinbarung aufsetzen | KW 16 |
""")
    assert [([o.name for o in a.responsible], a.due.text) for a in record.action_items] == [
        (["Hr. Oppermann"], "nächste Sitzung"), (["Fr. Kessler-Brandt"], "Ende April"), (["Fr. Kessler-Brandt", "Hr. Petersen"], "KW 16")]
    assert [d.text for d in record.decisions] == [
        "Der neue Einbürgerungsindikator wird übernommen.", "Einvernehmen: Lieferung künftig halbjährlich."]


def test_a_sentence_introducing_what_was_decided_makes_the_list_below_decisions(nlp, render):
    record = _record(nlp, render, """= Protokoll der Fachschaftssitzung
Anwesend: Anna Berg, Tom Kehl
## TOP 1 Haushalt
Per Akklamation werden folgende Sparmaßnahmen beschlossen:
- Die Anschaffung eines Pavillons wird gestrichen.
- Es wird kein Knabberkram extra für die Sitzung gekauft.
## TOP 2 Aufgaben
Folgende Maßnahmen wurden vereinbart:
- Tom bringt den Grill mit.
""")
    decisions = [d.text for d in record.decisions]
    assert decisions == ["Die Anschaffung eines Pavillons wird gestrichen.", "Es wird kein Knabberkram extra für die Sitzung gekauft."]
    assert [a.responsible[0].name for a in record.action_items] == ["Tom"]
