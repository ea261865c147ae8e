"""The table of deadline forms, in priority order (between two candidates of the
same length and start the earlier form wins).

To add a form, write one entry in the module of its theme (or a new module
listed below): the decorator names the form, gives its pattern (a function of
the grammar, whose regex pieces such as ``gr.month_tok``, ``gr.mod_all`` or
``gr.alt("vague_words")`` come from ``models/deadlines.json``) and the trigger
families it needs; the decorated function resolves a match::

    @form("semester", lambda gr: rf"(?<!\\w)(?P<s>{gr.alt('semester_words')})(?!\\w)", uses={"mod"})
    def semester(gr, m: re.Match, c: Ctx) -> Res:
        ...
        return "relative", some_date, None

The resolver gets the grammar, the match (on the lowercased text) and a ``Ctx``
(original text, meeting date, next meeting, whether a cue such as "bis" or a
label such as "Frist:" stands before it, the ``left`` match); it returns
``(kind, date, range start)`` with a kind of ``KINDS``, or None to reject the
candidate.  The position of the entry in its module, and the order of the
modules below, is its priority.  New words go into ``models/deadlines.json``; a
new trigger family (a word that must occur for the pattern to be tried at all)
is declared in ``Grammar._triggers``.
"""
from __future__ import annotations

from ..form import Form
from . import dates, periods, relative, weeks

FORMS: list[Form] = [*dates.FORMS, *periods.FORMS, *weeks.FORMS, *relative.FORMS]

__all__ = ["FORMS"]
