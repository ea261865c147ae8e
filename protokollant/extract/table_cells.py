"""Owners and deadlines read from the cells of a task or results table: an owner cell ("HWK",
"alle", "–"), a deadline cell ("bis KW 14", "laufend"), and both in one cell ("Frau Petrova (MBE),
15.05.", "IHK, Hr. Pohl<br>Ausstellerliste bis 30.06.")."""
from __future__ import annotations

import re

from ..schema import Due, Responsible, ResponsibleKind
from ..structure import ColumnRole, TableRow
from .deadlines import find_deadlines, parse_deadline, states_start
from .text import clean

_LEAD = re.compile(r"^\s*(?:bis|spätestens|zum|ab)\b\s*", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")
# An owner cell written as a clause: up to three capitalised words (a bracket after them) and a lower-case verb.
_SUBJECT_VERB = re.compile(r"^\s*(?P<subject>(?:[A-ZÄÖÜ][\w.-]*\s+){0,2}[A-ZÄÖÜ][\w.-]*(?:\s*\([^()]*\))?)\s+(?P<verb>[a-zäöüß]{3,})\b")
_NOT_VERBS = frozenset("""und oder sowie bis mit zur zum für von vom über per als ggf bzw the and der die das den dem des
    ein eine einer eines im am an in auf aus bei nach vor""".split())
_CONTENT_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{4,}")
# Words an owner or deadline cell holds beside names and dates, saying nothing of what is to be done.
_OWNER_CELL_WORDS = frozenset("""
    frau herr herrn sitzung nächste nächsten nächster nächstes treffen gemeinsam federführend laufend offen
    fortlaufend zuständig verantwortlich unterstützung ende anfang mitte woche wochen monat monate quartal jahr
    halbjahr sofort spätestens jeweils danach vorher sowie oder alle jeder jede team leitung koordination
    januar februar märz april juni juli august september oktober november dezember
""".split())


class CellFields:
    """Read by TableReader (extract/tables.py), which sets ``extractor`` and ``vocab``."""

    def _owners(self, text: str) -> list[Responsible]:
        text = clean(text)
        if self.vocab.is_empty_cell(text):
            return []
        if " ".join(text.split()).casefold() in self.vocab.everyone:
            return [Responsible(name=text, kind=ResponsibleKind.GROUP)]
        if self.vocab.is_empty_cell(_BRACKETS.sub("", text).strip()):
            return []  # "– (Info)", "– (erledigt)": nobody, a note beside the dash
        if ":" not in text and (clause := _SUBJECT_VERB.match(text)) and clause.group("verb").casefold() not in _NOT_VERBS and (
                subject := self.extractor.owners(clause.group("subject"), lenient=True)):
            return subject  # "Ute klärt Fördermöglichkeit bei der Bürgerstiftung": the clause's subject does it
        owners = self.extractor.owners(text, lenient=True)
        return owners or [Responsible(name=text.strip(" ,;"), kind=ResponsibleKind.UNKNOWN)]

    def _due(self, text: str) -> Due | None:
        text = clean(text)
        if self.vocab.is_empty_cell(text):
            return None
        if " ".join(text.split()).casefold().strip(" .") in self.vocab.ongoing:
            return Due(date=None, text=text)
        return Due(date=parse_deadline(text, self.extractor.meeting_date, self.extractor.next_meeting), text=text)

    def _owner_due(self, text: str) -> tuple[list[Responsible], Due | None]:
        """One cell with owner and deadline: "Frau Petrova (MBE), 15.05.", "HWK / bis KW 14"."""
        text = clean(text)
        found = [m for m in find_deadlines(text, self.extractor.meeting_date, self.extractor.next_meeting) if not states_start(m)]
        if not found:
            return self._owners(text), None
        m = found[-1]
        rest = (text[: m.start] + " " + text[m.end :]).strip(" ,;/–-")
        rest = _LEAD.sub("", rest).strip(" ,;/–-") if rest.lower().startswith(("bis", "zum")) else rest
        return self._owners(rest) if rest else [], Due(date=m.date, text=m.text)

    def _owner_due_lines(self, row: TableRow) -> tuple[list[Responsible], Due | None] | None:
        """"IHK, Hr. Pohl<br>Ausstellerliste bis 30.06.", "Brandl<br>Bestellung bis 15.04.": the owners on the cell's
        first line, what they deliver and by when on the next; None when the first line names no owner."""
        cells = row.block.cells or []
        pos = row.positions.get(ColumnRole.OWNER_DUE)
        cell_lines = lines(cells[pos]) if pos is not None and pos < len(cells) else []
        if len(cell_lines) < 2 or find_deadlines(cell_lines[0], self.extractor.meeting_date, self.extractor.next_meeting):
            return None
        owners = self._owners(cell_lines[0])
        if not owners or any(o.kind is ResponsibleKind.UNKNOWN for o in owners) or any(
                ":" in line and self.extractor.owners(line.split(":", 1)[0], lenient=True) for line in cell_lines[1:]):
            return None  # "Fr. Rosenthal (Druckauftrag)<br>alle: Textkorrekturen bis 03.04.": a second owner's line
        return owners, self._owner_due(" ".join(cell_lines[1:]))[1]

    def _owner_statement(self, row: TableRow, owners: list[Responsible]) -> str | None:
        """ "Ute klärt Fördermöglichkeit bei der Bürgerstiftung bis nächstes Treffen", "IHK, Hr. Pohl<br>
        Ausstellerliste bis 30.06.": an owner cell that also says what to do states the task in the
        minutes' own words (the task cell beside it often only names the item). None for an owner
        cell that holds names and a deadline only ("Ute, bis 14.2.")."""
        cell = row.text(ColumnRole.OWNER_DUE) or row.text(ColumnRole.OWNER)
        if not cell or not owners:
            return None
        rest = cell
        for owner in owners:
            # the name as far as a comma or after a label: a lenient owner may have taken
            # the words after it along ("Frau Weidner (AWO), Übersetzungen")
            rest = rest.replace(owner.name.split(",")[0].split(":")[-1].strip(), " ")
        # "MASI (Hr. Dr. Falk)": a contact person or a note; the deadline's own words stay
        # ("Übersetzungen bis 15.06.", "Einführung ab 01.07." say what to do).
        rest = _BRACKETS.sub(" ", rest)
        words = [w for w in _CONTENT_WORD.findall(rest) if w.casefold() not in _OWNER_CELL_WORDS]
        return clean(cell) if words else None

    def _row_owner_due(self, row: TableRow) -> tuple[list[Responsible], Due | None]:
        owners = self._owners(row.text(ColumnRole.OWNER)) if row.text(ColumnRole.OWNER) else []
        due = self._due(row.text(ColumnRole.DUE)) if row.text(ColumnRole.DUE) else None
        if row.text(ColumnRole.OWNER_DUE):
            combined_owners, combined_due = self._owner_due_lines(row) or self._owner_due(row.text(ColumnRole.OWNER_DUE))
            owners = owners or combined_owners
            due = due or combined_due
        return owners, due


def raw_lines(cell: str) -> list[str]:
    """All lines of a cell, empty ones too, without a trailing empty line."""
    return [line.strip() for line in cell.rstrip("\n").split("\n")]


def lines(cell: str) -> list[str]:
    """The non-empty lines of a cell ("–" kept: it holds a line's place)."""
    return [line for line in raw_lines(cell) if line]
