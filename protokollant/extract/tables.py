"""Decisions and tasks from tables whose layout the structure stage understood.

A results table ("TOP | Thema | Ergebnis | Verantwortlich | Termin") holds one
agenda item per row and further results in continuation rows: a result with an
owner or a deadline is a task, one without is the item's decision. A task table
("Was | Wer | Bis wann", a Maßnahmenplan) holds one task per row, its owner and
deadline in their cells (or both in one: "Frau Petrova (MBE), 15.05."). A
decision log holds one decision per row. Rows marked done are progress reports,
not open tasks; a row of a task table that yields no task produces a warning.
"""
from __future__ import annotations

import re

from ..schema import ActionItem, Decision, Due, Responsible
from ..structure import ColumnRole, RowKind, Structure, TableKind, TableLayout, TableRow, layout_vocabulary
from .decision_forms import DECIDING_LABELS, decided_later, speaker_report
from .decisions import THRESHOLD, decision_kind, decision_score
from .deadlines import says_start
from .owner_forms import body_with_person
from .table_cells import CellFields, lines as _lines, raw_lines as _raw_lines
from .text import INFINITIVE_END, clean
from .units import Unit, doc_text, sentences
from .vocabulary import action_cues
from .votes import parse_vote

# "… vorgestellt werden.": a passive ends in an infinitive too, but states what happens.
_PASSIVE_END = re.compile(r"\b(?:werden|worden|bleiben|sein)\W*$")
# "Standplan wie 2025 wird beibehalten", "Schalter bleibt bestehen": a finite verb makes a line ending in
# "-en" a statement, not a to-do note.
_FINITE_AUX = re.compile(r"\b(?:wird|werden|wurde|wurden|bleibt|bleiben|ist|sind|hat|haben)\b", re.I)


def row_reference(layout: TableLayout, row: TableRow) -> str:
    """Where a person finds the row in Word: "Tabelle 2, Zeile 5" (rows counted from 1, header included)."""
    return f"Tabelle {layout.number}, Zeile {(row.block.row_index or 0) + 1}"


