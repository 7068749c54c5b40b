"""Notebook 04 in batch runs: with no answers it says how to give them and completes; with a
corrupt answer file it names the file and line, leaves the file alone and still completes."""

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from helpers.paths import NOTEBOOKS_DIR, SAMPLE_DIR
from helpers.run import run_workbook

NOTEBOOK = NOTEBOOKS_DIR / "04-competitive-advantage-9e.ipynb"
COMPANIES = Path(__file__).parent.parent / "companies"


def printed(executed: Path) -> str:
    notebook = nbformat.read(executed, as_version=4)
    return "\n".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def run_04(folder: Path, out: Path):
    return run_workbook(folder, out, notebooks=[NOTEBOOK], progress=False)


@pytest.mark.notebooks
def test_a_batch_run_without_answers_says_how_to_give_them_and_completes(tmp_path):
    result = run_04(COMPANIES / "minimal", tmp_path / "out")
    text = printed(result.out_dir / NOTEBOOK.name)
    assert "Nobody has filled in the 9E checklist" in text
    assert "workbook checklist DATA_DIR --member YOUR_NAME" in text
    assert "area,today,competitor,importance,evidence" in text
    assert "Nobody has answered the service audit yet" in text
    assert "Question 4 asks for your guess before you look" in text  # no answer leaked
    figures = json.loads((result.out_dir / f"{NOTEBOOK.stem}.json").read_text(encoding="utf-8"))
    assert figures["e9_members"] == 0 and figures["e9_chosen"] is None
    assert figures["service_audit_members"] == 0 and figures["service_audit_yes_share"] is None
    summary = (result.out_dir / "9e-summary.html").read_text(encoding="utf-8")
    assert "Nobody has filled in" in summary
    assert not (COMPANIES / "minimal" / "answers").exists()  # a run never writes answers


@pytest.mark.notebooks
def test_a_batch_run_with_a_corrupt_answer_file_names_it_and_leaves_it_alone(tmp_path):
    company = Path(shutil.copytree(SAMPLE_DIR, tmp_path / "company"))
    broken = company / "answers" / "9e" / "mikko.csv"
    content = broken.read_bytes().replace(b"epic,3,4,2", b"epic,3,4,two")
    broken.write_bytes(content)
    audit = company / "answers" / "service-audit" / "jussi.csv"
    audit_content = audit.read_bytes().replace(b"greeting,yes", b"greeting,joo")
    audit.write_bytes(audit_content)
    result = run_04(company, tmp_path / "out")
    text = printed(result.out_dir / NOTEBOOK.name)
    # the sample company writes Finnish (company.toml); the file's problem is named as forms do
    assert "Jätetty pois (1 tiedosto ei ole luettavissa; sitä ei muutettu)" in text
    assert "answers/9e/mikko.csv, line 8: column 'importance'" in text
    assert "Vastauksia 2 jäseneltä: Aino, Jussi" in text
    assert broken.read_bytes() == content
    assert "Jätetty pois palvelun arvioinnista: answers/service-audit/jussi.csv, line 9" in text
    assert "Palvelu asiakkaan silmin, vastaajina Aino, Mikko" in text
    assert audit.read_bytes() == audit_content
    figures = json.loads((result.out_dir / f"{NOTEBOOK.stem}.json").read_text(encoding="utf-8"))
    assert figures["e9_members"] == 2 and figures["e9_chosen"]
    assert figures["service_audit_members"] == 2
    summary = (result.out_dir / "9e-summary.html").read_text("utf-8")
    assert "mikko.csv, line 8" in summary and "kilpailuetu (9E)" in summary
    assert "Ensin kilpailukyky" in summary and "Tehokkuus" in summary
    front = (result.out_dir / "index.html").read_text("utf-8")
    assert "E:t, joihin panostetaan" in front and "Perusasiat ovat kunnossa" in front
    assert "plots/04-competitive-advantage-9e-1.png" in front  # the radar chart
    assert "Palvelu asiakkaan silmin" in front  # the audit's finding reaches the front page
    assert "answers/service-audit/jussi.csv, line 9" in front
