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

from protokollant.register import ENV_URL, Register
from protokollant.review import create_app
from tests.test_register import TODAY, march
from tests.test_review import april

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
                "(scripts/install_system_deps.sh), sonst `apt-get install -y chromium`.")


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


def _rows(cdp: CDP) -> list[str]:
    return cdp.eval("[...document.querySelectorAll('tbody tr td:first-child')].map(td => td.firstChild.textContent.trim())")


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
    assert after.reviewed_by == "Prüfseite"
    assert [(h.field, h.new) for h in history if h.by == "Prüfseite"] == [("status", "done")]

    shot = base64.b64decode(cdp.call("Page.captureScreenshot", format="png")["data"])
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    out = tmp_path / "review.png"
    out.write_bytes(shot)
    if os.environ.get("PROTOKOLLANT_TEST_ARTIFACTS"):
        target_dir = Path(os.environ["PROTOKOLLANT_TEST_ARTIFACTS"])
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out, target_dir / "review.png")
