"""What a line says about itself as an agenda item: its title as written (cleaned, cut to its
opening clause), and the lines that name no item (the minutes' title, a header phrase, the
meeting's date or time, a numbered sentence of content)."""
from __future__ import annotations

import re

from ..german import MONTHS_DE
from .meta import meta_keys
from .text import clean

# Sentence-like list items keep only their opening clause as the title.
_TITLE_CUT = re.compile(r"\s*(?:,|;|:|-->|->|→|\s[–—-]\s|\.\s|\(|\?)")
_ABBREVIATION_END = re.compile(r"(?:^|\s)[A-ZÄÖÜa-zäöü][a-zäöü]{0,2}$")
_MINUTES_TITLE = re.compile(
    r"^\W*(?:Protokoll|Niederschrift|Ergebnisprotokoll|Kurzprotokoll|Sitzungsprotokoll|Beschlussprotokoll|"
    r"Verlaufsprotokoll|Ergebnisniederschrift|Sitzungsniederschrift|Gesprächsprotokoll|"
    # "**Gesprächsvermerk**", "Protokollnotiz", "Vermerk über das Abstimmungsgespräch …": a note's kind names the
    # document (development groups: none of 42 such lines is an annotated item)
    r"Gesprächsvermerk|Ergebnisvermerk|Aktenvermerk|Besprechungsvermerk|Telefonvermerk|Vermerk|Aktennotiz|Gesprächsnotiz|"
    r"Besprechungsnotiz|Protokollnotiz)\b(?!\s*(?:der|des)\s+(?:letzten|vorigen|vorherigen))",
    re.I,
)
# "# 2020", "## März 2024", "### 30.01.2020": an archive page's year or date heading groups minutes.
DATE_ONLY = re.compile(
    rf"^(?:(?:\d{{1,2}}\.\s*)?(?:{'|'.join(MONTHS_DE)})\s+)?"
    r"(?:\d{1,2}\.\d{1,2}\.)?(?:19|20)\d{2}(?:/\d{2,4})?$", re.I)
_SPACED_LETTERS = re.compile(r"^(?:\w\s){3,}\w$")
_MONTHS = rf"(?:{'|'.join(MONTHS_DE)}|Jänner)"  # and the Austrian January
_FULL_DATE = rf"(?:\d{{1,2}}\.\s*\d{{1,2}}\.\s*(?:19|20)?\d{{2}}\b|\d{{1,2}}\.\s*{_MONTHS}\s+(?:19|20)\d{{2}}|\d{{1,2}}/\d{{1,2}}/(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
_DATED_LINE = re.compile(
    rf"^\W*(?:(?:am|vom|den)\s+)?(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s+(?:den\s+)?)?{_FULL_DATE}", re.I)
_TIME_LINE = re.compile(r"^\W*(?:(?:von|ab|um)\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr\s*)?(?:(?:[-–]|bis)\s*\d{1,2}(?:[.:]\d{2})?\s*)?Uhr\W*$", re.I)

# What may follow the date: a time, a place of one to three capitalised words, a time in brackets
# ("20. März 2015, Feldkirch", "07.10.2015, 19:30 Uhr"); not an item's name ("12.03.2024, Vorbereitung der MV").
_TIME = r"(?:(?:um|ab|von)\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr)?(?:\s*(?:[-–]|bis)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:Uhr)?)?"
_AFTER_DATE = re.compile(
    rf"\s*[,–-]?\s*(?:{_TIME})?\s*[,–-]?\s*(?:[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){{0,2}})?\s*[,.]?\s*(?:\(\s*{_TIME}\s*\))?\s*$")


def dated_line(text: str) -> bool:
    """A heading that gives the meeting's date or time, at most with a place ("am Mittwoch,
    7. Oktober 2015", "## 20. März 2015, Feldkirch", "**14-15:30 Uhr**"), names no agenda item."""
    line = clean(text.split("\n", 1)[0])
    if _TIME_LINE.match(line):
        return True
    dated = _DATED_LINE.match(line)
    return bool(dated) and bool(_AFTER_DATE.fullmatch(line[dated.end():]))


