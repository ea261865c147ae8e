"""Action items: who does what by when.

Recognised forms: task tables (Was | Wer | Bis wann), "TODO (JB): …", "AP:",
"Aufgabe:", arrows ("… --> FL"), parenthesised owners ("… (MH)"), a subject
followed by a task verb ("Frau Rasche klärt …", "DN macht …"), "X wird
gebeten …", and unassigned tasks with an explicit deadline. Items marked done
are not open tasks.
"""
from __future__ import annotations

import re
from datetime import date

from ..document import BlockKind
from ..schema import ActionItem, Due, Responsible, ResponsibleKind
from .deadlines import find_deadlines, parse_deadline, states_start
from .decisions import decision_column
from .lexicon import first_names, group_words, not_owner_words
from ..structure import SectionRole, is_item_line
from .owner_forms import (assigned_to, bracket_owner_with_deadline, co_owners, colon_assignment, names_only, owner_phrase,
                          passive_agent, promise, trailing_dash_owner, without_trailing_deadline)
from .people import NAME_PARTICLES, PeopleIndex
from .text import clean, truncate_words
from .units import Unit
from .vocabulary import action_cues


_HONORIFIC = r"(?:Frau|Herr|Hr\.|Fr\.|Dr\.|Prof\.)"
# "FL", "KB", and the short forms offices sign with: "JöR", "SvB" (capitals with at most one small letter).
_INITIALS = re.compile(r"^(?:[A-ZÄÖÜ]{2,3}|(?=[A-ZÄÖÜ]+[a-zäöü][A-ZÄÖÜ]+$)[A-Za-zÄÖÜäöü]{3})$")
_NAME = re.compile(r"^[A-ZÄÖÜ][a-zäöüßéèáàçğşıñ'’-]+$")
_SHORT_SURNAME = re.compile(r"^[A-ZÄÖÜ]\.$")  # "Katja F."
_ARTICLE = re.compile(r"^(?:der|die|das|den|dem|des)\s+", re.I)
_PAREN_PART = re.compile(r"^(?P<main>[^()]*?)\s*\((?P<paren>[^()]*)\)?\s*$")
_ARROW_SPLIT = re.compile(r"\s*(?:-{1,2}>|={1,2}>|[–—]>|→|⇒)\s*")
_GROUP_NAME = re.compile(r"^[A-ZÄÖÜ][\w-]*(?:-(?:AG|Team|Gruppe|Kreis))?(?:\s+(?:[A-ZÄÖÜ][\w-]*|\([^()]{1,30}\)))*$")
# One owner and a verb in the 3rd person singular ("Beschaffungsgruppe erarbeitet"), or several
# ("Rieger und Grimm machen", "alle tragen sich"): "Dienstplan verteilen" is a note, not a subject.
_TODO_SUBJECT = re.compile(
    r"^(?:(?P<one>[A-ZÄÖÜ][\w.-]*)\s+[a-zäöü]\w*t\b"
    r"|(?P<many>(?:[A-ZÄÖÜ][\w.-]*(?:\s*(?:,|und|u\.|&|/|\+)\s*[A-ZÄÖÜ][\w.-]*){1,3})|alle)\s+(?:[a-zäöü]\w*en|sich)\b)"
)
_MENTION = re.compile(r"(?<![\w.])@(?=\w)")
_PAREN_ANY = re.compile(r"\(([^()]{1,40})\)")
_INITIALS_LONG = re.compile(r"^[A-ZÄÖÜ]{2,5}$")
_PASSIVE_AUX = frozenset({"wird", "werden"})
_SIGNED = re.compile(r"\b(?:gez|i\.\s?A|i\.\s?V)\.", re.I)
_CONJUNCTION_START = re.compile(r"^\s*(?:und|oder|sowie|bzw\.?|u\.)\s", re.I)
_PAREN_OWNER = re.compile(r"\((?P<owner>[^()]{1,60})\)\s*[.!]?\s*$")
# "Die Verwaltung wird gebeten / beauftragt / aufgefordert, …": the one asked is the owner.
_PASSIVE_ASKED = re.compile(r"^(?P<owner>.{2,60}?)\s+(?:wird|werden|wurde|wurden)\s+(?:gebeten|beauftragt|aufgefordert|ersucht)\b", re.S)
_OWNER_SPLIT = re.compile(r"\s*(?:,|;|/|\+|&|\bund\b|\bsowie\b)\s*")
_CLAUSE_ENDS = {";", "|", "--", "->", "-->", "→", "=>", "⇒"}
_CLAUSE_BOUNDARIES = {",", ";", ":", "-", "–", "—", "--", ">", "->", "-->", "→", "=>", "⇒", "•", "*", "|"}
_INFINITIVE_END = re.compile(r"\b[a-zäöüß]\w*(en|ern|eln)\b[\s.!]*$")
_WORD = re.compile(r"\w+")
_ARTICLES = {"der", "die", "das", "den", "dem"}
# A participle followed by "werden"/"bleiben" at the end: a passive ("… beibehalten werden").
_THIRD_PARTY = re.compile(r"\b(?:bei|beim)\s+\w", re.I)
_PASSIVE_END = re.compile(r"\b\w+(?:t|en)\s+(?:werden|bleiben|worden)\b[\s.!]*$", re.I)


