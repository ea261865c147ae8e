"""Who is responsible for an item: people and institutions resolved against the meeting's
participants and institutions (the context stored with each meeting)."""
from __future__ import annotations

import json
import re

from ..german import SALUTATION_RE, TITLE_RE
from .identity import normalise_text


def person_display(r: dict) -> str:
    return r.get("resolved") or r.get("name") or ""


_ROLE_FUNCTIONS = re.compile(
    r"^(vorsitz|stellv|protokoll|geschäftsstelle|gast|beratend|moderation|leitung|sprecher|zu\s+top|mitglied)", re.I
)


def canonical_institution(name: str, context: dict) -> str | None:
    key = normalise_text(name)
    if not key:
        return None
    for inst in context.get("institutions", []):
        forms = [inst["name"], *inst.get("aliases", [])]
        if any(normalise_text(f) == key for f in forms):
            return inst["name"]
    for inst in context.get("institutions", []):
        forms = [inst["name"], *inst.get("aliases", [])]
        if any(len(normalise_text(f)) >= 3 and re.search(rf"(?<!\w){re.escape(normalise_text(f))}(?!\w)", key) for f in forms):
            return inst["name"]
    return None


def institution_from_role(role: str | None, context: dict) -> str | None:
    if not role:
        return None
    found = canonical_institution(role, context)
    if found:
        return found
    first = role.split(",")[0].strip()
    if first and not _ROLE_FUNCTIONS.match(first):
        return first
    return None


def find_participant(name: str, context: dict) -> dict | None:
    key = normalise_text(name)
    if not key:
        return None
    key_plain = TITLE_RE.sub("", SALUTATION_RE.sub("", key))
    for person in context.get("participants", []):
        pname = normalise_text(person["name"])
        pplain = TITLE_RE.sub("", pname)
        if key in (pname, pplain) or key_plain in (pname, pplain):
            return person
        if person.get("initials") and key == normalise_text(person["initials"]):
            return person
        if len(key_plain) >= 3 and pplain.split() and pplain.split()[-1] == key_plain.split()[-1] and len(key_plain.split()) == 1:
            return person  # surname only ("Frau Yilmaz")
    return None


def institutions_for(responsible: list[dict], context: dict) -> list[str]:
    """Institutions responsible for an item, from kind=institution entries or a person's role."""
    out: list[str] = []
    for r in responsible:
        kind = r.get("kind") or "unknown"
        name = person_display(r)
        inst = None
        if kind == "institution":
            inst = canonical_institution(name, context) or canonical_institution(r.get("name") or "", context) or name
        else:
            person = find_participant(name, context) or find_participant(r.get("name") or "", context)
            if person is not None:
                inst = institution_from_role(person.get("role"), context)
            elif kind in ("unknown", "group"):
                inst = canonical_institution(name, context)
        if inst and inst not in out:
            out.append(inst)
    return out




def reviewed_responsible(name: str, context: dict) -> dict:
    if canonical_institution(name, context) and not find_participant(name, context):
        return {"name": name, "kind": "institution", "resolved": None}
    person = find_participant(name, context)
    if person is not None:
        return {"name": name, "kind": "person", "resolved": person["name"]}
    return {"name": name, "kind": "unknown", "resolved": None}


def same_responsible(report: list[dict], extracted: list[dict], reviewed_json: str | None) -> bool:
    target = [{"name": n} for n in json.loads(reviewed_json)] if reviewed_json else extracted
    if not target:
        return True

    def keys(rs: list[dict]) -> set[str]:
        out = set()
        for r in rs:
            for v in (r.get("name"), r.get("resolved")):
                if v:
                    k = normalise_text(v)
                    out.add(k)
                    out.add(k.split()[-1])  # surname / last word
        return out

    return bool(keys(report) & keys(target))
