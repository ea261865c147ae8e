"""Review web page (protokollant/review/) with starlette's TestClient."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from protokollant.register import ENV_URL, Register, current_user
from protokollant.review import COOKIE, create_app
from tests.register_fixtures import TODAY, april_review as april, march


@pytest.fixture(autouse=True)
def _no_env_url(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


@pytest.fixture
def outbox(tmp_path):
    out = tmp_path / "outbox"
    with Register.open(out, today=lambda: TODAY) as reg:
        reg.record_minutes(march(), "sitzung-maerz")
        reg.record_minutes(april(), "sitzung-april")
    return out


@pytest.fixture
def client(outbox):
    app = create_app(outbox, secret=b"test-secret", today=lambda: TODAY)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def items_by_task(outbox, **filters):
    with Register.open(outbox, today=lambda: TODAY) as reg:
        return {i.task: i for i in reg.list_items(**filters)}


def token_of(html: str) -> str:
    return re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html).group(1)


def test_page_lists_all_items_escaped(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Aufgaben prüfen" in html
    for task in ("Einladung zum Fachtag versenden", "Übersicht der Praktikumsplätze erstellen", "Raum für die nächste Sitzung reservieren"):
        assert task in html
    assert "<script>alert(1)</script>" not in html
    assert "Flyer &lt;script&gt;alert(1)&lt;/script&gt; drucken lassen" in html
    assert "12.03.2026" in html and "Sitzung vom 16.04.2026" in html
    # overdue: invitation due 31.03.2026, today 20.04.2026
    row = re.search(r'<tr id="item-[^"]+"[^>]*>(?:(?!</tr>).)*Einladung zum Fachtag(?:(?!</tr>).)*</tr>', html, re.S).group(0)
    assert "überfällig" in row and "31.03.2026" in row
    assert "Absatz 6" in row and "Quelle: Einladung zum Fachtag versenden" in row  # evidence block 5 -> Absatz 6
    # cookie: HttpOnly, SameSite=Strict
    set_cookie = r.headers["set-cookie"]
    assert set_cookie.startswith(COOKIE + "=") and "httponly" in set_cookie.lower() and "samesite=strict" in set_cookie.lower()
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert "<script" not in html.replace("&lt;script", "")  # no JavaScript at all
    assert "http://" not in html and "https://" not in html  # no external resources


def test_filters(client):
    html = client.get("/", params={"institution": "IHK"}).text
    assert "Übersicht der Praktikumsplätze" in html and "Flyer" in html
    assert "Einladung zum Fachtag" not in html and "Raum für die nächste" not in html
    html = client.get("/", params={"overdue": "1"}).text
    assert "Einladung zum Fachtag" in html and "Übersicht der Praktikumsplätze" not in html
    html = client.get("/", params={"meeting": "sitzung-april"}).text
    assert "Flyer" in html and "Einladung zum Fachtag" not in html
    html = client.get("/", params={"status": "done"}).text
    assert "Keine Aufgaben für diese Filter" in html
    r = client.get("/", params={"status": "kaputt"})
    assert r.status_code == 400 and "Unbekannter Status" in r.text


def test_post_without_or_with_wrong_token_is_forbidden(client, outbox):
    target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
    client.get("/")  # sets the nonce cookie
    r = client.post(f"/items/{target.id}", data={"status": "done"}, follow_redirects=False)
    assert r.status_code == 403 and "Sicherheitsmerkmal" in r.text
    r = client.post(f"/items/{target.id}", data={"status": "done", "csrf_token": "0" * 64}, follow_redirects=False)
    assert r.status_code == 403
    # a token from another app secret does not work either
    other = create_app(outbox, secret=b"other", today=lambda: TODAY)
    with TestClient(other, base_url="http://127.0.0.1") as c2:
        foreign_token = token_of(c2.get("/").text)
    r = client.post(f"/items/{target.id}", data={"status": "done", "csrf_token": foreign_token}, follow_redirects=False)
    assert r.status_code == 403
    assert items_by_task(outbox)["Raum für die nächste Sitzung reservieren"].status == "open"


def test_post_with_token_changes_item_and_keeps_filters(client, outbox):
    target = items_by_task(outbox)["Übersicht der Praktikumsplätze erstellen"]
    token = token_of(client.get("/", params={"institution": "IHK"}).text)
    r = client.post(f"/items/{target.id}", data={
        "csrf_token": token, "return": "institution=IHK&evil=1", "status": "done",
        "responsible": "; ".join(target.responsible), "due": "01.06.2026", "note": "per Mail bestätigt",
    }, headers={"Origin": "http://127.0.0.1"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    assert r.headers["location"] == "/?institution=IHK"
    after = items_by_task(outbox)["Übersicht der Praktikumsplätze erstellen"]
    assert after.status == "done" and after.due_date == dt.date(2026, 6, 1) and after.note == "per Mail bestätigt"
    who = current_user()  # no name given on this machine: the OS user
    assert after.reviewed_by == who
    with Register.open(outbox) as reg:
        history = reg.history(target.id)
    assert {(h.field, h.new, h.by) for h in history if h.field != "created"} == {
        ("status", "done", who), ("due", "2026-06-01", who), ("note", "per Mail bestätigt", who)}
    # unchanged responsible was not turned into a review
    assert after.responsible == target.responsible
    page = client.get("/", params={"institution": "IHK"}).text
    assert "per Mail bestätigt" in page and f"geprüft: {who}" in page
    assert 'value="01.06.2026"' in page  # the deadline is shown and edited as TT.MM.JJJJ


def test_cross_site_origin_or_referer_is_forbidden(client, outbox):
    target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
    token = token_of(client.get("/").text)
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {"Origin": "http://127.0.0.1:9999"},
                    {"Referer": "http://evil.example/page"}):
        r = client.post(f"/items/{target.id}", data={"csrf_token": token, "status": "done"}, headers=headers, follow_redirects=False)
        assert r.status_code == 403, headers
    assert items_by_task(outbox)["Raum für die nächste Sitzung reservieren"].status == "open"
    r = client.post(f"/items/{target.id}", data={"csrf_token": token, "status": "done"},
                    headers={"Referer": "http://127.0.0.1/?status=open"}, follow_redirects=False)
    assert r.status_code == 303


def test_foreign_host_header_is_rejected(outbox):
    app = create_app(outbox, secret=b"s")
    with TestClient(app, base_url="http://rebound.example") as c:
        assert c.get("/").status_code == 400


def test_domain_errors_give_german_400(client, outbox):
    target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
    token = token_of(client.get("/").text)
    r = client.post("/items/ffffffffffff", data={"csrf_token": token, "status": "done"})
    assert r.status_code == 400 and "Keine Aufgabe mit der Kennung" in r.text
    r = client.post(f"/items/{target.id}", data={"csrf_token": token, "status": "fertig"})
    assert r.status_code == 400 and "Unbekannter Status" in r.text
    r = client.post(f"/items/{target.id}", data={"csrf_token": token, "due": "31.02.2026x"})
    assert r.status_code == 400 and "Ungültiges Datum" in r.text
    assert '<html lang="de">' in r.text
    assert items_by_task(outbox)["Raum für die nächste Sitzung reservieren"].status == "open"


def test_exports(client):
    r = client.get("/export.csv", params={"institution": "IHK"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    text = r.content.decode("utf-8-sig")
    assert "Flyer" in text and "Einladung zum Fachtag" not in text
    r = client.get("/export.xlsx")
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert r.content[:2] == b"PK"
    r = client.get("/export.ics")
    assert r.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in r.content
    assert "attachment" in r.headers["content-disposition"]


def test_evidence_links_open_the_report_at_the_task(client, outbox):
    from protokollant.render import write_outputs

    write_outputs(april(), outbox / "sitzung-april", "sitzung-april")
    page = client.get("/").text
    assert 'href="/protokolle/sitzung-april#absatz-4"' in page
    report = client.get("/protokolle/sitzung-april")
    assert report.status_code == 200 and 'id="absatz-4"' in report.text
    assert "&lt;script&gt;" in report.text and "<script>alert" not in report.text
    # unknown stems and anything path-like are never served
    assert client.get("/protokolle/sitzung-maerz").status_code == 404  # known, but no report written
    assert client.get("/protokolle/unbekannt").status_code == 404
    assert client.get("/protokolle/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_reviewer_name_is_asked_once_and_recorded(client, outbox):
    target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
    token = token_of(client.get("/").text)
    r = client.post("/name", data={"csrf_token": token, "name": "Jana  Berger\x1b", "return": "status=open"},
                    headers={"Origin": "http://127.0.0.1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?status=open"
    page = client.get("/").text
    assert 'Prüfer/in: <strong id="pruefer-name">Jana Berger</strong>' in page
    r = client.post(f"/items/{target.id}", data={"csrf_token": token, "status": "confirmed"},
                    headers={"Origin": "http://127.0.0.1"}, follow_redirects=False)
    assert r.status_code == 303
    with Register.open(outbox) as reg:
        assert reg.get_item(target.id).reviewed_by == "Jana Berger"
        assert [(h.field, h.by) for h in reg.history(target.id) if h.field == "status"] == [("status", "Jana Berger")]
    # without a CSRF token the name is not changed
    assert client.post("/name", data={"name": "Mallory"}, follow_redirects=False).status_code == 403


def test_bulk_status_change(client, outbox):
    items = items_by_task(outbox)
    ids = [items["Raum für die nächste Sitzung reservieren"].id, items["Übersicht der Praktikumsplätze erstellen"].id]
    token = token_of(client.get("/").text)
    r = client.post("/sammel", data={"csrf_token": token, "status": "done", "ids": ids, "return": "institution=IHK"},
                    headers={"Origin": "http://127.0.0.1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/?institution=IHK"
    after = items_by_task(outbox)
    assert {after[t].status for t in ("Raum für die nächste Sitzung reservieren", "Übersicht der Praktikumsplätze erstellen")} == {"done"}
    assert sum(1 for i in after.values() if i.status == "done") == 2
    assert client.post("/sammel", data={"csrf_token": token, "status": "done"}, follow_redirects=False).status_code == 400
    assert client.post("/sammel", data={"csrf_token": token, "status": "kaputt", "ids": ids}, follow_redirects=False).status_code == 400
    assert client.post("/sammel", data={"status": "open", "ids": ids}, follow_redirects=False).status_code == 403


def test_invalid_german_date_is_a_german_error(client, outbox):
    target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
    token = token_of(client.get("/").text)
    r = client.post(f"/items/{target.id}", data={"csrf_token": token, "due": "31.02.2026"}, follow_redirects=False)
    assert r.status_code == 400 and "Ungültiges Datum" in r.text


def test_remote_page_refuses_changes_without_a_name(outbox):
    app = create_app(outbox, secret=b"s", today=lambda: TODAY, allowed_hosts=("pruef.intern",), access_token="x" * 20)
    import base64

    auth = {"Authorization": "Basic " + base64.b64encode(b"u:" + b"x" * 20).decode()}
    with TestClient(app, base_url="http://pruef.intern") as c:
        page = c.get("/", headers=auth).text
        assert "Bitte Ihren Namen angeben" in page
        target = items_by_task(outbox)["Raum für die nächste Sitzung reservieren"]
        r = c.post(f"/items/{target.id}", data={"csrf_token": token_of(page), "status": "done"}, headers=auth, follow_redirects=False)
        assert r.status_code == 400 and "Namen" in r.text
