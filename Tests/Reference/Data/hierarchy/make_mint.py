"""Reference MinTrace forecast reconciliation (ols, wls_struct, mint_shrink) from Nixtla's hierarchicalforecast.

A fixed, simulated two-level hierarchy of daily COUNT series: five provinces at the bottom, two regions in the
middle and the Total at the top (n = 8 nodes in the order Total, West, East, then the five provinces; m = 5):

    West = Banteay Meanchey + Preah Sihanouk + Kandal
    East = Svay Rieng + Mondulkiri
    Total = West + East

T = 40 in-sample days of bottom counts are drawn (numpy default_rng, fixed seed) from negative binomial
distributions around smooth surge-shaped means of different sizes and summed up to every node. Each node then
gets its own hand-coded damped-trend Holt (additive) smoother with fixed, node-specific parameters: its one-step
fitted values give in-sample residuals (actual - fitted) for every node and day, and its h = 7 forecasts are the
base forecasts, which are deliberately NOT coherent (the nodes are smoothed independently).

The base forecasts are reconciled by hierarchicalforecast's own class API, `MinTrace(method=...).fit_predict(
S=..., y_hat=..., y_insample=..., y_hat_insample=...)` (arrays of shape (n, m), (n, h), (n, T), (n, T)),
for method = "ols", "wls_struct" and "mint_shrink" (nonnegative=False, default mint_shr_ridge=2e-8). The same
three reconciliations are recomputed with plain numpy from the formulas written down in README.md (the GLS form
G = (S' W^-1 S)^-1 S' W^-1, Schafer-Strimmer shrinkage as implemented in the library's C++ backend) and the
script asserts that they agree with the library to 1e-10 (relative to the largest magnitude), and that the
shrinkage intensity lambda recomputed here equals the one implied by the library's W.

Run with

    pip install hierarchicalforecast==1.5.3 numpy pandas
    python3 make_mint.py

It writes mint.json next to itself (nothing else). All values are stored as full-precision doubles.
"""
import json
import pathlib
from importlib.metadata import version

import numpy as np
from hierarchicalforecast.methods import MinTrace

HERE = pathlib.Path(__file__).resolve().parent
SEED = 20260117
T = 40
H = 7
MINT_SHR_RIDGE = 2e-8   # hierarchicalforecast's default (MinTrace.__init__)
EPS = 2e-8              # hard-coded in the library's C++ Schafer-Strimmer routine
TOL = 1e-10

BOTTOM = ["Banteay Meanchey", "Svay Rieng", "Preah Sihanouk", "Kandal", "Mondulkiri"]
NODES = ["Total", "West", "East"] + BOTTOM
WEST = {"Banteay Meanchey", "Preah Sihanouk", "Kandal"}
EAST = {"Svay Rieng", "Mondulkiri"}

# Summing matrix S (n x m): aggregates first, then the identity on the bottoms (the library requires this
# layout: it takes the first n - m rows as the aggregates and the last m rows as the bottom level).
S = np.vstack([
    np.ones(len(BOTTOM)),
    [1.0 if b in WEST else 0.0 for b in BOTTOM],
    [1.0 if b in EAST else 0.0 for b in BOTTOM],
    np.eye(len(BOTTOM)),
])
n, m = S.shape

# ---- simulated bottom counts -------------------------------------------------------------------------------
rng = np.random.default_rng(SEED)
days = np.arange(1, T + 1, dtype=float)
#              baseline  surge height  peak day  width (days)
SURGES = {
    "Banteay Meanchey": (20.0, 60.0, 27.0, 6.0),
    "Svay Rieng": (8.0, 25.0, 24.0, 5.0),
    "Preah Sihanouk": (5.0, 15.0, 30.0, 7.0),
    "Kandal": (40.0, 120.0, 26.0, 8.0),
    "Mondulkiri": (1.5, 4.0, 28.0, 5.0),
}
NB_SIZE = 10.0  # negative binomial size r: variance = mu + mu^2 / r
bottom_counts = np.empty((T, m))
for j, name in enumerate(BOTTOM):
    base, height, peak, width = SURGES[name]
    mu = base + height * np.exp(-0.5 * ((days - peak) / width) ** 2)
    bottom_counts[:, j] = rng.negative_binomial(NB_SIZE, NB_SIZE / (NB_SIZE + mu))
