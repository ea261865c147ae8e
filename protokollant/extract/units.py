"""Sentences with their provenance: the unit the decision and task extractors look at."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..document import Block
from ..schema import Evidence


@dataclass(slots=True)
class Unit:
    block: Block
    span: Span
    """The sentence (a span of the line's Doc)."""
    topic_index: int | None
    text: str = field(init=False)
    """The sentence text, computed once: the extractors read it many times."""
    _cue_labels: set[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.text = self.span.text.strip()

    def cues(self) -> list[Span]:
        doc = self.span.doc
        s, e = self.span.start, self.span.end
        return [c for c in doc.spans.get("cues", []) if c.start >= s and c.end <= e]

    def cue_labels(self) -> set[str]:
        if self._cue_labels is None:
            self._cue_labels = {c.label_ for c in self.cues()}
        return self._cue_labels

    def institutions(self) -> list[Span]:
        doc = self.span.doc
        s, e = self.span.start, self.span.end
        return [c for c in doc.spans.get("institutions", []) if c.start >= s and c.end <= e]

    def evidence(self, text: str | None = None, column: int | None = None) -> Evidence:
        b = self.block
        return Evidence(
            block_index=b.index,
            block_kind=b.kind.value,
            text=text if text is not None else self.text,
            list_number=b.list_number,
            table_index=b.table_index,
            table_row=b.row_index,
            table_column=column,
        )
