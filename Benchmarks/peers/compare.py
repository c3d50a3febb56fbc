"""Inflow against R and Python on the same jobs, in one run, as peer/Inflow ratios (issue 18, item 1).

Every row is the same model, likelihood, data, start and convergence settings on both sides, one thread everywhere
(OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = MKL_NUM_THREADS = 1, set before numpy loads and passed to R and
inflow-timing; inflow-timing also calls BLAS.setThreadCount(1)), and timed the same way: `warm-up` untimed calls, then
the median of N calls each timed inside the process on the monotonic clock (Python time.perf_counter, R through
monotonic.c, Swift DispatchTime), the same N and warm-up on every side (settings.csv). Only the whole-process rows are
timed from outside: the median over N runs (after one untimed) of each command's wall time, start-up included, and of
its CPU time (user + system, getrusage of the children), which other load on the machine disturbs less.

Steps: make_data.py writes the inputs into a work directory, with settings.csv; `inflow-timing peers DIR` and
`Rscript peers.R DIR` print one JSON line per job; the Python peers run here. Each row then prints the maximum relative
difference of the estimates (and, separately, of the log-likelihood or residual sum of squares) between the peer and
Inflow; if any exceeds its named tolerance the script says which and exits with status 1 after printing the table.

Jobs (what each side does is in the row's notes and in peers.R / PeerTiming.swift):
  poisson-glm-9         Poisson GLM, log mu = b0 + b1 t + b2 t^2, nine days: R glm.fit vs IRLS.fit (epsilon 1e-10, maxit 50)
  nb2-glm-9             the same with NB2, theta by ML: MASS::glm.nb vs LogLinearModel.fit
  ls-logistic-9         logistic daily counts by least squares: nls.lm / nlsLM / scipy least_squares(lm) vs
                        LevenbergMarquardt on the same residuals (ftol, xtol, gtol, step bound 100)
  nb2-logistic-N-*      logistic NB2 by ML (N = 9, 60 days) from one start: optim BFGS / scipy BFGS / statsmodels vs
                        Inflow's solver alone, its single-start fit, and its default multi-start fit
  poisson-glm-9-model   the same against LogLinearModel.fit (IRLS plus standard errors and log-likelihood)
  poisson-glm-1000      1,000 Poisson GLMs of 60 days, one design: glm.fit loop vs IRLS.fit loop
  poisson-glm-1000-batched  the same R loop vs BatchedGLM.fit (all 1,000 series in one call)
  ls-logistic-1000      1,000 logistic series of 60 days by least squares: scipy / nls.lm loops vs LM loop
  bootstrap-refits      B = 1,000 NB2 refits of identical replicate data from the same estimate: L-BFGS-B (R, scipy)
                        vs CurveRefitter, function test 1e-10, gradient 1e-10
  bootstrap-projection  the whole bootstrap as CurveProjector does it (n/(n-k) inflation, refits, 30 future days)
  project (process)     inflow project --curve logistic --threads 1 vs project_peer.py, B = 1,000

Usage (from Benchmarks/):
    swift build -c release --product inflow-timing --scratch-path .build-timing
    python3 peers/compare.py --timing .build-timing/release/inflow-timing --inflow PATH/TO/inflow
Options: --small N (repetitions of single fits, default 201), --large N (of 1,000-series jobs, default 5),
--process N (whole-process runs, default 5), --work DIR (default a fresh temporary directory), --skip-r,
--skip-process. INFLOW_TIMING_ONLY=job[,job] runs only those jobs on every side.
Needs numpy, scipy, statsmodels; R with MASS and minpack.lm; a C compiler (for monotonic.c).
"""
import os

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from scipy import optimize  # noqa: E402
from statsmodels.base.model import GenericLikelihoodModel  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import logistic_nb2 as model  # noqa: E402
import make_data  # noqa: E402
import project_peer  # noqa: E402

