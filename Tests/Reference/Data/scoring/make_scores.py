#!/usr/bin/env python3
"""Reference values for the scoring-rule tests (ScoringTests.swift).

Run from this folder:  python3 make_scores.py
It rewrites scores.json next to this script. Needs numpy; scoringrules (PyPI, >= 0.10) for the CRPS.

What each value is, and where its definition comes from
- Weighted interval score and its decomposition: a transcription of the R package scoringutils (2.x),
  `wis(..., separate_results = TRUE)`: the quantiles are turned into central intervals (`quantile_to_interval`,
  the median becoming an interval of range 0, i.e. alpha = 1, with lower = upper = median), each interval is
  scored by `interval_score(..., weigh = TRUE)` (dispersion alpha/2 (u - l), overprediction (l - y) 1{y < l},
  underprediction (y - u) 1{y > u}), and the rows are averaged with `weighted.mean`, weight 1/2 for the median
  row and 1 for the intervals (`count_median_twice = FALSE`), or 1 for every row (`count_median_twice = TRUE`).
  The total is checked against an independent evaluation of Bracher et al. (2021), eq. (2) and against the mean
  quantile (pinball) score over all levels, which equals it (scoringutils `quantile_score`).
  (scoringrules 0.10.0's `weighted_interval_score` is not used: with the numpy backend it adds w0 * median
  instead of w0 * |y - median|.)
- Bias for quantile forecasts: scoringutils `bias_quantile` / `bias_quantile_single_vector`.
- Absolute error of the median: scoringutils `ae_median_quantile` and `ae_median_sample` (R's median, which is
  numpy's median).
- Interval coverage: scoringutils `interval_coverage` (lower <= y <= upper).
- Bias of a sample of counts: scoringutils `bias_sample`, integer case, 1 - (P(X <= y) + P(X <= y - 1)) with the
  empirical cdf; continuous case 1 - 2 P(X <= y).
- CRPS of a sample: scoringrules.crps_ensemble(estimator="qd"), which equals R scoringRules' crps_sample with
  method "edf" (the CRPS of the empirical distribution of the sample). Checked here against scoringrules'
  "nrg" estimator, against a direct O(m^2) evaluation of E|X - y| - E|X - X'| / 2 and against the sorted-sample
  formula (2/m^2) sum_i (x_(i) - y)(m 1{y < x_(i)} - i + 1/2).
- Non-randomised PIT (Czado, Gneiting & Held 2009): F(y - 1) and F(y) of the empirical cdf of the sample, and
  the mean over forecasts of Fbar(j/J) - Fbar((j-1)/J), with Fbar(u) = 0 for u <= F(y-1), 1 for u >= F(y),
  linear in between, as in scoringutils `pit_histogram_sample(integers = "nonrandom")`, except that Fbar(1) = 1
  always: scoringutils tests u <= F(y-1) first and so returns Fbar(1) = 0 when the observation exceeds every
  draw (F(y - 1) = 1), which drops that forecast's mass from the histogram.
- Sample-based quantile forecasts use numpy's default ("linear", Hyndman & Fan type 7) quantiles.

Every double is written with repr(), which round-trips exactly.
"""

import json
import math
import os

import numpy as np
import scoringrules as sr

HERE = os.path.dirname(os.path.abspath(__file__))

HUB_LEVELS = [0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5,
              0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99]
COVERAGE_LEVELS = [0.5, 0.8, 0.9, 0.95]
PIT_BINS = 10


# ----------------------------------------------------------------------------------------------------------
# scoringutils, transcribed


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


def wis(y, levels, values, count_median_twice=False):
    rows = quantile_to_interval(levels, values)
    scored = [interval_score_weighted(y, lo, up, r) for (r, lo, up) in rows]
    weights = [1.0 if (count_median_twice or r != 0) else 0.5 for (r, _, _) in rows]
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


def bias_sample_count(y, sample):
    sample = np.asarray(sample, dtype=float)
    p_x = np.sum(sample <= y) / sample.size
    p_xm1 = np.sum(sample <= y - 1) / sample.size
    return float(1 - (p_x + p_xm1))


def bias_sample_continuous(y, sample):
    sample = np.asarray(sample, dtype=float)
    return float(1 - 2 * np.sum(sample <= y) / sample.size)


# ----------------------------------------------------------------------------------------------------------
# CRPS and PIT


def crps_reference(y, sample):
    x = np.asarray(sample, dtype=float)
    m = x.size
    value = float(sr.crps_ensemble(np.array(float(y)), x, estimator="qd"))
    energy = float(sr.crps_ensemble(np.array(float(y)), x, estimator="nrg"))
    direct = float(np.mean(np.abs(x - y)) - 0.5 * np.mean(np.abs(x[:, None] - x[None, :])))
    s = np.sort(x)
    i = np.arange(1, m + 1)
    formula = float(2 / m**2 * np.sum((s - y) * (m * (y < s) - i + 0.5)))
    scale = max(value, 1e-300)
    for other in (energy, direct, formula):
        assert abs(other - value) <= 1e-12 * max(scale, np.mean(np.abs(x - y))), (value, other)
    return value


