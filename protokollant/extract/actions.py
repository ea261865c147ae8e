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
from .arrow_owner import arrow_owner
from .deadlines import find_deadlines, parse_deadline, states_start
from .decisions import decision_column
from .first_person import first_person_task
from ..structure import SectionRole, is_item_line
from ..text_match import letters_in_order
from .owner_forms import (GROUP_OF_MEMBERS, assigned_to, body_with_person, bracket_owner_with_deadline, co_owners, colon_assignment,
                          handle_owner, leading_arrow_owners, mentioned_owners, names_only, obligation_agent, owner_phrase, passive_agent,
                          promise, task_colon_owners, trailing_dash_owner, trailing_field_owner, trailing_todo,
                          without_trailing_deadline)
from .owners import MALE_HONORIFICS, NAMED_PERSON, OFFICE_PERSON, SALUTATIONS, OwnerClassifier, may_name_office, office_pronoun
from .people import PeopleIndex
from .subject_owner import subject_owner
from .owner_context import by_owner, with_dash_owner
from .text import INFINITIVE_END, clean, truncate_words
from .units import Unit
from .vocabulary import action_cues, decision_cues


_BY = re.compile(r"^\s*durch\s+(?:(?:den|die|das)\s+)?", re.I)
# One owner and a verb in the 3rd person singular ("Beschaffungsgruppe erarbeitet"), or several
# ("Rieger und Grimm machen", "alle tragen sich"): "Dienstplan verteilen" is a note, not a subject.
# "alle" alone or with a noun naming people ("alle Ressortverantwortlichen", "alle Sprecher*innen";
# not "alle Unterlagen einscannen").
_TODO_SUBJECT = re.compile(
    r"^(?:(?P<one>[A-ZÄÖÜ][\w.-]*|[a-z][\w.-]{1,15})\s+[a-zäöü]\w*t\b"
    r"|(?P<many>(?:[A-ZÄÖÜ][\w.-]*(?:\s*(?:,|und|u\.|&|/|\+)\s*[A-ZÄÖÜ][\w.-]*){1,3})|alle(?:\s+[A-ZÄÖÜ][\w*:-]*(?:innen|lichen|ten|enden|ende|glieder|leitungen|vertretungen|er))?)\s+(?:[a-zäöü]\w*en|sich)\b)"
)
_TODO_SENTENCE_SUBJECT = re.compile(
    r"^(?P<subject>(?:(?:Der|Die|Das)\s+)?[A-ZÄÖÜ][\w.-]*(?:\s+[A-ZÄÖÜ][\w.-]*){0,2}(?:\s*\([^()]{1,60}\))?)\s+(?P<verb>[a-zäöü]\w*t)\b")
_TODO_PLURAL_SUBJECT = re.compile(
    r"^(?P<subject>(?:(?:Hr\.|Fr\.|Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\w.-]*(?:\s*(?:,|und|&|/)\s*(?:(?:Hr\.|Fr\.|Herr|Frau|Dr\.)\s+)?[A-ZÄÖÜ][\w.-]*){1,3})"
    r"\s+(?P<verb>[a-zäöü]\w*en)\b")
