"""Places a document names, learned from the document itself.

Minutes of a town's bodies name their town again and again, mostly invented or
small places no list holds ("Stadt Auenfels", "IHK Südweser", "Handwerkskammer
Südweser"). A proper name is taken as a place of the document when

- it follows a place word: "Stadt Auenfels", "Landkreis Haldenau", "des
  Landkreises Tannberg", "Region Eschenau";
- or it follows two different institution names: "IHK Südweser" and
  "Handwerkskammer Südweser".

The institution recogniser then attaches it to any institution it follows
("Diakonie Auenfels", "Stadtwerke Hallbergen"), as it does with listed places.
A hyphenated name whose first part is such a place is one too
("Eschenau-Rheintal", "Auenfels-Land").
"""
from __future__ import annotations

from typing import Callable, Iterable

from spacy.tokens import Doc, Token

__all__ = ["document_places", "is_place_compound"]


def document_places(doc: Doc, head_ends: Iterable[int], place_heads: frozenset[str],
                    is_name: Callable[[Token], bool]) -> frozenset[str]:
    """The place names of ``doc``. ``head_ends`` are the token indices right after
    each institution name found by lookup (registry or head word); ``is_name``
    says whether a token can be part of a proper name."""
    places: set[str] = set()
    n = len(doc)
    for t in doc:
        if t.lower_ in place_heads and t.text[:1].isupper() and t.i + 1 < n:
            nxt = doc[t.i + 1]
            if nxt.is_alpha or "-" in nxt.text:
                if is_name(nxt):
                    places.add(nxt.text)
    after: dict[str, set[str]] = {}
    for e in head_ends:
        if 0 < e < n and is_name(doc[e]):
            after.setdefault(doc[e].text, set()).add(doc[e - 1].lower_)
    places.update(name for name, heads in after.items() if len(heads) >= 2)
    return frozenset(places)


def is_place_compound(text: str, is_place: Callable[[str], bool]) -> bool:
    """ "Eschenau-Rheintal", "Auenfels-Land": capitalised parts, the first a place."""
    parts = text.split("-")
    return len(parts) >= 2 and all(p[:1].isupper() for p in parts) and is_place(parts[0])
