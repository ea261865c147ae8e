"""Owners written the way offices note them beside a task line.

- a bracket with owner and deadline: "Liste erstellen (HWK, bis KW 14)";
- initials or an abbreviation after a dash at the end of a note: "Raum anfragen bis Do – KB";
- an assignment line in a task list: "Flyer: Falk", "Frau Petrova: Einladung verschicken";
- "Auftrag an X: …", "Aufgabe für X: …".
"""
from __future__ import annotations

import re

from ..schema import Responsible, ResponsibleKind
from .deadlines import find_deadlines
from .lexicon import closes_with_participle, first_names, handle_like, opens_with_object_article
from .owners import HONORIFIC_RX, acting_for
from .text import ARROW, clean
from .vocabulary import action_cues

_BRACKET = re.compile(r"\((?P<inner>[^()]{1,80})\)\s*[.!]?\s*$")
# The owner after the last free-standing dash; hyphens inside words ("Bau-AG") belong to it.
_TRAILING_DASH = re.compile(r"\s[–—-]{1,2}\s*(?P<owner>(?:[^–—-]|(?<=\w)-(?=\w)){1,60}?)\s*[.!]?\s*$")
_ASSIGNED_TO = re.compile(r"^\s*(?:[-–•*]\s*)?(?:Auftrag|Aufgabe|Arbeitsauftrag|ToDo|To-do|TODO)\s+(?:an|für)\s+(?P<owner>[^:]{1,60}?)\s*:\s*(?P<task>.+)$", re.I | re.S)
_RESPONSIBLE_FOR = re.compile(
    r"^\s*(?:[-–•*]\s*)?(?:Zuständig|Verantwortlich)(?:keit)?\s+(?:für\s+)?(?P<task>[^:\s][^:]{2,80}?)\s*:\s*(?P<owner>\S.{0,80}?)\s*[.]?\s*$", re.I | re.S)
_COLON = re.compile(r"^\s*(?:[-–•*]\s*)?(?P<left>[^:]{1,60}?)\s*:\s*(?P<right>.+?)\s*$", re.S)
_PARTS = re.compile(r"\s*[,;]\s*")
_NICKNAME = re.compile(r"^\s*[a-zäöüß][a-zäöüß0-9_.-]{1,14}\s*$")
_ITEM_CODE = re.compile(r"^[A-Za-z]\s?\d{1,2}$")
_SQUARE = re.compile(r"\[([^\[\]]{0,40})\]")
# A time phrase the deadline grammar cannot date ("nach der Begehung", "vor den Osterferien").
_WHEN_LEAD = re.compile(r"^\s*(?:bis|nach|vor|spätestens|zum|zur|ab|ende|anfang|mitte|kw)\b", re.I)
_WHEN_AFTER_OWNER = re.compile(r"\s+(?:→\s*)?(?:bis|spätestens)\b")


def _cut_deadlines(text: str, extractor) -> tuple[str, bool]:
    """The text without its deadline expressions, and whether it had any."""
    found = find_deadlines(text, extractor.meeting_date, extractor.next_meeting)
    for m in reversed(found):
        text = text[: m.start] + text[m.end :]
    return text, bool(found)


def _only_deadline(segment: str, extractor) -> bool:
    """"bis 30.11.", "[KW 41]": a dash segment that is a deadline and nothing else."""
    rest, had = _cut_deadlines(_SQUARE.sub(r"\1", segment).strip(" .!"), extractor)
    return had and not re.search(r"\w", rest)


def _without_deadlines(text: str, extractor) -> tuple[str, bool]:
    """The bracket's parts that are not deadlines, and whether one was."""
    keep, had = [], False
    for part in _PARTS.split(text):
        if not part:
            continue
        found = find_deadlines(part, extractor.meeting_date, extractor.next_meeting)
        if found and sum(len(m.text) for m in found) >= 0.6 * len(part.strip()):
            had = True
            continue
        keep.append(part)
    return ", ".join(keep), had


