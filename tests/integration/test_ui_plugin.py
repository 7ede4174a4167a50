"""The pipeline page plugin in a real ``airflow api-server``.

The module starts one api-server (``airflow_server.AirflowServer`` with that process only:
free port, private AIRFLOW_HOME, fresh SQLite DB, the simple auth manager with an ``admin``
user whose password comes from a passwords file, the project's plugins folder) over a
warehouse where the seed day was run with ``run_day``.
It checks that the plugin's page and JSON refuse anonymous requests, answer a user with a
token from ``POST /auth/token`` (header or the UI's cookie) with the seed day's numbers,
and, when Chromium is installed, logs in through the UI's login form in headless Chromium,
opens the page from the navigation and saves a screenshot (also to
``$NEWSGRAPH_SCREENSHOTS`` when set).
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
import requests

from newsgraph import pipeline
from newsgraph.settings import PROJECT_ROOT, Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

from airflow_server import AirflowServer  # noqa: E402
from browser_support import chrome, save_screenshot  # noqa: E402

pytestmark = pytest.mark.integration

SEED_DAY = "2025-09-01"
SEED_COUNTS = {"articles": 1, "entity_mentions": 102, "amounts": 5, "dates": 10, "quarantine": 0}


class Server(AirflowServer):
    """An installation with the api-server only: the page reads the warehouse, not the scheduler."""

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(f"{self.base_url}{path}", timeout=60, allow_redirects=False, **kwargs)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("ui-plugin")
    srv = Server(root=root, components=("api-server",))
    settings = Settings.from_env().with_overrides(
        landing_root=PROJECT_ROOT / "seeds" / "landing", warehouse_root=srv.warehouse
    )
    summary = pipeline.run_day(settings, date.fromisoformat(SEED_DAY), run_id="manual__ui_seed")
    assert {t: v["rows"] for t, v in summary["tables"].items() if t in SEED_COUNTS} == SEED_COUNTS
    try:
        srv.start()
        yield srv
    except BaseException:
        print(srv.tails(80), file=sys.stderr)
        raise
    finally:
        srv.stop()
        if os.environ.get("NEWSGRAPH_KEEP_TEST_HOME"):
            print(f"kept the UI test's Airflow home in {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def token(server) -> str:
    return server.token()


ROUTES = ["/newsgraph/", "/newsgraph/api/days", f"/newsgraph/api/days/{SEED_DAY}", "/newsgraph/api/chart",
          f"/newsgraph/validation/dt={SEED_DAY}/articles.json", "/newsgraph/icon.svg"]


@pytest.mark.parametrize("path", ROUTES)
def test_anonymous_requests_are_refused(server, path):
    response = server.get(path)
    assert response.status_code == 401, response.text
    assert "Not authenticated" in response.text
    assert "Pakistan" not in response.text


def test_anonymous_browser_request_for_the_page_gets_a_login_link(server):
    response = server.get("/newsgraph/", headers={"Accept": "text/html"})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("text/html")
    assert "/auth/login" in response.text and "Pakistan" not in response.text


@pytest.mark.parametrize("credentials", ["header", "cookie"])
def test_a_forged_token_is_refused(server, credentials):
    forged = "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl"
    kwargs = {"headers": {"Authorization": f"Bearer {forged}"}} if credentials == "header" else {"cookies": {"_token": forged}}
    response = server.get("/newsgraph/api/days", **kwargs)
    assert response.status_code in (401, 403), response.text
    assert "days" not in response.text


def test_the_json_holds_the_seed_day(server, token):
    auth = {"Authorization": f"Bearer {token}"}

    days = server.get("/newsgraph/api/days", headers=auth)
    assert days.status_code == 200, days.text
    assert days.json()["days"] == [{"day": SEED_DAY, "published": True, "counts": SEED_COUNTS, "validation": "passed"}]

    day = server.get(f"/newsgraph/api/days/{SEED_DAY}", headers=auth).json()
    assert day["counts"] == SEED_COUNTS
    assert {p["table"]: p["rows"] for p in day["partitions"]} == SEED_COUNTS
    assert day["validation"]["status"] == "passed"
    assert sorted(t["table"] for t in day["validation"]["tables"]) == sorted(SEED_COUNTS)
    assert day["quarantine"]["count"] == 0
    # "China" inside "the China-Pakistan Economic Corridor" is the corridor, not a mention of the country
    assert [(e["canonical_name"], e["mentions"]) for e in day["top_entities"]["GPE"][:2]] == [("Pakistan", 25), ("China", 11)]

    chart = server.get("/newsgraph/api/chart", headers=auth).json()["series"]
    assert [(p["day"], p["mentions"], p["amounts"], p["value_usd_sum"]) for p in chart] == [
        (SEED_DAY, 102, 5, 27_800_000_000.0)
    ]

    result = server.get(f"/newsgraph/validation/dt={SEED_DAY}/articles.json", headers=auth)
    assert result.status_code == 200 and result.json()["success"] is True
    assert result.headers["content-type"].startswith("application/json")
    outside = f"/newsgraph/validation/dt={SEED_DAY}/..%2F..%2Farticles%2Fdt={SEED_DAY}%2Fpart-00000.parquet"
    assert server.get(outside, headers=auth).status_code == 404
    assert server.get("/newsgraph/api/days/2025-13-01", headers=auth).status_code == 400
    assert server.get("/newsgraph/api/days/2025-08-31", headers=auth).status_code == 404


def test_validation_pages_are_served_sandboxed(server, token):
    page = server.warehouse / "_validation" / f"dt={SEED_DAY}" / "ui-test-page.html"
    page.write_text("<html><body><p>validation page</p><script>document.title = 'ran'</script></body></html>")
    try:
        response = server.get(f"/newsgraph/validation/dt={SEED_DAY}/{page.name}", cookies={"_token": token})
    finally:
        page.unlink()
    assert response.status_code == 200 and "validation page" in response.text
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert policy.startswith("sandbox") and "allow-scripts" not in policy and "default-src 'none'" in policy


def test_the_page_answers_the_ui_session_cookie(server, token):
    response = server.get("/newsgraph/", cookies={"_token": token})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    for table, rows in SEED_COUNTS.items():
        assert f'id="count-{table}" data-table="{table}">{rows}</div>' in response.text
    assert "Muhammad Aurangzeb" in response.text and "<svg" in response.text


def test_the_plugin_is_registered_with_its_navigation_entry(server, token):
    plugins = server.get("/api/v2/plugins", headers={"Authorization": f"Bearer {token}"}).json()["plugins"]
    (plugin,) = [p for p in plugins if p["name"] == "newsgraph_ui"]
    assert [a["url_prefix"] for a in plugin["fastapi_apps"]] == ["/newsgraph"]
    assert [(v["name"], v["href"], v["url_route"]) for v in plugin["external_views"]] == [
        ("Newsgraph", "/newsgraph/", "newsgraph")
    ]


def test_a_user_logs_in_and_opens_the_page_in_the_ui(server, tmp_path):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = chrome(tmp_path / "chromium-profile", window_size="1440,1500")
    try:
        # A look-up while the single-page UI navigates (to the login form, back after it) is
        # aborted ("aborted by navigation"): keep waiting, as for an element not there yet.
        wait = WebDriverWait(driver, 90, ignored_exceptions=(WebDriverException,))
        driver.get(f"{server.base_url}/")
        # the UI sends an anonymous visitor to the login form
        wait.until(ec.url_contains("/auth/login"))
        wait.until(ec.presence_of_element_located((By.NAME, "username"))).send_keys(server.username)
        driver.find_element(By.NAME, "password").send_keys(server.password)
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

        # logged in: the navigation has the plugin's entry; open the page through it
        entry = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a[href$='plugin/newsgraph']")))
        entry.click()
        wait.until(ec.url_contains("/plugin/newsgraph"))
        wait.until(ec.frame_to_be_available_and_switch_to_it((By.CSS_SELECTOR, "iframe[title='Newsgraph']")))
        wait.until(ec.presence_of_element_located((By.ID, "count-entity_mentions")))
        counts = {t: driver.find_element(By.ID, f"count-{t}").text for t in SEED_COUNTS}
        text = driver.find_element(By.TAG_NAME, "body").text
        status = driver.find_element(By.ID, "validation-status").text
        driver.switch_to.default_content()

        shot = save_screenshot(driver, tmp_path / "newsgraph-ui.png", "the pipeline page")
    finally:
        driver.quit()

    assert counts == {t: str(n) for t, n in SEED_COUNTS.items()}
    assert status == "validation passed"
    assert SEED_DAY in text
    for expected in ("Muhammad Aurangzeb", "Pakistan", "China-Pakistan Economic Corridor", "$27.8B", "0 inputs quarantined"):
        assert expected in text
    assert shot.stat().st_size > 10_000
