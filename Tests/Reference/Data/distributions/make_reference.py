#!/usr/bin/env python3
"""Reference values for the InflowStatistics tests.

Run from this folder:  python3 make_reference.py
It rewrites distributions.json next to this script.

Sources of the values
- scipy.special / scipy.stats (scipy >= 1.10) for log-gamma, incomplete gamma and beta functions, erf, the
  normal quantile and the discrete quantiles, and numpy for type-7 ("linear") sample quantiles;
- mpmath (50 significant digits) for log-densities, log-probabilities and distribution cdfs, and to refine
  continuous quantiles and inverse incomplete functions by Newton steps from scipy's values. scipy's
  double-precision formulas lose digits for large parameters (binom.logpmf sums gammaln terms of size 6000 at
  n = 1000, poisson.logpmf cancels ten digits at mean 1e9, gamma.ppf is off by 5e-11 at shape 1e6, nbinom.cdf
  by 3e-9 at size 1e8); the script prints the largest disagreement of scipy with mpmath for the record;
- a direct Python transcription of the published reference algorithms for SplitMix64 and xoshiro256**
  (Vigna, https://prng.di.unimi.it/), checked against the published SplitMix64 output for seed 0. The
  xoshiro256** jump is checked independently: the state after 2^128 (and 2^192) steps is computed by raising
  the 256 x 256 GF(2) transition matrix to that power by repeated squaring, and compared with the result of the
  jump polynomials; RandomStreams keys follow the derivation documented in RandomStreams.swift.

Every value is written with repr(), which round-trips doubles exactly; 64-bit integers are written as decimal
strings because JSON numbers are doubles.
"""

import json
import math
import os
import sys

import mpmath
import numpy as np
import scipy
from scipy import special, stats

mpmath.mp.dps = 50
MASK = (1 << 64) - 1
CHECKS = {}  # largest disagreements of scipy with the 50-digit values, printed for the record
HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------------------------------------
# Random generators: reference algorithms


def splitmix64_outputs(seed, count):
    state = seed & MASK
    out = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append(z ^ (z >> 31))
    return out


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro_next(s):
    result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
    t = (s[1] << 17) & MASK
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 45)
    return result


def xoshiro_jump_polynomial(s, words):
    acc = [0, 0, 0, 0]
    for word in words:
        for b in range(64):
            if word & (1 << b):
                for i in range(4):
                    acc[i] ^= s[i]
            xoshiro_next(s)
    s[:] = acc


JUMP = [0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C]
LONG_JUMP = [0x76E15D3EFEFDCBBF, 0xC5004E441C522FB3, 0x77710069854EE241, 0x39109BB02ACBE635]


def state_to_int(s):
    return s[0] | (s[1] << 64) | (s[2] << 128) | (s[3] << 192)


def int_to_state(v):
    return [(v >> (64 * i)) & MASK for i in range(4)]


def transition_matrix():
    """Columns of the GF(2) transition map of xoshiro256 (as 256-bit ints), by applying it to unit vectors."""
    columns = []
    for bit in range(256):
        s = int_to_state(1 << bit)
        xoshiro_next(s)
        columns.append(state_to_int(s))
    return columns


def apply(columns, v):
    out = 0
    bit = 0
    while v:
        if v & 1:
            out ^= columns[bit]
        v >>= 1
        bit += 1
    return out


def compose(a, b):
    """Columns of A*B (apply B first)."""
    return [apply(a, col) for col in b]


def matrix_power_of_two(columns, exponent):
    m = columns
    for _ in range(exponent):
        m = compose(m, m)
    return m


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def derive(parent, child):
    """RandomStreams.derive as documented: mix(parent ^ mix(child + gamma))."""
    return mix64(parent ^ mix64((child + 0x9E3779B97F4A7C15) & MASK))


