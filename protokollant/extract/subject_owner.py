"""The owner in subject position: "Frau Rasche klärt …", "…, SD sollte noch drüber
schauen", "--> DN macht Pad auf", and the weaker readings with the owner after the
verb ("Bis dahin sammelt Paolo …")."""
from __future__ import annotations

import re
from collections import Counter

from ..schema import Responsible, ResponsibleKind
from .lexicon import NON_SUBJECT_ARTICLES, closes_with_participle, first_names, names_a_group, opens_with_object_article
from .owner_forms import GROUP_OF_MEMBERS
from .owners import HONORIFIC_WORDS, INITIALS, OwnerClassifier
from .text import INFINITIVE_END
from .units import Unit, doc_orths
from .vocabulary import action_cues

_CLAUSE_ENDS = {";", "|", "--", "->", "-->", "→", "=>", "⇒"}
_CLAUSE_BOUNDARIES = {",", ";", ":", "-", "–", "—", "--", ">", "->", "-->", "→", "=>", "⇒", "•", "*", "|"}
_WORD = re.compile(r"\w+")
_ARTICLES = {"der", "die", "das", "den", "dem"}
_SUBJECT_ARTICLES = _ARTICLES - NON_SUBJECT_ARTICLES  # "schicken dem GMSH einen Entwurf": no subject after the verb
_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}|[a-z])[.)]\s+")
_THIRD_PARTY = re.compile(r"\b(?:bei|beim)\s+\w", re.I)
# A participle followed by "werden"/"bleiben" at the end: a passive ("… beibehalten werden").
_WERDEN = frozenset({"wird", "werden", "werde"})
_PARTICIPLE_END = re.compile(r"^[^,;:]*\s[a-zäöüß]\w*t[\s.!]*$")
_PASSIVE_END = re.compile(r"\b\w+(?:t|en)\s+(?:werden|bleiben|worden)\b[\s.!]*$", re.I)


# "Eine Arbeitsgruppe aus Frau W., Herrn A. und Herrn M." before the verb: matched from the sentence's
# start, since the commas of the member list end the clause the subject search looks at.
_GROUP_OF_MEMBERS = re.compile(rf"^\W*(?:eine|ein|die|das)\s+{GROUP_OF_MEMBERS}\s*$", re.I)
_GROUP_SUBJECT = re.compile(r"^(?:(?:der|die|das|unser|unsere)\s+)?(?P<group>(?:\d\.\s*)?[A-ZÄÖÜ][\w-]+)$", re.I)
_PLURAL_GROUP_HEADS = ("gruppen", "teams", "ausschüsse", "gremien", "kreise", "räte", "stellen", "ämter", "vereine", "verbände", "initiativen", "kommissionen")


def _group_subject(subject: str, verb: str) -> list[Responsible]:
    """The group a compound subject names ("Festkomitee", "Der 2. Schützenmeister") when the verb
    agrees with it; none for "Serviceteam fragen wegen …" (a plural verb or an infinitive note
    makes the team its object)."""
    m = _GROUP_SUBJECT.match(subject)
    if m is None:
        return []
    group = m.group("group")
    if not names_a_group(group.split()[-1].split(".")[-1]):  # "2. Schützenmeister" → "Schützenmeister"
        return []
    if verb.endswith("en") and not group.casefold().endswith(_PLURAL_GROUP_HEADS):
        return []
    return [Responsible(name=group, kind=ResponsibleKind.GROUP)]


def _body_provides(verb: str, tokens, i: int, subject: str, owners: list[Responsible]) -> bool:
    """"Die ABH stellt dafür eine Checkliste zur Verfügung": a body providing something states what it
    offers; a person doing so commits to it ("Frau Vogt stellt ihre Folien zur Verfügung")."""
    return verb in ("stellt", "stellen") and _clause_ends_with(tokens, i, _PROVIDES) and (
        subject.split()[0].casefold() in _ARTICLES or not all(o.kind is ResponsibleKind.PERSON for o in owners))


def _clause_ends_with(tokens, i: int, particles: frozenset[str]) -> bool:
    """"stellt Flyer und Roll-up bereit", "wertet bis zur Sitzung aus, wie …": the last word of the
    verb's clause is one of its separable particles."""
    last = None
    for tok in tokens[i + 1:]:
        if tok.text in (",", ";", ".", "!", "?", ":"):
            break
        last = tok
    return last is not None and last.lower_ in particles


