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
    sizes = {
        path.relative_to(ROOT).as_posix(): line_count(path) for path in HELPERS.rglob("*.py")
    }
    too_long = {name: n for name, n in sorted(sizes.items()) if n > MAX_LINES}
    offenders = [f"{name}: {n} lines" for name, n in too_long.items() if name not in ALLOWED]
    assert not offenders, (
        f"Modules in helpers/ over {MAX_LINES} lines (split them along their seams, one topic "
        "per module):\n" + "\n".join(offenders)
    )

