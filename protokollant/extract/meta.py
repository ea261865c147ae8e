"""Meeting metadata: title, date, time, place, people, organisation, next meeting.

Minutes state these in a header: title lines, "Key: value" lines, two-column
header tables, or a heading ("Teilnehmer") followed by a list of names.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..document import Block, BlockKind, Document
from ..paths import models_dir
from ..schema import Meeting, Participants
from .deadlines import find_dates
from .people import PeopleIndex, parse_people, parse_people_items
from .rx_gate import gated
from .text import INFINITIVE_END, clean, key_value

HEADER_SCAN_BLOCKS = 25
_TIME = re.compile(
    r"\b(?:von\s+)?(\d{1,2}[:.]\d{2})\s*(?:Uhr)?(?:\s*(?:-|–|—|bis)\s*(\d{1,2}[:.]\d{2})\s*(?:Uhr)?)?"
)
_TIME_WITH_UHR = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*Uhr\b|\b\d{1,2}:\d{2}\b")


@lru_cache(maxsize=1)
def meta_keys() -> dict[str, list[str]]:
    data = json.loads((models_dir() / "cues" / "meta.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


_NOT_FIELDS = ("not_topics", "title_words", "agenda", "title_noise", "generic_organs", "body_heads", "task_list_titles")


@lru_cache(maxsize=1)
def _field_words() -> list[tuple[str, str]]:
    return [
        (w, name)
        for name, words in meta_keys().items()
        if name not in _NOT_FIELDS and isinstance(words, list)
        for w in words
    ]


@lru_cache(maxsize=4096)
def field_of_key(key: str) -> str | None:
    """Which meeting field a header key ("Anwesend", "Sitzungsleitung") names."""
    key = key.strip().lower().rstrip(":")
    for w, name in _field_words():
        # "Anwesend (stimmberechtigt)" names the field; "Mitgliederversammlung" does not.
        if key == w or key.startswith((w + " ", w + "(")):
            if name == "minute_taker" and _MINUTES_OF.match(key[len(w):]):
                return None  # "Protokoll der letzten Sitzung": the minutes of a session, an agenda item
            return name
    return None


# "10.09.2026, 15:00 Uhr. Fr. Celik verschickt …": a sentence after the field's value (a full stop that
# ends no date, time or abbreviation, then a capital).
_SENTENCE_AFTER = re.compile(r"(?:[^\W\d_]{3,}|\d{4}|Uhr|\))[.!]\s+[A-ZÄÖÜ]")


def _sentence_after_field(value: str) -> bool:
    return _SENTENCE_AFTER.search(value) is not None


def _opens_body(block: Block) -> bool:
    """A heading below the header's fields that names no field ("# Rückblick", not "## Teilnehmende"):
    the body has begun, and a "Nächstes Treffen: …" line under it is an item's text."""
    return not _pairs(block) and field_of_key(clean(block.text)) is None


_MINUTES_OF = re.compile(r"^\s+(?:der|des|vom|über|zur|zum)\b")


@dataclass
class MetaResult:
    meeting: Meeting
    people: PeopleIndex
    title_block: int | None
    header_blocks: set[int] = field(default_factory=set)
    """Blocks that belong to the header (attendance etc.), never topics or items."""




def _pairs(block: Block) -> list[tuple[str, str]]:
    """(key, value) pairs a block states: a two-cell table row or "Key: value" lines."""
    if block.kind is BlockKind.TABLE_ROW and block.cells:
        cells = [c for c in block.cells if c.strip()]
        # A key is a few words ("Sitzungsort", "Anwesend (stimmberechtigt)"); "Protokoll an
        # alle Mitglieder versenden | Herr Ochs | 12.03." is a task row, not the minute-taker.
        # "| | | Raum und Technik reservieren | IHK | 15.05. |": a row that starts with empty cells
        # continues a table's item; a header key stands in the first cell.
        if (len(cells) >= 2 and block.cells[0].strip() and len(cells[0]) <= 40 and len(cells[0].split()) <= 4
                and not INFINITIVE_END.search(cells[0])):  # "Raum buchen | Fr. Ott | 15.05.": a task
            return [(cells[0].strip().rstrip(":").lower(), " | ".join(cells[1:]))]
        if len(cells) == 1 and (kv := key_value(cells[0])):
            return [kv]
        return []
    out = []
    for line in block.text.split("\n"):
        kv = key_value(line)
        if kv:
            out.append(kv)
    return out


def _looks_like_title(block: Block) -> bool:
    text = clean(block.text)
    if not text or block.kind is BlockKind.TABLE_ROW or len(text) > 160:
        return False
    if block.kind is BlockKind.HEADING:
        return True
    kv = key_value(text)
    if kv and field_of_key(kv[0]):
        return False
    return len(text.split()) <= 16 and (block.bold or _has_title_word(text))


def _has_title_word(text: str) -> bool:
    """A word of the text holds a title word ("Protokoll", "Vorstandssitzung", "Mitgliederversammlung:")."""
    words = meta_keys()["title_words"]
    return any(t in w for w in text.lower().split() for t in words)


