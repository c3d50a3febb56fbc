"""The logistic curve's daily means and their NB2 and least-squares objectives, with analytic derivatives.

The same model Inflow fits with `Logistic()` on daily counts (`Sources/InflowModels/Logistic.swift`,
`CurveLikelihood.swift`):

    C(t) = K / (1 + exp(-r (t - t0))),   mu_d = C(d + 1) - C(d)   (the count of day d, days 0..n-1)

    NB2:  -l = -sum_d [lgamma(y + th) - lgamma(th) - lgamma(y + 1) + th log(th / (th + mu)) + y log(mu / (th + mu))]
          in the parameters (K, r, t0, s = log th);
    least squares: residuals mu_d - y_d, objective RSS / 2.

Derivatives (s = sigmoid(r (t - t0))): dC/dK = s, dC/dr = K s (1 - s)(t - t0), dC/dt0 = -K r s (1 - s);
dl/dmu = y / mu - (y + th) / (th + mu); dl/dth = psi(y + th) - psi(th) + log(th / (th + mu)) + 1 - (y + th) / (th + mu).
Cost per evaluation: O(n) exponentials, lgammas and digammas, vectorised by numpy.
"""
import numpy as np
from scipy import special

# Inflow's bounds (Logistic.parameters and negativeBinomialLogThetaBounds): K >= 0, r >= 0, log theta in [-10, 23].
NB2_BOUNDS = [(0.0, None), (0.0, None), (None, None), (-10.0, 23.0)]


def cumulative_and_gradient(params, times):
    """C(t) and its gradient rows (len(times) x 3) at `times`."""
    k, r, t0 = params[0], params[1], params[2]
    s = special.expit(r * (times - t0))
    slope = s * (1.0 - s)
    gradient = np.empty((len(times), 3))
    gradient[:, 0] = s
    gradient[:, 1] = k * slope * (times - t0)
    gradient[:, 2] = -k * r * slope
    return k * s, gradient


def means(params, n):
    """mu_d = C(d + 1) - C(d), d = 0..n-1."""
    values, _ = cumulative_and_gradient(params, np.arange(n + 1, dtype=float))
    return values[1:] - values[:-1]


def means_and_jacobian(params, n):
    """mu (n) and d mu / d (K, r, t0) (n x 3)."""
    values, gradient = cumulative_and_gradient(params, np.arange(n + 1, dtype=float))
    return values[1:] - values[:-1], gradient[1:] - gradient[:-1]


def residuals(params, counts):
    """mu_d - y_d."""
    return means(params, len(counts)) - counts


def residual_jacobian(params, counts):
    """d (mu_d - y_d) / d (K, r, t0)."""
    return means_and_jacobian(params, len(counts))[1]


def nb2_negative_loglik(params, counts):
    """-l(K, r, t0, log theta), every constant kept."""
    mu = means(params, len(counts))
    theta = np.exp(params[3])
    if not np.all(mu > 0):
        return np.inf
    return -np.sum(special.gammaln(counts + theta) - special.gammaln(theta) - special.gammaln(counts + 1)
                   + theta * np.log(theta / (theta + mu)) + counts * np.log(mu / (theta + mu)))


def nb2_negative_loglik_and_gradient(params, counts):
    """(-l, -dl/d(K, r, t0, log theta)), for optimisers that take both at once (jac=True)."""
    mu, jacobian = means_and_jacobian(params, len(counts))
    theta = np.exp(params[3])
    if not np.all(mu > 0):
        return np.inf, np.full(4, np.nan)
    ratio = (counts + theta) / (theta + mu)
    value = -np.sum(special.gammaln(counts + theta) - special.gammaln(theta) - special.gammaln(counts + 1)
                    + theta * np.log(theta / (theta + mu)) + counts * np.log(mu / (theta + mu)))
    dmu = counts / mu - ratio
    dtheta = np.sum(special.digamma(counts + theta) - special.digamma(theta) + np.log(theta / (theta + mu)) + 1 - ratio)
    gradient = np.empty(4)
    gradient[:3] = -(dmu @ jacobian)
    gradient[3] = -theta * dtheta
    return value, gradient


def nb2_loglik_per_observation(params, counts):
    """l_d for each day (statsmodels' loglikeobs)."""
    mu = means(params, len(counts))
    theta = np.exp(params[3])
    return (special.gammaln(counts + theta) - special.gammaln(theta) - special.gammaln(counts + 1)
            + theta * np.log(theta / (theta + mu)) + counts * np.log(mu / (theta + mu)))


def nb2_score_per_observation(params, counts):
    """dl_d / d(K, r, t0, log theta) for each day (n x 4)."""
    mu, jacobian = means_and_jacobian(params, len(counts))
    theta = np.exp(params[3])
    ratio = (counts + theta) / (theta + mu)
    scores = np.empty((len(counts), 4))
    scores[:, :3] = (counts / mu - ratio)[:, None] * jacobian
    scores[:, 3] = theta * (special.digamma(counts + theta) - special.digamma(theta)
                            + np.log(theta / (theta + mu)) + 1 - ratio)
    return scores


def data_driven_start(counts, theta=10.0):
    """Inflow's first data-driven logistic start (Logistic.swift): t0 at the largest count (mid-day), K = 1.2 x the
    total, r = max(4 peak / K, 0.05); with log theta for NB2."""
    peak = int(np.argmax(counts))
    k0 = 1.2 * float(np.sum(counts))
    return np.array([k0, max(4.0 * counts[peak] / k0, 0.05), peak + 0.5, np.log(theta)])


def parameter_scale(start):
    """Units for the optimisers: |start| (1 where the start is 0), R optim's `parscale`. BFGS and L-BFGS-B are not
    invariant to the parameters' units: with K ~ 1e3 beside r ~ 0.2 they stop on the function test far from the
    optimum (without it 446 of the 1,000 bootstrap refits of compare.py stop short, a median 0.057 log-likelihood
    units); Inflow's Levenberg-Marquardt scales by the curvature's diagonal (Moré 1978) for the same reason."""
    scale = np.abs(np.asarray(start, dtype=float))
    return np.where(scale > 0, scale, 1.0)


def scaled_nb2_objective(scale):
    """(-l, -dl/dz) in the scaled parameters z = params / scale."""
    def objective(z, counts):
        value, gradient = nb2_negative_loglik_and_gradient(z * scale, counts)
        return value, gradient * scale
    return objective


def scaled_bounds(scale):
    """NB2_BOUNDS in the scaled parameters."""
    return [(None if lo is None else lo / s, None if hi is None else hi / s) for (lo, hi), s in zip(NB2_BOUNDS, scale)]
