"""What the structure stage says about a document: table layouts and labelled sections."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from ..document import Block


class ColumnRole(str, Enum):
    NUMBER = "number"      # TOP / Nr. / Pkt.
    TOPIC = "topic"        # Thema / Gegenstand
    RESULT = "result"      # Ergebnis / Beschluss / Festlegung / Vereinbarung
    TASK = "task"          # Aufgabe / Maßnahme / Was
    OWNER = "owner"        # Verantwortlich / Wer / Zuständig
    DUE = "due"            # Termin / Frist / Bis wann
    OWNER_DUE = "owner_due"  # Wer / bis wann in one column
    STATUS = "status"      # Status / Stand
    NOTE = "note"          # Bemerkung / Diskussion / Bericht


class TableKind(str, Enum):
    RESULTS = "results"      # one row per agenda item: TOP | Thema | Ergebnis | Wer | Termin
    TASKS = "tasks"          # Was | Wer | Bis wann, a Maßnahmenplan
    DECISIONS = "decisions"  # a decision log: Nr. | Beschluss | …
    OTHER = "other"


class RowKind(str, Enum):
    HEADER = "header"
    ITEM = "item"                  # opens an agenda item (TOP or Thema cell filled)
    CONTINUATION = "continuation"  # further result or task of the item above
    SECTION = "section"            # one cell merged across the table: a heading inside it
    DATA = "data"                  # a row of a task or decision table


class SectionRole(str, Enum):
    DECISION = "decision"  # "Beschluss:", "Vereinbarungen:", "Festlegungen:"
    TASK = "task"          # "Aufgaben:", "ToDo:", "Offene Punkte:"
    REPORT = "report"      # "Bericht:", "Sachstand:", "Diskussion:"


@dataclass(slots=True)
class TableRow:
    block: Block
    kind: RowKind
    texts: dict[ColumnRole, str] = field(default_factory=dict)
    """The row's text per column role (cells of one role joined with ' ')."""
    positions: dict[ColumnRole, int] = field(default_factory=dict)
    """The cell position (in ``block.cells``) of each role's first cell: the provenance of an item."""
    item_row: int | None = None
    """Block index of the row that opened the item this row belongs to (results tables)."""

    def text(self, role: ColumnRole) -> str:
        return self.texts.get(role, "")


@dataclass(slots=True)
class TableLayout:
    table_index: int
    kind: TableKind
    roles: dict[int, ColumnRole]
    """Grid column -> role."""
    rows: list[TableRow]
    from_header: bool
    """Roles read from the header row (True) or guessed from the cells' content."""
    number: int = 0
    """1-based position among the body's tables, as a reader counts them in Word."""


@dataclass(slots=True)
class Section:
    role: SectionRole
    label: str
    """The label as written ("Vereinbarungen")."""
    label_line: int
    """Position of the line holding the label."""


@dataclass(slots=True)
class Structure:
    tables: dict[int, TableLayout] = field(default_factory=dict)
    rows: dict[int, TableRow] = field(default_factory=dict)
    """Block index -> row, for rows of tables whose layout was understood."""
    sections: dict[int, Section] = field(default_factory=dict)
    """Line position -> the labelled section the line belongs to (label lines included)."""
    label_only_lines: set[int] = field(default_factory=set)
    """Lines that are only a label ("Aufgaben:"): no item of their own."""

    def section_of(self, line: int) -> SectionRole | None:
        s = self.sections.get(line)
        return s.role if s else None
