"""List labels as Word renders them, computed from numbering.xml.

Definitions (abstractNum levels, num overrides) are parsed once; ListCounter
keeps the running counters while the body is walked in order. Counters are
shared by all numIds that point at the same abstractNum (Word continues such
lists) unless the num overrides a start value, which makes it its own list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from .package import W_NS
from .styles import Styles, int_val, on_off

_W = f"{{{W_NS}}}"
W_VAL = _W + "val"
MAX_LEVELS = 9
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(slots=True, frozen=True)
class LevelDef:
    start: int = 1
    num_fmt: str = "decimal"
    lvl_text: str | None = None
    restart: int | None = None
    """w:lvlRestart: 0 = never restart; n = restart when a level < n (0-based) is used."""
    is_legal: bool = False
    p_style: str | None = None


_NO_LEVEL = LevelDef()
"""A level the list does not define (frozen: one instance serves every lookup)."""


@dataclass(slots=True)
class _Num:
    abstract_id: int
    start_overrides: dict[int, int]
    level_overrides: dict[int, LevelDef]


def _parse_level(lvl: etree._Element) -> LevelDef:
    fmt_el = lvl.find(_W + "numFmt")
    text_el = lvl.find(_W + "lvlText")
    style_el = lvl.find(_W + "pStyle")
    start = int_val(lvl.find(_W + "start"))
    num_fmt = fmt_el.get(W_VAL) if fmt_el is not None else "decimal"
    if lvl.find(_W + "lvlPicBulletId") is not None and num_fmt != "none":
        num_fmt = "bullet"
    return LevelDef(
        start=start if start is not None else (0 if num_fmt == "decimalZero" else 1),
        num_fmt=num_fmt or "decimal",
        lvl_text=text_el.get(W_VAL) if text_el is not None else None,
        restart=int_val(lvl.find(_W + "lvlRestart")),
        is_legal=bool(on_off(lvl.find(_W + "isLgl"))),
        p_style=style_el.get(W_VAL) if style_el is not None else None,
    )


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                          (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                          (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter: 26 -> z, 27 -> aa, 28 -> bb.
    if n <= 0:
        return str(n)
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def format_number(n: int, num_fmt: str) -> str:
    if num_fmt in ("decimal", "ordinal", "cardinalText", "ordinalText"):
        return str(n)
    if num_fmt == "lowerLetter":
        return _letters(n)
    if num_fmt == "upperLetter":
        return _letters(n).upper()
    if num_fmt == "lowerRoman":
        return _roman(n).lower()
    if num_fmt == "upperRoman":
        return _roman(n)
    if num_fmt == "decimalZero":
        return f"{n:02d}"
    if num_fmt == "none":
        return ""
    if num_fmt == "decimalEnclosedParen":
        return f"({n})"
    if num_fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    return str(n)  # exotic formats (CJK counting, Hebrew, ...): Arabic digits keep the order


def bullet_label(lvl_text: str | None) -> str:
    """Bullets from symbol fonts live in the Private Use Area; show a plain bullet."""
    text = (lvl_text or "").strip()
    if not text or any("\ue000" <= ch <= "\uf8ff" for ch in text):
        return "•"
    return text


class NumberingDefinitions:
    def __init__(self, root: etree._Element | None, styles: Styles):
        self._abstract: dict[int, dict[int, LevelDef]] = {}
        # abstractNum elements, their levels parsed on first use: Word writes dozens, a document uses a few.
        self._abstract_elements: dict[int, etree._Element] = {}
        self._abstract_style_link: dict[int, str] = {}
        self._nums: dict[int, _Num] = {}
        self._styles = styles
        self._levels_cache: dict[int, dict[int, LevelDef] | None] = {}
        if root is not None:
            self._load(root)

    def _load(self, root: etree._Element) -> None:
        for el in root:
            if el.tag == _W + "abstractNum":
                try:
                    abstract_id = int(el.get(_W + "abstractNumId") or "")
                except ValueError:
                    continue
                self._abstract_elements[abstract_id] = el
                link = el.find(_W + "numStyleLink")
                if link is not None and link.get(W_VAL):
                    self._abstract_style_link[abstract_id] = link.get(W_VAL)
            elif el.tag == _W + "num":
                try:
                    num_id = int(el.get(_W + "numId") or "")
                except ValueError:
                    continue
                abstract_id = int_val(el.find(_W + "abstractNumId"))
                if abstract_id is None:
                    continue
                starts: dict[int, int] = {}
                overrides: dict[int, LevelDef] = {}
                for override in el.iter(_W + "lvlOverride"):
                    try:
                        ilvl = int(override.get(_W + "ilvl") or "0")
                    except ValueError:
                        continue
                    start = int_val(override.find(_W + "startOverride"))
                    if start is not None:
                        starts[ilvl] = start
                    lvl = override.find(_W + "lvl")
                    if lvl is not None:
                        overrides[ilvl] = _parse_level(lvl)
                self._nums[num_id] = _Num(abstract_id, starts, overrides)

    def abstract_id(self, num_id: int) -> int | None:
        """The abstractNum whose levels apply, following numStyleLink indirections."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        abstract_id = num.abstract_id
        for _ in range(5):
            link = self._abstract_style_link.get(abstract_id)
            if link is None:
                break
            linked_num = self._nums.get(self._styles.numbering_style_num_id(link) or -1)
            if linked_num is None or linked_num.abstract_id == abstract_id:
                break
            abstract_id = linked_num.abstract_id
        return abstract_id

    def levels(self, num_id: int) -> dict[int, LevelDef] | None:
        """Level definitions of a list with the num's overrides applied (cached)."""
        if num_id in self._levels_cache:
            return self._levels_cache[num_id]
        levels = self._levels_cache[num_id] = self._resolve_levels(num_id)
        return levels

    def _resolve_levels(self, num_id: int) -> dict[int, LevelDef] | None:
        abstract_id = self.abstract_id(num_id)
        if abstract_id is None:
            return None
        num = self._nums[num_id]
        levels = dict(self._abstract_levels(abstract_id))
        levels.update(num.level_overrides)
        for ilvl, start in num.start_overrides.items():
            levels[ilvl] = replace(levels.get(ilvl, LevelDef()), start=start)
        return levels

    def _abstract_levels(self, abstract_id: int) -> dict[int, LevelDef]:
        levels = self._abstract.get(abstract_id)
        if levels is None:
            # Filled, then stored: the definitions of one template are shared by its documents
            # (ingest/known_parts.py), and no reader may see a half-filled list.
            levels = {}
            el = self._abstract_elements.get(abstract_id)
            for lvl in el.iter(_W + "lvl") if el is not None else ():
                try:
                    ilvl = int(lvl.get(_W + "ilvl") or "0")
                except ValueError:
                    continue
                levels.setdefault(ilvl, _parse_level(lvl))
            self._abstract[abstract_id] = levels
        return levels

    def counter_key(self, num_id: int) -> tuple[str, int] | None:
        abstract_id = self.abstract_id(num_id)
        if abstract_id is None:
            return None
        num = self._nums[num_id]
        if num.start_overrides or num.level_overrides:
            return ("num", num_id)
        return ("abstract", abstract_id)

    def level_for_style(self, num_id: int, style_id: str) -> int | None:
        """The level whose w:pStyle links it to a paragraph style (style-driven lists)."""
        for ilvl, level in (self.levels(num_id) or {}).items():
            if level.p_style == style_id:
                return ilvl
        return None


