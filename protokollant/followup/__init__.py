"""Follow-up across meetings: the register turned into the office's follow-up.

One concern per module:

    bodies.py        which meetings belong to the same body (organisation identity + alias file)
    meetings.py      the register's meetings with their body, in order
    records.py       a meeting's JSON record read back from the outbox
    decisions_log.py every decision of every meeting (``protokollant decisions list``)
    review_tab.py    the "Beschlüsse" tab of the review page
    carryover.py     "Offene Aufgaben aus früheren Sitzungen" in a meeting's report
    postponed.py     postponed and only-noted agenda items (record fields, schema 1.1)
    next_meeting.py  Word draft for the next meeting's invitation
    contacts.py      the office's contacts file (addresses, never guessed)
    notify.py        reminder e-mails (.eml, optional SMTP with STARTTLS)
    oparl.py         OParl 1.1 export
    publicity.py     which agenda items are not public
    public.py        public version of a report without personal names
    after_run.py     what runs after a batch: carry-over refresh, public reports
    store.py         the register tables and migrations these need

Nothing here imports the package at import time; register.py imports only store.py.
"""