def subject_owner(unit: Unit, extractor: OwnerClassifier, has_deadline: bool) -> tuple[list[Responsible], str] | None:
    """'Frau Rasche klärt …', '…, SD sollte noch drüber schauen', '--> DN macht Pad auf',
    'Thomas und Julia erstellen …', 'X wird sich … kümmern'.

    The subject is what stands between the start of the clause (sentence start,
    comma, dash, arrow, colon) and a task verb at most seven words later.
    """
    cues = action_cues()
    if cues.any_task_verb.isdisjoint(_WORD.findall(unit.text.lower())):
        return None
    tokens = [t for t in unit.span if not t.is_space]
    fallback: tuple[list[Responsible], str] | None = None
    start, depth, words = 0, 0, 0  # words: clause words before this token, brackets not counted
    for i, tok in enumerate(tokens):
        word = tok.text  # read once: each access looks the string up
        if word == "(":
            depth += 1
            continue
        if word == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue  # "Frau Dr. Yilmaz (Referat …) stellt …": the bracket is a role
        if word in _CLAUSE_BOUNDARIES and not (word == ":" and _gender_colon(tokens, i)):
            start, words = i + 1, 0
            continue
        words += 1
        lower = tok.lower_
        if words == 1 and start > 0 and tokens[start - 1].text == "," and fallback is None and (
                (lower in cues.strong_verbs and lower not in cues.narrative_when_followed and lower not in ("fragt", "fragen"))
                or (lower in cues.auxiliaries and INFINITIVE_END.search(unit.text))):
            # "Herr Rauscher verweist auf den Landkreis, will die Anregung aber weitergeben": a clause
            # without its own subject goes on with the sentence's.
            fallback = _sentence_subject(tokens, start, extractor, unit)
            if fallback is None and word[:1].islower() and (after := owner_after(tokens, i + 1, extractor, honorific=True)):
                # "Um eine Übersicht zu bekommen, wird Katrin eine Liste erstellen": after a fronted
                # clause the verb comes first and its subject right after it.
                fallback = after, clause_text(unit, tokens, 0)
            continue
        if not 2 <= words <= 8:
            continue
        strong = lower in cues.strong_verbs or (
            lower in cues.particle_verbs and _clause_ends_with(tokens, i, cues.particle_verbs[lower])
            # "teilt den Eltern den Termin mit" informs someone; "teilt mit, dass …" reports
            and not (i + 1 < len(tokens) and tokens[i + 1].lower_ in _REPORTING_PARTICLES)) or (
            # "Fr. Dr. Albers lässt die Einwilligung … prüfen": having a task done is the task.
            lower in ("lässt", "lassen") and _clause_ends_with(tokens, i, cues.strong_verbs))
        weak = lower in cues.weak_verbs and not strong
        future = lower in cues.auxiliaries
        if not (strong or weak or future):
            continue
        # "Herr K. ergänzt, dass …" reports what someone said; "Tom prüft, ob …" is an inquiry to make.
        # "Herr G. erstellt, zusammen mit Hr. H., eine Liste": a co-owner set off by commas.
        if i + 1 < len(tokens) and tokens[i + 1].text in (",", ":") and not (
                tokens[i + 1].text == "," and i + 2 < len(tokens) and (
                    (tokens[i + 2].lower_ in _INQUIRY_WORDS and lower in _INQUIRY_VERBS)
                    or tokens[i + 2].lower_ in ("zusammen", "gemeinsam"))):
            continue
        # "SJ redet mit seiner Gruppe, ob …": talking to someone to find out is an inquiry to make.
        if weak and not has_deadline and not (lower in cues.consult_verbs and cues.consult.search(unit.text)):
            if fallback is None and i > start and (closing := _closing_owner(tokens, i + 1, extractor)):
                # "Antrag auf Kostenübernahme stellt Hr. Böttcher.", "Den Vortrag hält Fr. Lenz.": the
                # object first, the person who does it closing the sentence after the verb.
                fallback = closing, clause_text(unit, tokens, start)
            continue
        # "Frau X informiert über den Stand", "… erkundigt sich nach …": a report or question in
        # the meeting, unless someone outside is asked ("… informiert sich beim Amt").
        if (after := cues.narrative_when_followed.get(lower)) and _followed_by(tokens, i, after) and not (
                _THIRD_PARTY.search(unit.text) or _clause_ends_with(tokens, i, _NACH)):
            continue
        # "Herr G. fragt außerdem, warum …": a question put in the meeting, not an inquiry to make.
        if lower in ("fragt", "fragen") and (
            cues.question.search(unit.text) or cues.meeting_question.search(unit.text)
        ):
            continue
        if future and not (INFINITIVE_END.search(unit.text) or has_deadline):
            continue
        # "Die AGs sollen so beibehalten werden": in a passive the subject is what is acted on.
        if future and _PASSIVE_END.search(unit.text):
            continue
        # "Fr. Vogt wird zum 01.09. als Mesnerin eingestellt": "werden" with a participle ending the
        # main clause is a passive too (a future ends in the infinitive: "wird … einstellen").
        if tok.lower_ in _WERDEN and (_PARTICIPLE_END.search(rest := unit.text[tok.idx - unit.span.start_char:])
                                      or closes_with_participle(re.split(r"[,;:]", rest, maxsplit=1)[0])):  # "… wird zur Sitzung eingeladen"
            continue
        doc = unit.span.doc
        if (strong or future) and " aus " in unit.text and (members := _GROUP_OF_MEMBERS.match(doc[tokens[0].i : tok.i].text)) and (
                owners := extractor.owners(members.group("members"), lenient=True)):
            # "Eine Arbeitsgruppe aus Frau W., Herrn A. und Herrn M. bereitet … vor": its members do it.
            return owners, clause_text(unit, tokens, 0)
        before = doc[tokens[start].i : tok.i].text
        subject = re.sub(r"\s*\([^)]*\)", "", before).strip(" -•*–:")
        # "Dem Ortsbeirat wird das Material übergeben": a dative (or accusative) opening is no subject.
        owners = [] if opens_with_object_article(subject) else extractor.owners(subject)
        if not owners and (number := _ITEM_NUMBER.match(subject)):
            owners = extractor.owners(subject[number.end():])  # "4. Tim übernimmt Cleanup": a typed item number
        if not owners and subject.startswith("@") and (strong or future):
            owners = extractor.owners(subject[1:], lenient=True)  # "@Brenner holt … ein": a mention names a person
        # "Festkomitee kümmert sich …", "Die Verwaltungsstelle wird beauftragt": a compound whose head
        # names a group, as the subject of a task verb that agrees with it ("Serviceteam fragen wegen
        # Ordner": a plural verb or an infinitive note makes the group its object). An owner noted in
        # brackets ("Café-Team prüft … (RA)") is read by the bracket rules instead.
        if not owners and (strong or future) and "(" not in unit.text:
            owners = _group_subject(subject, lower)
        if owners and lower in _TAKE_ON and all(o.kind is ResponsibleKind.GROUP for o in owners) and (
                person := owner_after(tokens, i + 1, extractor, honorific=True)) and all(o.kind is ResponsibleKind.PERSON for o in person):
            # "Die Moderation übernehme Frau Strobel": after "übernehmen" a person right after the verb is
            # its subject, the noun before it (a role) the object put first ("Der Vorstand lädt Frau
            # Keller … ein" keeps its subject).
            owners = person
        # "Getrud besorgt den Punsch" … "Getrud sammelt den Beitrag ein": an unlisted name or handle
        # in subject position before a task verb, named more than once in the minutes.
        if not owners and strong and lower not in cues.generic_verbs and 1 <= len(subject.split()) <= 3 and _named_again(subject, unit.span.doc):
            owners = extractor.owners(subject, handles=True)
        # "Verein X macht Filmprojekte mit Jugendlichen" describes what an outside body
        # does; with a generic verb an institution's task needs a deadline.
        if owners and not has_deadline and lower in cues.generic_verbs and all(
            o.kind is ResponsibleKind.INSTITUTION for o in owners
        ):
            continue
        if owners and _body_provides(lower, tokens, i, subject, owners):
            continue

        if owners:
            if start and tokens[start - 1].text == "," and all(o.kind is ResponsibleKind.PERSON for o in owners):
                start, owners = _listed_before(tokens, start, extractor, owners)
            return owners, clause_text(unit, tokens, start)
        if not (strong or future):
            continue
        # "Bis dahin sammelt Paolo …", "… übernehmen die Arbeitsgruppen selbst", "In der
        # nächsten Sitzung sollen die Arbeitsgruppen berichten": a fronted object or
        # adverbial puts the owner right after the verb.
        # These weaker readings are kept as a fallback: an owner in subject position
        # later in the sentence ("… – Herr Müller wird … sprechen") is preferred.
        if fallback is None and lower not in _TOOK_ON:  # "im Folgejahr übernahm die Stiftung …": a story
            # "Bis zur Sitzung wird Herr Rück … erstellen"; not "Vorgeschlagen werden Herr X und …"
            # (a passive) nor "In der Aussprache fragt Herr Y …" (what happens in the meeting).
            # "Die Raumbuchung übernimmt Fr. Jankowski": after any task verb but a narrating one
            # ("fragt", "informiert"), the name names who.
            named = (future or has_deadline or (strong and lower not in cues.narrative_when_followed)) and not (
                i and _PARTICIPLE.match(tokens[i - 1].text))
            after = owner_after(tokens, i + 1, extractor, honorific=named)
            if not after and lower in _TAKE_ON:
                after = _owners_up_to_clause_end(tokens, i + 1, extractor)
            if after:
                fallback = after, clause_text(unit, tokens, start)
        # "Thomas berichtet über zwei Ideen und klärt ab", "Jürgen ist vor Ort und wird den Stand betreuen":
        # the subject of the first verb.
        if fallback is None and (strong or future) and i > start and tokens[i - 1].lower_ == "und":
            for k in (1, 2, 3):  # shortest first: "Frau Yilmaz", not "Frau Yilmaz stellt"
                if start + k < i - 1:
                    lead = extractor.owners(doc[tokens[start].i : tokens[start + k - 1].i + 1].text)
                    if lead and all(o.kind is not ResponsibleKind.UNKNOWN for o in lead) and not _body_provides(
                            lower, tokens, i, doc[tokens[start].i : tokens[i].i].text, lead):
                        fallback = lead, clause_text(unit, tokens, start)
                        break
    return fallback