# "Herr Amrani gemeinsam mit der Agentur": the joining words kept (split() returns them), so that a
# partner with its article counts only after "gemeinsam/zusammen mit".
_TOGETHER = re.compile(r"\s+(gemeinsam\s+mit|zusammen\s+mit|mit)\s+", re.I)
# "Arbeitsgruppe aus Fr. W., Hr. A. und Hr. M.", "Gruppe bilden aus …", "Team aus den Mitgliedern …":
# a group and its members (compiled with re.I by its users).
GROUP_OF_MEMBERS = r"[\w-]*(?:gruppe|team|kommission|kreis)\s+(?:(?:bilden|gebildet)\s+)?aus\s+(?:den\s+mitgliedern\s+)?(?P<members>[^;:()]+?)"


def owner_phrase(text: str, extractor, *, lenient: bool = False) -> list[Responsible]:
    """Owners from a noted owner phrase, its deadline parts dropped: "Fr. Hessler, bis 05.12.",
    "Hr. Stöckl und Fr. Ambrosius bis zur nächsten Sitzung", "Herr Amrani gemeinsam mit der Agentur"."""
    text, _ = _cut_deadlines(text, extractor)
    text = re.sub(r"\s+\.(?=\s|$)", " ", text).strip(" ,;:–-→>=")  # the full stop a removed deadline left, an arrow to it
    if not text:
        return []
    # the parts and the word that joined each to the one before ("mit", "gemeinsam mit", …)
    pieces = _TOGETHER.split(text)
    written = [p.strip() for p in pieces[::2]]
    joiners = [""] + [j.casefold() for j in pieces[1::2]]
    parts = [re.sub(r"^(?:der|die|das|dem|den)\s+", "", p, flags=re.I) for p in written]
    owners: list[Responsible] = []
    for part, as_written, joiner in zip(parts, written, joiners):
        found_owners = extractor.owners(part, lenient=lenient)
        if not found_owners and owners and joiner != "mit" and _PARTNER_WITH_ARTICLE.match(as_written):
            # "Herr Amrani gemeinsam mit der Agentur": the partner named with its article does it
            # too, as written, even when the minutes name it nowhere else.
            found_owners = [Responsible(name=part, kind=ResponsibleKind.UNKNOWN)]
        if not found_owners:
            return []
        owners.extend(found_owners)
    return owners


_PARTNER_WITH_ARTICLE = re.compile(r"^(?:der|dem|den)\s+[A-ZÄÖÜ][\w-]*(?:\s+(?:des|der)\s+[A-ZÄÖÜ][\w-]*)?$")


_PROMISED_FOR = re.compile(r"\bzu\s*,\s*dass\s+(?:der|die|das)\s+(?P<owner>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,3})\s")


_ARTICLE_BODY = re.compile(r"^(?:[Dd]er|[Dd]ie|[Dd]as)\s+[A-ZÄÖÜ][\w-]{3,}$")  # lower case after ";"
# Only a promise proper makes its subject the one who acts ("Die Stelle werde … besetzt" does not).
_PROMISE_VERB = re.compile(r"\b(?:sagt|sagte|sagen|sagten|zugesagt|verspricht|versprach|versprechen|versprachen|kündigt|kündigte|bereit)\b")
_ONE_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?$")


# "Fr. Dr. Keller", "Hr. Lutz" opening the sentence: the name a lazily matched owner ("Fr.") stops short of.
_TITLED_START = re.compile(r"^\W*(?:Fr|Hr)\.\s+(?:Dr\.\s+|Prof\.\s+)*[A-ZÄÖÜ][\w-]+")


