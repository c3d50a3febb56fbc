"""Reference values for DelayedRelease (Sources/InflowModels/DelayedRelease.swift).

T ~ Exp(h) (release), D ~ Gamma(k, scale s = m/k) (travel); for tau > 0
    F(tau) = P(T + D <= tau) = integral_0^tau g(u) (1 - exp(-h (tau - u))) du,
    f(tau) = density of T + D = h integral_0^tau g(u) exp(-h (tau - u)) du,
with g the Gamma(k, s) density.

Two independent computations:
- "quad": scipy.integrate.quad of the convolution integrals (epsabs=0, epsrel=1e-13), with
  the singular factor u^(k-1) handed to QUADPACK as its algebraic weight when k < 1;
- "exact": the closed form through Kummer's function in 40-digit arithmetic (mpmath):
  I = exp(-h tau) x^k / Gamma(k+1) 1F1(k; k+1; (h s - 1) x), x = tau/s,
  F = P(k, x) - I, f = h I.
The script checks that they agree (relative 1e-9 where F > 1e-200) and writes both.

Run: python3 make_delayed_release.py > delayed_release.json
(scipy 1.17.1, numpy 2.4.6, mpmath 1.3.0)
"""
import json
import math

import mpmath as mp
import numpy as np
import scipy
from scipy import integrate, special

mp.mp.dps = 40

CASES = [
    # (h, m, k): release hazard, mean travel time, travel shape
    (0.3, 2.0, 3.0),      # h s = 0.2: closed form with P
    (0.35, 3.0, 4.5),     # h s = 0.233
    (0.5, 4.0, 2.0),      # h s = 1 exactly
    (0.999, 1.0, 1.0),    # h s just below 1: the series around z = 0
    (1.5, 2.0, 2.0),      # h s = 1.5: positive series
    (2.0, 1.0, 1.0),      # h s = 2
    (0.8, 10.0, 0.5),     # h s = 16, singular gamma density at 0
    (4.0, 3.0, 0.5),      # h s = 24: z up to 230 (Gauss-Laguerre)
    (15.0, 5.0, 50.0),    # h s = 1.5, z = 5 tau: up to 300 (Gauss-Laguerre)
    (0.2, 6.0, 50.0),     # h s = 0.024, narrow travel time
]
TAUS = [0.05, 0.5, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0, 60.0]


def exact(tau, h, m, k):
    tau, h, m, k = mp.mpf(tau), mp.mpf(h), mp.mpf(m), mp.mpf(k)
    s = m / k
    x = tau / s
    kernel = mp.exp(-h * tau) * x**k / mp.gamma(k + 1) * mp.hyp1f1(k, k + 1, (h * s - 1) * x)
    cdf = mp.gammainc(k, 0, x, regularized=True) - kernel
    return float(cdf), float(h * kernel)


def quad(tau, h, m, k):
    s = m / k
    log_norm = -special.gammaln(k) - k * math.log(s)
    if k < 1:
        # The singular factor u^(k-1) is QUADPACK's algebraic weight.
        options = dict(weight="alg", wvar=(k - 1, 0))

        def log_g(u):
            return log_norm - u / s
    else:
        options = dict(points=[p for p in ((k - 1) * s, tau - 1 / h) if 0 < p < tau] or None)

        def log_g(u):
            return log_norm + (k - 1) * math.log(u) - u / s if u > 0 else -math.inf

    def cdf_integrand(u):
        return math.exp(log_g(u)) * -math.expm1(-h * (tau - u))

    def kernel_integrand(u):
        return math.exp(log_g(u) - h * (tau - u))

    cdf, _ = integrate.quad(cdf_integrand, 0, tau, epsabs=0, epsrel=1e-13, limit=500, **options)
    kernel, _ = integrate.quad(kernel_integrand, 0, tau, epsabs=0, epsrel=1e-13, limit=500, **options)
    return cdf, h * kernel


def main():
    rows = []
    for h, m, k in CASES:
        for tau in TAUS:
            cdf, density = exact(tau, h, m, k)
            quad_cdf, quad_density = quad(tau, h, m, k)
            for a, b in ((cdf, quad_cdf), (density, quad_density)):
                if abs(a) > 1e-200:
                    assert abs(a - b) <= 1e-9 * abs(a), (h, m, k, tau, a, b)
            rows.append(dict(h=h, m=m, k=k, tau=tau, cdf=cdf, density=density,
                             quadCDF=quad_cdf, quadDensity=quad_density))
    print(json.dumps(dict(
        generator="make_delayed_release.py",
        versions=dict(scipy=scipy.__version__, numpy=np.__version__, mpmath=mp.__version__),
        cases=rows), indent=1))


if __name__ == "__main__":
    main()
