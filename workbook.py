"""Set up and use the workbook on Windows, macOS or Linux with nothing but Python 3.11+.

    python workbook.py run      run every notebook on the sample company; prints where the report is
    python workbook.py test     run the whole test suite
    python workbook.py lab      open JupyterLab on the course, 00-start-here first
    python workbook.py check data/own          any other command goes to the workbook
    python workbook.py import x.xlsx --to data/own    command line (`workbook --help`)

The first time (and whenever pyproject.toml or requirements.lock change) it creates the
virtual environment ``.venv`` (``.venv\\Scripts`` on Windows, ``.venv/bin`` elsewhere) and
installs the pinned packages into it; otherwise it starts at once. Developer commands:
``setup``, ``notebooks [NN-name ...]``, ``translations``, ``bench``, ``lint``, ``sample``,
``clean``.

This file is the one implementation: the Makefile's targets and CI (``.ci/run``) call it.
It uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP_NAME = ".installed-stamp"
MINIMUM_PYTHON = (3, 11)
# files whose contents decide what is installed; the stamp records their hash
INSTALL_INPUTS = ("pyproject.toml", "requirements.lock")
INSTALL_VERSION = "1"  # bump when the way of installing changes

# name -> (what runs inside .venv, arguments always given, run in the project folder?)
TOOLS = {
    "test": (["-m", "pytest"], [], True),
    "notebooks": (["-m", "helpers.course.notebooks"], [], True),
    "translations": (["-m", "helpers.course.notebook_catalogs"], [], True),
    "bench": (["-m", "benchmarks.bench"], [], True),
    "lint": (["-m", "tests.lint"], [], True),
    "sample": (["data/make_sample.py"], [], True),
}
OWN_COMMANDS = ("setup", "clean", "help", *TOOLS)
USAGE = """\
Customer-relationship workbook: the course and the report, with only Python 3.11+.

  {cmd} run             run every notebook on the sample company; says where the report is
  {cmd} test            run the whole test suite (test --fast: the quick part, ~1 min)
  {cmd} lab             open JupyterLab on the course, 00-start-here first
  {cmd} check {own}  check a company folder (also: import, new, run {own}, ...)
  {cmd} COMMAND --help  the options of a command

The first time it makes {venv} and installs the pinned packages into it (a few
minutes); after that it starts at once.
For developers: setup, notebooks [NN-name ...], translations, bench, lint, sample, clean.
"""


def scripts_dir(venv: PurePath, windows: bool = os.name == "nt") -> PurePath:
    """Where a virtual environment keeps its programs: ``Scripts`` on Windows, else ``bin``."""
    return venv / ("Scripts" if windows else "bin")


def venv_python(venv: PurePath, windows: bool = os.name == "nt") -> PurePath:
    """The environment's Python: ``.venv\\Scripts\\python.exe`` or ``.venv/bin/python``."""
    return scripts_dir(venv, windows) / ("python.exe" if windows else "python")


def install_fingerprint(root: Path = ROOT) -> str:
    """A hash of what decides the installation; line endings do not count (git may change them)."""
    digest = hashlib.sha256(INSTALL_VERSION.encode())
    for name in INSTALL_INPUTS:
        digest.update(name.encode())
        digest.update((root / name).read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


def venv_version(venv: Path) -> tuple[int, ...] | None:
    """The Python version a virtual environment was made with (from ``pyvenv.cfg``), or None."""
    try:
        lines = (venv / "pyvenv.cfg").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            try:
                return tuple(int(part) for part in value.strip().split(".")[:3])
            except ValueError:
                return None
    return None


def why_recreate(venv: Path, windows: bool = os.name == "nt") -> str | None:
    """Why an existing ``.venv`` cannot be used and must be made again (None: it is fine)."""
    if not venv.exists():
        return None
    if not Path(venv_python(venv, windows)).exists():
        other = venv_python(venv, not windows)
        if Path(other).exists():
            return (
                f"{venv} was made on another kind of system (it has {other.parent.name}, "
                f"this system needs {scripts_dir(venv, windows).name})"
            )
        return f"{venv} has no {venv_python(venv, windows).relative_to(venv)}"
    version = venv_version(venv)
    if version is not None and version[:2] < MINIMUM_PYTHON:
        return f"{venv} was made with Python {'.'.join(map(str, version))}"
    return None


def is_up_to_date(venv: Path = VENV, root: Path = ROOT, windows: bool = os.name == "nt") -> bool:
    """True when ``.venv`` exists, is usable here and was installed from the current pins."""
    stamp = venv / STAMP_NAME
    if why_recreate(venv, windows) or not Path(venv_python(venv, windows)).exists():
        return False
    try:
        return stamp.read_text(encoding="utf-8").strip() == install_fingerprint(root)
    except OSError:
        return False


def say(text: str) -> None:
    print(text, flush=True)


def step(command: list[str], what: str, cwd: Path = ROOT) -> None:
    """Run one set-up step; stop with a readable message if it fails."""
    result = subprocess.run(command, cwd=cwd)
    if result.returncode != 0:
        say(
            f"\nSetting up stopped while {what} (exit code {result.returncode}); the message "
            "above says why. Fix that and run the same command again: it picks up from here."
        )
        raise SystemExit(result.returncode)


def setup(venv: Path = VENV, root: Path = ROOT) -> Path:
    """Create ``.venv`` if needed and install the pinned packages; return its Python.

    Fast when nothing changed: the stamp in ``.venv`` holds the hash of pyproject.toml and
    requirements.lock, and only a different hash (or a missing or unusable ``.venv``) installs.
    """
    python = Path(venv_python(venv))
    if is_up_to_date(venv, root):
        return python
    reason = why_recreate(venv)
    if reason or not python.exists():
        say(
            f"{reason}: making it again"
            if reason
            else f"Making the virtual environment {venv} (first time only)"
        )
        step(
            [sys.executable, "-m", "venv", *(["--clear"] if reason else []), str(venv)],
            "making the virtual environment",
        )
    say("Installing the pinned packages from requirements.lock (a few minutes the first time)")
    step(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pip>=24"],
        "updating pip",
    )
    step(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(root / "requirements.lock"),
            "-e",
            f"{root}[dev]",
        ],
        "installing the pinned packages",
    )
    # build matplotlib's font cache now, not inside the first notebook run
    step([str(python), "-c", "import matplotlib.pyplot"], "preparing matplotlib's fonts")
    (venv / STAMP_NAME).write_text(install_fingerprint(root) + "\n", encoding="utf-8")
    say(f"Ready: {venv}")
    return python


