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


def document_places(doc: Doc, orths: list[int], head_ends: Iterable[int], is_place_head: Callable[[int], bool],
                    is_name: Callable[[Token], bool]) -> frozenset[str]:
    """The place names of ``doc``. ``orths``: its tokens' ORTH ids; ``head_ends``: the token
    indices right after each institution name found by lookup (registry or head word);
    ``is_place_head``: whether an ORTH id is a capitalised place word ("Stadt"); ``is_name``:
    whether a token can be part of a proper name."""
    places: set[str] = set()
    n = len(doc)
    for i, orth in enumerate(orths):  # ids, not Token objects: most tokens are looked at only here
        if i + 1 < n and is_place_head(orth):
            nxt = doc[i + 1]
            if (nxt.is_alpha or "-" in nxt.text) and is_name(nxt):
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
