"""Review server hardening (issue 13): body limit before reading, remote access only with
flag + token + exact hosts, control characters out of exports, CSP/nosniff everywhere."""
from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import zipfile

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from protokollant import exports
from protokollant.cli import main
from protokollant.register import ENV_URL, Register
from protokollant.review import MAX_FORM_BYTES, create_app
from tests.register_fixtures import TODAY, item, march, record

TOKEN = "s3hr-geheim-und-lang-genug"


@pytest.fixture(autouse=True)
def _no_env_url(monkeypatch):
    monkeypatch.delenv(ENV_URL, raising=False)


@pytest.fixture
def outbox(tmp_path):
    out = tmp_path / "outbox"
    with Register.open(out, today=lambda: TODAY) as reg:
        reg.record_minutes(march(), "sitzung-maerz")
        reg.record_minutes(record("steuer.docx", dt.date(2026, 4, 2), [item("Bericht\x00 mit\x1b[31m Steuerzeichen\x07 senden", "Frau Berger")], sha="c" * 64),
                           "steuer")
    return out


@pytest.fixture
def client(outbox):
    with TestClient(create_app(outbox, secret=b"s", today=lambda: TODAY), base_url="http://127.0.0.1") as c:
        yield c


def test_oversized_body_is_refused_with_413_before_it_is_read(outbox):
    app = create_app(outbox, secret=b"s")
    read = []

    async def endless_receive():  # would hand out 500 MB; only the first chunk may ever be asked for
        read.append(1)
        return {"type": "http.request", "body": b"x" * 65536, "more_body": True}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/items/abc", "raw_path": b"/items/abc", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"content-length", str(500 * 1024 * 1024).encode()),
                         (b"content-type", b"application/x-www-form-urlencoded")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 8765), "scheme": "http", "http_version": "1.1",
             "root_path": "", "app": app}
    import asyncio

    asyncio.run(app(scope, endless_receive, send))
    assert sent[0]["status"] == 413 and read == []


def test_chunked_body_is_cut_at_the_limit(client):
    def chunks():
        for _ in range(100):
            yield b"a" * 16384

    r = client.post("/items/abc", content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert MAX_FORM_BYTES < 100 * 16384


def test_every_response_is_nosniff_and_html_has_a_strict_csp(client, outbox):
    from protokollant.render import write_outputs

    write_outputs(march(), outbox / "sitzung-maerz", "sitzung-maerz")
    for path in ("/", "/protokolle/sitzung-maerz", "/protokolle/unbekannt", "/export.csv"):
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        if r.headers["content-type"].startswith("text/html"):
            assert "default-src 'none'" in r.headers["content-security-policy"], path
    with TestClient(create_app(outbox, secret=b"s"), base_url="http://evil.example") as c:
        assert c.get("/").headers["x-content-type-options"] == "nosniff"


def test_control_characters_are_stripped_from_csv_and_xlsx(client):
    text = client.get("/export.csv").content.decode("utf-8-sig")
    assert not any(ch in text for ch in "\x00\x1b\x07")
    assert any("Bericht mit[31m Steuerzeichen senden" in cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row)
    xlsx = client.get("/export.xlsx").content
    sheet = zipfile.ZipFile(io.BytesIO(xlsx)).read("xl/worksheets/sheet1.xml").decode()
    assert "\x00" not in sheet and "\x1b" not in sheet


def test_wildcard_host_is_never_an_allowed_host(outbox):
    app = create_app(outbox, secret=b"s", allowed_hosts=("127.0.0.1", "0.0.0.0"))
    with TestClient(app, base_url="http://0.0.0.0") as c:
        assert c.get("/").status_code == 400


def test_remote_access_needs_a_token_on_every_request(outbox):
    with pytest.raises(ValueError):
        create_app(outbox, allowed_hosts=("pruef.intern",))  # non-loopback without token
    with pytest.raises(ValueError):
        create_app(outbox, allowed_hosts=("pruef.intern",), access_token="kurz")
    app = create_app(outbox, secret=b"s", allowed_hosts=("pruef.intern",), access_token=TOKEN)
    with TestClient(app, base_url="http://pruef.intern") as c:
        r = c.get("/")
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Basic")
        assert c.get("/", headers={"Authorization": "Bearer falsch"}).status_code == 401
        basic = base64.b64encode(f"jb:{TOKEN}".encode()).decode()
        assert c.get("/", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        assert c.get("/export.csv", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with TestClient(app, base_url="http://127.0.0.1") as c:  # only the configured host names
        assert c.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 400


def test_cli_refuses_a_public_bind_without_flag_token_and_hosts(outbox, monkeypatch):
    monkeypatch.delenv("PROTOKOLLANT_REVIEW_TOKEN", raising=False)
    runner = CliRunner()
    r = runner.invoke(main, ["review", "--outbox", str(outbox), "--host", "0.0.0.0"])
    assert r.exit_code == 2 and "--allow-remote" in r.output
    r = runner.invoke(main, ["review", "--outbox", str(outbox), "--host", "0.0.0.0", "--allow-remote", "--allowed-host", "pruef.intern"])
    assert r.exit_code == 2 and "Zugangsschlüssel" in r.output
    monkeypatch.setenv("PROTOKOLLANT_REVIEW_TOKEN", TOKEN)
    r = runner.invoke(main, ["review", "--outbox", str(outbox), "--host", "0.0.0.0", "--allow-remote"])
    assert r.exit_code == 2 and "--allowed-host" in r.output


def test_export_module_strips_controls_directly():
    from protokollant.register import ItemView

    view = ItemView(id="x", task="a\x00b", responsible=[], institutions=[], due_date=None, due_text="", status="open",
                    suggested_status=None, linked_item_id=None, suggestion_source=None, overdue=False, in_source=True,
                    note="n\x1bote", reviewed_by=None, reviewed_at=None, meeting_date=None, meeting_title=None, meeting_file="f",
                    meeting_stem="f", evidence_block=None, evidence_text=None, topic_index=None, topic_label="", confidence=None)
    data = exports.export_csv([view]).decode("utf-8-sig")
    assert "ab" in data and "note" in data and "\x00" not in data and "\x1b" not in data
