#!/usr/bin/env python3
"""Reference fits for the nine-day test series (daily counts y = [121, 122, 65, 603, 529, 286, 224, 164, 160] on days 0..8, 2026-01-16 to 2026-01-24, split from the published cumulative totals of the bundled KBRI dataset).

    y = [121, 122, 65, 603, 529, 286, 224, 164, 160],  t = 0..8

Computes with statsmodels and scipy (tight tolerances), writes nine_day.json next
to this script with every value at full double precision (Python repr, round-trips
exactly), and prints

  1. a comparison with the values published in nine-day-series.md, each to the
     digits given there;
  2. how many significant digits each stored value shares with the exact optimum,
     found again in 40-digit arithmetic (mpmath) from the formulas below, so a
     test knows how tight a tolerance the stored doubles can carry.

Models and outputs
  poisson      GLM, Poisson, log link, design [1, t, t^2]: params, bse, aic (k = 3),
               deviance, pearson_chi2, llf, fitted (mu).
  nb2          NB2 (Var = mu + mu^2/theta, alpha = 1/theta), theta by maximum likelihood
               (statsmodels.discrete NegativeBinomial, loglike_method='nb2', Newton):
               params, theta, alpha, llf, aic (k = 4), fitted;
               bseFullHessian: inverse observed information of (b, alpha), as statsmodels;
               bseThetaFixed: GLM with NegativeBinomial(alpha) family at the ML alpha
                 (Fisher information, theta held fixed; what R's glm.nb prints);
               thetaSE.deltaFullHessian = se(alpha) / alpha^2 from the full Hessian;
               thetaSE.conditionalObserved = 1/sqrt(observed information of theta with
                 mu held at the MLE) (the formula of MASS::theta.ml).
  logisticLevel      least squares of cumsum(y) on C(t) = K / (1 + exp(-r (t - t0)))
  logisticIncidence  least squares of y on dC/dt = K r e / (1 + e)^2, e = exp(-r (t - t0))
               for both: params [K, r, t0], bse = sqrt(diag(s^2 (J^T J)^-1)), s^2 = RSS/(n-p),
               rss, sigma2 = RSS/(n-p), aic = n log(RSS/n) + n (1 + log 2 pi) + 2 (p + 1),
               fitted, start (the starting vector used).

    pip install statsmodels scipy numpy mpmath
    python3 make_nine_day.py
"""
import json
import math
import pathlib
import re
import sys

import mpmath as mp
import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.optimize import least_squares
from statsmodels.discrete.discrete_model import NegativeBinomial

HERE = pathlib.Path(__file__).resolve().parent
Y = [121, 122, 65, 603, 529, 286, 224, 164, 160]
T = list(range(9))
y = np.array(Y, dtype=float)
t = np.array(T, dtype=float)
n = len(Y)
X = np.column_stack([np.ones(n), t, t * t])

# Values published in nine-day-series.md, as printed there.
PUBLISHED = {
    "poisson.params": ["4.3769023", "0.795007", "-0.095483234"],
    "poisson.bse": ["0.075140459", "0.038646603", "0.0045551395"],
    "poisson.aic": "559.78569",
    "poisson.deviance": "489.54573",
    "poisson.pearson_chi2": "452.22987",
    "nb2.params": ["4.5571041", "0.64726332", "-0.076122267"],
    "nb2.theta": "4.3382976",
    "nb2.thetaSE (md: 'SE 2.0169448')": "2.0169448",
    "nb2.bseThetaFixed": ["0.39753242", "0.23085362", "0.027738334"],
    "nb2.bseFullHessian": ["0.38444354", "0.21133539", "0.025064264"],
    "nb2.aic": "116.62444",
    "logisticLevel.params": ["2226.6838", "0.91614034", "3.5073917"],
    "logisticLevel.bse": ["76.256223", "0.10071221", "0.14897256"],
    "logisticLevel.rss": "46106.619",
    "logisticLevel.aic": "110.41428",
    "logisticIncidence.params": ["2091.3296", "1.0477916", "3.7981384"],
    "logisticIncidence.bse": ["391.26093", "0.24302059", "0.31277609"],
    "logisticIncidence.rss": "98212.307",
    "logisticIncidence.aic": "117.21985",
}


# ---------------------------------------------------------------- float64 fits

def fit_poisson():
    res = sm.GLM(y, X, family=sm.families.Poisson()).fit(tol=1e-14, maxiter=200)
    return {
        "params": res.params.tolist(),
        "bse": res.bse.tolist(),
        "aic": float(res.aic),
        "deviance": float(res.deviance),
        "pearson_chi2": float(res.pearson_chi2),
        "llf": float(res.llf),
        "df_resid": float(res.df_resid),
        "fitted": res.fittedvalues.tolist(),
    }