def stream_references():
    """Keys and first outputs of RandomStreams, transcribed from its documentation."""
    cases = []
    for seed, series, replicate in [(0, 0, 0), (2026, 0, 1), (2026, 1, 0), (2026, 17, 999), (MASK, -1, 3)]:
        key = derive(derive(derive(seed, 0x5345524945530002), series & MASK), replicate & MASK)
        state = splitmix64_outputs(key, 4)
        outputs = [xoshiro_next(state) for _ in range(4)]
        cases.append({"seed": str(seed), "series": series, "replicate": replicate, "key": str(key),
                      "outputs": [str(v) for v in outputs]})
    streams = []
    for seed, index in [(0, 0), (2026, 5), (2026, MASK)]:
        key = derive(derive(seed, 0x53545245414D0001), index)
        state = splitmix64_outputs(key, 4)
        streams.append({"seed": str(seed), "index": str(index),
                        "outputs": [str(xoshiro_next(state)) for _ in range(4)]})
    return cases, streams


def generator_references():
    # Published value: the first output of SplitMix64 seeded with 0.
    assert splitmix64_outputs(0, 1)[0] == 0xE220A8397B1DCDAF, "SplitMix64 transcription is wrong"
    seeds = [0, 1, 42, 0x0123456789ABCDEF, MASK]
    splitmix = [{"seed": str(seed), "outputs": [str(v) for v in splitmix64_outputs(seed, 8)]} for seed in seeds]

    step = transition_matrix()
    jump_matrix = matrix_power_of_two(step, 128)
    long_jump_matrix = matrix_power_of_two(jump_matrix, 64)  # (A^(2^128))^(2^64) = A^(2^192)

    xoshiro = []
    for seed in seeds:
        state = splitmix64_outputs(seed, 4)
        s = list(state)
        outputs = [xoshiro_next(s) for _ in range(12)]

        s_jump = list(state)
        xoshiro_jump_polynomial(s_jump, JUMP)
        s_matrix = int_to_state(apply(jump_matrix, state_to_int(state)))
        assert s_jump == s_matrix, "jump polynomial disagrees with the matrix power A^(2^128)"
        after_jump = [xoshiro_next(s_jump) for _ in range(4)]

        s_long = list(state)
        xoshiro_jump_polynomial(s_long, LONG_JUMP)
        s_long_matrix = int_to_state(apply(long_jump_matrix, state_to_int(state)))
        assert s_long == s_long_matrix, "long-jump polynomial disagrees with the matrix power A^(2^192)"
        after_long_jump = [xoshiro_next(s_long) for _ in range(4)]

        xoshiro.append({
            "seed": str(seed),
            "state": [str(v) for v in state],
            "outputs": [str(v) for v in outputs],
            "afterJump": [str(v) for v in after_jump],
            "afterLongJump": [str(v) for v in after_long_jump],
        })
    return splitmix, xoshiro


# ----------------------------------------------------------------------------------------------------------
# Special functions


def f(x):
    return float(x)


