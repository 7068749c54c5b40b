"""The layout of a report: totals and subtotal lines, and reports grouped by customer.

Accounting programs print reports, not tables. Three kinds of line are no
invoice line and are left out, each counted and said:

* **totals**: an undated line saying "Yhteensä", "Summa", "Totalt", "Total",
  "Total for X", "Totalt för X", "X yhteensä", "Summa X" … where X is a
  customer (or customer group) of the same file. A customer *named*
  "Summa-Rakennus Oy" or "Total Kiinteistöpalvelut Oy" is no total: its lines
  are dated, and no other customer is called "Rakennus Oy";
* **group lines** of a report grouped by customer ("Sales by Customer Detail"
  as QuickBooks writes it, "Myynti asiakkaittain", "Försäljning per kund"): the
  customer on a line of its own, its transactions below with the customer cell
  empty, then its total. Each transaction takes the customer of the group it
  sits in (the outermost group, when groups nest: customer, then invoice);
* **label lines**: an undated line with a single cell filled and no amount
  (a heading, a footer such as "Accrual basis …").

When a group's total is printed, it is checked against the sum of the group's
lines and a difference is said.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from helpers.company.importing.columns import CUSTOMER_ID, CUSTOMER_NAME
from helpers.company.parsing import normalise_name

GROUP_ID = "(customer from the group lines)"
GROUP_NAME = "(customer name from the group lines)"

PLAIN_TOTALS = {
    "total",
    "totals",
    "totalt",
    "grand_total",
    "yhteensa",
    "kaikki_yhteensa",
    "yht",
    "summa",
    "sum",
    "summa_yhteensa",
    "totalsumma",
    "slutsumma",
    "subtotal",
    "valisumma",
    "delsumma",
    "kokonaissumma",
    "total_sales",
    "totalt_summa",
}
TOTAL_PREFIXES = (
    "total",
    "totalt",
    "summa",
    "sum",
    "yhteensa",
    "subtotal",
    "valisumma",
    "delsumma",
)
TOTAL_SUFFIXES = ("yhteensa", "yht", "total", "totalt", "summa", "sum", "subtotal")
EXPLICIT = re.compile(r"^(?:total|totalt|summa|sum|subtotal|delsumma)_(?:for|fr)_(.+)$")
PAGE = re.compile(
    r"^(?:sivu|page|sida|s\.|p\.)\s*\d+(?:\s*(?:/|of|av|\()\s*\d+\)?)?$", re.IGNORECASE
)
ROLE_WORDS = re.compile(r"^\s*(?:asiakas|kund|customer|client)\s*[:.]\s*", re.IGNORECASE)
ID_FIRST = re.compile(r"^([A-Z]{0,3}-?\d[\dA-Z/-]*)\s+(?:[-–:]\s*)?(\S.*)$")
ID_LAST = re.compile(r"^(\S.*?)\s*\(([A-Z]{0,3}-?\d[\dA-Z/-]*)\)$")


@dataclass
class Layout:
    """What the report lines are: rows to leave out, and the customer of grouped rows."""

    skip: pd.Series  # bool per row: a total, subtotal, group or label line
    notes: list[str] = field(default_factory=list)
    label_column: str | None = None  # grouped: the column holding the group lines
    subtotals: list[tuple[int, str, str]] = field(default_factory=list)  # row, group, amount
    group_of: pd.Series | None = None  # grouped: the (outermost) group label per row

    @property
    def grouped(self) -> bool:
        return self.label_column is not None


def total_target(text: str, known: set[str]) -> str | None:
    """'' for a plain total ('Yhteensä'), the name X for a total of X ('Total for X',
    'X yhteensä', 'Summa X' with X among ``known``), None for anything else.

    >>> total_target("Total for Acme Oy", set()), total_target("Summa-Rakennus Oy", set())
    ('acme_oy', None)
    """
    key = normalise_name(text)
    if not key:
        return None
    if key in PLAIN_TOTALS:
        return ""
    explicit = EXPLICIT.match(key)
    if explicit:
        return explicit.group(1)
    for prefix in TOTAL_PREFIXES:
        if key.startswith(prefix + "_") and key[len(prefix) + 1 :] in known:
            return key[len(prefix) + 1 :]
    for suffix in TOTAL_SUFFIXES:
        if key.endswith("_" + suffix) and key[: -len(suffix) - 1] in known:
            return key[: -len(suffix) - 1]
    return None


def read_layout(
    frame: pd.DataFrame, lines: pd.Series, chosen: dict[str, str], amount_source: str | None
) -> Layout:
    """Find the report structure of ``frame`` (see the module docstring)."""
    layout = Layout(pd.Series(False, index=frame.index))
    date_source = chosen.get("date")
    if date_source is None:
        return layout
    repeated = _repeated_headers(frame)
    if repeated.any():  # a report printed page by page repeats its column names
        layout.skip |= repeated
        layout.notes.append(
            f"skipped {int(repeated.sum())} line(s) repeating the column names (a new page "
            f"of the report; line {_lines(lines, frame.index[repeated])})"
        )
        frame, lines = frame[~repeated], lines[~repeated]
    undated = frame[date_source] == ""
    if not undated.any():
        return layout
    inner = Layout(pd.Series(False, index=frame.index))
    customer_source = chosen.get(CUSTOMER_ID) or chosen.get(CUSTOMER_NAME)
    label_column = _label_column(frame, undated, chosen, customer_source)
    if label_column is None or not _grouped(
        frame, lines, undated, label_column, amount_source, inner
    ):
        _totals(frame, lines, undated, customer_source, amount_source, inner)
    _label_lines(frame, lines, undated & ~inner.skip, amount_source, inner)
    layout.skip |= inner.skip.reindex(layout.skip.index, fill_value=False)
    layout.notes += inner.notes
    layout.label_column = inner.label_column
    layout.subtotals = inner.subtotals
    if inner.group_of is not None:
        layout.group_of = inner.group_of.reindex(layout.skip.index, fill_value="")
    return layout


def _repeated_headers(frame: pd.DataFrame) -> pd.Series:
    """Rows that repeat the column names (at least two of them, and half the named ones)."""
    named = [c for c in frame.columns if not c.startswith("(column ")]
    if len(named) < 2:
        return pd.Series(False, index=frame.index)
    same = pd.Series(0, index=frame.index)
    for column in named:
        original = re.sub(r"\.\d+$", "", column)  # 'Name.1': the second column called Name
        same += ((frame[column] == column) | (frame[column] == original)).astype(int)
    return same >= max(2, (len(named) + 1) // 2)


def _label_column(
    frame: pd.DataFrame, undated: pd.Series, chosen: dict[str, str], customer_source: str | None
) -> str | None:
    """The column that holds group lines: filled on some undated lines and empty on every
    dated one; the customer column when it is such, else one no role was found for.
    None when the dated lines name their customer themselves."""
    dated = ~undated
    if not dated.any():
        return None
    if customer_source is not None and (frame.loc[dated, customer_source] != "").any():
        return None
    taken = set(chosen.values())
    candidates = [customer_source] if customer_source else []
    candidates += [c for c in frame.columns if c not in taken]
    first_dated = dated.to_numpy().nonzero()[0]
    for column in candidates:
        filled = (frame[column] != "").to_numpy()
        if (filled & dated.to_numpy()).any():
            continue
        positions = (filled & undated.to_numpy()).nonzero()[0]
        # a group line stands above dated lines of its own
        if len(positions) and first_dated.max() > positions.min():
            return column
    return None


def _grouped(
    frame: pd.DataFrame,
    lines: pd.Series,
    undated: pd.Series,
    label_column: str,
    amount_source: str | None,
    layout: Layout,
) -> bool:
    """Read the group and total lines; False when there is no group line after all."""
    labels = frame[label_column]
    marked = undated & (labels != "")
    texts = {i: ROLE_WORDS.sub("", labels[i]).strip() for i in frame.index[marked]}
    known = {normalise_name(t) for t in texts.values()}
    kinds: dict[int, tuple[str, str]] = {}  # row -> ("total", target) or ("group", label)
    for index, text in texts.items():
        target = total_target(text, known)
        if target is not None:
            kinds[index] = ("total", target)
        elif PAGE.match(text):
            kinds[index] = ("label", text)
        else:
            kinds[index] = ("group", text)
    # other cells of an undated line may say 'Total' too (a total in the amount's neighbour)
    unlabelled = undated & (labels == "")
    if unlabelled.any():
        for index in frame.index[unlabelled]:
            cells = [c for c in frame.loc[index].tolist() if c]
            if any(total_target(c, known) is not None for c in cells):
                kinds[index] = ("total", "")

    # a group line with no line of its own below it, never closed by a total, is a heading
    # or a footer ("Accrual basis …"), not a customer
    rows = sorted(kinds)
    positions = frame.index.get_indexer(rows)
    following = list(positions[1:]) + [len(frame.index)]
    for row, position, next_position in zip(rows, positions, following, strict=True):
        kind, text = kinds[row]
        if kind == "group" and next_position - position <= 1:
            named = normalise_name(text)
            if not any(k == "total" and t == named for k, t in kinds.values()):
                kinds[row] = ("label", text)
    if not any(kind == "group" for kind, _ in kinds.values()):
        return False
    group_of, unclosed, inner, closing = _assign(kinds, frame.index, use_stack=True)
    if unclosed or not closing:
        # no total names its group, or some groups have none: no nesting can be seen,
        # and each group line starts a new customer
        group_of, _, inner, _ = _assign(kinds, frame.index, use_stack=False)
    layout.label_column = label_column
    layout.group_of = group_of
    structure = pd.Series(False, index=frame.index)
    structure[list(kinds)] = True
    layout.skip |= structure

    groups = [i for i, (kind, _) in kinds.items() if kind == "group"]
    totals = [i for i, (kind, _) in kinds.items() if kind == "total"]
    labels_only = [i for i, (kind, _) in kinds.items() if kind == "label"]
    used = group_of[~structure & ~undated]
    with_lines = used[used != ""].nunique()
    layout.notes.append(
        f"the export is a report grouped by customer: {with_lines} customer group(s) in "
        f"column '{label_column}', each customer on a line of its own above its "
        f"transactions; skipped {len(groups)} group line(s) and {len(totals)} total or "
        f"subtotal line(s) (line {_lines(lines, totals)})"
        + (
            f" and {len(labels_only)} heading or footer line(s) (line {_lines(lines, labels_only)})"
            if labels_only
            else ""
        )
    )
    if unclosed and closing:
        layout.notes.append(
            f"{unclosed} group(s) have no total line of their own, so each "
            "group line was taken to start a new customer"
        )
    elif inner:
        layout.notes.append(
            f"{inner} group(s) sit inside another group (an invoice or a "
            "sub-customer); their lines count for the outer group's customer"
        )
    if amount_source is not None:
        for index in totals:
            target = kinds[index][1]
            amount = frame.at[index, amount_source]
            if target and amount:
                layout.subtotals.append((index, target, amount))
    return True


def _assign(
    kinds: dict[int, tuple[str, str]], index: pd.Index, use_stack: bool
) -> tuple[pd.Series, int, int, bool]:
    """The outermost open group at every row; how many groups never got a total naming
    them, how many sat inside another, and whether any total named its group."""
    marks: dict[int, str] = {}
    stack: list[str] = []
    closed_any = False
    unclosed = 0  # groups no named total took off the stack (their own, or an outer one's)
    inner = 0
    for row in sorted(kinds):
        kind, value = kinds[row]
        if kind == "label":
            continue
        if kind == "group":
            if use_stack:
                inner += bool(stack)
                stack.append(value)
            else:
                stack = [value]
        elif not value:  # a plain total closes everything
            unclosed += len(stack) if use_stack else 0
            stack = []
        else:
            keys = [normalise_name(s) for s in stack]
            if value in keys:
                at = len(keys) - 1 - keys[::-1].index(value)
                closed_any = True
                stack = stack[:at]
            elif not use_stack:
                stack = []
        marks[row] = stack[0] if stack else ""
    unclosed += len(stack)
    group_of = pd.Series(marks, dtype=object).reindex(index).ffill().fillna("").astype(object)
    return group_of, unclosed, inner if use_stack else 0, closed_any


def _totals(
    frame: pd.DataFrame,
    lines: pd.Series,
    undated: pd.Series,
    customer_source: str | None,
    amount_source: str | None,
    layout: Layout,
) -> None:
    """Totals lines of a flat table: undated, and a cell saying it is a total."""
    known: set[str] = set()
    if customer_source is not None:
        known = set(pd.Series(frame[customer_source].unique()).map(normalise_name))
        known.discard("")
    cells = frame[undated]
    is_total = cells.apply(
        lambda column: column.map(lambda c: c != "" and total_target(c, known) is not None)
    )
    who = frame.loc[undated, customer_source] if customer_source else None
    totals = is_total.any(axis=1)
    if who is not None:  # the customer cell is empty, or is the one saying 'total'
        totals &= (who == "") | is_total[customer_source]
    rows = totals[totals].index
    if len(rows):
        layout.skip[rows] = True
        layout.notes.append(f"skipped {len(rows)} totals line(s) (line {_lines(lines, rows)})")


def _label_lines(
    frame: pd.DataFrame,
    lines: pd.Series,
    undated: pd.Series,
    amount_source: str | None,
    layout: Layout,
) -> None:
    """Undated lines with one cell filled and no amount: headings and footers."""
    if not undated.any():
        return
    cells = frame[undated]
    filled = (cells != "").sum(axis=1)
    no_amount = cells[amount_source] == "" if amount_source else True
    labels = filled[(filled == 1) & no_amount].index
    if len(labels):
        layout.skip[labels] = True
        layout.notes.append(
            f"skipped {len(labels)} line(s) with only a heading or note and "
            f"no date or amount (line {_lines(lines, labels)})"
        )


def customer_columns(frame: pd.DataFrame, layout: Layout, notes: list[str]) -> dict[str, str]:
    """Add the grouped report's customer columns to ``frame``; returns role -> column.

    When every group line starts with a customer number ("1001 Pajakulma Oy",
    "Pajakulma Oy (1001)"), the number is the id and the rest the name; else the
    whole label is the id.
    """
    labels = layout.group_of
    distinct = [x for x in labels.unique() if x]
    split = _split_ids(distinct)
    if split is None:
        frame[GROUP_ID] = labels
        return {CUSTOMER_ID: GROUP_ID}
    frame[GROUP_ID] = labels.map(lambda x: split[x][0] if x else "")
    frame[GROUP_NAME] = labels.map(lambda x: split[x][1] if x else "")
    notes.append(
        "the group lines start with a customer number: it became customer_id and "
        "the rest of the line the name"
    )
    return {CUSTOMER_ID: GROUP_ID, CUSTOMER_NAME: GROUP_NAME}


def _split_ids(labels: list[str]) -> dict[str, tuple[str, str]] | None:
    for pattern, id_group in ((ID_FIRST, 1), (ID_LAST, 2)):
        matches = {label: pattern.match(label) for label in labels}
        if labels and all(matches.values()):
            split = {
                label: (m.group(id_group), m.group(3 - id_group).strip())
                for label, m in matches.items()
            }
            ids = [i for i, _ in split.values()]
            if len(set(ids)) == len(ids):
                return split
    return None


def check_subtotals(
    layout: Layout,
    amounts: pd.Series,
    lines: pd.Series,
    parse: Callable[[list[str]], list[float | None]],
) -> list[str]:
    """Sentences for the groups whose printed total differs from the sum of their lines;
    ``parse`` reads the printed totals as the amount column is read."""
    if not layout.subtotals:
        return []
    codes, groups = pd.factorize(layout.group_of.loc[amounts.index])
    keys = pd.Index(groups).map(normalise_name).to_numpy()
    sums = amounts.groupby(keys[codes]).sum().to_dict()
    printed_totals = parse([text for _, _, text in layout.subtotals])
    off, checked = [], 0
    for (row, target, _), printed in zip(layout.subtotals, printed_totals, strict=True):
        if printed is None or target not in sums:
            continue
        checked += 1
        if abs(sums[target] - printed) > 0.005 + 1e-9 * abs(printed):
            off.append(
                f"line {lines[row]}: {printed:,.2f} printed, {sums[target]:,.2f} in its lines"
            )
    if off:
        return [
            f"WARNING: {len(off)} group total(s) differ from the sum of their lines: "
            f"{'; '.join(off[:3])}. Check those groups in the export"
        ]
    if checked:
        return [
            f"checked {checked} group total(s) printed in the report against the sum of "
            "their lines: all agree"
        ]
    return []


def _lines(lines: pd.Series, rows) -> str:
    rows = list(rows)
    shown = ", ".join(str(lines[r]) for r in rows[:5])
    return shown + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
