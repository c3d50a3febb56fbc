"""Writes the peer comparison's inputs into a directory, the same files for Inflow, R and Python.

Every file is plain CSV (R reads it with read.csv, inflow-timing with a few lines of Swift). Simulated data come
from numpy's PCG64 generator with fixed seeds, so the files are the same on every run and machine (numpy >= 1.17).

    nine.csv           day,count: the nine daily counts of the bundled KBRI dataset (2026-01-16..24, split from its
                       published cumulative totals; Tests/Reference/Data/nine-day/make_nine_day.py).
    sixty.csv          day,count: peers/logistic-nb2-60-days.csv (inflow simulate, logistic K=3000, r=0.25, t0=30, NB2
                       theta 20, seed 60) with days numbered from 0.
    starts.csv         job,K,r,t0,log_theta: the one start every side uses for a single fit (logistic_nb2.data_driven_start:
                       Inflow's first data-driven start, theta 10).
    poisson-many.csv   1,000 rows of 60 Poisson counts, log mu = b0 + b1 x + b2 x^2 with x = t / 59, t = 0..59, and
                       per series b0 ~ U(2, 4), b1 ~ U(-1, 3), b2 ~ U(-3, 0) (seed 5).
    logistic-many.csv  1,000 rows: start K,r,t0 (data_driven_start) then 60 NB2 counts (theta 20) around a logistic curve
                       with K ~ U(2000, 4000), r ~ U(0.15, 0.35), t0 ~ U(20, 40) (seed 6).
    bootstrap-start.csv  K,r,t0,log_theta: the 60-day NB2 fit's estimate (L-BFGS-B with analytic gradient, in the units of the start, to a
                       projected gradient of 1e-9), where every side starts each refit;
    bootstrap.csv      B = 1,000 rows of 60 counts drawn from NB2(mu(estimate), theta(estimate)) (seed 7): the replicate
                       data every side refits.

Usage: python3 make_data.py DIRECTORY
"""
import os
import sys

import numpy as np
from scipy import optimize

import logistic_nb2 as model

HERE = os.path.dirname(os.path.abspath(__file__))
NINE_DAYS = [121, 122, 65, 603, 529, 286, 224, 164, 160]
SERIES_COUNT = 1000
DAYS = 60
REPLICATES = 1000


def sixty_days():
    rows = [line.strip() for line in open(os.path.join(HERE, "logistic-nb2-60-days.csv"))
            if line.strip() and not line.startswith("#")]
    return np.array([float(row.split(",")[1]) for row in rows[1:]])


def write_counts(path, counts):
    with open(path, "w") as file:
        file.write("day,count\n")
        for day, count in enumerate(counts):
            file.write(f"{day},{int(count)}\n")


def nb2_fit(counts, start):
    """The NB2 maximum-likelihood estimate, to a projected gradient of 1e-9 (the bootstrap's centre)."""
    scale = model.parameter_scale(start)
    result = optimize.minimize(model.scaled_nb2_objective(scale), start / scale, args=(counts,), jac=True,
                               method="L-BFGS-B", bounds=model.scaled_bounds(scale),
                               options={"ftol": 1e-15, "gtol": 1e-9, "maxiter": 10_000})
    return result.x * scale


def write_all(directory):
    os.makedirs(directory, exist_ok=True)
    nine = np.array(NINE_DAYS, dtype=float)
    sixty = sixty_days()
    write_counts(os.path.join(directory, "nine.csv"), nine)
    write_counts(os.path.join(directory, "sixty.csv"), sixty)
    with open(os.path.join(directory, "starts.csv"), "w") as file:
        file.write("job,K,r,t0,log_theta\n")
        for name, counts in [("nine", nine), ("sixty", sixty)]:
            file.write(name + "," + ",".join(repr(float(v)) for v in model.data_driven_start(counts)) + "\n")

    rng = np.random.default_rng(5)
    x = np.arange(DAYS) / (DAYS - 1)
    with open(os.path.join(directory, "poisson-many.csv"), "w") as file:
        file.write(",".join(f"y{t}" for t in range(DAYS)) + "\n")
        for _ in range(SERIES_COUNT):
            b0, b1, b2 = rng.uniform(2, 4), rng.uniform(-1, 3), rng.uniform(-3, 0)
            counts = rng.poisson(np.exp(b0 + b1 * x + b2 * x * x))
            file.write(",".join(str(int(c)) for c in counts) + "\n")

    rng = np.random.default_rng(6)
    with open(os.path.join(directory, "logistic-many.csv"), "w") as file:
        file.write("K,r,t0," + ",".join(f"y{t}" for t in range(DAYS)) + "\n")
        for _ in range(SERIES_COUNT):
            truth = np.array([rng.uniform(2000, 4000), rng.uniform(0.15, 0.35), rng.uniform(20, 40)])
            mu = model.means(truth, DAYS)
            counts = rng.negative_binomial(20.0, 20.0 / (20.0 + mu)).astype(float)
            start = model.data_driven_start(counts)[:3]
            file.write(",".join(repr(float(v)) for v in start) + "," + ",".join(str(int(c)) for c in counts) + "\n")

    estimate = nb2_fit(sixty, model.data_driven_start(sixty))
    mu = model.means(estimate, DAYS)
    theta = np.exp(estimate[3])
    rng = np.random.default_rng(7)
    with open(os.path.join(directory, "bootstrap-start.csv"), "w") as file:
        file.write("K,r,t0,log_theta\n" + ",".join(repr(float(v)) for v in estimate) + "\n")
    with open(os.path.join(directory, "bootstrap.csv"), "w") as file:
        file.write(",".join(f"y{t}" for t in range(DAYS)) + "\n")
        for _ in range(REPLICATES):
            counts = rng.negative_binomial(theta, theta / (theta + mu))
            file.write(",".join(str(int(c)) for c in counts) + "\n")


if __name__ == "__main__":
    write_all(sys.argv[1])
