"""The newsgraph pipeline page in the Airflow UI.

An Airflow 3 plugin: a FastAPI app that the api-server mounts under ``/newsgraph``, and an
entry in the UI's navigation ("Newsgraph") that shows the page inside the UI.

    /newsgraph/                          the page (HTML): the newest day, or ``?day=YYYY-MM-DD``
    /newsgraph/api/days                  every known day: rows per table, validation status
    /newsgraph/api/days/YYYY-MM-DD       one day: partitions, validation, quarantine, top entities
    /newsgraph/api/chart?days=14         mentions and amounts per day over the last published days
    /newsgraph/validation/dt=YYYY-MM-DD/F  a file of the validation results (JSON, Data Docs)

Airflow does not authenticate the routes of plugin apps, so every route here depends on
:func:`require_user`: the same check as Airflow's own API (``get_user``: the JWT of an
``Authorization: Bearer`` header, else of the ``_token`` cookie the UI sets at login), then
the auth manager must allow the user the website. Without a valid token the answer is 401
(403 for an invalid one or a user without that permission). Airflow's modules are imported
when a request comes, so loading this plugin in the scheduler or a worker costs nothing.

The data come from :mod:`newsgraph.ui` over ``NEWSGRAPH_WAREHOUSE``, read at each request.
"""

from __future__ import annotations

import mimetypes
from datetime import date
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from airflow.plugins_manager import AirflowPlugin

URL_PREFIX = "/newsgraph"

_bearer = HTTPBearer(auto_error=False)

#: The page loads nothing and runs no script; the UI (same origin) may frame it.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
}


async def require_user(
    request: Request,
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> Any:
    """The logged-in user, as Airflow's API authenticates it; 401/403 otherwise."""
    from airflow.api_fastapi.app import get_auth_manager
    from airflow.api_fastapi.auth.managers.models.resource_details import AccessView
    from airflow.api_fastapi.core_api.security import get_user

    user = await get_user(request, _oauth_token=None, bearer_credentials=credentials)
    if not get_auth_manager().is_authorized_view(access_view=AccessView.WEBSITE, user=user):
        raise HTTPException(status_code=403, detail="Forbidden")
    return user


app = FastAPI(
    title="newsgraph pipeline",
    dependencies=[Depends(require_user)],
    docs_url=None,
    redoc_url=None,
    openapi_url=None,
)


def _warehouse():
    from newsgraph.settings import Settings

    return Settings.from_env().warehouse_root


def _base(request: Request) -> str:
    """This app's path as the browser sees it (``/newsgraph/``, behind any base URL)."""
    return request.scope.get("root_path", "").rstrip("/") + "/"


def _login_url(request: Request) -> str:
    try:
        from airflow.api_fastapi.app import get_auth_manager

        return get_auth_manager().get_url_login(next_url=str(request.url))
    except Exception:  # the page still says what to do
        return "/"


@app.exception_handler(HTTPException)
async def _refused(request: Request, exc: HTTPException) -> Response:
    """JSON for the API; for the page, a short HTML answer with the same status and a login link."""
    wants_html = "text/html" in request.headers.get("accept", "") and not request.url.path.startswith(
        _base(request) + "api/"
    )
    if exc.status_code in (401, 403) and wants_html:
        from html import escape

        what = "Log in to Airflow" if exc.status_code == 401 else "Your Airflow user may not see this page"
        body = (
            "<!doctype html><meta charset='utf-8'><title>newsgraph</title>"
            "<body style='font:15px system-ui,sans-serif;margin:40px'>"
            f"<p>{escape(what)}: <a target='_top' href='{escape(_login_url(request), quote=True)}'>log in</a>.</p>"
        )
        return HTMLResponse(body, status_code=exc.status_code, headers={**_PAGE_HEADERS, **(exc.headers or {})})
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(status_code=400, detail=f"day {value!r} is not a date YYYY-MM-DD") from None


@app.get("/", response_class=HTMLResponse, name="page")
def page(request: Request, day: str | None = Query(default=None)) -> HTMLResponse:
    from newsgraph import ui

    root = _warehouse()
    days = ui.list_days(root)
    detail = None
    if day:
        detail = ui.day_detail(root, _parse_day(day))
        if detail is None:
            raise HTTPException(status_code=404, detail=f"nothing published or validated for {day} in {root}")
    elif days:
        published = [d for d in days if d["published"]]
        detail = ui.day_detail(root, date.fromisoformat((published or days)[0]["day"]))
    html = ui.render_page(root, days, detail, ui.chart_series(root), base=_base(request))
    return HTMLResponse(html, headers=_PAGE_HEADERS)


@app.get("/api/days")
def api_days() -> dict[str, Any]:
    from newsgraph import ui

    root = _warehouse()
    return {"warehouse": str(root), "days": ui.list_days(root)}


@app.get("/api/days/{day}")
def api_day(day: str) -> dict[str, Any]:
    from newsgraph import ui

    root = _warehouse()
    detail = ui.day_detail(root, _parse_day(day))
    if detail is None:
        raise HTTPException(status_code=404, detail=f"nothing published or validated for {day} in {root}")
    return {"warehouse": str(root), **detail}


@app.get("/api/chart")
def api_chart(days: int = Query(default=14, ge=1, le=366)) -> dict[str, Any]:
    from newsgraph import ui

    root = _warehouse()
    return {"warehouse": str(root), "days": days, "series": ui.chart_series(root, days=days)}


@app.get("/validation/{path:path}")
def validation_file(path: str) -> Response:
    from newsgraph import ui
    from newsgraph.storage.objectstore import is_remote

    found = ui.validation_file(_warehouse(), path)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no validation file {path!r}")
    media_type = "application/json" if found.suffix == ".json" else mimetypes.guess_type(found.name)[0]
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"}
    if found.suffix in (".html", ".htm"):
        # Data Docs: shown, never run (no script, no request elsewhere, no access to the UI's cookie)
        headers["Content-Security-Policy"] = (
            "sandbox allow-popups; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
        )
    if is_remote(found):  # a warehouse in object storage: the file is read from there
        return Response(found.read_bytes(), media_type=media_type or "application/octet-stream", headers=headers)
    return FileResponse(found, media_type=media_type or "application/octet-stream", headers=headers)


_ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#64748b" '
    'stroke-width="2" stroke-linecap="round"><path d="M4 20V10M10 20V4M16 20v-7M22 20H2"/></svg>'
)


@app.get("/icon.svg")
def icon() -> Response:
    return Response(_ICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=3600"})


class NewsgraphUIPlugin(AirflowPlugin):
    name = "newsgraph_ui"
    fastapi_apps = [{"app": app, "url_prefix": URL_PREFIX, "name": "newsgraph pipeline"}]
    external_views = [
        {
            "name": "Newsgraph",
            "href": f"{URL_PREFIX}/",
            "url_route": "newsgraph",
            "destination": "nav",
            "nav_top_level": True,
            "icon": f"{URL_PREFIX}/icon.svg",
        }
    ]
