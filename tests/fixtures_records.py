"""A hand-written MinutesRecord for render tests (golden files).

Every value is written by hand. The record describes the bundled example
examples/kog-sitzung-2026-03-12.docx (scripts/make_example.py) the way we want
it extracted, so the golden report doubles as a readable statement of the
intended result. Block indices count, in body order, every non-empty paragraph
and every table row (header rows included) from 0; table_index / table_row are
0-based (the header row of a table is row 0).

Deliberately kept out of the record (they are in the document but are no
decision / no open task): "Das Gremium nimmt die Berichte zur Kenntnis."
(TOP 3), "Der Vorschlag wird auf die nächste Sitzung vertagt." (TOP 6) and the
task marked "(erledigt)" (TOP 7).
"""
from __future__ import annotations

import datetime as dt

from protokollant.schema import (
    ActionItem,
    Decision,
    Due,
    Evidence,
    Institution,
    Meeting,
    MinutesRecord,
    Outcome,
    Participants,
    Person,
    PipelineInfo,
    Responsible,
    ResponsibleKind,
    SourceInfo,
    SubTopic,
    Topic,
    Vote,
)

CET = dt.timezone(dt.timedelta(hours=1))

TITLE = (
    "Protokoll der 14. Sitzung des Koordinierungsgremiums "
    "„Integration von Migrantinnen und Migranten in Ausbildung und Arbeit“"
)


def _p(index: int, text: str, kind: str = "paragraph") -> Evidence:
    return Evidence(block_index=index, block_kind=kind, text=text)


def _row(index: int, table: int, row: int, text: str) -> Evidence:
    return Evidence(block_index=index, block_kind="table_row", text=text, table_index=table, table_row=row, table_column=0)


