"""What the JupyterLab browser tests share: a Lab of their own on localhost, its menus, waiting."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.browser.conftest import PYTHON, free_port


def open_in_lab(page, start_server, tmp_path: Path, notebook: Path):
    """Start JupyterLab on ``notebook``'s folder (its own config, nothing of the user's) and
    open the notebook in ``page``; returns the server (``server.log``, ``server.process``)."""
    port = free_port()
    env = dict(os.environ)
    env.pop("WORKBOOK_FORMS", None)  # forms show in a kernel started by the Lab
    for variable, name in (
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"),
        ("JUPYTERLAB_SETTINGS_DIR", "settings"),
    ):
        env[variable] = str(tmp_path / name)
    server = start_server(
        [
            PYTHON,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            "--allow-root",
            f"--ServerApp.root_dir={notebook.parent}",
        ],
        f"http://127.0.0.1:{port}/api/status",
        env=env,
    )
    page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook.name}")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    return server


def menu(page, top: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=top).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def kernel_idle(page) -> None:
    """Wait until the status bar says the notebook's kernel is idle (started and connected)."""
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").first.wait_for(timeout=90_000)


def wait_until(condition, timeout: float = 30, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
