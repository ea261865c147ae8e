"""Owners read from the rest of a task's sentence, after the task itself was found: the
institution or person a sentence names when no owner form matched ("Die Agentur benennt …"),
and the institution a bracketed person acts for ("Das JC passt … an (Fr. Lorenz)")."""
from __future__ import annotations

import re

from ..schema import Responsible, ResponsibleKind
from .lexicon import not_owner_words
from .owners import NAMED_PERSON, SALUTATIONS, OwnerClassifier, acting_for, body_and_person
from .text import INFINITIVE_END
from .vocabulary import action_cues

_PREP_BEFORE = re.compile(r"\b(?:an|bei|beim|mit|von|vom|für|zu|zur|zum|über|durch|gegenüber|laut|nach|wie|als)\s+(?:(?:Herrn|Herr|Frau|Hr\.|Fr\.|Dr\.)\s+)*$", re.I)
# "Die Agentur benennt …", "das Schulamt fragt … ab": a noun with its article opening the sentence.
_INSTITUTION_SUBJECT = re.compile(r"^(?:[-–•*]\s*)?(?:[Dd]er|[Dd]ie|[Dd]as)\s+(?P<inst>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s+[a-zäöüß]")
_INSTITUTION_AGENT = re.compile(r"\b(?:vom|von\s+der|von\s+dem|durch\s+die|durch\s+das|durch\s+den|macht\s+der|macht\s+die|macht\s+das)\s+(?P<inst>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s+[a-zäöüß(]")
_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\wäöüß-]+\b")
_FOLLOWS_BY = re.compile(
    r"\b(?:(?:er)?folgt|kommt)\s+(?:\w+\s+)?(?:durch|von|vom)\s+(?:(?:den|die|das|dem|der)\s+)?"
    r"(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+(?:[A-ZÄÖÜ][\w.-]*|und))*)")


def named_owner(text: str, owners: OwnerClassifier) -> list[Responsible]:
    """For a task found without an owner: "Die Agentur benennt …" after "Agentur für Arbeit"
    (the noun of an institution the document gives in full), or the one person the sentence
    names other than after a preposition ("Termin stimmen Frau Lenz … ab", not "mit Frau Lenz")."""
    if ((m := _INSTITUTION_SUBJECT.match(text)) and m.group(0).lstrip("-–•* ")[:1].isupper()
            and (head := owners.institution_head(m.group("inst"))) is not None):
        return [head]
    if ("folgt" in text or "kommt" in text) and (m := _FOLLOWS_BY.search(text)) and (by := owners.owners(m.group("owner"), lenient=True)):
        return by  # "Einladung erfolgt durch die Stadt", "Terminvorschlag kommt vom Jugendamt"
    if ":" in text and (m := _OWNERS_COLON.match(text)) and (named := owners.owners(m.group("owners"))):
        return named  # "A4: Hr. Mansour und Dr. Özkan: Kurzpapier …": who, a colon, what
    if (m := _NAME_SUBJECT.match(text)) and (named := owners.owners(m.group("subject"))):
        return named  # "A5: Ricarda passt die Hausregeln an": a name the minutes know, then its verb
    if (after := _subject_after_verb(text, owners)):
        return after
    if (body := _body_subject(text, owners)):
        return body
    if any(s in text for s in SALUTATIONS):
        named = [m for m in NAMED_PERSON.finditer(text) if not _PREP_BEFORE.search(text[: m.start()])]
        if len(named) == 1:
            return owners.owners(named[0].group(0))
    attendees = {}
    for m in _CAPITALISED.finditer(text):
        # The name first: most capitalised words are no attendee's, and the preposition test reads all before it.
        word = m.group(0)
        if (p := owners.people.resolve(word)) is not None and not _PREP_BEFORE.search(text[: m.start()]):
            attendees.setdefault(p.name, word)
    if len(attendees) == 1:
        return owners.owners(next(iter(attendees.values())))
    return []