# "(… seit 01.01.)", "Protokoll vom 12.03.", "Kassenstand (Stand 20.02.)": a date that says since when,
# of what or as of when, not by when.
_NOT_DUE_BEFORE = re.compile(r"(?:^|[\s(])(?:seit|vom|stand)\s*:?\s*$", re.I)
_SIGNATURE = re.compile(r"^\s*[A-ZÄÖÜ][\w .-]{1,30},\s*(?:den\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*(?:[–—-]|$)")
_NAME_ONLY = re.compile(r"^[A-ZÄÖÜ][\w'-]+,?\s+[A-ZÄÖÜ][\w'.-]+(?:\s+[A-ZÄÖÜ][\w'-]+)?$")
_PAREN_ANY = re.compile(r"\(([^()]{1,40})\)")
_INITIALS_LONG = re.compile(r"^[A-ZÄÖÜ]{2,5}$")
_PASSIVE_AUX = frozenset({"wird", "werden"})
_SIGNED = re.compile(r"\b(?:gez|i\.\s?A|i\.\s?V)\.", re.I)
_CONJUNCTION_START = re.compile(r"^\s*(?:und|oder|sowie|bzw\.?|u\.)\s", re.I)
# "(v. a. AFG, ERI)", "(z. B. Schulamt)", "(u. a. JC)": examples in brackets, not owners.
_EXAMPLES_START = re.compile(r"^\s*(?:v\.\s?a\.|z\.\s?B\.|u\.\s?a\.|insb\.|bspw\.|inkl\.|ca\.|etwa\b|vor allem\b|zum Beispiel\b|unter anderem\b|insbesondere\b)", re.I)
_PAREN_OWNER = re.compile(r"\((?P<owner>[^()]{1,60})\)\s*[.!]?\s*$")
# "Die Verwaltung wird gebeten / beauftragt / aufgefordert, …": the one asked is the owner.
_PASSIVE_ASKED = re.compile(r"^(?P<owner>.{2,60}?)\s+(?:wird|werden|wurde|wurden)\s+(?:[\w.-]+\s+){0,6}?(?:gebeten|beauftragt|aufgefordert|ersucht)\b", re.S)
# Every _PASSIVE_ASKED match holds one of these (the pattern is case-sensitive): one scan rules most sentences out.
_ASKED_WORDS = re.compile(r"gebeten|beauftragt|aufgefordert|ersucht").search
_WORD = re.compile(r"\w+")
_PUT_OFF = re.compile(r"\b(?:vertagt|verschoben|zurückgestellt)\b", re.I)
_DAY_MONTH = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.")  # "19.11.": a calendar date, with or without its year
_SUBORDINATE = re.compile(r",\s*(?:ob|dass|wie|warum|wieso|weshalb|wann|wer|was|welche[rsnm]?|wo|nachdem|weil|da)\b", re.I)


# "Er werde …", "Sie wird … übernehmen", "Sie schickt den Flyer an die Runde", "Er schicke seinen Entwurf
# …": a singular pronoun with a future or indirect-speech verb, or with a task verb in the third person
# singular, indicative or subjunctive (the verb must be a task verb).
_PRONOUN_WILL = re.compile(r"^(?P<pron>[Ee]r|[Ss]ie)\s+(?:werde|wird|will|wolle|möchte|(?P<verb>[a-zäöüß]+[te]))\s+\S+\s+\S")
# "eine Synopse werde er bis Ende Mai an den Beirat schicken": the object first, then the verb and the pronoun
_PRONOUN_INVERTED = re.compile(r"^[^,;:]{2,60}?\s(?:werde|wird|will|wolle|möchte|solle)\s+(?P<pron>er|sie)\s")
# "Eine Vorbereitungsgruppe aus Fr. W., Fr. B. und Hr. A. wurde gebildet; sie soll …"
_FORMED_GROUP = re.compile(
    rf"\b{GROUP_OF_MEMBERS}\s+(?:wurde|wird|ist)\s+(?:\w+\s+)?(?:gebildet|eingerichtet|benannt|gegründet)\b", re.I)
