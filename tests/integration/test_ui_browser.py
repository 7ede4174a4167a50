"""The Airflow UI in a real browser: headless Chromium (Debian's ``chromium`` with its
``chromedriver``, driven by Selenium) logs in through the simple auth manager's login form,
opens the ``news_pipeline`` DAG and finds its runs.

Shares the Airflow installation of test_rest_backfill (when both run in one session the runs
are that test's backfill); on its own it triggers one run so the DAG has something to show.
Skipped, saying so, where Chromium is not installed: ``scripts/install-browser`` installs it.
A screenshot of the DAG's runs is saved under pytest's tmp folder and, if it is set, in
``$NEWSGRAPH_SCREENSHOTS``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import airflow_server  # noqa: E402
from airflow_server import DAG_ID, AirflowServer  # noqa: E402
from browser_support import PAGE_LOAD_WAIT as UI_TIMEOUT, chrome, save_screenshot  # noqa: E402

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    driver = chrome(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def server(request) -> AirflowServer:
    return airflow_server.shared_server(request.config)


@pytest.fixture(scope="module")
def run_ids(server) -> list[str]:
    """The DAG's runs, as the API lists them; one is triggered if there is none yet."""
    runs = server.dag_runs()
    if not runs:
        server.api("PATCH", f"/api/v2/dags/{DAG_ID}", json_body={"is_paused": False})
        server.api(
            "POST", f"/api/v2/dags/{DAG_ID}/dagRuns",
            json_body={"dag_run_id": "manual__ui_check", "logical_date": "2025-09-01T02:00:00Z", "conf": {}},
        )
        runs = server.dag_runs()
    assert runs, "no run of news_pipeline to look for"
    return [r["dag_run_id"] for r in runs]


def _body_text(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.TAG_NAME, "body").text


def test_the_ui_logs_in_and_shows_the_dag_and_its_runs(browser, server, run_ids, tmp_path):
    from selenium.common.exceptions import TimeoutException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    # A look-up while the single-page UI navigates (to the login form, back after it) is
    # aborted ("aborted by navigation"): keep waiting, as for an element not there yet.
    wait = WebDriverWait(browser, UI_TIMEOUT, ignored_exceptions=(WebDriverException,))
    screenshot = tmp_path / f"{DAG_ID}-runs.png"

    def fail(what: str) -> None:
        browser.save_screenshot(str(screenshot))
        pytest.fail(
            f"{what}\nURL: {browser.current_url}\nscreenshot: {screenshot}\npage text:\n{_body_text(browser)[:3000]}"
        )

    # Without a login the DAG's page sends the browser to the login form.
    browser.get(f"{server.base_url}/dags/{DAG_ID}")
    try:
        username = wait.until(ec.visibility_of_element_located((By.NAME, "username")))
    except TimeoutException:
        fail("the login form did not appear")
    assert "/auth/login" in browser.current_url
    username.send_keys(server.username)
    browser.find_element(By.NAME, "password").send_keys(server.password)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    # Logged in, back on the DAG's page: its id, schedule and tabs.
    try:
        wait.until(lambda d: d.current_url.rstrip("/").endswith(f"/dags/{DAG_ID}") and "Runs" in _body_text(d))
        runs_tab = wait.until(
            ec.element_to_be_clickable((By.XPATH, "//*[self::a or self::button][normalize-space()='Runs']"))
        )
    except TimeoutException:
        fail(f"the page of {DAG_ID} did not appear after logging in")
    page = _body_text(browser)
    assert DAG_ID in page
    assert "0 2 * * *" in page

    # Its runs: every run the API lists, and their number.
    runs_tab.click()
    try:
        wait.until(lambda d: all(run_id in _body_text(d) for run_id in run_ids))
    except TimeoutException:
        fail(f"the Runs tab did not list the runs {run_ids}")
    page = _body_text(browser)
    assert browser.current_url.rstrip("/").endswith(f"/dags/{DAG_ID}/runs")
    assert f"{len(run_ids)} Dag Run" in page, page[:2000]

    save_screenshot(browser, screenshot, "the runs of news_pipeline")
    assert screenshot.stat().st_size > 0
