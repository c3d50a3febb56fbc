"""Reference stacking weights for StackingWeights (Sources/InflowProjection/StackingWeights.swift).

Three members' predictive samples of eight figures (from four origins, two figures each) and the figures
observed; the weights on the simplex that minimise the mean CRPS of the mixture of the members' empirical
distributions, found by scipy's SLSQP on the exact objective

    CRPS(w) = mean over figures of [ sum_m w_m E|X_m - y| - 1/2 sum_m sum_l w_m w_l E|X_m - X_l| ]

(every pair of draws, the "edf" estimator), with E|X - Y| computed by brute force over all pairs. Run with
`pip install numpy scipy` and `python3 make_stacking.py`; it writes stacking.json next to itself.
"""
import json
import pathlib

import numpy as np
from scipy.optimize import minimize

HERE = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20260116)

figures = []
for origin in range(4):
    for horizon in (1, 2):
        truth = 100.0 + 30 * origin + 15 * horizon + rng.normal(0, 10)
        samples = [
            rng.normal(truth - 12, 8, 60),        # biased low, sharp
            rng.normal(truth + 3, 25, 70),        # nearly unbiased, wide
            rng.normal(truth + 20, 5, 50),        # biased high, very sharp
        ]
        figures.append({"origin": origin, "horizon": horizon, "observed": float(round(truth, 3)),
                        "samples": [[float(round(v, 3)) for v in s] for s in samples]})


def mean_abs_diff(x, y):
    return float(np.mean(np.abs(np.asarray(x)[:, None] - np.asarray(y)[None, :])))


m = 3
c = np.zeros(m)
q = np.zeros((m, m))
for f in figures:
    xs = [np.asarray(s) for s in f["samples"]]
    for i in range(m):
        c[i] += np.mean(np.abs(xs[i] - f["observed"]))
        for j in range(m):
            q[i, j] += mean_abs_diff(xs[i], xs[j])
c /= len(figures)
q /= len(figures)


def objective(w):
    return float(c @ w - 0.5 * w @ q @ w)


result = minimize(objective, np.full(m, 1 / m), method="SLSQP", bounds=[(0, 1)] * m,
                  constraints=[{"type": "eq", "fun": lambda w: np.sum(w) - 1}],
                  options={"ftol": 1e-15, "maxiter": 1000})
weights = np.clip(result.x, 0, None)
weights /= weights.sum()
member_crps = [float(c[i] - q[i, i] / 2) for i in range(m)]
out = {
    "description": "Stacking weights of three members over eight figures from four origins: scipy SLSQP on the "
                   "exact mixture CRPS (edf). Written by make_stacking.py.",
    "figures": figures,
    "weights": [float(v) for v in weights],
    "objective": objective(weights),
    "memberCRPS": member_crps,
}
with open(HERE / "stacking.json", "w") as handle:
    json.dump(out, handle, indent=1)
print(out["weights"], out["objective"], member_crps)