# "Es wird sich eine Gruppe bilden aus A, B und C, die Themen erarbeitet": the group is formed and
# a relative clause, verb last, says what it does.
_GROUP_WITH_TASK = re.compile(rf"\b{GROUP_OF_MEMBERS},\s+(?:die|der)\s+[^,;]*\b[a-zäöüß]\w*(?:t|en)\s*[.!]?$", re.I)
_GROUP_FORMED_WORD = re.compile(r"\b(?:bildet|bilden|gebildet)\b")
_GROUP_PRONOUN = re.compile(r"^(?:sie|diese)\s+(?:soll|solle|sollen|wird|werde|werden)\b", re.I)
# "(5 min)", "(ca. 10 Minuten)", "(Diego, 5-10 min)", "(5’)": the time slot of an agenda entry.
_TIME_SLOT = re.compile(r"\(\s*(?:[^()]*,\s*)?(?:ca\.?\s*|~\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:min(?:s|uten)?|['’])\.?\s*\)", re.I)
# "(Torsten und Nanette kümmern sich)", "(BF lädt ein)": who does it and the verb, closing the line.
_BRACKET_DOER = re.compile(r"^(?P<who>(?:(?:Hr\.|Fr\.|Herr|Frau)\s+)?[A-ZÄÖÜ][\w.-]*(?:\s*(?:,|und|&|\+)\s*(?:(?:Hr\.|Fr\.|Herr|Frau)\s+)?[A-ZÄÖÜ][\w.-]*){0,2})\s+(?P<verb>[a-zäöüß]\w*(?:t|en))\b[^()]{0,30}$")
_TOGETHER_IN = re.compile(r"\s(?:gemeinsam\s+mit|zusammen\s+mit|mit)\s")


def _after_label(text: str) -> str:
    """"Beitrag zur Diamantenen Hochzeit : Günter wird beauftragt, …": the sentence after a topic
    written as a label before a colon."""
    return text.rsplit(": ", 1)[-1] if ": " in text else ""


# "Die Ausschreibung läuft bis 30.09.", "Kapazität reicht bis ca. Oktober", "Der Kurs fällt bis Jahresende aus":
# "bis" ends a period something lasts, no deadline anyone works to.
_LASTS_UNTIL = re.compile(r"\b(?:läuft|laufen|reicht|reichen|bleibt|bleiben|dauert|dauern|gilt|gelten|ruht|ruhen)\b(?:\s+\S+){0,6}?\s+bis\b"
                          r"|\bfällt\b[^.;]*\baus\b|\bhört\b[^.;]*\bauf\b", re.I)
# "mit der Reparatur rechne er bis Ende März", "Der Bericht werde bis Ende August erwartet", "Die Versammlung
# solle im Juni stattfinden": what is expected or will take place, nobody's task.
_EXPECTED = re.compile(r"\b(?:rechne|rechnet|rechnen|erwarte|erwartet|erwarten|vorgesehen|stattfinden|statt)\b", re.I)
_OPEN_POINT_LABELS = frozenset({"OPEN", "NOT_YET", "POSTPONE", "NOT_DECISION"})
_OPEN_POINT = re.compile(r"\b(?:bleibt|ist|sind|noch)\s+offen\b|\bfehlt\s+noch\b|\bungeklärt\b|\bnoch\s+nicht\s+geklärt\b", re.I)


def _names_an_act(text: str, cues) -> bool:
    """Whether a heading says what to do: an infinitive ("… erstellen"), a task verb ("Übernimmt Bene")
    or a noun of an act ("Formulierung des Handlungsfelds")."""
    words = _WORD.findall(re.sub(r"\([^)]*\)", "", text).lower())
    return bool(INFINITIVE_END.search(text)) or not cues.any_task_verb.isdisjoint(words) or any(w.endswith("ung") for w in words)


def _main_clause(text: str) -> str:
    """The text before the first subordinate clause: "nachfragen, ob … gemacht wurde (MH)"
    is a task even though the clause it asks about is in the past."""
    m = _SUBORDINATE.search(text)
    return text[: m.start()] if m else text


def _column(header: list[str] | None, names: tuple[str, ...]) -> int | None:
    if not header:
        return None
    for i, h in enumerate(header):
        h = clean(h).lower().rstrip(":?")
        if h in names or any(h.startswith(n) for n in names if len(n) > 3):
            return i
    return None