# Settings every side reads from settings.csv.
SETTINGS = {
    "warmup_small": 20,
    "warmup_large": 1,
    # IRLS (R glm.control, Inflow IRLS.Options): |D - D_old| / (|D| + 0.1) < epsilon, at most maxit solves.
    "irls_tolerance": 1e-10,
    "irls_maxit": 50,
    # Least squares: MINPACK's ftol / xtol (ptol) / gtol and step bound factor (scipy's 'lm' fixes factor = 100);
    # Inflow's functionTolerance / parameterTolerance / gradientTolerance / initialStepBound take the same numbers.
    "ls_ftol": 1e-12,
    "ls_xtol": 1e-10,
    "ls_gtol": 1e-10,
    "ls_factor": 100,
    "ls_maxiter": 200,
    # NB2 fits: Inflow's curve defaults (FitOptions.defaultSolverOptions): relative function change 1e-15, gradient
    # 1e-10; R optim BFGS gets reltol 1e-15, scipy BFGS and statsmodels gtol 1e-10 (max-norm of the gradient).
    "nb_ftol": 1e-15,
    "nb_gtol": 1e-10,
    "nb_maxiter": 1000,
    # Bootstrap refits: CurveProjector's refit tolerances (function 1e-10, step 1e-8, gradient 1e-10); L-BFGS-B's
    # factr / ftol is the same relative function test and its pgtol / gtol the same projected-gradient test.
    "refit_ftol": 1e-10,
    "refit_xtol": 1e-8,
    "refit_gtol": 1e-10,
}

# Agreement required between a peer's estimates and Inflow's (maximum relative difference over all estimates).
# Single fits run to tight tolerances: 1e-6 leaves room for the linear convergence of NB2 Fisher scoring
# (IRLS.Options: 1e-10 on the deviance leaves about 1e-6 relative in the coefficients).
FIT_TOLERANCE = 1e-6
# The same for the log-likelihood or residual sum of squares (relative).
OBJECTIVE_TOLERANCE = 1e-9
# Bootstrap refits stop at a relative function change of 1e-10: estimates agree to about sqrt(1e-10) in the flattest
# direction (log theta), objectives to about 1e-10 of the log-likelihood.
REFIT_TOLERANCE = 1e-3
REFIT_OBJECTIVE_TOLERANCE = 1e-8
# Inflow jobs measured against another job's peers (the same work done another way).
PEER_JOB = {"poisson-glm-9-model": "poisson-glm-9", "poisson-glm-1000-batched": "poisson-glm-1000"}

# Monte Carlo: the median final size of two bootstraps with different random streams (B = 1,000).
MONTE_CARLO_TOLERANCE = 0.01


def median_time(function, repetitions, warmup):
    """Median seconds of `repetitions` calls after `warmup` calls, each timed with time.perf_counter."""
    result = None
    for _ in range(warmup):
        result = function()
    times = []
    for _ in range(repetitions):
        begin = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


class LogisticNB2(GenericLikelihoodModel):
    """The logistic NB2 model for statsmodels, with the analytic score (logistic_nb2.py), in the parameters
    z = (K, r, t0, log theta) / scale (logistic_nb2.parameter_scale: BFGS needs comparable units)."""

    def __init__(self, endog, exog, scale, **keywords):
        self.parameter_scale = scale
        super().__init__(endog, exog, **keywords)

    def loglikeobs(self, params):
        return model.nb2_loglik_per_observation(params * self.parameter_scale, self.endog)

    def score_obs(self, params):
        return model.nb2_score_per_observation(params * self.parameter_scale, self.endog) * self.parameter_scale

    def score(self, params):
        return self.score_obs(params).sum(axis=0)


