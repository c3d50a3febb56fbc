"""Reference values for censored counts (issue 17): log P(Y >= b), log P(Y <= b) and their derivatives in the
mean mu, for Poisson and NB2 (size theta), from scipy.

    python3 make_censored.py > censored.json

log P(Y >= b) = poisson.logsf(b - 1, mu) / nbinom.logsf(b - 1, theta, theta / (theta + mu));
log P(Y <= b) = poisson.logcdf(b, mu) / nbinom.logcdf(b, theta, p).
Derivatives in mu: d log P(Y >= b)/dmu = pmf(b - 1; mu) / P(Y >= b) for Poisson (exp of logpmf - logsf) and, for
NB2, the density of the regularized incomplete beta I_x(b, theta) at x = mu / (theta + mu) times
dx/dmu = theta / (theta + mu)^2, divided by P (scipy.stats.beta.logpdf). Upper bounds: the negatives with b + 1.
The cases reach far tails (log P near -1e4), where the probability underflows and scipy returns -inf: there the
values are the same quantities in 50-digit mpmath (regularized gammainc / betainc and the log-densities), which
also checks scipy's finite values to 1e-12 relative (an assertion).
"""
import json
import mpmath
import numpy as np
from scipy import stats

mpmath.mp.dps = 50

poisson_cases = [
    # (bound, direction, mu)
    (1, "atLeast", 0.5), (5, "atLeast", 3.0), (120, "atLeast", 100.0), (3100, "atLeast", 2900.0),
    (50, "atLeast", 1.0), (2000, "atLeast", 10.0), (900, "atLeast", 1500.0),
    (0, "atMost", 2.0), (5, "atMost", 3.0), (130, "atMost", 160.0), (10, "atMost", 900.0),
    (3000, "atMost", 2900.0), (1, "atMost", 3000.0),
]
nb_cases = [
    # (bound, direction, mu, theta)
    (1, "atLeast", 0.5, 2.0), (5, "atLeast", 3.0, 1.5), (120, "atLeast", 100.0, 10.0), (3100, "atLeast", 2900.0, 30.0),
    (800, "atLeast", 150.0, 5.0), (5000, "atLeast", 10.0, 50.0), (20000, "atLeast", 2.0, 3000.0),
    (0, "atMost", 2.0, 3.0), (5, "atMost", 3.0, 0.8), (130, "atMost", 160.0, 12.0), (10, "atMost", 900.0, 40.0),
    (2, "atMost", 5000.0, 500.0), (3000, "atMost", 2900.0, 1e5),
]

def mp_poisson(b, direction, mu):
    mu = mpmath.mpf(mu)
    def logpmf(k):
        return k * mpmath.log(mu) - mu - mpmath.loggamma(k + 1)
    if direction == "atLeast":
        logp = mpmath.log(mpmath.gammainc(b, 0, mu, regularized=True))
        return logp, mpmath.exp(logpmf(b - 1) - logp)
    logp = mpmath.log(mpmath.gammainc(b + 1, mu, mpmath.inf, regularized=True))
    return logp, -mpmath.exp(logpmf(b) - logp)

def mp_nb(b, direction, mu, theta):
    mu, theta = mpmath.mpf(mu), mpmath.mpf(theta)
    x, y = mu / (theta + mu), theta / (theta + mu)
    log_rate = mpmath.log(theta) - 2 * mpmath.log(theta + mu)
    def logdensity(a):
        return (a - 1) * mpmath.log(x) + (theta - 1) * mpmath.log(y) - mpmath.log(mpmath.beta(a, theta))
    if direction == "atLeast":
        logp = mpmath.log(mpmath.betainc(b, theta, 0, x, regularized=True))
        return logp, mpmath.exp(logdensity(b) + log_rate - logp)
    logp = mpmath.log(mpmath.betainc(theta, b + 1, 0, y, regularized=True))
    return logp, -mpmath.exp(logdensity(b + 1) + log_rate - logp)

def checked(logp, deriv, exact):
    """scipy's value where finite (checked against mpmath), mpmath's where scipy underflows."""
    mp_logp, mp_deriv = float(exact[0]), float(exact[1])
    if np.isfinite(logp) and np.isfinite(deriv):
        assert abs(logp - mp_logp) <= 1e-12 * max(1, abs(mp_logp)), (logp, mp_logp)
        assert abs(deriv - mp_deriv) <= 1e-9 * max(1e-300, abs(mp_deriv)), (deriv, mp_deriv)
        return float(logp), float(deriv), "scipy"
    return mp_logp, mp_deriv, "mpmath"

def poisson_row(b, direction, mu):
    if direction == "atLeast":
        logp = stats.poisson.logsf(b - 1, mu)
        deriv = np.exp(stats.poisson.logpmf(b - 1, mu) - logp)
    else:
        logp = stats.poisson.logcdf(b, mu)
        deriv = -np.exp(stats.poisson.logpmf(b, mu) - logp)
    logp, deriv, source = checked(logp, deriv, mp_poisson(b, direction, mu))
    return {"source": source, "bound": b, "direction": direction, "mean": mu, "logProbability": logp, "derivative": deriv}

def nb_row(b, direction, mu, theta):
    exact = mp_nb(b, direction, mu, theta)
    p = theta / (theta + mu)
    x = mu / (theta + mu)
    log_rate = np.log(theta) - 2 * np.log(theta + mu)
    if direction == "atLeast":
        logp = stats.nbinom.logsf(b - 1, theta, p)
        deriv = np.exp(stats.beta.logpdf(x, b, theta) + log_rate - logp)
    else:
        logp = stats.nbinom.logcdf(b, theta, p)
        deriv = -np.exp(stats.beta.logpdf(x, b + 1, theta) + log_rate - logp)
    logp, deriv, source = checked(logp, deriv, exact)
    return {"source": source, "bound": b, "direction": direction, "mean": mu, "theta": theta,
            "logProbability": logp, "derivative": deriv}

print(json.dumps({
    "generator": "make_censored.py, scipy " + __import__("scipy").__version__ + ", mpmath " + mpmath.__version__,
    "poisson": [poisson_row(*c) for c in poisson_cases],
    "negativeBinomial": [nb_row(*c) for c in nb_cases],
}, indent=1))