_SUBORDINATE = re.compile(r",\s*(?:ob|dass|wie|warum|wieso|weshalb|wann|wer|was|welche[rsnm]?|wo|nachdem|weil|da)\b", re.I)


def _main_clause(text: str) -> str:
    """The text before the first subordinate clause: "nachfragen, ob … gemacht wurde (MH)"
    is a task even though the clause it asks about is in the past."""
    m = _SUBORDINATE.search(text)
    return text[: m.start()] if m else text


def _strip_owner(text: str) -> str:
    """Trim punctuation around an owner phrase, keeping the dot of an abbreviated surname ("Katja F.")."""
    text = clean(text).strip(" :;,-–")
    if text.endswith(".") and not re.search(r"(?:^|\s)[A-ZÄÖÜ]\.$", text):
        text = text.rstrip(".").rstrip()
    return text.lstrip(".")


def _column(header: list[str] | None, names: tuple[str, ...]) -> int | None:
    if not header:
        return None
    for i, h in enumerate(header):
        h = clean(h).lower().rstrip(":?")
        if h in names or any(h.startswith(n) for n in names if len(n) > 3):
            return i
    return None


class ActionExtractor:
    def __init__(self, people: PeopleIndex, meeting_date: date | None, next_meeting: date | None, institution_names: set[str]):
        self.people = people
        self._sentence_items: dict[int, tuple[Unit, ActionItem | None]] = {}
        self.meeting_date = meeting_date
        self.next_meeting = next_meeting
        self.institution_names = {n.casefold() for n in institution_names}

    # -- owners -----------------------------------------------------------
    def responsible(self, text: str) -> Responsible | None:
        """Classify an owner phrase as written, or None when it is not owner-like."""
        raw = _strip_owner(text)
        paren = None
        if (m := _PAREN_PART.match(raw)) and m.group("main"):
            raw, paren = m.group("main").strip(), m.group("paren").strip()
        name = _strip_owner(_ARTICLE.sub("", raw))
        if not name or len(name) > 60:
            return None
        tokens = name.split()
        low = name.casefold()
        person = self.people.resolve(name)
        if person is not None:
            return Responsible(name=name, kind=ResponsibleKind.PERSON, resolved=person.name if person.name != name else None)
        if low in self.institution_names or self._institution_with_place(name):
            helper = self.people.resolve(paren) if paren else None
            return Responsible(name=name, kind=ResponsibleKind.INSTITUTION, resolved=helper.name if helper else None)
        if (tokens[0].casefold() in group_words() or tokens[-1].casefold() in group_words()) and len(tokens) <= 4 and all(
            t[:1].isupper() for t in tokens
        ):
            return Responsible(name=name, kind=ResponsibleKind.GROUP)
        if _INITIALS.match(name) and low not in not_owner_words():
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        # "Frau Dr. Yilmaz", "Herr von Berg": after the honorific only name words (not "Herr Rasche berichtet").
        if re.match(rf"^{_HONORIFIC}\s+\S", name) and len(tokens) <= 4 and all(
            t[:1].isupper() or t in NAME_PARTICLES for t in tokens[1:]
        ):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        if (
            len(tokens) <= 3
            and tokens[0].casefold() in first_names()
            and tokens[0].casefold() not in not_owner_words()
            and all(_NAME.match(t) or _SHORT_SURNAME.match(t) for t in tokens)
        ):
            return Responsible(name=name, kind=ResponsibleKind.PERSON)
        return None

    def _institution_with_place(self, name: str) -> bool:
        """"Jobcenter Musterstadt": a known institution followed by one or two capitalised words."""
        low = name.casefold()
        for n in self.institution_names:
            if low.startswith(n + " "):
                rest = name[len(n) + 1 :].split()
                if len(rest) <= 2 and all(t[:1].isupper() for t in rest):
                    return True
        return False

    def owners(self, text: str, *, lenient: bool = False) -> list[Responsible]:
        """Owners from an owner phrase ("FL, FT, BF", "Thomas und Julia"); empty if any part is not owner-like.

        ``lenient``: the phrase stands where only owners stand (after an arrow), so
        an unknown capitalised short name ("Mo") counts as a person too.
        """
        text = _MENTION.sub("", text)  # "@Anne, @David": mentions in pads and chats
        whole = self.responsible(text)
        if whole is not None and whole.kind is ResponsibleKind.INSTITUTION:
            return [whole]  # "Amt für Soziales und Wohnen" is one owner
        parts = [p for p in _OWNER_SPLIT.split(clean(text)) if p]
        out = []
        for p in parts:
            r = self.responsible(p)
            if r is None and lenient:
                r = self._lenient_person(p)
            if r is None:
                return []
            out.append(r)
        return out

    @staticmethod
    def _lenient_person(text: str) -> Responsible | None:
        tokens = clean(text).strip(" .:;!").split()
        if 1 <= len(tokens) <= 2 and all(_NAME.match(t) or _SHORT_SURNAME.match(t) for t in tokens):
            if tokens[0].casefold() not in not_owner_words():
                return Responsible(name=" ".join(tokens), kind=ResponsibleKind.PERSON)
        # Where only an owner can stand, a working group or unit: "Bau-AG", "Welcome Service",
        # "AA (Arbeitgeber-Service)".
        if 1 <= len(tokens) <= 3 and _GROUP_NAME.match(" ".join(tokens)) and tokens[0].casefold() not in not_owner_words():
            return Responsible(name=" ".join(tokens), kind=ResponsibleKind.GROUP)
        return None

    def _subject_owner(self, unit: Unit, has_deadline: bool) -> tuple[list[Responsible], str] | None:
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
            if tok.text == "(":
                depth += 1
                continue
            if tok.text == ")":
                depth = max(0, depth - 1)
                continue
            if depth:
                continue  # "Frau Dr. Yilmaz (Referat …) stellt …": the bracket is a role
            if tok.text in _CLAUSE_BOUNDARIES:
                start, words = i + 1, 0
                continue
            words += 1
            if not 2 <= words <= 8:
                continue
            strong = tok.lower_ in cues.strong_verbs
            weak = tok.lower_ in cues.weak_verbs
            future = tok.lower_ in cues.auxiliaries
            if not (strong or weak or future):
                continue
            # "Herr K. ergänzt, dass …" reports what someone said.
            if i + 1 < len(tokens) and tokens[i + 1].text in (",", ":"):
                continue
            # "SJ redet mit seiner Gruppe, ob …": talking to someone to find out is an inquiry to make.
            if weak and not has_deadline and not (tok.lower_ in cues.consult_verbs and cues.consult.search(unit.text)):
                continue
            # "Frau X informiert über den Stand", "… erkundigt sich nach …": a report or question in
            # the meeting, unless someone outside is asked ("… informiert sich beim Amt").
            if (after := cues.narrative_when_followed.get(tok.lower_)) and _followed_by(tokens, i, after) and not (
                    _THIRD_PARTY.search(unit.text)):
                continue
            # "Herr G. fragt außerdem, warum …": a question put in the meeting, not an inquiry to make.
            if tok.lower_ in ("fragt", "fragen") and (
                cues.question.search(unit.text) or cues.meeting_question.search(unit.text)
            ):
                continue
            if future and not (_INFINITIVE_END.search(unit.text) or has_deadline):
                continue
            # "Die AGs sollen so beibehalten werden": in a passive the subject is what is acted on.
            if future and _PASSIVE_END.search(unit.text):
                continue
            doc = unit.span.doc
            before = doc[tokens[start].i : tok.i].text
            subject = re.sub(r"\s*\([^)]*\)", "", before).strip(" -•*–:")
            owners = self.owners(subject)
            # "Verein X macht Filmprojekte mit Jugendlichen" describes what an outside body
            # does; with a generic verb an institution's task needs a deadline.
            if owners and not has_deadline and tok.lower_ in cues.generic_verbs and all(
                o.kind is ResponsibleKind.INSTITUTION for o in owners
            ):
                continue
            if owners:
                return owners, self._clause_text(unit, tokens, start)
            if not (strong or future):
                continue
            # "Bis dahin sammelt Paolo …", "… übernehmen die Arbeitsgruppen selbst", "In der
            # nächsten Sitzung sollen die Arbeitsgruppen berichten": a fronted object or
            # adverbial puts the owner right after the verb.
            # These weaker readings are kept as a fallback: an owner in subject position
            # later in the sentence ("… – Herr Müller wird … sprechen") is preferred.
            if fallback is None:
                after = self._owner_after(tokens, i + 1)
                if after:
                    fallback = after, self._clause_text(unit, tokens, start)
            # "Thomas berichtet über zwei Ideen und klärt ab": the subject of the first verb.
            if fallback is None and strong and i > start and tokens[i - 1].lower_ == "und":
                for k in (1, 2, 3):  # shortest first: "Frau Yilmaz", not "Frau Yilmaz stellt"
                    if start + k < i - 1:
                        lead = self.owners(doc[tokens[start].i : tokens[start + k - 1].i + 1].text)
                        if lead and all(o.kind is not ResponsibleKind.UNKNOWN for o in lead):
                            fallback = lead, self._clause_text(unit, tokens, start)
                            break
        return fallback

    def _owner_after(self, tokens: list, j: int) -> list[Responsible]:
        """Owners named right after a verb: a known person ("Paolo", "FL"), or an article
        with a group or institution ("die Arbeitsgruppen", "das Jobcenter")."""
        if j < len(tokens) and tokens[j].lower_ == "sich":
            j += 1  # "kümmert sich das Jobcenter um …"
        if j >= len(tokens):
            return []
        nxt = tokens[j].text
        single = self.responsible(nxt)
        if single is not None and single.kind is ResponsibleKind.PERSON and (
            single.resolved or nxt.casefold() in first_names() or _INITIALS.match(nxt)
        ):
            return [single]
        if tokens[j].lower_ not in _ARTICLES:
            return []
        for k in (4, 3, 2):
            phrase = tokens[j : j + k]
            if len(phrase) < k or any(t.text in _CLAUSE_BOUNDARIES for t in phrase):
                continue
            owners = self.owners(" ".join(t.text for t in phrase))
            if owners and all(o.kind in (ResponsibleKind.GROUP, ResponsibleKind.INSTITUTION) for o in owners):
                return owners
        return []

    @staticmethod
    def _clause_text(unit: Unit, tokens: list, start: int) -> str:
        """The clause the task stands in: from its start to the next arrow, semicolon or bar."""
        end = len(tokens)
        for j in range(start, len(tokens)):
            if tokens[j].text in _CLAUSE_ENDS:
                end = j
                break
        doc = unit.span.doc
        return doc[tokens[start].i : tokens[end - 1].i + 1].text.strip(" -•*–:") if end > start else unit.text

    def _asked(self, phrase: str) -> list[Responsible]:
        """Who "wird gebeten / beauftragt": a known owner, else the body named with its article
        ("Die Ortsverwaltung", "Der Bauhof"): the request names it as the one to act."""
        phrase = clean(phrase)
        bare = re.sub(r"^(?:Der|Die|Das)\s+", "", phrase)
        owners = self.owners(bare)
        if owners:
            return owners
        words = bare.split()
        # "Die Ortsverwaltung", "Die kreisangehörigen Kommunen": an article and a noun.
        if bare != phrase and 1 <= len(words) <= 3 and words[-1][:1].isupper() and not _CONJUNCTION_START.match(bare):
            return [Responsible(name=bare, kind=ResponsibleKind.INSTITUTION)]
        return []

    def _arrow_owner(self, text: str) -> tuple[list[Responsible], str] | None:
        """'Flyer drucken --> FL, AY': the part after the last arrow names the owners."""
        parts = [p.strip() for p in _ARROW_SPLIT.split(text)]
        if len(parts) < 2 or not parts[-1]:
            return None
        owners = self.owners(parts[-1].rstrip(".!"), lenient=True) or owner_phrase(parts[-1].rstrip(".!").replace("+", ","), self, lenient=True)
        if not owners:
            return None
        return owners, parts[-2] or text

    def _paren_owner(self, text: str) -> tuple[list[Responsible], str] | None:
        """'Mitmach-Aufruf erstellen diese Woche (FL), …': persons or groups in brackets.
        An institution in brackets is an abbreviation being introduced, not an owner."""
        for m in _PAREN_ANY.finditer(text):
            inner = m.group(1)
            # "… Delegierte (und Gäste) anwesend": an addition, not an owner.
            if _CONJUNCTION_START.match(inner) or self._abbreviation_of(text[: m.start()], inner):
                continue
            # "Helga Brenner (Vorsitzende) gez.": a name with its role, as under a signature.
            rest = _SIGNED.sub("", text[: m.start()] + text[m.end() :]).strip(" ,.;")
            if rest and self.owners(rest):
                continue
            owners = self.owners(inner)
            extra = ""
            if not owners and "," in inner:  # "(zur Zahlung auffordern, MH)"
                head, _, last = inner.rpartition(",")
                owners, extra = self.owners(last), head.strip()
            # An institution in brackets is usually an abbreviation being introduced ("… (BAMF)")
            # or a person's affiliation ("Miguel (Chaostreff Basel) verteilt …"); it owns the task
            # only as the closing note of a task description ("Presse anschreiben: BZ, Blättle (Kultur AG)").
            closing_note = (
                not text[m.end():].strip(" .;!") and len(text[: m.start()].split()) >= 3 and text.count("(") == 1
            )
            if owners and all(
                o.kind in (ResponsibleKind.PERSON, ResponsibleKind.GROUP)
                or (o.kind is ResponsibleKind.INSTITUTION and len(o.name.split()) > 1 and closing_note)
                for o in owners
            ):
                task = (text[: m.start()] + text[m.end() :]).strip(" ,.;") or text
                return owners, f"{task} ({extra})" if extra else task
        return None

    def _abbreviation_of(self, before: str, inner: str) -> bool:
        """"folgende Tagesordnung (TO)": capitals in brackets spelling the noun right before
        them introduce an abbreviation, unless they are an attendee's initials."""
        if not _INITIALS_LONG.match(inner) or self.people.resolve(inner) is not None:
            return False
        words = before.split()[-3:]
        if not words or not words[-1][:1].isupper() or inner[0] not in (w[:1] for w in words):
            return False
        rest = " ".join(words[next(i for i, w in enumerate(words) if w[:1] == inner[0]):]).casefold()
        pos = 0
        for letter in inner.casefold():
            pos = rest.find(letter, pos)
            if pos < 0:
                return False
            pos += 1
        return True

    # -- deadlines --------------------------------------------------------
    def due(self, text: str) -> Due | None:
        """The deadline of a sentence: one worded as a deadline ("bis 31.03.") beats a bare date."""
        found = [m for m in find_deadlines(text, self.meeting_date, self.next_meeting) if not states_start(m)]
        if not found:
            return None
        best = (
            next((m for m in found if m.date is not None and action_cues().deadline_wording.search(m.text)), None)
            or next((m for m in found if m.date is not None), None)
            or found[0]
        )
        return Due(date=best.date, text=best.text)

    def due_cell(self, text: str) -> Due | None:
        text = clean(text)
        if not text or text in ("-", "–"):
            return None
        return Due(date=parse_deadline(text, self.meeting_date, self.next_meeting), text=text)

    # -- items ------------------------------------------------------------
    def from_table_row(self, unit: Unit) -> ActionItem | None:
        b = unit.block
        cells = b.cells or []
        cues = action_cues()
        owner_col = _column(b.header, cues.owner_columns)
        if owner_col is None or b.is_header_row or owner_col >= len(cells):
            return None
        task_col = _column(b.header, cues.task_columns)
        if task_col is None and decision_column(b.header) is not None:
            return None  # a decision log: the owner column says who carries the decision
        if task_col is None:
            task_col = next((i for i, c in enumerate(cells) if i != owner_col and c.strip()), None)
        if task_col is None or task_col >= len(cells) or not cells[task_col].strip():
            return None
        status_col = _column(b.header, cues.status_columns)
        if status_col is not None and status_col < len(cells) and cues.done.search(cells[status_col]):
            return None
        if cues.done.search(b.text):
            return None
        due_col = _column(b.header, cues.due_columns)
        owners = self.owners(cells[owner_col]) if cells[owner_col].strip() else []
        if not owners and cells[owner_col].strip():
            owners = [Responsible(name=clean(cells[owner_col]), kind=ResponsibleKind.UNKNOWN)]
        due = self.due_cell(cells[due_col]) if due_col is not None and due_col < len(cells) else None
        return ActionItem(
            task=clean(cells[task_col]),
            responsible=owners,
            due=due,
            topic_index=unit.topic_index,
            evidence=unit.evidence(text=clean(b.text), column=task_col),
            confidence=0.9 if owners else 0.6,
        )

    def from_sentence(self, unit: Unit) -> ActionItem | None:
        """The task a sentence states, if any; computed once per unit (the sentence-role
        model reads it as a feature before the action extractor does)."""
        key = id(unit)
        if key not in self._sentence_items:
            self._sentence_items[key] = (unit, self._from_sentence(unit))  # the unit kept: its id stays unique
        return self._sentence_items[key][1]

    def _from_sentence(self, unit: Unit) -> ActionItem | None:
        text = unit.clean_text
        cues = action_cues()
        if len(text) < 6 or cues.done.search(text) or cues.report.search(text) or cues.not_task.search(text):
            return None
        if text.endswith(":") and cues.intro.search(text):
            return None  # "Der Vorstand beantragt, den Zweck wie folgt zu ändern:" introduces a list
        if names_only(text, self):
            return None
        owners: list[Responsible] = []
        task = text
        confidence = 0.0
        due = self.due(text)
        due_found = due is not None
        if (assigned := assigned_to(text, self)) is not None:
            (owners, task), confidence = assigned, 0.85
        elif (m := cues.todo.match(text)):
            task = m.group("task").strip()
            written = m.group("owner") or m.group("owner2")
            owners = self.owners(written, lenient=bool(m.group("owner2"))) if written else []
            if not owners and written and written.casefold() == "alle":
                owners = [Responsible(name=written, kind=ResponsibleKind.GROUP)]
            if not owners and (pm := _PAREN_OWNER.search(without_trailing_deadline(task, self))):
                owners = self.owners(pm.group("owner"))
            # "ToDo: Dienstplan aushängen – Wagner, bis 06.02.", "TODO: Flyer drucken (MBE, bis KW 14)"
            for form in (_marked_dash_owner, bracket_owner_with_deadline, _arrow_form):
                if not owners and (found := form(task, self)) is not None:
                    owners, task = found
            # "ToDo: Rieger und Grimm machen …", "ToDo: alle tragen sich … ein": who opens the task.
            if not owners and (sm := _TODO_SUBJECT.match(task)):
                subject = sm.group("one") or sm.group("many")
                owners = ([Responsible(name=subject, kind=ResponsibleKind.GROUP)] if subject.casefold() == "alle"
                          else self.owners(subject, lenient=True))
            confidence = 0.85
        elif (arrow := self._arrow_owner(text)) is not None:
            owners, task = arrow
            confidence = 0.8
        elif (promised := promise(text, self, cues.promises)) is not None:
            (owners, task), confidence = promised, 0.75
        elif (m := _PASSIVE_ASKED.match(text)) and (asked := self._asked(m.group("owner"))):
            owners, confidence = asked, 0.75
        elif (agents := passive_agent(_main_clause(text), self, has_deadline=due_found, cues=cues)) is not None:
            owners, confidence = agents, 0.7
        elif (subj := self._subject_owner(unit, has_deadline=due_found)) is not None:
            (owners, task), confidence = subj, 0.7
        elif not cues.past.search(_main_clause(text)) and (paren := self._paren_owner(text)) is not None:
            owners, task = paren
            confidence = 0.7
        in_task_list = unit.section is SectionRole.TASK
        if confidence == 0.0 and not cues.past.search(_main_clause(text)) and not text.rstrip().endswith("?"):
            # Owners noted beside the task: "(HWK, bis KW 14)", "… – KB", in a task list "Flyer: Falk".
            for form, allowed in (
                (bracket_owner_with_deadline, True),
                # in prose only with a deadline: "Aushänge in allen Häusern – KB [bis 10.09.]"
                (trailing_dash_owner, in_task_list or due_found or is_item_line(unit.block, unit.text)),
                (colon_assignment, in_task_list),
            ):
                if allowed and (found := form(text, self)) is not None:
                    (owners, task), confidence = found, 0.7
                    break
        if confidence == 0.0 and in_task_list and "?" not in text and len(text.split()) >= 2:
            confidence = 0.6  # listed under "Aufgaben:" / "ToDo:": a task even without an owner
        if confidence == 0.0:
            # Unassigned tasks count only with an explicit, dated deadline, stated as one,
            # in a sentence that is neither past (a report) nor a question.
            if due is None or due.date is None or unit.block.kind is BlockKind.HEADING or "?" in text:
                return None
            main = _main_clause(text)
            # "… verschoben, weil bis Oktober keine Genehmigung zu bekommen ist": the date must
            # belong to the main clause.
            if due.text not in main:
                return None
            words = set(_WORD.findall(text.lower()))
            # "Prüfprotokoll am 14.8. anfragen", "Am 21.06. soll die Bestellung rausgehen": a short
            # note ending in an infinitive; not "Darüber wird … entschieden" (a passive participle).
            note_style = _INFINITIVE_END.search(text) and len(text.split()) <= 12 and words.isdisjoint(_PASSIVE_AUX)
            if not cues.deadline_wording.search(due.text) and not cues.obligation.search(text) and not note_style:
                return None
            if cues.past.search(text) or cues.possibility.search(main):
                return None  # a report, or a possibility ("kann … geändert werden")
            # "Heike berichtet über den Kassenstand zum 28.02.", "… schlägt vor, in diesem Jahr …":
            # what someone reports or proposes in the meeting; "… soll … beschlossen werden": a
            # decision still to be taken.
            if not words.isdisjoint(cues.narrative_verbs) or "FUTURE" in unit.cue_labels():
                return None
            confidence = 0.5
        return ActionItem(
            task=truncate_words(task, 30),
            responsible=co_owners(text, self, owners),
            due=due,
            topic_index=unit.topic_index,
            evidence=unit.evidence(text=text),
            confidence=confidence,
        )




def _followed_by(tokens: list, i: int, words: frozenset[str]) -> bool:
    """Whether the token after tokens[i] (a reflexive "sich" skipped) is one of ``words``."""
    j = i + 1
    if j < len(tokens) and tokens[j].lower_ == "sich":
        j += 1
    return j < len(tokens) and tokens[j].lower_ in words


def _marked_dash_owner(text: str, extractor: ActionExtractor) -> tuple[list[Responsible], str] | None:
    return trailing_dash_owner(text, extractor, lenient=True)


def _arrow_form(text: str, extractor: ActionExtractor) -> tuple[list[Responsible], str] | None:
    return extractor._arrow_owner(text)
