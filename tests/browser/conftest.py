"""Browser tests: real servers on localhost, driven by Playwright in Debian's headless Chromium.

Playwright can't download its own browser here, so it launches /usr/bin/chromium
(`.ci/run` installs it with apt when it is missing). Outside CI, without chromium,
these tests skip and say why; in CI (the CI variable set) a missing browser fails.
Every test works on a copy of the sample company in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.paths import SAMPLE_DIR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; .ci/run installs it (apt-get install chromium)")
    pytest.skip(f"browser tests need {CHROMIUM} (apt-get install chromium); not found")


@pytest.fixture(scope="session")
def browser():
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


@pytest.fixture
def company(tmp_path) -> Path:
    """A copy of the sample company (never the sample itself)."""
    return Path(shutil.copytree(SAMPLE_DIR, tmp_path / "company"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (localhost)
                if response.status < 500:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def wait_for_output(server: Server, text: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        server.handle.flush()
        if text in server.log.read_text(encoding="utf-8", errors="replace"):
            return
        if server.process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {server.process.returncode})")
        time.sleep(0.2)
    raise TimeoutError(f"the server did not say {text!r} within {timeout} s")


class Server:
    """A process started for a test, stopped (by its own id) when the test ends."""

    def __init__(self, command: list[str], url: str, cwd: Path, env: dict | None = None):
        self.url = url
        self.log = cwd / f"server-{len(list(cwd.glob('server-*.log')))}.log"
        self.handle = open(self.log, "w", encoding="utf-8")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env or dict(os.environ),
            stdout=self.handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        """SIGTERM (servers shut their kernels down); then the whole process group we made."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.handle.close()


@pytest.fixture
def start_server(tmp_path):
    started: list[Server] = []

    def start(command: list[str], url: str, env: dict | None = None, says: str = "") -> Server:
        """Start ``command``; ready when its output ``says`` something, else when ``url``
        answers HTTP."""
        server = Server(command, url, tmp_path, env)
        started.append(server)
        try:
            if says:
                wait_for_output(server, says)
            else:
                wait_for_http(url, server.process)
        except (RuntimeError, TimeoutError) as error:
            server.stop()
            log = server.log.read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"{error}\n{log[-3000:]}") from None
        return server

    yield start
    for server in started:
        server.stop()


PYTHON = sys.executable