def fit_nb2():
    model = NegativeBinomial(y, X, loglike_method="nb2")
    # Start Newton from the Poisson fit and alpha = 0.2; tight tolerance.
    start = np.append(sm.GLM(y, X, family=sm.families.Poisson()).fit().params, 0.2)
    res = model.fit(start_params=start, method="newton", maxiter=200, tol=1e-14, disp=0)
    assert res.mle_retvals["converged"]
    b = res.params[:3]
    alpha = float(res.params[3])
    theta = 1.0 / alpha
    mu = np.exp(X @ b)
    glm_fixed = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=alpha)).fit(
        start_params=b, tol=1e-14, maxiter=200)
    # Conditional observed information of theta with mu fixed (MASS::theta.ml).
    from scipy.special import polygamma
    tg = lambda z: polygamma(1, z)
    info = float(np.sum(-tg(theta + y) + tg(theta) - 1 / theta + 2 / (mu + theta)
                        - (y + theta) / (mu + theta) ** 2))
    llf = float(res.llf)
    return {
        "params": b.tolist(),
        "alpha": alpha,
        "theta": theta,
        "thetaSE": {
            "deltaFullHessian": float(res.bse[3]) / alpha ** 2,
            "conditionalObserved": 1.0 / math.sqrt(info),
        },
        "alphaSE": float(res.bse[3]),
        "bseFullHessian": res.bse[:3].tolist(),
        "bseThetaFixed": glm_fixed.bse.tolist(),
        "paramsThetaFixedGLM": glm_fixed.params.tolist(),
        "llf": llf,
        "k": 4,
        "aic": -2 * llf + 2 * 4,
        "aicStatsmodels": float(res.aic),
        "fitted": mu.tolist(),
    }


def logistic_level(p, tt):
    K, r, t0 = p
    return K / (1 + np.exp(-r * (tt - t0)))


def logistic_incidence(p, tt):
    K, r, t0 = p
    e = np.exp(-r * (tt - t0))
    return K * r * e / (1 + e) ** 2