def python_jobs(work, only, small, large):
    """The Python peers, as (job, peer, seconds, estimates, objectives, converged, detail)."""
    read = np.loadtxt
    nine = read(os.path.join(work, "nine.csv"), delimiter=",", skiprows=1)[:, 1]
    sixty = read(os.path.join(work, "sixty.csv"), delimiter=",", skiprows=1)[:, 1]
    starts = {row[0]: np.array([float(v) for v in row[1:]])
              for row in (line.strip().split(",") for line in open(os.path.join(work, "starts.csv")).readlines()[1:])}
    s = SETTINGS
    warm_small, warm_large = s["warmup_small"], s["warmup_large"]
    results = []

    def wanted(job):
        return only is None or job in only

    def least_squares(counts, start):
        return optimize.least_squares(model.residuals, start, jac=model.residual_jacobian, args=(counts,), method="lm",
                                      ftol=s["ls_ftol"], xtol=s["ls_xtol"], gtol=s["ls_gtol"], x_scale="jac",
                                      max_nfev=100 * s["ls_maxiter"])

    if wanted("ls-logistic-9"):
        seconds, fit = median_time(lambda: least_squares(nine, starts["nine"][:3]), small, warm_small)
        # The Python callbacks MINPACK makes: one residual and one Jacobian evaluation at the optimum.
        callback, _ = median_time(lambda: (model.residuals(fit.x, nine), model.residual_jacobian(fit.x, nine)),
                                  small, warm_small)
        results.append(("ls-logistic-9", "scipy least_squares(lm)", seconds, fit.x, [2 * fit.cost], int(fit.success),
                        f"analytic Jacobian, {fit.nfev} residual and {fit.njev} Jacobian calls; one residual + one "
                        f"Jacobian call {callback * 1e6:.1f} us"))

    for name, counts, key in [("9", nine, "nine"), ("60", sixty, "sixty")]:
        start = starts[key]
        if wanted(f"nb2-logistic-{name}-solver"):
            scale = model.parameter_scale(start)

            def bfgs():
                result = optimize.minimize(model.scaled_nb2_objective(scale), start / scale, args=(counts,), jac=True,
                                           method="BFGS", options={"gtol": s["nb_gtol"], "maxiter": s["nb_maxiter"]})
                result.x = result.x * scale
                return result
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                seconds, fit = median_time(bfgs, small, warm_small)
            results.append((f"nb2-logistic-{name}-solver", "scipy minimize BFGS", seconds, fit.x, [-fit.fun],
                            int(fit.success or "precision" in fit.message),
                            f"analytic gradient, {fit.nfev} evaluations, {fit.message}"))
        if wanted(f"nb2-logistic-{name}-single") or wanted(f"nb2-logistic-{name}-multi"):
            def statsmodels_fit():
                scale = model.parameter_scale(start)
                return LogisticNB2(counts, np.ones((len(counts), 1)), scale).fit(
                    start_params=start / scale, method="bfgs", gtol=s["nb_gtol"], maxiter=s["nb_maxiter"], disp=0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                seconds, fit = median_time(statsmodels_fit, small, warm_small)
            for variant in ("single", "multi"):
                results.append((f"nb2-logistic-{name}-{variant}", "statsmodels GenericLikelihoodModel BFGS", seconds,
                                fit.params * model.parameter_scale(start), [fit.llf], int(fit.mle_retvals["converged"]),
                                "analytic score, one start, covariance from its numerical Hessian"))

    if wanted("ls-logistic-1000"):
        rows = read(os.path.join(work, "logistic-many.csv"), delimiter=",", skiprows=1)

        def loop():
            return [least_squares(row[3:], row[:3]) for row in rows]
        seconds, fits = median_time(loop, large, warm_large)
        results.append(("ls-logistic-1000", "scipy least_squares(lm) loop", seconds,
                        np.concatenate([f.x for f in fits]), [2 * f.cost for f in fits],
                        sum(int(f.success) for f in fits),
                        f"analytic Jacobian per series, {sum(f.nfev for f in fits)} residual and "
                        f"{sum(f.njev for f in fits)} Jacobian calls in all"))

    if wanted("bootstrap-refits"):
        replicates = read(os.path.join(work, "bootstrap.csv"), delimiter=",", skiprows=1)
        estimate = read(os.path.join(work, "bootstrap-start.csv"), delimiter=",", skiprows=1)
        options = {"ftol": s["refit_ftol"], "gtol": s["refit_gtol"], "maxiter": 10_000}

        def refits():
            return [project_peer.fit(replicate, estimate, options) for replicate in replicates]
        seconds, fits = median_time(refits, large, warm_large)
        results.append(("bootstrap-refits", "scipy L-BFGS-B loop", seconds, np.concatenate([f.x for f in fits]),
                        [-f.fun for f in fits], sum(int(f.success) for f in fits),
                        f"analytic gradient per replicate, {sum(f.nfev for f in fits)} evaluations in all"))

    if wanted("bootstrap-projection"):
        estimate = read(os.path.join(work, "bootstrap-start.csv"), delimiter=",", skiprows=1)
        seconds, (final_sizes, _) = median_time(lambda: project_peer.bootstrap(sixty, estimate, 1000, 1), large, warm_large)
        results.append(("bootstrap-projection", "scipy (project_peer.bootstrap)", seconds, [np.median(final_sizes)], [],
                        1000, "inflation, L-BFGS-B refits, 30 future days; estimate: median final size"))
    return results


def json_lines(command, env):
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def relative_difference(peer, ours):
    peer, ours = np.asarray(peer, dtype=float), np.asarray(ours, dtype=float)
    if peer.size == 0 or ours.size == 0:
        return float("nan")
    if peer.shape != ours.shape:
        return float("inf")
    scale = np.maximum(np.maximum(np.abs(peer), np.abs(ours)), 1e-300)
    return float(np.max(np.abs(peer - ours) / scale))


def readable(seconds):
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def process_times(inflow, runs, env):
    """Whole-process medians (perf_counter around subprocess.run) of inflow project and project_peer.py on the 60-day
    file, and of their bare start-up (`inflow --version`; python3 importing numpy and scipy.optimize)."""
    data = os.path.join(HERE, "logistic-nb2-60-days.csv")
    commands = {
        "inflow": [inflow, "project", "--data", data, "--curve", "logistic", "--error", "negative-binomial",
                   "--background", "none", "--ensemble", "none", "--threads", "1", "--bootstrap", "1000", "--quiet"],
        "python": [sys.executable, os.path.join(HERE, "project_peer.py"), data, "1000"],
        "inflow start-up": [inflow, "--version"],
        "python start-up": [sys.executable, "-c", "import numpy, scipy.optimize, scipy.special"],
    }
    times, cpu = {}, {}
    for name, command in commands.items():
        samples, cpu_samples = [], []
        for _ in range(runs + 1):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            begin = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env)
            samples.append(time.perf_counter() - begin)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_samples.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        times[name] = statistics.median(samples[1:])
        cpu[name] = statistics.median(cpu_samples[1:])
    return times, cpu, commands


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timing", default=os.path.join(HERE, "..", ".build-timing", "release", "inflow-timing"))
    parser.add_argument("--inflow", default=None, help="the inflow command (release build) for the whole-process row")
    parser.add_argument("--small", type=int, default=201)
    parser.add_argument("--large", type=int, default=5)
    parser.add_argument("--process", type=int, default=5)
    parser.add_argument("--work", default=None)
    parser.add_argument("--skip-r", action="store_true")
    parser.add_argument("--skip-process", action="store_true")
    arguments = parser.parse_args()
    only_text = os.environ.get("INFLOW_TIMING_ONLY")
    only = set(only_text.split(",")) if only_text else None

    work = arguments.work or tempfile.mkdtemp(prefix="inflow-peers-")
    make_data.write_all(work)
    settings = dict(SETTINGS, repetitions_small=arguments.small, repetitions_large=arguments.large)
    with open(os.path.join(work, "settings.csv"), "w") as file:
        file.write("name,value\n" + "".join(f"{k},{v!r}\n" for k, v in settings.items()))
    SETTINGS.update(settings)
    env = dict(os.environ)
    if only:
        only |= {PEER_JOB[job] for job in only if job in PEER_JOB}
        env["INFLOW_TIMING_ONLY"] = ",".join(sorted(only))

    load_before = os.getloadavg()
    records = [dict(r, side="inflow") for r in json_lines([arguments.timing, "peers", work], env)]
    inflow = {r["job"]: r for r in records}
    peers = []
    if not arguments.skip_r:
        compiler = shutil.which("cc") or shutil.which("gcc")
        subprocess.run([compiler, "-O2", "-shared", "-fPIC", os.path.join(HERE, "monotonic.c"), "-o",
                        os.path.join(work, "monotonic.so")], check=True)
        peers += json_lines(["Rscript", os.path.join(HERE, "peers.R"), work], env)
    for job, peer, seconds, estimates, objectives, converged, detail in python_jobs(
            work, only, arguments.small, arguments.large):
        peers.append({"job": job, "side": peer, "seconds": seconds, "estimates": list(map(float, estimates)),
                      "objectives": list(map(float, objectives)), "converged": converged, "detail": detail})

    order = ["poisson-glm-9", "poisson-glm-9-model", "nb2-glm-9", "ls-logistic-9", "nb2-logistic-9-solver", "nb2-logistic-9-single",
             "nb2-logistic-9-multi", "nb2-logistic-60-solver", "nb2-logistic-60-single", "nb2-logistic-60-multi",
             "poisson-glm-1000", "poisson-glm-1000-batched", "ls-logistic-1000", "bootstrap-refits", "bootstrap-projection"]
    tolerances = {"bootstrap-refits": (REFIT_TOLERANCE, REFIT_OBJECTIVE_TOLERANCE),
                  "bootstrap-projection": (MONTE_CARLO_TOLERANCE, None)}
    failures = []
    lines = ["| job | peer | peer time | Inflow time | peer/Inflow | max rel diff (estimates; objective) | converged (peer/Inflow) |",
             "|---|---|---|---|---|---|---|"]
    for job in order:
        if job not in inflow:
            continue
        ours = inflow[job]
        for peer in (p for p in peers if p["job"] == PEER_JOB.get(job, job)):
            estimate_tolerance, objective_tolerance = tolerances.get(job, (FIT_TOLERANCE, OBJECTIVE_TOLERANCE))
            estimates = relative_difference(peer["estimates"], ours["estimates"])
            objective = relative_difference(peer["objectives"], ours["objectives"])
            if not estimates <= estimate_tolerance:
                failures.append(f"{job} / {peer['side']}: estimates differ by {estimates:.2e} > {estimate_tolerance:g}")
            if objective_tolerance is not None and not objective <= objective_tolerance:
                failures.append(f"{job} / {peer['side']}: objectives differ by {objective:.2e} > {objective_tolerance:g}")
            ratio = peer["seconds"] / ours["seconds"]
            lines.append(f"| {job} | {peer['side']} | {readable(peer['seconds'])} | {readable(ours['seconds'])} | "
                         f"{ratio:.1f}x | {estimates:.1e}; {objective:.1e} | {peer['converged']}/{ours['converged']} |")

    if not arguments.skip_process and arguments.inflow and (only is None or "project" in only):
        times, cpu, commands = process_times(arguments.inflow, arguments.process, env)
        lines.append(f"| project, whole process (start-up: Python {readable(times['python start-up'])}, "
                     f"Inflow {readable(times['inflow start-up'])}) | project_peer.py (scipy) | "
                     f"{readable(times['python'])} | {readable(times['inflow'])} | "
                     f"{times['python'] / times['inflow']:.1f}x | (stochastic) | |")
        lines.append(f"| project, whole process, CPU time (user + system; start-up: Python "
                     f"{readable(cpu['python start-up'])}, Inflow {readable(cpu['inflow start-up'])}) | project_peer.py "
                     f"(scipy) | {readable(cpu['python'])} | {readable(cpu['inflow'])} | "
                     f"{cpu['python'] / cpu['inflow']:.1f}x | | |")
        print("whole-process commands:", " ".join(commands["inflow"]), "|", " ".join(commands["python"]))

    print("\n".join(lines))
    print()
    for record in records + peers:
        print(f"- {record['job']} / {record['side']}: {record.get('detail', '')}")
    print(f"\nwork directory: {work}; settings: {json.dumps(settings)}")
    print("load average (1, 5, 15 min) before: %.2f %.2f %.2f, after: %.2f %.2f %.2f (2 cores: above 1 another job ran "
          "beside this one; repeat at a quiet moment)" % (*load_before, *os.getloadavg()))
    if failures:
        print("\nDISAGREEMENT beyond tolerance:\n  " + "\n  ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