# A bullet and a task label a note may open with ("ToDo:", "A3:").
_TASK_LABEL = r"(?:[-–•*]\s*)?(?:(?:ToDo|TODO|To-do|Aufgabe|A\s?\d{1,2})\s*:\s*)?"
_LABEL = re.compile("^" + _TASK_LABEL)
# "Die Auswertung legt die IHK … vor", "Termin und Einladung stimmen Frau Lenz und Herr Kowalczyk …
# ab": a clause opening with its object (or an adverb) puts the finite verb second and its subject
# right after it.
_VERB_SUBJECT = re.compile(
    r"\s(?P<verb>[a-zäöüß]+)\s+(?P<article>(?:der|die|das)\s+)?"
    r"(?P<subject>[A-ZÄÖÜ][\w.'’-]*(?:\s+(?:und\s+|/\s*)?[A-ZÄÖÜ][\w.'’-]*){0,5})(?=\s+[a-zäöüß(]|\s*[,.;–]|$)")
_NAME_SUBJECT = re.compile(
    "^" + _TASK_LABEL + r"(?P<subject>[A-ZÄÖÜ][\w.'’-]*(?:\s+(?:und\s+)?[A-ZÄÖÜ][\w.'’-]*){0,5})\s+[a-zäöüß]{3,}\b")
_OWNERS_COLON = re.compile("^" + _TASK_LABEL + r"(?P<owners>[A-ZÄÖÜ@][^:]{1,60}?)\s*:\s+\S")
_PARTICLE_END = re.compile(r"\s(?:ab|an|auf|aus|ein|fest|mit|nach|vor|zu|zusammen|weiter)\s*[.!]?\s*$")
_FUNCTION_WORDS = frozenset(
    "der die das des dem den ein eine einer eines einem einen und oder sowie von vom zur zum für an am im in bei beim "
    "aus auf über unter nach zu ohne durch gegen um mit bis".split())
_CONJUNCTIONS = frozenset({"und", "oder", "sowie"})
_NOT_VERBS = frozenset({"mit", "bis", "seit", "nicht", "jetzt", "erst", "meist", "zuletzt", "selbst", "bereits", "zuerst"})


def _subject_after_verb(text: str, owners: OwnerClassifier) -> list[Responsible]:
    body = text[_LABEL.match(text).end():]
    head = body.split(",", 1)[0]
    for m in _VERB_SUBJECT.finditer(head):
        verb = m.group("verb")
        if verb in _FUNCTION_WORDS:
            continue  # "Die Auswertung der Abbruchbefragung legt …": inside the fronted phrase
        if (before := head[: m.start()].split()) and before[-1].lower() in _FUNCTION_WORDS - _CONJUNCTIONS:
            # "… bis zur nächsten Gesamtkonferenz …": an adjective in a phrase, not a verb ("… prüft und
            # verschickt die Geschäftsstelle": after a conjunction it is one)
            continue
        if len(body[: m.start()].split()) > 8:
            return []
        # A task verb, or a separable one whose particle closes the clause ("stimmen … ab", "legt … vor").
        if verb not in action_cues().any_task_verb and not (
                verb.endswith(("t", "en")) and verb not in _NOT_VERBS and _PARTICLE_END.search(head)):
            return []  # the first verb is not a task's: no inverted subject to read
        if owners.owners(body[: m.start()]):
            return []
        # With an article the subject is a body ("die IHK", "das Bezirksamt"); without, a name the minutes know.
        return owners.owners(m.group("subject"), lenient=bool(m.group("article")))
    return []


# "Die Träger liefern …", "Die Fachschaften benennen …", "alle Dienste melden …", "Das Integrationsbüro
# fordert … nach", "Jede beteiligte Einrichtung benennt …": a clause opening with a body in the plural
# (or each of them, or a noun naming an office) and its verb.
_BODY_SUBJECT = re.compile(
    r"(?:^|[:–]\s+)" + _TASK_LABEL +
    r"(?:(?P<det>[Dd]ie|[Dd]er|[Dd]as|[Aa]lle|[Jj]ede[rs]?)\s+)?(?P<adj>(?<=[Ee]\s)[a-zäöüß]+e\s+)?"
    r"(?P<noun>[A-ZÄÖÜ][\w-]+)\s+(?P<verb>[a-zäöüß]+)\b")
