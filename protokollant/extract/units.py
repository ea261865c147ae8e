"""Sentences with their provenance: the unit the decision and task extractors look at."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Span

from ..document import Block
from ..schema import Evidence
from ..structure import SectionRole
from .text import clean


@dataclass(slots=True)
class Unit:
    block: Block
    span: Span
    """The sentence (a span of the line's Doc)."""
    topic_index: int | None
    section: SectionRole | None = None
    """The labelled section the sentence stands in ("Vereinbarungen:" → decision), if any."""
    text: str = field(init=False)
    """The sentence text, computed once: the extractors read it many times."""
    _cue_labels: set[str] | None = field(init=False, default=None)
    _clean: str | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        # Sliced from the Doc's text: Span.text would build a Token object per token.
        span = self.span
        self.text = doc_text(span.doc)[span.start_char : span.end_char].strip() if len(span) else ""

    @property
    def clean_text(self) -> str:
        """``clean(text)``: whitespace collapsed, NFC; every extractor wants it."""
        if self._clean is None:
            self._clean = clean(self.text)
        return self._clean

    def cues(self) -> list[Span]:
        return _spans_within(self.span, "cues")

    def cue_labels(self) -> set[str]:
        if self._cue_labels is None:
            self._cue_labels = {c.label_ for c in self.cues()}
        return self._cue_labels

    def institutions(self) -> list[Span]:
        return _spans_within(self.span, "institutions")

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


def _spans_within(span: Span, key: str) -> list[Span]:
    """The spans of ``doc.spans[key]`` inside ``span``.

    A Doc holds a whole document (many units), so its groups are sorted by
    start once and cached on the Doc instead of being scanned per unit.
    """
    doc = span.doc
    cache_key = ("protokollant.spans_by_start", key)
    index = doc.user_data.get(cache_key)
    if index is None:
        ordered = sorted(doc.spans.get(key, []), key=lambda sp: (sp.start, sp.end))
        index = doc.user_data[cache_key] = ([sp.start for sp in ordered], ordered)
    starts, ordered = index
    s, e = span.start, span.end
    out = []
    for i in range(bisect_left(starts, s), len(starts)):
        if starts[i] >= e:
            break
        if ordered[i].end <= e:
            out.append(ordered[i])
    return out


DOC_TEXT_KEY = "protokollant.text"


def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each access);
    ``analyse_lines`` sets it when it assembles the Doc."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def sentences(line: Span) -> list[Span]:
    """The sentences of one line (or of one table cell), without whitespace tokens at their edges."""
    doc, out = line.doc, []
    for sent in line.sents:
        start, end = max(sent.start, line.start), min(sent.end, line.end)
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            # "der Fraktionen DIE LINKE., SPD und CDU …": a sentence does not end with a comma,
            # the full stop belonged to a name or abbreviation.
            if out and (doc[out[-1].end - 1].text == "," or _open_bracket(out[-1])):
                out[-1] = doc[out[-1].start : end]
            else:
                out.append(doc[start:end])
    return out


def _open_bracket(span: Span) -> bool:
    """"… (einst. beschlossen)": an abbreviation's full stop inside a bracket ends no sentence."""
    text = doc_text(span.doc)[span.start_char : span.end_char]
    return text.count("(") > text.count(")")
