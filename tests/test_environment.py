"""The conda file and pyproject.toml pin the same packages; the README's commands exist;
CI runs the README's own test command (the bootstrap, not make)."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, _, version = requirement.partition("==")
        assert version, f"pyproject.toml: {requirement} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^\s*-\s*([A-Za-z0-9_.-]+)=([0-9][^\s#]*)\s*$", line)
        if found and found.group(1) != "python":
            pins[found.group(1).lower()] = found.group(2)
    return pins


def test_environment_yml_and_pyproject_pin_the_same_versions():
    assert environment_pins() == pyproject_pins()


def test_lock_file_agrees_with_the_direct_pins():
    lock = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==")
            lock[name.strip().lower().replace("_", "-")] = version.strip()
    for name, version in pyproject_pins().items():
        assert lock.get(name) == version, f"requirements.lock has {name}=={lock.get(name)}"


def readme_top() -> str:
    """The README up to its second section: the title, the pitch and "Getting started"."""
    return "\n## ".join((ROOT / "README.md").read_text(encoding="utf-8").split("\n## ")[:2])


def test_readme_leads_with_the_bootstrap_and_ci_runs_it_without_make():
    top = readme_top()
    assert "## Getting started" in top
    assert re.search(r"^python workbook\.py run\b", top, re.M)
    assert re.search(r"^python workbook\.py test\b", top, re.M)
    assert top.index("python workbook.py run") < top.index("make run") < top.index("conda")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^python3 workbook\.py test$", ci, re.M)
    assert not re.search(r"^\s*make\b", ci, re.M)  # the path users take is the path CI takes


def test_every_make_target_calls_the_bootstrap():
    recipes = {}
    target = None
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([a-z-]+):", line)
        if found:
            target = found.group(1)
        elif line.startswith("\t") and target:
            recipes.setdefault(target, []).append(line.strip())
    expected = {"setup", "run", "test", "lab", "check", "bench", "lint", "notebooks", "sample"}
    assert expected <= set(recipes)
    for name, lines in recipes.items():
        assert lines == [lines[0]] and lines[0].startswith("$(WORKBOOK) "), name


def cli_commands() -> set[str]:
    from helpers.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")  # argparse keeps them here
    return set(sub.choices)


def bootstrap_commands() -> set[str]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("workbook_bootstrap", ROOT / "workbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return set(module.OWN_COMMANDS)


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    typed = set(re.findall(r"python3? workbook\.py ([a-z]+)", readme))
    assert {"run", "test", "lab"} <= typed
    assert typed <= cli_commands() | bootstrap_commands(), typed - cli_commands()
    named = set(re.findall(r"^workbook ([a-z]+)", readme, re.M))
    assert named <= cli_commands(), named - cli_commands()


def test_conda_instructions_name_commands_that_exist():
    top = readme_top()
    block = re.search(r"```\n(conda env create.*?)```", top, re.S)
    assert block, "the README's getting-started section has a conda block"
    lines = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    environment = (ROOT / "environment.yml").read_text(encoding="utf-8")
    name = re.search(r"^name:\s*(\S+)", environment, re.M).group(1)
    assert lines[0] == "conda env create -f environment.yml"
    assert lines[1] == f"conda activate {name}"
    for line in lines[2:]:
        words = line.split()
        if words[0] == "workbook":  # the console script environment.yml installs (-e .)
            assert words[1] in cli_commands(), line
        else:
            assert words[:3] == ["python", "-m", "pytest"], line
    # the comment at the top of environment.yml says the same
    for command in (f"conda activate {name}", "workbook lab"):
        assert command in environment
    assert re.search(r"^\s*-\s*-e \.$", environment, re.M)


def test_gitignore_keeps_outputs_and_own_data_out():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for entry in ("output/", "data/own/", ".venv/", ".ipynb_checkpoints/"):
        assert entry in ignored
