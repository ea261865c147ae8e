"""Meeting metadata and topic segmentation on hand-built documents (no reader involved)."""
from datetime import date

from protokollant.document import Block, BlockKind, Document
from protokollant.extract.meta import extract_meta
from protokollant.extract.topics import extract_topics


def doc(*specs) -> Document:
    blocks = []
    for i, spec in enumerate(specs):
        kind, text, *rest = spec
        extra = rest[0] if rest else {}
        blocks.append(Block(index=i, kind=kind, text=text, **extra))
    return Document(blocks=blocks)


P, H, L, R = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.TABLE_ROW


def test_attendance_in_labelled_groups_under_an_empty_attendance_key():
    d = doc(
        (P, "Niederschrift über die 14. Sitzung des Fachausschusses"),
        (P, "Sitzungstermin: Dienstag, 24.02.2026"),
        (P, "Anwesend:"),
        (P, "Vorsitz: Renate Hülsmann (CDU)"),
        (P, "Mitglieder: Petra Schwing (CDU), Lars Oettinger (SPD)"),
        (P, "Sachkundige Einwohner: Jasmin Haddad (Integrationsbeirat)"),
        (P, "Verwaltung: Hr. Lübke (Jobcenter), Fr. Gerdes (Ausländerbehörde)"),
        (P, "Schriftführung: Fr. Brinkmann"),
        (P, "Zielgruppe: Frau Adler (Beratung) und Herr Brandt"),
        (H, "Ö 1 Eröffnung", {"heading_level": 1}),
        (P, "Die Vorsitzende eröffnet die Sitzung."),
    )
    meta = extract_meta(d)
    assert [p.name for p in meta.meeting.participants.present] == [
        "Petra Schwing", "Lars Oettinger", "Jasmin Haddad", "Lübke", "Gerdes"]
    assert {3, 4, 5, 6, 7} <= meta.header_blocks and 8 not in meta.header_blocks


def test_header_table_and_attendance_lines():
    d = doc(
        (H, "Protokoll der 14. Sitzung des Koordinierungsgremiums", {"heading_level": 1}),
        (R, "Datum | 12. März 2026", {"cells": ["Datum", "12. März 2026"], "table_index": 0, "row_index": 0}),
        (R, "Zeit | 14:00 – 16:30 Uhr", {"cells": ["Zeit", "14:00 – 16:30 Uhr"], "table_index": 0, "row_index": 1}),
        (R, "Ort | Agentur für Arbeit, Raum 2.14", {"cells": ["Ort", "Agentur für Arbeit, Raum 2.14"], "table_index": 0, "row_index": 2}),
        (P, "Anwesend: Frau Dr. Anna Yilmaz (Stadt), Jonas Becker (Jobcenter)"),
        (P, "Entschuldigt: Petra Wolf"),
        (P, "Protokoll: Jonas Becker"),
        (H, "TOP 1: Begrüßung", {"heading_level": 2}),
        (P, "Frau Yilmaz begrüßt die Anwesenden."),
        (H, "TOP 2: Verschiedenes", {"heading_level": 2}),
        (P, "Nächste Sitzung: 11. Juni 2026, 14:00 Uhr"),
    )
    meta = extract_meta(d)
    m = meta.meeting
    assert m.title == "Protokoll der 14. Sitzung des Koordinierungsgremiums"
    assert m.date == date(2026, 3, 12)
    assert m.time == "14:00 – 16:30 Uhr"
    assert m.place == "Agentur für Arbeit, Raum 2.14"
    assert [p.name for p in m.participants.present] == ["Anna Yilmaz", "Jonas Becker"]
    assert [p.name for p in m.participants.excused] == ["Petra Wolf"]
    assert m.minute_taker == "Jonas Becker"
    assert m.next_meeting == date(2026, 6, 11)
    assert meta.people.resolve("AY").name == "Anna Yilmaz"

    topics = extract_topics(d, meta)
    assert [(t.number, t.title) for t in topics] == [("1", "Begrüßung"), ("2", "Verschiedenes")]
    assert (topics[0].block_start, topics[0].block_end) == (7, 8)
    assert topics[1].block_end == 10


def test_top_lines_without_heading_styles_and_subitems():
    d = doc(
        (P, "Vorstandssitzung Verein e.V. am 13.04.2021"),
        (P, "TOP 1: Protokolle"),
        (P, "Das Protokoll wird einstimmig angenommen."),
        (P, "TOP 2: Interna"),
        (P, "2.1 Webseite"),
        (P, "TOP 3.2 Mitgliederbegrüßung"),
        (P, "Zu TOP 4: Verschiedenes"),
    )
    meta = extract_meta(d)
    assert meta.meeting.date == date(2021, 4, 13)
    topics = extract_topics(d, meta)
    assert [(t.number, t.title) for t in topics] == [("1", "Protokolle"), ("2", "Interna"), ("4", "Verschiedenes")]
    assert [s.title for s in topics[1].subtopics] == ["Webseite", "Mitgliederbegrüßung"]


def test_heading_styles_with_title_and_meta_headings():
    d = doc(
        (H, "2020-08-06 Vorstandssitzung", {"heading_level": 1}),
        (H, "Teilnehmer", {"heading_level": 2}),
        (L, "Bernadette Fritzsch", {"list_level": 0, "list_id": 1, "list_number": "•"}),
        (L, "Martin Hammitzsch", {"list_level": 0, "list_id": 1, "list_number": "•"}),
        (H, "Kassenbericht", {"heading_level": 2}),
        (P, "Der Kontostand ist unverändert."),
        (H, "Mitgliederversammlung", {"heading_level": 2}),
        (H, "Einladung", {"heading_level": 3}),
    )
    meta = extract_meta(d)
    assert [p.name for p in meta.meeting.participants.present] == ["Bernadette Fritzsch", "Martin Hammitzsch"]
    assert meta.meeting.date == date(2020, 8, 6)
    topics = extract_topics(d, meta)
    assert [t.title for t in topics] == ["Kassenbericht", "Mitgliederversammlung"]
    assert [s.title for s in topics[1].subtopics] == ["Einladung"]


def test_a_part_named_by_a_label_and_its_number_is_numbered_like_an_item():
    d = doc(
        (H, "Aktionsplan Integration – Umsetzungsgruppe", {"heading_level": 1}),
        (H, "Handlungsfeld 1: Sprache und Bildung", {"heading_level": 2}),
        (P, "Die Kurse laufen."),
        (H, "Handlungsfeld 2 – Wohnen", {"heading_level": 2}),
        (P, "Zwei Wohnungen sind vermittelt."),
        (H, "Verschiedenes", {"heading_level": 2}),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("1", "Sprache und Bildung"), ("2", "Wohnen"), (None, "Verschiedenes")]