# "prüft, ob …", "klärt, wann …": a strong verb opening an indirect question is an inquiry to make.
_INQUIRY_VERBS = frozenset({"prüft", "prüfen", "klärt", "klären", "recherchiert", "recherchieren", "erkundigt", "erkundigen", "überprüft", "überprüfen", "checkt", "checken"})
_INQUIRY_WORDS = frozenset({"ob", "wie", "wann", "wo", "wer", "welche", "welcher", "welches", "inwieweit", "inwiefern", "was", "warum"})
_PARTICIPLE = re.compile(r"^(?:\w*ge\w+(?:t|en)|\w+iert)$", re.I)


# "Tom fragt nach.": "nach" closing the clause is the particle of "nachfragen" (an inquiry to make),
# not the preposition of "fragt nach dem Stand" (a question in the meeting).
_NACH = frozenset({"nach"})
_PROVIDES = frozenset({"verfügung"})
_REPORTING_PARTICLES = frozenset({"mit"})
_TAKE_ON = frozenset({"übernimmt", "übernehmen", "übernehme"})
_TOOK_ON = frozenset({"übernahm", "übernahmen"})


def _owners_up_to_clause_end(tokens: list, j: int, extractor: OwnerClassifier) -> list[Responsible]:
    """"… übernehmen HWK und Kreishandwerkerschaft gemeinsam": the owner phrase after the verb,
    up to the first lower-case word other than "und" or the end of the clause."""
    end = j
    while end < len(tokens) and tokens[end].text not in _CLAUSE_BOUNDARIES and tokens[end].text not in (".", "!") and (
            tokens[end].text[:1].isupper() or tokens[end].lower_ in ("und", "sowie")):
        end += 1
    if end == j or end - j > 6:
        return []
    return extractor.owners(" ".join(t.text for t in tokens[j:end]))


