"""The "Beschlüsse" tab of the review page: the decision log, filterable (read-only)."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from ..errors import ProtokollantError
from ..register import InvalidValueError, parse_due
from .bodies import load_bodies
from .decisions_log import OUTCOME_DE, list_decisions
from .meetings import load_meetings

TEMPLATE = "review_decisions.html.j2"
FILTER_KEYS = ("organisation", "since", "search")


def add_decision_tab(app: FastAPI, outbox, open_register: Callable, page: Callable, error: Callable) -> None:
    """GET /beschluesse on the review app (the app's own guard, headers and templates apply)."""

    @app.get("/beschluesse", response_class=HTMLResponse)
    def decisions_page(request: Request) -> Response:
        filters = {k: v.strip()[:200] for k, v in request.query_params.items() if k in FILTER_KEYS and v and v.strip()}
        try:
            since = parse_due(filters["since"]) if filters.get("since") else None
            bodies = load_bodies(outbox)
            with open_register() as reg:
                meetings = load_meetings(reg, bodies)
                entries = list_decisions(reg, bodies, organisation=filters.get("organisation"), since=since,
                                         search=filters.get("search"), meetings=meetings)
                total = len(list_decisions(reg, bodies, meetings=meetings))
        except InvalidValueError as e:
            return error(400, str(e), "/beschluesse")
        except ProtokollantError as e:
            return error(500, str(e), "/beschluesse")
        organisations = sorted({m.body for m in meetings if m.body}, key=str.casefold)
        return page(TEMPLATE, entries=entries, total=total, filters=filters, organisations=organisations,
                    outcomes=OUTCOME_DE, query=urlencode(filters))


__all__ = ["add_decision_tab"]
