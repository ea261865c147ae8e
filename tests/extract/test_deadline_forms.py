"""The deadline forms are one table: a form added as one entry (pattern + resolver) is found."""
from __future__ import annotations

import json
from datetime import date

from protokollant.extract.deadlines.form import Form
from protokollant.extract.deadlines.forms import FORMS
from protokollant.extract.deadlines.grammar import Grammar
from protokollant.extract.deadlines.matching import candidates, select
from protokollant.paths import models_dir


def test_every_form_has_a_unique_name_and_trigger_families():
    names = [f.name for f in FORMS]
    assert len(names) == len(set(names))
    assert all(f.uses for f in FORMS)


def test_a_new_form_is_one_entry():
    def semester_end(gr, m, c):
        return "relative", date(c.meeting.year, 9, 30) if c.meeting else None, None

    data = json.loads((models_dir() / "deadlines.json").read_text(encoding="utf-8"))
    extra = Form("semester", lambda gr: r"(?<!\w)ende\s+des\s+semesters(?!\w)", semester_end, uses={"part"})
    grammar = Grammar(data, forms=[*FORMS, extra])
    text = "Bericht bis Ende des Semesters abgeben"
    found = select(candidates(grammar, text, date(2026, 3, 12), None, dates_only=False))
    assert [(text[s:e], kind, d) for s, e, _, kind, d, _, _ in found] == [
        ("bis Ende des Semesters", "relative", date(2026, 9, 30))]
    # without the entry the text holds no deadline
    assert select(candidates(Grammar(data), text, date(2026, 3, 12), None, dates_only=False)) == []