class ListCounter:
    """Running list counters in document order."""

    def __init__(self, definitions: NumberingDefinitions):
        self._defs = definitions
        self._counts: dict[tuple[str, int], list[int | None]] = {}
        self._key_cache: dict[int, tuple[str, int]] = {}

    def next_label(self, num_id: int, ilvl: int) -> tuple[str, bool] | None:
        """Advance the list and return (label, is_bullet); None if the list is undefined."""
        levels = self._defs.levels(num_id)
        if not levels:
            return None
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return None
        key = self._key_cache.get(num_id)
        if key is None:
            key = self._key_cache[num_id] = self._defs.counter_key(num_id) or ("num", num_id)
        counts = self._counts.get(key)
        if counts is None:
            counts = self._counts[key] = [None] * MAX_LEVELS
        current = counts[ilvl]
        counts[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels.get(deeper, _NO_LEVEL).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counts[deeper] = None
        if level.num_fmt == "bullet":
            return bullet_label(level.lvl_text), True
        text = level.lvl_text
        if text is None:
            text = f"%{ilvl + 1}."

        def placeholder(match: re.Match[str]) -> str:
            ref = int(match.group(1)) - 1
            ref_level = levels.get(ref, _NO_LEVEL)
            value = counts[ref]
            if value is None:
                value = ref_level.start
            fmt = "decimal" if level.is_legal and ref_level.num_fmt != "none" else ref_level.num_fmt
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(placeholder, text).strip(), False