def _past_fillers(tokens: list, j: int) -> int:
    """The position after the filler words ("wie immer", "wieder", "wie immer gerne") starting at ``j``."""
    moved = True
    while moved:
        moved = False
        for filler in action_cues().subject_fillers:
            if tuple(t.lower_ for t in tokens[j : j + len(filler)]) == filler:
                j, moved = j + len(filler), True
                break
    return j


_NAME_JOINERS = frozenset({"+", "und", "&", "/"})  # not ",": "schreibt BR, NP liest Korrektur" starts a clause


def _listed_before(tokens: list, start: int, extractor: OwnerClassifier, owners: list[Responsible]) -> tuple[int, list[Responsible]]:
    """"Anton, Zakaria und Kevin möchten …": the names listed before the comma that opened the
    subject's clause are subjects too, when each is one name and they run from the clause's start."""
    k, lead = start - 1, []
    while k > 0 and tokens[k].text == ",":
        j = k - 1
        while j > 0 and tokens[j - 1].text not in _CLAUSE_BOUNDARIES:
            j -= 1
        person = _named_person(tokens[j].text, extractor) if k - j == 1 else None
        if person is None:
            return start, owners
        lead.insert(0, person)
        k = j - 1
    if k >= 0 and tokens[k].text not in _CLAUSE_BOUNDARIES:
        return start, owners
    return k + 1, lead + owners