def _item_below_header(block: Block, blocks: list[Block]) -> bool:
    """"Anwesend: …" and then "## Begrüßung", "## Kasse" …: a heading below the header lines,
    like the headings after it and without a title word, is the first item, not the title."""
    if block.kind is not BlockKind.HEADING or not any(
            (kv := key_value(clean(b.text))) and field_of_key(kv[0]) or field_of_key(clean(b.text)) for b in blocks[:block.index]):
        return False
    if _has_title_word(clean(block.text)):
        return False
    return any(b.kind is BlockKind.HEADING and b.heading_level == block.heading_level for b in blocks[block.index + 1:])


_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+[A-ZÄÖÜ]")
_AGENDA_ITEM = re.compile(r"^\s*(?:TOP|Tagesordnungspunkt)\s*(?:Ö\s*)?\d", re.I)


# A field's value that states an outcome makes the line a decision, not a header field.
_OUTCOME_VALUE = re.compile(r"\b(?:angenommen|genehmigt|beschlossen|abgelehnt|einstimmig)\b", re.I)


def extract_meta(document: Document) -> MetaResult:
    blocks = document.blocks
    meeting = Meeting()
    people = PeopleIndex()
    header: set[int] = set()
    participants = {"present": [], "excused": [], "guests": []}

    title_block = None
    for b in blocks[:3]:
        if _looks_like_title(b) and not _item_below_header(b, blocks):
            title_block = b.index
            meeting.title = clean(b.text)
            header.add(b.index)
            break
    if meeting.title is None and document.properties.title:
        meeting.title = clean(document.properties.title)

    pending_list: str | None = None  # a "Teilnehmer" heading whose names follow as items
    list_items: list[str] = []  # its items so far
    attendance_group: str | None = None  # an "Anwesend:" line whose names follow in labelled lines
    for b in blocks[:HEADER_SCAN_BLOCKS]:
        if _AGENDA_ITEM.match(b.text) or (b.kind is BlockKind.HEADING and b.table_index is not None) or (
                b.kind is BlockKind.HEADING and header - {title_block} and (
                    _NUMBERED_ITEM.match(b.text) or _opens_body(b))):
            # "1. Fahrtkosten" as a heading below the header lines opens the body as "TOP 1" does.
            # The body has begun: "Termin: bis 30.04." below TOP 2 (or below the row "2. Dienstplan"
            # of an item table) is a task's deadline.
            break
        if pending_list and b.kind is BlockKind.LIST_ITEM:
            list_items.append(b.text)
            header.add(b.index)
            continue
        if list_items:  # the list has ended: its items read together
            participants[pending_list].extend(parse_people_items(list_items))
            list_items = []
        pending_list = None
        text = clean(b.text)
        kv_pairs = _pairs(b)
        if attendance_group and b.kind is not BlockKind.TABLE_ROW and kv_pairs and all(field_of_key(k) is None for k, _ in kv_pairs) and (
                named := [p for _, value in kv_pairs for p in parse_people(value)]):
            # "Anwesend:" over "Gewählte Mitglieder: …", "Verwaltung: Kreisdirektor Siebels, …": the
            # groups of those present, each under its own label.
            participants[attendance_group].extend(named)
            header.add(b.index)
            continue
        if not kv_pairs:
            attendance_group = None
        if not kv_pairs and len(text.split()) <= 3:
            f = field_of_key(text)
            if f in participants:
                pending_list = f
                header.add(b.index)
                continue
        for key, value in kv_pairs:
            f = field_of_key(key)
            if f is None or _OUTCOME_VALUE.search(value):
                continue  # "- Protokoll Januar: keine Einwände -> angenommen" approves the minutes
            if f in participants and b.kind is BlockKind.HEADING and value.strip() and not parse_people(value):
                continue  # "## Mitglieder: Entwicklung, Anträge, Vorgehensweise": an item's title names no one
            if f == "next_meeting" and _sentence_after_field(value):
                continue  # "Nächste Sitzung: 10.09., 15 Uhr. Fr. Celik verschickt den Plan.": the line goes on as text
            header.add(b.index)
            if f not in participants and f != "chair":
                attendance_group = None  # "Protokoll: …", "Ort: …": the attendance has ended
            if f in participants:
                if value.strip():
                    participants[f].extend(parse_people(value))
                else:  # "Anwesend:" with the names as the following list items or labelled lines
                    pending_list = attendance_group = f
            elif f == "date" and meeting.date is None:
                found = find_dates(value)
                if found:
                    meeting.date = found[0][2]
                if meeting.time is None and _TIME_WITH_UHR.search(value):
                    meeting.time = _time_text(value)
            elif f in ("time", "end_time") and meeting.time is None:
                meeting.time = _time_text(value) or clean(value)
            elif f == "place" and meeting.place is None:
                meeting.place = clean(value)
            elif f == "chair" and meeting.chair is None:
                meeting.chair = clean(value)
            elif f == "minute_taker" and meeting.minute_taker is None:
                meeting.minute_taker = clean(value)
            elif f == "organisation" and meeting.organisation is None:
                meeting.organisation = clean(value)

    if list_items and pending_list:  # the header ended with the list
        participants[pending_list].extend(parse_people_items(list_items))
    if meeting.date is None:
        meeting.date = _date_from_header(document, title_block, header)
    if meeting.time is None:
        for b in blocks[:6]:
            if b.kind is not BlockKind.TABLE_ROW and len(b.text) < 120 and _TIME_WITH_UHR.search(b.text):
                meeting.time = _time_text(b.text)
                break
    meeting.next_meeting = _next_meeting(document, meeting.date)

    meeting.participants = Participants(**participants)
    for group in participants.values():
        for p in group:
            people.add(p)
    for role_text in (meeting.chair, meeting.minute_taker):
        if role_text:
            for p in parse_people(role_text):
                people.add(p)
    return MetaResult(meeting=meeting, people=people, title_block=title_block, header_blocks=header)