def promise(text: str, extractor, patterns) -> tuple[list[Responsible], str] | None:
    """"Die Verwaltung sagt zu, …", "X erklärt sich bereit, …", "Der Beirat bittet die Verwaltung, …";
    "Hr. Grün sagt zu, dass der Bauhof … ausbessert": the one promised for does it."""
    for rx in patterns:
        m = rx.search(text)
        # "Der Verein wird … eingeladen", "Dem Ortsbeirat wird … übergeben": a passive's or a dative's noun does nothing.
        if m and not (" wird " in m.group(0) and closes_with_participle(m.group(0))) and not (
                m.start("owner") == 0 and opens_with_object_article(m.group("owner"))):
            if (f := _PROMISED_FOR.search(text, m.end() - 3)) is not None and (doers := extractor.owners(f.group("owner"), lenient=True)):
                return doers, text
            owner = re.sub(r"^(?:der|die|das|den|dem)\s+", "", m.group("owner").strip(), flags=re.I)
            # "Er sagte zu, …": the man (or woman) named last before it.
            named = extractor.last_named.get(owner.casefold()) if owner in ("Er", "Sie", "er", "sie") else None
            owners = extractor.owners(named or owner, handles=True)
            if owners and owner.rstrip(".") in ("Fr", "Hr") and (full := _TITLED_START.match(text)):
                owners = extractor.owners(full.group(0), handles=True) or owners  # "Fr. Rehage bietet an, …": not "Fr"
            if not owners and _ONE_NAME.match(owner):
                # "Amrhein sagte zu, …": who promises is named by the sentence's subject, known or not.
                owners = extractor.owners(owner, lenient=True)
            if not owners and _ARTICLE_BODY.match(m.group("owner").strip()) and _PROMISE_VERB.search(m.group(0)):
                # "Die Kolpingsfamilie habe zugesagt, …": a body named with its article.
                owners = [Responsible(name=owner, kind=ResponsibleKind.INSTITUTION)]
            if not owners and owner.casefold().startswith("alle "):
                owners = [Responsible(name=owner, kind=ResponsibleKind.GROUP)]  # "bittet alle Mitglieder, …"
            if owners:
                return owners, text
    return None


def bracket_owner_with_deadline(text: str, extractor) -> tuple[list[Responsible], str] | None:
    """"Liste erstellen (HWK, bis KW 14)": a closing bracket naming owners and a deadline."""
    m = _BRACKET.search(text)
    if not m:
        return None
    rest, had_deadline = _without_deadlines(m.group("inner"), extractor)
    if not had_deadline or not rest:
        return None
    owners = extractor.owners(rest, lenient=True)
    if not owners and _NICKNAME.match(rest):
        # "(fenja, diese Woche)": pads write nicknames in lower case; beside a deadline it names who.
        owners = [Responsible(name=rest.strip(), kind=ResponsibleKind.PERSON)]
    if not owners:
        return None
    return owners, text[: m.start()].strip(" ,;:")


def trailing_dash_owner(text: str, extractor, *, lenient: bool = False) -> tuple[list[Responsible], str] | None:
    """"Raum anfragen bis nächsten Do – KB": an owner after the last dash of a note; also
    "– Geschäftsstelle – bis 30.11." (the deadline in a dash segment of its own) and
    "– KB [bis 10.09.]". ``lenient``: the line is marked as a task ("ToDo: … – Wagner"), so
    an unknown surname after the dash is its owner too."""
    dated = False
    if (shorter := without_trailing_deadline(text, extractor)) is not text:
        text, lenient, dated = shorter, True, True  # "task – owner – deadline": the middle segment can only be the owner
    m = _TRAILING_DASH.search(text)
    if not m:
        return None
    phrase = _SQUARE.sub(lambda b: " " + b.group(1) + " ", m.group("owner")).strip()
    if len(phrase.split()) > 9 or not (phrase[:1].isupper() or phrase.startswith("alle ")):
        return None
    owners = owner_phrase(phrase, extractor, lenient=lenient)
    if not owners and re.search(r"\s[A-ZÄÖÜ]$", phrase) and text.rstrip().endswith("."):
        owners = owner_phrase(phrase + ".", extractor, lenient=lenient)  # "– Katrin W.": the full stop is the initial's
    head, comma, tail = phrase.partition(",")
    if not owners and comma and (_only_deadline(tail, extractor) or _WHEN_LEAD.match(tail)):
        # "– Vorbereitungsgruppe, bis 30.04.", "– Ordnungsamt, nach der Begehung": who, then when.
        owners = owner_phrase(head, extractor, lenient=True)
    if not owners and (when := _WHEN_AFTER_OWNER.search(phrase)):
        # "– MK bis Fr", "– ts → nach dem Release": who, then a time the deadline grammar cannot date.
        owners = owner_phrase(phrase[: when.start()], extractor, lenient=True)
    if not owners:
        return None
    task = text[: m.start()].strip(" ,;:")
    # One word before the dash is a task only with a deadline beside the owner ("Flyer-Entwurf – Fr.
    # Çelik [bis 15.04.]"); without one it is a role ("Protokoll – Fr. Kuhn").
    if len(task.split()) < 2 and not (task and (dated or _cut_deadlines(phrase, extractor)[1])):
        return None
    return owners, task