def meta_heading(text: str) -> bool:
    """Header blocks, the agenda preview and the minutes' own title line ("Niederschrift über
    die 19. Sitzung", "P r o t o k o l l") are no agenda items; "Protokoll der letzten Sitzung" is one."""
    low = clean(text).lower().rstrip(":")
    if _SPACED_LETTERS.match(low):
        low = low.replace(" ", "")
    keys = meta_keys()
    if low in keys["not_topics"] or low in keys["agenda"] or _MINUTES_TITLE.match(low):
        return True
    if "ß" in low and low.replace("ß", "ss") in keys["not_topics"]:
        return True  # "Beschlußtext": the spelling before 1996
    # "Zeit und Ort der Versammlung": a header phrase of several words, continued.
    return any(" " in key and low.startswith(key + " ") for key in keys["not_topics"])


# "Sitzung des Gemeinderates", "(konstituierende) Sitzung …", "Senatssitzung am 19. Februar 2020",
# "Gründungsversammlung vom 04.09.2019", "Beschlüsse und Themen der Senatssitzung am …": a line that
# names a meeting by its kind with its body, date or place. Above the first item it is the meeting's
# own name; further down ("Mitgliederversammlung am 6. März") it plans another meeting and is an item.
_MEETING_NAME = re.compile(
    r"^(?:(?:Beschlüsse|Ergebnisse)(?:\s+und\s+\w+)?\s+(?:der|des|aus\s+der)\s+)?"
    r"(?:\(?(?:öffentliche|nichtöffentliche|nicht\s+öffentliche|konstituierende|ordentliche|außerordentliche|"
    r"gemeinsame|\d{1,2}\.)\)?\s+)*"
    r"(?:[A-ZÄÖÜ][a-zäöü]*-?(?:sitzung|versammlung)|Sitzung|Versammlung|Treffen|GV)\b\s*(?:des|der|vom|am|[-–,]|$)",
    re.I)


def names_the_meeting(title: str) -> bool:
    return _MEETING_NAME.match(clean(title)) is not None


_TITLE_TAIL = re.compile(r"\s*(?:-->|->|→|=>|:?\s*(?:https?://|www\.)\S+|\s#\w).*$")


# "Totengedenken ( alle erheben sich )", "Bericht des AL (der Bericht ist im Wiki zu finden)": a remark
# in brackets that reads as a clause (it opens in lower case and runs to three words) closes the line.
_REMARK_TAIL = re.compile(r"\s*\(\s*[a-zäöü][^()]*\)\s*$")


# "1) Protokoll vom 14.01. – ohne Änderungen genehmigt.", "Protokoll letzte Sitzung: keine Einwände → angenommen":
# the item's outcome after a dash, colon or arrow; the line is the item's title and its decision.
_OUTCOME_TAIL = re.compile(
    r"\s+[–—-]\s+|\s*(?::|→|->|-->|=>)\s*", re.S)
_OUTCOME = re.compile(
    r"^(?:\S+\s+){0,4}?(?:genehmigt|angenommen|beschlossen|abgelehnt|bestätigt|zugestimmt|verabschiedet|festgestellt)\W*$", re.I)


def outcome_tail(title: str) -> int | None:
    """Where the outcome noted after an item's title starts (the separator before it), if any."""
    for m in _OUTCOME_TAIL.finditer(title):
        if m.start() > 0 and _OUTCOME.match(title[m.end():]):
            return m.start()
    return None


# "Beschluss Nr. 2026/03: Mittelverteilung 2026": a resolution's number heads the item it resolved.
_RESOLUTION_NUMBER = re.compile(r"^\W*Beschluss\s+(?:Nr\.?\s*)?[\w./-]*\d[\w./-]*\s*:\s*(?=\S)", re.I)


