"""Reading span groups and the text of the chunk Docs cheaply (a Doc holds a whole document)."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span


def spans_within(span: Span, key: str) -> list[Span]:
    """The spans of ``doc.spans[key]`` inside ``span``.

    A Doc holds a whole document (many units), so its groups are sorted by
    start once and cached on the Doc instead of being scanned per unit.
    """
    starts, ordered, _ = _index(span.doc, key)
    return [ordered[i] for i in _positions_within(span, starts, ordered)]


def labels_within(span: Span, key: str) -> set[str]:
    """``{sp.label_ for sp in spans_within(span, key)}``, from labels read once per Doc."""
    starts, ordered, labels = _index(span.doc, key)
    return {labels[i] for i in _positions_within(span, starts, ordered)}


def _index(doc, key: str) -> tuple[list[int], list[Span], list[str]]:
    cache_key = ("protokollant.spans_by_start", key)
    index = doc.user_data.get(cache_key)
    if index is None:
        ordered = sorted(doc.spans.get(key, []), key=lambda sp: (sp.start, sp.end))
        index = doc.user_data[cache_key] = ([sp.start for sp in ordered], ordered, [sp.label_ for sp in ordered])
    return index


def _positions_within(span: Span, starts: list[int], ordered: list[Span]) -> list[int]:
    s, e = span.start, span.end
    out = []
    for i in range(bisect_left(starts, s), len(starts)):
        if starts[i] >= e:
            break
        if ordered[i].end <= e:
            out.append(i)
    return out


DOC_TEXT_KEY = "protokollant.text"


def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each access);
    ``analyse_lines`` sets it when it assembles the Doc."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text