_OBJECT_NEXT = re.compile(r"\s+(?:ihr\w*|sein\w*|die|den|das|dem|der|ein\w*|sich)\b")
_OFFICE_TAILS = ("amt", "büro", "stelle", "gruppe", "team", "kreis", "rat", "ausschuss", "verwaltung", "leitung",
                 "vorstand", "zentrum", "dienst", "agentur", "kammer", "behörde", "referat", "abteilung")


def _body_subject(text: str, owners: OwnerClassifier) -> list[Responsible]:
    for m in _BODY_SUBJECT.finditer(text):
        if m.group("det") is None and (m.start() > 0 or not _OBJECT_NEXT.match(text, m.end())):
            # Without an article only where the line opens and an object follows: "Vereine melden
            # ihren Bedarf …", not the note "Themen sammeln bis 10.06.".
            continue
        verb, noun, det = m.group("verb"), m.group("noun"), (m.group("det") or "die").casefold()
        if noun.casefold() in not_owner_words():
            continue  # "Wir sammeln die Unterschriften": a pronoun names no owner
        cues = action_cues()
        if verb in cues.auxiliaries and not INFINITIVE_END.search(text):
            continue  # "Die Unterlagen werden … verschickt": a passive names no one who does it
        task_verb = verb in cues.any_task_verb
        # "Die Träger liefern …": any plural body with a task verb; with a separable verb ("fordert
        # … nach") only a noun naming an office, since "Die Unterlagen liegen … vor" names none.
        plural = task_verb and verb.endswith("n") and det in ("die", "alle")
        if det.startswith("jede"):
            if task_verb and verb.endswith("t"):  # "Jedes Zentrum meldet …": each of them, a group
                return [Responsible(name=text[m.start("det"):m.end("noun")], kind=ResponsibleKind.GROUP)]
            continue
        office = noun.casefold().endswith(_OFFICE_TAILS) or owners.responsible(noun) is not None
        if not (plural or (office and (task_verb or (
                verb.endswith(("t", "en")) and verb not in _NOT_VERBS and verb not in _FUNCTION_WORDS
                and _PARTICLE_END.search(text))))):
            continue
        name = f"alle {noun}" if det == "alle" else noun
        return [Responsible(name=name, kind=ResponsibleKind.GROUP)]
    return []


def institution_beside(text: str, found: list[Responsible], owners: OwnerClassifier) -> list[Responsible] | None:
    """The institution and the person acting for it, as the minutes write the owner:
    "Das JC passt seine Checkliste an (Fr. Lorenz)", "… wird vom Welcome Center gestaltet
    (Fr. Hahn)" (the person in brackets acts for the sentence's subject or agent) and "Das Schulamt
    fragt … ab (Fr. Hagedorn, vor den Osterferien)" (the institution found, the person beside it)."""
    if len(found) != 1:
        return None
    owner = found[0]
    if owner.kind is ResponsibleKind.INSTITUTION and "(" not in owner.name and "(" in text:
        person = _bracketed_person(text, owners)
        if person is None:
            return None
        return [acting_for(owner, person)]
    if owner.kind is not ResponsibleKind.PERSON or not (at := _noted_at(text, owner.name)):
        return None
    for m in (_INSTITUTION_SUBJECT.match(text), _INSTITUTION_AGENT.search(text), *_BARE_SUBJECT.finditer(text[:at])):
        if m is None:
            continue
        if _ACRONYM.match(m.group("inst")):
            # "Das JC …", "macht der AG-S (Hr. Demir)": an abbreviation with an article names a body
            # (a person's initials take none).
            body = Responsible(name=m.group("inst"), kind=ResponsibleKind.INSTITUTION)
        elif _TEAM.match(m.group("inst")):
            body = Responsible(name=m.group("inst"), kind=ResponsibleKind.GROUP)  # "Café-Team", "Bau-AG"
        else:
            body = owners.responsible(m.group("inst"))
        if body is not None and body.kind in (ResponsibleKind.INSTITUTION, ResponsibleKind.GROUP):
            return [acting_for(body, owner.name, resolved=owner.resolved)]
    return None