def kog_record() -> MinutesRecord:
    """The example minutes (14. Sitzung, 12. März 2026) as a complete record."""
    meeting = Meeting(
        title=TITLE,
        organisation="Stadt Musterstadt – Referat Migration und Integration",
        date=dt.date(2026, 3, 12),
        time="14:00 – 16:30 Uhr",
        place="Agentur für Arbeit Musterstadt, Raum 2.14",
        chair="Markus Albrecht",
        minute_taker="Jana Berger",
        participants=Participants(
            present=[
                Person(name="Markus Albrecht", role="Agentur für Arbeit Musterstadt, Vorsitz", initials="MA"),
                Person(name="Dr. Aylin Yilmaz", role="Stadt Musterstadt, Referat Migration und Integration", initials="AY"),
                Person(name="Jana Berger", role="Stadt Musterstadt, Referat Migration und Integration, Geschäftsstelle, Protokoll", initials="JB"),
                Person(name="Sven Kowalski", role="Jobcenter Musterstadt", initials="SK"),
                Person(name="Petra Lindner", role="Industrie- und Handelskammer Musterstadt", initials="PL"),
                Person(name="Frank Ochs", role="Handwerkskammer Musterstadt", initials="FO"),
                Person(name="Dr. Miriam Feld", role="Sächsisches Staatsministerium für Wirtschaft, Arbeit und Tourismus, beratend", initials="MF"),
                Person(name="Nikolai Petrenko", role="IQ Netzwerk Sachsen, Teilprojekt Musterstadt", initials="NP"),
                Person(name="Laura Schubert", role="Welcome Center Musterstadt", initials="LS"),
                Person(name="Samir Haddad", role="Brückenschlag Musterstadt e.V.", initials="SH"),
                Person(name="Claudia Vogt", role="Bildungszentrum Musterstadt GmbH", initials="CV"),
                Person(name="Tobias Reimann", role="Landesamt für Schule und Bildung, Standort Musterstadt", initials="TR"),
            ],
            excused=[
                Person(name="Anja Roth", role="DGB Region Musterstadt", initials="AR"),
                Person(name="Michael Sander", role="Ausländerbehörde der Stadt Musterstadt", initials="MS"),
            ],
            guests=[
                Person(name="Elena Marić", role="Berufliches Schulzentrum Musterstadt-Nord, zu TOP 5", initials="EM"),
                Person(name="Jonas Keller", role="Universität Musterstadt, Career Service, zu TOP 6", initials="JK"),
            ],
        ),
        next_meeting=dt.date(2026, 6, 11),
    )

    topics = [
        Topic(index=0, number="1", title="Begrüßung und Genehmigung der Tagesordnung", block_start=21, block_end=22),
        Topic(index=1, number="2", title="Protokoll der 13. Sitzung", block_start=23, block_end=24),
        Topic(
            index=2,
            number="3",
            title="Bilanz Arbeitsmarktintegration 2025 und Ausblick 2026",
            block_start=25,
            block_end=31,
            subtopics=[
                SubTopic(number="3.1", title="Bericht der Agentur für Arbeit und des Jobcenters", block_index=26),
                SubTopic(number="3.2", title="Ausblick 2026 aus Sicht der Kammern", block_index=29),
            ],
        ),
        Topic(index=3, number="4", title="Handlungsempfehlungen der AG „Ausbildung und Arbeit“", block_start=32, block_end=36),
        Topic(index=4, number="5", title="Übergänge aus den Vorbereitungsklassen", block_start=37, block_end=43),
        Topic(index=5, number="6", title="Kooperationsverbund Welcome Center", block_start=44, block_end=47),
        Topic(index=6, number="7", title="Verschiedenes", block_start=48, block_end=55),
    ]

    decisions = [
        Decision(
            text="Die Tagesordnung wird ohne Änderungen genehmigt.",
            kind="approval",
            topic_index=0,
            vote=None,
            evidence=_p(22, "Die Tagesordnung wird ohne Änderungen genehmigt."),
            confidence=0.9,
        ),
        Decision(
            text="Das Protokoll der 13. Sitzung vom 27. November 2025 wird mit einer Berichtigung in TOP 4 genehmigt.",
            kind="approval",
            topic_index=1,
            vote=Vote(unanimous=True, outcome=Outcome.ACCEPTED, text="einstimmig genehmigt"),
            evidence=_p(
                24,
                "Mit dieser Änderung wird das Protokoll der 13. Sitzung vom 27. November 2025 einstimmig genehmigt.",
            ),
            confidence=0.92,
        ),
        Decision(
            text=(
                "Das Koordinierungsgremium beschließt die Handlungsempfehlungen der AG „Ausbildung und Arbeit“ "
                "in der Fassung vom 12. März 2026 und bittet die Mitgliedsinstitutionen, sie in ihrem "
                "Zuständigkeitsbereich umzusetzen."
            ),
            kind="resolution",
            topic_index=3,
            vote=Vote(
                yes=9,
                no=0,
                abstain=1,
                outcome=Outcome.ACCEPTED,
                text="mit 9 Ja-Stimmen, 0 Gegenstimmen und 1 Enthaltung angenommen",
            ),
            evidence=_p(
                35,
                "Beschluss: Das Koordinierungsgremium beschließt die Handlungsempfehlungen der AG „Ausbildung und "
                "Arbeit“ in der Fassung vom 12. März 2026 und bittet die Mitgliedsinstitutionen, sie in ihrem "
                "Zuständigkeitsbereich umzusetzen. Der Beschluss wird mit 9 Ja-Stimmen, 0 Gegenstimmen und "
                "1 Enthaltung angenommen.",
            ),
            confidence=0.97,
        ),
        Decision(
            text="Die gemeinsame Sprechstunde wird bis Ende 2026 fortgeführt und im Herbst ausgewertet.",
            kind="agreement",
            topic_index=5,
            vote=None,
            evidence=_p(
                46,
                "Das Gremium einigt sich darauf, die gemeinsame Sprechstunde bis Ende 2026 fortzuführen und im "
                "Herbst auszuwerten.",
            ),
            confidence=0.81,
        ),
    ]

    action_items = [
        ActionItem(
            task="Beschlossene Handlungsempfehlungen auf der Internetseite der Stadt veröffentlichen",
            responsible=[Responsible(name="Geschäftsstelle", kind=ResponsibleKind.GROUP, resolved=None)],
            due=Due(date=dt.date(2026, 3, 31), text="bis 31.03.2026"),
            topic_index=3,
            evidence=_p(
                36,
                "Die Geschäftsstelle veröffentlicht die beschlossenen Handlungsempfehlungen bis 31.03.2026 auf der "
                "Internetseite der Stadt Musterstadt.",
            ),
            confidence=0.86,
        ),
        ActionItem(
            task="Übersicht der Anschlussangebote für Absolventinnen und Absolventen der VK-Klassen zusammenstellen",
            responsible=[Responsible(name="Frau Dr. Yilmaz", kind=ResponsibleKind.PERSON, resolved="Dr. Aylin Yilmaz")],
            due=Due(date=dt.date(2026, 4, 15), text="bis 15.04."),
            topic_index=4,
            evidence=_p(
                40,
                "Frau Dr. Yilmaz (Referat Migration und Integration) stellt bis 15.04. eine Übersicht der "
                "Anschlussangebote für Absolventinnen und Absolventen der VK-Klassen zusammen.",
            ),
            confidence=0.93,
        ),
        ActionItem(
            task="Prüfen, ob zusätzliche Praktikumsplätze in Mitgliedsbetrieben für Jugendliche aus den VK-Klassen gewonnen werden können",
            responsible=[
                Responsible(name="IHK", kind=ResponsibleKind.INSTITUTION, resolved="Industrie- und Handelskammer Musterstadt"),
                Responsible(name="Handwerkskammer", kind=ResponsibleKind.INSTITUTION, resolved="Handwerkskammer Musterstadt"),
            ],
            due=Due(date=dt.date(2026, 4, 30), text="bis Ende April"),
            topic_index=4,
            evidence=_p(
                41,
                "Die IHK und die Handwerkskammer prüfen bis Ende April, ob für Jugendliche aus den VK-Klassen "
                "zusätzliche Praktikumsplätze in Mitgliedsbetrieben gewonnen werden können.",
            ),
            confidence=0.88,
        ),
        ActionItem(
            task="Informationsveranstaltung zur Anerkennung ausländischer Abschlüsse für die Abschlussklassen anbieten",
            responsible=[Responsible(name="NP", kind=ResponsibleKind.PERSON, resolved="Nikolai Petrenko")],
            due=Due(date=None, text="bis zu den Sommerferien"),
            topic_index=4,
            evidence=_p(
                42,
                "NP bietet den Abschlussklassen bis zu den Sommerferien je eine Informationsveranstaltung zur "
                "Anerkennung ausländischer Abschlüsse an.",
            ),
            confidence=0.55,
        ),
        ActionItem(
            task="Termin für ein Fachgespräch mit den Schulleitungen der berufsbildenden Schulen abstimmen und dazu einladen",
            responsible=[Responsible(name="JB", kind=ResponsibleKind.PERSON, resolved="Jana Berger")],
            due=None,
            topic_index=4,
            evidence=_p(
                43,
                "TODO (JB): Termin für ein Fachgespräch mit den Schulleitungen der berufsbildenden Schulen "
                "abstimmen und dazu einladen.",
            ),
            confidence=0.74,
        ),
        ActionItem(
            task="Einladung und Programm für den Fachtag „Vielfalt in der Ausbildung“ an die Mitglieder versenden",
            responsible=[Responsible(name="Frau Lindner (IHK)", kind=ResponsibleKind.PERSON, resolved="Petra Lindner")],
            due=Due(date=None, text="KW 18"),
            topic_index=6,
            evidence=_row(
                51,
                1,
                1,
                "Einladung und Programm für den Fachtag „Vielfalt in der Ausbildung“ an die Mitglieder versenden"
                " | Frau Lindner (IHK) | KW 18",
            ),
            confidence=0.9,
        ),
        ActionItem(
            task="Aktuelle Zahlen zu erwerbsfähigen Leistungsberechtigten aus der Ukraine für das Gremium aufbereiten",
            responsible=[Responsible(name="Jobcenter (Herr Kowalski)", kind=ResponsibleKind.PERSON, resolved="Sven Kowalski")],
            due=Due(date=dt.date(2026, 6, 11), text="bis zur nächsten Sitzung"),
            topic_index=6,
            evidence=_row(
                52,
                1,
                2,
                "Aktuelle Zahlen zu erwerbsfähigen Leistungsberechtigten aus der Ukraine für das Gremium aufbereiten"
                " | Jobcenter (Herr Kowalski) | bis zur nächsten Sitzung",
            ),
            confidence=0.84,
        ),
        ActionItem(
            task="Abschlussbericht des Projekts „Deutsch am Arbeitsplatz“ vorlegen",
            responsible=[
                Responsible(name="Frau Vogt", kind=ResponsibleKind.PERSON, resolved="Claudia Vogt"),
                Responsible(name="Herr Ochs", kind=ResponsibleKind.PERSON, resolved="Frank Ochs"),
            ],
            due=Due(date=dt.date(2026, 6, 30), text="30.06.2026"),
            topic_index=6,
            evidence=_row(
                53,
                1,
                3,
                "Abschlussbericht des Projekts „Deutsch am Arbeitsplatz“ vorlegen | Frau Vogt, Herr Ochs | 30.06.2026",
            ),
            confidence=0.95,
        ),
    ]

    institutions = [
        Institution(name="Agentur für Arbeit Musterstadt", aliases=["Agentur für Arbeit"], kind="behoerde", source="registry", mentions=[3, 4, 7, 22, 45, 57]),
        Institution(name="Referat Migration und Integration der Stadt Musterstadt", aliases=["Referat Migration und Integration"], kind="kommune", source="pattern", mentions=[5, 8, 9, 40]),
        Institution(name="Jobcenter Musterstadt", aliases=["Jobcenter", "Jobcenters"], kind="behoerde", source="registry", mentions=[10, 26, 28, 52, 56, 57]),
        Institution(name="Industrie- und Handelskammer Musterstadt", aliases=["IHK"], kind="kammer", source="registry", mentions=[11, 30, 41, 51]),
        Institution(name="Handwerkskammer Musterstadt", aliases=["Handwerkskammer", "HWK"], kind="kammer", source="registry", mentions=[12, 30, 41]),
        Institution(name="Sächsisches Staatsministerium für Wirtschaft, Arbeit und Tourismus", aliases=[], kind="ministerium", source="registry", mentions=[13]),
        Institution(name="IQ Netzwerk Sachsen", aliases=["IQ Netzwerk"], kind="netzwerk", source="registry", mentions=[14, 45]),
        Institution(name="Welcome Center Musterstadt", aliases=["Welcome Center"], kind="kommune", source="pattern", mentions=[15, 44, 45]),
        Institution(name="Brückenschlag Musterstadt e.V.", aliases=[], kind="verein", source="pattern", mentions=[16]),
        Institution(name="Bildungszentrum Musterstadt GmbH", aliases=[], kind="bildungstraeger", source="pattern", mentions=[17]),
        Institution(name="Landesamt für Schule und Bildung", aliases=["Landesamt"], kind="behoerde", source="registry", mentions=[18, 39]),
        Institution(name="DGB Region Musterstadt", aliases=[], kind="gewerkschaft", source="model", mentions=[19]),
        Institution(name="Ausländerbehörde der Stadt Musterstadt", aliases=["Ausländerbehörde"], kind="behoerde", source="pattern", mentions=[19, 45]),
        Institution(name="Berufliches Schulzentrum Musterstadt-Nord", aliases=["Beruflichen Schulzentrum Musterstadt-Nord"], kind="schule", source="pattern", mentions=[20, 38]),
        Institution(name="Universität Musterstadt", aliases=[], kind="hochschule", source="pattern", mentions=[20, 47]),
    ]

    return MinutesRecord(
        source=SourceInfo(
            file="kog-sitzung-2026-03-12.docx",
            sha256="b56fb68c4b893eac97e13e40d5151735961e1bee2e7e88e04c6ef213a175aa29",
            size_bytes=41705,
            processed_at=dt.datetime(2026, 3, 13, 9, 30, 0, tzinfo=CET),
        ),
        pipeline=PipelineInfo(
            name="de_core_news_lg",
            version="3.8.0",
            spacy_version="3.8.7",
            protokollant_version="0.1.0",
            components=["tok2vec", "tagger", "morphologizer", "parser", "lemmatizer", "attribute_ruler", "ner"],
        ),
        meeting=meeting,
        topics=topics,
        decisions=decisions,
        action_items=action_items,
        institutions=institutions,
        warnings=[
            "Frist „KW 18“ (TOP 7, Tabelle 2, Zeile 2) wurde nicht in ein Datum umgerechnet.",
            "TOP 6, Absatz 48: „wird auf die nächste Sitzung vertagt“ – nicht als Beschluss gewertet.",
            "TOP 7, Absatz 55: Aufgabe als „(erledigt)“ vermerkt – nicht in die Aufgabenliste übernommen.",
        ],
    )


def empty_record() -> MinutesRecord:
    """A record with nothing recognised (only the mandatory provenance)."""
    return MinutesRecord(
        source=SourceInfo(
            file="leer.docx",
            sha256="0" * 64,
            size_bytes=0,
            processed_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
        ),
        pipeline=PipelineInfo(name="blank:de", version=None, spacy_version="3.8.7", protokollant_version="0.1.0", components=[]),
        meeting=Meeting(),
    )