def assigned_to(text: str, extractor) -> tuple[list[Responsible], str] | None:
    """"Auftrag an Frau Kühn: …", "Aufgabe für das Jobcenter: …"; "Zuständig für Buchung: Nour +
    Mira", "Verantwortlich Gespräch mit Netto: JT." (what the owner is responsible for, then who)."""
    if (r := _RESPONSIBLE_FOR.match(text)) is not None and (owners := owner_phrase(r.group("owner"), extractor, lenient=True)):
        return owners, clean(r.group("task"))
    m = _ASSIGNED_TO.match(text)
    if not m:
        return None
    owner = re.sub(r"^(?:die|den|der|das)\s+", "", m.group("owner").strip(), flags=re.I)
    # "auftrag an jonas: gucken, ob …": where only an owner stands, a pad's lower-case name is one.
    owners = extractor.owners(owner, lenient=True) or extractor.owners(owner, lenient=True, handles=True)
    return (owners, clean(m.group("task"))) if owners else None


def colon_assignment(text: str, extractor) -> tuple[list[Responsible], str] | None:
    """In a task list: "Flyer: Falk" (task, then owner) or "Frau Petrova: Einladung verschicken"."""
    m = _COLON.match(text)
    if not m:
        return None
    left, right = m.group("left").strip(), m.group("right").strip()
    if _ITEM_CODE.match(left):
        # "A3: Flyer verteilen": the item's kind and number, not its owner; "A5: Einladung: Fr. Jäger,
        # bis 15.04.": the assignment after it
        return colon_assignment(right, extractor) if ":" in right else None
    right_owners = owner_phrase(right.rstrip(".!"), extractor) if len(right.split()) <= 9 else []
    if right_owners:
        return right_owners, left
    # "Jann: Räume, Absolventenfeier": one capitalised word before the colon of a task
    # list item is its owner, known from the attendance list or not.
    left_owners = extractor.owners(left, lenient=len(left.split()) == 1) if len(left.split()) <= 4 else []
    if left_owners:
        return left_owners, right
    return None


# "… werden von Frau Krug … verschickt", "… wird vom Hausmeister … aufgestellt", "… wird durch die
# Geschäftsstelle … geklärt": a present passive (not "wurde") ending in its participle.
# "von der Schulleitung", "vom Jobcenter", "durch die Geschäftsstelle": who a passive's action is done by.
_AGENT_PREPOSITION = r"(?:von\s+der|von\s+dem|von\s+den|vom|von|durch\s+die|durch\s+den|durch\s+das|durch)"
_PASSIVE_AGENT = re.compile(
    # "… sollen von Herrn Ott bis Freitag geprüft werden": a modal with the passive's "werden" at the end
    rf"\b(?:wird|werden|soll|sollen|sollte|sollten|muss|müssen)\b[^.;:]*?\b{_AGENT_PREPOSITION}\s+"
    r"(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+(?:[A-ZÄÖÜ][\w.-]*|und|sowie))*)\s+"
    # "… genehmigt werden.": the participle before a closing infinitive of "werden", not "werden" itself
    r"(?:[^;:]*?\s)?(?P<participle>(?!(?:werden|worden)\b)[a-zäöüß][\w-]*(?:t|en))(?:\s+(?:werden|worden))?\s*[.!]?\s*$")


