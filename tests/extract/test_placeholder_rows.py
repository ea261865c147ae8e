"""A task table kept from a template has rows left as placeholders ("… | … | …"): an ellipsis cell
names nobody and holds nothing, so such a row is no task. Word files rendered from markup
(``record``: tests/extract/conftest.py)."""


def test_ellipsis_rows_of_a_task_table_are_no_tasks(record):
    r = record("""= Sprint-Meeting Gruppe 12
Datum: 12.11.2021
# TOP 1 Aufgaben
|= Nr. | Aufgabe | Verantwortlich | Bis | Status |
| 1 | Datenbankschema anlegen | Lea | 19.11.2021 | in Arbeit |
| … | … | … | … | … |
| … | time_recording | … | … | in Arbeit |
""")
    assert [(a.task, [o.name for o in a.responsible]) for a in r.action_items] == [("Datenbankschema anlegen", ["Lea"])]
