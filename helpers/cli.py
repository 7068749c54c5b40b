"""The ``workbook`` command (also ``python -m helpers``).

    workbook run [DATA_DIR] [--out DIR] [--language en|fi|sv] [--as-of DATE] [--pseudonymize]
    workbook check DATA_DIR
    workbook import EXPORT --to DATA_DIR [--mapping FILE] [--sheet NAME] [--decimal comma|point]
                    [--dates day-first|month-first] [--encoding NAME] [--password PASSWORD]
                    [--force]
    workbook new DATA_DIR [--name NAME]
    workbook checklist [DATA_DIR] [--member NAME] [--port N] [--language en|fi|sv]
    workbook vision [DATA_DIR] [--accounts ID,…] [--language en|fi|sv] [--out DIR] [--as-of DATE]
                    [--for-customer]
    workbook lab [DATA_DIR] [--language en|fi|sv] [--port N] [--no-browser]
    workbook class new CLASS_DIR --roster FILE [--language en|fi|sv] [--force]
    workbook class collect CLASS_DIR SUBMISSION… [--language en|fi|sv]

Started by ``python workbook.py …`` the messages name that command instead (WORKBOOK_COMMAND).

Exit codes: 0 done, 1 a notebook failed, 2 the data (or the command line) has errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from helpers.company.folder import ERROR, DataError, check_company
from helpers.language import LANGUAGES
from helpers.paths import PROJECT_ROOT, resolve_data_dir

DATA_ERROR, RUN_ERROR = 2, 1


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # output redirected to a file on Windows is in the
        if hasattr(stream, "reconfigure"):  # ANSI code page: never fail over a € or →
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return DATA_ERROR
    try:
        return args.handler(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return DATA_ERROR
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return RUN_ERROR
    except PermissionError as error:
        print(locked_file_message(error), file=sys.stderr)
        return RUN_ERROR


def locked_file_message(error: PermissionError) -> str:
    """What to do when a file cannot be replaced: on Windows, usually open in another program."""
    where = error.filename or "a file"
    return (
        f"Could not write or replace {where} ({error.strerror or 'permission denied'}). "
        "If it is open in Excel or another program, close it and run the command again; "
        "Windows does not let anyone replace a file that is open."
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=command_name(),
        description="Customer-relationship workbook: run the notebooks on a company folder.",
    )
    commands = parser.add_subparsers(dest="command")

    run = commands.add_parser("run", help="run every notebook and write a report")
    run.add_argument(
        "data_dir", nargs="?", default=None, help="company folder (default: the sample company)"
    )
    run.add_argument(
        "--out",
        default=None,
        help=f"output folder (default: {Path('output', '<company folder name>')})",
    )
    run.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="the language of the notebooks and the report (default: the company's own, else en)",
    )
    run.add_argument(
        "--as-of", default=None, help="analysis date YYYY-MM-DD (default: the last invoice date)"
    )
    run.add_argument(
        "--pseudonymize",
        action="store_true",
        help="replace customer names and ids with stable pseudonyms in every output",
    )
    run.add_argument("--quiet", action="store_true", help="no progress output")
    run.set_defaults(handler=cmd_run)

    check = commands.add_parser("check", help="validate a company folder and list every problem")
    check.add_argument("data_dir", nargs="?", default=None)
    check.set_defaults(handler=cmd_check)

    imp = commands.add_parser(
        "import",
        help="turn an accounting export into a company folder",
        description="Turn what an accounting or invoicing program exports into a company "
        "folder: a CSV or text file (UTF-8, Windows-1252, ISO-8859-15 or Excel's Unicode "
        "text), an Excel workbook (.xlsx, the sheet of invoice lines found by itself), a "
        "report grouped by customer, or Finnish Finvoice e-invoices (an .xml file, a folder "
        "or a .zip of them). It says which column it took for what; where the file can be "
        "read two ways it stops and says which option settles it.",
    )
    imp.add_argument(
        "export",
        help="the export: CSV or text file, Excel workbook (.xlsx), Finvoice e-invoice (.xml), "
        "or a folder or .zip of Finvoice files",
    )
    imp.add_argument("--to", required=True, dest="to_dir", help="new company folder to create")
    imp.add_argument("--mapping", default=None, help="TOML file naming the columns to use")
    imp.add_argument(
        "--sheet",
        default=None,
        help="Excel: the sheet to read, by name or number (0 = the first); by default the "
        "sheet whose columns look like invoice lines",
    )
    imp.add_argument(
        "--decimal",
        choices=["comma", "point"],
        default=None,
        help="the decimal mark, when the import says numbers like 12.500 read two ways "
        "(comma: 1.234,50; point: 1,234.50)",
    )
    imp.add_argument(
        "--dates",
        choices=["day-first", "month-first"],
        default=None,
        help="the order of slashed dates, when the import says they read two ways "
        "(day-first: 31/12/2024; month-first: 12/31/2024)",
    )
    imp.add_argument(
        "--encoding",
        default=None,
        help="text files: the encoding, when the import asks (utf-8, cp1252, iso-8859-15, utf-16)",
    )
    imp.add_argument(
        "--password", default=None, help="the password of a password-protected workbook"
    )
    imp.add_argument("--force", action="store_true", help="replace an existing folder")
    imp.set_defaults(handler=cmd_import)

    new = commands.add_parser("new", help="create an empty company folder to type data into")
    new.add_argument("data_dir")
    new.add_argument("--name", default="My company")
    new.add_argument("--force", action="store_true")
    new.set_defaults(handler=cmd_new)

    checklist = commands.add_parser(
        "checklist", help="serve the 9E checklist as a page without code on 127.0.0.1"
    )
    checklist.add_argument(
        "data_dir", nargs="?", default=None, help="company folder (default: the sample company)"
    )
    checklist.add_argument("--member", default=None, help="your name (each member has a file)")
    checklist.add_argument("--port", type=int, default=8866, help="port (default 8866)")
    checklist.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="language of the page (default: the company's own, else en)",
    )
    checklist.set_defaults(handler=cmd_checklist)

    vision = commands.add_parser(
        "vision", help="write customer-vision documents (HTML and Markdown) for key accounts"
    )
    vision.add_argument(
        "data_dir", nargs="?", default=None, help="company folder (default: the sample company)"
    )
    vision.add_argument(
        "--accounts",
        default=None,
        help="customer ids separated by commas (default: the key accounts of notebook 02)",
    )
    vision.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="language of the documents (default: the company's own, else en)",
    )
    vision.add_argument(
        "--out", default=None, help="folder for the documents (default: output/<company>/vision)"
    )
    vision.add_argument(
        "--as-of", default=None, help="analysis date YYYY-MM-DD (default: the last invoice date)"
    )
    vision.add_argument(
        "--for-customer",
        action="store_true",
        help="the copies to hand over: without the lines marked internal (segment, profit, …)",
    )
    vision.set_defaults(handler=cmd_vision)
    lab = commands.add_parser("lab", help="open JupyterLab on the course, 00-start-here first")
    lab.add_argument(
        "data_dir",
        nargs="?",
        default=None,
        help="your company folder: every notebook opens on it (default: the sample company)",
    )
    lab.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="the course's language (default: the company's own, else en)",
    )
    lab.add_argument("--port", type=int, default=None, help="port (default: 8888 or the next free)")
    lab.add_argument(
        "--no-browser",
        dest="open_browser",
        action="store_false",
        help="only print the address to open",
    )
    lab.set_defaults(handler=cmd_lab)
    add_class_commands(commands)
    return parser


def add_class_commands(commands) -> None:
    """``workbook class new`` and ``workbook class collect`` (helpers.course.classroom)."""
    group = commands.add_parser(
        "class",
        help="run the course for a class: a company per student, their progress collected",
        description="Run the course for a class. `new` writes one company folder per student "
        "of a roster (the sample company's story with numbers and names of the student's "
        "own: the same student id always gives the same company). Students run the workbook "
        "on their folder and hand in the output folder (or a zip of it); `collect` reads "
        "their progress.json and writes class.csv, class-report.html and "
        "class-report-pseudonymised.html into the class folder.",
    )
    group.set_defaults(handler=lambda _args: (group.print_help(), DATA_ERROR)[1])
    actions = group.add_subparsers(dest="class_command")
    new = actions.add_parser(
        "new",
        help="write a company folder per student of a roster",
        description="Write CLASS_DIR/companies/<student_id>/ for every student of the roster "
        "(a CSV file with the columns student_id and name, optionally language), plus "
        "CLASS_DIR/class.toml and CLASS_DIR/roster.csv. Running it again adds new students "
        "and keeps the folders already written.",
        epilog="Exit codes: 0 done; 2 the roster or the class folder has a problem (each "
        "named, by line for the roster), and nothing was written.",
    )
    new.add_argument(
        "class_dir", metavar="CLASS_DIR", help="the class folder (new, empty, or a class folder)"
    )
    new.add_argument(
        "--roster", required=True, metavar="FILE", help="CSV with student_id, name [, language]"
    )
    new.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="the class's language: of the reports and of each company unless the roster "
        "gives one (default: the class's own, else the sample company's, fi)",
    )
    new.add_argument(
        "--force", action="store_true", help="write the students' folders that exist again"
    )
    new.set_defaults(handler=cmd_class_new)
    gather = actions.add_parser(
        "collect",
        help="collect the students' progress into class.csv and the class report",
        description="Read each submission (a run's output folder, a zip of one, or a folder "
        "of them) and write class.csv, class-report.html and class-report-pseudonymised.html "
        "into CLASS_DIR. A missing, broken or foreign submission is named and the rest are "
        "collected.",
        epilog="Exit codes: 0 written (a submission that could not be collected is named on "
        "the terminal and in the report); 2 CLASS_DIR is not a class folder.",
    )
    gather.add_argument(
        "class_dir", metavar="CLASS_DIR", help="the class folder made by `class new`"
    )
    gather.add_argument(
        "submissions", nargs="+", metavar="SUBMISSION", help="output folder or zip of one"
    )
    gather.add_argument(
        "--language",
        choices=LANGUAGES,
        default=None,
        help="language of the report (default: the class's own)",
    )
    gather.set_defaults(handler=cmd_class_collect)


def command_name() -> str:
    """How the user starts this command: ``workbook``, or ``python workbook.py`` when the
    bootstrap started it (it sets WORKBOOK_COMMAND)."""
    return os.environ.get("WORKBOOK_COMMAND") or "workbook"


def default_out_dir(data_dir: str | None) -> Path:
    return PROJECT_ROOT / "output" / resolve_data_dir(data_dir).name


def cmd_run(args: argparse.Namespace) -> int:
    from helpers.run import RunError, run_workbook

    out = Path(args.out) if args.out else default_out_dir(args.data_dir)
    secret = None
    if args.pseudonymize:
        from helpers.company.pseudonyms import secret_for

        secret = secret_for(resolve_data_dir(args.data_dir))
    try:
        result = run_workbook(
            args.data_dir,
            out,
            language=args.language,
            as_of=args.as_of,
            pseudonymize_secret=secret,
            progress=not args.quiet,
        )
    except RunError as error:
        print(str(error), file=sys.stderr)
        return RUN_ERROR
    print(f"Report: {result.index}")
    print(f"Figures: {result.out_dir / 'summary.json'}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    folder = resolve_data_dir(args.data_dir)
    problems = check_company(folder, today=pd.Timestamp.today().normalize())
    errors = [p for p in problems if p.level == ERROR]
    warnings = [p for p in problems if p.level != ERROR]
    for title, group in (("Errors (fix these first)", errors), ("Warnings", warnings)):
        if group:
            print(f"{title}:")
            for problem in group:
                print(f"  - {problem}")
    if errors:
        print(f"{folder}: {len(errors)} error(s), {len(warnings)} warning(s).")
        return DATA_ERROR
    print(f"{folder}: OK, no errors, {len(warnings)} warning(s).")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from helpers.company.importing import import_export

    sheet = int(args.sheet) if args.sheet and args.sheet.isdigit() else args.sheet
    try:
        report = import_export(
            Path(args.export),
            Path(args.to_dir),
            mapping=Path(args.mapping) if args.mapping else None,
            sheet=sheet,
            force=args.force,
            decimal=args.decimal,
            dates=args.dates,
            encoding=args.encoding,
            password=args.password,
        )
    except FileExistsError as error:
        print(str(error), file=sys.stderr)
        return DATA_ERROR
    except FileNotFoundError as error:
        print(f"Not found: {error.filename or error}", file=sys.stderr)
        return DATA_ERROR
    except (DataError, PermissionError, KeyboardInterrupt):
        raise  # said by main()
    except Exception as error:  # never a traceback for a file someone exported
        print(
            f"Could not import {args.export}: {type(error).__name__}: {error}. Export it "
            "again as CSV (UTF-8) or Excel (.xlsx); if that fails too, please report it.",
            file=sys.stderr,
        )
        return DATA_ERROR
    print(report)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from helpers.company.importing import new_company

    try:
        folder = new_company(Path(args.data_dir), name=args.name, force=args.force)
    except FileExistsError as error:
        print(str(error), file=sys.stderr)
        return DATA_ERROR
    print(
        f"Created {folder}: type your invoices into invoices.csv, then run "
        f"`{command_name()} check {folder}`."
    )
    return 0


def cmd_checklist(args: argparse.Namespace) -> int:
    from helpers.course.checklist import serve

    return serve(args.data_dir, member=args.member, port=args.port, language=args.language)


def cmd_vision(args: argparse.Namespace) -> int:
    from helpers.company.folder import load_company, resolve_as_of
    from helpers.language import choose_language
    from helpers.report.vision import unknown_accounts, write_documents

    folder = resolve_data_dir(args.data_dir)
    company = load_company(folder)  # DataError: reported by main()
    as_of = resolve_as_of(company.invoices, args.as_of)
    lang = choose_language(args.language, company.settings)
    accounts = None
    if args.accounts:
        accounts = [a.strip() for a in args.accounts.split(",") if a.strip()]
        unknown = unknown_accounts(company, accounts)
        if unknown:
            print(
                f"No invoices for {', '.join(unknown)} in {folder / 'invoices.csv'}; "
                "give customer ids as they are in invoices.csv, separated by commas "
                "(e.g. --accounts C0033,C0053).",
                file=sys.stderr,
            )
            return DATA_ERROR
    if args.out:
        out = Path(args.out).resolve()
    else:  # output/<company>/vision: marked as ours, so a later `workbook run` may replace it
        from helpers.run import MARKER

        run_dir = default_out_dir(args.data_dir)
        if not run_dir.exists():
            run_dir.mkdir(parents=True)
            (run_dir / MARKER).write_text(
                "Written by the workbook; cleared on the next `workbook run`.\n", encoding="utf-8"
            )
        out = run_dir / "vision"
    if out == folder or folder in out.parents:
        print(
            f"The output folder {out} is inside the company folder; choose another one "
            "(documents never go into your data).",
            file=sys.stderr,
        )
        return DATA_ERROR
    written = write_documents(company, as_of, out, lang, accounts, for_customer=args.for_customer)
    if not written:
        print("No key accounts in this company: name accounts with --accounts ID,…")
        return 0
    for _name, path in written:
        print(path)
    print(f"{len(written)} customer-vision document(s), HTML and Markdown, in {out}")
    return 0


def cmd_class_new(args: argparse.Namespace) -> int:
    from helpers.course.classroom import new_command

    return new_command(
        args.class_dir,
        args.roster,
        language=args.language,
        force=args.force,
        command=command_name(),
    )


def cmd_class_collect(args: argparse.Namespace) -> int:
    from helpers.course.classroom import collect_command

    return collect_command(args.class_dir, args.submissions, language=args.language)


def cmd_lab(args: argparse.Namespace) -> int:
    from helpers.company.folder import read_settings
    from helpers.course.lab import start_lab
    from helpers.language import choose_language

    folder = resolve_data_dir(args.data_dir)
    if not folder.is_dir():
        print(f"No such company folder: {folder}", file=sys.stderr)
        return 2
    language = choose_language(args.language, read_settings(folder)).code
    return start_lab(
        port=args.port,
        open_browser=args.open_browser,
        language=language,
        data_dir=folder if args.data_dir is not None else None,
    )


if __name__ == "__main__":
    sys.exit(main())