def _named_person(word: str, extractor: OwnerClassifier) -> Responsible | None:
    """A person one word names: an attendee, a known first name, initials."""
    single = extractor.responsible(word)
    if single is not None and single.kind is ResponsibleKind.PERSON and (
            single.resolved or word.casefold() in first_names() or INITIALS.match(word)):
        return single
    return None


def _titled_name(tokens: list, j: int, extractor: OwnerClassifier) -> tuple[list[Responsible], int]:
    """"Herr Rück", "Frau Dr. Yilmaz" from ``j`` on (the longest that names a person) and the position after it."""
    for k in (4, 3, 2):
        phrase = tokens[j : j + k]
        if len(phrase) == k and all(t.text[:1].isupper() for t in phrase[1:]):
            owners = extractor.owners(" ".join(t.text for t in phrase))
            if owners and all(o.kind is ResponsibleKind.PERSON for o in owners) and (
                    _one_name(phrase) or all(o.resolved for o in owners)):
                return owners, j + k
    return [], j


def _one_name(phrase: list) -> bool:
    """"Herr Zimmermann", "Frau Dr. Yilmaz", "Frau Anna Berg": after the salutation and titles one
    surname, or a first name and the surname; not "Frau Kolb Unterlagen" ("Morgen schickt Frau Kolb
    Unterlagen …"), where the noun after the surname is the verb's object."""
    names = [t.text for t in phrase if t.text not in HONORIFIC_WORDS]
    return len(names) == 1 or (len(names) == 2 and names[0].casefold() in first_names())


def _closing_owner(tokens: list, j: int, extractor: OwnerClassifier) -> list[Responsible]:
    """Persons named after the verb who close the sentence ("… stellt Hr. Böttcher.")."""
    rest = [t for t in tokens[j:] if not t.is_punct]
    if not 1 <= len(rest) <= 3 or (tokens[-1].text not in (".", "!") and not tokens[-1].is_alpha):
        return []
    owners = extractor.owners(" ".join(t.text for t in rest))
    return owners if owners and all(o.kind is ResponsibleKind.PERSON for o in owners) else []