class TableReader(CellFields):
    def __init__(self, structure: Structure, extractor, row_units: dict[int, Unit]):
        self.structure = structure
        self.extractor = extractor
        self.row_units = row_units
        self.vocab = layout_vocabulary()
        self.decisions: list[Decision] = []
        self.actions: list[ActionItem] = []
        self.warnings: list[str] = []
        self._layout: TableLayout | None = None  # the table being read

    def read(self) -> None:
        for layout in self.structure.tables.values():
            if layout.kind is TableKind.OTHER:
                continue
            self._layout = layout
            for row in layout.rows:
                if row.kind in (RowKind.HEADER, RowKind.SECTION) or row.block.index not in self.row_units:
                    continue
                if layout.kind is TableKind.RESULTS:
                    self._results_row(layout, row)
                elif layout.kind is TableKind.TASKS:
                    self._task_row(layout, row)
                else:
                    self._decision_row(row)

    def _closed(self, row: TableRow) -> bool:
        status = row.text(ColumnRole.STATUS)
        return bool(status) and self.vocab.is_closed_status(status)

    def _done(self, row: TableRow) -> bool:
        cues = action_cues()
        status = row.text(ColumnRole.STATUS)
        if status and (self.vocab.is_done_status(status) or cues.done.search(status)):
            return True
        # "… Vertrag bis 31.12. verlängert (erledigt)" in the discussion cell is another matter
        # than the row's result: the row is done when its own cells say so.
        note = row.positions.get(ColumnRole.NOTE)
        cells = row.block.cells or []
        text = " | ".join(c for i, c in enumerate(cells) if i != note) if note is not None and cells else row.block.text
        return bool(cues.done.search(text))

    # -- items -------------------------------------------------------------
    def _task(self, row: TableRow, text: str, role: ColumnRole, owners: list[Responsible], due: Due | None,
              *, quote: str | None = None, statement: str | None = None) -> None:
        """``quote``: the evidence when it is less than the whole row (one line of a cell);
        ``statement``: the owner cell's words when they say what to do (the item's quote)."""
        if not owners and due is None:
            # A row nobody is to carry out by no date is an open point, not a task (the corpus' annotators
            # took 1 of 17 such rows for one); it is named for review instead of dropped silently.
            self.warnings.append(f"{row_reference(self._layout, row)}: Zeile ohne Verantwortliche und Termin – nicht als "
                                 f"Aufgabe übernommen, bitte prüfen („{truncate(clean(text))}“).")
            return
        unit = self.row_units[row.block.index]
        if len(owners) == 1:
            owners = body_with_person(clean(text), self.extractor, owners)  # "LAGeSo stellt … vor | Hr. Wagner"
        self.actions.append(ActionItem(
            task=clean(text),
            responsible=owners,
            due=due,
            topic_index=unit.topic_index,
            evidence=unit.evidence(text=clean(quote if quote is not None else row.block.text), column=row.positions.get(role)),
            quote=statement,
            confidence=0.9 if owners else 0.7,
        ))

    def _decision(self, row: TableRow, text: str, role: ColumnRole, confidence: float, *, quote: str | None = None) -> None:
        """``quote``: the cell's sentence that says the row was decided, when the row is the text."""
        unit = self.row_units[row.block.index]
        text = clean(text)
        quote = clean(quote) if quote else None
        self.decisions.append(Decision(
            text=text, quote=quote if quote and quote != text else None, kind=decision_kind(text), topic_index=unit.topic_index,
            vote=parse_vote(text), evidence=unit.evidence(text=text, column=row.positions.get(role)), confidence=confidence,
        ))

    @staticmethod
    def _side_by_side(row: TableRow) -> tuple[ColumnRole, list[str], dict[ColumnRole, list[str]]] | None:
        """The task or result cell's lines (two at least) and the lines of the owner and deadline
        cells beside them, or None."""
        cells = row.block.cells or []
        role = next((r for r in (ColumnRole.TASK, ColumnRole.RESULT) if r in row.positions), None)
        if role is None or row.positions[role] >= len(cells):
            return None
        main = _lines(cells[row.positions[role]])
        if len(main) < 2:
            return None
        beside = {}
        for other in (ColumnRole.OWNER, ColumnRole.DUE):
            pos = row.positions.get(other)
            if pos is not None and pos < len(cells):
                beside[other] = _lines(cells[pos])
        return role, main, beside

    @staticmethod
    def _aligned_lines(row: TableRow, role: ColumnRole, main: list[str], beside: dict[ColumnRole, list[str]]
                       ) -> tuple[ColumnRole, list[tuple[str, str, str]]] | None:
        """Cells written line by line side by side ("Festlegung | Wer | Bis" with a line per result):
        the result or task cell's lines with the owner and deadline lines beside them, or None."""
        if beside and any(len(v) != len(main) for v in beside.values()):
            # "Infotag im Juni.<br>Einladung versenden" beside "<br>IHK (Hr. Lenz)": an empty line
            # holds the place of a result nobody has to carry out.
            cells = row.block.cells
            raw = {other: _raw_lines(cells[row.positions[other]]) for other in beside}
            if all(len(v) == len(main) for v in raw.values()) and len(_raw_lines(cells[row.positions[role]])) == len(main):
                beside = raw
        # Every side cell has one line per line of the main cell, and one of them more than one.
        if not beside or any(len(v) != len(main) for v in beside.values()):
            return None
        empty = [""] * len(main)
        return role, list(zip(main, beside.get(ColumnRole.OWNER, empty), beside.get(ColumnRole.DUE, empty)))

    def _fitted_lines(self, row: TableRow, role: ColumnRole, main: list[str], beside: dict[ColumnRole, list[str]]
                      ) -> tuple[ColumnRole, list[tuple[str, str, str]]] | None:
        """A result cell with more lines than its owner and deadline cells ("Kenntnisnahme.<br>Fallzahlen
        werden künftig … berichtet." beside "Fr. Lutz" and "11.06."): the lines that take no owner
        (the item's vote, an acknowledgement, a matter still to decide) are left out, and when the
        others are as many as the owner lines they pair in order; None otherwise."""
        owners, dues = beside.get(ColumnRole.OWNER, []), beside.get(ColumnRole.DUE, [])
        # Both side cells written line by line, with real owners: "Fr. Okafor, Hr. Stoltenberg<br>Fr. Lutz"
        # beside "Ende April<br>KW 22" (not one owner and one date for the whole item, not "–").
        if (not owners or len(owners) >= len(main) or len(dues) != len(owners)
                or any(self.vocab.is_empty_cell(line) for line in owners)):
            return None
        unit = self.row_units[row.block.index]
        taking = [i for i, line in enumerate(main) if not self._takes_no_owner(unit, line)]
        if len(taking) > len(owners):
            # "Protokoll 2. Treffen genehmigt.<br>Wohnheimliste wird vervollständigt." beside one owner:
            # an outcome ("genehmigt", "angenommen") is nobody's to carry out.
            taking = [i for i in taking if not _settled(main[i])]
        if len(taking) != len(owners):
            return None
        paired = dict(zip(taking, zip(owners, dues)))
        return role, [(line, *paired.get(i, ("", ""))) for i, line in enumerate(main)]

    @staticmethod
    def _takes_no_owner(row_unit: Unit, line: str) -> bool:
        if len(line.split()) <= 2:
            return True  # "Kenntnisnahme.", "Einstimmig angenommen."
        cell = _cell_unit(row_unit, line)
        if cell is None:
            return False
        return cell.vote() is not None or bool(cell.cue_labels() & _NO_OWNER_LABELS)

    def _aligned_row(self, row: TableRow, role: ColumnRole, lines: list[tuple[str, str, str]]) -> None:
        unit = self.row_units[row.block.index]
        cues = action_cues()
        for text, owner_text, due_text in lines:
            if self.vocab.is_empty_cell(text) or cues.done.search(" ".join((text, owner_text, due_text))):
                continue
            owners = self._owners(owner_text) if owner_text else []
            due = self._due(due_text) if due_text else None
            if owners or due is not None:
                self._task(row, text, role, owners, due, quote=text)
                if role is ColumnRole.RESULT and (line := _cell_unit(unit, text)) is not None and self._is_decision(line, labelled=False):
                    # "Neuauflage wird beschlossen (einstimmig), …", "Es wird vereinbart, dass Praxen künftig …"
                    # beside an owner line: decided in its own words, so decided as well as assigned (a line
                    # that only the column makes a result is the owner's task alone)
                    self._decision(row, text, role, 0.75)
            elif (line := _cell_unit(unit, text)) is not None and self._is_decision(line, labelled=role is ColumnRole.RESULT):
                self._decision(row, text, role, 0.75)

    def _results_row(self, layout: TableLayout, row: TableRow) -> None:
        if self._owner_cell_tasks(row):
            return
        if (lines := self._side_by_side(row)) is not None and (
                aligned := self._aligned_lines(row, *lines) or self._fitted_lines(row, *lines)) is not None:
            self._aligned_row(row, *aligned)
            return
        owners, due = self._row_owner_due(row)
        task = row.text(ColumnRole.TASK)
        result = row.text(ColumnRole.RESULT)
        if self._done(row):
            return
        if task:
            self._task(row, task, ColumnRole.TASK, owners, due)
            if result:
                self._result_decisions(row, result)
            return
        if not result or self.vocab.is_empty_cell(result):
            return
        if owners or (due is not None and due.date is not None and not self._start_or_put_off(row, result, due)):
            if (split := self._task_lines(row)) is not None:
                tasks, others = split
                for text in tasks:
                    self._task(row, text, ColumnRole.RESULT, owners, due, quote=text)
                self._line_decisions(row, others)
                return
            self._task(row, self._owner_sentences(row, result, owners), ColumnRole.RESULT, owners, due)
            # "Kommission ist sich einig: Anordnung Tempo 30 …" with an owner and a date: the
            # agreement is a decision too, when the cell says so in its own words.
            self._result_decisions(row, result, own_wording_only=True)
        else:
            self._result_decisions(row, result)

    def _owner_cell_tasks(self, row: TableRow) -> bool:
        """"Festlegung | Wer | Bis" where the Wer cell states the tasks themselves ("Hr. Oppermann klärt
        mit dem DSB die Lieferung<br>Fr. Kessler-Brandt prüft …" beside "nächste Sitzung<br>Ende April"):
        each such line is a task of the one it names, with the deadline on its line; the result cell
        then holds the item's decisions. False (nothing read) when the owner cell only names owners."""
        cells = row.block.cells or []
        pos = row.positions.get(ColumnRole.OWNER)
        if pos is None or pos >= len(cells) or ColumnRole.RESULT not in row.positions or ColumnRole.TASK in row.positions:
            return False
        lines = _lines(cells[pos])
        unit = self.row_units[row.block.index]
        tasks = [(line, found) for line in lines if (found := self._stated_task(unit, line)) is not None]
        if not tasks or len(tasks) != len(lines) or self._done(row):
            return False
        due_pos = row.positions.get(ColumnRole.DUE)
        dues = _lines(cells[due_pos]) if due_pos is not None and due_pos < len(cells) else []
        for i, (line, owners) in enumerate(tasks):
            due_text = dues[i] if len(dues) == len(lines) else (dues[0] if len(dues) == 1 else "")
            self._task(row, line, ColumnRole.OWNER, owners, self._due(due_text) if due_text else None,
                       quote=f"{line} | {due_text}" if due_text and not self.vocab.is_empty_cell(due_text) else line)
        result = row.text(ColumnRole.RESULT)
        if result and not self.vocab.is_empty_cell(result):
            self._line_decisions(row, _lines(cells[row.positions[ColumnRole.RESULT]]))
        return True

    def _line_decisions(self, row: TableRow, lines: list[str]) -> None:
        """The lines of a result cell that are decisions, each on its own (the owner's lines are read apart)."""
        unit = self.row_units[row.block.index]
        for text in lines:
            if (line := _cell_unit(unit, text)) is not None and self._is_decision(line):
                self._decision(row, text, ColumnRole.RESULT, 0.75)

    def _stated_task(self, row_unit: Unit, line: str) -> list[Responsible] | None:
        """The owners of a line that states a task in words ("Hr. Oppermann klärt …", "Fr. Kessler-Brandt /
        Hr. Petersen: kurze Vereinbarung aufsetzen"), None for a bare owner ("Statistikstelle (Hr. Petersen)")."""
        if len(line.split()) < 3 or self.extractor.owners(line, lenient=True):
            return None
        if ":" in line and (owners := self.extractor.owners(line.split(":", 1)[0], lenient=True)):
            return owners
        cell = _cell_unit(row_unit, line)
        item = self.extractor.from_sentence(cell) if cell is not None else None
        return item.responsible if item is not None and item.responsible else None

    @staticmethod
    def _task_lines(row: TableRow) -> tuple[list[str], list[str]] | None:
        """"Monitor wird künftig jährlich vorgestellt.<br>Kurzfassung für Kreistag erstellen." beside
        one owner and one date: the line written as a to-do (ending in its infinitive) is what the
        owner does; the other lines are the item's results. None when no line or every line reads so."""
        cells = row.block.cells or []
        pos = row.positions.get(ColumnRole.RESULT)
        lines = _lines(cells[pos]) if pos is not None and pos < len(cells) else []
        if len(lines) < 2:
            return None
        # A note, not a sentence: short, no clause ending in "…, eine Pauschale einzuführen".
        tasks = [line for line in lines if INFINITIVE_END.search(line) and not _PASSIVE_END.search(line)
                 and "," not in line and len(line.split()) <= 12]
        if not tasks or len(tasks) == len(lines):
            return None
        return tasks, [line for line in lines if line not in tasks]

    def _start_or_put_off(self, row: TableRow, result: str, due: Due) -> bool:
        """Nobody to do it and "ab 05.05.2026" in the date cell (when it starts), or "Thema wird auf
        die nächste Sitzung vertagt" beside "nächste Sitzung": a result with a date, no task."""
        if says_start(due.text):
            return True
        cell = _cell_unit(self.row_units[row.block.index], result)
        return cell is not None and "POSTPONE" in cell.cue_labels()

    def _owner_sentences(self, row: TableRow, result: str, owners: list[Responsible]) -> str:
        """The task in a result cell of several sentences: those that name its owner ("… Verstärkte
        Kontrollen durch den KOD. …" with KOD in the owner cell); the whole cell when none does."""
        cell_unit = _cell_unit(self.row_units[row.block.index], result) if owners else None
        sentences = _cell_sentences(cell_unit) if cell_unit is not None else []
        if len(sentences) < 2:
            return result
        names = {w.casefold() for o in owners for w in re.findall(r"[\w-]{2,}", o.name) if w[:1].isupper()}
        named = [s.text for s in sentences if names & {w.casefold() for w in re.findall(r"[\w-]{2,}", s.text)}]
        return " ".join(named) if named else result

    def _result_decisions(self, row: TableRow, result: str, *, own_wording_only: bool = False) -> None:
        """A result cell's statements that are decisions: not reports, questions, postponements.

        A cell of one sentence is the item's result; in a longer cell (a report with the
        decision in it) each sentence must carry its own decision wording. Two sentences
        without any are the item's decision only in a column headed as decisions ("Festlegung |
        Fallzahlen werden künftig quartalsweise berichtet. Entwurf an alle."); under "Ergebnis"
        they are a status report ("Wartezeit derzeit 9 Wochen. Keine Änderung möglich, wird
        beobachtet."): taken whole there they were a decision in 23 of 82 writer cells."""
        unit = self.row_units[row.block.index]
        cell_unit = _cell_unit(unit, result)
        if cell_unit is None:
            return
        sentences = _cell_sentences(cell_unit)
        if len(sentences) <= 1:
            if self._is_decision(cell_unit, labelled=not own_wording_only):
                self._decision(row, result, ColumnRole.RESULT, 0.75)
            return
        own = [s for s in sentences if self._is_decision(s, labelled=False)]
        if not own and len(sentences) == 2 and _headed_as_decisions(row) and self._is_decision(cell_unit):
            own = [cell_unit]
        for sentence in own:
            self._decision(row, sentence.text, ColumnRole.RESULT, 0.7)

    @staticmethod
    def _is_decision(unit: Unit, labelled: bool = True) -> bool:
        text = unit.clean_text
        cues = action_cues()
        if text.endswith("?") or cues.report.search(text) or len(text.split()) < 2:
            return False
        labels = unit.cue_labels()
        if "FUTURE" in labels or decided_later(text):
            return False  # "Über feste Fallkonferenzen wird im Juni entschieden.", "Entscheidung erst nach …": still to decide
        if (INFINITIVE_END.search(text) and not _FINITE_AUX.search(text) and not labels & DECIDING_LABELS
                and parse_vote(text) is None and len(text.split()) <= 12 and "," not in text):
            return False  # "Stellenausschreibung veröffentlichen": a to-do note, no decision
        words = set(re.findall(r"\w+", text.lower()))
        # "Herr X berichtet über …": what was said, unless a decision cue says more.
        if not words.isdisjoint(cues.narrative_verbs) and not labels & DECIDING_LABELS:
            return False
        if labelled and speaker_report(text, labels):
            return False  # "HWK: Zahl der Lösungen …" in the result column
        return decision_score(unit, after_beschluss_header=labelled) >= THRESHOLD

    def _task_row(self, layout: TableLayout, row: TableRow) -> None:
        decided = len(self.decisions)
        self._cell_decisions(row)
        if self._done(row) or self._closed(row):
            return  # done: a progress report; cancelled or only an idea: no open task
        owners, due = self._row_owner_due(row)
        if len(self.decisions) > decided and not owners and due is None:
            return  # "Standgebühr … | – | einstimmig beschlossen": a decision noted in the plan, nobody to do it
        for role in (ColumnRole.TASK, ColumnRole.TOPIC, ColumnRole.RESULT):
            text = row.text(role)
            if text and not self.vocab.is_empty_cell(text):
                self._task(row, text, role, owners, due, statement=self._owner_statement(row, owners))
                return
        if owners or due:
            self.warnings.append(
                f"{row_reference(layout, row)}: Zeile einer Aufgabentabelle ohne Aufgabentext – bitte prüfen "
                f"(„{truncate(row.block.text)}“)."
            )

    def _cell_decisions(self, row: TableRow) -> None:
        """A Maßnahmenplan notes what the body decided in its status, result or remark cells
        ("entfällt – Die Steuerungsgruppe beschließt, …", "Ergebnis / Stand | Beschlossen: Eröffnung am
        19.09."): sentences with their own decision wording."""
        unit = self.row_units[row.block.index]
        for role in (ColumnRole.TASK, ColumnRole.STATUS, ColumnRole.NOTE, ColumnRole.RESULT):
            text = row.text(role)
            cell = _cell_unit(unit, text) if text else None
            if cell is None:
                continue
            for sentence in _cell_sentences(cell):
                # "vereinbart, Probelauf 3 Monate", "Termin festgelegt; Anfrage läuft" says what of
                # the row was decided: the row is the decision; a sentence of its own ("Die
                # Gruppe beschließt, …") is.
                lead = sentence.text.split(";", 1)[0]
                short = role in (ColumnRole.STATUS, ColumnRole.NOTE) and len(lead.split()) <= STATUS_DECISION_WORDS
                labels = sentence.cue_labels()
                status_says_decided = short and labels & {"DECISION", "AGREEMENT"} and not labels & _OPEN_LABELS
                if status_says_decided or self._is_decision(sentence, labelled=False):
                    self._decision(row, row.block.text if short else sentence.text, role, 0.65, quote=sentence.text)

    def _decision_row(self, row: TableRow) -> None:
        result = row.text(ColumnRole.RESULT)
        if result and not self.vocab.is_empty_cell(result):
            self._decision(row, result, ColumnRole.RESULT, 0.8)