def passive_agent(text: str, extractor, *, has_deadline: bool, cues) -> list[Responsible] | None:
    """"Die Einladungen werden von Frau Krug bis zum 01.11. verschickt", "Der Termin wird von der
    Schulleitung noch bekanntgegeben": the agent of a passive still to come does it."""
    # The pattern (case-sensitive) needs "wird"/"werden" and "von"/"vom"/"durch": most sentences lack one.
    if not (("wird" in text or "werden" in text) and ("von" in text or "vom" in text or "durch" in text)):
        return None
    m = _PASSIVE_AGENT.search(text)
    if m is None or m.group("participle").casefold() in cues.passive_state:
        return None
    if not (has_deadline or cues.passive_future.search(text) or m.group("participle").casefold() in cues.passive_task):
        return None  # "Die Sitzung wird vom Vorsitzenden eröffnet": what happens in the meeting
    owners = extractor.owners(_nominative(m.group("owner")), handles=True)
    return owners or None


def _nominative(agent: str) -> str:
    """"von Herrn Lasall": the dative of the honorific names the same person."""
    return re.sub(r"^Herrn\b", "Herr", agent)


# "Die Unterlagen sind den Mitgliedern … durch die Geschäftsstelle zuzuleiten": "sein" with a
# zu-infinitive at the end says what must be done, the agent after durch/von who does it.
_OBLIGATION_AGENT = re.compile(
    rf"\b(?:ist|sind)\b[^.;:]*?\b{_AGENT_PREPOSITION}\s+"
    r"(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*)*)\s+(?:[^;:]*?\s)?(?:\w+zu[a-zäöüß]+en|zu\s+[a-zäöüß]+en)\s*[.!]?\s*$")


def obligation_agent(text: str, extractor) -> list[Responsible] | None:
    if not (("ist" in text or "sind" in text) and "zu" in text):
        return None  # the pattern needs both: most sentences lack one
    m = _OBLIGATION_AGENT.search(text)
    return (extractor.owners(_nominative(m.group("owner"))) or None) if m else None


def without_trailing_deadline(text: str, extractor) -> str:
    """"Workshop organisieren (MH, KD) – bis Mitte Mai" without its last dash segment when that
    is only a deadline, so that the bracket before it ends the line."""
    m = _TRAILING_DASH.search(text)
    if m and _only_deadline(m.group("owner"), extractor):
        return text[: m.start()].rstrip(" ,;")
    # "Mail an die Rechtsabteilung (sb) bis Ende April": a deadline right after the bracket.
    m = _DEADLINE_AFTER_BRACKET.search(text)
    if m and _only_deadline(m.group("tail"), extractor):
        return text[: m.start() + 1]
    return text


_DEADLINE_AFTER_BRACKET = re.compile(r"\)\s*,?\s*(?P<tail>(?:bis|spätestens|zum|zur|ab)\b[^()]{1,40}?)\s*[.!]?\s*$", re.I)


# "Herr Amrani gemeinsam mit der Agentur", "… wurde gebeten, zusammen mit Hr. Frings …",
# "Nico: Kaffeemaschine (mit Arne)": co-owners.
_CO_OWNER = re.compile(
    r"(?:\b(?:gemeinsam|zusammen)\s+mit|\(\s*mit)\s+(?:der|dem|den)?\s*(?P<owner>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})")


def co_owners(text: str, extractor, owners: list[Responsible]) -> list[Responsible]:
    """The owners plus those named with "gemeinsam mit" / "zusammen mit"."""
    m = _CO_OWNER.search(text) or (action_cues().works_with.search(text) if " mit " in text else None)
    if not owners or m is None:
        return owners
    known = {o.name.casefold() for o in owners}
    found = extractor.owners(m.group("owner"))
    if m.groupdict().get("names"):  # bare names after the verb's "mit": persons the minutes know, or none
        found = found if found and all(o.kind is ResponsibleKind.PERSON and (o.resolved or o.name.split()[0].casefold() in first_names()) for o in found) else []
    elif not found and (head := extractor.institution_head(m.group("owner").split()[0])) is not None:
        found = [head]  # "gemeinsam mit der Agentur"
    extra = [o for o in found if o.name.casefold() not in known]
    return owners + extra


