"""Wilson and ratio intervals pinned on values computed by hand."""

import math

import numpy as np
import pytest

from helpers.analysis.intervals import ratio_interval, wilson_interval, z_value


def test_z_value_is_the_familiar_1_96():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_wilson_interval_on_hand_computed_values():
    # 8 of 10, z = 1.96: centre (0.8 + 0.19208) / 1.38416 = 0.71674,
    # half 1.96 / 1.38416 · √(0.016 + 0.009604) = 0.22658 → 0.4902 … 0.9433
    low, high = wilson_interval(8, 10)
    assert (low, high) == pytest.approx((0.4902, 0.9433), abs=1e-4)
    # 0 of 10: 0 … 2·0.13877 = 0.2775; 10 of 10 mirrors it
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.2775), abs=1e-4)
    assert wilson_interval(10, 10) == pytest.approx((0.7225, 1.0), abs=1e-4)


def test_wilson_interval_on_arrays_and_empty_groups():
    low, high = wilson_interval(np.array([8, 0, 0]), np.array([10, 10, 0]))
    assert low[:2] == pytest.approx([0.4902, 0.0], abs=1e-4)
    assert high[:2] == pytest.approx([0.9433, 0.2775], abs=1e-4)
    assert math.isnan(low[2]) and math.isnan(high[2])


def test_ratio_interval_log_method_on_hand_computed_values():
    # 40/50 vs 10/50: ratio 4; se = √(1/40 − 1/50 + 1/10 − 1/50) = √0.085 = 0.29155;
    # exp(1.96 · 0.29155) = 1.77078 → 4 / 1.77078 = 2.2589, 4 · 1.77078 = 7.0831
    ratio, low, high = ratio_interval(40, 50, 10, 50)
    assert (ratio, low, high) == pytest.approx((4.0, 2.2589, 7.0831), abs=1e-4)


def test_ratio_interval_when_a_side_has_no_successes():
    assert all(math.isnan(v) for v in ratio_interval(5, 10, 0, 10))  # no ratio at all
    ratio, low, high = ratio_interval(0, 10, 5, 10)
    assert ratio == 0.0 and math.isnan(low) and math.isnan(high)
    assert all(math.isnan(v) for v in ratio_interval(1, 0, 1, 10))
    ratio, low, high = ratio_interval(2, 2, 1, 1)  # 100 % vs 100 %: no honest width
    assert ratio == 1.0 and math.isnan(low) and math.isnan(high)