def pit_bounds(y, sample):
    x = np.asarray(sample, dtype=float)
    return float(np.sum(x <= y - 1) / x.size), float(np.sum(x <= y) / x.size)


def fbar(u, lower, upper):
    if u >= 1:
        return 1.0
    if u <= lower:
        return 0.0
    if u >= upper:
        return 1.0
    return (u - lower) / (upper - lower)


def pit_histogram(bounds, bins):
    sums = [0.0] * bins
    for lower, upper in bounds:
        for j in range(1, bins + 1):
            sums[j - 1] += fbar(j / bins, lower, upper) - fbar((j - 1) / bins, lower, upper)
    return [s / len(bounds) for s in sums]


# ----------------------------------------------------------------------------------------------------------
# Cases


def quantile_case(name, levels, values, y):
    levels = [float(v) for v in levels]
    values = [float(v) for v in values]
    y = float(y)
    w = wis(y, levels, values)
    w2 = wis(y, levels, values, count_median_twice=True)
    parts = w["dispersion"] + w["underprediction"] + w["overprediction"]
    assert abs(parts - w["total"]) <= 1e-12 * max(1.0, w["total"])
    assert abs(wis_bracher(y, levels, values) - w["total"]) <= 1e-12 * max(1.0, w["total"])
    assert abs(mean_quantile_score(y, levels, values) - w["total"]) <= 1e-12 * max(1.0, w["total"])
    available = [c for c in COVERAGE_LEVELS
                 if any(abs(interval_range(level) - 100 * c) < 1e-9 for level in levels)]
    return dict(
        name=name, levels=levels, values=values, observation=y,
        wis=w, wisMedianTwice=w2,
        absoluteError=abs(y - values[levels.index(0.5)]),
        bias=bias_quantile(y, levels, values),
        coverageLevels=available,
        covered=[interval_coverage(y, levels, values, c) for c in available],
    )


def sample_case(name, sample, y):
    sample = [int(v) for v in sample]
    y = int(y)
    lower, upper = pit_bounds(y, sample)
    quantiles = [float(q) for q in np.quantile(np.asarray(sample, dtype=float), HUB_LEVELS)]
    for q in quantiles:  # an observation at a quantile computed with rounding would make the case fragile
        assert q == math.floor(q) or abs(q - y) > 1e-6, (name, q, y)
    quantile_scores = quantile_case(name, HUB_LEVELS, quantiles, y)
    return dict(
        name=name, sample=sample, observation=y,
        crps=crps_reference(y, sample),
        bias=bias_sample_count(y, sample),
        continuousBias=bias_sample_continuous(float(y), sample),
        absoluteError=abs(y - float(np.median(sample))),
        pitLower=lower, pitUpper=upper,
        pitHistogram=pit_histogram([(lower, upper)], PIT_BINS),
        quantiles=quantiles,
        wis=quantile_scores["wis"],
        quantileBias=quantile_scores["bias"],
        coverageLevels=quantile_scores["coverageLevels"],
        covered=quantile_scores["covered"],
    )


def negative_binomial(rng, mean, size, count):
    return rng.negative_binomial(size, size / (size + mean), count)


def make_quantile_cases(rng):
    cases = []
    # Quantiles of negative binomial draws (integer-valued, with ties), observation inside, below, above.
    for index, (mean, size, where) in enumerate([
        (40, 5, "inside"), (40, 5, "below"), (40, 5, "above"), (3, 1, "inside"), (250, 20, "inside"),
        (250, 20, "above"), (0.4, 0.5, "zero"), (12, 2, "median"), (12, 2, "at-quantile"),
    ]):
        draws = negative_binomial(rng, mean, size, 400)
        values = [float(v) for v in np.floor(np.quantile(draws, HUB_LEVELS))]
        if where == "inside":
            y = int(rng.integers(values[6], values[16] + 1))
        elif where == "below":
            y = max(0, int(values[0]) - int(rng.integers(1, 10)))
        elif where == "above":
            y = int(values[-1]) + int(rng.integers(1, 50))
        elif where == "zero":
            y = 0
        elif where == "median":
            y = int(values[11])
        else:
            y = int(values[4])
        cases.append(quantile_case(f"nb-{index}-{where}", HUB_LEVELS, values, y))
    # Continuous (non-integer) quantiles.
    values = sorted(rng.normal(30, 8, len(HUB_LEVELS)))
    cases.append(quantile_case("normal-draws-inside", HUB_LEVELS, values, 31.5))
    # Few levels: the three-interval forecast of scoringutils' examples, and a single interval plus median.
    levels5 = [0.1, 0.25, 0.5, 0.75, 0.9]
    cases.append(quantile_case("five-levels-example-1", levels5, [-1, 0, 1, 2, 3], 1))
    cases.append(quantile_case("five-levels-example-2", levels5, [-2, 1, 2, 2, 4], -15))
    cases.append(quantile_case("five-levels-example-3", levels5, [-2, 0, 3, 3, 4], 22))
    cases.append(quantile_case("one-interval", [0.05, 0.5, 0.95], [2, 7, 19], 20))
    cases.append(quantile_case("median-only", [0.5], [7], 3))
    # Every quantile equal (a point forecast), observation elsewhere; all quantiles zero, observation zero.
    cases.append(quantile_case("point-forecast", HUB_LEVELS, [10.0] * 23, 13))
    cases.append(quantile_case("all-zero", HUB_LEVELS, [0.0] * 23, 0))
    cases.append(quantile_case("all-zero-observed-five", HUB_LEVELS, [0.0] * 23, 5))
    return cases