_DATE_WORDS = re.compile(
    # "12.03.2026", "03/2026" (month and year), "2/2026" (the second meeting of the year)
    r"\b\d{1,4}([./-]\d{1,4}([./-]\d{2,4})?)?\.?|\b(Jan(uar)?|Feb(ruar)?|März|Mär|Apr(il)?|Mai|Jun[i]?|Jul[i]?|Aug(ust)?|"
    r"Sep(t(ember)?)?|Okt(ober)?|Nov(ember)?|Dez(ember)?)\b\.?",
    re.I,
)


def organisation_from_title(title: str | None) -> str | None:
    """'Bürgerrunde März 2017' → 'Bürgerrunde': the title without dates and minutes words,
    when what remains is a name and not a generic organ ('Mitgliederversammlung')."""
    if not title:
        return None
    text = _DATE_WORDS.sub(" ", title)
    noise = set(meta_keys()["title_noise"])
    words = [w.strip(" :–-,") for w in text.split()]
    words = [w for w in words if w and w.casefold() not in noise and not w.startswith("#")]
    # Up to five words; a longer name when it opens with its body ("Koordinierungsrunde Sprachbildung
    # in Kitas und Elternarbeit").
    if not words or len(words) > (8 if is_body_name(words[0]) else 5) or not words[0][:1].isupper():
        return None
    name = " ".join(words)
    return None if name.casefold() in meta_keys()["generic_organs"] else name


def is_body_name(name: str) -> bool:
    """A name whose head noun names a body ('Bürgerrunde', 'Integrationsrat', 'Lenkungsgruppe KIM',
    'Runder Tisch Gesundheit und Migration'): the last word, or one of the first two when a name follows."""
    words = name.split()
    heads = meta_keys()["body_heads"]
    return any(w.casefold().strip("„“\"").endswith(h) for w in {*words[:2], words[-1]} for h in heads)


def _time_text(value: str) -> str | None:
    m = _TIME.search(value)
    if not m:
        return None
    start, end = m.group(1), m.group(2)
    return f"{start} – {end} Uhr" if end else f"{start} Uhr"


def _date_from_header(document: Document, title_block: int | None, header: set[int]) -> date | None:
    """The meeting date from the title line, then the first header lines (not "nächste Sitzung")."""
    candidates: list[str] = []
    if title_block is not None:
        candidates.append(document.blocks[title_block].text)
    candidates.extend(document.header_text)
    for b in document.blocks[:8]:
        if b.index != title_block:
            candidates.append(b.text)
    for text in candidates:
        low = text.lower()
        if any(w in low for w in meta_keys()["next_meeting"]) or "stand" in low.split()[:1]:
            continue
        found = find_dates(text)
        if found:
            return found[0][2]
    return None


@lru_cache(maxsize=1)
def _next_meeting_rx():
    """What names the next meeting in a lowercased block: one of the "next_meeting" phrases
    (one scan for all of them), or the pattern (behind rx_gate's word test). Asked of every block."""
    keys = meta_keys()
    phrases = re.compile("|".join(re.escape(w) for w in keys["next_meeting"])) if keys["next_meeting"] else None
    return phrases, gated(re.compile(keys["next_meeting_pattern"], re.I))


def _next_meeting(document: Document, meeting_date: date | None) -> date | None:
    """The date of the next meeting: a date after the meeting in a "nächste Sitzung …" block
    (or the block right after such a heading), searched from the end."""
    phrases, pattern = _next_meeting_rx()
    blocks = document.blocks
    for pos in range(len(blocks) - 1, -1, -1):
        low = blocks[pos].text.lower()
        if not ((phrases is not None and phrases.search(low)) or pattern.search(low)):
            continue
        for b in blocks[pos : pos + 2]:
            for _, _, d in find_dates(b.text, meeting_date):
                if meeting_date is None or d > meeting_date:
                    return d
    return None
