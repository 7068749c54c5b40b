"""The conda file and pyproject.toml pin the same packages; CI calls the README's command."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        assert version, f"pyproject.toml: {requirement} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        found = re.match(r"^\s*-\s*([A-Za-z0-9_.-]+)=([0-9][^\s#]*)\s*$", line)
        if found and found.group(1) != "python":
            pins[found.group(1).lower()] = found.group(2)
    return pins


def test_environment_yml_and_pyproject_pin_the_same_versions():
    assert environment_pins() == pyproject_pins()


def test_lock_file_agrees_with_the_direct_pins():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line:
            name, version = line.split("==")
            lock[name.strip().lower().replace("_", "-")] = version.strip()
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, f"requirements.lock has {name}=={lock.get(name)}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme.split("\n## ")[0]  # at the top of the README
    assert re.search(r"^make test$", ci, re.M)


def test_gitignore_keeps_outputs_and_own_data_out():
    ignored = (ROOT / ".gitignore").read_text().split()
    for entry in ("output/", "data/own/", ".venv/", ".ipynb_checkpoints/"):
        assert entry in ignored