def make_sample_cases(rng):
    cases = []
    specs = [
        ("nb-m100-inside", negative_binomial(rng, 30, 4, 100), "inside"),
        ("nb-m100-below", negative_binomial(rng, 30, 4, 100), "below"),
        ("nb-m100-above", negative_binomial(rng, 30, 4, 100), "above"),
        ("nb-m1000-inside", negative_binomial(rng, 120, 8, 1000), "inside"),
        ("nb-m1000-zero", negative_binomial(rng, 2, 0.7, 1000), "zero"),
        ("poisson-m50-tie", rng.poisson(4, 50), "tie"),
        ("poisson-m7-odd", rng.poisson(9, 7), "inside"),
        ("two-points", np.array([3, 8]), "inside"),
        ("one-point", np.array([5]), "above"),
        ("all-zero", np.zeros(20, dtype=int), "zero"),
        ("all-zero-observed-positive", np.zeros(20, dtype=int), "above"),
        ("ties-heavy", np.array([2, 2, 2, 2, 3, 3, 7, 7, 7, 7, 7, 9]), "tie"),
    ]
    for name, sample, where in specs:
        sample = np.asarray(sample, dtype=int)
        if where == "inside":
            y = int(np.quantile(sample, rng.uniform(0.2, 0.8)))
        elif where == "below":
            y = max(0, int(sample.min()) - int(rng.integers(1, 5)))
        elif where == "above":
            y = int(sample.max()) + int(rng.integers(1, 20))
        elif where == "zero":
            y = 0
        else:
            y = int(rng.choice(sample))
        cases.append(sample_case(name, sample, y))
    return cases


def summarise(entries, kind):
    """Means per horizon and overall of the per-forecast scores, as the Swift ScoreSummary computes them."""
    def block(items):
        n = len(items)
        out = dict(
            count=n,
            wis={k: sum(item["wis"][k] for item in items) / n
                 for k in ("total", "dispersion", "underprediction", "overprediction")},
            absoluteError=sum(item["absoluteError"] for item in items) / n,
            bias=sum(item["bias"] for item in items) / n,
            coverage=[sum(1 for item in items if item["covered"][i]) / n for i in range(len(COVERAGE_LEVELS))],
        )
        if kind == "sample":
            out["crps"] = sum(item["crps"] for item in items) / n
            out["pitHistogram"] = pit_histogram([(item["pitLower"], item["pitUpper"]) for item in items], PIT_BINS)
        return out

    horizons = sorted({item["horizon"] for item in entries})
    return dict(
        overall=block(entries),
        byHorizon=[dict(horizon=h, scores=block([e for e in entries if e["horizon"] == h])) for h in horizons],
    )


def make_summaries(rng):
    sample_entries = []
    quantile_entries = []
    for index in range(36):
        horizon = 1 + index % 4
        mean = 20 * horizon + float(rng.uniform(0, 30))
        sample = negative_binomial(rng, mean, 3 + horizon, 200)
        y = int(negative_binomial(rng, mean * float(rng.uniform(0.7, 1.4)), 3, 1)[0])
        entry = sample_case(f"summary-{index}", sample, y)
        entry["horizon"] = horizon
        sample_entries.append(entry)
        q = quantile_case(f"summary-q-{index}", HUB_LEVELS, entry["quantiles"], y)
        q["horizon"] = horizon
        quantile_entries.append(q)
    samples = [dict(horizon=e["horizon"], sample=e["sample"], observation=e["observation"]) for e in sample_entries]
    quantiles = [dict(horizon=e["horizon"], levels=e["levels"], values=e["values"], observation=e["observation"])
                 for e in quantile_entries]
    # In the sample summary the bias is the sample bias and the absolute error that of the sample median.
    return dict(
        coverageLevels=COVERAGE_LEVELS,
        pitBins=PIT_BINS,
        sampleEntries=samples,
        sampleSummary=summarise(sample_entries, "sample"),
        quantileEntries=quantiles,
        quantileSummary=summarise(quantile_entries, "quantile"),
    )


def main():
    rng = np.random.default_rng(20260115)
    data = dict(
        generator=f"make_scores.py with numpy {np.__version__}, scoringrules {sr.__version__}",
        quantileCases=make_quantile_cases(rng),
        sampleCases=make_sample_cases(rng),
        summary=make_summaries(rng),
    )
    with open(os.path.join(HERE, "scores.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    print(f"wrote {len(data['quantileCases'])} quantile cases, {len(data['sampleCases'])} sample cases, "
          f"{len(data['summary']['sampleEntries'])} summary entries")


if __name__ == "__main__":
    main()
