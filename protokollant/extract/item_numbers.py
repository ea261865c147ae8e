"""How agenda items are numbered: "TOP 3", "Ö 2", "1.2", a Maßnahmenplan's letter sections,
the number cell of a results table and an agenda-item page's title line."""
from __future__ import annotations

import re

from .text import clean

TOP_LINE = re.compile(
    r"^\s*(?:[Zz]u:?\s+)?(?:TOP|Top|top|Tagesordnungspunkt|TO-Punkt|Punkt|Traktandum|#traktandum)\s*"
    # council information systems prefix public/non-public items: "TOP Ö 5", "TOP NÖ 2"
    r"(?:(?:Ö|NÖ|N)\s*(?=\d))?"
    r"(?P<num>\d+(?:\s*[-–]\s*\d+)?(?:\.\d+)*)?\.?\s*[:.)–—-]?\s*(?P<title>.*)$",
    re.S,
)
STRONG_MARKER = re.compile(r"^\s*(?:zu:?\s+)?(?:TOP|Tagesordnungspunkt|Traktandum|#traktandum|N?Ö\s*\d)\b", re.I)
NUMBERED = re.compile(r"^\s*(?P<num>(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}))[.)]?\s+(?P<title>\S.*)$", re.S)


# Council minutes number public and non-public items "Ö 3", "NÖ 2" without "TOP".
COUNCIL_ITEM = re.compile(r"^\s*(?P<num>N?Ö\s*\d{1,2}(?:\.\d{1,2})?)(?:\s*[:.)–—-]?\s+(?P<title>\S.*))?\s*$", re.S)
# A title that is only a reference ("Ö 2 - 21-0241": the council's Drucksache number).
# "TOP 3", "Punkt 1 der Tagesordnung": a line naming only the item's number (its title follows below).
REFERENCE_ONLY = re.compile(r"^(?:der\s+(?:Tagesordnung|TO|Traktandenliste)\b)?[\d/.\s:-]*$", re.I)


def split_number(text: str) -> tuple[str | None, str, bool]:
    """(number, title, is_top_marker) from a heading line."""
    text = clean(text)
    m = COUNCIL_ITEM.match(text)
    if m:
        return re.sub(r"\s+", " ", m.group("num")), (m.group("title") or "").strip(" :.-–"), True
    m = TOP_LINE.match(text)
    if m and (m.group("num") or text.lower().startswith(("top", "#traktandum", "tagesordnungspunkt"))):
        num = m.group("num")
        return (re.sub(r"\s+", "", num) if num else None), m.group("title").strip(" :.-–"), True
    m = NUMBERED.match(text)
    if m:
        return m.group("num"), m.group("title").strip(" :-–"), False
    return None, text.strip(" :"), False


def is_sub_number(num: str | None) -> bool:
    return bool(num and "." in num.strip("."))


# "Auszug - Anträge und Anfragen", "Beschlussauszug: …": the excerpt of one item from the minutes.
ITEM_EXCERPT = re.compile(r"^(?:Auszug|Beschlussauszug|Protokollauszug|Niederschriftsauszug)(?:\s+aus\s+der\s+Niederschrift)?\s*[-–:]\s*(?P<title>\S.*)$", re.I)
ITEM_PAGE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}\s*[-–]\s*(?:Ö\s*)?(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?P<title>\S.*)$")
SECTION_LETTER = re.compile(r"^(?P<num>[A-H]|[IVX]{1,4})(?:[.):]\s*|\s+)(?P<title>[A-ZÄÖÜ].*)$")
NUMBER_IN_CELL = re.compile(r"^(?:TOP|Top|Pkt\.?|Punkt|Nr\.?)?\s*(?:Ö|NÖ)?\s*(?P<num>\d+(?:\.\d+)*[a-z]?)\.?$")