def fit_curve(f, target, start):
    res = least_squares(lambda p: f(p, t) - target, start, method="lm",
                        xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
    p = res.x
    J = res.jac
    rss = float(np.sum(res.fun ** 2))
    k = len(p)
    s2 = rss / (n - k)
    cov = s2 * np.linalg.inv(J.T @ J)
    aic = n * math.log(rss / n) + n * (1 + math.log(2 * math.pi)) + 2 * (k + 1)
    return {
        "params": p.tolist(),
        "bse": np.sqrt(np.diag(cov)).tolist(),
        "rss": rss,
        "sigma2": s2,
        "aic": aic,
        "k": k + 1,
        "fitted": f(p, t).tolist(),
        "start": list(map(float, start)),
        "status": int(res.status),
    }


# ---------------------------------------------------------------- 40-digit refits

mp.mp.dps = 40
YM = [mp.mpf(v) for v in Y]
TM = [mp.mpf(v) for v in T]


def mp_newton(grad, x0, hess=None, iters=60):
    """Solve grad(x) = 0 by Newton with a numerical (40-digit) Jacobian."""
    x = [mp.mpf(v) for v in x0]
    for _ in range(iters):
        g = grad(x)
        H = hess(x) if hess else mp_jacobian(grad, x)
        step = mp.lu_solve(H, mp.matrix(g))
        x = [x[i] - step[i] for i in range(len(x))]
        if max(abs(step[i]) / (1 + abs(x[i])) for i in range(len(x))) < mp.mpf(10) ** -32:
            break
    return x


def mp_jacobian(fun, x, h=mp.mpf(10) ** -15):
    """Central differences at 40 digits: error ~h^2, good to ~30 digits."""
    m = len(x)
    cols = []
    for j in range(m):
        xp = list(x); xm = list(x)
        xp[j] += h; xm[j] -= h
        fp, fm = fun(xp), fun(xm)
        cols.append([(a - b) / (2 * h) for a, b in zip(fp, fm)])
    return mp.matrix([[cols[j][i] for j in range(m)] for i in range(len(cols[0]))])


def mp_poisson(start):
    def eta(b, ti): return b[0] + b[1] * ti + b[2] * ti * ti
    def grad(b):
        g = [mp.mpf(0)] * 3
        for ti, yi in zip(TM, YM):
            mu = mp.exp(eta(b, ti))
            for j, xj in enumerate([1, ti, ti * ti]):
                g[j] += (yi - mu) * xj
        return g
    b = mp_newton(grad, start)
    mu = [mp.exp(eta(b, ti)) for ti in TM]
    info = mp.matrix(3, 3)
    for ti, m in zip(TM, mu):
        xs = [1, ti, ti * ti]
        for i in range(3):
            for j in range(3):
                info[i, j] += m * xs[i] * xs[j]
    cov = mp.inverse(info)
    llf = sum(yi * mp.log(m) - m - mp.loggamma(yi + 1) for yi, m in zip(YM, mu))
    dev = 2 * sum(yi * mp.log(yi / m) - (yi - m) for yi, m in zip(YM, mu))
    chi2 = sum((yi - m) ** 2 / m for yi, m in zip(YM, mu))
    return {"params": b, "bse": [mp.sqrt(cov[i, i]) for i in range(3)], "aic": -2 * llf + 6,
            "deviance": dev, "pearson_chi2": chi2, "llf": llf, "fitted": mu}


def nb2_loglik(b, th):
    s = mp.mpf(0)
    for ti, yi in zip(TM, YM):
        mu = mp.exp(b[0] + b[1] * ti + b[2] * ti * ti)
        s += (mp.loggamma(yi + th) - mp.loggamma(th) - mp.loggamma(yi + 1)
              + th * mp.log(th / (th + mu)) + yi * mp.log(mu / (th + mu)))
    return s


def mp_nb2(start_b, start_theta):
    def grad(p):
        b, th = p[:3], p[3]
        g = [mp.mpf(0)] * 4
        for ti, yi in zip(TM, YM):
            mu = mp.exp(b[0] + b[1] * ti + b[2] * ti * ti)
            w = (yi - mu) * th / (th + mu)
            for j, xj in enumerate([1, ti, ti * ti]):
                g[j] += w * xj
            g[3] += (mp.digamma(yi + th) - mp.digamma(th) + mp.log(th / (th + mu)) + 1
                     - (yi + th) / (th + mu))
        return g
    p = mp_newton(grad, list(start_b) + [start_theta])
    b, th = p[:3], p[3]
    alpha = 1 / th
    mu = [mp.exp(b[0] + b[1] * ti + b[2] * ti * ti) for ti in TM]
    # Full observed information in (b, alpha): Hessian of -llf by differentiating the
    # analytic gradient (in theta) and changing variables theta -> alpha.
    H_theta = mp_jacobian(grad, p)  # d grad / d(b, theta), negative definite
    Jt = mp.diag([1, 1, 1, -th ** 2])  # d(b, theta)/d(b, alpha), theta = 1/alpha
    H_alpha = Jt.T * H_theta * Jt      # gradient is zero, so no second-order term
    cov = mp.inverse(-H_alpha)
    # Fisher information of b with theta fixed: X' W X, W = mu / (1 + alpha mu).
    info = mp.matrix(3, 3)
    for ti, m in zip(TM, mu):
        xs = [1, ti, ti * ti]
        for i in range(3):
            for j in range(3):
                info[i, j] += m / (1 + alpha * m) * xs[i] * xs[j]
    cov_fixed = mp.inverse(info)
    info_th = sum(-mp.psi(1, th + yi) + mp.psi(1, th) - 1 / th + 2 / (m + th) - (yi + th) / (m + th) ** 2
                  for yi, m in zip(YM, mu))
    llf = nb2_loglik(b, th)
    se_alpha = mp.sqrt(cov[3, 3])
    return {"params": b, "alpha": alpha, "theta": th,
            "thetaSE": {"deltaFullHessian": se_alpha / alpha ** 2,
                        "conditionalObserved": 1 / mp.sqrt(info_th)},
            "alphaSE": se_alpha,
            "bseFullHessian": [mp.sqrt(cov[i, i]) for i in range(3)],
            "bseThetaFixed": [mp.sqrt(cov_fixed[i, i]) for i in range(3)],
            "paramsThetaFixedGLM": b,
            "llf": llf, "aic": -2 * llf + 8, "aicStatsmodels": -2 * llf + 8, "fitted": mu}


def mp_curve(kind, target, start):
    def f(p, ti):
        K, r, t0 = p
        e = mp.exp(-r * (ti - t0))
        return K / (1 + e) if kind == "level" else K * r * e / (1 + e) ** 2
    tgt = [mp.mpf(v) for v in target]

    def resid(p): return [f(p, ti) - yi for ti, yi in zip(TM, tgt)]
    p = [mp.mpf(v) for v in start]
    for _ in range(100):  # Gauss-Newton
        J = mp_jacobian(lambda q: resid(q), p, h=mp.mpf(10) ** -18)
        r = mp.matrix(resid(p))
        step = mp.lu_solve(J.T * J, J.T * r)
        p = [p[i] - step[i] for i in range(3)]
        if max(abs(step[i]) / abs(p[i]) for i in range(3)) < mp.mpf(10) ** -30:
            break
    J = mp_jacobian(lambda q: resid(q), p, h=mp.mpf(10) ** -18)
    rss = sum(v ** 2 for v in resid(p))
    s2 = rss / (n - 3)
    cov = mp.inverse(J.T * J) * s2
    aic = n * mp.log(rss / n) + n * (1 + mp.log(2 * mp.pi)) + 2 * 4
    return {"params": p, "bse": [mp.sqrt(cov[i, i]) for i in range(3)], "rss": rss, "sigma2": s2,
            "aic": aic, "fitted": [f(p, ti) for ti in TM]}


# ---------------------------------------------------------------- comparisons

def digits(a, b):
    """Significant digits shared by a and b (LRE), capped at 17."""
    a, b = mp.mpf(a), mp.mpf(b)
    if a == b:
        return 17.0
    return float(max(0, min(17, -mp.log10(abs(a - b) / abs(b)))))


def agrees_to_print(value, text):
    """True if value rounds to text at the number of significant digits shown."""
    mant = re.sub(r"[eE].*$", "", text).lstrip("-+").replace(".", "").lstrip("0")
    sig = len(mant)
    ref = float(text)
    exp10 = math.floor(math.log10(abs(ref)))
    half_ulp = 0.5 * 10 ** (exp10 - sig + 1)
    return abs(value - ref) <= half_ulp * (1 + 1e-9), sig


def lookup(d, dotted):
    obj = d
    for part in dotted.split("."):
        obj = obj[part]
    return obj


def r_theta_ml_se(mu):
    """The SE that MASS::theta.ml (hence R's glm.nb) reports: it iterates Newton from the
    moment estimate n / sum((y/mu - 1)^2) and returns sqrt(1/i) with the information i
    evaluated at the iterate *before* the last step, not at the final theta."""
    from scipy.special import polygamma
    tg = lambda z: polygamma(1, z)
    score = lambda th: float(np.sum(polygamma(0, th + y) - polygamma(0, th) + np.log(th) + 1
                                    - np.log(th + mu) - (y + th) / (mu + th)))
    info = lambda th: float(np.sum(-tg(th + y) + tg(th) - 1 / th + 2 / (mu + th) - (y + th) / (mu + th) ** 2))
    th = n / float(np.sum((y / mu - 1) ** 2))
    delta, it, i = 1.0, 0, None
    while it < 25 and abs(delta) > np.finfo(float).eps ** 0.25:
        th = abs(th)
        i = info(th)
        delta = score(th) / i
        th += delta
        it += 1
    return th, 1 / math.sqrt(i)


def to_float(v):
    if isinstance(v, dict):
        return {k: to_float(e) for k, e in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_float(e) for e in v]
    return float(v)


def main():
    tool = {
        "poisson": fit_poisson(),
        "nb2": fit_nb2(),
        "logisticLevel": fit_curve(logistic_level, np.cumsum(y), [float(np.sum(y)), 1.0, 4.0]),
        "logisticIncidence": fit_curve(logistic_incidence, y, [float(np.sum(y)), 1.0, 4.0]),
    }
    # The exact optimum of each problem, refitted in 40 digits from the tool's solution.
    exact = {
        "poisson": mp_poisson(tool["poisson"]["params"]),
        "nb2": mp_nb2(tool["nb2"]["params"], tool["nb2"]["theta"]),
        "logisticLevel": mp_curve("level", np.cumsum(Y).tolist(), tool["logisticLevel"]["params"]),
        "logisticIncidence": mp_curve("incidence", Y, tool["logisticIncidence"]["params"]),
    }

    models = {
        "poisson": "GLM Poisson, log link, design [1, t, t^2]; aic = -2 llf + 2*3",
        "nb2": "NB2 GLM, log link, design [1, t, t^2], Var = mu + alpha mu^2, theta = 1/alpha estimated by ML; "
               "aic = -2 llf + 2*4 (theta counted)",
        "logisticLevel": "least squares of cumsum(y) on K / (1 + exp(-r (t - t0))); params [K, r, t0]; "
                         "bse from s^2 (J^T J)^-1, s^2 = rss/(n-3); aic = n log(rss/n) + n (1 + log 2 pi) + 2 (3 + 1)",
        "logisticIncidence": "least squares of y on K r e / (1 + e)^2, e = exp(-r (t - t0)); params [K, r, t0]; "
                             "bse, aic as logisticLevel",
    }
    out = {
        "description": "Reference fits for the nine-day test series (daily counts y = [121, 122, 65, 603, 529, 286, 224, 164, 160] on days 0..8, 2026-01-16 to 2026-01-24, split from the published cumulative totals of the bundled KBRI dataset). "
                       "Top-level values in each block are the exact optimum (40-digit mpmath refit of the same "
                       "formulas) rounded to double; 'tool' holds what statsmodels/scipy returned in float64 with "
                       "tight tolerances, and 'toolDigits' how many significant digits each tool value shares with "
                       "the exact optimum (min over vector entries). Written by make_nine_day.py.",
        "generator": "make_nine_day.py",
        "versions": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
                     "numpy": np.__version__, "mpmath": mp.__version__, "python": sys.version.split()[0]},
        "y": Y,
        "t": T,
    }
    print("Significant digits shared by the float64 tool values and the 40-digit optimum (min over entries):")
    for block in exact:
        ex = to_float(exact[block])
        tv = tool[block]
        dig = {}
        for key, ev in exact[block].items():
            sv = tv[key]
            if isinstance(ev, dict):
                for k2, e2 in ev.items():
                    dig[f"{key}.{k2}"] = round(digits(sv[k2], e2), 1)
            elif isinstance(ev, list):
                dig[key] = round(min(digits(a, b) for a, b in zip(sv, ev)), 1)
            else:
                dig[key] = round(digits(sv, ev), 1)
        print(f"  {block:18} " + ", ".join(f"{k} {v:.1f}" for k, v in dig.items()))
        blockout = {"model": models[block], **ex}
        for extra in ("df_resid", "k", "start"):
            if extra in tv:
                blockout[extra] = tv[extra]
        if block == "nb2":
            ex_mu = np.array(ex["fitted"])
            th_r, se_r = r_theta_ml_se(ex_mu)
            blockout["thetaSE"]["rGlmNbReported"] = se_r
            blockout["thetaSENote"] = (
                "deltaFullHessian = se(alpha)/alpha^2 from the full observed information of (b, alpha) "
                "(statsmodels); conditionalObserved = 1/sqrt(observed information of theta with mu fixed at "
                "the MLE); rGlmNbReported = what MASS::theta.ml prints (same formula, but evaluated at the "
                "Newton iterate before the last one, so it is not a function of the MLE alone).")
            del blockout["aicStatsmodels"]  # same formula as aic; the tool's value stays under 'tool'
        blockout["tool"] = {k: v for k, v in tv.items() if k not in ("start",)}
        blockout["toolDigits"] = dig
        out[block] = blockout

    with open(HERE / "nine_day.json", "w") as fh:
        json.dump(out, fh, indent=2)
        fh.write("\n")

    print("\nComparison with nine-day-series.md (stored value rounded to the digits printed there):")
    bad = []
    for key, pub in PUBLISHED.items():
        if key.startswith("nb2.thetaSE"):
            cands = out["nb2"]["thetaSE"]
            hits = []
            for nm, v in cands.items():
                ok, sig = agrees_to_print(v, pub)
                hits.append(ok)
                print(f"  {'ok ' if ok else 'NO '} nb2.thetaSE.{nm:22} ours {v:.10g}  md {pub} "
                      f"({sig} digits shown; agree to {digits(v, pub):.1f})")
            if not any(hits):
                bad.append("nb2.thetaSE")
            continue
        ours = lookup(out, key)
        pubs = pub if isinstance(pub, list) else [pub]
        vals = ours if isinstance(ours, list) else [ours]
        for i, (v, p) in enumerate(zip(vals, pubs)):
            ok, sig = agrees_to_print(v, p)
            label = key + (f"[{i}]" if isinstance(pub, list) else "")
            if not ok:
                bad.append(label)
            print(f"  {'ok ' if ok else 'NO '} {label:34} ours {v:.10g}  md {p} "
                  f"({sig} digits shown; agree to {digits(v, p):.1f})")
    if bad:
        print(f"\nnot reproduced to the last digit shown: {', '.join(bad)}")
    else:
        print("\nall published values reproduced")
    print(f"wrote {HERE / 'nine_day.json'}")


if __name__ == "__main__":
    main()