class ActionExtractor(OwnerClassifier):
    def __init__(self, people: PeopleIndex, meeting_date: date | None, next_meeting: date | None, institution_names: set[str]):
        super().__init__(people, institution_names)  # people, institution_names: the owner classification
        self._sentence_items: dict[int, tuple[Unit, ActionItem | None]] = {}
        # The last man and woman named with an honorific ("Herr Rück", "Fr. Voss"), for a promise
        # made in the next sentence as "Er sagte zu, …" / "Sie sagte zu, …" (units come in order).
        self.last_named: dict[str, str] = {}
        self.formed_group: tuple[int, str] | None = None  # (block, members) of a group just formed (units come in order)
        self.meeting_date = meeting_date
        self.next_meeting = next_meeting
        self.author: str | None = None  # who wrote the minutes, for their "ich" (first_person.py)
        self._previous: Unit | None = None  # the unit read before (units come in order)

    # -- owners (the classification of an owner phrase is in owners.py, the subject search in subject_owner.py)
    def asked(self, phrase: str) -> list[Responsible]:
        """Who "wird gebeten / beauftragt": a known owner, else the body named with its article
        ("Die Ortsverwaltung", "Der Bauhof"): the request names it as the one to act."""
        # "Beschluss: Der AStA wird beauftragt, …": a label before the sentence is not who is asked.
        phrase = clean(phrase.rsplit(": ", 1)[-1])
        bare = re.sub(r"^(?:Der|Die|Das)\s+", "", phrase)
        owners = self.owners(bare)
        if owners:
            return owners
        words = bare.split()
        # "Die Ortsverwaltung", "Die kreisangehörigen Kommunen": an article and a noun.
        if bare != phrase and 1 <= len(words) <= 3 and words[-1][:1].isupper() and not _CONJUNCTION_START.match(bare):
            return [Responsible(name=bare, kind=ResponsibleKind.INSTITUTION)]
        return []

    def arrow_owner(self, text: str) -> tuple[list[Responsible], str] | None:
        """'Flyer drucken --> FL, AY': the part after the last arrow names the owners (extract/arrow_owner.py)."""
        return arrow_owner(text, self)

    def _paren_owner(self, text: str) -> tuple[list[Responsible], str] | None:
        """'Mitmach-Aufruf erstellen diese Woche (FL), …': persons or groups in brackets.
        An institution in brackets is an abbreviation being introduced, not an owner."""
        if "(" not in text:
            return None  # most sentences: no bracket, nothing to look at
        if _TIME_SLOT.search(text):
            return None  # "Freifunk-Klassenfahrt zum 36C3 (Diego) (5 min)": an agenda entry and who brings it in
        for m in _PAREN_ANY.finditer(text):
            inner = m.group(1)
            if text[m.end():].lstrip().startswith(":") and len(text[: m.start()].split()) <= 3:
                continue  # "LAB (Hr. Reinhardt): Prüfung …": the bracket belongs to the owner before the colon
            # "… Delegierte (und Gäste) anwesend": an addition, not an owner.
            if _CONJUNCTION_START.match(inner) or _EXAMPLES_START.match(inner) or self._abbreviation_of(text[: m.start()], inner):
                continue
            # "Helga Brenner (Vorsitzende) gez.": a name with its role, as under a signature.
            rest = _SIGNED.sub("", text[: m.start()] + text[m.end() :]).strip(" ,.;")
            if rest and (self.owners(rest) or _NAME_ONLY.match(rest)):
                continue  # "Kampow, Ute (Rektorin)": a person listed with the role
            closing = not text[m.end():].strip(" .;!")
            # "… Nachfrage im Channel (durch therojam)": who does it, after "durch".
            inner = _BY.sub("", inner) if closing else inner
            # "Infoabende starten (venti)": a handle closing a task line.
            owners = self.owners(inner, handles=closing and bool(INFINITIVE_END.search(text[: m.start()])))
            if not owners and _TOGETHER_IN.search(inner):
                owners = owner_phrase(inner, self)  # "(Fr. Bauer mit Hr. Seifert)": both do it
            if not owners and closing and (said := _BRACKET_DOER.match(inner)) and said.group("verb") in action_cues().any_task_verb:
                owners = self.owners(said.group("who"), lenient=True)  # "(Martin kümmert sich)", "(Kai bestellt)"
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
            # "(Gesundheitsamt, Fr. Dr. Ulbrich)": a body named beside the person who acts for it owns it with them.
            if owners and (all(
                o.kind in (ResponsibleKind.PERSON, ResponsibleKind.GROUP)
                or (o.kind is ResponsibleKind.INSTITUTION and len(o.name.split()) > 1 and closing_note)
                for o in owners
            ) or ({o.kind for o in owners} == {ResponsibleKind.INSTITUTION, ResponsibleKind.PERSON})):
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
        return letters_in_order(inner, " ".join(words[next(i for i, w in enumerate(words) if w[:1] == inner[0]):]))

    # -- deadlines --------------------------------------------------------
    def due(self, text: str) -> Due | None:
        """The deadline of a sentence: one worded as a deadline ("bis 31.03.") beats a bare date."""
        found = [m for m in find_deadlines(text, self.meeting_date, self.next_meeting)
                 if not states_start(m) and not _NOT_DUE_BEFORE.search(text[max(0, m.start - 12):m.start])]
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
            self._previous = unit
            # _NAMED needs one of the salutations as written (case-sensitive): most sentences have none.
            for m in NAMED_PERSON.finditer(unit.text) if any(s in unit.text for s in SALUTATIONS) else ():
                self.last_named["er" if m.group("title") in MALE_HONORIFICS else "sie"] = m.group(0)
            for m in OFFICE_PERSON.finditer(unit.text) if may_name_office(unit.text) else ():
                self.last_named[office_pronoun(m.group("office"))] = m.group(0)
            # "Eine Vorbereitungsgruppe aus Fr. W., Fr. B. und Hr. A. wurde gebildet; sie soll …": the group's
            # members, for the clause that gives it its task.
            # ("aus" first: most sentences have none, and the pattern is slow to fail)
            self.formed_group = (unit.block.index, fm.group("members")) if (
                " aus " in unit.text and (fm := _FORMED_GROUP.search(unit.text))) else None
        return self._sentence_items[key][1]

    def _from_sentence(self, unit: Unit) -> ActionItem | None:
        text = unit.clean_text
        cues = action_cues()
        if (len(text) < 6 or unit.reports_done() or cues.report.search(text) or cues.not_task.search(text)
                or (cues.not_task_line.match(text) and not cues.organised_noted.search(text)) or (cues.may_not_task_worded(text) and any(rx.search(text) for rx in cues.not_task_worded))):
            return None
        if text.endswith(":") and cues.intro.search(text):
            return None  # "Der Vorstand beantragt, den Zweck wie folgt zu ändern:" introduces a list
        if "," in text and _SIGNATURE.match(text):
            return None  # "Bergheim, 14.11.2026 – G. Okafor": place, date and who signed
        if unit.vote() is not None and decision_cues().vote_only.match(text):
            return None  # "Abstimmung: 36 Ja, 0 Nein, 5 Enthaltungen (Vorstandsmitglieder)": a vote, no task
        owners: list[Responsible] = []
        task = text
        confidence = 0.0
        due = self.due(text)
        due_found = due is not None
        # The main clause and whether it reports (past tense), computed once: several forms below ask.
        main = _main_clause(text)
        past_main = cues.past.search(main) is not None
        if (assigned := assigned_to(text, self)) is not None:
            (owners, task), confidence = assigned, 0.85
        elif (m := cues.todo.match(text)):
            task = m.group("task").strip()
            written = m.group("owner") or m.group("owner2")
            owners = self.owners(written, lenient=bool(m.group("owner2"))) if written else []
            if not owners and m.group("owner"):
                owners = self.owners(written, lenient=True, handles=True)  # "TODO [magu, neoraider] …": only owners stand there
            handle = m.group("handle") or (written if written and written[:1].islower() and " " not in written else None)
            if not owners and handle:
                owners = handle_owner(handle)  # "TODO mira: …"
            if not owners and written and written.casefold().split()[0] == "alle":
                owners = [Responsible(name=written, kind=ResponsibleKind.GROUP)]
            if not owners and (pm := _PAREN_OWNER.search(without_trailing_deadline(task, self))):
                owners = self.owners(pm.group("owner"), lenient=True)  # marked a task: its bracket names who
            # "ToDo: Dienstplan aushängen – Wagner, bis 06.02.", "TODO: Flyer drucken (MBE, bis KW 14)"
            # "Aufgabe: Projektskizze, Zuständig: Aylin + Mariam, bis Ende Mai": an owner field in the line.
            for form in (_marked_dash_owner, bracket_owner_with_deadline, _arrow_form, trailing_field_owner):
                if not owners and (found := form(task, self)) is not None:
                    owners, task = found
            # "Aufgabe: Dekanat wegen Zuschuss anfragen @Sophie": the mention names who, the noun is asked.
            if not owners and "@" in task and (mentioned := mentioned_owners(task, self)) is not None:
                owners, task = mentioned
            # "ToDo: Rieger und Grimm machen …", "ToDo: alle tragen sich … ein": who opens the task.
            # "ToDo: @Karim plant den Ausflug", "ToDo: @Karim und @Lena planen …": mentions as the subject name persons.
            mention_first = task.startswith("@")
            opening = re.sub(r"(?<!\S)@(?=\w)", "", task) if mention_first else task
            if not owners and (sm := _TODO_SUBJECT.match(opening)):
                subject = sm.group("one") or sm.group("many")
                # "alle", "alle Ressortverantwortlichen": everyone (of a group) as written
                # "ToDo: pt schreibt …": a lower-case subject only as a handle
                owners = ([Responsible(name=subject, kind=ResponsibleKind.GROUP)] if subject.casefold().split()[0] == "alle"
                          else self.owners(subject, lenient=True) if subject[:1].isupper()
                          else handle_owner(subject))
            # "ToDo: Fr. Sommer schickt …", "ToDo: Der Vorstand erarbeitet …", "ToDo: AG Finanzen (…) legt …":
            # a sentence after the marker names its owner as its subject.
            if not owners and (sm := _TODO_SENTENCE_SUBJECT.match(opening) or _TODO_PLURAL_SUBJECT.match(opening)):
                # With any other verb ("ToDo: Hr. Celik stimmt … ab", "ToDo: Hr. Kaya und Hr. Ngata
                # schlagen … vor") the subject must be someone the minutes know (or a mention).
                owners = self.owners(sm.group("subject"), lenient=mention_first or sm.group("verb").casefold() in cues.any_task_verb)
            confidence = 0.85
        elif (arrow := self.arrow_owner(text) or leading_arrow_owners(text, self)) is not None:
            owners, task = arrow
            confidence = 0.8
        elif (mentioned := mentioned_owners(text, self)) is not None:
            (owners, task), confidence = mentioned, 0.8
        elif (field := trailing_field_owner(text, self)) is not None:
            (owners, task), confidence = field, 0.8
        elif (marked := trailing_todo(text, self)) is not None:
            (owners, task), confidence = marked, 0.8 if marked[0] else 0.6
        elif cues.may_promise(text) and (promised := promise(text, self, cues.promises)) is not None:
            (owners, task), confidence = promised, 0.75
        elif ":" in text and (m := cues.pledge.match(text)) and (pledged := self.owners(m.group("owner"), lenient=True)):
            owners, task, confidence = pledged, text, 0.75
        elif _ASKED_WORDS(text) and (m := _PASSIVE_ASKED.match(text) or _PASSIVE_ASKED.match(_after_label(text))) and (
                asked := self.asked(m.group("owner"))):
            owners, confidence = asked, 0.75
        elif (agents := passive_agent(main, self, has_deadline=due_found, cues=cues)) is not None:
            owners, confidence = agents, 0.7
        elif (agents := obligation_agent(main, self)) is not None:
            owners, confidence = agents, 0.7
        elif self.formed_group and self.formed_group[0] == unit.block.index and _GROUP_PRONOUN.match(text) and (
                members := self.owners(self.formed_group[1], lenient=True)):
            owners, confidence = members, 0.7
        elif not past_main and " aus " in text and _GROUP_FORMED_WORD.search(text) and (gm := _GROUP_WITH_TASK.search(text)) and (
                members := self.owners(gm.group("members"), lenient=True)) and all(o.kind is ResponsibleKind.PERSON for o in members):
            # "Es wird sich eine Gruppe bilden aus A, B und C, die Themen erarbeitet": its members do it.
            owners, confidence = members, 0.7
        elif (("durch" in text and (om := cues.organised_by.search(text))) or (om := cues.organised_noted.search(text))) and (
                by := self.owners(om.group("owner"), lenient=True)):
            # "Einladung erfolgt durch die WFG.", "Einladung und TO durch IQ.": who does the meeting's
            # organising act named alone.
            owners, confidence = by, 0.7
        elif ((pm := _PRONOUN_WILL.match(text)) and (pm.group("verb") is None or pm.group("verb") in cues.strong_verbs)
              or (pm := _PRONOUN_INVERTED.match(text)) and INFINITIVE_END.search(text)) and (
                named := self.last_named.get(pm.group("pron").casefold())):
            # "Sie werde die Helferliste … aushängen", "eine Synopse werde er bis Ende Mai … schicken":
            # the woman (or man) named last before it.
            owners, confidence = self.owners(named), 0.7
        elif self.author and "ich" in text.lower() and (mine := first_person_task(text, self.author)):
            owners, confidence = mine, 0.7  # "Das kläre ich mit Fr. Wenzel" in a memo: its author's task
        elif (subj := subject_owner(unit, self, has_deadline=due_found or unit.section is SectionRole.TASK)) is not None:
            (owners, task), confidence = subj, 0.7
        elif (colon := task_colon_owners(text, self)) is not None:
            (owners, task), confidence = colon, 0.7
        elif not past_main and (paren := self._paren_owner(text)) is not None:
            owners, task = paren
            confidence = 0.7
        if confidence == 0.7 and ("–" in text or " - " in text) and (dash := trailing_dash_owner(text, self)) is not None:
            owners = with_dash_owner(text, owners, dash[0])
        in_task_list = unit.section is SectionRole.TASK
        if unit.section is SectionRole.REPORT and unit.block.table_index is not None and confidence < 0.8 and not due_found:
            return None  # "Sachstand | ABH meldet 40 offene Anträge" in an item's table reports
        if confidence == 0.0 and not past_main and not text.rstrip().endswith("?"):
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
        if confidence == 0.0 and in_task_list and "?" not in text and not past_main and len(_WORD.findall(text)) >= 2 and not (
                unit.cue_labels() & _OPEN_POINT_LABELS or _OPEN_POINT.search(text)):
            # listed under "Aufgaben:" / "ToDo:": a task even without an owner; not a point still open
            # ("Termin noch offen", "– vertagt auf die Juli-Sitzung", "Wird im Vorstand weiter beraten.")
            confidence = 0.6
        if confidence == 0.0:
            # Unassigned tasks count only with an explicit, dated deadline, stated as one,
            # in a sentence that is neither past (a report) nor a question.
            # "bis 19.11. 2-3 Terminvorschläge": a calendar date is explicit even where the minutes give no
            # year to resolve it with.
            if due is None or (due.date is None and not _DAY_MONTH.search(due.text)) or unit.block.kind is BlockKind.HEADING or "?" in text:
                return None
            # "… verschoben, weil bis Oktober keine Genehmigung zu bekommen ist": the date must
            # belong to the main clause.
            if due.text not in main:
                return None
            words = set(_WORD.findall(text.lower()))
            # "Prüfprotokoll am 14.8. anfragen", "Am 21.06. soll die Bestellung rausgehen": a short
            # note ending in an infinitive; not "Darüber wird … entschieden" (a passive participle).
            note_style = INFINITIVE_END.search(text) and len(text.split()) <= 12 and words.isdisjoint(_PASSIVE_AUX)
            if not cues.deadline_wording.search(due.text) and not cues.obligation.search(text) and not note_style:
                return None
            if cues.past.search(text) or cues.possibility.search(main) or _PUT_OFF.search(text) or _LASTS_UNTIL.search(main) or _EXPECTED.search(main):
                # a report, a possibility ("kann … geändert werden"), or a matter put off to a later
                # meeting ("Satzungsänderung – vertagt auf die Juli-Sitzung"): its date is when it comes up again
                return None
            # "Heike berichtet über den Kassenstand zum 28.02.", "… schlägt vor, in diesem Jahr …":
            # what someone reports or proposes in the meeting; "… soll … beschlossen werden": a
            # decision still to be taken.
            if not words.isdisjoint(cues.narrative_verbs) or "FUTURE" in unit.cue_labels():
                return None
            confidence = 0.5
            if "durch " in main and (by := by_owner(main, self)):
                owners = by  # "Zulieferung der Daten durch die Agentur (Hr. Hoppe) bis 30.06."
        if unit.block.kind is BlockKind.HEADING and due is None and not _names_an_act(task, cues):
            return None  # "Kasse (Ben)", "Logistik (MH)": a heading names a subject and who reports on it
        if not owners and _EVERYONE_ASKED.search(text):
            owners = [Responsible(name="alle", kind=ResponsibleKind.GROUP)]
        if not in_task_list and names_only(text, self):
            return None  # a signature or attendance line (checked last: rarely needed, not cheap)
        # "Der Vorstand übernimmt die Hälfte des Eintritts, einstimmig.": what the body voted is its
        # decision; a task only when a person is named to do it.
        if owners and (unit.vote() is not None or decision_cues().vote_only.match(text)) and not any(
                o.kind is ResponsibleKind.PERSON for o in owners):
            return None  # also "Abstimmung: Der Vorstand gibt das Protokoll frei." (a vote's outcome)
        if len(owners) == 1 and "(" in text:
            owners = body_with_person(text, self, owners)
        if (prev := self._previous) is not None and prev.block is unit.block and _BARE_TASK.match(text) and any(
                prev.text in line and unit.text in line for line in unit.block.text.split("\n")) and prev.vote() is None:
            # "Getränke fürs Sommerfest? Tim kümmert sich.": what is to be done stands in the sentence before
            # (not a vote: "→ alle dafür, aus der Spendenkasse kaufen. AÖ bestellt." decided it).
            task = text = f"{prev.clean_text} {text}"
        return ActionItem(
            task=truncate_words(task, 30),
            responsible=co_owners(text, self, owners),
            due=due,
            topic_index=unit.topic_index,
            evidence=unit.evidence(text=text),
            confidence=confidence,
        )