# Where a note names the person doing a task: in a bracket, after an arrow or a dash, in a
# field ("(Fr. Baumgart)", "→ Fr. Sommer", "– RA", "Verantwortlich: Fr. Dittmann").
_NOTED = r"(?:\([^()]*|(?:-{1,2}>|→|⇒|\s[–—-])\s*|(?:Verantwortlich|Zuständig|Wer)\s*:\s*)"
# "ToDo: AA klärt …", "Café-Team prüft …", "…: Integrationsbüro prüft": a clause opening with a
# body's name and its verb (the article may be missing in notes).
_BARE_SUBJECT = re.compile(
    r"(?:^|:\s+)" + _TASK_LABEL + r"(?:(?:[Dd]er|[Dd]ie|[Dd]as)\s+)?"
    r"(?P<inst>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)\s+[a-zäöüß]")


def _noted_at(text: str, name: str) -> int:
    """Where the note names ``name`` as the one doing it (0: not named that way)."""
    m = re.search(_NOTED + re.escape(name), text)
    return m.start() if m else 0


_TEAM = re.compile(r"^[A-ZÄÖÜ][\w]*-(?:AG|Team|Gruppe|Kreis)$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}(?:-[A-ZÄÖÜ]{1,4})?$")
_BRACKET = re.compile(r"\((?P<inner>[^()]{2,80})\)")
_PEOPLE_SEPARATOR = re.compile(r"\s*(?:[,;/&]|\bund\b)\s*")


def _bracketed_person(text: str, owners: OwnerClassifier) -> str | None:
    """The person (or persons) a bracket names first: "(Fr. Hagedorn, vor den Osterferien)",
    "(Hr. Kuhlmann/Fr. Horn)"; None for a bracket holding anything else ("(JC)", "(Stand 12.03.)")."""
    m = _BRACKET.search(text)  # only the first bracket: a later one comments on something else
    if m is None:
        return None
    inner, end, pos = m.group("inner"), 0, 0
    for sep in _PEOPLE_SEPARATOR.finditer(inner + ","):
        part = inner[pos:sep.start()]
        found = owners.responsible(part) if part else None
        if found is None or found.kind is not ResponsibleKind.PERSON:
            break
        end, pos = sep.start(), sep.end()
    return inner[:end] or None


def with_dash_owner(text: str, found: list[Responsible], marked: list[Responsible]) -> list[Responsible]:
    """"Die Pressekonferenz organisiert die Geschäftsstelle – KB", "Gespräch mit der JAV (Lara Kuhn)
    zum Kneipenabend – MW": the owner after the last dash is the one the note names; an institution
    read from the sentence is the body that person acts for ("Geschäftsstelle (KB)")."""
    names = {o.name.casefold() for o in found}
    if all(o.name.casefold() in names for o in marked):
        return found
    if (together := body_and_person(found, marked)) is not None:
        return together
    # A person read from a bracket inside the note gives way; the subject ("Den Bogen schickt
    # Hr. Kühl … – HK": his own initials) stays.
    brackets = " ".join(re.findall(r"\(([^()]*)\)", text))
    return marked if all(o.name in brackets for o in found) else found


_BY_PHRASE = re.compile(r"\bdurch\s+(?:(?:den|die|das|dem|der)\s+)?(?P<rest>[^,;]+)")
_BY_END = re.compile(r"\s+(?:bis|zum|zur|ab|am|im|in|nach|vor)\b.*$", re.S)


def by_owner(text: str, extractor) -> list[Responsible]:
    """"… durch die Agentur für Arbeit Badenfurt (Hr. Hoppe) bis 30.06.": who does a task named as
    a noun, after "durch" (the longest owner phrase up to a deadline or the clause's end)."""
    m = _BY_PHRASE.search(text)
    if m is None:
        return []
    words = _BY_END.sub("", m.group("rest")).strip(" .!").split()
    for end in range(min(len(words), 6), 0, -1):
        if owners := extractor.owners(" ".join(words[:end]), lenient=True):
            return owners
    return []
