"""Answer files under odd conditions: a folder in the file's place, no permission, a crash
left a temporary file, two processes saving the same file, a shared folder's permissions."""

import os
import subprocess
import sys
import time
from pathlib import Path

from helpers.company.answers import AnswerTable, AnswerText, Scale, Text, read_members

ROOT = Path(__file__).resolve().parents[2]


def table(path: Path) -> AnswerTable:
    return AnswerTable(path, key="e", fields=[Scale("today", 1, 5)])


def test_a_folder_in_place_of_the_file_is_reported_and_nothing_is_saved(tmp_path):
    path = tmp_path / "answers" / "9e" / "aino.csv"
    path.mkdir(parents=True)
    answers = table(path)
    assert "is a folder, not a file" in str(answers.error)
    said = []
    answers.on_change(lambda _f, ok, message: said.append((ok, message)))
    assert answers.set("epic", "today", 3) is False
    assert said[-1][0] is False and "is a folder" in said[-1][1]
    assert path.is_dir()
    frame, problems = read_members(tmp_path, "9e", key="e", fields=[Scale("today", 1, 5)])
    assert frame.empty and "aino.csv: is a folder" in str(problems[0])


def test_an_unreadable_file_is_reported_not_a_traceback(tmp_path, monkeypatch):
    path = tmp_path / "a.csv"
    path.write_text("e,today\nepic,4\n", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    answers = table(path)
    assert "can't be read: permission denied" in str(answers.error)
    assert answers.set("epic", "today", 2) is False


def test_saving_keeps_the_files_permissions_and_a_new_file_gets_the_usual_ones(tmp_path):
    path = tmp_path / "a.csv"
    answers = table(path)
    answers.set("epic", "today", 4)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # as any program makes a file
    path.chmod(0o664)  # a team's shared folder
    answers.set("epic", "today", 5)
    assert path.stat().st_mode & 0o777 == 0o664


def test_a_temporary_file_left_by_a_crash_is_removed_by_the_next_save(tmp_path):
    path = tmp_path / "a.toml"
    text = AnswerText(path, [Text("note")])
    text.set("note", "first")
    left = tmp_path / ".a.toml.1234abcd.tmp"
    left.write_text("half a fi", encoding="utf-8")
    old = time.time() - 3600
    os.utime(left, (old, old))
    fresh = tmp_path / ".a.toml.feedbeef.tmp"  # another save, just now: not touched
    fresh.write_text("", encoding="utf-8")
    text.set("note", "second")
    assert not left.exists() and fresh.exists()
    stale_lock = tmp_path / ".a.toml.lock"  # a lock a crash left behind
    stale_lock.write_text("", encoding="utf-8")
    os.utime(stale_lock, (old, old))
    assert text.set("note", "third") is True
    assert sorted(p.name for p in tmp_path.iterdir()) == [".a.toml.feedbeef.tmp", "a.toml"]


WRITER = """
import sys
from helpers.company.answers import AnswerText, Text
path, who = sys.argv[1], sys.argv[2]
text = AnswerText(path, [Text("aino"), Text("jussi")])
for number in range(100):
    assert text.set(who, f"{who} {number}")
"""


def test_two_processes_saving_the_same_file_lose_nothing(tmp_path):
    path = tmp_path / "team.toml"
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), who], cwd=ROOT)
        for who in ("aino", "jussi")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    values = AnswerText(path, [Text("aino"), Text("jussi")]).values()
    assert values == {"aino": "aino 99", "jussi": "jussi 99"}  # each writer's last value
    assert [p.name for p in tmp_path.iterdir()] == ["team.toml"]
