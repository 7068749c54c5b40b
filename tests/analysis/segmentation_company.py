"""The hand-made company of notebook 02's tests: every figure can be checked by hand.

as_of = 2025-12-31, so the last 12 months are (2024-12-31, 2025-12-31] and the 12 before
are (2024-01-01, 2024-12-31] (2024 is a leap year: 365 days back from 2024-12-31 is 01-01).

    customer  lines                          12 m   12 m before  all years  wallet  owner
    A         2024-06 1000, 2025-06 3000     3000   1000         4000       10000   Liisa
    B         2024-06 2000, 2025-03 1500     1500   2000         3500        1600   ''
    C         2024-05  500, 2025-05  450      450    500          950           –   Matti
              (and 2023-05 0: a customer since then)
    D         2025-08  800 (new)              800      0          800           –   (no row)
    E         2024-03  700                      0    700          700           –   Matti
    F         2022-02  300                      0      0          300           –   –
    G         2025-04  200, 2025-09 −250      −50      0          −50           –   –
    H         2024-02  400, 2025-02  440      440    400          840           0   –
              (and 2023-02 0: a customer since then)

Bought in the last 12 months: A, B, C, D, G, H (G has a positive line) → n = 6, the
valuable fifth is the top ⌈0.2 · 6⌉ = 2 by value: A, B; its upper half the first
⌈2 / 2⌉ = 1: A.
Potential: A wallet 1 − 3000/10000 = 0.70 (high); B 1 − 1500/1600 = 0.0625 (low);
C growth 450/500 − 1 = −0.10 (low); D new (high); G new (high); H wallet 0 = unknown, so
growth 440/400 − 1 = +0.10 (at the cut-off: high). C and H have a trend because they were
customers for the whole 12 months before (a line of 0 in 2023 marks it); without it their
first invoice would fall inside those 12 months and they would count as new.
Segments: A key account (upper half, high), B maintain (lower half, low); C D G H serve
(the many, whatever their potential); E F dormant (E bought in the 12 months before: a
"why did you stop" call). With key_share 1.0 the fifth is all six, its upper half the
first ⌈6 / 2⌉ = 3 (A, B, D): key A D, keep B, develop H G, maintain C.
Years as a customer (days from the first invoice to as_of / 365.25): A 564 d = 1.544,
B 1.544, C 966 d = 2.645, D 152 d = 0.416, E 670 d = 1.834, F 1429 d = 3.912,
G 274 d = 0.750, H 1064 d = 2.913.

Used by test_segmentation, test_pareto, test_ownership and test_segment_lists.
"""

import pandas as pd

from helpers.analysis import segmentation

AS_OF = pd.Timestamp("2025-12-31")


def invoices() -> pd.DataFrame:
    rows = [
        ("A", "2024-06-15", 1000, 600),
        ("A", "2025-06-15", 3000, 2000),
        ("B", "2024-06-15", 2000, 1500),
        ("B", "2025-03-15", 1500, 1400),
        ("C", "2023-05-10", 0, 0),
        ("C", "2024-05-10", 500, 200),
        ("C", "2025-05-10", 450, 150),
        ("D", "2025-08-01", 800, 300),
        ("E", "2024-03-01", 700, 350),
        ("F", "2022-02-01", 300, 100),
        ("G", "2025-04-01", 200, 100),
        ("G", "2025-09-01", -250, -100),
        ("H", "2023-02-01", 0, 0),
        ("H", "2024-02-01", 400, 200),
        ("H", "2025-02-01", 440, 240),
        ("A", "2026-01-15", 99999, 0),  # after as_of: ignored everywhere
    ]
    data = pd.DataFrame(rows, columns=["customer_id", "date", "amount", "cost"])
    data["date"] = pd.to_datetime(data["date"])
    data[["amount", "cost"]] = data[["amount", "cost"]].astype(float)
    return data


def customers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "customer_id": ["A", "B", "C", "E", "H", "X"],
            "name": ["Aalto Oy", "Björk Ab", "", "Eskola", "Hiltunen", "Never bought"],
            "owner": ["Liisa", "", "Matti", "Matti", None, "Liisa"],
            "wallet": [10000, 1600, None, None, 0, 5000],
        }
    )


def table() -> pd.DataFrame:
    """``segmentation.segments`` of the company with the default cut-offs."""
    return segmentation.segments(invoices(), AS_OF, customers())