def how_called(argv0: str | None = None, windows: bool = os.name == "nt") -> str:
    """How the user started this script, for messages: ``python workbook.py`` or the like."""
    if argv0 is None:
        argv0 = sys.orig_argv[0] if sys.orig_argv else ""
    launcher = PurePath(argv0.replace("\\", "/")).name
    if launcher.lower().endswith(".exe"):
        launcher = launcher[:-4]
    if not launcher.lower().startswith(("python", "py")):
        launcher = "python" if windows else "python3"
    return f"{launcher} workbook.py"


def child_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the commands run inside ``.venv``.

    UTF-8 mode makes files and pipes UTF-8 on every system (Windows would otherwise use
    its ANSI code page); WORKBOOK_COMMAND lets messages name the command the user typed.
    """
    env = dict(os.environ if base is None else base)
    env.setdefault("PYTHONUTF8", "1")
    env.setdefault("WORKBOOK_COMMAND", how_called())
    return env


def command_line(python: PurePath, name: str, args: list[str]) -> tuple[list[str], bool]:
    """What to run for ``workbook.py NAME ARGS``, and whether to run it in the project folder."""
    if name in TOOLS:
        program, fixed, in_root = TOOLS[name]
        return [str(python), *program, *fixed, *args], in_root
    # run, check, import, new, lab and whatever the workbook command line offers
    return [str(python), "-m", "helpers", name, *args], False


def run_child(command: list[str], cwd: Path | None, env: dict[str, str]) -> int:
    """Run a command to its end and return its exit code.

    Ctrl-C reaches the child too (same console); we wait for it to decide, so JupyterLab
    can ask "Shutdown this Jupyter server?" and the test suite can print its summary.
    """
    process = subprocess.Popen(command, cwd=cwd, env=env)
    while True:
        try:
            code = process.wait()
            break
        except KeyboardInterrupt:
            continue
    return 128 - code if code < 0 else code  # a signal: the shell's convention


def clean(root: Path = ROOT) -> None:
    for name in ("output", ".pytest_cache"):
        shutil.rmtree(root / name, ignore_errors=True)


def usage() -> str:
    """The short help, with this system's spelling of the command and of paths."""
    return USAGE.format(cmd=how_called(), own=Path("data", "own"), venv=Path(".venv"))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if sys.version_info[:2] < MINIMUM_PYTHON:
        say(
            f"The workbook needs Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer; this is "
            f"{sys.version.split()[0]} ({sys.executable}). Install a newer Python from "
            "python.org and run the same command with it."
        )
        return 2
    if not argv or argv[0] in ("help", "-h", "--help"):
        say(usage())
        return 0 if argv else 2
    name, args = argv[0], argv[1:]
    if name == "clean":
        clean()
        return 0
    python = setup()
    if name == "setup":
        return 0
    command, in_root = command_line(python, name, args)
    return run_child(command, ROOT if in_root else None, child_environment())


if __name__ == "__main__":
    sys.exit(main())
