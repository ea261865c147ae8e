"""Shared test setup.

At import time (before any test module imports prefect): PREFECT_HOME points
at a temporary directory for this test session, and telemetry is off.
"""
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Test helpers are imported one way, as `tests.<module>` (also by the subprocesses
# that run `python -m tests.crash_runner`): the project root must be importable.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.append(_ROOT)

_PREFECT_HOME = tempfile.mkdtemp(prefix="protokollant-tests-prefect-")
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)
os.environ["PREFECT_HOME"] = _PREFECT_HOME
# Derived data (the lemma table cache) goes to a session temp dir, never the user's ~/.cache.
os.environ["PROTOKOLLANT_CACHE"] = os.path.join(_PREFECT_HOME, "protokollant-cache")
os.environ.pop("PREFECT_API_URL", None)  # never talk to a developer's real server
os.environ.pop("PREFECT_PROFILES_PATH", None)
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect server (SQLite in a temp dir) for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


# Heavy tests: a real Prefect server or workers, Chromium, PostgreSQL, child processes that
# are killed on purpose, the benchmark and the whole corpus. `pytest -m "not heavy"` is the
# fast subset (under a minute); `make test` runs everything.
HEAVY_MODULES = frozenset({
    "test_scaleout", "test_flows", "test_review_browser", "test_register_postgres", "test_run_process",
    "test_bench_smoke", "test_crash_safety", "test_corpus_regression", "test_run_cli",
})


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
        if module in HEAVY_MODULES or "prefect_harness" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.heavy)