insample = bottom_counts @ S.T  # (T, n): every node's daily count

# ---- base model: damped-trend Holt per node, fixed node-specific parameters ---------------------------------
ALPHA = [0.50, 0.45, 0.40, 0.35, 0.30, 0.55, 0.25, 0.60]
BETA = [0.15, 0.10, 0.20, 0.15, 0.10, 0.20, 0.15, 0.10]
PHI = [0.85, 0.80, 0.90, 0.85, 0.80, 0.90, 0.85, 0.80]


def damped_holt(y, alpha, beta, phi, h):
    """One-step fitted values (len(y)) and h-step forecasts of additive damped-trend Holt.

    Initial state: level = y[0], trend = (y[3] - y[0]) / 3. fitted[t] = level[t-1] + phi * trend[t-1];
    forecast[k] = level[T] + (phi + ... + phi^k) * trend[T].
    """
    level, trend = y[0], (y[3] - y[0]) / 3.0
    fitted = np.empty(len(y))
    for t, obs in enumerate(y):
        fitted[t] = level + phi * trend
        new_level = alpha * obs + (1 - alpha) * (level + phi * trend)
        trend = beta * (new_level - level) + (1 - beta) * phi * trend
        level = new_level
    damp = np.cumsum(phi ** np.arange(1, h + 1))
    return fitted, level + damp * trend


fitted = np.empty((T, n))
base = np.empty((H, n))
for i in range(n):
    fitted[:, i], base[:, i] = damped_holt(insample[:, i], ALPHA[i], BETA[i], PHI[i], H)
residuals = insample - fitted

incoherence = base[:, :3] - base[:, 3:] @ S[:3].T
assert np.max(np.abs(incoherence)) > 1.0, "base forecasts should be incoherent"

# ---- hierarchicalforecast ------------------------------------------------------------------------------------
METHODS = ["ols", "wls_struct", "mint_shrink"]
library = {}
library_W = {}
library_P = {}
for method in METHODS:
    rec = MinTrace(method=method, nonnegative=False)
    out = rec.fit_predict(S=S, y_hat=base.T.copy(), y_insample=insample.T.copy(),
                          y_hat_insample=fitted.T.copy())
    library[method] = np.asarray(out["mean"]).T  # (h, n)
    library_W[method] = np.asarray(rec.W)
    library_P[method] = np.asarray(rec.P)

# ---- the same with plain numpy, from the formulas in README.md ---------------------------------------------


def schafer_strimmer(res, ridge):
    """Shrunk residual covariance as hierarchicalforecast's C++ `shrunk_covariance_ss_no_nans` does it.

    res: (T, n) residuals without NaN. Returns (W, lambda)."""
    t_obs = res.shape[0]
    x = res - res.mean(axis=0)                                   # centred
    emp = x.T @ x / (t_obs - 1)                                  # divided by T - 1
    sd = np.sqrt(np.sum(x ** 2, axis=0) / t_obs) + EPS           # population sd (ddof 0) + eps
    xs = x / sd
    num = 0.0
    den = 0.0
    for i in range(res.shape[1]):
        for j in range(i):
            w = xs[:, i] * xs[:, j]
            w_bar = w.mean()
            num += np.sum((w - w_bar) ** 2)
            den += w_bar ** 2
    lam = float(np.clip(num / (t_obs * (t_obs - 1)) / (den + EPS), 0.0, 1.0))
    shrunk = (1.0 - lam) * emp
    np.fill_diagonal(shrunk, np.maximum(np.diag(emp), ridge))
    return shrunk, lam


