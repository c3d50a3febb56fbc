#!/usr/bin/env python3
"""Reference values for scoring archived quantile forecasts against later figures, some of which are bounds.

Run from this folder:  python3 make_archive_scores.py
It rewrites archive_scores.json next to this script. Needs numpy, scoringrules (PyPI, >= 0.10) and numba
(scoringrules' numba backend computes the WIS total; its numpy backend is wrong, see below).

Every forecast has the 23 hub levels (LEVELS below: the median and 11 central intervals, alpha = 2 tau for the
lower level tau), and every figure a kind: "exact", "lower_bound" (the truth is known only to be >= B) or
"upper_bound" (the truth is known only to be <= B).

What each value is, and where its definition comes from
- wis (exact): scoringrules.weighted_interval_score(y, median, lower, upper, alpha, backend="numba") with its
  default weights, w_median = 1/2 and w_alpha = alpha/2, divided by K + 1/2 (K = 11): the WIS of Bracher et al.
  (2021), eq. (2). (With the numpy backend, scoringrules 0.10.0 adds w_median * median instead of
  w_median * |y - median|; the numba gufunc is correct. The gufunc's output array takes the observation's dtype,
  so the observation is always passed as a float: an integer observation truncates the score to an integer.)
- dispersion, underprediction, overprediction: the transcription of the R package scoringutils (2.x),
  `wis(..., separate_results = TRUE, count_median_twice = FALSE)`, the same as in make_scores.py: the quantiles
  become central intervals (the median an interval of range 0, alpha = 1, lower = upper = median), each is
  scored by `interval_score(..., weigh = TRUE)` (dispersion alpha/2 (u - l), overprediction (l - y) 1{y < l},
  underprediction (y - u) 1{y > u}), and the rows are averaged with weight 1/2 for the median row and 1 for the
  intervals. The script asserts that the three parts add up to scoringrules' total within 1e-12 relative, and
  that the total also equals a direct evaluation of Bracher et al. (2021), eq. (2) and the mean quantile
  (pinball) score over the 23 levels (scoringutils `quantile_score`).
- Bounds (censored WIS): for a lower bound B, the score is the WIS of the forecast of min(Y, B) against
  min(y, B) = B: every quantile value q is replaced by min(q, B) (quantiles commute with the non-decreasing map
  z -> min(z, B)) and the observation by B. This is the threshold-weighted CRPS of Gneiting & Ranjan (2011) /
  Allen et al. (2023) with weight 1{z <= B}, in its quantile (pinball) form. For an upper bound B, q -> max(q, B)
  and the observation is B (weight 1{z >= B}). wis comes from scoringrules (numba) and the parts from the
  transcription, both on the transformed inputs. The script also checks the closed forms that follow from the
  pinball form: (1 / (K + 1/2)) sum over levels with q_tau < B of tau (B - q_tau) for a lower bound, and
  (1 / (K + 1/2)) sum over levels with q_tau > B of (1 - tau) (q_tau - B) for an upper bound.
- ae_median: |y - m| for exact figures (scoringutils `ae_median_quantile`); |m' - B| for bounds, with m' the
  transformed median (min(m, B) or max(m, B)).
- covered_50, covered_90, covered_95 (exact only, null for bounds): lower <= y <= upper for the central interval
  of levels (1 - X)/2 and (1 + X)/2 (scoringutils `interval_coverage`).
- pit (exact only, null for bounds): (L + U)/2, where L is the largest level whose quantile is < y (0 if none) and
  U the smallest level whose quantile is > y (1 if none): the midpoint of the range of PIT values that the
  quantile forecast allows for y.
- bias (exact only, null for bounds): scoringutils `bias_quantile` (as transcribed in make_scores.py): 0 at the
  median; below it 1 - 2 q with q the largest level whose quantile is <= y (1 below every quantile); above it
  1 - 2 q with q the smallest level whose quantile is >= y (-1 above every quantile).

Forecast values are sorted (non-decreasing), between 0 and 3000, some integer with ties (floored quantiles of
negative binomial draws), some non-integer. numpy's generator has a fixed seed, so the output is deterministic.
Each case also has a "name" saying what it exercises.

Every double is written with repr(), which round-trips exactly (json.dump uses it for floats).
"""

