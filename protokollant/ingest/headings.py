"""Heading detection for minutes written without heading styles.

Many minutes mark their agenda items only by layout: a bold short line, "TOP 3:",
"Tagesordnungspunkt 4", or a typed "3. Haushalt". The rules here are deliberately
conservative: a long or sentence-like paragraph is never a heading, and a run of
numbered short lines that merely lists the agenda (its titles recur later as
headings, or it is plain non-bold text) is demoted back to ordinary text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from protokollant.document import Block, BlockKind

MAX_HEADING_WORDS = 12
MAX_AGENDA_TITLE_WORDS = 14
MAX_TYPED_TITLE_WORDS = 10
MAX_HEADING_CHARS = 160
MAX_TYPED_NUMBER = 30
MIN_AGENDA_RUN = 3

AGENDA_MARKER = re.compile(
    r"^(?:[Zz]um?\s+)?(?:TOP|Top|TOP-Punkt|Tagesordnungspunkt|TAGESORDNUNGSPUNKT)\s*"
    r"(?:Nr\.?\s*)?(?:[ÖN]\s*)?"                    # "TOP Ö 5": public / non-public part
    r"(?P<num>\d{1,3}[a-z]?(?:\.\d{1,3}[a-z]?)*)\.?"
    r"(?:\s*(?:-|–|—|bis)\s*\d{1,3}[a-z]?)?"         # "TOP 8-13"
    r"(?=$|[\s:.)\-–—,])(?P<rest>.*)$",
    re.DOTALL)
TYPED_NUMBER = re.compile(
    r"^(?P<num>[1-9]\d?(?:\.[1-9]\d?)*[.)]?|[a-z]\)|(?:[IVX]{1,5})\.)\s+(?P<title>\S.*)$",
    re.DOTALL)
_SEPARATORS = " \t\n:.)-–—,"
_NUMBER_TOKEN = re.compile(r"^(?:\d+\.)+$|^[IVXLC]+\.$")
# A typed table-of-contents line: title, tab or dot leader, page number ("Haushalt\t3").
_TOC_LINE = re.compile(r"(?:\t|\.{4,}|…{2,}|_{4,})\s*[\dIVXivx]+(?:-\d+)?\s*$")
_SENTENCE_BREAK = re.compile(r"\b([a-zäöüß]{2,})[.!?]\s+[A-ZÄÖÜ]")
_ABBREVIATIONS = frozenset("ggf bzw usw evtl inkl vgl ca etc ua zb ff bspw sog".split())
_MONTHS = frozenset(
    "januar februar märz maerz april mai juni juli august september oktober november dezember "
    "jan feb mär mrz apr jun jul aug sep sept okt nov dez uhr".split())
# "6. Sitzung des Ausschusses", "2. Vorsitzender": ordinals, not section numbers.
_ORDINAL_NOUNS = frozenset(
    "sitzung sitzungsperiode wahlperiode legislaturperiode vorsitzende vorsitzender lesung "
    "öffentliche nichtöffentliche ordentliche außerordentliche stellvertretende "
    "stellvertretender".split())


@dataclass(slots=True, frozen=True)
class LayoutHeading:
    level: int
    title: str
    """The text after the agenda marker or number (the whole text for bold lines)."""
    numbered: bool
    """Carries an agenda/section number; such lines may turn out to be an agenda list."""
    strong: bool
    """Bold or an explicit TOP marker (a stronger signal than a typed number alone)."""
    source: str = "bold"
    """What made it a heading: "agenda" (TOP ...), "typed" (3.), "list" (Word list), "bold"."""


def _words(text: str) -> int:
    return len(text.split())


def _ends_like_sentence(text: str) -> bool:
    text = text.rstrip()
    if not text:
        return False
    if text[-1] in ",;":
        return True
    if text[-1] == ".":
        last = text.split()[-1]
        return not _NUMBER_TOKEN.match(last)
    return False


def _has_sentence_break(text: str) -> bool:
    return any(m.group(1) not in _ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(text))


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def agenda_heading(flat: str, bold: bool = False) -> LayoutHeading | None:
    """ "TOP 3: Haushalt", "Zu TOP 2", "TOP 8-13", "Tagesordnungspunkt 4 – Wahlen".

    A bold paragraph that opens with "TOP 5:" is a heading whatever follows (some
    minutes write the whole item into the heading line); otherwise the title must
    be short and not read like a sentence.
    """
    match = AGENDA_MARKER.match(flat)
    if not match:
        return None
    rest = match.group("rest")
    title = rest.lstrip(_SEPARATORS)
    explicit_separator = rest[:1] in (":", ".", ")", "-", "–", "—", ",") or \
        rest.lstrip()[:1] in (":", "-", "–", "—")
    if title and not (bold and explicit_separator):
        if _words(title) > MAX_AGENDA_TITLE_WORDS or len(flat) > MAX_HEADING_CHARS:
            return None
        if _ends_like_sentence(title) and _words(title) > 6:
            return None
        if not explicit_separator and title[:1].islower():  # "TOP 3 wird vertagt"
            return None
    level = match.group("num").count(".") + 1
    return LayoutHeading(min(level, 6), title, numbered=True, strong=True, source="agenda")


def typed_number_heading(flat: str, bold: bool) -> LayoutHeading | None:
    """ "3. Haushalt", "3) Haushalt", "3.2 Kasse", "II. Berichte", "a) Finanzbericht"."""
    match = TYPED_NUMBER.match(flat)
    if not match:
        return None
    num, title = match.group("num"), match.group("title")
    if num.isdigit():  # "3 Personen ..." without dot or parenthesis is just a sentence
        return None
    if _words(title) > MAX_TYPED_TITLE_WORDS or len(flat) > MAX_HEADING_CHARS:
        return None
    if _ends_like_sentence(title) or not title[:1].isalpha():
        return None
    first_word = title.split()[0].strip(".,:").lower()
    if first_word in _MONTHS or first_word in _ORDINAL_NOUNS:  # "3. Oktober", "10.30 Uhr", "6. Sitzung"
        return None
    if not bold:
        # Plain text needs more evidence: "24. öffentliche Sitzung ..." is an ordinal,
        # "2.1 Kein Zugriff. Alternative?" a minuted item, not a section title.
        if not title[:1].isupper() or title.endswith("?") or _has_sentence_break(title):
            return None
        if num[0].isdigit() and int(num.split(".")[0].rstrip(")")) > MAX_TYPED_NUMBER:
            return None
    if num[0].isdigit():
        level = num.rstrip(".)").count(".") + 1
    elif num[0].islower():
        level = 2
    else:
        level = 1
    return LayoutHeading(min(level, 6), title, numbered=True, strong=bold, source="typed")


def detect_layout_heading(text: str, *, bold: bool, list_label: str | None = None,
                          is_bullet: bool = False, list_level: int | None = None
                          ) -> LayoutHeading | None:
    """Heading by layout for a paragraph that has no heading style, else None."""
    if not bold and len(text) > 2 * MAX_HEADING_CHARS:  # cheap exit for ordinary body text
        return None
    tail = max(0, len(text) - 40)
    # Anchored at the end: scan the tail only, and only where it holds a leader (most lines have none).
    if ("\t" in text or "...." in text or "……" in text or "____" in text) and _TOC_LINE.search(text, tail):
        return None
    flat = " ".join(text.split())
    if not flat or not _has_letter(flat):
        return None
    agenda = agenda_heading(flat, bold)
    if agenda is not None:
        return agenda
    if list_label is not None:
        # Word lists: only a bold, short, numbered (not bulleted) item counts.
        if is_bullet or not bold or _words(flat) > MAX_HEADING_WORDS or _ends_like_sentence(flat):
            return None
        return LayoutHeading(min((list_level or 0) + 1, 6), flat, numbered=True, strong=True, source="list")
    typed = typed_number_heading(flat, bold)
    if typed is not None:
        return typed
    if bold and _words(flat) <= MAX_HEADING_WORDS and len(flat) <= MAX_HEADING_CHARS \
            and not _ends_like_sentence(flat):
        return LayoutHeading(1, flat, numbered=False, strong=True)
    return None


def _title_key(text: str) -> str:
    flat = " ".join(text.split())
    for pattern, group in ((AGENDA_MARKER, "rest"), (TYPED_NUMBER, "title")):
        match = pattern.match(flat)
        if match:
            flat = match.group(group)
            break
    return _key(flat)


def demote_agenda_lists(blocks: list[Block], candidates: dict[int, tuple[LayoutHeading, BlockKind]]) -> None:
    """Turn runs of consecutive numbered layout headings back into text where they are a list.

    `candidates` maps block index -> (detected heading, kind the block had without it).
    A run is >= 3 adjacent lines of the same sort (same marker, same boldness). A run of
    plain, non-bold typed numbers is a numbered list: demoted whole. A bold or TOP-marked
    run is an agenda if most of its titles recur as headings further down: then its lines
    up to the last recurring one are demoted (the first real heading may directly follow
    the agenda).
    """
    runs: list[list[int]] = []
    for index in sorted(i for i, (heading, _) in candidates.items() if heading.numbered):
        heading = candidates[index][0]
        if runs and runs[-1][-1] == index - 1 and _sort(candidates[runs[-1][-1]][0]) == _sort(heading):
            runs[-1].append(index)
        else:
            runs.append([index])
    runs = [run for run in runs if len(run) >= MIN_AGENDA_RUN]
    if not runs:
        return
    last_heading_with_key: dict[str, int] = {}  # linear, even for 20,000-line runs
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            last_heading_with_key[_title_key(block.text)] = block.index
    for run in runs:
        headings = [candidates[i][0] for i in run]
        recurring = [i for i, h in zip(run, headings) if last_heading_with_key.get(_key(h.title), -1) > i]
        if not all(h.strong for h in headings):
            demoted = run
        elif len(recurring) >= max(2, len(run) // 2):
            demoted = [i for i in run if i <= recurring[-1]]
        else:
            continue
        for i in demoted:
            block = blocks[i]
            block.kind = candidates[i][1]
            block.heading_level = None
            block.heading_source = None


def _sort(heading: LayoutHeading) -> tuple[str, bool]:
    return heading.source, heading.strong


def _key(title: str) -> str:
    return " ".join(title.split()).strip(_SEPARATORS).lower()