# "PSZ stellt …", "Die VHS erstellt …", "RD NSB bereitet … vor": a body (up to three words) as the subject.
_LEADING_SUBJECT = re.compile(r"^(?:[A-Z]\d{1,2}:\s*|ToDo:\s*|TODO:\s*)?(?:(?:Der|Die|Das)\s+)?(?P<subject>[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2})\s+(?P<verb>[a-zäöüß]\w*t)\b")
_CLOSING_BRACKET = re.compile(r"\((?P<inner>[^()]{2,50})\)\s*[.!]?\s*(?:,[^()]*)?$")


def handle_owner(word: str) -> list[Responsible]:
    """A pad's lower-case handle as the owner ("TODO mira: …", "ToDo: pt schreibt …"), when it is no German word."""
    return [Responsible(name=word, kind=ResponsibleKind.PERSON)] if handle_like(word) else []


def body_with_person(text: str, extractor, owners: list[Responsible]) -> list[Responsible]:
    """"PSZ stellt eine Konzeptskizze zusammen (Fr. Dr. Vossberg)", "LAGeSo stellt … vor | Hr. Wagner":
    a body doing the task as the sentence's subject and the one person named for it (in a closing
    bracket, or in a cell beside it) own it together, as "PSZ (Fr. Dr. Vossberg)"."""
    if len(owners) != 1:
        return owners
    found = owners[0]
    if _bodyish(found, extractor):
        # one bracket only: "übernimmt das Jobcenter (Fr. K.), die Ansprache die KHS (Fr. B.)" pairs each
        m = _CLOSING_BRACKET.search(text) if text.count("(") == 1 else None
        named = extractor.owners(m.group("inner").split(",")[-1].strip()) if m else []
        if len(named) == 1 and _named_person(named[0]):
            return [acting_for(found, named[0].name)]
        return owners
    if _named_person(found) and (sm := _LEADING_SUBJECT.match(text)) and sm.group("verb") in action_cues().any_task_verb:
        # not a working group of the meeting ("Der AK verständigt sich …"): a body outside it
        body = [b for b in extractor.owners(sm.group("subject"), lenient=True)
                if _bodyish(b, extractor) and b.kind is not ResponsibleKind.GROUP]
        if len(body) == 1 and body[0].name.casefold() != found.name.casefold():
            return [acting_for(body[0], found.name)]
    return owners


def _bodyish(owner: Responsible, extractor) -> bool:
    """An institution or group, or an abbreviation of three letters or more that is no attendee's
    initials ("PSZ", "BZG": bodies as minutes abbreviate them)."""
    if "(" in owner.name:
        return False  # "Gesundheitsamt (Fr. Dr. Haddad)": already with its person
    if owner.kind in (ResponsibleKind.INSTITUTION, ResponsibleKind.GROUP):
        return True
    return (owner.kind is ResponsibleKind.PERSON and owner.name.isupper() and len(owner.name) >= 3
            and extractor.people.resolve(owner.name) is None)


def _named_person(owner: Responsible) -> bool:
    """A person named by name ("Fr. Dr. Vossberg", "Hr. Wagner", "Anna Roth"), not by initials."""
    return (owner.kind is ResponsibleKind.PERSON and not owner.name.isupper() and "(" not in owner.name
            and (bool(re.match(HONORIFIC_RX, owner.name)) or len(owner.name.split()) >= 2))


_NAME_LIST_PARTS = re.compile(r"\s*(?:[–—,;/]|\s-\s|\bund\b)\s*")


def names_only(text: str, extractor) -> bool:
    """"Lea Brunnhuber (Protokoll) – Malte Osterkamp (Sprecher)": a line of names with their roles
    (a signature, an attendance line) states no task."""
    bare = re.sub(r"\s*\([^()]*\)", " ", text).strip(" .")
    label, colon, rest = bare.partition(":")
    if colon and len(label.split()) <= 8 and _names(rest, extractor, minimum=2):
        return True  # "Für die Stadt Kaltenbrunn: Hr. Dr. Armin Lohse (Vorsitz), Fr. Sabine Tewes (…)"
    return _names(bare, extractor, minimum=2)