def test_a_line_naming_the_kind_of_note_is_no_item(record):
    r = record("""**Welcome Center Region Brenzau**
**Gesprächsvermerk**
Fachgespräch „Onboarding internationaler Fachkräfte“ mit der Kaltenbach Präzisionstechnik GmbH
Datum/Zeit: 28.01.2026, 14:00–15:30 Uhr
Vermerk: Kocak

**Ausgangslage**
Kaltenbach hat 2025 sechs Facharbeitende eingestellt.

**Wohnraum**
Herr Mahler berichtet über Werkswohnungen.
""")
    assert [t.title for t in r.topics] == ["Ausgangslage", "Wohnraum"]


def test_numbered_list_carries_the_agenda_in_pad_style_minutes():
    d = doc(
        (P, "Vorstandssitzung 2020-08-06"),
        (L, "Nur BF und MH als Teilnehmer, Ursache könnte ein fehlender Eintrag im Kalender sein.", {"list_level": 0, "list_id": 3, "list_number": "1."}),
        (L, "Kassenprüfung", {"list_level": 0, "list_id": 3, "list_number": "2."}),
        (L, "Unterlagen erhalten", {"list_level": 1, "list_id": 3, "list_number": "a."}),
        (L, "Sonstiges", {"list_level": 0, "list_id": 3, "list_number": "3."}),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == ["Nur BF und MH als Teilnehmer", "Kassenprüfung", "Sonstiges"]
    assert all(t.number is None for t in topics)


def test_layout_headings_under_style_headings_are_subitems_and_titles_are_cleaned():
    d = doc(
        (H, "Mitgliederversammlung Verein e.V.", {"heading_level": 1, "heading_source": "style"}),
        (H, "1. Berichte", {"heading_level": 3, "heading_source": "style"}),
        (H, "a) Rechenschaftsbericht", {"heading_level": 2, "heading_source": "layout"}),
        (P, "Der Bericht wird angenommen."),
        (H, "2. Statistik --> verschoben auf nächste Sitzung", {"heading_level": 3, "heading_source": "style"}),
        (H, "3. Interna: https://example.org/issues", {"heading_level": 3, "heading_source": "style"}),
        (H, "Wortprotokoll", {"heading_level": 3, "heading_source": "style"}),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("1", "Berichte"), ("2", "Statistik"), ("3", "Interna")]
    assert [s.title for s in topics[0].subtopics] == ["a) Rechenschaftsbericht"]


def test_council_item_numbers_with_public_marker():
    d = doc(
        (H, "Niederschrift über die Sitzung des Ausschusses", {"heading_level": 1}),
        (H, "TOP Ö 5 – Arbeitsmarktintegration", {"heading_level": 1}),
        (P, "Text."),
        (H, "TOP Ö 6 – Verschiedenes", {"heading_level": 1}),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("5", "Arbeitsmarktintegration"), ("6", "Verschiedenes")]


def test_organisation_from_the_title():
    from protokollant.extract.meta import is_body_name, organisation_from_title

    assert organisation_from_title("Bürgerrunde März 2017") == "Bürgerrunde"
    assert organisation_from_title("Stupig Treffen vom 03. Oktober 2014") == "Stupig"
    assert organisation_from_title("Protokoll der Mitgliederversammlung vom 14. August 2017") is None
    assert organisation_from_title("Treffen 03.03.2017") is None
    assert is_body_name("Bürgerrunde") and is_body_name("Integrationsrat") and not is_body_name("Stupig")
    # minutes words and a month/year dropped; a name opening with its body may run longer
    assert organisation_from_title("Lenkungsgruppe KIM – Sitzung 03/2026") == "Lenkungsgruppe KIM"
    assert organisation_from_title("Steuerkreis Fachkräftesicherung Region Mittelweser – Ergebnisniederschrift") == (
        "Steuerkreis Fachkräftesicherung Region Mittelweser")
    assert organisation_from_title("Koordinierungsrunde Sprachbildung in Kitas und Elternarbeit") == (
        "Koordinierungsrunde Sprachbildung in Kitas und Elternarbeit")
    assert organisation_from_title("Gesprächsvermerk") is None
    assert is_body_name("Lenkungsgruppe KIM") and is_body_name("Runder Tisch Gesundheit und Migration")


def test_an_empty_heading_followed_by_headings_groups_them_until_a_closing_item():
    lay = {"heading_level": 1, "heading_source": "layout"}
    d = doc(
        (H, "Treffen der Bürgerrunde", lay),
        (P, "Datum: 16.03.2017"),
        (H, "Planung des Dorffests", lay),  # no text of its own: a section
        (H, "Rahmenbedingungen", lay),
        (P, "Alle verkaufen auf Privatgrundstück."),
        (H, "Anmeldung", lay),
        (P, "Thomas erstellt das Formular."),
        (H, "Werbung", lay),
        (P, "Erster Text ins Blättle."),
        (H, "Verschiedenes", lay),  # a closing item is top level again
        (P, "Stammtisch war gut besucht."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == ["Planung des Dorffests", "Verschiedenes"]
    assert [s.title for s in topics[0].subtopics] == ["Rahmenbedingungen", "Anmeldung", "Werbung"]
    assert topics[0].block_end == 8


def test_headings_with_text_stay_top_level_and_numbered_headings_are_left_alone():
    lay = {"heading_level": 1, "heading_source": "layout"}
    flat = doc(
        (H, "Protokoll der Vorstandssitzung", lay), (P, "Datum: 06.08.2020"),
        (H, "Begrüßung", lay), (P, "Frau X begrüßt."),
        (H, "Haushalt", lay), (P, "Der Haushalt wird vorgestellt."),
        (H, "Verschiedenes", lay), (P, "Nichts."),
    )
    assert [t.title for t in extract_topics(flat, extract_meta(flat))] == ["Begrüßung", "Haushalt", "Verschiedenes"]
    numbered = doc(
        (H, "Protokoll der Vorstandssitzung", lay), (P, "Datum: 06.08.2020"),
        (H, "1. Begrüßung", lay),
        (H, "2. Bericht", lay), (P, "Bericht."),
        (H, "3. Haushalt", lay), (P, "Haushalt."),
    )
    assert [t.number for t in extract_topics(numbered, extract_meta(numbered))] == ["1", "2", "3"]


def test_a_numbered_list_of_long_sentences_is_content_not_the_agenda():
    resolution = (
        "Der Integrationsbeirat beschließt, die Beratung der Geflüchteten in den Unterkünften durch die Träger "
        "der Wohlfahrtspflege in veränderter Form fortzusetzen und dafür Mittel im Haushalt bereitzustellen.",
        "Die Verwaltung wird beauftragt, hierfür einen entsprechenden Vertrag mit einer Laufzeit von bis zu drei "
        "Jahren mit den Trägern abzuschließen und dem Beirat zu berichten.",
    )
    d = doc(
        (P, "Gremium: Integrationsbeirat"),
        (H, "Beschlussvorschlag", {"heading_level": 2}),
        *[(L, text, {"list_level": 0, "list_id": 1, "list_number": f"{i}."}) for i, text in enumerate(resolution, 1)],
        (H, "Abstimmung:", {"heading_level": 2}),
        (P, "Einstimmig beschlossen."),
    )
    assert extract_topics(d, extract_meta(d)) == []


def test_point_references_under_top_items_are_not_agenda_items():
    d = doc(
        (H, "Niederschrift über die Sitzung des Integrationsrates", {"heading_level": 1}),
        (H, "TOP Ö 4 – Bericht der Verwaltung", {"heading_level": 2}),
        (P, "Frau Yilmaz berichtet."),
        (H, "TOP Ö 5 – Konzept des Integrationsrates", {"heading_level": 2}),
        (L, "Zu Punkt 2) „Rechtsextremismus“ wird durch „jede Form von Extremismus“ ersetzt", {"list_level": 0, "list_id": 1, "list_number": "•"}),
        (P, "Punkt 8 lautet: wir verbessern die Wahlbeteiligung."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("4", "Bericht der Verwaltung"), ("5", "Konzept des Integrationsrates")]
    assert topics[1].block_end == 5


def test_one_top_level_heading_above_the_items_is_a_title_even_after_a_title_line():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""= Protokolle/2024-02-26 Plenum
# Heutiges Plenum am 26.02.2024
## Müllproblem
Wir brauchen eine Lösung.
## Weekend of Work
Termin am 09.03.
## Tag des offenen Hackspaces
Wir machen mit.
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == ["Müllproblem", "Weekend of Work", "Tag des offenen Hackspaces"]


def test_the_minutes_own_title_heading_is_no_topic():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""**Beirat Burglesum**
# Niederschrift über die 19. Beiratssitzung am 18.05.2021
# Genehmigung der Tagesordnung
Die Tagesordnung wird genehmigt.
# Protokoll der letzten Sitzung
Das Protokoll wird genehmigt.
# Zeit und Ort der Versammlung
Rathaus, 19 Uhr.
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == ["Genehmigung der Tagesordnung", "Protokoll der letzten Sitzung"]


def test_council_items_numbered_oe_without_top():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""**Gemeinde Lindenfeld**
= Niederschrift über die öffentliche Sitzung des Bau- und Umweltausschusses
Datum: 17.03.2026
**Ö 1 Eröffnung und Feststellung der Beschlussfähigkeit**
Der Vorsitzende eröffnet die Sitzung.
**Ö 2 Bauantrag: Neubau eines Mehrfamilienhauses mit 9 Wohneinheiten und Tiefgarage, Kirchgasse 7, Flst. 412/3**
Das Einvernehmen wird einstimmig erteilt.
**NÖ 1 Grundstücksangelegenheiten**
Vertraulich.
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.number for t in record.topics] == ["Ö 1", "Ö 2", "NÖ 1"]
    assert record.topics[1].title.startswith("Bauantrag: Neubau eines Mehrfamilienhauses")


def test_a_bold_task_list_label_is_no_topic():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""= Protokoll Teamsitzung
Datum: 08.09.2026
**TOP 1: Lesesommer**
Wir machen wieder mit.
**TOP 2: Öffnungszeiten**
Keine Änderung.
**Aufgaben**
|= Aufgabe | Wer | Bis wann |
| Plakate drucken | Frau Ott | 15.09. |
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == ["Lesesommer", "Öffnungszeiten"]
    assert [a.task for a in record.action_items] == ["Plakate drucken"]


def test_items_under_a_container_heading_and_no_next_meeting_topic():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""# Protokoll 28. November 2017
## Anwesenheit
### Team
- Lucas Schons
- Franz Ruge
## Fragen aus dem letzten Meeting
- keine
## Agenda
### Nachbesprechung A2
- Zufriedenheit mit A2
### Besprechung Lastenheft
- Lukas recherchiert zu Qualitätsmatrix
### Sonstiges
- Löschen von benutzten Branches
## Nächstes Meeting
- voraussichtliches Datum: 01.12.2017
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == ["Nachbesprechung A2", "Besprechung Lastenheft", "Sonstiges"]


def test_council_item_numbers_on_a_line_of_their_own_take_the_title_below():
    d = doc(
        (P, "Sitzung der Bezirksversammlung vom 28.02.2019", {"bold": True}),
        (P, "Ö 1", {"bold": True}),
        (P, "Festlegung der Tagesordnung", {"bold": True}),
        (P, "Die Bezirksversammlung stimmt der Tagesordnung einstimmig zu."),
        (P, "Ö 2 - 21-0241\nWahl einer Bezirksamtsleitung", {"bold": True}),
        (P, "Frau Wolpert erläutert den Ablauf der Wahl."),
        (P, "Ö 2.1", {"bold": True}),
        (P, "Dringlichkeitsscheine", {"bold": True}),
        (P, "Der TOP wird gestrichen."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("Ö 1", "Festlegung der Tagesordnung"), ("Ö 2", "Wahl einer Bezirksamtsleitung")]
    assert [(s.number, s.title) for s in topics[1].subtopics] == [("Ö 2.1", "Dringlichkeitsscheine")]


def test_two_bold_numbered_lines_under_a_single_heading_are_the_agenda():
    d = doc(
        (H, "Aus der Gemeinderatssitzung vom 6. November 2014", {"heading_level": 1}),
        (P, "1. Baugesuche", {"bold": True}),
        (P, "Einem Baugesuch wurde das Einvernehmen erteilt."),
        (P, "2. Fortschreibung des Flächennutzungsplanes", {"bold": True}),
        (P, "Das Büro erläutert die Änderungen."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("1", "Baugesuche"), ("2", "Fortschreibung des Flächennutzungsplanes")]


LAYOUT = {"bold": True, "heading_level": 1, "heading_source": "layout"}


def test_closing_blocks_of_a_note_are_no_agenda_items_its_occasion_is():
    # "Anlass" opens the note's body: the corpus' annotators list it as an item (devside: 18 of 19 such headings).
    d = doc(
        (P, "Protokollnotiz", {"bold": True}),
        (P, "Datum: 09.03.2026"),
        (H, "Anlass", LAYOUT),
        (P, "Die Steuerungsrunde hatte ein Abstimmungsgespräch vereinbart."),
        (H, "Berufsorientierung an den Schulen", LAYOUT),
        (P, "Fr. Hagedorn berichtete."),
        (H, "Jugendberufsagentur", LAYOUT),
        (P, "Hr. Roth stellte die Überlegungen vor."),
        (H, "Ergebnisse", LAYOUT),
        (L, "Die Praktikumsbörse wird gemeinsam geführt."),
        (H, "Weiteres Vorgehen", LAYOUT),
        (L, "IHK und HWK liefern die Daten bis Ende Mai."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == ["Anlass", "Berufsorientierung an den Schulen", "Jugendberufsagentur"]


def test_an_empty_styled_heading_is_an_item_with_nothing_noted():
    style = {"heading_level": 2, "heading_source": "style"}
    d = doc(
        (H, "11. Diskurs vom 20.06.2019", {"heading_level": 1, "heading_source": "style"}),
        (H, "Was noch offen ist vom letzten Mal", style),
        (H, "Was mir aufgefallen ist", style),
        (L, "Fahrrad von Liz"),
        (H, "Was ich bis zum nächsten Plenum vorhabe", style),
        (L, "Infoabende starten (venti)"),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == ["Was noch offen ist vom letzten Mal", "Was mir aufgefallen ist",
                                         "Was ich bis zum nächsten Plenum vorhabe"]


def test_numbered_sentences_are_content_and_numbered_titles_an_agenda():
    sentences = doc(
        (P, "Protokoll der Mitgliederversammlung am 26.2.2019"),
        (P, "1. Der Vorsitzende begrüßt die anwesenden Mitglieder und eröffnet die Versammlung."),
        (P, "2. Ein Ensemble begrüßt die Mitglieder mit einem kurzen Musikstück aus dem Programm."),
        (P, "3. Der Vorsitzende stellt die Beschlussfähigkeit fest, da rechtzeitig eingeladen wurde."),
        (P, "4. Kasse: Der Kassenbericht wird ohne Einwände zur Kenntnis genommen."),
    )
    assert extract_topics(sentences, extract_meta(sentences)) == []
    titles = doc(
        (P, "Protokoll der Mitgliederversammlung am 26.2.2019"),
        (P, "1. Begrüßung und Feststellung der Beschlussfähigkeit"),
        (P, "Der Vorsitzende begrüßt die anwesenden Mitglieder und eröffnet die Versammlung."),
        (P, "2. Bericht des Vorstands"),
        (P, "3. Kasse: Der Kassenbericht wird ohne Einwände zur Kenntnis genommen."),
    )
    assert [(t.number, t.title) for t in extract_topics(titles, extract_meta(titles))] == [
        ("1", "Begrüßung und Feststellung der Beschlussfähigkeit"), ("2", "Bericht des Vorstands"), ("3", "Kasse")]


def test_pad_outline_bullets_are_the_agenda_and_year_headings_are_not():
    # An archive page: a year heading, the meeting's heading, then short bullets with nested
    # points. A flat bullet list (no nested points) stays content.
    def bullets(*items):
        out = [(H, "2020", {"heading_level": 1}), (H, "Protokoll 30. Januar", {"heading_level": 2})]
        for text, level in items:
            out.append((L, text, {"list_level": level, "list_id": 1, "list_number": "•"}))
        return doc(*out)

    outline = bullets(("Hausordnung", 0), ("Wer Probleme hat, darf die Polizei rufen.", 1), ("Gestaltung", 0),
                      ("Vorträge am 1. Donnerstag", 1), ("Sonstiges", 0), ("Neues Heizkörperventil", 1))
    assert [t.title for t in extract_topics(outline, extract_meta(outline))] == ["Hausordnung", "Gestaltung", "Sonstiges"]
    flat = bullets(("Hausordnung", 0), ("Gestaltung", 0), ("Sonstiges", 0))
    assert extract_topics(flat, extract_meta(flat)) == []


def test_items_that_open_with_text_take_their_titles_from_the_agenda_above():
    d = doc(
        (P, "Verhandlungsschrift über die Sitzung des Gemeinderates am 12.03.2021"),
        (P, "Tagesordnung:\n1. Eröffnung\n2. Genehmigung der Verhandlungsschrift\n3. Bericht des Bürgermeisters"),
        (P, "Zu Punkt 1: Der Bürgermeister eröffnet die Sitzung."),
        (P, "Zu Punkt 2: Die Verhandlungsschrift wird einstimmig genehmigt."),
        (P, "Zu Punkt 3: Bericht des Bürgermeisters"),
        (P, "Der Bürgermeister berichtet über die Bauvorhaben."),
    )
    assert [(t.number, t.title) for t in extract_topics(d, extract_meta(d))] == [
        ("1", "Eröffnung"), ("2", "Genehmigung der Verhandlungsschrift"), ("3", "Bericht des Bürgermeisters")]


def test_a_run_in_title_before_the_items_text_on_the_same_line():
    d = doc(
        (P, "Mitgliederversammlung 2020"),
        (P, "TOP 1 – Revisionsbericht/Entlastung: Die Revision wurde ordnungsgemäß durchgeführt. Der Vorstand wurde entlastet."),
        (P, "TOP 2 – Wertermittler gesucht: Herr Baier informierte, dass Personen gesucht werden."),
        (P, "TOP 3: Termine: Sommerfest, Arbeitseinsatz"),
        (P, "4 – Neuwahl des Revisionspostens: Frau Scholz wurde einstimmig gewählt."),
    )
    assert [(t.number, t.title) for t in extract_topics(d, extract_meta(d))] == [
        ("1", "Revisionsbericht/Entlastung"), ("2", "Wertermittler gesucht"), ("3", "Termine: Sommerfest, Arbeitseinsatz")]
    typed = doc(
        (P, "Mitgliederversammlung 2020"),
        (P, "1 – Revisionsbericht/Entlastung: Die Revision wurde ordnungsgemäß durchgeführt."),
        (P, "2 – Wertermittler gesucht: Herr Baier informierte, dass Personen gesucht werden."),
        (P, "3 – Neuwahl des Revisionspostens: Frau Scholz wurde einstimmig gewählt."),
    )
    assert [(t.number, t.title) for t in extract_topics(typed, extract_meta(typed))] == [
        ("1", "Revisionsbericht/Entlastung"), ("2", "Wertermittler gesucht"), ("3", "Neuwahl des Revisionspostens")]


def test_a_numbered_top_heading_above_its_sub_items_is_an_item_not_a_title():
    d = doc(
        (P, "4. Generalversammlung der Dorfladen eG am 11.04.2018"),
        (H, "1. Eröffnung und Begrüßung", {"heading_level": 1}),
        (P, "Der Stellvertreter begrüßt die Anwesenden."),
        (H, "1.a Versammlungsleiter", {"heading_level": 2}),
        (P, "Herr Schramm wird zum Versammlungsleiter gewählt."),
        (H, "1.b Beschlussfähigkeit", {"heading_level": 2}),
        (P, "Die Beschlussfähigkeit wird festgestellt."),
    )
    assert [(t.title, [s.title for s in t.subtopics]) for t in extract_topics(d, extract_meta(d))] == [
        ("Eröffnung und Begrüßung", ["1.a Versammlungsleiter", "1.b Beschlussfähigkeit"])]


def test_bare_item_numbers_take_their_titles_from_a_word_numbered_agenda():
    d = doc(
        (P, "Protokoll der Mitgliederversammlung vom 04.02.2020"),
        (P, "Tagesordnung"),
        (L, "Begrüßung und Regularien", {"list_level": 0, "list_id": 3, "list_number": "1."}),
        (L, "Neumitglieder: Information über die Abholung (Wie wollen wir die neuen Abholer betreuen?)",
         {"list_level": 0, "list_id": 3, "list_number": "2."}),
        (L, "Sommerfest", {"list_level": 0, "list_id": 3, "list_number": "3."}),
        (H, "TOP 1", {"heading_level": 1, "heading_source": "layout", "bold": True}),
        (P, "Die Vorsitzende begrüßt die Anwesenden."),
        (H, "TOP 2", {"heading_level": 1, "heading_source": "layout", "bold": True}),
        (P, "Neue Mitglieder holen ihr Gemüse ab dem 7.3. ab."),
    )
    assert [(t.number, t.title) for t in extract_topics(d, extract_meta(d))] == [
        ("1", "Begrüßung und Regularien"),
        ("2", "Neumitglieder: Information über die Abholung (Wie wollen wir die neuen Abholer betreuen?)")]



def test_a_title_styled_line_does_not_turn_the_bold_item_lines_into_subitems():
    # A memo's "Gesprächsvermerk" set in Word's Title style names the document; the bold lines
    # below are its items, not sub-items of the title.
    d = doc(
        (H, "Stadt Kerchheim – Amt für Migration", {"heading_level": 1, "heading_source": "layout", "bold": True}),
        (H, "Gesprächsvermerk", {"heading_level": 1, "heading_source": "style", "style": "Title"}),
        (P, "Datum: 26.03.2026"),
        (H, "Zuweisungsprognose", {"heading_level": 1, "heading_source": "layout", "bold": True}),
        (P, "Die LAB erläutert die Prognose des Landes."),
        (H, "Unterbringung", {"heading_level": 1, "heading_source": "layout", "bold": True}),
        (P, "Die Belegung liegt bei 93 Prozent."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == ["Zuweisungsprognose", "Unterbringung"]


def test_a_council_information_systems_item_page_names_its_item_in_the_title_line():
    d = doc(
        (H, "04.12.2023 - 6 Kinder- und Jugendparlament", {"heading_level": 1, "heading_source": "style", "style": "Title"}),
        (P, "Wortprotokoll"),
        (P, "Herr Winkler schlägt vor, das Kinder- und Jugendparlament zweimal im Jahr einzuladen."),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [(t.number, t.title) for t in topics] == [("6", "Kinder- und Jugendparlament")]


def test_an_excerpt_of_one_item_names_it_in_the_title_line():
    d = doc(
        (H, "Auszug - Anträge und Anfragen", {"heading_level": 1, "heading_source": "style", "style": "Title"}),
        (P, "Sitzung des Ortsrates Hohenhameln"),
        (P, "Ortsratsmitglied Gläsner fragt an, ob der Ortsrat noch Interesse an einem Kalender hat."),
    )
    assert [(t.number, t.title) for t in extract_topics(d, extract_meta(d))] == [(None, "Anträge und Anfragen")]


def test_an_abbreviation_in_a_long_item_title_does_not_cut_it():
    d = doc(
        (P, "Protokoll"),
        (P, "1. Erschließung des Mischgebietes Fellheimer Str. Süd und Bau des Radwegs zum Wasserturm"),
        (P, "Der Gemeinderat stimmt zu."),
        (P, "2. Bürgerfragen"),
        (P, "Keine."),
        (P, "3. Verschiedenes"),
    )
    titles = [t.title for t in extract_topics(d, extract_meta(d))]
    assert titles[0].startswith("Erschließung des Mischgebietes Fellheimer Str. Süd")


def test_the_minutes_of_the_last_session_are_an_item_not_the_minute_taker():
    d = doc(
        (H, "Protokoll Netzwerk Ehrenamt März 2012", {"heading_level": 1, "heading_source": "style", "style": "Title"}),
        (H, "Protokoll der letzten Sitzung:", {"heading_level": 1}),
        (P, "keine Einwände"),
        (H, "Fortbildungsheft 2012:", {"heading_level": 1}),
        (P, "1000 Exemplare wurden gedruckt."),
    )
    meta = extract_meta(d)
    assert meta.meeting.minute_taker is None
    assert [t.title for t in extract_topics(d, meta)] == ["Protokoll der letzten Sitzung", "Fortbildungsheft 2012"]


def test_a_heading_with_only_the_meetings_date_or_time_is_no_item():
    # "**14-15:30 Uhr**" above a numbered agenda: the time line must not take the agenda's place.
    items = [(L, t, {"list_level": 0, "list_id": 2, "list_number": f"{n}."}) for n, t in enumerate(["Begrüßung", "Workshops", "Sonstiges"], 1)]
    timed = doc((H, "AG Zeitschriften: Telko", {"heading_level": 1}), (H, "14-15:30 Uhr", {"heading_level": 2, "heading_source": "layout"}), *items)
    assert [t.title for t in extract_topics(timed, extract_meta(timed))] == ["Begrüßung", "Workshops", "Sonstiges"]
    for line in ("am Mittwoch, 7. Oktober 2015", "20. März 2015, Feldkirch", "09/04/2019"):
        dated = doc((H, "Protokoll der Sitzung des Arbeitskreises", {"heading_level": 1}), (H, line, {"heading_level": 2}),
                    (P, "Der Vorsitzende begrüßt die Mitglieder."))
        assert extract_topics(dated, extract_meta(dated)) == []
    # a dated item with a name of its own stays an item, also after a comma
    for line in ("12.03.2024, Vorbereitung der Mitgliederversammlung", "12.03.2024 (Vorbereitung der MV)"):
        listed = doc((H, "Protokoll", {"heading_level": 1}), (H, line, {"heading_level": 2}), (P, "Text."),
                     (H, "Verschiedenes", {"heading_level": 2}), (P, "Text."))
        assert len(extract_topics(listed, extract_meta(listed))) == 2
    named = doc((H, "Protokoll", {"heading_level": 1}), (H, "12.03.2024 Vorbereitung der Mitgliederversammlung", {"heading_level": 2}),
                (P, "Text."), (H, "Verschiedenes", {"heading_level": 2}), (P, "Text."))
    assert [t.title for t in extract_topics(named, extract_meta(named))][0].endswith("Vorbereitung der Mitgliederversammlung")


def test_short_bullets_each_followed_by_prose_are_the_agenda():
    # "- Kasse" with the item's paragraphs below it, and no headings: the bullets carry the agenda.
    def bullets(*rows):
        out = [(H, "Protokoll der Hauptversammlung", {"heading_level": 1})]
        for bullet, text in rows:
            out.append((L, bullet, {"list_level": 0, "list_id": 1, "list_number": "•"}))
            if text:
                out.append((P, text))
        return doc(*out)

    prose = bullets(("Begrüssung", "Der Präsident begrüsst die Anwesenden."), ("Jahresbericht", "Der Jahresbericht wird genehmigt."),
                    ("Kasse", "Die Kasse wird genehmigt."))
    assert [t.title for t in extract_topics(prose, extract_meta(prose))] == ["Begrüssung", "Jahresbericht", "Kasse"]
    # a flat bullet list with one paragraph after it stays content
    flat = bullets(("Begrüssung", ""), ("Jahresbericht", ""), ("Kasse", "Die Kasse wird genehmigt."))
    assert extract_topics(flat, extract_meta(flat)) == []


def test_a_heading_below_the_attendance_is_the_first_item_not_the_title():
    d = doc((P, "Anwesend:"), (P, "Evelyn Wurm, Martin Müller, Astrid Köhler"),
            (H, "Begrüßung", {"heading_level": 2}), (L, "Frau Wurm begrüßt die Anwesenden.", {"list_level": 0, "list_id": 1, "list_number": "•"}),
            (H, "Konto bei der Bank", {"heading_level": 2}), (L, "Frau Köhler eröffnet das Konto.", {"list_level": 0, "list_id": 1, "list_number": "•"}))
    meta = extract_meta(d)
    assert meta.title_block is None
    assert [t.title for t in extract_topics(d, meta)] == ["Begrüßung", "Konto bei der Bank"]
    # a heading with a title word stays the title
    titled = doc((P, "Anwesend: Evelyn Wurm, Martin Müller"), (H, "Protokoll der Vorstandssitzung", {"heading_level": 2}),
                 (H, "Begrüßung", {"heading_level": 2}), (P, "Text."), (H, "Kasse", {"heading_level": 2}), (P, "Text."))
    assert extract_meta(titled).title_block == 1


def test_an_item_heading_with_an_attendance_word_and_no_names_is_an_item():
    d = doc((H, "Protokoll der Vorstandssitzung", {"heading_level": 1}), (P, "Anwesend: Evelyn Wurm, Martin Müller"),
            (H, "Finanzen", {"heading_level": 2}), (P, "Text."),
            (H, "Mitglieder: Entwicklung, Anträge, Vorgehensweise", {"heading_level": 2}), (P, "Wir haben 88 Mitglieder."))
    meta = extract_meta(d)
    assert 4 not in meta.header_blocks
    assert [t.title for t in extract_topics(d, meta)] == ["Finanzen", "Mitglieder: Entwicklung, Anträge, Vorgehensweise"]


def test_a_top_title_set_over_several_short_bold_lines_is_one_title():
    d = doc((P, "Protokoll der Mitgliederversammlung", {"bold": True}),
            (P, "TOP 1:\nBegrüßung\nTotengedenken\nFestlegung der Tagesordnung", {"bold": True}), (P, "Der Vorsitzende eröffnet."),
            (P, "TOP 2:\nKasse\nDer Kassenbericht liegt vor.", {"bold": True}), (P, "Text."))
    assert [t.title for t in extract_topics(d, extract_meta(d))] == ["Begrüßung Totengedenken Festlegung der Tagesordnung", "Kasse"]


def test_numbered_points_of_a_resolution_are_content_even_without_a_full_stop():
    typed = doc((P, "Beschluss:"),
                (P, "1. Die Verwaltung wird beauftragt, die Leitung des Jugendzentrums um folgende Dokumentation zu bitten:"),
                (P, "2. Die Verwaltung wird beauftragt zu prüfen, ob das Jugendzentrum am Wochenende öffnen kann (wie an anderen Orten)"),
                (P, "3. Die Leitung des Jugendzentrums wird gebeten, ihr Konzept in einer der nächsten Sitzungen vorzustellen"))
    assert extract_topics(typed, extract_meta(typed)) == []
    listed = doc((H, "26.06.2013 - 4 Bericht des Ortsamtes", {"heading_level": 1}),
                 *[(L, t, {"list_level": 0, "list_id": 4, "list_number": f"{n}."}) for n, t in enumerate([
                     "Das Ortsamt hat für das neue Mitglied folgende Arbeitsunterlagen vorbereitet",
                     "Dem Ortsbeirat wird das Material zur Lärmaktionsplanung übergeben",
                     "Es besteht für Freigängerkatzen eine Kastrationspflicht nach der Verordnung"], 1)])
    assert [t.title for t in extract_topics(listed, extract_meta(listed))] == ["Bericht des Ortsamtes"]


def test_a_next_meeting_heading_with_its_details_is_no_item():
    d = doc((H, "Protokoll Projektgruppe", {"heading_level": 1}), (H, "Stand", {"heading_level": 2}), (P, "Text."),
            (H, "Finanzen", {"heading_level": 2}), (P, "Text."),
            (H, "Nächstes Treffen: Di. 12.05.2026, 14:15 Uhr, Raum A0-22", {"heading_level": 2}))
    assert [t.title for t in extract_topics(d, extract_meta(d))] == ["Stand", "Finanzen"]


def test_bullets_with_typed_numbers_and_prose_below_are_the_agenda():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""= Protokoll der Hauptversammlung Museum Erlach
Vom 9. Februar 2018
- Begrüssung – Entschuldigungen
Jürg Fahm begrüsst die 26 Anwesenden. Die Traktandenliste wird genehmigt.
- 2. Mutationen – Mitgliederbestand
Jürg Fahm begrüsst das neue Mitglied Johannes Zimmermann.
- 3. Jahresbericht – Genehmigung
Der Jahresbericht wird von der Versammlung genehmigt.
- 4. Kasse – Bericht Revisoren – Genehmigung Bericht und Kasse
Jürg Fahm präsentiert den Kassabericht.
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [(t.number, t.title) for t in record.topics] == [
        (None, "Begrüssung – Entschuldigungen"), ("2", "Mutationen – Mitgliederbestand"), ("3", "Jahresbericht – Genehmigung"),
        ("4", "Kasse – Bericht Revisoren – Genehmigung Bericht und Kasse")]


def test_zu_top_lines_take_the_preview_title_even_when_it_closes_with_a_full_stop():
    from protokollant.extract.minutes import extract_record
    from protokollant.ingest.reader import read_document
    from protokollant.nlp.pipeline import load_pipeline
    from tests.markup import render

    data = render("""= Protokoll der Vorstandssitzung vom 12.10.2016
Tagesordnung:
#. Begrüßung, Eröffnung der Sitzung und Feststellen der Beschlußfähigkeit, Genehmigung der Tagesordnung.
#. Genehmigung des Protokolls
#. Verschiedenes
## Zu TOP 1
Der 1. Vorsitzende eröffnet die Sitzung um 19.33 Uhr.
## Zu TOP 2
Das Protokoll wird einstimmig genehmigt.
## Zu TOP 3
Keine Wortmeldungen.
""")
    record = extract_record(read_document(data), load_pipeline("blank"), data=data, file_name="t.docx")
    assert [t.title for t in record.topics] == [
        "Begrüßung, Eröffnung der Sitzung und Feststellen der Beschlußfähigkeit, Genehmigung der Tagesordnung",
        "Genehmigung des Protokolls", "Verschiedenes"]


def test_a_remark_in_brackets_closing_an_item_line_is_not_part_of_its_title():
    d = doc(
        (P, "Jahreshauptversammlung am 01.07.2021"),
        (P, "TOP 1: Genehmigung der Tagesordnung ( wurde einstimmig angenommen )"),
        (P, "TOP 2: Totengedenken ( alle erheben sich )"),
        (P, "TOP 3: Bericht Jugend (Martina Ühlin)"),
        (P, "TOP 4: Kassenbericht (ohne Beschluss)"),
    )
    topics = extract_topics(d, extract_meta(d))
    assert [t.title for t in topics] == [
        "Genehmigung der Tagesordnung", "Totengedenken", "Bericht Jugend (Martina Ühlin)", "Kassenbericht (ohne Beschluss)"]


def test_an_attendance_list_of_first_names_as_items_keeps_unknown_first_names():
    d = doc(
        (P, "Protokoll 2014-09-03"),
        (H, "Anwesende"),
        (L, "Jens"), (L, "Max"), (L, "Christine"), (L, "Oda"), (L, "Hannes"),
        (H, "Auswertung"),
        (P, "19 erfolgreiche Reparaturen."),
    )
    meta = extract_meta(d)
    assert [p.name for p in meta.meeting.participants.present] == ["Jens", "Max", "Christine", "Oda", "Hannes"]


def test_a_resolution_number_heading_an_item_is_not_part_of_its_title():
    d = doc(
        (P, "Beschlussprotokoll der 7. Sitzung des Lenkungsausschusses am 24.02.2026"),
        (H, "Beschluss Nr. 2026/01: Tagesordnung", {"heading_level": 1}),
        (P, "Die Tagesordnung wird einstimmig genehmigt."),
        (H, "Beschluss Nr. 2026/02: Mittelverteilung 2026", {"heading_level": 1}),
        (P, "Der Lenkungsausschuss beschließt die Verteilung."),
        (H, "Mitteilungen (ohne Beschluss)", {"heading_level": 1}),
    )
    assert [t.title for t in extract_topics(d, extract_meta(d))] == [
        "Tagesordnung", "Mittelverteilung 2026", "Mitteilungen (ohne Beschluss)"]


def test_a_bold_line_between_the_title_and_the_header_fields_is_no_item():
    d = doc(
        (H, "Beschlussprotokoll", {"style": "Title"}),
        (H, "Lenkungsausschuss Landesprogramm „Integration in Arbeit“ – 7. Sitzung", {"heading_source": "layout"}),
        (P, "Datum: Dienstag, 24. Februar 2026"),
        (P, "Sitzungsort: Ministerium, Besprechungsraum 3.14"),
        (H, "Tagesordnung", {"heading_source": "layout"}),
        (H, "Mittelverteilung 2026", {"heading_source": "layout"}),
        (P, "Der Lenkungsausschuss beschließt die Verteilung."),
        (H, "Sitzungstermine", {"heading_source": "layout"}),
        (P, "Die nächste Sitzung ist am 12.05.2026."),
    )
    meta = extract_meta(d)
    assert [t.title for t in extract_topics(d, meta)] == ["Mittelverteilung 2026", "Sitzungstermine"]


def test_a_typed_item_whose_name_ends_in_a_full_stop_before_its_text():
    d = doc(
        (P, "Fraktionssitzung am 20.01.2026"),
        (P, "1) Haushalt 2027: Die Fraktion bespricht ihre eigenen Anträge."),
        (P, "2) Stadtbaumkonzept. LH stellt die Vorschläge der Kreisgruppe vor."),
        (P, "3) Bericht des Techn. Leiters"),
    )
    assert [t.title for t in extract_topics(d, extract_meta(d))] == [
        "Haushalt 2027", "Stadtbaumkonzept", "Bericht des Techn. Leiters"]


def test_an_unnumbered_heading_below_the_header_fields_opens_the_body():
    # "Nächstes Treffen: …" under a plain item heading is the item's text: the task after it is kept.
    d = doc(
        (P, "Arbeitskreis Jugendpflege"),
        (P, "Teilnehmende: Sandra Wolff, Melanie Roth"),
        (P, "Protokoll: Sandra Wolff"),
        (H, "Rückblick aus den Kommunen", {"heading_level": 1}),
        (P, "In der Runde berichten alle kurz."),
        (H, "Termine", {"heading_level": 1}),
        (P, "Nächstes Treffen: 02.07.2026, 9:30 Uhr. Melanie übernimmt die Einladung."),
    )
    meta = extract_meta(d)
    assert {1, 2} <= meta.header_blocks and 6 not in meta.header_blocks
    # A heading that names a field stays in the header.
    d = doc(
        (P, "Arbeitskreis Jugendpflege"),
        (P, "Datum: 07.05.2026"),
        (H, "Teilnehmende", {"heading_level": 2}),
        (L, "Sandra Wolff"),
        (H, "Rückblick", {"heading_level": 1}),
    )
    meta = extract_meta(d)
    assert {1, 2, 3} <= meta.header_blocks and 4 not in meta.header_blocks
    assert [p.name for p in meta.meeting.participants.present] == ["Sandra Wolff"]


def test_a_task_after_the_next_meeting_under_a_plain_heading(record):
    rec = record("""= Arbeitskreis Jugendpflege
Teilnehmende: Sandra Wolff, Melanie Roth
# Rückblick
In der Runde berichten alle kurz aus ihren Einrichtungen.
# Termine
Nächstes Treffen: 02.07.2026, 9:30 Uhr, bei der Gemeinde Bergen. Melanie übernimmt die Einladung.
""")
    assert [(a.task, [r.name for r in a.responsible]) for a in rec.action_items] == [
        ("Melanie übernimmt die Einladung.", ["Melanie"])]


def test_a_sentence_after_the_next_meeting_field_is_text_not_header():
    d = doc(
        (P, "Umsetzungsgruppe Integrationskonzept"),
        (P, "Anwesend: Hr. Voigt, Fr. Celik"),
        (R, "1.1 | Sprachcafés | VHS | laufend", {"cells": ["1.1", "Sprachcafés", "VHS", "laufend"], "table_index": 0, "row_index": 0}),
        (P, "Nächste Sitzung: 10.09.2026, 15:00 Uhr. Fr. Celik verschickt den aktualisierten Plan."),
    )
    meta = extract_meta(d)
    assert 3 not in meta.header_blocks
    assert meta.meeting.next_meeting == date(2026, 9, 10)
    # The field alone stays a header line.
    d.blocks[3] = Block(index=3, kind=P, text="Nächster Termin: 12.11.2026, 10 Uhr, Rathaus")
    assert 3 in extract_meta(d).header_blocks


def test_label_lines_are_the_agenda_of_minutes_without_headings():
    d = doc(
        (P, "Kunstverein, Jahreshauptversammlung"),
        (P, "Protokollant: Gert Heiland"),
        (P, "Begrüßung und Eröffnung durch die Vorsitzende."),
        (P, "Jahresbericht des Vorstandes:"),
        (P, "Die Vorsitzende berichtet über Ausstellungen und Fahrten."),
        (P, "Beschluss:"),
        (P, "Die Entlastung wird einstimmig erteilt."),
        (P, "Offene Diskussion:"),
        (P, "Angeregt wird, den Kontakt zu den Schulen aufzunehmen."),
    )
    meta = extract_meta(d)
    topics = extract_topics(d, meta)
    # "Beschluss:" labels the text below it (a section), no agenda item.
    assert [(t.title, t.block_start, t.block_end) for t in topics] == [
        ("Jahresbericht des Vorstandes", 3, 6), ("Offene Diskussion", 7, 8)]


def test_one_label_line_is_no_agenda():
    d = doc(
        (P, "Orga-Treffen"),
        (P, "Die Termine für den Herbst werden abgestimmt."),
        (P, "Offene Punkte:"),
        (P, "Der Raum ist noch nicht gebucht."),
    )
    assert extract_topics(d, extract_meta(d)) == []


def test_a_line_naming_only_the_item_takes_its_title_from_the_bold_line_below(record):
    r = record("""= Protokoll 2. Sitzung 18.2.2025
**Seniorenbeirat Grünstadt**
Beginn: 17.04 Uhr
**Punkt 1 der Tagesordnung**
**Begrüßung und Feststellung der ordnungsgemäßen Ladung**
Die Vorsitzende begrüßt die Beiratsmitglieder.
**Punkt 2 der Tagesordnung**
**Mobilitätszuschuss für Ehrenamtliche**
Herr Anton verweist auf die Anträge.
""")
    assert [(t.number, t.title) for t in r.topics] == [
        ("1", "Begrüßung und Feststellung der ordnungsgemäßen Ladung"), ("2", "Mobilitätszuschuss für Ehrenamtliche")]


def test_a_first_heading_that_names_the_meeting_is_no_item():
    # A page of a council's minutes opens with the session's name as a heading: it is the
    # meeting's own name; the items are the headings below it.
    d = doc(
        (H, "Verhandlungsschrift", {"heading_level": 1}),
        (P, "über die am Montag, dem 4. April 2022 in der Stadthalle stattgefundene"),
        (H, "Sitzung des Gemeinderates", {"heading_level": 2}),
        (P, "Beginn der Sitzung: 15.00 Uhr."),
        (H, "Kreditoperationen gemäß § 54 Statut", {"heading_level": 2}),
        (P, "Der Antrag wird einstimmig angenommen."),
        (H, "Mitgliederversammlung am 6. März", {"heading_level": 2}),
        (P, "Die Einladung geht Ende Januar an alle Mitglieder."),
    )
    topics = extract_topics(d, extract_meta(d))
    # further down, a meeting's name is an item that plans that meeting
    assert [t.title for t in topics] == ["Kreditoperationen gemäß § 54 Statut", "Mitgliederversammlung am 6. März"]


def test_a_dated_session_heading_above_the_items_is_no_item():
    d = doc(
        (H, "Senat der Hochschule", {"heading_level": 1}),
        (P, "Beschlüsse und Themen aus den Sitzungen"),
        (H, "Senatssitzung am 19. Februar 2020", {"heading_level": 2}),
        (H, "Bericht des Präsidiums", {"heading_level": 2}),
        (P, "Der Präsident berichtet über die Haushaltslage."),
        (H, "Wahl der Kommission", {"heading_level": 2}),
        (P, "Die Kommission wird einstimmig gewählt."),
    )
    assert [t.title for t in extract_topics(d, extract_meta(d))] == ["Bericht des Präsidiums", "Wahl der Kommission"]


def test_an_item_line_whose_title_is_a_sentence_is_also_the_items_text(record):
    r = record("""= Niederschrift 4. Sitzung Seniorenbeirat
Sitzung am 19.09.2025 im Rathaus
Top 01: Begrüßung
Top 02: Die Niederschrift der 3. Sitzung vom 23.05.2025 wird ohne Einwand angenommen.
Top 03: Bericht der Vorsitzenden über die Aktivitäten:
Am 04.06. fand der Kaffeenachmittag statt.
""")
    assert [t.title for t in r.topics][:2] == ["Begrüßung", "Die Niederschrift der 3. Sitzung vom 23.05.2025 wird ohne Einwand angenommen"]
    [decision] = r.decisions
    assert decision.text.endswith("Die Niederschrift der 3. Sitzung vom 23.05.2025 wird ohne Einwand angenommen.")
    assert decision.topic_index == 1
