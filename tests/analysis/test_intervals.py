"""Exact, Wilson and ratio intervals pinned on values computed by hand, and the coverage
claims notebook 05 makes about them."""

import math

import numpy as np
import pytest

from helpers.analysis.intervals import (
    coverage,
    exact_interval,
    ratio_interval,
    wilson_interval,
    z_value,
)

RATES = np.linspace(0.001, 0.999, 999)  # true rates from 0.1 % to 99.9 %


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


def test_exact_interval_on_hand_computed_values():
    # 0 of n: 0 … 1 − 0.025^(1/n); n of n mirrors it; 1 of 2: 1 − √0.975 … √0.975
    assert exact_interval(0, 10) == pytest.approx((0.0, 1 - 0.025**0.1), abs=1e-12)
    assert exact_interval(10, 10) == pytest.approx((0.025**0.1, 1.0), abs=1e-12)
    assert exact_interval(1, 2) == pytest.approx((1 - 0.975**0.5, 0.975**0.5), abs=1e-12)
    assert exact_interval(8, 10) == pytest.approx((0.4439, 0.9748), abs=1e-4)
    low, high = exact_interval(np.array([8, 0, 0]), np.array([10, 10, 0]))
    assert low[:2] == pytest.approx([0.4439, 0.0], abs=1e-4)
    assert math.isnan(low[2]) and math.isnan(high[2])


@pytest.mark.parametrize("trials", [1, 2, 5, 10, 20, 29, 50])
def test_the_exact_interval_keeps_its_95_percent_for_every_true_rate(trials):
    worst = min(coverage(exact_interval, trials, rate) for rate in RATES)
    assert worst >= 0.95 - 1e-9


def test_what_notebook_05_says_of_wilson_with_ten_answers():
    # "with ten answers it catches some true rates only about 84 % of the time, and 44 %
    # of the rates less than 95 % of the time", though right on average
    caught = np.array([coverage(wilson_interval, 10, rate) for rate in RATES])
    assert caught.min() == pytest.approx(0.84, abs=0.005)
    assert (caught < 0.95).mean() == pytest.approx(0.44, abs=0.01)
    assert caught.mean() == pytest.approx(0.95, abs=0.01)
