"""Hand-made frames for the tests of notebook 05's analysis (commitment, satisfaction,
cohorts, lifetime value): small enough to check every figure by hand."""

import pandas as pd

AS_OF = pd.Timestamp("2025-12-01")


def frame(rows, columns, dates=("date",)):
    data = pd.DataFrame(rows, columns=columns)
    for column in dates:
        data[column] = pd.to_datetime(data[column])
    return data


def invoices(rows):
    """rows: (customer_id, 'YYYY-MM-DD', amount)."""
    data = frame(rows, ["customer_id", "date", "amount"])
    data["amount"] = data["amount"].astype(float)
    return data


def survey(rows, recommend=True):
    """rows: (customer_id, 'YYYY-MM-DD', satisfaction[, recommend])."""
    columns = ["customer_id", "date", "satisfaction"] + (["recommend"] if recommend else [])
    data = frame(rows, columns)
    data["satisfaction"] = data["satisfaction"].astype(float)
    if recommend:
        data["recommend"] = data["recommend"].astype(float)
    return data
