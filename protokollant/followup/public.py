"""Public version of a report (``<name>.oeffentlich.html``) for a website.

What changes against the internal report:

* person names are replaced by their role or institution ("Vertreterin der
  IHK", "Vorsitz"), in every text (tasks, decisions, quotes, titles), also as
  surname, first name, initials and with "Frau"/"Herr"; other people named
  with a salutation ("Fr. Kaltenbach") become "N. N.";
* attendance is shown as institutions only (and a count of the others);
* non-public agenda items (``publicity.non_public_topics``: "nicht öffentlicher
  Teil", items numbered "NÖ") are left out with their decisions and tasks;
* review notes are left out: warnings, "unsicher" marks, confidence, the
  carry-over from the register, file name and checksum.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..paths import models_dir
from ..fileio import write_atomic
from ..render import action_rows, decision_groups, topic_views, get_environment
from ..schema import MinutesRecord, Person
from .records import PUBLIC_SUFFIX, read_record
from .publicity import non_public_topics

TEMPLATE = "report_public.html.j2"
_FEMININE_HEADS = re.compile(
    r"(kammer|ung|stelle|schaft|agentur|stadt|gemeinde|behörde|schule|universität|kommission|gruppe|initiative|"
    r"hilfe|partei|fraktion|polizei|feuerwehr|wehr|kirche|diakonie|caritas|ihk|hwk|ag)\b", re.I)
_SALUTED = re.compile(r"\b(?:Frau|Fr\.|Herrn?|Hr\.)\s+(?:(?:Dr|Prof)\.\s+)?[A-ZÄÖÜ][\w\-]+")
_FUNCTIONS = re.compile(r"^(vorsitz|stellv|protokoll|geschäftsf|geschäftsstelle|leitung|moderation|kassen|schrift|sprecher)", re.I)


@dataclass
class Replacement:
    pattern: re.Pattern
    text: str


def _role_text(person: Person | None, role: str | None, female: bool | None) -> str:
    role = (role or (person.role if person else None) or "").split(",")[0].strip()
    if not role:
        return "ein Mitglied"
    if _FUNCTIONS.match(role):
        return role
    noun = {True: "Vertreterin", False: "Vertreter"}.get(female, "Vertretung")
    return f"{noun} der {role}" if _FEMININE_HEADS.search(role.split()[0] if role.split() else role) else f"{noun} ({role})"


def _female(name: str, texts: list[str]) -> bool | None:
    surname = re.escape(name.split()[-1])
    joined = " ".join(texts)
    if re.search(rf"\b(?:Frau|Fr\.)\s+(?:\w+\s+)?{surname}\b", joined):
        return True
    if re.search(rf"\b(?:Herrn?|Hr\.)\s+(?:\w+\s+)?{surname}\b", joined):
        return False
    return None


def _replacements(record: MinutesRecord) -> list[Replacement]:
    texts = [b for b in (record.meeting.title or "",)] + [a.task + " " + a.evidence.text for a in record.action_items] + \
        [d.text + " " + d.evidence.text for d in record.decisions] + [p.text for p in record.progress_reports]
    m = record.meeting
    people: dict[str, tuple[Person | None, str | None]] = {}
    for person in (*m.participants.present, *m.participants.excused, *m.participants.guests):
        people.setdefault(person.name, (person, person.role))
    for name, role in ((m.chair, "Vorsitz"), (m.minute_taker, "Protokoll")):
        if name:
            known = people.get(name, (None, None))[0]
            people[name] = (known, role if not (known and known.role) else known.role)
    for item in record.action_items:
        for r in item.responsible:
            if r.kind.value == "person":
                for name in {r.name, r.resolved} - {None}:
                    people.setdefault(name, (None, None))
    out: list[Replacement] = []
    for name, (person, role) in sorted(people.items(), key=lambda kv: -len(kv[0])):
        clean = re.sub(r"^(?:Frau|Fr\.|Herrn?|Hr\.)\s+", "", name).strip()
        if len(clean) < 2:
            continue
        text = _role_text(person, role, _female(clean, texts))
        salutation = r"(?:(?:Frau|Fr\.|Herrn?|Hr\.)\s+)?(?:(?:Dr|Prof)\.\s+)?"
        forms = [clean]
        words = clean.split()
        if len(words) > 1:
            forms += [words[-1], words[0]]  # surname, first name
        if person and person.initials and len(person.initials) >= 2:
            forms.append(person.initials)
        for form in forms:
            if len(form) < 2:
                continue
            out.append(Replacement(re.compile(rf"{salutation}(?<![\w-]){re.escape(form)}(?:s|')?(?![\w-])"), text))
    return out


@functools.lru_cache(maxsize=1)
def _first_name_full_name() -> re.Pattern:
    """"Michael Goedicke": a known first name before a capitalised word is a person (models/names/first_names.txt)."""
    path = models_dir() / "names" / "first_names.txt"
    names = [n.strip() for n in path.read_text(encoding="utf-8").splitlines() if n.strip() and not n.startswith("#")]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})\s+(?:[A-ZÄÖÜ]\.\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?![\w-])")


def scrub(text: str | None, replacements: list[Replacement]) -> str | None:
    """Names in ``text`` replaced: the meeting's people by role, anyone else named by "N. N."."""
    if not text:
        return text
    for r in replacements:
        text = r.pattern.sub(r.text, text)
    text = _SALUTED.sub("N. N.", text)
    return _first_name_full_name().sub("N. N.", text)


