"""Review page in a real headless Chromium (DevTools protocol; no extra Python packages).

Starts the app with uvicorn on 127.0.0.1 (free port) in a thread, starts
Chromium with --remote-debugging-port, and drives it over the DevTools
websocket (``websockets`` comes with Prefect): load the page, filter by
institution, set one item to "erledigt" with its form, check the register.
Screenshot: tmp_path/review.png, copied to $PROTOKOLLANT_TEST_ARTIFACTS if set.

Chromium missing: the test FAILS; `make test` installs it first (scripts/install_system_deps.sh).
"""
from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from protokollant.register import ENV_URL, Register, current_user
from protokollant.review import create_app
from tests.register_fixtures import TODAY, april_review as april, march

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium() -> str:
    found = _find_browser()
    if found:
        return found
    pytest.fail("Chromium fehlt (gesucht: " + ", ".join(BROWSERS) + "); `make test` installiert es als root "
                "(scripts/install_system_deps.sh), sonst das Debian-Paket chromium installieren.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CDP:
    """Minimal DevTools-protocol client for one page target."""

    def __init__(self, ws_url: str):
        from websockets.sync.client import connect

        self.ws = connect(ws_url, max_size=None, open_timeout=10)
        self.ids = itertools.count(1)

    def call(self, method: str, timeout: float = 15, **params):
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def eval(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JS-Fehler: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.eval(expression)
            except RuntimeError:  # context destroyed during navigation
                value = None
            if value:
                return value
            time.sleep(0.05)
        where = self.eval("location.href + ' | ' + document.body.innerText.slice(0, 500)")
        raise AssertionError(f"Zeitüberschreitung beim Warten auf: {expression}\nSeite: {where}")

    def close(self):
        self.ws.close()


@pytest.fixture
def server(tmp_path, monkeypatch):
    import uvicorn

    monkeypatch.delenv(ENV_URL, raising=False)
    outbox = tmp_path / "outbox"
    with Register.open(outbox, today=lambda: TODAY) as reg:
        reg.record_minutes(march(), "sitzung-maerz")
        reg.record_minutes(april(), "sitzung-april")
    port = _free_port()
    app = create_app(outbox, today=lambda: TODAY)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn startet nicht"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", outbox
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def browser(tmp_path):
    binary = ensure_chromium()
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    proc = subprocess.Popen([
        binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", f"--user-data-dir={profile}",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--window-size=1400,900", "about:blank",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    cdp = None
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if proc.poll() is not None:
                pytest.fail(f"Chromium beendet sich sofort ({proc.returncode}): {proc.stderr.read().decode(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("Chromium öffnet den DevTools-Port nicht (30 s)")
            time.sleep(0.05)
        devtools_port = int(port_file.read_text().split()[0])
        targets = httpx.get(f"http://127.0.0.1:{devtools_port}/json/list", timeout=10).json()
        page = next(t for t in targets if t.get("type") == "page")
        cdp = CDP(page["webSocketDebuggerUrl"])
        cdp.call("Page.enable")
        cdp.call("Runtime.enable")
        yield cdp
    finally:
        if cdp is not None:
            cdp.close()
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def _save_screenshot(cdp: CDP, tmp_path: Path, name: str) -> Path:
    shot = base64.b64decode(cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"])
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    out = tmp_path / name
    out.write_bytes(shot)
    if os.environ.get("PROTOKOLLANT_TEST_ARTIFACTS"):
        target_dir = Path(os.environ["PROTOKOLLANT_TEST_ARTIFACTS"])
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out, target_dir / name)
    return out


def _rows(cdp: CDP) -> list[str]:
    return cdp.eval("[...document.querySelectorAll('tbody tr td:nth-child(2)')].map(td => td.firstChild.textContent.trim())")


def test_filter_and_mark_done_in_chromium(server, browser, tmp_path):
    base, outbox = server
    cdp = browser
    cdp.call("Page.navigate", url=base + "/")
    cdp.wait_for("document.readyState === 'complete' && document.querySelector('h1') !== null")
    assert cdp.eval("document.querySelector('h1').textContent") == "Aufgaben prüfen"
    assert len(_rows(cdp)) == 4
    assert "Flyer <script>alert(1)</script> drucken lassen" in _rows(cdp)  # shown as text, not executed

    # filter by institution through the filter form
    cdp.eval("""(() => { const f = document.querySelector('form.filter');
                 f.querySelector('input[name=institution]').value = 'IHK';
                 f.querySelector('button[type=submit]').click(); })()""")
    cdp.wait_for("new URLSearchParams(location.search).get('institution') === 'IHK' && document.readyState === 'complete'")
    rows = _rows(cdp)
    assert sorted(rows) == ["Flyer <script>alert(1)</script> drucken lassen", "Übersicht der Praktikumsplätze erstellen"]

    # mark one item as "erledigt" with its row form
    with Register.open(outbox) as reg:
        target = next(i for i in reg.list_items() if i.task == "Übersicht der Praktikumsplätze erstellen")
    cdp.eval(f"""(() => {{ const row = document.getElementById('item-{target.id}');
                 const select = row.querySelector('select[name=status]');
                 select.value = 'done';
                 select.dispatchEvent(new Event('change', {{bubbles: true}}));
                 row.querySelector('form button[type=submit]').click(); }})()""")
    cdp.wait_for(f"""document.readyState === 'complete' && location.search === '?institution=IHK'
                     && document.getElementById('item-{target.id}') !== null
                     && document.querySelector('#item-{target.id} td.status').textContent.includes('erledigt')""")

    with Register.open(outbox) as reg:
        after = reg.get_item(target.id)
        history = reg.history(target.id)
    assert after.status == "done"
    assert after.reviewed_by == current_user()  # no name given on this machine: the OS user
    assert [(h.field, h.new) for h in history if h.by == current_user()] == [("status", "done")]

    shot = base64.b64decode(cdp.call("Page.captureScreenshot", format="png")["data"])
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    out = tmp_path / "review.png"
    out.write_bytes(shot)
    if os.environ.get("PROTOKOLLANT_TEST_ARTIFACTS"):
        target_dir = Path(os.environ["PROTOKOLLANT_TEST_ARTIFACTS"])
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out, target_dir / "review.png")


LONG_TITLE = ("Gemeinsame Sitzung des Koordinierungsgremiums Integration in Ausbildung und Arbeit mit dem "
              "Unterausschuss Berufsorientierung, der Arbeitsgruppe Sprachförderung und dem Beirat für Migration")


@pytest.fixture
def office_server(tmp_path, monkeypatch):
    """Like ``server``, plus a meeting with a very long title and a long unbroken word, and the
    meetings' JSON records in the outbox (so "Quelle" reads "TOP 1, 2. Absatz")."""
    import datetime as dt

    import uvicorn

    from protokollant.render import write_outputs
    from tests.register_fixtures import item, record

    monkeypatch.delenv(ENV_URL, raising=False)
    outbox = tmp_path / "outbox"
    long = record("gemeinsame-sitzung.docx", dt.date(2026, 5, 7), [
        item("Donaudampfschifffahrtsgesellschaftskapitänsmützenbestellungsliste aktualisieren und an alle Beteiligten versenden",
             "Frau Berger", resolved="Jana Berger", due=dt.date(2026, 6, 5), block=5),
        item("Ergebnisse des Fachtags dokumentieren", "Herr Kowalski", resolved="Sven Kowalski", block=7),
    ], sha="c" * 64)
    long.meeting.title = LONG_TITLE
    with Register.open(outbox, today=lambda: TODAY) as reg:
        for rec, stem in ((march(), "sitzung-maerz"), (april(), "sitzung-april"), (long, "gemeinsame-sitzung")):
            write_outputs(rec, outbox / stem, stem)
            reg.record_minutes(rec, stem)
    port = _free_port()
    app = create_app(outbox, today=lambda: TODAY)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn startet nicht"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", outbox
    srv.should_exit = True
    thread.join(10)


def _submit(cdp: CDP, js: str, until: str) -> None:
    cdp.eval("window.__alt = true")
    cdp.eval(js)
    cdp.wait_for(f"window.__alt === undefined && document.readyState === 'complete' && ({until})")


def test_daily_use_at_1280_px(office_server, browser, tmp_path):
    """1280 px: nothing cut or scrolled sideways, long titles wrap; name asked once, German date,
    filters kept in the URL, bulk status change, keyboard reachable; screenshot review-1280.png."""
    import datetime as dt

    base, outbox = office_server
    cdp = browser
    cdp.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
    cdp.call("Page.navigate", url=base + "/?status=open")
    cdp.wait_for("document.readyState === 'complete' && document.querySelector('#aufgaben') !== null")

    # layout: no horizontal scrolling, every column (incl. "Ändern" with its button) inside the window
    wide = cdp.eval("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 1280)"
                    ".map(e => e.tagName + '.' + e.className + '#' + e.id + ':' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)")
    assert cdp.eval("document.documentElement.scrollWidth") <= 1280, wide
    rights = cdp.eval("[...document.querySelectorAll('#aufgaben th, #aufgaben button')].map(e => e.getBoundingClientRect().right)")
    assert rights and max(rights) <= 1280, rights
    wraps = cdp.eval("""(() => { const s = [...document.querySelectorAll('td.sitzung')].find(td => td.textContent.includes('Unterausschuss'));
                        const r = s.getBoundingClientRect(); return [r.height, s.scrollWidth <= s.clientWidth + 1]; })()""")
    assert wraps[0] > 60 and wraps[1], wraps  # the long title wraps inside its cell
    assert cdp.eval("document.querySelector('[id^=item-] td:nth-child(7) summary').textContent").startswith("TOP 1, ")

    # filters come from the URL and stay there
    assert cdp.eval("document.querySelector('form.filter select[name=status]').value") == "open"

    # keyboard: the first Tab reaches the skip link, the checkboxes and forms are native controls
    cdp.call("Input.dispatchKeyEvent", type="keyDown", key="Tab", code="Tab", windowsVirtualKeyCode=9)
    cdp.call("Input.dispatchKeyEvent", type="keyUp", key="Tab", code="Tab", windowsVirtualKeyCode=9)
    assert cdp.eval("document.activeElement.className") == "sprung"

    # the reviewer's name, asked once (cookie)
    _submit(cdp, """(() => { const f = document.querySelector('.pruefer form');
                 f.querySelector('input[name=name]').value = 'Jana Berger'; f.querySelector('button').click(); })()""",
            "document.getElementById('pruefer-name') !== null")
    assert cdp.eval("document.getElementById('pruefer-name').textContent") == "Jana Berger"
    assert cdp.eval("location.search") == "?status=open"

    # German date entry "11.06.2026" passes the form's own check and is saved
    with Register.open(outbox) as reg:
        target = next(i for i in reg.list_items() if i.task == "Ergebnisse des Fachtags dokumentieren")
    valid = cdp.eval(f"""(() => {{ const row = document.getElementById('item-{target.id}');
                 const due = row.querySelector('input[name=due]'); due.value = '11.06.2026'; return due.checkValidity(); }})()""")
    assert valid is True
    _submit(cdp, f"document.getElementById('item-{target.id}').querySelector('form.zeile button').click()",
            f"document.querySelector('#item-{target.id} td.frist').textContent.includes('11.06.2026')")
    with Register.open(outbox) as reg:
        after = reg.get_item(target.id)
    assert after.due_date == dt.date(2026, 6, 11) and after.reviewed_by == "Jana Berger"
    assert cdp.eval("location.search") == "?status=open"

    # bulk: tick two rows, one status for both
    with Register.open(outbox) as reg:
        two = [i.id for i in reg.list_items() if i.meeting_stem == "sitzung-maerz"][:2]
    _submit(cdp, f"""(() => {{ for (const id of {json.dumps(two)}) document.getElementById('wahl-' + id).click();
                 document.getElementById('sammel-status').value = 'confirmed';
                 document.querySelector('#sammel button').click(); }})()""", "true")
    with Register.open(outbox) as reg:
        assert {reg.get_item(i).status for i in two} == {"confirmed"}
        assert {reg.get_item(i).reviewed_by for i in two} == {"Jana Berger"}

    cdp.call("Page.navigate", url=base + "/")
    cdp.wait_for("document.readyState === 'complete' && document.querySelector('#aufgaben') !== null")
    assert cdp.eval("document.documentElement.scrollWidth") <= 1280
    _save_screenshot(cdp, tmp_path, "review-1280.png")