def special_references():
    log_gamma = [[x, f(special.gammaln(x))] for x in
                 [1e-300, 1e-8, 0.1, 0.5, 1.5, 2.5, 3.7, 10.0, 33.3, 171.5, 1e5, 1e10, 1e300]]
    log_beta = [[a, b, f(special.betaln(a, b))] for a, b in
                [(0.5, 0.5), (1.0, 1.0), (2.5, 7.25), (0.01, 3.0), (9.5, 9.5), (3.0, 1e3),
                 (0.5, 1e6), (12.0, 40.0), (1e3, 1e3)]]
    # scipy's betaln loses digits for two large arguments; mpmath for the last rows and all rows alike.
    log_beta = [[a, b, f(mpmath.log(mpmath.beta(a, b)))] for a, b, _ in log_beta]

    digamma_points = [1e-6, 0.1, 0.5, 1.0, 1.2, 1.4, 1.46, 1.4616321449683622, 1.461632144968363, 1.5, 1.7,
                      2.0, 3.5, 7.0, 9.99, 10.0, 25.0, 1e3, 1e8, -0.5, -2.7, -10.3]
    digamma = [[x, f(mpmath.digamma(x))] for x in digamma_points]
    trigamma_points = [1e-6, 0.1, 0.5, 1.0, 1.46, 2.0, 3.5, 9.99, 10.0, 25.0, 1e3, 1e8, -0.5, -2.7]
    trigamma = [[x, f(mpmath.psi(1, x))] for x in trigamma_points]
    # scipy, for the record: the largest relative difference to mpmath
    d_scipy = max(abs(special.digamma(x) / v - 1) for x, v in digamma)
    t_scipy = max(abs(special.polygamma(1, x) / v - 1) for x, v in trigamma)

    gamma_inc = []
    for a, x in [(0.01, 0.001), (0.01, 0.5), (0.5, 0.1), (0.5, 2.0), (1.0, 1.0), (2.5, 0.3), (2.5, 2.5),
                 (2.5, 8.0), (10.0, 3.0), (10.0, 10.0), (10.0, 25.0), (100.0, 80.0), (100.0, 100.0),
                 (100.0, 130.0), (1e4, 9.8e3), (1e4, 1e4), (1e4, 1.03e4), (1e6, 1e6 - 3e3), (1e6, 1e6 + 500.0),
                 (3.0, 1e-5), (3.0, 60.0)]:
        gamma_inc.append([a, x, f(special.gammainc(a, x)), f(special.gammaincc(a, x))])
    inverse_gamma = []
    for a, p in [(0.05, 0.3), (0.5, 1e-10), (0.5, 0.5), (1.0, 0.99), (2.5, 1e-300), (2.5, 0.025), (2.5, 0.975),
                 (10.0, 0.5), (10.0, 1e-12), (100.0, 0.999), (1e4, 0.01)]:
        start = special.gammaincinv(a, p)
        A = mp(a)
        inverse_gamma.append([a, p, refined_quantile(
            p, start, lambda x: mpmath.gammainc(A, 0, x, regularized=True),
            lambda x: mpmath.exp((A - 1) * mpmath.log(x) - x - mpmath.loggamma(A)))])

    beta_inc = []
    for a, b, x in [(0.5, 0.5, 0.01), (0.5, 0.5, 0.9), (1.0, 3.0, 0.2), (2.5, 7.25, 0.1), (2.5, 7.25, 0.5),
                    (7.25, 2.5, 0.9), (0.1, 0.1, 0.5), (0.01, 2.0, 1e-3), (20.0, 30.0, 0.4), (20.0, 30.0, 0.41),
                    (100.0, 1e3, 0.08), (1e3, 1e3, 0.49), (1e4, 5.0, 0.9995), (5.0, 1e4, 1e-4),
                    (3e4, 2e4, 0.6), (2.0, 3.0, 1e-8)]:
        beta_inc.append([a, b, x, f(special.betainc(a, b, x)), f(special.betaincc(a, b, x))])
    inverse_beta = []
    for a, b, p in [(0.5, 0.5, 0.1), (2.5, 7.25, 0.5), (2.5, 7.25, 1e-8), (7.25, 2.5, 0.999), (0.1, 3.0, 0.3),
                    (20.0, 30.0, 0.025), (1e3, 1e3, 0.975), (0.05, 0.05, 0.6)]:
        start = special.betaincinv(a, b, p)
        A, B = mp(a), mp(b)
        inverse_beta.append([a, b, p, refined_quantile(
            p, start, lambda x: mpmath.betainc(A, B, 0, x, regularized=True),
            lambda x: mpmath.exp((A - 1) * mpmath.log(x) + (B - 1) * mpmath.log(1 - x) - mpmath.log(mpmath.beta(A, B))))])

    erf = [[x, f(special.erf(x)), f(special.erfc(x))] for x in
           [-3.0, -0.5, -1e-10, 0.0, 1e-10, 0.3, 0.7, 1.0, 2.5, 5.0, 10.0, 26.0]]

    normal_quantile = [[p, f(special.ndtri(p))] for p in
                       [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.025, 0.1, 0.3, 0.425, 0.45, 0.5, 0.55,
                        0.575, 0.8, 0.9, 0.975, 0.999, 1 - 1e-10, 1 - 2 ** -53]]
    # mpmath check of ndtri
    with mpmath.workdps(400):
        nq_check = max(abs(v / f(mpmath.sqrt(2) * mpmath.erfinv(2 * mpmath.mpf(p) - 1)) - 1)
                       for p, v in normal_quantile if v != 0)

    checks = {"digamma_scipy_vs_mpmath": d_scipy, "trigamma_scipy_vs_mpmath": t_scipy,
              "ndtri_vs_mpmath": nq_check}
    return {
        "logGamma": log_gamma, "logBeta": log_beta, "digamma": digamma, "trigamma": trigamma,
        "regularizedGamma": gamma_inc, "inverseRegularizedGammaP": inverse_gamma,
        "regularizedBeta": beta_inc, "inverseRegularizedBeta": inverse_beta,
        "erf": erf, "normalQuantile": normal_quantile,
    }, checks


