"""Word lists from models/names/ and the German lemma table, used to tell owners (persons,
groups, handles) from ordinary words."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import hash_string

from ..paths import models_dir


def _words(file_name: str) -> frozenset[str]:
    path = models_dir() / "names" / file_name
    return frozenset(
        line.strip().casefold()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _words("first_names.txt")


@lru_cache(maxsize=1)
def not_owner_words() -> frozenset[str]:
    return _words("not_owner_words.txt") | _PRONOMINAL_ADVERBS


# "Hiergegen werden Einwendungen nicht erhoben", "Darum kümmert sich …": hier-, da(r)- and wo(r)-
# with a preposition stand for a thing, never for a person (all of them, not only the listed ones).
_PREPOSITIONS = ("an", "auf", "aus", "bei", "durch", "für", "gegen", "hinter", "in", "mit", "nach", "neben",
                 "über", "um", "unter", "von", "vor", "wider", "zu", "zwischen")
_PRONOMINAL_ADVERBS = frozenset(head + p for head in ("hier", "da", "dar", "wo", "wor") for p in _PREPOSITIONS)

# "Dem Ortsbeirat wird das Material übergeben", "schicken dem GMSH einen Entwurf": articles of the
# dative or accusative, which never open a sentence's subject.
NON_SUBJECT_ARTICLES = frozenset({"dem", "den", "einem", "einen"})


def opens_with_object_article(phrase: str) -> bool:
    """Whether the phrase opens with a dative or accusative article, so it cannot be a subject."""
    return phrase.split(" ", 1)[0].casefold() in NON_SUBJECT_ARTICLES


@lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    return _words("group_words.txt")


@lru_cache(maxsize=1)
def group_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_words("group_suffixes.txt")))


def names_a_group(word: str) -> bool:
    """"Festkomitee", "Redaktionsteam", "Jugendamt": a capitalised compound whose head names a group."""
    low = word.casefold()
    return word[:1].isupper() and low.endswith(group_suffixes()) and not any(
        low.endswith(s) and len(low) - len(s) < 3 for s in group_suffixes()) and low not in not_owner_words()


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _words("surnames.txt")


# Pads and chats name people by handles ("svij", "bf9001", "RalfZ"): a word of letters and digits
# that is no German word. Nouns of the usual abstract endings are words even when the table lacks them.
_HANDLE = re.compile(r"^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß0-9_-]{1,19}$")
_NOUN_ENDING = re.compile(r"(?:ung|heit|keit|schaft|tion|ität|ismus|ment|tur|enz|anz|ik|ie|ei|nis|tum|ling)$", re.I)


@lru_cache(maxsize=1)
def _german_forms() -> tuple[dict[int, str], frozenset[str]]:
    from ..nlp.components import lookup_table

    table = lookup_table("de", "lemma_lookup")  # the lemmatizer's copy, not a second one
    return table, frozenset(table.values())


def german_word(word: str) -> bool:
    """Whether ``word`` is a German word as the lemma table knows it (as a form or a lemma, in
    any of its usual casings) or one of the listed non-owner words."""
    table, lemmas = _german_forms()
    forms = {word, word.lower(), word[:1].upper() + word[1:].lower()}
    # "Protokollantin", "Kassenwartinnen", "Repos": feminine and plural forms of listed words.
    for ending in ("innen", "in", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 3:
            stem = word[: -len(ending)]
            forms |= {stem, stem.lower(), stem[:1].upper() + stem[1:].lower()}
    for form in forms:
        if hash_string(form) in table or form in lemmas:
            return True
    # "Flohmarkt", "Mitbesteller": a compound ends in a known noun of four letters or more.
    for i in range(2, len(word) - 3):
        tail = word[i].upper() + word[i + 1 :]
        if hash_string(tail) in table or tail in lemmas:
            return True
    return word.casefold() in not_owner_words()


def handle_like(word: str) -> bool:
    """A single word that can only be a person's handle or unlisted name where a person stands
    ("Dies wird von Lasall geklärt", "hat sich svij bereit erklärt", "… starten (venti)")."""
    word = word.strip(" .:;,!")
    return bool(
        _HANDLE.match(word) and any(c.isalpha() for c in word) and not word.isupper()
        and not _NOUN_ENDING.search(word) and not german_word(word)
    )


def inflected_form(word: str) -> bool:
    """Whether the lemma table lists ``word`` as an inflected form of another word ("Aspekte" of
    "Aspekt", "Stationen" of "Station"); base forms and names are not listed as such."""
    table, _ = _german_forms()
    lemma = table.get(hash_string(word))
    return lemma is not None and lemma != word


def past_participle(word: str) -> bool:
    """Whether the lemma table lists ``word`` as a form of another verb and it ends like a strong
    participle ("eingeladen" of "einladen", "angeschrieben"); an infinitive is its own lemma and not
    listed ("einladen", "erarbeiten")."""
    table, _ = _german_forms()
    lemma = table.get(hash_string(word))
    return (lemma is not None and lemma != word and word.endswith("en") and lemma.endswith(("en", "ern", "eln"))
            and not _zu_infinitive(word, lemma))


_WORD = re.compile(r"\w+")


def closes_with_participle(clause: str) -> bool:
    """"Der Verein wird zur Sitzung eingeladen": the clause's last word is a strong past participle,
    so with "wird"/"werden" it is a passive, not a future ("wird … einladen")."""
    words = _WORD.findall(clause)
    return bool(words) and past_participle(words[-1])


def _zu_infinitive(word: str, lemma: str) -> bool:
    """"mitzuteilen", "vorzulegen": the table lists a zu-infinitive as a form of its verb."""
    return any(word == lemma[:i] + "zu" + lemma[i:] for i in range(1, len(lemma) - 2))
