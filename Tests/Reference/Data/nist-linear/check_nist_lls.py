#!/usr/bin/env python3
"""Check the NIST StRD linear least squares reference files in this folder.

For each JSON file (Longley, Filip, Wampler4, Wampler5, Norris) this script
reads the numbers exactly as written (decimal strings parsed straight into
mpmath, no binary rounding), refits the model in 60-digit arithmetic and
prints how many significant digits the refit shares with the certified values
(log relative error, LRE, capped at 15 because NIST prints 15 digits).
A transcription error in the data or in a certified value shows up as a low
LRE; the script exits non-zero if any LRE is below 12.

For orientation it also prints the LRE of a plain float64 fit
(numpy.linalg.lstsq on the raw design), which is what a double-precision
solver can be expected to reach without care.

    python3 check_nist_lls.py            # needs numpy and mpmath
"""
import json
import pathlib
import sys

import mpmath as mp
import numpy as np

mp.mp.dps = 60
HERE = pathlib.Path(__file__).resolve().parent
NAMES = ["Norris", "Longley", "Filip", "Wampler4", "Wampler5"]
EXPECTED_N = {"Norris": 36, "Longley": 16, "Filip": 82, "Wampler4": 21, "Wampler5": 21}
CAP = 15.0
REQUIRED = 12.0


def load(name, parse):
    with open(HERE / f"{name}.json") as f:
        return json.load(f, parse_float=parse, parse_int=parse)


def design_rows(d):
    """Rows of the design matrix: intercept, then predictors or powers of x."""
    deg = d["polynomialDegree"]
    deg = None if deg is None else int(deg)
    rows = []
    for xi in d["x"]:
        if deg is None:
            rows.append([1] + list(xi))
        else:
            rows.append([xi[0] ** k for k in range(deg + 1)])
    return rows


def lre(est, cert):
    est, cert = mp.mpf(est), mp.mpf(cert)
    if cert == 0:
        err = abs(est)
    else:
        err = abs(est - cert) / abs(cert)
    if err == 0:
        return CAP
    return float(min(CAP, max(0, -mp.log10(err))))


def fit_mp(d):
    X = mp.matrix(design_rows(d))
    y = mp.matrix(d["y"])
    n, p = X.rows, X.cols
    # QR in 60 digits (normal equations would also do at this precision).
    Q, R = mp.qr(X)
    qty = Q.T * y
    R = R[:p, :p]
    beta = mp.lu_solve(R, qty[:p, 0])
    resid = y - X * beta
    rss = sum(r ** 2 for r in resid)
    sigma = mp.sqrt(rss / (n - p))
    Rinv = mp.inverse(R)
    covdiag = [sum(Rinv[i, k] ** 2 for k in range(p)) for i in range(p)]
    se = [sigma * mp.sqrt(c) for c in covdiag]
    ybar = sum(d["y"]) / n
    sst = sum((yi - ybar) ** 2 for yi in d["y"])
    r2 = 1 - rss / sst
    return [beta[i] for i in range(p)], se, sigma, r2


def fit_f64(d):
    X = np.array(design_rows(load_float(d["name"])), dtype=float)
    y = np.array(load_float(d["name"])["y"], dtype=float)
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    return beta


_float_cache = {}


def load_float(name):
    if name not in _float_cache:
        _float_cache[name] = load(name, float)
    return _float_cache[name]


def main():
    worst_all = CAP
    print(f"{'dataset':9} {'n':>3} {'p':>3}  {'coef':>5} {'SE':>5} {'RSD':>5} {'R2':>5}   "
          f"{'min LRE':>7}   {'float64 lstsq coef':>18}")
    for name in NAMES:
        d = load(name, mp.mpf)
        c = d["certified"]
        n = len(d["y"])
        assert n == EXPECTED_N[name] and len(d["x"]) == n, f"{name}: {n} observations"
        beta, se, sigma, r2 = fit_mp(d)
        p = len(beta)
        assert len(c["coefficients"]) == p and len(c["standardErrors"]) == p
        l_coef = min(lre(b, cb) for b, cb in zip(beta, c["coefficients"]))
        l_se = min(lre(s, cs) for s, cs in zip(se, c["standardErrors"]))
        l_rsd = lre(sigma, c["residualStandardDeviation"])
        l_r2 = lre(r2, c["rSquared"])
        worst = min(l_coef, l_se, l_rsd, l_r2)
        worst_all = min(worst_all, worst)
        b64 = fit_f64(d)
        l64 = min(lre(mp.mpf(float(b)), cb) for b, cb in zip(b64, c["coefficients"]))
        print(f"{name:9} {n:3d} {p:3d}  {l_coef:5.1f} {l_se:5.1f} {l_rsd:5.1f} {l_r2:5.1f}   "
              f"{worst:7.1f}   {l64:18.1f}")
    ok = worst_all >= REQUIRED
    print(f"\nminimum agreement over all certified values: {worst_all:.1f} significant digits "
          f"({'OK' if ok else 'FAIL'}: need >= {REQUIRED:.0f})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