# "Handlungsfeld 3: Wohnen", "Teil 2 – Koordinationsbesprechung": a plan's or agenda's part named by a label
# and its number, as "TOP 3:" names an item (development groups: 29 of 40 such titles are annotated without it).
_PART_LABEL = re.compile(
    r"^\s*(?:Handlungsfeld|Themenfeld|Arbeitsfeld|Handlungsbereich|Themenbereich|Themenblock|Schwerpunkt|Teil|Abschnitt|Baustein|"
    r"Säule|Cluster)\s+(?P<num>\d{1,2}|[A-H]|[IVX]{1,4})\s*[:.)–—-]\s*(?P<title>\S.*)$", re.S)


def part_label(title: str) -> tuple[str, str] | None:
    """The number and the title of "Handlungsfeld 3: Wohnen"; None for any other title."""
    m = _PART_LABEL.match(title)
    return (m.group("num"), m.group("title").strip()) if m else None


def clean_title(title: str) -> str:
    """Drop what follows a title on its line: '--> verschoben', a link, '#date …' tags, a remark in
    brackets, the item's outcome ('– einstimmig genehmigt'); and a resolution's number before it."""
    title = _RESOLUTION_NUMBER.sub("", title, count=1) or title
    if (cut := outcome_tail(title)) is not None:
        title = title[:cut]
    title = _TITLE_TAIL.sub("", title).strip(" :–-") or title
    remark = _REMARK_TAIL.search(title)
    if remark and remark.start() > 0 and len(remark.group().split()) >= 4:  # "(", three words, ")"
        title = title[: remark.start()]
    return title


def short_title(title: str) -> str:
    """The opening clause of a sentence-like item (keeps real titles as they are)."""
    title = clean_title(title)
    if len(title.split()) <= 8:
        return title
    cut = _TITLE_CUT.split(title, maxsplit=1)[0].strip()
    if title[len(cut):].lstrip().startswith(".") and _ABBREVIATION_END.search(cut):
        return title  # "Erschließung „Fellheimer Str. Süd I“ …": an abbreviation's full stop ends no clause
    return cut if len(cut.split()) >= 2 else title


_FINITE_AUXILIARY = re.compile(r"\b(?:wird|werden|wurde|wurden|ist|sind|war|waren|hat|haben|hatte|hatten)\b")


def sentence_like(text: str) -> bool:
    """A numbered point that is a whole sentence ("Die Verwaltung wird beauftragt, …", "Der
    Vorsitzende begrüßt die Mitglieder."): content, where an agenda title is a noun phrase."""
    if len(text.split()) < 8 or text.rstrip().endswith("?"):
        return False  # "Was haben wir erreicht und wie geht es weiter?": a question as a title
    # the auxiliary in the main clause: "Bericht über die Maßnahmen, die umgesetzt worden sind" is a title
    return text.rstrip().endswith((".", "!")) or bool(_FINITE_AUXILIARY.search(text.split(",", 1)[0]))


# "Zu TOP 4 (Konfirmation 2026): Die Konfirmation findet …", "Zu Punkt 2 der Tagesordnung
# (Verkehrsberuhigung) stellt Herr Vogt …": council minutes name the item in brackets and go on
# with its text on the same line.
_BRACKET_TITLE = re.compile(r"^(?:der\s+Tagesordnung\s+)?\((?P<title>[^()]{2,100})\)(?=\s*[:.–-]?\s+\S)")


def run_in_title(title: str, line: str) -> str:
    """The item's name when the marker line goes on with the item's text: a bracket right after
    the number, or a short head before a colon ("TOP 1 – Revisionsbericht: Die Revision wurde …")."""
    if (m := _BRACKET_TITLE.match(title)) is not None:
        return m.group("title").strip()
    head, colon, rest = title.partition(":")
    if colon and 0 < len(head.split()) <= 8 and len(rest.split()) >= 3 and line.rstrip().endswith((".", "!")):
        return head
    return title
