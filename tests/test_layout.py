"""The layout rule: no module in helpers/ over ~600 lines, and none may pass 700.

A module that long holds more than one topic; split it along its seams (one module per
topic, named after it) rather than raise the limit. See style.md, "Layout shows the
architecture".
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"
MAX_LINES = 700

# Known exceptions, each with its reason. Remove an entry as soon as its module is split.
ALLOWED: dict[str, str] = {}


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_helper_module_passes_700_lines():
    sizes = {path.relative_to(ROOT).as_posix(): line_count(path) for path in HELPERS.rglob("*.py")}
    too_long = {name: n for name, n in sorted(sizes.items()) if n > MAX_LINES}
    offenders = [f"{name}: {n} lines" for name, n in too_long.items() if name not in ALLOWED]
    assert not offenders, (
        f"Modules in helpers/ over {MAX_LINES} lines (split them along their seams, one topic "
        "per module):\n" + "\n".join(offenders)
    )


# --- the import direction -------------------------------------------------------------------

# The floors of the house, from the ground up: a module imports only its own floor and the
# floors below (README, "Layout"). The data flows up: company folder -> analyses -> words and
# plots -> report -> what a notebook calls -> the run -> the command line.
FLOORS = [
    ("helpers.paths", "helpers.language"),
    ("helpers.company",),
    ("helpers.analysis",),
    ("helpers.words",),
    ("helpers.plots",),
    ("helpers.report",),
    ("helpers.course",),
    ("helpers.run",),
    ("helpers.cli", "helpers.__main__"),
]


def floor_of(module: str) -> int | None:
    for number, packages in enumerate(FLOORS):
        if any(module == p or module.startswith(p + ".") for p in packages):
            return number
    return None


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every helpers import in a file, also those inside functions."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            # `from helpers import plots` imports helpers.plots
            found += [(node.lineno, n) for n in names if floor_of(n) is not None][:1]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if floor_of(a.name) is not None]
    return found


def test_imports_run_down_the_floors_only():
    upward = []
    for path in sorted(HELPERS.rglob("*.py")):
        name = module_name(path)
        own = floor_of(name)
        if own is None:  # helpers/__init__.py: the package's docstring only
            continue
        for line, target in imported(path):
            if floor_of(target) > own:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not upward, "Imports that run back up the floors (see FLOORS):\n" + "\n".join(upward)


def test_every_helpers_package_has_a_floor():
    packages = {module_name(p) for p in HELPERS.rglob("*.py")} - {"helpers"}
    assert all(floor_of(name) is not None for name in packages), sorted(
        name for name in packages if floor_of(name) is None
    )
