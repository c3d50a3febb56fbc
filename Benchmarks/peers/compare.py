"""Inflow against scipy and statsmodels on the same data, in one run, as ratios.

Fits the committed 60-day series (logistic-nb2-60-days.csv, made by
`inflow simulate --curve logistic --parameters K=3000,r=0.25,t0=30 --error negative-binomial
--theta 20 --days 60 --seed 60`) with the peers, runs Inflow's timing executable on the same
file, and prints each job's median time and the peer/Inflow ratio.

Peers:
- scipy.optimize.least_squares: the logistic incidence curve C(t+1) - C(t) by least squares
  (the usual scipy fit, as in GrowthPredict-style toolboxes);
- statsmodels GenericLikelihoodModel: the logistic curve with NB2 counts by maximum likelihood
  (the same model Inflow fits), from the same data-driven start Inflow's first start uses;
- a bootstrap of B = 1000 refits of that NB2 model with scipy.optimize.minimize (L-BFGS-B).

Usage (from Benchmarks/):  python3 peers/compare.py [path/to/inflow-timing]
Needs numpy, scipy, statsmodels (pip install statsmodels).
"""
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np
from scipy import optimize, special
from statsmodels.base.model import GenericLikelihoodModel

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "logistic-nb2-60-days.csv")


def load(path):
    rows = [line.strip() for line in open(path) if line.strip() and not line.startswith("#")]
    return np.array([float(r.split(",")[1]) for r in rows[1:]])


y = load(DATA)
t = np.arange(len(y), dtype=float)


def cumulative(theta, times):
    k, r, t0 = theta
    return k / (1.0 + np.exp(-r * (times - t0)))


def means(theta):
    return cumulative(theta, t + 1) - cumulative(theta, t)


# Inflow's first data-driven start: t0 at the peak, K = 1.2 x total, r = 4 peak / K.
peak = int(np.argmax(y))
k0 = 1.2 * y.sum()
start = np.array([k0, max(4 * y[peak] / k0, 0.05), t[peak] + 0.5])


def median_time(function, repetitions):
    function()
    times = []
    for _ in range(repetitions):
        begin = time.perf_counter()
        function()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def scipy_least_squares():
    return optimize.least_squares(lambda th: means(th) - y, start, bounds=([0, 0, -np.inf], [np.inf, np.inf, np.inf]))


def nb2_negative_loglik(params, counts):
    theta = params[:3]
    dispersion = np.exp(params[3])
    mu = np.maximum(means(theta), 1e-10)
    ll = (special.gammaln(counts + dispersion) - special.gammaln(dispersion) - special.gammaln(counts + 1)
          + dispersion * np.log(dispersion / (dispersion + mu)) + counts * np.log(mu / (dispersion + mu)))
    return -ll.sum()


class LogisticNB2(GenericLikelihoodModel):
    def nloglikeobs(self, params):
        theta = params[:3]
        dispersion = np.exp(params[3])
        mu = np.maximum(means(theta), 1e-10)
        c = self.endog
        return -(special.gammaln(c + dispersion) - special.gammaln(dispersion) - special.gammaln(c + 1)
                 + dispersion * np.log(dispersion / (dispersion + mu)) + c * np.log(mu / (dispersion + mu)))


def statsmodels_nb2():
    model = LogisticNB2(y, np.ones((len(y), 1)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.fit(start_params=np.append(start, np.log(10.0)), method="bfgs", maxiter=2000, disp=0)


def scipy_bootstrap(replicates=1000, seed=1):
    fitted = statsmodels_nb2().params
    mu = means(fitted[:3])
    dispersion = np.exp(fitted[3])
    rng = np.random.default_rng(seed)
    for _ in range(replicates):
        counts = rng.negative_binomial(dispersion, dispersion / (dispersion + mu))
        optimize.minimize(nb2_negative_loglik, fitted, args=(counts,), method="L-BFGS-B",
                          bounds=[(0, None), (0, None), (None, None), (-10, 23)])


def inflow_timings(executable):
    output = subprocess.run([executable, DATA], check=True, capture_output=True, text=True).stdout
    return {row["job"]: row["seconds"] for row in map(json.loads, output.splitlines())}


def main():
    executable = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", ".build", "release", "inflow-timing")
    inflow = inflow_timings(executable)
    peers = {
        "scipy least_squares logistic (Gaussian)": median_time(scipy_least_squares, 51),
        "statsmodels logistic NB2 (GenericLikelihoodModel)": median_time(statsmodels_nb2, 11),
        "scipy bootstrap logistic NB2 B=1000": median_time(scipy_bootstrap, 1),
    }
    pairs = [
        ("scipy least_squares logistic (Gaussian)", "fit logistic negative-binomial"),
        ("statsmodels logistic NB2 (GenericLikelihoodModel)", "fit logistic negative-binomial"),
        ("statsmodels logistic NB2 (GenericLikelihoodModel)", "fit logistic negative-binomial single-start"),
        ("scipy bootstrap logistic NB2 B=1000", "bootstrap logistic negative-binomial B=1000 threads=1"),
    ]
    print(f"{'job':58} {'seconds':>12}")
    for job, seconds in sorted(inflow.items()):
        print(f"inflow {job:51} {seconds:12.6f}")
    for job, seconds in peers.items():
        print(f"peer   {job:51} {seconds:12.6f}")
    print()
    print(f"{'peer':52} {'inflow':52} {'peer / inflow':>14}")
    for peer, ours in pairs:
        print(f"{peer:52} {ours:52} {peers[peer] / inflow[ours]:14.1f}")


if __name__ == "__main__":
    main()