def owner_after(tokens: list, j: int, extractor: OwnerClassifier, *, honorific: bool = False) -> list[Responsible]:
    """Owners named right after a verb: a known person ("Paolo", "FL"), or an article
    with a group or institution ("die Arbeitsgruppen", "das Jobcenter")."""
    if j < len(tokens) and tokens[j].lower_ == "sich":
        j += 1  # "kümmert sich das Jobcenter um …"
    j = _past_fillers(tokens, j)  # "übernimmt wie immer Fr. Pieper"
    if j >= len(tokens):
        return []
    nxt = tokens[j].text
    single = _named_person(nxt, extractor)
    if single is not None:
        # "Interview machen BR + NP", "… übernehmen Anna und Tom": more names joined to the first.
        found = [single]
        while j + 2 < len(tokens) and tokens[j + 1].text in _NAME_JOINERS and (
                more := _named_person(tokens[j + 2].text, extractor)) is not None:
            found.append(more)
            j += 2
        return found
    # "… organisiert C. Welchert": a first name's initial and a surname.
    if honorific and j + 1 < len(tokens) and len(nxt) <= 3 and nxt.endswith(".") and nxt[:1].isupper() and nxt not in HONORIFIC_WORDS:
        owners = extractor.owners(f"{nxt} {tokens[j + 1].text}")
        if owners and all(o.kind is ResponsibleKind.PERSON for o in owners):
            return owners
    # "Bis zur Sitzung wird Herr Rück … erstellen": an honorific and the name after it; "Die Einladung
    # übernehmen Fr. Pieper und Hr. Gans": more of them joined by "und" / "+".
    if nxt in HONORIFIC_WORDS and honorific:
        owners, after = _titled_name(tokens, j, extractor)
        while owners and after + 1 < len(tokens) and tokens[after].text in _NAME_JOINERS and tokens[after + 1].text in HONORIFIC_WORDS:
            more, after = _titled_name(tokens, after + 1, extractor)
            if not more:
                break
            owners = owners + more
        return owners
    if tokens[j].lower_ not in _SUBJECT_ARTICLES:
        return []
    for k in (4, 3, 2):
        phrase = tokens[j : j + k]
        if len(phrase) < k or any(t.text in _CLAUSE_BOUNDARIES for t in phrase):
            continue
        owners = extractor.owners(" ".join(t.text for t in phrase))
        if owners and all(o.kind in (ResponsibleKind.GROUP, ResponsibleKind.INSTITUTION) for o in owners):
            return owners
    return []

def _sentence_subject(tokens: list, comma: int, extractor: OwnerClassifier, unit: Unit) -> tuple[list[Responsible], str] | None:
    """The owner opening the sentence (one to three words before its first verb), for a clause
    after a comma that has no subject of its own."""
    doc = unit.span.doc
    for k in (1, 2, 3):  # shortest first: "Frau Yilmaz", not "Frau Yilmaz verweist"
        if k < comma - 1:
            lead = extractor.owners(doc[tokens[0].i : tokens[k - 1].i + 1].text)
            if lead and all(o.kind is not ResponsibleKind.UNKNOWN for o in lead):
                return lead, clause_text(unit, tokens, comma)
    return None


_WORD_COUNTS = "protokollant_word_counts"


def _named_again(subject: str, doc) -> bool:
    """Whether every single-word part of the subject occurs at least twice in the Doc (its
    token counts computed once per Doc)."""
    counts = doc.user_data.get(_WORD_COUNTS)
    if counts is None:  # counted on the token ids the sentence split already read
        counts = doc.user_data[_WORD_COUNTS] = Counter(doc_orths(doc))
    strings = doc.vocab.strings
    words = [w for w in re.split(r"\s*(?:,|und|&|\+|/)\s*|\s+", subject) if w]
    return bool(words) and all(counts[strings[w]] >= 2 for w in words)


def _gender_colon(tokens: list, i: int) -> bool:
    """"Sprachpat:innen": the colon inside a word that names all genders."""
    return i > 0 and not tokens[i - 1].whitespace_ and i + 1 < len(tokens) and tokens[i + 1].lower_ in ("in", "innen")


def clause_text(unit: Unit, tokens: list, start: int) -> str:
    """The clause the task stands in: from its start to the next arrow, semicolon or bar."""
    end = len(tokens)
    for j in range(start, len(tokens)):
        if tokens[j].text in _CLAUSE_ENDS:
            end = j
            break
    doc = unit.span.doc
    return doc[tokens[start].i : tokens[end - 1].i + 1].text.strip(" -•*–:") if end > start else unit.text


def _followed_by(tokens: list, i: int, words: frozenset[str]) -> bool:
    """Whether the word after tokens[i] (a reflexive "sich" and the comma before a clause
    skipped: "erkundigt sich, wann …", "informiert, dass …") is one of ``words``."""
    j = i + 1
    if j < len(tokens) and tokens[j].lower_ == "sich":
        j += 1
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
    return j < len(tokens) and tokens[j].lower_ in words
