"""The whole-process peer of `inflow project --curve logistic --error negative-binomial --threads 1`: scipy doing the
same model on a daily-count CSV, as a script an analyst would run.

1. Read DATE,COUNT rows (lines starting with # skipped), days numbered from 0.
2. Fit the logistic curve with NB2 counts by maximum likelihood (logistic_nb2.py): L-BFGS-B with the analytic gradient
   in the units of the start (parameter_scale) from Inflow's first data-driven start, Inflow's bounds, function test 1e-15 and projected-gradient test 1e-10.
3. Parametric bootstrap, B replicates, as Inflow's CurveProjector: replicate counts NB2 around the fitted means with the
   excess variance scaled by n / (n - k) (theta / inflation, k = 4); each refit by L-BFGS-B from the estimate (function
   test 1e-10, projected gradient 1e-10); 30 future days drawn NB2 around the replicate's means with its own theta;
   the final size observed + K_b - C_b(n).
4. Print the 5/25/50/75/95% quantiles of each future day's arrivals and of the final size.

`bootstrap(...)` is also timed in-process by compare.py (row "bootstrap-projection").

Usage: python3 project_peer.py FILE.csv [B] [SEED]
"""
import sys

import numpy as np
from scipy import optimize

import logistic_nb2 as model

HORIZON = 30
FIT_OPTIONS = {"ftol": 1e-15, "gtol": 1e-10, "maxiter": 10_000}
REFIT_OPTIONS = {"ftol": 1e-10, "gtol": 1e-10, "maxiter": 10_000}


def load(path):
    rows = [line.strip() for line in open(path) if line.strip() and not line.startswith("#")]
    return np.array([float(row.split(",")[1]) for row in rows[1:]])


def fit(counts, start, options=FIT_OPTIONS):
    """L-BFGS-B in the units |start| (logistic_nb2.parameter_scale); the result's x and fun in the model's units."""
    scale = model.parameter_scale(start)
    result = optimize.minimize(model.scaled_nb2_objective(scale), start / scale, args=(counts,), jac=True,
                               method="L-BFGS-B", bounds=model.scaled_bounds(scale), options=options)
    result.x = result.x * scale
    return result


def bootstrap(counts, estimate, replicates, seed):
    """Final sizes (B) and future daily arrivals (B x HORIZON), CurveProjector's steps 1-4."""
    n = len(counts)
    rng = np.random.default_rng(seed)
    mu = model.means(estimate, n)
    inflation = n / (n - 4)
    theta = np.exp(estimate[3]) / inflation
    observed = counts.sum()
    future_times = np.arange(n, n + HORIZON + 1, dtype=float)
    final_sizes = np.empty(replicates)
    future = np.empty((replicates, HORIZON))
    for b in range(replicates):
        replicate = rng.negative_binomial(theta, theta / (theta + mu)).astype(float)
        params = fit(replicate, estimate, REFIT_OPTIONS).x
        values, _ = model.cumulative_and_gradient(params, future_times)
        ahead = np.maximum(values[1:] - values[:-1], 0.0)
        theta_b = np.exp(params[3])
        future[b] = rng.negative_binomial(theta_b, theta_b / (theta_b + np.maximum(ahead, 1e-300)))
        final_sizes[b] = observed + max(params[0] - values[0], 0.0)
    return final_sizes, future


def main():
    counts = load(sys.argv[1])
    replicates = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20260116
    result = fit(counts, model.data_driven_start(counts))
    final_sizes, future = bootstrap(counts, result.x, replicates, seed)
    levels = [0.05, 0.25, 0.5, 0.75, 0.95]
    print("K, r, t0, theta:", result.x[0], result.x[1], result.x[2], np.exp(result.x[3]), " log-likelihood:", -result.fun)
    print("day " + " ".join(f"{q:>8.0%}" for q in levels))
    for day in range(HORIZON):
        print(f"{len(counts) + day:3d} " + " ".join(f"{v:8.0f}" for v in np.quantile(future[:, day], levels)))
    print("final size " + " ".join(f"{v:8.0f}" for v in np.quantile(final_sizes, levels)))


if __name__ == "__main__":
    main()
