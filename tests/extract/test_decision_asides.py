"""Decisions with something beside them: an aside in brackets, the reasons after an
"Erläuterung:" label, a decision put as a noun ("erfolgt der Beschluss"), an infinitive
without its comma; and a typed item number before a task's owner. Later: tables, open points,
periods and expectations that are no deadlines, questions, headings, role words (``record``:
tests/extract/conftest.py)."""
import pytest


def test_a_typed_item_number_before_the_owner(record):
    r = record("""= Projekttreffen
Datum: 08.06.2026
**Nächste Schritte**
3. Tim übernimmt das Aufräumen der Dokumentation.
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [
        ("3. Tim übernimmt das Aufräumen der Dokumentation.", ["Tim"])]


def test_a_pronoun_outcome_takes_the_sentence_it_refers_to(record):
    r = record("""= Generalversammlung des Turnvereins
Datum: 06.02.2026
**TOP 2 Protokoll der letzten Generalversammlung**
Das Protokoll der 12. Generalversammlung lag im Vereinslokal auf. Es wird genehmigt.
**TOP 3 Wahl der Revisoren**
Frau Imhof und Herr Stalder werden vorgeschlagen. Beide werden einstimmig gewählt.
**TOP 4 Verschiedenes**
Frau Gerber merkte an, dass im Sommer auf dem Sportplatz trainiert werden müsse. Dem wurde allgemein zugestimmt.
""")
    # (the evidence is the whole short line, extract/line_evidence.py)
    assert [(d.text, d.evidence.text) for d in r.decisions[:2]] == [
        ("Das Protokoll der 12. Generalversammlung lag im Vereinslokal auf. Es wird genehmigt.",
         "Das Protokoll der 12. Generalversammlung lag im Vereinslokal auf. Es wird genehmigt."),
        ("Frau Imhof und Herr Stalder werden vorgeschlagen. Beide werden einstimmig gewählt.",
         "Frau Imhof und Herr Stalder werden vorgeschlagen. Beide werden einstimmig gewählt."),
    ]
    assert len(r.decisions) == 3 and r.decisions[2].text == "Frau Gerber merkte an, dass im Sommer auf dem Sportplatz trainiert werden müsse. Dem wurde allgemein zugestimmt."


def test_an_outcome_after_a_field_label_approves_and_is_no_header_field(record):
    r = record("""= Plenum Werkraum e.V. – 04.02.2026
Anwesend: mo, Jule, tkr, Basti
Protokoll: tkr
# Formales
- Protokoll Januar: keine Einwände -> angenommen
- Kassenbericht: keine Anmerkungen → genehmigt
- Raumfrage: kein Termin festgelegt
""")
    assert [d.text for d in r.decisions] == [
        "Protokoll Januar: keine Einwände -> angenommen", "Kassenbericht: keine Anmerkungen → genehmigt"]
    assert r.meeting.minute_taker == "tkr"


def test_a_voted_or_agreed_result_line_beside_its_owner_is_a_decision_too(record):
    r = record("""= Niederschrift des Sozialausschusses
Datum: 03.03.2026

|= Nr. | Thema | Feststellung | Festlegung | Wer | Bis |
| 1 | Seniorenwegweiser | Auflage vergriffen. | Neuauflage wird beschlossen (einstimmig), Finanzierung über Anzeigen.<br>Seniorenbeirat prüft die Einträge. | Wirtschaftsförderung<br>Seniorenbeirat | Sept.<br>30.04. |
| 2 | Eilfälle | Betriebe springen ab. | Vereinbart: Eilfälle melden die Kammern künftig über das Funktionspostfach.<br>Zahlen zur nächsten Sitzung. | IHK, HWK<br>Hr. Lorenz | ab sofort<br>nächste Sitzung |
| 3 | Flyer | Entwurf liegt vor. | Flyer überarbeiten.<br>Druck beauftragen. | Fr. Kaya<br>Hr. Ott | 15.04.<br>30.04. |
""")
    assert [d.text for d in r.decisions] == [
        "Neuauflage wird beschlossen (einstimmig), Finanzierung über Anzeigen.",
        "Vereinbart: Eilfälle melden die Kammern künftig über das Funktionspostfach.",
    ]
    assert len(r.action_items) == 6


def test_an_item_page_opening_with_its_outcome_gives_the_vote_to_the_resolution_after_the_debate(record):
    r = record("""Beschluss: mehrheitlich angenommen
Abstimmung: Ja: 17, Nein: 1, Enthaltungen: 0
Die Vorlage Nr. 159/2018 ist dem Originalprotokoll als Anlage beigefügt.
Herr Messing berichtet über die Erfahrungen im Kulturbeirat.
Frau Jürgens würdigt die Arbeit und schlägt vor, die Beiratsmitglieder weiterhin zu berufen.
Aus Sicht von Herrn Bartsch hat sich der Kulturbeirat grundsätzlich bewährt.
Es folgt eine Aussprache.
Frau Jürgens schlägt vor, den weitergehenden Beschlussvorschlag zuerst zur Abstimmung zu bringen.
Hiergegen regt sich kein Widerspruch.
Eine Erweiterung auf fünf Sitze wäre aus seiner Sicht wünschenswert.
Der Etat bleibt gleich.
Frau Schürkötter beantragt eine Berufung bis Ende 2019.
Es folgt eine weitere Aussprache.
Sodann ergeht folgender Beschluss:
**Beschluss:**
Herr Hantke und Herr Messing werden als Mitglieder bis zum Ende der Ratsperiode für den Kulturbeirat berufen.
""")
    assert [d.text for d in r.decisions] == [
        "Herr Hantke und Herr Messing werden als Mitglieder bis zum Ende der Ratsperiode für den Kulturbeirat berufen."]
    assert r.decisions[0].vote is not None


# What a sentence decides, minutes by minutes: the ids say the fact of German minutes each case shows.
@pytest.mark.parametrize("minutes, decisions", [
    pytest.param("""= Protokoll des Fördervereins
Datum: 03.03.2026
**TOP 1 Sommerfest**
Es wurde beschlossen, dass das Sommerfest auf dem Schulhof stattfindet (Zelt noch nicht bestellt).
Es wurde noch nicht beschlossen, ob ein Zelt gemietet wird.
""", [
        "Es wurde beschlossen, dass das Sommerfest auf dem Schulhof stattfindet (Zelt noch nicht bestellt)."], id="a_hedge_in_brackets_leaves_the_decision_standing"),
    pytest.param("""= Sitzung des Kirchenvorstands
Datum: 12.05.2026
**TOP 2 Küsterdienst**
Nach kurzer Aussprache erfolgt der Beschluss, dass der Küsterdienst ab Juni wöchentlich wechselt.
Nach längerer Debatte folgte der Entschluss, den Gemeindebrief künftig digital zu versenden.
Herr Baum berichtet über den Stand der Renovierung.
""", [
        "Nach kurzer Aussprache erfolgt der Beschluss, dass der Küsterdienst ab Juni wöchentlich wechselt.",
        "Nach längerer Debatte folgte der Entschluss, den Gemeindebrief künftig digital zu versenden.",
    ], id="a_decision_put_as_a_noun"),
    pytest.param("""= Niederschrift der Gemeinderatssitzung
Datum: 20.04.2026
**TOP 4 Stellvertretung**
Der Gemeinderat beschließt einen weiteren Stellvertreter des Bürgermeisters zu wählen.
Der Gemeinderat wird im Herbst über die Gebühren zu entscheiden haben.
""", [
        "Der Gemeinderat beschließt einen weiteren Stellvertreter des Bürgermeisters zu wählen."], id="a_resolved_infinitive_needs_no_comma"),
    pytest.param("""= Mitgliederversammlung des Gartenvereins
Datum: 14.03.2026
Folgende Beschlüsse wurden gefasst:
#. Die Mitgliederversammlung beschließt, dass der Verein eine Häckselmaschine anschafft. Erläuterung: Bisher wurde Grünschnitt von den Mitgliedern privat abgefahren. Die Kosten trug jeder selbst. Mit großer Mehrheit angenommen.
#. Die Mitgliederversammlung beschließt, dass die Gemeinschaftsstunden auf zehn im Jahr steigen. Begründung: Die Anlage ist gewachsen.
""", [
        "Die Mitgliederversammlung beschließt, dass der Verein eine Häckselmaschine anschafft.",
        "Die Mitgliederversammlung beschließt, dass die Gemeinschaftsstunden auf zehn im Jahr steigen.",
    ], id="the_reasons_after_a_resolution_are_not_resolutions"),
    pytest.param("""= Probenplanung der Theatergruppe
Datum: 15.01.2026
**TOP 1 Besetzung**
Die Rollen werden wie im Dezember besprochen verteilt. Alle sind mit der Besetzung einverstanden.
Die Anwesenden waren mit dem späteren Beginn der Proben um 19.30 Uhr (wegen der Schichtarbeit von zwei Mitgliedern) einverstanden.
Alle sind nicht einverstanden mit dem Probenraum im Keller.
**TOP 2 Satzung**
Der so gefundenen Formulierung stimmten alle Anwesenden durch Handaufheben zu.
Frau Pohl schlägt vor, die Kasse künftig zu zweit zu prüfen. Dem stimmen alle zu.
- Teamtag einmal im Quartal → Team einverstanden, erster Termin März
""", [
        "Alle sind mit der Besetzung einverstanden.",
        "Die Anwesenden waren mit dem späteren Beginn der Proben um 19.30 Uhr (wegen der Schichtarbeit von zwei Mitgliedern) einverstanden.",
        "Der so gefundenen Formulierung stimmten alle Anwesenden durch Handaufheben zu.",
        "Frau Pohl schlägt vor, die Kasse künftig zu zweit zu prüfen. Dem stimmen alle zu.",
        "Teamtag einmal im Quartal → Team einverstanden, erster Termin März",
    ], id="everyone_agreeing_is_a_decision"),
    pytest.param("""= Sitzung des Beirats
Datum: 06.05.2026
**TOP 1 Begrüßung, Tagesordnung, Protokoll**
Die Vorsitzende begrüßt die Mitglieder.<br>Beschluss: Die Tagesordnung wird mit der Ergänzung „Fachtag“ angenommen.<br>Beschluss: Das Protokoll der 8. Sitzung wird genehmigt.
""", [
        "Beschluss: Die Tagesordnung wird mit der Ergänzung „Fachtag“ angenommen.",
        "Beschluss: Das Protokoll der 8. Sitzung wird genehmigt.",
    ], id="each_labelled_resolution_of_a_paragraph_stands_alone"),
    pytest.param("""= Sitzung des Fachschaftsrats
Datum: 22.04.2026
**TOP 2 Berichte**
StuPa: Tarek berichtet, das StuPa hat letzte Woche den Haushalt beschlossen.
Der Kreistag hat im September die Fortschreibung des Sozialberichts beschlossen.
**TOP 3 Sommerfest**
Der Fachschaftsrat beschließt, das Sommerfest am 26.06. mit der FS Bio zu feiern.
""", ["Der Fachschaftsrat beschließt, das Sommerfest am 26.06. mit der FS Bio zu feiern."], id="a_decision_dated_before_the_meeting_is_reported"),
    pytest.param("""= Sitzung des Ortsrats Wendhusen
Datum: 19.03.2026
**TOP 2 Mitteilungen**
Das Osterfeuer am 4. April wurde von der Stadt genehmigt.
Budget 2026 (1.200 €) von der GWS-Geschäftsführung bestätigt.
**TOP 3 Jahresrechnung**
Die Jahresrechnung wird von der Versammlung einstimmig genehmigt.
Vereinbart wurde, eine Checkliste zu erstellen, die von der Anerkennungsstelle freigegeben wird.
""", ["Die Jahresrechnung wird von der Versammlung einstimmig genehmigt.",
      "Vereinbart wurde, eine Checkliste zu erstellen, die von der Anerkennungsstelle freigegeben wird."],
        id="another_body_as_the_agent_of_an_approval_decided_elsewhere"),
    pytest.param("""= Sitzung des Fachschaftsrats
Datum: 22.04.2026
**TOP 5 Raumanfrage**
Das Welcome Center bietet Raum 0.04 donnerstags für eine Sprechstunde an.
Abstimmung: Sprechstunde ab Semestermitte dort anbieten, 8/0/0 → angenommen
""", ["Abstimmung: Sprechstunde ab Semestermitte dort anbieten, 8/0/0 → angenommen"], id="a_vote_line_that_states_its_motion_is_its_own_decision"),
    pytest.param("""= Sitzung der Lenkungsgruppe
Datum: 20.01.2026
**TOP 2 Ausgabetage**
Über den vierten Ausgabetag wird in der Februar-Sitzung entschieden.
Wer den Bericht schreibt, wird in der nächsten Sitzung festgelegt.
Beschluss: Die Website startet zweisprachig; weitere Sprachen werden im Herbst entschieden.
""", [
        "Beschluss: Die Website startet zweisprachig; weitere Sprachen werden im Herbst entschieden."], id="a_decision_put_to_a_later_meeting_is_not_taken"),
    pytest.param("""= Sitzung des Ortschaftsrats
Datum: 09.04.2026
**TOP 2 Bekanntgaben**
Der Ortsvorsteher gibt bekannt, dass der Gemeinderat am 24.03. die Erhöhung der Friedhofsgebühren beschlossen hat.
Der Gemeinderat hat in seiner Sitzung am 19.02.2026 die Aufstellung des Bebauungsplans beschlossen.
**TOP 3 Ortsmitte**
Der Ortschaftsrat hat in seiner heutigen Sitzung beschlossen, den Brunnen zu sanieren.
""", ["Der Ortschaftsrat hat in seiner heutigen Sitzung beschlossen, den Brunnen zu sanieren."], id="a_decision_with_a_full_date_or_announced_in_a_dass_clause_is_reported"),
    pytest.param("""= Plenum der Foodcoop
Datum: 03.03.2026
**TOP 2 Depot**
- Entscheidung übers neue Depot dann im Juni, heute nix festgelegt
- Eine Übergangslösung per Schlüsselbox wurde besprochen, aber nicht festgelegt.
- Flohmarkt ab 10 Uhr, Ende wird nicht festgelegt
- Der Antrag auf einen zweiten Ausgabetag wurde nicht angenommen.
""", [
        "Flohmarkt ab 10 Uhr, Ende wird nicht festgelegt",
        "Der Antrag auf einen zweiten Ausgabetag wurde nicht angenommen.",
    ], id="a_negated_decision_word_decides_nothing_unless_left_open_on_purpose"),
    pytest.param("""= Treffen der AG Schulhof
Datum: 14.04.2026
**TOP 1 Schulhof**
- Schulhof-Nutzung: Schulleitung Pestalozzischule hat zugestimmt, Hausmeister muss informiert werden
- Datenschutz geklärt (DSB hat zugestimmt).
- Der Zeitplan für die Pflanzaktion wird einstimmig beschlossen.
- Protokoll: alle Beteiligten haben zugestimmt.
""", [
        "Der Zeitplan für die Pflanzaktion wird einstimmig beschlossen.",
        "Protokoll: alle Beteiligten haben zugestimmt.",
    ], id="an_approval_in_the_perfect_reports_someone_elses_consent"),
    pytest.param("""= Sitzung des Gemeinderats Niederwiesbach
Datum: 19.02.2026
**5. Bauvoranfrage Flurstück 412/3 (Neubau einer Maschinenhalle)**
Dem Vorhaben wird das gemeindliche Einvernehmen nach § 36 BauGB erteilt.
**6. Bauantrag Hauptstraße 9**
Abstimmung: 4 : 11 – damit abgelehnt. Das Einvernehmen ist somit versagt.
""", [
        "Dem Vorhaben wird das gemeindliche Einvernehmen nach § 36 BauGB erteilt.",
        "Abstimmung: 4 : 11 – damit abgelehnt. Das Einvernehmen ist somit versagt.",
    ], id="the_municipal_consent_to_a_building_application_is_a_decision"),
    pytest.param("""= Kirchengemeinderat
Datum: 28.05.2026
# TOP 1 Heizung
Beschlüsse:
- Eine Entscheidung über die Heizungsart wird heute nicht getroffen.
- Die Sitzung im Juli wird auf den 14.07. festgelegt.
# TOP 2 Berichte
Die Befragung wird im Herbst durchgeführt. Eine Beschlussfassung ist nicht erforderlich.
Keine Beschlüsse.
""", ["Die Sitzung im Juli wird auf den 14.07. festgelegt."], id="minutes_that_say_nothing_was_decided_record_no_decision"),
    pytest.param("""= Orga-Treffen Repair-Café
Datum: 12.03.2026
# TOP 1 Formales
- Protokoll Juli ok, keine Änderungen
- TO ok, Punkt "Sonstiges" um Klausur ergänzt
- Protokoll passt nicht, Thomas überarbeitet es bis Freitag
- Protokoll 16.12. → passt so, keine Änderungen
- Pad vom letzten Mal: ok, keine Korrekturen
""", [
        "Protokoll Juli ok, keine Änderungen",
        'TO ok, Punkt "Sonstiges" um Klausur ergänzt',
        "Protokoll 16.12. → passt so, keine Änderungen",
        "Pad vom letzten Mal: ok, keine Korrekturen",
    ], id="pad_notes_approve_the_minutes_with_ok"),
    pytest.param("""= Ortsbeirat Altenhausen
Datum: 27.01.2026
# TOP 1 Verkehr
Der Kreistag entscheidet voraussichtlich im Mai.
Darüber will der Ortsbeirat entscheiden, wenn die ersten Messergebnisse vorliegen.
Tag der offenen Tür: ob ja oder nein, entscheiden wir in der nächsten Besprechung.
Entscheidung: Wir machen die Schulung im Mai, als Abendveranstaltung.
Der Ortsbeirat beschließt einstimmig, ein Geschwindigkeitsdisplay zu beantragen.
""", [
        "Entscheidung: Wir machen die Schulung im Mai, als Abendveranstaltung.",
        "Der Ortsbeirat beschließt einstimmig, ein Geschwindigkeitsdisplay zu beantragen.",
    ], id="a_decision_announced_for_later_in_the_active_or_with_a_modal"),
    pytest.param("""= Jahreshauptversammlung Kleingartenverein
Datum: 07.03.2026
# TOP 2 Bericht des Vorstands
Die höheren Wasserkosten wurden wie beschlossen über die Einzelabrechnung weitergegeben.
Der Konfirmationsgottesdienst findet wie bereits im Herbst festgelegt am 3. Mai statt.
Die Sitzungstermine 2027 werden wie folgt festgelegt: 09.03., 06.07. und 09.11.2027.
""", ["Die Sitzungstermine 2027 werden wie folgt festgelegt: 09.03., 06.07. und 09.11.2027."], id="carried_out_as_decided_before_is_no_new_decision"),
    pytest.param("""= StuRa Sitzung
Datum: 22.04.2026
# TOP 3 Finanzanträge
- GO-Antrag (Paul) auf Vertagung bis Klärung Versicherungsfrage → keine Gegenrede, angenommen
- GO-Antrag auf Vertagung (Mehmet), weil Kostenaufstellung fehlt. Keine Gegenrede → vertagt.
- GO-Antrag Jörg auf Vertagung: erst klären, ob die Diakonie einen verleiht.<br>→ angenommen ohne Gegenrede
- Vertagung des Antrags wird vorgeschlagen, bis die Stadt antwortet.
""", [
        "GO-Antrag (Paul) auf Vertagung bis Klärung Versicherungsfrage → keine Gegenrede, angenommen",
        "GO-Antrag auf Vertagung (Mehmet), weil Kostenaufstellung fehlt.",
        "GO-Antrag Jörg auf Vertagung: erst klären, ob die Diakonie einen verleiht. → angenommen ohne Gegenrede",
    ], id="a_settled_motion_to_postpone_is_a_decision"),
    pytest.param("""= Plenum Campusgrün
Datum: 20.01.2026
# TOP 1 Kleidertausch
- Einigkeit: ab SoSe 2x pro Semester Kleidertausch
- Einigkeit bestand, den Bericht erst nach der Sommerpause vorzulegen.
- Ergebnis: Einvernehmen, dass die Neuauflage im Herbst erscheint.
- Es besteht keine Einigkeit über den Termin.
# TOP 2 Berichte
Frau Beck berichtet aus dem Bündnis, dass dort Einigkeit besteht, den Fonds fortzuführen.
""", [
        "Einigkeit: ab SoSe 2x pro Semester Kleidertausch",
        "Einigkeit bestand, den Bericht erst nach der Sommerpause vorzulegen.",
        "Ergebnis: Einvernehmen, dass die Neuauflage im Herbst erscheint.",
    ], id="agreement_stated_with_the_noun_first"),
    pytest.param("""= Fachschaftsrat Geographie
Datum: 22.04.2026
# TOP 2 Exkursion
- Meinungsbild: große Mehrheit für Marburg
- Meinungsbild zu Titel 534 +5.000 €: 6/2/0 (nicht bindend)
- Meinungsbild: alle dafür. Beschluss: Der FSR übernimmt den Getränkestand.
""", ["Beschluss: Der FSR übernimmt den Getränkestand."], id="a_straw_poll_decides_nothing"),
])
def test_which_sentences_decide(record, minutes, decisions):
    assert [d.text for d in record(minutes).decisions] == decisions


def test_a_task_table_row_with_nobody_and_no_date_is_named_for_review(record):
    r = record("""= Maßnahmenplan Integration
Datum: 10.03.2026

|= Nr. | Maßnahme | Verantwortlich | Termin |
| 1 | Flyer in fünf Sprachen drucken | Fr. Kaya | 30.04.2026 |
| 2 | Sprachcafés in Betrieben | – | – |
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [("Flyer in fünf Sprachen drucken", ["Fr. Kaya"])]
    assert any("Tabelle 1, Zeile 3" in w and "Sprachcafés in Betrieben" in w for w in r.warnings)


def test_an_open_point_under_a_task_label_is_no_task(record):
    r = record("""= Vorstandssitzung Förderverein
Datum: 12.02.2026
**TOP 3 Sommerfest**
Offene Punkte:
- Termin für den Kneipenabend noch offen.
- Satzungsänderung – vertagt auf die Juli-Sitzung
- Plakate für das Sommerfest gestalten
""")
    assert [a.task for a in r.action_items] == ["Plakate für das Sommerfest gestalten"]


def test_a_period_that_lasts_until_a_date_is_no_deadline(record):
    r = record("""= Sitzung des Stadtteilbeirats
Datum: 17.03.2026
**TOP 2 Mitteilungen**
Die Einwendungsfrist läuft bis 17.04.2026.
Der Schwimmunterricht fällt wegen der Sanierung bis Jahresende aus.
Die Stellungnahme des Beirats wird bis 10.04.2026 an das Planungsamt geschickt.
""")
    assert [a.task for a in r.action_items] == ["Die Stellungnahme des Beirats wird bis 10.04.2026 an das Planungsamt geschickt."]


def test_what_is_expected_or_takes_place_is_no_task(record):
    r = record("""= Sitzung des Integrationsbeirats
Datum: 17.03.2026
**TOP 4 Verschiedenes**
Der schriftliche Bericht der Agentur werde bis Ende August erwartet.
Die nächste Regionalkonferenz werde am 10. November 2026 in Hallwangen stattfinden.
Die Geschäftsstelle verschickt die Einladung bis 15.10.2026.
""")
    assert [a.task for a in r.action_items] == ["Die Geschäftsstelle verschickt die Einladung bis 15.10.2026."]


def test_someone_asking_whether_is_a_question_in_the_meeting(record):
    r = record("""= Plenum Fachschaft
Datum: 22.04.2026
**TOP 2 Sommerfest**
- Elif fragt ob wir beim Uni-Sommerfest einen Stand machen
- Jonas fragt beim Studierendenwerk nach, ob der Grill frei ist.
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [
        ("Jonas fragt beim Studierendenwerk nach, ob der Grill frei ist.", ["Jonas"])]


def test_a_heading_with_a_reporter_is_no_task(record):
    r = record("""= Orga-Plenum Stadtteilfest – 05.03.2026
Anwesend: MH (Hofmann Logistik GmbH), JW (Pflegedienst Sonnenblick), LB (Kasse)
## 1. Berichte aus den AGs
### Logistik (MH)
- Zelte sind reserviert.
### Finanzen (LB)
- Kontostand 2.340 €
## 2. Werbung
- Flyer bis 20.03. drucken lassen → JW
""")
    assert [[o.name for o in a.responsible] for a in r.action_items] == [["JW"]]


def test_a_role_word_before_a_full_name_is_that_person(record):
    r = record("""= Jahreshauptversammlung der Feuerwehr
Datum: 14.03.2026
**TOP 5 Verschiedenes**
Gerätewart Hannes Rombach wird sich darum kümmern, dass die Kleidung bis zur Übung am 7. März ausgegeben ist.
""")
    assert [[(o.name, o.kind.value) for o in a.responsible] for a in r.action_items] == [[("Gerätewart Hannes Rombach", "person")]]


def test_field_labels_in_old_spelling_are_no_agenda_items(record):
    r = record("""= Beschluß 105/91 vom 19.09.1991
**Betreff**
Stellungnahme der Stadtverordnetenversammlung zur Kreisreform
**Beschlußtext**
Die Beschlußvorlage 90/91 wird mehrheitlich bestätigt.
""")
    assert [t.title for t in r.topics] == []


def test_a_councils_minutes_do_not_list_the_bare_council_and_municipality(record):
    r = record("""= Sitzung des Gemeinderats am 19. April 2018
**TOP 1 Feuerwehrhaus**
Der Gemeinderat stimmt dem Neubau zu. Die Gemeinde beantragt Mittel beim Landkreis Freudenstadt.
""")
    names = [i.name for i in r.institutions]
    assert "Landkreis Freudenstadt" in names
    assert "Gemeinderat" not in names and "Gemeinde" not in names
