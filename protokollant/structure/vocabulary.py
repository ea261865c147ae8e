"""Vocabulary of the structure stage, read from models/structure/layout.json."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..paths import models_dir
from .model import ColumnRole, SectionRole

LAYOUT_FILE = "structure/layout.json"
_EDGE = " \t:.;,?*!()[]"


def normalise(text: str) -> str:
    """Case-folded, whitespace collapsed, punctuation at the ends removed."""
    return " ".join(text.split()).casefold().strip(_EDGE)


@dataclass(frozen=True)
class LayoutVocabulary:
    columns: dict[ColumnRole, frozenset[str]]
    part_separators: re.Pattern
    sections: dict[SectionRole, frozenset[str]]
    section_codes: dict[str, SectionRole]
    section_paragraph_reach: int
    decision_intro: re.Pattern
    decision_intro_not: re.Pattern
    decision_intro_points_below: re.Pattern
    empty_cell: frozenset[str]
    everyone: frozenset[str]
    ongoing: frozenset[str]
    done_status: frozenset[str]
    closed_status: tuple[str, ...]
    _column_roles: dict = field(default_factory=dict, compare=False, repr=False)
    """column_role by header text: every cell of a row is asked whether it is a header, across tables."""

    def word_role(self, text: str) -> ColumnRole | None:
        """The role a single header word or phrase names, if any."""
        word = normalise(text)
        if not word:
            return None
        for role, words in self.columns.items():
            if word in words:
                return role
        # "Wer kümmert sich?", "Wer macht was": a header asking who.
        if word.startswith("wer ") and not self.part_separators.search(word):
            return ColumnRole.OWNER
        for role, words in self.columns.items():
            # "Verantwortliche", "Zuständigkeit(en)": a listed word of more than three letters as a prefix.
            if any(len(w) > 3 and word.startswith(w) for w in words):
                return role
        return None

    def column_role(self, header: str) -> ColumnRole | None:
        """The role of a column from its header text ('Ergebnis / Beschluss', 'Wer/bis wann')."""
        known = self._column_roles
        if header not in known:
            if len(known) >= 10_000:  # a bound on memory
                known.clear()
            known[header] = self._column_role(header)
        return known[header]

    def _column_role(self, header: str) -> ColumnRole | None:
        parts = [p for p in self.part_separators.split(normalise(header)) if p]
        roles = [r for r in (self.word_role(p) for p in parts) if r is not None]
        kinds = set(roles)
        # "Verantwortlich / Termin", "Zuständigkeit / Frist": owner and deadline in one column, though the
        # header starts with an owner word (read whole it would name the owner only).
        if kinds == {ColumnRole.OWNER, ColumnRole.DUE}:
            return ColumnRole.OWNER_DUE
        whole = self.word_role(header)
        if whole is not None:
            return whole
        if not roles:
            return None
        for preferred in (ColumnRole.RESULT, ColumnRole.TASK, ColumnRole.TOPIC, ColumnRole.OWNER, ColumnRole.DUE):
            if preferred in kinds:
                return preferred
        return roles[0]

    def section_label(self, text: str) -> SectionRole | None:
        word = normalise(text)
        for role, words in self.sections.items():
            if word in words:
                return role
        # "B2:", "A 3:", "E1:": an item of an Ergebnisprotokoll marked by its kind and number.
        if (m := _CODE.match(word)) is not None:
            return self.section_codes.get(m.group(1))
        return None

    def is_done_status(self, text: str) -> bool:
        """"Fertig", "erledigt (12.03.)", "✓": a status cell that closes the row's task."""
        words = " ".join(text.split()).casefold().strip(" .!")
        return words in self.done_status or words.split(" ")[0].strip(",;:()") in self.done_status

    def is_closed_status(self, text: str) -> bool:
        """"entfällt – …", "Idee; noch nicht beauftragt": the row's measure is not carried out."""
        words = " ".join(text.split()).casefold()
        return any(words == w or words.startswith((w + " ", w + ",", w + ";", w + " –", w + ":")) for w in self.closed_status)

    def is_empty_cell(self, text: str) -> bool:
        return not normalise(text) or " ".join(text.split()).casefold() in self.empty_cell


_CODE = re.compile(r"^([a-z])\s?\d{1,2}$")


def _folded(words: list[str]) -> frozenset[str]:
    return frozenset(normalise(w) or w.casefold() for w in words)


@lru_cache(maxsize=1)
def layout_vocabulary() -> LayoutVocabulary:
    data = json.loads((models_dir() / LAYOUT_FILE).read_text(encoding="utf-8"))
    return LayoutVocabulary(
        columns={ColumnRole(k): _folded(v) for k, v in data["columns"].items()},
        part_separators=re.compile(data["part_separators_pattern"], re.I),
        sections={SectionRole(k): _folded(v) for k, v in data["sections"].items()},
        section_codes={code.casefold(): SectionRole(role) for role, codes in data["section_codes"].items() for code in codes},
        section_paragraph_reach=int(data["section_paragraph_reach"]),
        decision_intro=re.compile(data["decision_intro_pattern"], re.I),
        decision_intro_not=re.compile(data["decision_intro_not_pattern"], re.I),
        decision_intro_points_below=re.compile(data["decision_intro_points_below_pattern"], re.I),
        empty_cell=frozenset(" ".join(w.split()).casefold() for w in data["empty_cell_words"]),
        everyone=_folded(data["everyone_words"]),
        ongoing=_folded(data["ongoing_words"]),
        done_status=frozenset(" ".join(w.split()).casefold() for w in data["done_status_words"]),
        closed_status=tuple(" ".join(w.split()).casefold() for w in data.get("closed_status_words", [])),
    )