# Lower-case words a list of names may hold ("Ute von Berg", "A und B"); any other means prose.
_NAME_PARTICLES = frozenset({"und", "von", "van", "de", "der", "den", "zu", "vom", "zum"})
_WORDS = re.compile(r"[^\W\d_][\w.-]*")


def _names(text: str, extractor, *, minimum: int) -> bool:
    if any(w[0].islower() and w not in _NAME_PARTICLES for w in _WORDS.findall(text)):
        return False  # most sentences: no need to resolve owners
    parts = [p for p in _NAME_LIST_PARTS.split(text) if p.strip()]
    return len(parts) >= minimum and all(len(p.split()) <= 5 and _is_person(p.strip(), extractor) for p in parts)


_HONORIFIC_START = re.compile(rf"^{HONORIFIC_RX}\s+[A-ZÄÖÜ]")


def _is_person(text: str, extractor) -> bool:
    if _HONORIFIC_START.match(text):
        return True  # "Hr. Bürgermeister Dr. Armin Lohse": a role between honorific and name
    owners = extractor.owners(text)
    return bool(owners) and all(o.kind is ResponsibleKind.PERSON for o in owners)


# "Texte für die Website abstimmen: Welcome Center und WFG, bis Ende Juni": a task ending in its
# infinitive, then who does it.
_TASK_COLON = re.compile(r"^\s*(?:[-–•*]\s*)?(?P<task>[^:]{6,120}?\b[a-zäöüß]\w*(?:en|ern|eln))\s*:\s*(?P<owner>[^:]{2,80})$", re.S)
# "→ Wittmann/Fink, Messprogramm bis Ende Juli abstimmen": the owners first, after an arrow.
_LEADING_ARROW = re.compile(
    r"^\s*" + ARROW + r"\s*(?P<owner>[^,;:]{2,60}?)\s*,\s*(?P<task>.{6,}?\b[a-zäöüß]\w*(?:en|ern|eln))\s*[.!]?\s*$", re.S)


def task_colon_owners(text: str, extractor) -> tuple[list[Responsible], str] | None:
    if ":" not in text:
        return None  # the pattern needs one; most sentences have none
    m = _TASK_COLON.match(text)
    if m is None:
        return None
    owners = owner_phrase(m.group("owner"), extractor)
    return (owners, m.group("task").strip()) if owners else None


def leading_arrow_owners(text: str, extractor) -> tuple[list[Responsible], str] | None:
    m = _LEADING_ARROW.match(text)
    if m is None:
        return None
    owners = extractor.owners(m.group("owner"), lenient=True)
    return (owners, m.group("task").strip()) if owners else None


# "Redaktionsplan erstellen @Selin", "… spätestens Do @Ralf, @Eva", "@Ralf: Konzept an die Schulleitung":
# a mention (chat, pad and e-mail notes) names who does it; not an address ("info@verein.de").
_MENTION = re.compile(r"(?<!\S)@(?P<name>[^\W\d_][\w.-]*)")
_MENTIONS_END = re.compile(r"(?:(?:\s*(?:,|und|&|\+|/)\s*|\s+)(?<!\S)@[^\W\d_][\w.-]*)+\s*[.!]?\s*$")
_MENTIONS_START = re.compile(r"^\s*(?:[-•*]\s*)?(?P<owners>@[^\W\d_][\w.-]*(?:\s*(?:,|und|&|\+|/)\s*@[^\W\d_][\w.-]*)*)\s*:\s*(?P<task>\S.{4,})$", re.S)


_SPACED_MENTION_END = re.compile(r"\s@\s+(?P<owners>[^\W\d_][\w.\- ]{0,40}?(?:\s*(?:,|\bund\b|&|\+|/)\s*[^\W\d_][\w.\- ]{0,40}?){0,4})\s*[.!]?\s*$")
_OWNER_SEPARATORS = re.compile(r"\s*(?:,|\bund\b|&|\+|/)\s*")


