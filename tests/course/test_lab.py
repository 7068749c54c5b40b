"""`workbook lab`: JupyterLab opens on the course, 00 first, without the news pop-up.

The pop-up ("Would you like to get notified about official Jupyter news?") comes from
JupyterLab's announcements plugin; the workbook ships a page config that disables it and
settings that say "never". The last test starts the real server, as `workbook lab` does,
and asks it on 127.0.0.1 what a browser would get.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.course.lab import ANNOUNCEMENTS, LAB_CONFIG_DIR, lab_arguments, lab_environment
from helpers.paths import NOTEBOOKS_DIR, course_notebooks, notebook_paths

NOTIFICATION = "@jupyterlab/apputils-extension:notification"


def test_lab_settings_come_first_on_the_jupyter_config_path():
    assert lab_environment({})["JUPYTER_CONFIG_PATH"] == str(LAB_CONFIG_DIR)
    mine = lab_environment({"JUPYTER_CONFIG_PATH": "elsewhere"})["JUPYTER_CONFIG_PATH"]
    assert mine.split(os.pathsep) == [str(LAB_CONFIG_DIR), "elsewhere"]


def test_lab_opens_the_first_notebook_in_the_notebooks_folder():
    arguments = lab_arguments(port=9999, open_browser=False)
    first = Path(arguments[0])
    assert first == notebook_paths()[0] and first.name.startswith("00-")
    assert first.parent == NOTEBOOKS_DIR  # its folder is the root of the file browser
    assert "--ServerApp.port=9999" in arguments and "--no-browser" in arguments


def test_lab_opens_the_course_in_the_language_asked_for(tmp_path, monkeypatch):
    import helpers.paths as paths

    notebooks = tmp_path / "notebooks"
    (notebooks / "fi").mkdir(parents=True)
    for name in ("00-a.ipynb", "01-b.ipynb"):
        (notebooks / name).write_text("{}", encoding="utf-8")
    (notebooks / "fi" / "00-a.ipynb").write_text("{}", encoding="utf-8")  # 01 not yet in fi
    monkeypatch.setattr(paths, "NOTEBOOKS_DIR", notebooks)
    assert paths.course_notebooks("fi") == [
        notebooks / "fi" / "00-a.ipynb",
        notebooks / "01-b.ipynb",
    ]
    assert paths.course_notebooks("en") == [notebooks / "00-a.ipynb", notebooks / "01-b.ipynb"]


def test_a_company_folder_given_to_lab_is_where_every_notebook_opens(tmp_path, monkeypatch):
    from helpers.paths import DATA_DIR_VARIABLE, PROJECT_ROOT, SAMPLE_DIR, resolve_data_dir

    monkeypatch.delenv(DATA_DIR_VARIABLE, raising=False)
    assert resolve_data_dir(None) == SAMPLE_DIR
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(tmp_path))
    assert resolve_data_dir(None) == tmp_path.resolve()
    assert resolve_data_dir("data/sample") == SAMPLE_DIR  # a project path, from any folder
    monkeypatch.chdir(NOTEBOOKS_DIR)
    assert resolve_data_dir("data/sample") == PROJECT_ROOT / "data" / "sample"


def test_shipped_config_disables_the_news_plugin_and_says_never(monkeypatch, tmp_path):
    from jupyterlab_server.config import get_page_config
    from jupyterlab_server.settings_utils import _get_overrides

    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(LAB_CONFIG_DIR))
    page = get_page_config([], str(tmp_path))
    assert ANNOUNCEMENTS in page["disabledExtensions"]
    overrides, error = _get_overrides(str(tmp_path))
    assert not error
    assert overrides[NOTIFICATION] == {"fetchNews": "false", "checkForUpdates": False}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
        return response.read().decode("utf-8")


@pytest.fixture
def lab_server(tmp_path):
    """`python -m helpers lab --no-browser` on a free port; yields a URL maker."""
    port, token = _free_port(), "workbook-test"
    env = {
        **os.environ,
        "JUPYTER_TOKEN": token,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "PYTHONUTF8": "1",
    }
    log = (tmp_path / "lab.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "helpers", "lab", "--no-browser", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def url(path: str) -> str:
        return f"http://127.0.0.1:{port}{path}?token={token}"

    try:
        for _ in range(180):  # the server answers within seconds; allow a busy machine
            if server.poll() is not None:
                break
            try:
                _get(url("/api/status"))
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within 90 s")
        log.flush()
        assert server.poll() is None, (tmp_path / "lab.log").read_text(encoding="utf-8")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_running_lab_has_no_news_popup_and_shows_the_course(lab_server):
    course = course_notebooks("fi")  # the sample company's language
    page = _get(lab_server("/lab/tree/" + course[0].name))
    found = re.search(r'<script id="jupyter-config-data"[^>]*>(.*?)</script>', page, re.S)
    config = json.loads(found.group(1))
    assert ANNOUNCEMENTS in config["disabledExtensions"]  # the plugin that asks never loads
    folders = {path.parent for path in course}  # the course in Finnish, where written
    root = folders.pop() if len(folders) == 1 else NOTEBOOKS_DIR
    assert Path(config["serverRoot"]) == root

    settings = json.loads(_get(lab_server(f"/lab/api/settings/{NOTIFICATION}")))
    properties = settings["schema"]["properties"]
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False

    listing = json.loads(_get(lab_server("/api/contents")))
    names = {item["name"] for item in listing["content"]}
    assert {p.name for p in course if p.parent == root} <= names
    if root == NOTEBOOKS_DIR and (NOTEBOOKS_DIR / "fi").is_dir():
        assert "fi" in names  # the Finnish notebooks written so far, one click away
