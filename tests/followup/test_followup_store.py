"""Register migrations 4 and 5 on a register created before them (schema version 3)."""
import sqlalchemy as sa

from protokollant import register as reg_module
from protokollant.register import Register, migrate


def test_old_register_gets_the_follow_up_columns(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'alt.sqlite3'}"
    engine = sa.create_engine(url)
    with engine.begin() as conn:  # a version-3 register as an older Protokollant left it
        conn.execute(sa.text("CREATE TABLE register_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)"))
        conn.execute(sa.text("""CREATE TABLE meetings (id INTEGER PRIMARY KEY, stem VARCHAR(255) NOT NULL, stem_key VARCHAR(255) NOT NULL UNIQUE,
            file_name VARCHAR(500) NOT NULL, sha256 VARCHAR(64) NOT NULL, title TEXT, date DATE, processed_at VARCHAR(40),
            recorded_at VARCHAR(40) NOT NULL, context TEXT NOT NULL)"""))
        conn.execute(sa.text("""CREATE TABLE decisions (id VARCHAR(32) PRIMARY KEY, meeting_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            text TEXT NOT NULL, kind VARCHAR(40), topic_index INTEGER, evidence_block INTEGER, evidence_text TEXT, vote TEXT)"""))
        conn.execute(sa.text("""CREATE TABLE action_items (id VARCHAR(32) PRIMARY KEY, meeting_id INTEGER NOT NULL, ordinal INTEGER NOT NULL,
            task TEXT NOT NULL, topic_index INTEGER, evidence_block INTEGER, evidence_text TEXT, confidence FLOAT,
            ex_responsible TEXT NOT NULL, ex_due_date DATE, ex_due_text TEXT, status VARCHAR(16) NOT NULL, rv_responsible TEXT,
            rv_due_date DATE, note TEXT, reviewed_by VARCHAR(200), reviewed_at VARCHAR(40), suggested_status VARCHAR(16),
            linked_item_id VARCHAR(32), suggestion_source TEXT, missing_since VARCHAR(40), first_seen VARCHAR(40) NOT NULL,
            updated_at VARCHAR(40) NOT NULL)"""))
        conn.execute(sa.text("CREATE TABLE item_history (id INTEGER PRIMARY KEY, item_id VARCHAR(32) NOT NULL, at VARCHAR(40) NOT NULL, by VARCHAR(200) NOT NULL, field VARCHAR(40) NOT NULL, old_value TEXT, new_value TEXT)"))
        conn.execute(sa.text("CREATE TABLE register_state (name VARCHAR(40) PRIMARY KEY, value VARCHAR(200) NOT NULL)"))
        conn.execute(sa.text("CREATE TABLE progress_reports (id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL, ordinal INTEGER NOT NULL, text TEXT NOT NULL, status VARCHAR(10) NOT NULL, evidence_block INTEGER)"))
        for version in (1, 2, 3):
            conn.execute(sa.text("INSERT INTO register_version VALUES (:v, 'alt', '2026-01-01')"), {"v": version})
        conn.execute(sa.text("INSERT INTO meetings VALUES (1, 'alt', 'alt', 'alt.docx', 'x', 'Bürgerrunde April 2015', '2015-04-23', NULL, '2026-01-01', '{}')"))
    engine.dispose()
    with Register.open(url) as register:
        assert register.schema_version() == reg_module.SCHEMA_VERSION == 5
        columns = {c["name"] for c in sa.inspect(register.engine).get_columns("meetings")}
        assert "organisation" in columns
        assert sa.inspect(register.engine).has_table("reminders")
        assert migrate(register.engine) == []  # idempotent
        from protokollant.followup.bodies import load_bodies
        from protokollant.followup.meetings import load_meetings

        [meeting] = load_meetings(register, load_bodies(None))
        assert meeting.body == "Bürgerrunde"  # no organisation stored: derived from the title
