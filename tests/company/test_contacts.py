"""The contact map's answer file: where it lives, what a link is, a hand-typed file."""

from helpers.company.answers.visions import contacts_file, contacts_table, read_contacts


def test_one_file_per_account_named_by_its_id(tmp_path):
    assert contacts_file(tmp_path, "C0033") == tmp_path / "answers" / "contacts" / "C0033.csv"
    assert contacts_file(tmp_path, "A/../x").name == "a-x.csv"  # never outside the folder


def test_a_hand_typed_file_with_semicolons_and_notes_is_read(tmp_path):
    path = contacts_file(tmp_path, "C1")
    path.parent.mkdir(parents=True)
    path.write_text(
        "link;ours;theirs;role;strength;note;my own column\n"
        "1; Mikko ;Sari;hankinta;3;ovet auki;x\n"
        "2;Aino;;;;;only one side\n"
        "3;Jussi;Timo;;;;\n",
        encoding="utf-8",
    )
    frame, problem = read_contacts(tmp_path, "C1")
    assert problem is None
    assert frame.to_dict("records") == [
        {"ours": "Mikko", "theirs": "Sari", "role": "hankinta", "strength": 3, "note": "ovet auki"},
        {"ours": "Jussi", "theirs": "Timo", "role": "", "strength": None, "note": ""},
    ]
    assert contacts_table(tmp_path, "C1").set("3", "strength", 2)  # the form saves into it
    again = path.read_text(encoding="utf-8")
    assert "my own column" in again and "3;Jussi;Timo;;2;;" in again


def test_a_strength_out_of_range_is_reported_with_its_line(tmp_path):
    path = contacts_file(tmp_path, "C1")
    path.parent.mkdir(parents=True)
    path.write_text("link,ours,theirs,strength\n1,A,B,2\n2,A,C,4\n", encoding="utf-8")
    frame, problem = read_contacts(tmp_path, "C1")
    assert frame.empty and problem.line == 3 and "from 1 to 3" in str(problem)
    assert contacts_table(tmp_path, "C1").set("1", "ours", "Z") is False  # never written
    assert path.read_text(encoding="utf-8") == "link,ours,theirs,strength\n1,A,B,2\n2,A,C,4\n"