# "bitte alle bis Ende Juni kommentieren", "… abgeben – alle", "alle: Gebote bis 15.2. abgeben": everyone present is asked.
_EVERYONE_ASKED = re.compile(r"\bbitte\s+alle\b|(?<!\ban )\balle\s+bitte\b|[–—]\s*alle\s*(?:,|[.!]?$)|^\W*alle\s*:", re.I)
# Who and a verb with at most pronouns and particles after it: "Tim kümmert sich.", "Anna macht das.", "Fabi fragt an".
_BARE_TASK = re.compile(r"^\W*[A-ZÄÖÜ][\w.-]*(?:\s+(?:und|\+|&)\s+[A-ZÄÖÜ][\w.-]*)?\s+[a-zäöüß]+"
                        r"(?:\s+(?:sich|das|darum|drum|dafür|es|an|nach|mit|um|drauf|darauf))*(?:\s+bis\s+[\w.]+(?:\s+[\w.]+)?)?\s*[.!]?\s*$")


def _marked_dash_owner(text: str, extractor: ActionExtractor) -> tuple[list[Responsible], str] | None:
    return trailing_dash_owner(text, extractor, lenient=True)


def _arrow_form(text: str, extractor: ActionExtractor) -> tuple[list[Responsible], str] | None:
    return extractor.arrow_owner(text)

