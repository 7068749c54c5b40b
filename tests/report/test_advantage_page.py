"""The one-page 9E summary written into the output folder."""

import matplotlib

matplotlib.use("Agg")

from helpers.analysis import advantage  # noqa: E402
from helpers.course.session import start  # noqa: E402
from helpers.language import ENGLISH  # noqa: E402
from helpers.report.advantage_page import (  # noqa: E402
    FILE_NAME,
    summary_html,
    summary_in_words,
    write_summary,
)


def test_the_summary_names_the_chosen_es_with_their_evidence_and_the_agenda(tmp_path):
    wb = start("04-competitive-advantage-9e", output_dir=tmp_path)
    answers = advantage.load_answers(wb.company.folder)
    path = write_summary(wb, answers)
    assert path == tmp_path / FILE_NAME
    page = path.read_text(encoding="utf-8")
    assert "Compared with Konepaja Virtanen Oy · 3 members: Aino, Jussi, Mikko" in page
    assert "<b>Education</b>" in page and "Material evenings for architects" in page
    assert "Enthusiasm (today: 3 points apart)" in page
    assert "data:image/png;base64," in page
    assert write_summary(wb, answers) == path
    assert path.read_text(encoding="utf-8") == page  # the same answers, the same bytes
    assert summary_in_words(path, wb.lang) == "One-page summary for the team: 9e-summary.html"


def test_free_text_can_be_left_out(tmp_path):
    wb = start("04-competitive-advantage-9e", output_dir=tmp_path)
    page = summary_html(wb, advantage.load_answers(wb.company.folder), free_text=False)
    assert "<b>Education</b>" in page and "Material evenings" not in page


def test_without_answers_the_page_says_how_to_give_them(tmp_path, companies):
    wb = start("04-competitive-advantage-9e", companies / "minimal", output_dir=tmp_path)
    page = summary_html(wb, advantage.load_answers(wb.company.folder))
    assert "Nobody has filled in the 9E checklist" in page and "<img" not in page


def test_nothing_is_written_without_an_output_folder():
    wb = start("04-competitive-advantage-9e")
    assert write_summary(wb, advantage.load_answers(wb.company.folder)) is None
    assert summary_in_words(None, ENGLISH).startswith("With an output folder (workbook run)")


def test_the_summary_shows_the_service_audit_and_what_the_team_will_change(tmp_path):
    wb = start("04-competitive-advantage-9e", output_dir=tmp_path)
    answers = advantage.load_answers(wb.company.folder)
    page = summary_html(wb, answers)
    assert "Service seen from the customer&#x27;s side" in page
    assert "<li>tried by an outsider (Aino): Ask my sister" in page
    hidden = summary_html(wb, answers, free_text=False)
    assert "Service seen from the customer&#x27;s side" in hidden and "sister" not in hidden


def test_a_corrupt_audit_file_is_named_among_the_files_left_out(tmp_path):
    import shutil

    from helpers.company.folder import load_company
    from helpers.paths import SAMPLE_DIR
    from helpers.report.answer_files import left_out

    folder = shutil.copytree(SAMPLE_DIR, tmp_path / "company")
    broken = folder / "answers" / "service-audit" / "jussi.csv"
    broken.write_text("statement,answer,change\ngreeting,maybe,\n", encoding="utf-8")
    problems = left_out(load_company(folder))
    assert [p.path.name for p in problems] == ["jussi.csv"]
    assert "answers/service-audit/jussi.csv, line 2" in str(problems[0])
