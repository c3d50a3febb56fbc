"""Inflow's MinTrace against Nixtla's hierarchicalforecast 1.5.3, like for like, in one run, as ratios.

Reconciles the committed MinT reference hierarchy (Tests/Reference/Data/hierarchy/mint.json: 8 nodes, 5
bottoms, T = 40 in-sample days, h = 7 incoherent damped-Holt base forecasts; see its README.md) by
`mint_shrink` and `wls_struct` with both libraries on the same arrays, and prints each job's median time,
the peer / Inflow ratio and the largest difference of the reconciled means.

What is timed, on both sides the whole call from inputs already in memory, on one thread:

- peer: `MinTrace(method=m, nonnegative=False).fit_predict(S=S, y_hat=base', y_insample=insample',
  y_hat_insample=fitted')`, as make_mint.py calls it (the object's construction, the residuals for
  mint_shrink, W, the reconciliation matrix P and the means S P y_hat of all 7 horizons);
- Inflow: `inflow-timing mint mint.json N` (Benchmarks/Timing/main.swift): for mint_shrink the residuals
  insample - fitted, then `MinTrace(summing:method:residuals:)` (W and G) and `reconcile` of the 7 base
  vectors.

Each side makes 200 warm-up calls, then times N calls one by one with its monotonic clock
(`time.perf_counter_ns`; Swift's `DispatchTime.now().uptimeNanoseconds`) and takes the median.
OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS and NUMBA_NUM_THREADS are 1 for both processes
(set before numpy is imported; Inflow calls BLAS.setThreadCount(1) too), and the BLAS thread pools numpy
reports are printed. "max rel diff" is max |Inflow - peer| / max |peer| over the 7 x 8 means (the measure
MinTraceTests uses); the bar is 1e-8.

Usage (from Benchmarks/):

    swift build -c release --product inflow-timing --scratch-path .build-timing
    python3 peers/hierarchy/compare_mint.py [path/to/inflow-timing] [--repetitions N]

The script makes a virtual environment in peers/hierarchy/.venv (git-ignored) on first use, installs
hierarchicalforecast==1.5.3 into it from PyPI, and re-runs itself with that interpreter.
"""
import os

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ[_name] = "1"

import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
VENV_PYTHON = os.path.join(VENV, "bin", "python")
PEER = "hierarchicalforecast"
PEER_VERSION = "1.5.3"
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "Tests", "Reference", "Data", "hierarchy", "mint.json"))
DEFAULT_TIMING = os.path.normpath(os.path.join(HERE, "..", "..", ".build-timing", "release", "inflow-timing"))
WARM_UP = 200
REPETITIONS = 2001
TOLERANCE = 1e-8
# Inflow's job name for each hierarchicalforecast method (MinTraceMethod.description).
METHODS = ("mint_shrink", "wls_struct")


def ensure_environment():
    """Re-runs this script in .venv with hierarchicalforecast==1.5.3, making it first if needed."""
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(VENV_PYTHON):
        print(f"making {VENV} and installing {PEER}=={PEER_VERSION} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    check = subprocess.run([VENV_PYTHON, "-c", f"from importlib.metadata import version; print(version('{PEER}'))"],
                           capture_output=True, text=True)
    if check.returncode != 0 or check.stdout.strip() != PEER_VERSION:
        subprocess.run([VENV_PYTHON, "-m", "pip", "install", "--quiet", f"{PEER}=={PEER_VERSION}"], check=True)
    os.execv(VENV_PYTHON, [VENV_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])


def median_seconds(function, repetitions):
    for _ in range(WARM_UP):
        function()
    times = []
    for _ in range(repetitions):
        begin = time.perf_counter_ns()
        function()
        times.append(time.perf_counter_ns() - begin)
    return statistics.median(times) / 1e9


def inflow_results(executable, repetitions):
    output = subprocess.run([executable, "mint", DATA, str(repetitions)], check=True, capture_output=True,
                            text=True).stdout
    return {row["job"].removeprefix("mint "): row for row in map(json.loads, output.splitlines())}


def main():
    ensure_environment()
    import numpy as np
    from importlib.metadata import version
    from hierarchicalforecast.methods import MinTrace
    from threadpoolctl import threadpool_info

    arguments = sys.argv[1:]
    repetitions = REPETITIONS
    if "--repetitions" in arguments:
        index = arguments.index("--repetitions")
        repetitions = int(arguments[index + 1])
        del arguments[index:index + 2]
    executable = arguments[0] if arguments else DEFAULT_TIMING
    assert version(PEER) == PEER_VERSION, f"{PEER} {version(PEER)} is installed, not {PEER_VERSION}"

    reference = json.load(open(DATA))
    S = np.array(reference["S"])
    y_hat = np.array(reference["base"]).T.copy()               # (n, h)
    y_insample = np.array(reference["insample"]).T.copy()      # (n, T)
    y_hat_insample = np.array(reference["fitted"]).T.copy()    # (n, T)

    inflow = inflow_results(executable, repetitions)
    rows = []
    for method in METHODS:
        def call():
            return MinTrace(method=method, nonnegative=False).fit_predict(
                S=S, y_hat=y_hat, y_insample=y_insample, y_hat_insample=y_hat_insample)["mean"]

        peer_seconds = median_seconds(call, repetitions)
        peer_means = np.asarray(call()).T                     # (h, n)
        ours = np.array(inflow[method]["reconciled"])
        difference = float(np.max(np.abs(ours - peer_means)) / np.max(np.abs(peer_means)))
        committed = np.array(reference["reconciled"][method])
        peer_drift = float(np.max(np.abs(peer_means - committed)) / np.max(np.abs(committed)))
        rows.append((method, peer_seconds, inflow[method]["seconds"], difference, peer_drift))

    pools = sorted({(pool["internal_api"], pool["num_threads"]) for pool in threadpool_info()})
    print(f"{PEER} {version(PEER)}, numpy {np.__version__}, Python {sys.version.split()[0]}; "
          f"thread pools {pools}; {repetitions} timed calls after {WARM_UP} warm-up, median")
    print()
    print(f"{'job':32} {'peer':>12} {'Inflow':>12} {'peer / Inflow':>14} {'max rel diff':>13}")
    worst = 0.0
    for method, peer_seconds, inflow_seconds, difference, _ in rows:
        print(f"{'MinTrace ' + method + ' n=8 m=5 h=7':32} {peer_seconds * 1e6:9.1f} us {inflow_seconds * 1e6:9.2f} us "
              f"{peer_seconds / inflow_seconds:14.1f} {difference:13.1e}")
        worst = max(worst, difference)
    print()
    print("peer against the committed mint.json: max rel diff "
          + ", ".join(f"{method} {drift:.1e}" for method, _, _, _, drift in rows))
    if worst > TOLERANCE:
        print(f"FAILED: the reconciled means differ by {worst:.1e} (relative), more than {TOLERANCE:.0e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