def mentioned_owners(text: str, extractor) -> tuple[list[Responsible], str] | None:
    if "@" not in text:
        return None
    if (found := _mentioned(text, extractor)) is not None:
        return found
    # "Entwurf Stellungnahme @Novak @Schütz bis 27.02.": the mentions before a deadline.
    due = extractor.due(text)
    if due is not None and due.text and text.rstrip(" .!").endswith(due.text.rstrip(" .!")):
        return _mentioned(text[: text.rfind(due.text)].rstrip(" ,;–-"), extractor)
    return None


def _mentioned(text: str, extractor) -> tuple[list[Responsible], str] | None:
    if (m := _MENTIONS_START.match(text)) is not None:
        names, task = [n.group("name") for n in _MENTION.finditer(m.group("owners"))], m.group("task")
    elif (m := _MENTIONS_END.search(" " + text)) is not None:
        names, task = [n.group("name") for n in _MENTION.finditer(m.group(0))], (" " + text)[: m.start()]
    elif (m := _SPACED_MENTION_END.search(text)) is not None:
        # "Dhd-Arbeitskreis anmelden @ Michael Dahnke + Konstantin Baierer": "@ " before whole names.
        names, task = [n.strip() for n in _OWNER_SEPARATORS.split(m.group("owners")) if n.strip()], text[: m.start()]
    else:
        return None
    owners = [o for name in names for o in extractor.owners(name, lenient=True)]
    task = task.strip(" ,;:–-")
    return (owners, task) if owners and len(task.split()) >= 2 else None


# "RFC als Design-Doc – TODO Lea, bis nächster Call", "Tutorial veraltet – TODO dh": a task marker
# after a dash at the end of a note, with who does it (if the name resolves) and a deadline.
_TRAILING_TODO = re.compile(r"\s[–—-]{1,2}\s*(?:todo|to-do|to do)\b\s*:?\s*(?P<owner>[^,;:()]{0,40}?)\s*(?:,\s*(?P<rest>[^,;]{0,60}))?\s*[.!]?\s*$", re.I)


def _before_marker(text: str, marker: re.Pattern) -> tuple[re.Match, str] | None:
    """A marker ending a task line ("– TODO Lea", ", Zuständig: JC") and the task before it (two words at least)."""
    m = marker.search(text)
    if m is None:
        return None
    task = text[: m.start()].strip(" ,;:–-")
    return (m, task) if len(task.split()) >= 2 else None


def trailing_todo(text: str, extractor) -> tuple[list[Responsible], str] | None:
    low = text.lower()
    if not ("todo" in low or "to-do" in low or "to do" in low) or (found := _before_marker(text, _TRAILING_TODO)) is None:
        return None
    m, task = found
    written = m.group("owner").strip()
    owners = extractor.owners(written, lenient=True) if written else []
    if not owners and _ONE_WORD.match(written):
        owners = [Responsible(name=written, kind=ResponsibleKind.UNKNOWN)]  # "TODO dh": initials not in the attendance list
    return owners, task


_ONE_WORD = re.compile(r"^[^\W\d_][\w.-]{0,19}$")


# "Kassenprüfung mit den Prüfern vereinbaren, Zuständig: JC.", "… – Verantwortlich: Fr. Hübner, bis 30.04.":
# an owner field at the end of a task line (its own line is read by task_fields).
_TRAILING_FIELD = re.compile(
    r"(?:[,;.]|\s[–—-])\s*(?:verantwortlich(?:e|keit)?|zuständig(?:keit)?|federführung|federführend|wer)\s*:\s*(?P<owner>[^:]{1,80}?)\s*[.!]?\s*$", re.I)


def trailing_field_owner(text: str, extractor) -> tuple[list[Responsible], str] | None:
    if ":" not in text or (found := _before_marker(text, _TRAILING_FIELD)) is None:
        return None
    m, task = found
    written, _ = _without_deadlines(m.group("owner"), extractor)
    owners = extractor.owners(written, lenient=True) if written else []
    return (owners, task) if owners else None