def _headed_as_decisions(row: TableRow) -> bool:
    """Whether the row's result column is headed as decisions ("Festlegung", "Beschluss", "Vereinbarung"),
    not as results of any kind ("Ergebnis", "Stand")."""
    header = row.block.header or []
    pos = row.positions.get(ColumnRole.RESULT)
    return pos is not None and pos < len(header) and _DECISION_HEADER.search(header[pos]) is not None


_DECISION_HEADER = re.compile(r"festleg|beschluss|vereinbar|entscheid", re.I)


_NO_OWNER_LABELS = frozenset({"VOTE", "VOTE_STRONG", "POSTPONE", "FUTURE"})
"""Result lines that no owner line stands beside: the vote, a matter put off or still to decide."""
_OPEN_LABELS = frozenset({"POSTPONE", "NOT_YET", "FUTURE", "TENTATIVE", "OPEN", "REPORTED", "NOT_DECISION"})
STATUS_DECISION_WORDS = 8
"""A status or remark cell this short that says "vereinbart" makes its whole row the decision."""


def _settled(line: str) -> bool:
    """A result line ending in an outcome ("Protokoll 2. Treffen genehmigt.", "Antrag angenommen"). (The
    next meeting's date is not counted here: minutes differ on whether it is a decision.)"""
    return _OUTCOME_END.search(line) is not None