# ----------------------------------------------------------------------------------------------------------
# Distributions


PROBABILITIES = [1e-10, 0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999, 1 - 1e-9]


def mp(x):
    return mpmath.mpf(x)


def relative_difference(value, reference):
    return abs(value - reference) / abs(reference) if reference != 0 else abs(value)


def refined_quantile(p, start, cdf, pdf, steps=4):
    """Newton steps in 50-digit arithmetic on cdf(x) = p from scipy's ppf (scipy's ppf itself can be off by
    1e-10 relative for large shapes)."""
    x = mp(start)
    for _ in range(steps):
        x = x - (cdf(x) - mp(p)) / pdf(x)
    return f(x)


def continuous_case(name, params, dist, xs, logpdf, cdf, ps=PROBABILITIES):
    """Log-densities, cdfs and quantiles from the 50-digit functions `logpdf` and `cdf`; scipy gives the quantile
    starting points and a cross-check."""
    quantiles = [refined_quantile(p, dist.ppf(p), cdf, lambda x: mpmath.exp(logpdf(x))) for p in ps]
    for p, q in zip(ps, quantiles):
        CHECKS["continuous_ppf_scipy_vs_mpmath"] = max(CHECKS.get("continuous_ppf_scipy_vs_mpmath", 0),
                                                       relative_difference(dist.ppf(p), q))
    for x in xs:
        CHECKS["continuous_cdf_scipy_vs_mpmath"] = max(CHECKS.get("continuous_cdf_scipy_vs_mpmath", 0),
                                                       relative_difference(dist.cdf(x), f(cdf(mp(x)))))
    return {
        "name": name, "parameters": params, "x": xs,
        "logDensity": [f(logpdf(mp(x))) for x in xs],
        "cdf": [f(cdf(mp(x))) for x in xs],
        "p": ps, "quantile": quantiles,
    }


def separated_probabilities(dist, ps):
    """Keep the levels whose discrete quantile is not within 1e-9 (relative) of a jump of the cdf, so that
    rounding cannot decide the answer (scipy's cdf is good to far better than 1e-9 everywhere used here)."""
    kept = []
    for p in ps:
        k = int(dist.ppf(p))
        below = dist.cdf(k - 1) if k > 0 else 0.0
        at = dist.cdf(k)
        if below < p * (1 - 1e-9) and at > p * (1 + 1e-9):
            kept.append(p)
    return kept


def discrete_case(name, params, dist, ks, log_pmf, cdf, ps=PROBABILITIES):
    """Log-probabilities and cdfs from the 50-digit functions; quantiles from scipy."""
    for k in ks:
        CHECKS["discrete_logpmf_scipy_vs_mpmath"] = max(CHECKS.get("discrete_logpmf_scipy_vs_mpmath", 0),
                                                        abs(dist.logpmf(k) - f(log_pmf(k))) / max(1, abs(f(log_pmf(k)))))
    ps = separated_probabilities(dist, ps)
    return {
        "name": name, "parameters": params, "k": ks,
        "logProbability": [f(log_pmf(k)) for k in ks],
        "cdf": [f(cdf(k)) for k in ks],
        "p": ps, "quantile": [int(dist.ppf(p)) for p in ps],
    }


def mp_poisson_logpmf(mu):
    mu = mpmath.mpf(mu)
    return lambda k: k * mpmath.log(mu) - mu - mpmath.loggamma(k + 1)


def mp_poisson_cdf(mu):
    return lambda k: mpmath.gammainc(k + 1, mu, mpmath.inf, regularized=True)


def mp_nbinom_logpmf(mu, theta):
    mu, theta = mpmath.mpf(mu), mpmath.mpf(theta)
    return lambda y: (mpmath.loggamma(y + theta) - mpmath.loggamma(theta) - mpmath.loggamma(y + 1)
                      + theta * mpmath.log(theta / (theta + mu)) + y * mpmath.log(mu / (theta + mu)))


