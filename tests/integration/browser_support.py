"""Headless Chromium for the UI tests: Debian's ``chromium`` and its ``chromedriver``, driven by Selenium.

:func:`chrome` skips the calling test, saying what to install, where either is missing
(``scripts/install-browser`` installs both; CI runs it first).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

#: How long a page load may take before Selenium gives up (a wait, not an assertion on speed).
PAGE_LOAD_WAIT = 90


def _find(name: str, *fallbacks: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next((f for f in fallbacks if os.access(f, os.X_OK)), None)


def chrome(profile: Path, window_size: str = "1440,1000"):
    """A new headless Chromium session with its profile in ``profile``; the caller quits it."""
    chromium = _find("chromium", "/usr/bin/chromium")
    chromedriver = _find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
    if not chromium or not chromedriver:
        pytest.skip(
            "Debian's chromium is not installed; run scripts/install-browser"
            f" (chromium: {chromium or 'missing'}, chromedriver: {chromedriver or 'missing'})"
        )
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("the selenium package is not installed; it is in requirements.in: run make venv")

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-proxy-server",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        f"--window-size={window_size}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_page_load_timeout(PAGE_LOAD_WAIT)
    return driver


def save_screenshot(driver, path: Path, what: str) -> Path:
    """Save the window to ``path`` (and a copy into ``$NEWSGRAPH_SCREENSHOTS`` when set); say where."""
    assert driver.save_screenshot(str(path)), f"Chromium could not save a screenshot to {path}"
    saved = [path]
    if os.environ.get("NEWSGRAPH_SCREENSHOTS"):
        folder = Path(os.environ["NEWSGRAPH_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        saved.append(Path(shutil.copy2(path, folder / path.name)))
    print(f"\nscreenshot of {what}: " + ", ".join(str(p) for p in saved))
    return path