def gls_G(W):
    """G = (S' W^-1 S)^-1 S' W^-1, the bottom-level reconciliation matrix (m x n)."""
    Winv_S = np.linalg.solve(W, S)
    return np.linalg.solve(S.T @ Winv_S, Winv_S.T)


W_shrink, mint_lambda = schafer_strimmer(residuals, MINT_SHR_RIDGE)
numpy_W = {
    "ols": np.eye(n),
    "wls_struct": np.diag(S @ np.ones(m)),
    "mint_shrink": W_shrink,
}
numpy_G = {k: gls_G(W) for k, W in numpy_W.items()}
reconciled = {k: base @ (S @ G).T for k, G in numpy_G.items()}  # (h, n): y_tilde = S G y_hat per horizon


def check(name, ours, theirs):
    scale = max(np.max(np.abs(theirs)), 1e-300)
    err = np.max(np.abs(ours - theirs)) / scale
    assert err <= TOL, f"{name}: relative difference {err:.3e} > {TOL}"
    return err


report = {}
for method in METHODS:
    report[method] = {
        "W": check(f"{method} W", numpy_W[method], library_W[method]),
        "G": check(f"{method} G", numpy_G[method], library_P[method]),
        "reconciled": check(f"{method} reconciled", reconciled[method], library[method]),
    }
    # coherence of the reconciled forecasts
    r = library[method]
    assert np.max(np.abs(r[:, :3] - r[:, 3:] @ S[:3].T)) <= TOL * np.max(np.abs(r))

# lambda implied by the library's W: off-diagonal of W_lib = (1 - lambda) * empirical covariance
x = residuals - residuals.mean(axis=0)
emp = x.T @ x / (T - 1)
off = ~np.eye(n, dtype=bool)
implied = 1.0 - library_W["mint_shrink"][off] / emp[off]
assert np.max(np.abs(implied - mint_lambda)) <= 1e-9, (implied, mint_lambda)
assert 0.0 < mint_lambda < 1.0

# ---- write ---------------------------------------------------------------------------------------------------


def rows(a):
    return [[float(v) for v in row] for row in np.asarray(a)]


versions = {"hierarchicalforecast": version("hierarchicalforecast"), "numpy": version("numpy"),
            "pandas": version("pandas")}
doc = {
    "description": (
        "MinTrace reconciliation (ols, wls_struct, mint_shrink; nonnegative=False, mint_shr_ridge=2e-8) of "
        "incoherent damped-Holt base forecasts for a simulated 8-node hierarchy of daily counts "
        "(Total, West, East, 5 provinces), computed by hierarchicalforecast's MinTrace.fit_predict and checked "
        "against a plain-numpy GLS recomputation to 1e-10. Rows are days/horizons, columns are nodes in 'nodes' "
        "order. residuals = insample - fitted. mintShrinkLambda is the Schafer-Strimmer shrinkage intensity "
        "(off-diagonal covariances are multiplied by 1 - lambda). Written by make_mint.py; see README.md."
    ),
    "versions": versions,
    "seed": SEED,
    "nodes": NODES,
    "bottom": BOTTOM,
    "S": rows(S),
    "insample": rows(insample),
    "fitted": rows(fitted),
    "residuals": rows(residuals),
    "base": rows(base),
    "reconciled": {k: rows(library[k]) for k in METHODS},
    "mintShrinkLambda": mint_lambda,
    "mintShrRidge": MINT_SHR_RIDGE,
    "W": {k: rows(library_W[k]) for k in METHODS},
    "G": {k: rows(library_P[k]) for k in METHODS},
}
(HERE / "mint.json").write_text(json.dumps(doc, indent=1) + "\n")

print("versions:", versions)
print("lambda:", repr(mint_lambda))
for method in METHODS:
    print(method, "max relative differences numpy vs library:",
          {k: f"{v:.2e}" for k, v in report[method].items()})
print("max |incoherence| of base forecasts:", float(np.max(np.abs(incoherence))))
print("wrote", HERE / "mint.json")