def mp_nbinom_cdf(mu, theta):
    mu, theta = mpmath.mpf(mu), mpmath.mpf(theta)
    return lambda y: mpmath.betainc(theta, y + 1, 0, theta / (theta + mu), regularized=True)


def mp_binom_logpmf(n, p):
    n, p = mpmath.mpf(n), mpmath.mpf(p)
    return lambda k: (mpmath.loggamma(n + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(n - k + 1)
                      + k * mpmath.log(p) + (n - k) * mpmath.log(1 - p))


def mp_binom_cdf(n, p):
    """Binomial cdf by direct summation of the pmf in 50-digit arithmetic, from 40 standard deviations below the
    mean (the mass below is under 1e-300); mpmath.betainc does not converge for n = 1e8. Cached."""
    n, p = int(n), mpmath.mpf(p)
    q = 1 - p
    sd = math.sqrt(float(n * p * q))
    first = max(0, int(float(n * p) - 40 * sd))
    cache = {}

    def cdf(k):
        if k < 0:
            return mpmath.mpf(0)
        if k >= n:
            return mpmath.mpf(1)
        if k not in cache:
            j = first
            term = mpmath.exp(mp_binom_logpmf(n, p)(j))
            total = mpmath.mpf(0)
            while j <= k:
                total += term
                term *= mpmath.mpf(n - j) / (j + 1) * p / q
                j += 1
            cache[k] = total
        return cache[k]
    return cdf


def mp_normal(mu, sigma):
    mu, sigma = mp(mu), mp(sigma)
    logpdf = lambda x: -((x - mu) / sigma) ** 2 / 2 - mpmath.log(sigma) - mpmath.log(2 * mpmath.pi) / 2
    cdf = lambda x: mpmath.ncdf(x, mu, sigma)
    return logpdf, cdf


def mp_gamma(shape, scale):
    a, s = mp(shape), mp(scale)
    logpdf = lambda x: (a - 1) * mpmath.log(x / s) - x / s - mpmath.loggamma(a) - mpmath.log(s)

    def cdf(x):
        # mpmath's lower-gamma series does not converge above the mean for shape 1e6: use the upper function.
        z = x / s
        if z < a:
            return mpmath.gammainc(a, 0, z, regularized=True)
        return 1 - mpmath.gammainc(a, z, mpmath.inf, regularized=True)
    return logpdf, cdf


def mp_beta(alpha, beta, cdf=None):
    a, b = mp(alpha), mp(beta)
    logpdf = lambda x: (a - 1) * mpmath.log(x) + (b - 1) * mpmath.log(1 - x) - mpmath.log(mpmath.beta(a, b))
    return logpdf, cdf or (lambda x: mpmath.betainc(a, b, 0, x, regularized=True))


def mp_beta_cdf_integer_shapes(a, b):
    """I_x(a, b) for integer shapes as a binomial tail, P(Binomial(a + b - 1, x) >= a), summed in 50-digit
    arithmetic (mpmath.betainc cannot reach 50 digits here: its hypergeometric series cancels)."""
    def cdf(x):
        n = a + b - 1
        x = mpmath.mpf(x)
        term = mpmath.exp(mp_binom_logpmf(n, x)(a))
        total = mpmath.mpf(0)
        for j in range(a, n + 1):
            total += term
            term *= mpmath.mpf(n - j) / (j + 1) * x / (1 - x)
            if term < total * mpmath.mpf(10) ** -45:
                break
        return total
    return cdf


def distribution_references():
    normal = [
        continuous_case("standard", [0.0, 1.0], stats.norm(0, 1), [-30.0, -8.0, -1.5, 0.0, 0.3, 2.0, 8.0],
                        *mp_normal(0, 1)),
        continuous_case("shifted", [250.0, 12.5], stats.norm(250, 12.5), [100.0, 240.0, 250.0, 271.3, 330.0],
                        *mp_normal(250, 12.5)),
    ]
    gamma = [
        continuous_case("shape 0.3", [0.3, 2.0], stats.gamma(0.3, scale=2.0), [1e-12, 0.01, 0.5, 3.0, 40.0],
                        *mp_gamma(0.3, 2.0)),
        continuous_case("shape 1", [1.0, 0.5], stats.gamma(1.0, scale=0.5), [1e-9, 0.2, 1.0, 10.0],
                        *mp_gamma(1.0, 0.5)),
        continuous_case("shape 2.5", [2.5, 3.0], stats.gamma(2.5, scale=3.0), [0.001, 1.0, 7.5, 20.0, 80.0],
                        *mp_gamma(2.5, 3.0)),
        continuous_case("shape 40", [40.0, 0.25], stats.gamma(40.0, scale=0.25), [4.0, 9.0, 10.0, 12.5, 20.0],
                        *mp_gamma(40.0, 0.25)),
        continuous_case("shape 1e6", [1e6, 2.0], stats.gamma(1e6, scale=2.0),
                        [1.99e6, 1.998e6, 2e6, 2.002e6, 2.01e6], *mp_gamma(1e6, 2.0)),
    ]
    beta = [
        continuous_case("arcsine", [0.5, 0.5], stats.beta(0.5, 0.5), [1e-9, 0.01, 0.5, 0.9, 0.999999],
                        *mp_beta(0.5, 0.5)),
        continuous_case("skewed", [2.5, 7.25], stats.beta(2.5, 7.25), [1e-6, 0.05, 0.25, 0.5, 0.95],
                        *mp_beta(2.5, 7.25)),
        continuous_case("u-shaped small", [0.2, 0.7], stats.beta(0.2, 0.7), [1e-8, 0.1, 0.6, 0.99],
                        *mp_beta(0.2, 0.7)),
        continuous_case("uniform", [1.0, 1.0], stats.beta(1.0, 1.0), [0.1, 0.5, 0.75], *mp_beta(1.0, 1.0)),
        continuous_case("shapes 2e4 3e4", [2e4, 3e4], stats.beta(2e4, 3e4), [0.39, 0.398, 0.4, 0.402, 0.41],
                        *mp_beta(2e4, 3e4, mp_beta_cdf_integer_shapes(20000, 30000))),
    ]
    poisson = []
    for mu, ks in [(0.7, [0, 1, 2, 5, 12]), (9.5, [0, 3, 9, 10, 20, 40]), (123.4, [80, 110, 123, 124, 150, 200]),
                   (1e9, [999_900_000, 999_970_000, 1_000_000_000, 1_000_000_001, 1_000_100_000])]:
        poisson.append(discrete_case(f"mean {mu:g}", [mu], stats.poisson(mu), ks,
                                     mp_poisson_logpmf(mu), mp_poisson_cdf(mu)))
    negative_binomial = []
    for mu, theta, ks in [(3.0, 0.5, [0, 1, 3, 10, 40]), (100.0, 2.0, [0, 10, 80, 100, 300, 900]),
                          (20.0, 50.0, [0, 5, 19, 20, 21, 45]), (10.0, 1e8, [0, 1, 2, 5, 9, 10, 15, 30]),
                          (50.0, 1e4, [0, 25, 49, 50, 75, 150]), (1e6, 3.0, [0, 500_000, 999_999, 1_000_000, 1_500_000, 3_000_000]),
                          (100.0, 1e9, [20, 50, 70, 99])]:
        dist = stats.nbinom(theta, theta / (theta + mu))
        negative_binomial.append(discrete_case(f"mu {mu:g} theta {theta:g}", [mu, theta], dist, ks,
                                               mp_nbinom_logpmf(mu, theta), mp_nbinom_cdf(mu, theta)))
    binomial = []
    for n, p, ks in [(10, 0.3, [0, 2, 3, 7, 10]), (500, 0.02, [0, 5, 10, 11, 25]),
                     (1000, 0.9, [850, 890, 900, 901, 930, 1000]),
                     (10 ** 8, 0.37, [36_990_000, 36_998_000, 37_000_000, 37_001_000, 37_010_000]),
                     (10 ** 8, 1e-7, [0, 1, 3, 9, 10, 20])]:
        binomial.append(discrete_case(f"n {n:g} p {p:g}", [n, p], stats.binom(n, p), ks,
                                      mp_binom_logpmf(n, p), mp_binom_cdf(n, p)))

    multinomial = []
    for n, probs, counts in [
        (10, [0.2, 0.3, 0.5], [[2, 3, 5], [0, 0, 10], [10, 0, 0], [1, 4, 5]]),
        (250, [0.1, 0.0, 0.25, 0.65], [[25, 0, 60, 165], [20, 0, 70, 160], [0, 0, 0, 250]]),
    ]:
        def mp_logpmf(c):
            value = mpmath.loggamma(n + 1)
            for x, q in zip(c, probs):
                value -= mpmath.loggamma(x + 1)
                if x > 0:
                    value += x * mpmath.log(mp(q))
            return value
        multinomial.append({"count": n, "probabilities": probs, "counts": counts,
                            "logProbability": [f(mp_logpmf(c)) for c in counts]})
        CHECKS["multinomial_scipy_vs_mpmath"] = max(
            CHECKS.get("multinomial_scipy_vs_mpmath", 0),
            max(abs(stats.multinomial(n, probs).logpmf(c) - f(mp_logpmf(c))) for c in counts))
    dirichlet = []
    for alpha, xs in [([1.0, 2.0, 3.0], [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]]),
                      ([0.3, 0.5, 4.0, 10.0], [[0.01, 0.04, 0.25, 0.7], [0.1, 0.1, 0.2, 0.6]])]:
        def mp_logpdf(x):
            value = mpmath.loggamma(sum(mp(a) for a in alpha))
            for xi, a in zip(x, alpha):
                value += (mp(a) - 1) * mpmath.log(mp(xi)) - mpmath.loggamma(mp(a))
            return value
        dirichlet.append({"concentrations": alpha, "x": xs, "logDensity": [f(mp_logpdf(x)) for x in xs]})
        CHECKS["dirichlet_scipy_vs_mpmath"] = max(
            CHECKS.get("dirichlet_scipy_vs_mpmath", 0),
            max(abs(stats.dirichlet.logpdf(x, alpha) - f(mp_logpdf(x))) for x in xs))
    return {"normal": normal, "gamma": gamma, "beta": beta, "poisson": poisson,
            "negativeBinomial": negative_binomial, "binomial": binomial,
            "multinomial": multinomial, "dirichlet": dirichlet}


