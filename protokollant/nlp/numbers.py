"""German number words for spaCy's ``like_num``.

spaCy's German language data has no lexical attribute getters, so ``LIKE_NUM`` (and
``token.like_num``) is true for "9" but false for "neun" in every German pipeline, blank or
statistical. Minutes write small counts as words ("Für Variante B stimmten neun
Mitglieder"): the cue patterns that ask for a number must see them too.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM
from spacy.lang.lex_attrs import like_num as default_like_num
from spacy.vocab import Vocab

_UNITS = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
_TENS = ("zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig")
# "ein", "eine", "einer" are articles far more often than counts: only "eins" is the number.
_SIMPLE = ("null", "eins", *(_UNITS[1:]), "zehn", "elf", "zwölf", "sechzehn", "siebzehn",
           *(u + "zehn" for u in ("drei", "vier", "fünf", "acht", "neun")), *_TENS, "hundert", "tausend")
NUMBER_WORD = re.compile(
    "(?:" + "|".join(sorted(_SIMPLE, key=len, reverse=True)) + "|(?:" + "|".join(_UNITS) + ")und(?:" + "|".join(_TENS) + "))")


def like_num(text: str) -> bool:
    """spaCy's default test (digits, "1.000", "3/4", "-5") or a German number word ("neun", "einundzwanzig")."""
    return default_like_num(text) or NUMBER_WORD.fullmatch(text.lower()) is not None


def install(vocab: Vocab) -> None:
    """Use :func:`like_num` for every lexeme the vocabulary creates from now on."""
    vocab.lex_attr_getters[LIKE_NUM] = like_num
