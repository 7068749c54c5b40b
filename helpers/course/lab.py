"""JupyterLab for learners: open on the course, the first notebook in front, no pop-ups.

``workbook lab`` (also ``python workbook.py lab``, ``make lab``) starts JupyterLab on the
course in the company's language (``notebooks/``, ``notebooks/fi/`` or ``notebooks/sv/``:
``--language`` to choose) with ``00-start-here`` open; with a company folder, every
notebook's ``data_dir = None`` opens that company instead of the sample
(``WORKBOOK_DATA_DIR`` in the kernels' environment). It adds ``lab_config/`` beside this file
to Jupyter's configuration path for this one server. That folder holds:

* ``labconfig/page_config.json``: the announcements plugin is disabled, so JupyterLab
  neither asks "Would you like to get notified about official Jupyter news?" over the
  first cells nor fetches news or update checks from the internet (the workbook makes
  no network calls);
* ``labconfig/default_setting_overrides.json``: the same as settings (news: never,
  update checks: off), so the Settings editor shows the truth.

Nothing is written to the learner's own Jupyter settings: a plain ``jupyter lab``
elsewhere behaves as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from helpers.paths import DATA_DIR_VARIABLE, NOTEBOOKS_DIR, course_notebooks

LAB_CONFIG_DIR = Path(__file__).resolve().parent / "lab_config"
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"


def lab_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment with this workbook's Jupyter settings first on JUPYTER_CONFIG_PATH."""
    env = dict(os.environ if base is None else base)
    paths = [str(LAB_CONFIG_DIR)]
    if env.get("JUPYTER_CONFIG_PATH"):
        paths.append(env["JUPYTER_CONFIG_PATH"])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return env


def is_root_user() -> bool:
    """True for the administrator account on Linux or macOS (JupyterLab then needs a flag)."""
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_arguments(
    port: int | None = None, open_browser: bool = True, language: str = "en"
) -> list[str]:
    """Arguments for ``python -m jupyterlab``: the first notebook in ``language`` (its folder
    becomes the root of the file browser), and the options asked for."""
    course = course_notebooks(language)
    first = course[0] if course else NOTEBOOKS_DIR
    arguments = [str(first)]
    if len({path.parent for path in course}) > 1:
        # part of the course is not in the language yet: the file browser starts at the
        # English folder, so every notebook stays in reach (the translated in <language>/)
        arguments.append(f"--ServerApp.root_dir={NOTEBOOKS_DIR}")
    if port is not None:
        arguments.append(f"--ServerApp.port={port}")
    if not open_browser:
        arguments.append("--no-browser")
    if is_root_user():
        arguments.append("--allow-root")
    return arguments


def start_lab(
    port: int | None = None,
    open_browser: bool = True,
    language: str = "en",
    data_dir: Path | None = None,
) -> int:
    """Run JupyterLab in this process until it is stopped (Ctrl-C, or File > Shut Down)."""
    os.environ.update(lab_environment())
    if data_dir is not None:
        os.environ[DATA_DIR_VARIABLE] = str(data_dir)
    from jupyterlab.labapp import LabApp

    arguments = lab_arguments(port, open_browser, language)
    company = f" on {data_dir}" if data_dir is not None else ""
    print(
        f"Opening the course in {language}{company}: {Path(arguments[0]).parent} "
        "(stop it with Ctrl-C) …",
        flush=True,
    )
    LabApp.launch_instance(argv=arguments)
    return 0


if __name__ == "__main__":
    sys.exit(start_lab())
