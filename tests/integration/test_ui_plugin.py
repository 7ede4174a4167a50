"""The pipeline page plugin in a real ``airflow api-server``.

The module starts one api-server (free port, private AIRFLOW_HOME, fresh SQLite DB, the
simple auth manager with an ``admin`` user whose password comes from a passwords file, the
project's plugins folder) over a warehouse where the seed day was run with ``run_day``.
It checks that the plugin's page and JSON refuse anonymous requests, answer a user with a
token from ``POST /auth/token`` (header or the UI's cookie) with the seed day's numbers,
and, when Chromium is installed, logs in through the UI's login form in headless Chromium,
opens the page from the navigation and saves a screenshot (also to
``$NEWSGRAPH_SCREENSHOTS`` when set).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import requests

from newsgraph import pipeline
from newsgraph.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.integration

AIRFLOW = Path(sys.executable).with_name("airflow")
SEED_DAY = "2025-09-01"
SEED_COUNTS = {"articles": 1, "entity_mentions": 102, "amounts": 5, "dates": 10, "quarantine": 0}
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: How long start-up may take before the fixture gives up (a wait, not an assertion on speed).
STARTUP_WAIT = 240


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 80) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as err:
        return f"(cannot read {path}: {err})"


class Server:
    def __init__(self, root: Path):
        self.root = root
        self.home = root / "airflow-home"
        self.warehouse = root / "warehouse"
        self.log = root / "api-server.log"
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.username = "admin"
        self.password = secrets.token_urlsafe(12)
        self.popen: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        from cryptography.fernet import Fernet

        env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "NEWSGRAPH_"))}
        env.update(
            {
                "AIRFLOW_HOME": str(self.home),
                "NO_PROXY": "*",
                "no_proxy": "*",
                "AIRFLOW__CORE__DAGS_FOLDER": str(PROJECT_ROOT / "dags"),
                "AIRFLOW__CORE__PLUGINS_FOLDER": str(PROJECT_ROOT / "plugins"),
                "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
                "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
                "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
                "AIRFLOW__CORE__FERNET_KEY": Fernet.generate_key().decode(),
                "AIRFLOW__CORE__AUTH_MANAGER": (
                    "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager"
                ),
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{self.username}:admin",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "False",
                "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(self.home / "passwords.json"),
                "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{self.home}/airflow.db",
                "AIRFLOW__API__BASE_URL": self.base_url,
                "AIRFLOW__API__SECRET_KEY": secrets.token_hex(16),
                "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
                "AIRFLOW__LOGGING__COLORED_CONSOLE_LOG": "False",
                "NEWSGRAPH_WAREHOUSE": str(self.warehouse),
            }
        )
        return env

    def start(self) -> None:
        self.home.mkdir(parents=True)
        (self.home / "passwords.json").write_text(json.dumps({self.username: self.password}) + "\n")
        env = self.env()
        migrate = subprocess.run(
            [str(AIRFLOW), "db", "migrate"], env=env, capture_output=True, text=True, cwd=self.root, timeout=600
        )
        assert migrate.returncode == 0, migrate.stdout[-3000:] + migrate.stderr[-3000:]
        with open(self.log, "ab") as out:
            self.popen = subprocess.Popen(
                [str(AIRFLOW), "api-server", "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"],
                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True, cwd=self.root,
            )
        deadline = time.monotonic() + STARTUP_WAIT
        while not self._healthy():
            if self.popen.poll() is not None:
                raise RuntimeError(f"airflow api-server exited with {self.popen.returncode}:\n{_tail(self.log)}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"airflow api-server did not answer within {STARTUP_WAIT} s:\n{_tail(self.log)}")
            time.sleep(1)

    def _healthy(self) -> bool:
        try:
            return requests.get(f"{self.base_url}/api/v2/monitor/health", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def stop(self) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(timeout=10)

    def token(self) -> str:
        response = requests.post(
            f"{self.base_url}/auth/token", json={"username": self.username, "password": self.password}, timeout=30
        )
        assert response.status_code == 201, response.text
        return response.json()["access_token"]

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(f"{self.base_url}{path}", timeout=60, allow_redirects=False, **kwargs)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("ui-plugin")
    srv = Server(root)
    settings = Settings.from_env().with_overrides(
        landing_root=PROJECT_ROOT / "seeds" / "landing", warehouse_root=srv.warehouse
    )
    summary = pipeline.run_day(settings, date.fromisoformat(SEED_DAY), run_id="manual__ui_seed")
    assert {t: v["rows"] for t, v in summary["tables"].items() if t in SEED_COUNTS} == SEED_COUNTS
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
        if srv.popen is not None and srv.popen.returncode not in (0, -signal.SIGTERM, None):
            print(_tail(srv.log), file=sys.stderr)
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
    assert [(e["canonical_name"], e["mentions"]) for e in day["top_entities"]["GPE"][:2]] == [("Pakistan", 25), ("China", 12)]

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


def _browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(
            f"headless UI test needs Chromium ({CHROMIUM}) and chromedriver ({CHROMEDRIVER}); "
            "install them with scripts/install-browser (apt-get install chromium chromium-driver)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1500", "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


def test_a_user_logs_in_and_opens_the_page_in_the_ui(server, tmp_path):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver = _browser()
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

        shot = tmp_path / "newsgraph-ui.png"
        assert driver.save_screenshot(str(shot))
    finally:
        driver.quit()

    saved = [shot]
    if os.environ.get("NEWSGRAPH_SCREENSHOTS"):
        folder = Path(os.environ["NEWSGRAPH_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        saved.append(Path(shutil.copy2(shot, folder / shot.name)))
    print("\nscreenshot of the pipeline page: " + ", ".join(str(p) for p in saved))

    assert counts == {t: str(n) for t, n in SEED_COUNTS.items()}
    assert status == "validation passed"
    assert SEED_DAY in text
    for expected in ("Muhammad Aurangzeb", "Pakistan", "China-Pakistan Economic Corridor", "$27.8B", "0 inputs quarantined"):
        assert expected in text
    assert shot.stat().st_size > 10_000
