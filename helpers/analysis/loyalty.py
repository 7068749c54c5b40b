"""Notebook 05 (commitment and loyalty) used to keep all its analysis here; it now lives
in one module per topic:

- :mod:`helpers.analysis.commitment`: the commitment matrix (binding against
  commitment), its summary and the at-risk list;
- :mod:`helpers.analysis.satisfaction`: survey figures, box shares, repurchase by
  satisfaction score and NPS;
- :mod:`helpers.analysis.cohorts`: retention by cohort;
- :mod:`helpers.analysis.lifetime_value`: lifetime value, the cost of losing a
  customer and the budget what-if;
- :mod:`helpers.analysis.intervals`: intervals of a share and of a ratio (general statistics).

Their sentences and readable tables are in :mod:`helpers.words` (``commitment``,
``satisfaction``, ``cohorts``, ``lifetime_value``).

This module only keeps the names other parts of the workbook import from it:
``commitment_matrix`` (the customer vision of notebook 06 takes each customer's
commitment cell from it). New code imports from the topic modules.
"""

from helpers.analysis.commitment import commitment_matrix

__all__ = ["commitment_matrix"]