def sample_quantile_references():
    rng = np.random.default_rng(20260115)
    cases = []
    levels = [0.0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7,
              0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 1.0, 0.333]
    for name, sample in [
        ("normal 101", rng.normal(10, 3, 101)),
        ("gamma 37", rng.gamma(0.7, 5.0, 37)),
        ("two", np.array([1.0, 4.0])),
        ("one", np.array([-2.5])),
        ("ties", np.array([3.0, 1.0, 3.0, 3.0, 2.0, 7.0, 7.0])),
    ]:
        values = [f(v) for v in sample]
        cases.append({"name": name, "sample": values, "levels": levels,
                      "values": [f(v) for v in np.quantile(np.array(values), levels, method="linear")]})
    integers = [int(v) for v in rng.negative_binomial(2, 0.05, 203)]
    integer_case = {"name": "negative binomial counts 203", "sample": integers, "levels": levels,
                    "values": [f(v) for v in np.quantile(np.array(integers, dtype=float), levels, method="linear")]}
    return cases, integer_case


def main():
    splitmix, xoshiro = generator_references()
    stream_keys, streams = stream_references()
    special_values, checks = special_references()
    distributions = distribution_references()
    checks.update(CHECKS)
    sample_quantiles, integer_quantiles = sample_quantile_references()
    document = {
        "generatedBy": "make_reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "mpmath": mpmath.__version__},
        "splitmix64": splitmix,
        "xoshiro256starstar": xoshiro,
        "randomStreams": {"seriesReplicate": stream_keys, "streams": streams},
        "special": special_values,
        "distributions": distributions,
        "sampleQuantiles": sample_quantiles,
        "integerSampleQuantiles": integer_quantiles,
    }
    path = os.path.join(HERE, "distributions.json")
    with open(path, "w") as handle:
        json.dump(document, handle, indent=1, allow_nan=False)
        handle.write("\n")
    for key, value in checks.items():
        print(f"{key}: {value:.3g}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
