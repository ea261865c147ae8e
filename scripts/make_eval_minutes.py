#!/usr/bin/env python3
"""Generate the project's annotated regression minutes: tests/data/eval/*.docx.

Nine short, invented German minutes (towns, organisations and people are
fictitious) in the layouts the extractor meets in practice:

* a municipal committee: Title + Word heading styles "1. …", header table,
  a "Beschluss:" block with a vote line, a report of another body's decision;
* a club board: bold "TOP n:" lines, no heading styles, "Key: value" header;
* pad-style hackspace notes: typed "1." / "3.2" numbering, line breaks inside
  paragraphs, "--> FL", "TODO (Jil): …", "DN macht Pad auf", initials from
  the attendance list, "(erledigt)";
* a student council: heading-styled "TOP n – …", motions "5/0/1",
  "(+7, -0, o1)", elections "5 Ja, 1 Nein, 2 Enthaltungen", "bei einer
  Enthaltung";
* a project team: unnumbered headings, a "Was | Wer | Bis wann" task table
  with a done row, prose tasks and many kinds of deadlines;
* a citizens' initiative: agenda items as a Word numbered list ("List
  Number"), relative deadlines, software and places that are not
  institutions;
* a committee resolution extract without title, date or agenda heading;
* pad-style notes with bold lines only (an organising team);
* an advisory board in a council information system ("TOP Ö n", a
  resolution as a numbered list with a status line).

The gold annotations (``*.gold.json`` next to the documents) are written by
hand following the corpus README; they are never generated from extractor
output. This script only writes the .docx files, reproducibly: fixed core
properties and fixed zip timestamps, so the same script gives the same bytes.

    python scripts/make_eval_minutes.py [--out DIR]
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling helper, also when loaded by path (tests)
from reproducible_zip import deterministic_zip  # noqa: E402

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT_ROOT / "tests" / "data" / "eval"
ZIP_TIMESTAMP = (2026, 1, 5, 12, 0, 0)


# --------------------------------------------------------------------------- building blocks


class Minutes:
    """A thin writer over python-docx with the few paragraph kinds minutes use."""

    def __init__(self, *, title: str, author: str, created: dt.datetime):
        self.doc = Document()
        props = self.doc.core_properties
        props.title = title
        props.author = author
        props.last_modified_by = author
        props.language = "de-DE"
        props.category = "Protokoll"
        props.comments = ""
        props.keywords = ""
        props.subject = ""
        props.created = created
        props.modified = created
        props.last_printed = created
        props.revision = 1
        self._set_language("de-DE")

    def _set_language(self, lang: str) -> None:
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        el = rpr.find(qn("w:lang"))
        if el is None:
            el = OxmlElement("w:lang")
            rpr.append(el)
        el.set(qn("w:val"), lang)

    def styled(self, text: str, style: str):
        return self.doc.add_paragraph(text, style=style)

    def heading(self, text: str, level: int = 1):
        return self.doc.add_heading(text, level=level)

    def para(self, text: str = ""):
        """A plain paragraph; "\\n" in the text becomes a line break (pad exports)."""
        paragraph = self.doc.add_paragraph()
        lines = text.split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        return paragraph

    def bold(self, text: str):
        """A bold line without a heading style (typed "TOP 3: …" lines)."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(text).bold = True
        return paragraph

    def labelled(self, label: str, text: str):
        """"Label: value" with the label in bold."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(" " + text)
        return paragraph

    def table(self, rows: list[tuple[str, ...]], *, header: bool = False, style: str = "Table Grid"):
        table = self.doc.add_table(rows=0, cols=len(rows[0]))
        table.style = self.doc.styles[style]
        for r, values in enumerate(rows):
            cells = table.add_row().cells
            for cell, value in zip(cells, values):
                cell.paragraphs[0].add_run(value).bold = header and r == 0
        if header:
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))
        return table

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return deterministic_zip(buffer.getvalue(), ZIP_TIMESTAMP)


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.timezone.utc)


# --------------------------------------------------------------------------- 1. municipal committee


def sozialausschuss() -> Minutes:
    m = Minutes(title="Niederschrift 12. Sitzung ASI", author="Tim Ostermann", created=_utc(2025, 11, 20, 8, 30))
    m.styled(
        "Niederschrift über die 12. Sitzung des Ausschusses für Soziales und Integration der Stadt Weidenbrück",
        "Title",
    )
    m.table([
        ("Sitzungstag:", "Dienstag, 18.11.2025"),
        ("Sitzungszeit:", "17:00 – 19:10 Uhr"),
        ("Sitzungsort:", "Rathaus Weidenbrück, Großer Sitzungssaal"),
        ("Vorsitz:", "Helga Brenner"),
        ("Schriftführung:", "Tim Ostermann, Amt für Soziales und Wohnen"),
    ])
    m.para(
        "Anwesend: Helga Brenner (Vorsitz), Jonas Keller, Sabine Wirtz, Murat Yıldız, Dr. Ingrid Fahrenholz, "
        "Lars Petersen, Annika Vogel, Bernd Kallweit, Renate Schuster, Ole Janssen, Katrin Mahler; "
        "von der Verwaltung: Claudia Reimers (Dezernentin), Tim Ostermann; als Gäste: Petra Lautenschläger "
        "(Jobcenter Weidenbrück), Dr. Karim Saleh (Caritasverband Weidenbrück e.V.)"
    )
    m.para("Entschuldigt: Frank Heuer")

    m.heading("1. Eröffnung, Feststellung der Beschlussfähigkeit und der Tagesordnung", 1)
    m.para(
        "Die Vorsitzende eröffnet die Sitzung um 17:00 Uhr, begrüßt die Anwesenden und stellt die "
        "ordnungsgemäße Ladung sowie die Beschlussfähigkeit fest."
    )
    m.para("Die Tagesordnung wird ohne Änderungen einstimmig festgestellt.")

    m.heading("2. Genehmigung der Niederschrift über die Sitzung vom 23.09.2025", 1)
    m.para("Die Niederschrift wird mit 9 Ja-Stimmen bei 2 Enthaltungen genehmigt.")

    m.heading("3. Bericht der Verwaltung zur Unterbringung Geflüchteter", 1)
    m.para(
        "Herr Ostermann berichtet, dass derzeit 214 Personen in den städtischen Gemeinschaftsunterkünften wohnen, "
        "davon 61 Kinder und Jugendliche. Das Bundesamt für Migration und Flüchtlinge (BAMF) hat für das erste "
        "Quartal 2026 weitere Zuweisungen angekündigt; genaue Zahlen liegen noch nicht vor."
    )
    m.para(
        "Der Stadtrat hatte im Mai beschlossen, die Unterkunft in der Gerberstraße bis Ende 2026 weiter zu betreiben. "
        "Ob darüber hinaus Wohnungen angemietet werden, ist offen."
    )
    m.para(
        "Frau Lautenschläger ergänzt, dass beim Jobcenter zurzeit 38 Bewohnerinnen und Bewohner der Unterkünfte "
        "in Sprachkursen gemeldet sind."
    )
    m.para(
        "Herr Yıldız schlägt vor, dem Ausschuss eine Besichtigung der Unterkunft in der Gerberstraße anzubieten. "
        "Die Verwaltung wird gebeten, die Belegungszahlen künftig vierteljährlich im Ausschuss vorzulegen."
    )
    m.para(
        "Herr Ostermann fragt beim Landesamt für Flüchtlingsangelegenheiten an, ob die Zuweisungen für Januar "
        "vorab gemeldet werden können."
    )

    m.heading("4. Förderrichtlinie Integrationsprojekte 2026", 1)
    m.para(
        "Frau Reimers stellt den Entwurf der Förderrichtlinie vor. Gefördert werden sollen Sprach- und "
        "Begegnungsangebote freier Träger mit bis zu 6.000 Euro je Projekt."
    )
    m.para(
        "Herr Petersen hält den Höchstbetrag für zu niedrig. Dr. Saleh weist darauf hin, dass der Caritasverband "
        "die Eigenmittel kleiner Träger bisher häufig vorfinanziert habe."
    )
    m.bold("Beschluss:")
    m.para(
        "Der Ausschuss für Soziales und Integration empfiehlt dem Stadtrat, die Förderrichtlinie "
        "Integrationsprojekte 2026 in der vorgelegten Fassung zu beschließen."
    )
    m.para("Abstimmungsergebnis: 8 Ja, 2 Nein, 1 Enthaltung")
    m.para(
        "Das Amt für Soziales und Wohnen veröffentlicht die Richtlinie nach dem Ratsbeschluss bis zum "
        "31. Januar 2026 auf der Internetseite der Stadt."
    )

    m.heading("5. Antrag der Fraktion Bündnis 90/Die Grünen: Sprachcafé im Stadtteilzentrum Ost", 1)
    m.para(
        "Frau Vogel begründet den Antrag. Die Stellungnahme des Nachbarschaftsvereins Oststadt e.V., der das "
        "Stadtteilzentrum betreibt, liegt noch nicht vor."
    )
    m.para("Die Beratung des Antrags wird auf die nächste Sitzung vertagt.")
    m.para("Frau Vogel klärt bis zur nächsten Sitzung mit dem Nachbarschaftsverein die Raumfrage.")

    m.heading("6. Mitteilungen und Anfragen", 1)
    m.para(
        "Frau Reimers teilt mit, dass die Volkshochschule Weidenbrück ab Februar zwei zusätzliche "
        "Integrationskurse anbietet."
    )
    m.para(
        "Auf Anfrage von Herrn Kallweit erklärt Frau Reimers, dass die Ausländerbehörde Termine derzeit mit "
        "etwa sechs Wochen Vorlauf vergibt."
    )
    m.para("Die nächste Sitzung findet am Dienstag, 20.01.2026, um 17:00 Uhr statt.")
    m.para("Die Vorsitzende schließt die Sitzung um 19:10 Uhr.")
    m.para("gez. Helga Brenner (Vorsitzende)          gez. Tim Ostermann (Schriftführer)")
    return m


# --------------------------------------------------------------------------- 2. club board


def sportverein() -> Minutes:
    m = Minutes(title="Vorstandssitzung März 2025", author="Tobias Sommer", created=_utc(2025, 3, 8, 10, 0))
    m.bold("Protokoll der Vorstandssitzung des SV Grünwiese 1908 e.V.")
    m.para("Datum: 06.03.2025, 19:30 Uhr")
    m.para("Ort: Vereinsheim, Am Sportplatz 4")
    m.para(
        "Anwesend: Ralf Böttcher (1. Vorsitzender), Sandra Kühn (2. Vorsitzende), Heiko Brandt (Kassenwart), "
        "Melanie Ostrowski (Jugendleiterin), Tobias Sommer (Schriftführer)"
    )
    m.para("Entschuldigt: Gerd Vollmer (Abteilungsleiter Tennis)")

    m.bold("TOP 1: Begrüßung und Genehmigung des letzten Protokolls")
    m.para(
        "Ralf begrüßt die Anwesenden. Das Protokoll der Sitzung vom 06.02.2025 wird ohne Änderungen genehmigt."
    )

    m.bold("TOP 2: Bericht des Kassenwarts")
    m.para(
        "Heiko berichtet über den Kassenstand zum 28.02.2025: 14.380 Euro auf dem Girokonto, die Rücklage für "
        "die Flutlichtanlage beträgt 9.000 Euro. Drei Mitglieder sind mit dem Jahresbeitrag im Rückstand."
    )
    m.para("Heiko schreibt die drei säumigen Mitglieder bis zum 31. März noch einmal an.")
    m.para("Der Zuschuss des Kreissportbunds für die neuen Jugendtore ist inzwischen eingegangen.")

    m.bold("TOP 3: Flutlichtanlage Platz 2")
    m.para("Es liegen zwei Angebote vor: Elektro Hanke GmbH (23.600 Euro) und Lichttechnik Sauer (27.100 Euro).")
    m.para("Sandra spricht sich für das günstigere Angebot aus, Melanie möchte zuerst die Förderung abwarten.")
    m.para(
        "Der Vorstand beschließt einstimmig, den Auftrag an Elektro Hanke GmbH zu vergeben, sobald die "
        "Förderzusage des Landessportbunds vorliegt."
    )
    m.para("Ralf stellt den Förderantrag beim Landessportbund bis Ende April.")

    m.bold("TOP 4: Jugendabteilung")
    m.para(
        "Melanie berichtet, dass die D-Jugend in die Kreisliga aufgestiegen ist. Für die neue Saison werden zwei "
        "zusätzliche Trainer benötigt."
    )
    m.para("Melanie kümmert sich um die Ausschreibung der Trainerstellen auf der Vereinsseite und bei Instagram.")
    m.para("Der Antrag der Tennisabteilung auf neue Netze wird vertagt, weil Gerd nicht anwesend ist.")

    m.bold("TOP 5: Sommerfest")
    m.para("Das Sommerfest findet am 28.06.2025 auf dem Vereinsgelände statt. Darauf haben sich alle geeinigt.")
    m.para("Tobias fragt bei der Freiwilligen Feuerwehr Grünwiese an, ob sie wieder den Grillstand übernimmt.")
    m.para("Sandra schlägt vor, in diesem Jahr zusätzlich einen Kinderflohmarkt anzubieten.")

    m.bold("TOP 6: Verschiedenes")
    m.para("Die Gemeinde Grünwiese hat mitgeteilt, dass der Kunstrasenplatz im August saniert wird.")
    m.para("Nächste Vorstandssitzung: Donnerstag, 03.04.2025, 19:30 Uhr im Vereinsheim")
    m.para("Protokoll: Tobias Sommer")
    return m


# --------------------------------------------------------------------------- 3. pad-style notes


def hackspace() -> Minutes:
    m = Minutes(title="Plenum 2024-12", author="Sina Petrow", created=_utc(2024, 12, 12, 21, 0))
    m.para("Plenum Hackspace Kesselhaus e.V. – 11.12.2024")
    m.para(
        "Anwesend: Daniela Neumann (DN), Felix Lorenz (FL), Jil Hartmann, Ben Okafor (BO), Sina Petrow (SP), "
        "Mo Rahimi\nModeration: DN, Protokoll: SP"
    )
    m.para("Pad: https://pad.kesselhaus.example/p/plenum-2024-12")
    m.para("1. Begrüßung, Protokoll vom letzten Mal")
    m.para("Protokoll vom 13.11. einstimmig angenommen.")
    m.para("2. Finanzen")
    m.para(
        "- BO: Kontostand 3.412,50 €, Mitgliedsbeiträge Dezember fast vollständig da\n"
        "- Spendenquittungen für 2024 --> BO\n"
        "- Steuererklärung 2023 muss bis 15.01. beim Finanzamt sein"
    )
    m.para("3. Raum")
    m.para("3.1 Heizung")
    m.para(
        "Heizung im Werkstattraum fällt immer wieder aus, Vermieterin ist informiert.\n"
        "Termin für Heizungswartung mit Hausverwaltung Brandstätter klären --> FL"
    )
    m.para("3.2 Lasercutter")
    m.para(
        "Absaugung macht komische Geräusche. Vorschlag Mo: neuen Filter bestellen, ca. 180 €.\n"
        "Konsens: Filter wird bestellt, Budget max. 200 €.\n"
        "Filter bestellen --> Mo"
    )
    m.para("4. Veranstaltungen")
    m.para(
        "Repair-Café am 18.01. im Kesselhaus, zusammen mit dem Umweltladen Flussheim e.V.\n"
        "TODO (Jil): Flyer fürs Repair-Café gestalten und an den Umweltladen schicken\n"
        "DN macht Pad auf für die Helferliste\n"
        "Lötworkshop für Kinder: vertagt, bis sich jemand für die Betreuung findet\n"
        "TODO (SP): Raumbelegung Januar im Kalender eintragen – erledigt"
    )
    m.para("5. Infrastruktur")
    m.para(
        "Wiki-Umzug auf Nextcloud ist durch, das alte Wiki bleibt bis Ende Januar lesbar.\n"
        "Matrix-Server updaten -> BO, FL\n"
        "Entscheidung: Mailingliste wird abgeschaltet, Ankündigungen nur noch über Matrix und die Website."
    )
    m.para("6. Sonstiges")
    m.para(
        "Jil fragt, ob jemand Lust auf einen Stand beim 38C3 hat – wird im Chat geklärt.\n"
        "Nächstes Plenum: 08.01.2025, 19 Uhr"
    )
    return m


# --------------------------------------------------------------------------- 4. student council


def fachschaftsrat() -> Minutes:
    m = Minutes(title="FSR Informatik 14.05.2025", author="Kofi Mensah", created=_utc(2025, 5, 15, 9, 0))
    m.heading("Protokoll der Sitzung des Fachschaftsrats Informatik vom 14.05.2025", 1)
    m.labelled("Sitzungsleitung:", "Lea Brunner")
    m.labelled("Protokoll:", "Kofi Mensah")
    m.labelled(
        "Anwesend (stimmberechtigt):",
        "Lea Brunner, Kofi Mensah, Hannah Vogt, Emil Sander, Tuğba Aydın, Paul Richter",
    )
    m.labelled("Gäste:", "Greta Lind (AStA, Referat für Hochschulpolitik)")
    m.labelled("Beginn:", "18:15 Uhr")

    m.heading("TOP 1 – Formalia", 2)
    m.para("Die Sitzung ist mit 6 von 9 Mitgliedern beschlussfähig.")
    m.para("Die Tagesordnung wird einstimmig angenommen.")
    m.para("Das Protokoll der letzten Sitzung wird mit 4/0/2 angenommen.")

    m.heading("TOP 2 – Berichte", 2)
    m.para(
        "Hannah berichtet aus dem Fakultätsrat: Die Fakultät für Informatik plant, die Prüfungsanmeldung ab dem "
        "Wintersemester nur noch über HISinOne abzuwickeln."
    )
    m.para(
        "Greta berichtet, dass das Studierendenparlament im April beschlossen hat, den Semesterbeitrag für das "
        "Kulturticket zu erhöhen."
    )

    m.heading("TOP 3 – Finanzanträge", 2)
    m.para("Antrag 1: Zuschuss von 450 € für die Erstsemesterfahrt im Oktober.")
    m.para("Der Antrag wird mit 5/0/1 angenommen.")
    m.para("Antrag 2: 120 € für neue Brettspiele im Fachschaftsraum.")
    m.para("Der Antrag wird mit 1/4/1 abgelehnt.")
    m.para("Mira Jankowski und Nils Hagedorn kommen um 18:40 Uhr dazu.")

    m.heading("TOP 4 – Wahlen", 2)
    m.para(
        "Für das Finanzreferat kandidiert Tuğba Aydın. Tuğba wird mit 5 Ja, 1 Nein, 2 Enthaltungen zur "
        "Finanzreferentin gewählt und nimmt die Wahl an."
    )
    m.para("Als Vertreter im Fakultätsrat wird Emil Sander bei einer Enthaltung gewählt.")

    m.heading("TOP 5 – Sommerfest der Fakultät", 2)
    m.para("Paul stellt die Planung vor; die Fakultät stellt den Innenhof und 300 € zur Verfügung.")
    m.para("Der Fachschaftsrat beschließt, sich mit einem Waffelstand zu beteiligen (+7, -0, o1).")
    m.para("Paul und Hannah organisieren den Waffelstand und erstellen bis zum 01.06. einen Schichtplan.")
    m.para("Kofi fragt beim Studierendenwerk an, ob wir die Waffeleisen aus der Mensa ausleihen können.")

    m.heading("TOP 6 – Sonstiges", 2)
    m.para(
        "Emil schlägt vor, die Sprechstunde in den Semesterferien auszusetzen. Darüber wird in der nächsten "
        "Sitzung entschieden."
    )
    m.para("Lea verschickt das Protokoll bis Freitag an den Verteiler.")
    m.para("Nächste Sitzung: 28.05.2025, 18:15 Uhr, Raum E.04")
    return m


# --------------------------------------------------------------------------- 5. project team


def projektteam() -> Minutes:
    m = Minutes(title="Projekttreffen AiQ", author="Jannik Wolff", created=_utc(2026, 3, 4, 7, 45))
    m.bold("Projekttreffen „Ausbildung im Quartier“ – Bildungsnetzwerk Nordstadt e.V.")
    m.table([
        ("Datum", "03.03.2026, 14:00 – 15:30 Uhr"),
        (
            "Teilnehmende",
            "Dagmar Rasche (Projektleitung), Yusuf Demir, Carina Albers, Jannik Wolff, "
            "Dr. Elke Sommerfeld (Referat Bildung und Teilhabe, Stadt Weidenbrück)",
        ),
        ("Protokoll", "Jannik Wolff"),
    ])

    m.heading("Stand der Kooperationen", 1)
    m.para(
        "Frau Albers berichtet vom Gespräch mit der Industrie- und Handelskammer (IHK): Zwölf Betriebe aus der "
        "Nordstadt haben Interesse an Praktikumsplätzen signalisiert."
    )
    m.para(
        "Die Handwerkskammer (HWK) hat noch nicht geantwortet. Frau Albers fragt bei der HWK an, ob ein "
        "gemeinsamer Infoabend im Mai möglich ist."
    )
    m.para(
        "Frau Rasche wird sich der Abstimmung mit dem Jobcenter annehmen, damit Teilnehmende ihre Fahrtkosten "
        "erstattet bekommen. Beim Jobcenter ist seit Februar Herr Kaya unser fester Ansprechpartner."
    )

    m.heading("Räume und Ausstattung", 1)
    m.para("Herr Demir kümmert sich bis Freitag um die Raumbuchung im Bürgerhaus Nordstadt für die Infoabende.")
    m.para("Die Laptops aus der Spende der Sparkasse Weidenbrück sind eingerichtet (erledigt).")
    m.para(
        "Wir haben uns darauf geeinigt, die Lernwerkstatt dienstags und donnerstags von 15 bis 18 Uhr zu öffnen."
    )
    m.para("Es wird festgelegt, dass die Infoabende am 16. und am 23. April stattfinden.")
    m.para("Frau Albers bringt bis zum nächsten Treffen zwei Angebote für einen Beamer mit.")

    m.heading("Finanzen", 1)
    m.para(
        "Frau Dr. Sommerfeld erläutert, dass das Amt für Jugend und Familie die zweite Förderrate erst nach "
        "Vorlage des Zwischenberichts auszahlt."
    )
    m.para("Frau Rasche erstellt den Zwischenbericht bis Ende März 2026.")
    m.para("Herr Wolff stellt die Teilnehmerzahlen in zwei Wochen zusammen.")
    m.para(
        "Die Satzungsänderung des Bildungsnetzwerks Nordstadt e.V. liegt zur Eintragung beim Vereinsregister "
        "des Amtsgerichts Weidenbrück."
    )
    m.para(
        "Herr Demir schlägt vor, einen Teil der Honorarmittel für Nachhilfe umzuwidmen; Frau Dr. Sommerfeld hält "
        "das für förderrechtlich schwierig."
    )

    m.heading("Aufgaben", 1)
    m.table([
        ("Was", "Wer", "Bis wann"),
        ("Flyer für die Infoabende entwerfen", "Carina Albers", "bis 13.03."),
        ("Betriebsliste der IHK auswerten", "Yusuf Demir", "bis KW 12"),
        ("Einladung an die Eltern über die Grundschule Am Lindenhof verteilen", "Jannik Wolff", "Anfang April"),
        ("Kooperationsvertrag mit der Kreishandwerkerschaft prüfen", "Dr. Elke Sommerfeld", "Mitte April"),
        ("Mailverteiler in Thunderbird anlegen", "Jannik Wolff", "erledigt"),
        ("Text für die Homepage aktualisieren", "Yusuf Demir", "nächste Woche"),
    ], header=True)

    m.heading("Nächstes Treffen", 1)
    m.para("Das nächste Projekttreffen findet am 24.03.2026 um 14 Uhr im Bürgerhaus Nordstadt statt.")
    return m


# --------------------------------------------------------------------------- 6. citizens' initiative


def initiative() -> Minutes:
    m = Minutes(title="Treffen BI Radverkehr", author="Wiebke", created=_utc(2025, 9, 17, 18, 0))
    m.bold("Treffen der Bürgerinitiative „Sicher radeln in Weidenbrück“")
    m.para("16. September 2025, 19:00 Uhr, Südring 12 (bei Anke)")
    m.para("Dabei: Anke, Jörg, Selin, Matthias, Wiebke, Paolo; Protokoll: Wiebke")

    m.styled("Rückblick auf die Fahrraddemo am 30. August", "List Number")
    m.para(
        "Rund 240 Teilnehmende, keine Zwischenfälle. Die Polizeiinspektion Weidenbrück hat sich für die gute "
        "Zusammenarbeit bedankt. Der Weidenbrücker Anzeiger hat mit Foto berichtet."
    )
    m.styled("Stellungnahme zum Radverkehrskonzept", "List Number")
    m.para(
        "Der Entwurf des Radverkehrskonzepts liegt seit dem 1. September beim Stadtplanungsamt aus. "
        "Einwendungen sind bis zum 10. Oktober möglich."
    )
    m.para(
        "Wir sind uns einig, eine gemeinsame Stellungnahme abzugeben und uns auf die Gerberstraße und den "
        "Schulweg am Südring zu konzentrieren."
    )
    m.para(
        "Vereinbart wird außerdem, dass die Stellungnahme im Namen der Initiative und nicht von Einzelpersonen "
        "eingereicht wird."
    )
    m.para("Selin und Paolo schreiben den Entwurf der Stellungnahme bis Ende des Quartals.")
    m.para(
        "Matthias schlägt vor, zusätzlich den Radlerverband Oberland (RVO) um Unterstützung zu bitten; die "
        "Meinungen dazu gehen auseinander."
    )
    m.styled("Aktion „Parking Day“", "List Number")
    m.para(
        "Die Aktion wird auf das Frühjahr verschoben, weil bis Oktober keine Genehmigung vom Ordnungsamt zu "
        "bekommen ist."
    )
    m.para("Anke fragt beim Ordnungsamt nach den Fristen für eine Sondernutzungserlaubnis.")
    m.styled("Öffentlichkeitsarbeit", "List Number")
    m.para("Jörg erstellt Anfang Oktober einen Instagram-Beitrag zur Stellungnahme.")
    m.para("Die Website läuft weiter über WordPress; Wiebke aktualisiert nächste Woche die Terminseite.")
    m.para("Flyer für den Herbstmarkt sind gedruckt und abgeholt – erledigt.")
    m.styled("Termine", "List Number")
    m.para("Nächstes Treffen: Dienstag, 21. Oktober 2025, 19 Uhr, wieder am Südring 12.")
    m.para(
        "Bis dahin sammelt Paolo die Unfallstellen aus der Unfallkarte der Polizei in einer gemeinsamen Tabelle "
        "in der Nextcloud."
    )
    m.para("Abstimmung zwischendurch über die Signal-Gruppe.")
    return m


# --------------------------------------------------------------------------- 7. resolution extract


def beschlussauszug() -> Minutes:
    m = Minutes(title="Beschlussauszug", author="Kreisverwaltung", created=_utc(2026, 3, 2, 11, 0))
    m.bold("Sachverhalt:")
    m.para(
        "Der Landkreis Hohenfeld trägt nach dem Schulgesetz die Kosten der Schülerbeförderung. Seit dem "
        "Fahrplanwechsel fallen im Raum Altbach morgens regelmäßig Verbindungen aus, weil die Regionalbus "
        "Hohenfeld GmbH nicht genügend Fahrpersonal hat."
    )
    m.para("Der Kreisausschuss hat sich am 12.02.2026 für eine Übergangslösung mit Kleinbussen ausgesprochen.")
    m.para("Frau Engel (Schulelternrat der Oberschule Altbach) schildert die Situation aus Sicht der Familien.")
    m.bold("Beschluss:")
    m.para(
        "1. Für die Linien 412 und 415 werden ab dem 13.04.2026 zusätzliche Kleinbusse eingesetzt; die "
        "Mehrkosten von jährlich bis zu 85.000 Euro werden aus dem Budget der Schülerbeförderung gedeckt."
    )
    m.para(
        "2. Die Verwaltung legt dem Ausschuss für Schule, Kultur und Sport bis zum 30.06.2026 einen Bericht über "
        "die Pünktlichkeit der Schülerbeförderung vor."
    )
    m.para("Abstimmungsergebnis: 11 Ja-Stimmen, 0 Nein-Stimmen, 2 Enthaltungen")
    return m


# --------------------------------------------------------------------------- 8. festival planning team (bold-line sections)


def orgateam() -> Minutes:
    """Pad-style notes with bold lines only: one section groups sub-headings; standing rules,
    owners after the verb, bracket notes that a task table repeats."""
    m = Minutes(title="Orgateam Stadtteilfest", author="Lena Vogt", created=_utc(2026, 2, 5, 21, 0))
    m.bold("Protokoll Orgateam Stadtteilfest Birkenfelde")
    m.para("Datum: 04.02.2026, 19:30 Uhr, Gemeindehaus")
    m.para("Anwesend: Heike Brandt, Yusuf Demir, Lena Vogt, Piotr Nowak, Carla Santos; Protokoll: Lena Vogt")
    m.bold("Rückblick")
    m.para("Das Fest im letzten Sommer hatte rund 600 Gäste. Die Freiwillige Feuerwehr Birkenfelde hat den Grill betreut.")
    m.bold("Planung des Stadtteilfests am 13. Juni")
    m.bold("Rahmen")
    m.para("• Grundsätzlich keine Einwegbecher auf dem Festgelände.")
    m.para("• Nach kurzer Diskussion wird der Beginn auf 14 Uhr festgelegt.")
    m.para("• Die Getränkeliste übernimmt Piotr.")
    m.bold("Programm")
    m.para("• Die Trachtenkapelle Birkenfelde spielt zur Eröffnung.")
    m.para("• Der TSV Birkenfelde bietet ein Kinderturnier an.")
    m.para("• Kinderschminken an der Grundschule (Jugendgruppe)")
    m.bold("Finanzen")
    m.para("• Die Standgebühr wird per Handzeichen auf 10 Euro festgesetzt.")
    m.para("• Heike berichtet über den Kassenstand und beantragt den Zuschuss beim Bezirksamt bis 15.03.")
    m.bold("Aufgaben")
    m.table([("Was", "Wer", "Bis wann"),
             ("Zelt und Bühne beim Bauhof anfragen", "Piotr", "28.02."),
             ("Kinderschminken und Bastelstand", "Jugendgruppe", "")], header=True)
    m.bold("Verschiedenes")
    m.para("• Carla fragt, warum der Termin nicht wie früher im Juli liegt.")
    m.para("• In der nächsten Sitzung sollen die Arbeitsgruppen ihre Kostenpläne vorstellen.")
    m.para("• Ab sofort werden alle Absprachen im gemeinsamen Kalender eingetragen.")
    return m


# --------------------------------------------------------------------------- 9. advisory board in a council information system


def integrationsbeirat() -> Minutes:
    """Council-system layout: "Gremium:/Datum:" fields, "TOP Ö n" headings, a resolution as a
    numbered list of long sentences with a status line, reported and future decisions,
    questions put to the meeting, a report given in it, an inquiry with "redet mit …, ob"."""
    m = Minutes(title="Niederschrift Integrationsbeirat", author="Stadt Lindenau", created=_utc(2026, 5, 22, 9, 0))
    m.heading("Niederschrift über die Sitzung des Integrationsbeirates der Stadt Lindenau am 20.05.2026", 1)
    m.para("Gremium: Integrationsbeirat")
    m.para("Datum: Mi., 20.05.2026")
    m.para("Uhrzeit: 17:00")
    m.para("Anwesend: Amina Haddad (Vorsitz), Daniel Okafor, Irina Weber, Tomasz Nowicki, Sevgi Arslan; "
           "Verwaltung: Dr. Leyla Aydın (Amt für Migration und Integration)")
    m.heading("TOP Ö 1 – Genehmigung der Niederschrift vom 11.03.2026", 2)
    m.para("Die Niederschrift wird mit einer Enthaltung genehmigt.")
    m.heading("TOP Ö 2 – Bericht der Verwaltung", 2)
    m.para("Frau Dr. Aydın gibt anhand einer Präsentation einen Überblick über die Beratungszahlen des ersten Quartals.")
    m.para("Sie berichtet, dass der Stadtrat am 28.04.2026 die Mittel für zwei weitere Beratungsstellen beschlossen hat.")
    m.para("Herr Okafor fragt an, wie lange die Förderung durch das Land noch läuft.")
    m.para("Die Verwaltung wird die Antwort bis zur nächsten Sitzung schriftlich nachreichen.")
    m.heading("TOP Ö 3 – Erweiterung des Sprachmittlerpools", 2)
    m.para("Vorlageart: Entscheidungsvorlage")
    m.heading("Beschlussvorschlag", 3)
    m.styled(
        "Der Integrationsbeirat beschließt, den Sprachmittlerpool ab dem 01.07.2026 um die Sprachen Tigrinya und "
        "Dari zu erweitern und die Honorare an den Satz des Landes anzupassen.",
        "List Number",
    )
    m.styled(
        "Die Verwaltung wird beauftragt, dem Integrationsbeirat bis zum 30.09.2026 einen Bericht über die Nutzung "
        "des Pools und die entstandenen Kosten vorzulegen.",
        "List Number",
    )
    m.para("Beschluss: einstimmig beschlossen")
    m.heading("TOP Ö 4 – Verschiedenes", 2)
    m.para(
        "Auf Anregung von Herrn Okafor wird sich darauf geeinigt, die Migrationsberatung des Caritasverbandes "
        "Lindenau in die nächste Sitzung einzuladen."
    )
    m.para("Frau Weber redet mit dem Jobcenter Lindenau, ob ein Vortrag zur Anerkennung ausländischer Berufsabschlüsse möglich ist.")
    m.para("Die Änderung der Geschäftsordnung soll in der nächsten Sitzung beschlossen werden.")
    m.para("Nächste Sitzung: 16.09.2026, 17:00 Uhr")
    return m


# --------------------------------------------------------------------------- output

DOCUMENTS: dict[str, Callable[[], Minutes]] = {
    "sozialausschuss-weidenbrueck-2025-11-18.docx": sozialausschuss,
    "sportverein-vorstand-2025-03-06.docx": sportverein,
    "hackspace-plenum-2024-12-11.docx": hackspace,
    "fachschaftsrat-informatik-2025-05-14.docx": fachschaftsrat,
    "projektteam-quartier-2026-03-03.docx": projektteam,
    "initiative-radverkehr-2025-09-16.docx": initiative,
    "schulausschuss-hohenfeld-beschluss.docx": beschlussauszug,
    "orgateam-stadtteilfest-2026-02-04.docx": orgateam,
    "integrationsbeirat-lindenau-2026-05-20.docx": integrationsbeirat,
}


def build_bytes(name: str) -> bytes:
    return DOCUMENTS[name]().to_bytes()


def write_all(out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in DOCUMENTS:
        path = out_dir / name
        path.write_bytes(build_bytes(name))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: tests/data/eval)")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
