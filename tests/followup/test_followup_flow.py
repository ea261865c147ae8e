"""The nightly flow runs the follow-up after processing: carry-over, public versions, reminders."""
from tests.followup_docs import three_meetings


def test_inbox_flow_follow_up(prefect_harness, tmp_path):
    from protokollant.orchestration.minutes import inbox_flow

    inbox, outbox, mails = tmp_path / "inbox", tmp_path / "outbox", tmp_path / "erinnerungen"
    three_meetings(inbox)  # all three arrive in one night, one batch
    outbox.mkdir()
    (outbox / "kontakte.csv").write_text("Name;E-Mail\nStadtverwaltung;info@stadt.example\n", encoding="utf-8")
    summary = inbox_flow(inbox=str(inbox), outbox=str(outbox), model="blank", stable_seconds=0.0,
                         public=True, notify_out=str(mails), notify_days=3650)
    assert summary["exit_code"] == 0 and len(summary["processed"]) == 3
    follow = summary["followup"]
    assert follow["problems"] == []
    assert set(follow["refreshed"]) == {"lk-2026-03-12", "lk-2026-05-07"}
    last = (outbox / "lk-2026-05-07" / "lk-2026-05-07.html").read_text(encoding="utf-8")
    assert "Offene Aufgaben aus früheren Sitzungen" in last and "steht noch aus" in last
    assert (outbox / "lk-2026-05-07" / "lk-2026-05-07.oeffentlich.html").is_file()
    assert len(list(mails.glob("*.eml"))) == 2  # IHK (draft) and Stadtverwaltung
    assert any(line.startswith("ERSTELLT Stadtverwaltung <info@stadt.example>") for line in follow["reminders"])
    # next night, nothing new in the inbox: no reminder is repeated
    again = inbox_flow(inbox=str(inbox), outbox=str(outbox), model="blank", stable_seconds=0.0, notify_out=str(tmp_path / "zwei"))
    assert again["followup"]["reminders"] == ["Keine neuen Erinnerungen (alle fälligen Aufgaben wurden schon erinnert)."]


def test_serve_passes_the_follow_up_settings_to_the_nightly_deployment(tmp_path):
    from protokollant.orchestration import serve

    dep = serve.build_nightly_deployment(tmp_path / "inbox", tmp_path / "outbox",
                                         followup={"public": True, "notify_out": str(tmp_path / "mails"), "notify_days": 7, "notify_send": False})
    assert dep.parameters["public"] is True
    assert dep.parameters["notify_out"] == str((tmp_path / "mails").resolve())
    assert dep.parameters["notify_days"] == 7 and "notify_send" not in dep.parameters