def attendance_institutions(record: MinutesRecord) -> tuple[list[str], int]:
    """Institutions of the present (in order), and how many present have none."""
    institutions: list[str] = []
    others = 0
    for person in record.meeting.participants.present:
        role = (person.role or "").split(",")[0].strip()
        if role and not _FUNCTIONS.match(role):
            if role not in institutions:
                institutions.append(role)
        else:
            others += 1
    return institutions, others


def public_record(record: MinutesRecord) -> MinutesRecord:
    """A copy without non-public items, names replaced, review notes dropped."""
    hidden = non_public_topics(record)
    rep = _replacements(record)
    data = record.model_copy(deep=True)
    data.topics = [t for t in data.topics if t.index not in hidden]
    for t in data.topics:
        t.title = scrub(t.title, rep)
        for s in t.subtopics:
            s.title = scrub(s.title, rep)
    data.decisions = [d for d in data.decisions if d.topic_index not in hidden]
    for d in data.decisions:
        d.text, d.evidence.text = scrub(d.text, rep), scrub(d.evidence.text, rep)
        if d.vote and d.vote.text:
            d.vote.text = scrub(d.vote.text, rep)
        d.confidence = 1.0
    data.action_items = [a for a in data.action_items if a.topic_index not in hidden]
    for a in data.action_items:
        a.task, a.evidence.text = scrub(a.task, rep), scrub(a.evidence.text, rep)
        for r in a.responsible:
            r.name = scrub(r.name, rep) or r.name
            r.resolved = None
        if a.due:
            a.due.text = scrub(a.due.text, rep)
        a.confidence = 1.0
    data.progress_reports = []
    data.postponed = [p for p in data.postponed if p.topic_index not in hidden]
    data.noted = [n for n in data.noted if n.topic_index not in hidden]
    data.warnings = []
    m = data.meeting
    m.title = scrub(m.title, rep)
    m.chair = m.minute_taker = None
    m.participants.present, m.participants.excused, m.participants.guests = [], [], []
    return data


def render_public(record: MinutesRecord) -> str:
    institutions, others = attendance_institutions(record)
    public = public_record(record)
    hidden = len(record.topics) - len(public.topics)
    return get_environment().get_template(TEMPLATE).render(
        record=public, meeting=public.meeting, topics=topic_views(public), decision_groups=decision_groups(public),
        actions=action_rows(public), institutions=institutions, others=others, hidden=hidden,
    )


def write_public_report(outbox: str | os.PathLike, stem: str) -> Path:
    record = read_record(outbox, stem)
    path = Path(outbox) / stem / f"{stem}{PUBLIC_SUFFIX}"
    write_atomic(path, render_public(record).encode("utf-8"))
    return path


__all__ = ["public_record", "render_public", "scrub", "write_public_report"]