_OUTCOME_END = re.compile(
    r"\b(?:genehmigt|angenommen|abgelehnt|beschlossen|bestätigt|zugestimmt|verabschiedet|gebilligt|zur\s+Kenntnis\s+genommen)\W*$", re.I)


def truncate(text: str, limit: int = 60) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cell_sentences(cell: Unit) -> list[Unit]:
    """The sentences of a cell, as Units."""
    return [Unit(block=cell.block, span=span, topic_index=cell.topic_index) for span in sentences(cell.span)]


def _cell_unit(row_unit: Unit, cell_text: str) -> Unit | None:
    """A Unit over one cell of a row (the row's line holds all cells joined with ' | ')."""
    span = row_unit.span
    row_text = row_unit.text
    cell = cell_text.strip()
    # A cell's lines are joined with spaces in the role text, kept as line breaks in the row's
    # text: compared with the breaks as spaces (one character each, so positions stay).
    flat = row_text.replace("\n", " ")
    at = flat.find(cell) if cell else -1
    if at < 0:
        # The role text joins cells with spaces where the row joins them with ' | ': the first cell then.
        first = cell.split(" ")[0] if cell else ""
        at = flat.find(first) if first else -1
        if at < 0:
            return None
        cell = row_text[at:]
    raw = doc_text(span.doc)[span.start_char : span.end_char]
    start = span.start_char + len(raw) - len(raw.lstrip())
    sub = span.doc.char_span(start + at, start + at + len(cell), alignment_mode="expand")
    if sub is None or not len(sub):
        return None
    return Unit(block=row_unit.block, span=sub, topic_index=row_unit.topic_index)