import json
import os

import numba
import numpy as np
import scoringrules as sr

HERE = os.path.dirname(os.path.abspath(__file__))

LEVELS = [0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
          0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99]
N = len(LEVELS)
K = N // 2  # 11 central intervals
MEDIAN = LEVELS.index(0.5)
COVERAGE = {"covered_50": 0.5, "covered_90": 0.9, "covered_95": 0.95}
RTOL = 1e-12


def close(a, b, rtol=RTOL):
    """Relative agreement; two zeros agree, a zero and a non-zero do not."""
    return abs(a - b) <= rtol * max(abs(a), abs(b))


# ----------------------------------------------------------------------------------------------------------
# scoringrules (numba backend)


def wis_scoringrules(y, values):
    values = np.asarray(values, dtype=float)
    lower = values[:K]
    upper = values[N - 1:N - 1 - K:-1]
    alpha = np.array([2 * LEVELS[k] for k in range(K)])
    for k in range(K):
        assert abs(LEVELS[k] + LEVELS[N - 1 - k] - 1) < 1e-12
    score = sr.weighted_interval_score(np.float64(y), np.float64(values[MEDIAN]), lower, upper, alpha,
                                       backend="numba")
    return float(score)


# ----------------------------------------------------------------------------------------------------------
# scoringutils, transcribed (as in make_scores.py)


def interval_range(level):
    """scoringutils get_range_from_quantile: the central interval's range in percent."""
    if level <= 0.5:
        return round((1 - 2 * level) * 100, 10)
    return round((2 * level - 1) * 100, 10)


def quantile_to_interval(levels, values):
    """Rows (range, lower, upper); the median becomes a row of range 0 with lower = upper."""
    lower, upper = {}, {}
    for level, value in zip(levels, values):
        r = interval_range(level)
        if level < 0.5:
            lower[r] = value
        elif level > 0.5:
            upper[r] = value
        else:
            lower[r] = value
            upper[r] = value
    assert sorted(lower) == sorted(upper), "levels do not pair up"
    return [(r, lower[r], upper[r]) for r in sorted(lower)]


def interval_score_weighted(y, lower, upper, r):
    alpha = (100 - r) / 100
    dispersion = upper - lower
    overprediction = 2 / alpha * (lower - y) * (1.0 if y < lower else 0.0)
    underprediction = 2 / alpha * (y - upper) * (1.0 if y > upper else 0.0)
    dispersion *= alpha / 2
    underprediction *= alpha / 2
    overprediction *= alpha / 2
    return dispersion + underprediction + overprediction, dispersion, underprediction, overprediction


def wis_parts(y, levels, values):
    rows = quantile_to_interval(levels, values)
    scored = [interval_score_weighted(y, lo, up, r) for (r, lo, up) in rows]
    weights = [1.0 if r != 0 else 0.5 for (r, _, _) in rows]
    total_weight = sum(weights)
    means = [sum(w * s[i] for w, s in zip(weights, scored)) / total_weight for i in range(4)]
    return dict(total=means[0], dispersion=means[1], underprediction=means[2], overprediction=means[3])


def wis_bracher(y, levels, values):
    """Bracher et al. (2021), eq. (2), evaluated directly from the unweighted interval scores."""
    n = len(levels)
    m = values[n // 2]
    total = 0.5 * abs(y - m)
    for k in range(n // 2):
        alpha = 2 * levels[k]
        lo, up = values[k], values[n - 1 - k]
        is_alpha = (up - lo) + 2 / alpha * (lo - y) * (y < lo) + 2 / alpha * (y - up) * (y > up)
        total += alpha / 2 * is_alpha
    return total / (n // 2 + 0.5)


def mean_quantile_score(y, levels, values):
    """scoringutils quantile_score (weigh = TRUE): mean over levels of 2 (1{y <= q} - tau)(q - y)."""
    return float(np.mean([2 * ((1.0 if y <= q else 0.0) - tau) * (q - y) for tau, q in zip(levels, values)]))


def bias_quantile(y, levels, values):
    order = np.argsort(levels)
    levels = [levels[i] for i in order]
    values = [values[i] for i in order]
    assert all(b >= a for a, b in zip(values, values[1:]))
    median = values[levels.index(0.5)]
    if y == median:
        return 0.0
    if y < median:
        if y < min(values):
            return 1.0
        q = max(level for level, v in zip(levels, values) if v <= y)
        return 1 - 2 * q
    if y > max(values):
        return -1.0
    q = min(level for level, v in zip(levels, values) if v >= y)
    return 1 - 2 * q


def interval_coverage(y, levels, values, nominal):
    r = nominal * 100
    for (rr, lo, up) in quantile_to_interval(levels, values):
        if abs(rr - r) < 1e-9:
            return bool(lo <= y <= up)
    raise ValueError(f"no {nominal} interval")


# ----------------------------------------------------------------------------------------------------------
# PIT and the censored closed forms


def pit(y, values):
    below = [tau for tau, q in zip(LEVELS, values) if q < y]
    above = [tau for tau, q in zip(LEVELS, values) if q > y]
    lower = max(below) if below else 0.0
    upper = min(above) if above else 1.0
    return (lower + upper) / 2


def censored_closed_form(kind, bound, values):
    if kind == "lower_bound":
        s = sum(tau * (bound - q) for tau, q in zip(LEVELS, values) if q < bound)
    else:
        s = sum((1 - tau) * (q - bound) for tau, q in zip(LEVELS, values) if q > bound)
    return s / (K + 0.5)


# ----------------------------------------------------------------------------------------------------------
# Cases


def score_case(name, values, observation, kind):
    values = [float(v) for v in values]
    y = float(observation)
    assert len(values) == N
    assert all(b >= a for a, b in zip(values, values[1:])), name
    assert all(0 <= v <= 3000 for v in values), name
    if kind == "exact":
        scored_values, scored_y = values, y
    elif kind == "lower_bound":
        scored_values, scored_y = [min(q, y) for q in values], y
    elif kind == "upper_bound":
        scored_values, scored_y = [max(q, y) for q in values], y
    else:
        raise ValueError(kind)

    total = wis_scoringrules(scored_y, scored_values)
    parts = wis_parts(scored_y, LEVELS, scored_values)
    summed = parts["dispersion"] + parts["underprediction"] + parts["overprediction"]
    assert close(summed, total), (name, summed, total)
    assert close(parts["total"], total), (name, parts["total"], total)
    assert close(wis_bracher(scored_y, LEVELS, scored_values), total), name
    assert close(mean_quantile_score(scored_y, LEVELS, scored_values), total), name
    if kind != "exact":
        assert close(censored_closed_form(kind, y, values), total), name

    case = dict(
        name=name,
        values=values,
        observation=y,
        kind=kind,
        wis=total,
        dispersion=parts["dispersion"],
        underprediction=parts["underprediction"],
        overprediction=parts["overprediction"],
        ae_median=abs(scored_values[MEDIAN] - scored_y),
    )
    for key, nominal in COVERAGE.items():
        case[key] = interval_coverage(y, LEVELS, values, nominal) if kind == "exact" else None
    case["pit"] = pit(y, values) if kind == "exact" else None
    case["bias"] = bias_quantile(y, LEVELS, values) if kind == "exact" else None
    return case


def nb_quantiles(rng, mean, size, draws=500):
    """Floored quantiles of negative binomial draws: integer-valued, with ties when the mean is small."""
    x = rng.negative_binomial(size, size / (size + mean), draws)
    return [float(v) for v in np.minimum(np.floor(np.quantile(x, LEVELS)), 3000.0)]


def lognormal_quantiles(rng, median, sigma, draws=400, decimals=None):
    """Quantiles of lognormal draws, non-integer (rounded to some decimals, or left as they come)."""
    x = rng.lognormal(np.log(median), sigma, draws)
    q = np.minimum(np.quantile(x, LEVELS), 3000.0)
    if decimals is not None:
        q = np.round(q, decimals)
    return [float(v) for v in q]


def tie_positions(values):
    """Indices i with values[i] == values[i + 1]."""
    return [i for i in range(N - 1) if values[i] == values[i + 1]]


def pick_observation(rng, values, where):
    v = values
    if where == "inside":
        lo, hi = v[2], v[20]
        if v[0] == v[-1]:
            return v[0]
        y = float(rng.integers(int(np.ceil(lo)), int(np.floor(hi)) + 1)) if hi - lo >= 1 else (lo + hi) / 2
        return y
    if where == "inside-noninteger":
        return float(round(rng.uniform(v[3], v[19]), 2))
    if where == "below-all":
        assert v[0] > 0
        return max(0.0, float(np.floor(v[0])) - float(rng.integers(1, 1 + max(1, int(v[0] // 2)))))
    if where == "above-all":
        return float(np.floor(v[-1])) + float(rng.integers(1, 1 + max(2, int(v[-1] // 4))))
    if where == "median":
        return v[MEDIAN]
    if where == "at-quantile":
        k = int(rng.choice([i for i in range(N) if i != MEDIAN]))
        return v[k]
    if where == "at-lowest":
        return v[0]
    if where == "at-highest":
        return v[-1]
    if where == "tie":
        ties = tie_positions(v)
        assert ties, "no tie"
        return v[int(rng.choice(ties))]
    if where == "between-interior":
        k = int(rng.integers(3, 19))
        assert v[k + 1] > v[k]
        return (v[k] + v[k + 1]) / 2
    raise ValueError(where)


def forecast(rng, spec):
    family, *args = spec
    if family == "nb":
        return nb_quantiles(rng, *args)
    if family == "lognormal":
        return lognormal_quantiles(rng, *args)
    if family == "lognormal-2dp":
        return lognormal_quantiles(rng, *args, decimals=2)
    raise ValueError(family)


def make_cases(rng):
    cases = []

    def add(name, values, y, kind):
        cases.append(score_case(name, values, y, kind))

    # Exact figures against forecasts of several shapes and sizes.
    exact_specs = [
        (("nb", 40, 5), "inside"), (("nb", 40, 5), "below-all"), (("nb", 40, 5), "above-all"),
        (("nb", 3, 1), "inside"), (("nb", 3, 1), "tie"), (("nb", 1.5, 2), "tie"), (("nb", 0.4, 0.5), "median"),
        (("nb", 12, 2), "at-quantile"), (("nb", 12, 2), "tie"), (("nb", 250, 20), "inside"),
        (("nb", 250, 20), "above-all"), (("nb", 250, 20), "below-all"), (("nb", 900, 6), "inside"),
        (("nb", 1500, 12), "above-all"), (("nb", 1500, 12), "at-quantile"), (("nb", 2000, 30), "below-all"),
        (("nb", 60, 3), "median"), (("nb", 60, 3), "at-lowest"), (("nb", 60, 3), "at-highest"),
        (("nb", 8, 4), "tie"), (("nb", 120, 8), "inside-noninteger"),
        (("lognormal", 30, 0.4), "inside"), (("lognormal", 30, 0.4), "at-quantile"),
        (("lognormal", 300, 0.8), "between-interior"), (("lognormal", 300, 0.8), "above-all"),
        (("lognormal", 5, 0.3), "below-all"), (("lognormal", 700, 0.5), "inside-noninteger"),
        (("lognormal-2dp", 80, 0.6), "inside"), (("lognormal-2dp", 80, 0.6), "median"),
        (("lognormal-2dp", 1200, 0.3), "at-quantile"), (("lognormal-2dp", 12, 1.0), "inside-noninteger"),
        (("lognormal-2dp", 2, 0.5), "above-all"),
    ]
    for index, (spec, where) in enumerate(exact_specs):
        values = forecast(rng, spec)
        y = pick_observation(rng, values, where)
        add(f"exact-{index}-{spec[0]}-{where}", values, y, "exact")
    # Hand-made forecasts: a point forecast, all zeros, a forecast with long runs of ties.
    ties = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 5, 5, 5, 7, 9, 9, 12]
    add("exact-point-forecast-above", [10.0] * N, 13, "exact")
    add("exact-point-forecast-equal", [10.0] * N, 10, "exact")
    add("exact-all-zero-observed-zero", [0.0] * N, 0, "exact")
    add("exact-all-zero-observed-five", [0.0] * N, 5, "exact")
    add("exact-long-ties-median-run", ties, 3, "exact")
    add("exact-long-ties-low-run", ties, 0, "exact")
    add("exact-long-ties-high-run", ties, 9, "exact")
    add("exact-long-ties-above", ties, 20, "exact")

    # Lower bounds: the truth is at least B.
    lower_specs = [
        (("nb", 40, 5), "below-all"), (("nb", 40, 5), "above-all"), (("nb", 250, 20), "inside"),
        (("nb", 3, 1), "tie"), (("nb", 12, 2), "at-quantile"), (("nb", 1500, 12), "median"),
        (("lognormal", 300, 0.8), "between-interior"), (("lognormal-2dp", 80, 0.6), "inside-noninteger"),
    ]
    for index, (spec, where) in enumerate(lower_specs):
        values = forecast(rng, spec)
        add(f"lower-{index}-{spec[0]}-{where}", values, pick_observation(rng, values, where), "lower_bound")
    add("lower-all-zero-bound-zero", [0.0] * N, 0, "lower_bound")
    add("lower-long-ties-bound-in-run", ties, 5, "lower_bound")

    # Upper bounds: the truth is at most B.
    upper_specs = [
        (("nb", 40, 5), "above-all"), (("nb", 40, 5), "below-all"), (("nb", 250, 20), "inside"),
        (("nb", 3, 1), "tie"), (("nb", 12, 2), "at-quantile"), (("nb", 900, 6), "median"),
        (("lognormal", 300, 0.8), "between-interior"), (("lognormal-2dp", 80, 0.6), "inside-noninteger"),
    ]
    for index, (spec, where) in enumerate(upper_specs):
        values = forecast(rng, spec)
        add(f"upper-{index}-{spec[0]}-{where}", values, pick_observation(rng, values, where), "upper_bound")
    add("upper-bound-zero", nb_quantiles(rng, 20, 3), 0, "upper_bound")
    add("upper-long-ties-bound-in-run", ties, 2, "upper_bound")
    return cases


def check_coverage_of_situations(cases):
    """The situations the brief asks for are all present."""
    exact = [c for c in cases if c["kind"] == "exact"]
    assert any(c["observation"] < min(c["values"]) for c in exact)
    assert any(c["observation"] > max(c["values"]) for c in exact)
    assert any(c["observation"] in c["values"] for c in exact)
    assert any(c["values"].count(c["observation"]) >= 2 for c in exact)
    assert any(c["observation"] != int(c["observation"]) for c in exact)
    assert any(any(v != int(v) for v in c["values"]) for c in cases)
    assert max(max(c["values"]) for c in cases) > 2000
    for kind in ("lower_bound", "upper_bound"):
        bounds = [c for c in cases if c["kind"] == kind]
        assert any(c["observation"] < min(c["values"]) for c in bounds)
        assert any(c["observation"] > max(c["values"]) for c in bounds)
        assert any(c["values"].count(c["observation"]) >= 2 for c in bounds)
        assert any(c["wis"] == 0.0 for c in bounds)
        assert any(c["wis"] > 0.0 for c in bounds)


def main():
    rng = np.random.default_rng(20260212)
    cases = make_cases(rng)
    check_coverage_of_situations(cases)
    data = dict(
        generator=(f"make_archive_scores.py with numpy {np.__version__}, scoringrules {sr.__version__} "
                   f"(numba backend), numba {numba.__version__}"),
        levels=LEVELS,
        cases=cases,
    )
    with open(os.path.join(HERE, "archive_scores.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    counts = {k: sum(1 for c in cases if c["kind"] == k) for k in ("exact", "lower_bound", "upper_bound")}
    print(f"wrote {len(cases)} cases: {counts}")


if __name__ == "__main__":
    main()
