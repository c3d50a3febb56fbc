#ifndef INFLOW_CINFLOWKERNELS_H
#define INFLOW_CINFLOWKERNELS_H

// Vector kernels for Inflow's hot loops: C loops that the compiler vectorises (and, for the weighted
// products, explicit clang vector types), built once per x86-64 level (v4 = AVX-512, v3 = AVX2,
// baseline) and chosen at load time.
// Every clone does the same IEEE operations in the same order (no contraction into FMA),
// so results are bitwise identical on every machine and for any thread count.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// y[i] = exp(x[i]) for i < count; relative error below 2 ulp (see VectorExp.h).
/// x and y may be the same array.
void inflow_exp(const double *x, double *y, ptrdiff_t count);

/// Newton weights of a negative binomial (NB2, log link) IRLS step, for `count` observations:
/// mu = exp(eta + offset), w = max(mu theta (y + theta) / (theta + mu)^2, floor),
/// wz = w eta + theta (y - mu) / (theta + mu).
void inflow_nb2_log_newton_weights(const double *eta, const double *offset, const double *y, double theta,
                                   double floor, double *w, double *wz, ptrdiff_t count);

/// Weights of a Poisson (log link, canonical) IRLS step:
/// mu = max(exp(eta + offset), floor), w = mu, wz = mu eta + (y - mu).
void inflow_poisson_log_weights(const double *eta, const double *offset, const double *y,
                                double floor, double *w, double *wz, ptrdiff_t count);

/// sum_i mu_i - y_i log mu_i over the observations (the Poisson negative log-likelihood without
/// sum log y_i!), or +inf when a mean is negative, not finite, or zero under a positive count; and at the
/// means floored at `floor` the Fisher weights 1 / mu and the score factors 1 - y / mu
/// (score = sum g_i score_factor_i). `terms` holds `count` doubles (the per-observation terms).
double inflow_poisson_negative_log_likelihood_and_factors(const double *y, const double *mu, ptrdiff_t count,
                                                          double floor, double *terms, double *weight,
                                                          double *score_factor);

/// The NB2 negative log-likelihood without sum log y_i!,
/// -sum_i [theta log(theta / (theta + mu_i)) + log Gamma(y_i + theta) - log Gamma(theta) + y_i log(mu_i / (theta + mu_i))]
/// (the bracket's last three terms vanish for y_i = 0), or +inf (the factors then unspecified) for an invalid
/// mean, as the Poisson kernel, or theta not positive and finite; and in the same pass (sharing log(theta + mu)
/// and the recurrence behind log Gamma, psi and psi' of y + theta) the per-observation factors of the score and
/// curvature: weight = theta / (m (theta + mu)) (Fisher's, for mean parameters), score_factor = (y - m) weight,
/// cross_factor = theta (y - m) / (theta + mu)^2 (observed mean-dispersion coupling), with m = max(mu, floor)
/// where the mean divides or multiplies the residual (mu itself elsewhere: theta + mu > 0), and in
/// s = log theta dispersion_score = theta dl/dtheta, dispersion_information =
/// theta^2 (-d2l/dtheta2) - theta dl/dtheta, with
/// dl/dtheta = psi(y + theta) - psi(theta) + log(theta / (theta + mu)) + (mu - y) / (theta + mu),
/// d2l/dtheta2 = psi'(y + theta) - psi'(theta) + 1/theta - 1/(theta + mu) - (mu - y) / (theta + mu)^2
/// at the mean itself (the log in dl/dtheta is the likelihood term's log theta - log(theta + mu)).
/// psi(theta) and psi'(theta) are passed in (the same for every observation).
double inflow_nb2_negative_log_likelihood_and_factors(const double *y, const double *mu, ptrdiff_t count,
                                                      double theta, double floor, double digamma_theta,
                                                      double trigamma_theta, double *terms, double *weight,
                                                      double *score_factor, double *cross_factor,
                                                      double *dispersion_score, double *dispersion_information);

/// The deviance and Pearson chi-square of counts y at means mu, summed in observation order:
/// Poisson (theta = 0) 2 [y log(y / mu) - (y - mu)] and (y - mu)^2 / mu; NB2 (theta > 0)
/// 2 [y log(y / mu) - (y + theta) log((y + theta) / (mu + theta))] and (y - mu)^2 / (mu + mu^2 / theta)
/// (y log(y / mu) is 0 for y = 0).
void inflow_count_deviance(const double *y, const double *mu, ptrdiff_t count, double theta, double *deviance,
                           double *pearson);

/// For observations i < count with gradient rows g_i (8 doubles each at gradients + 8 i, lanes past the
/// parameters zero): score = sum_i g_i score_factor[i], cross = sum_i g_i cross_factor[i] (skipped when
/// cross_factor or cross is NULL), and the first `order` columns of the 8 x 8 column-major
/// curvature = sum_i weight[i] g_i g_i^T (the rest zero). Sums run in observation order.
void inflow_accumulate_weighted_products(const double *gradients, const double *weight,
                                         const double *score_factor, const double *cross_factor,
                                         ptrdiff_t count, ptrdiff_t order, double *score,
                                         double *cross, double *curvature);

/// The logistic curve C(t) = k / (1 + exp(-r (t - t0))) at `count` times, and when `gradients` is not NULL
/// its gradient (dC/dk, dC/dr, dC/dt0, then five zeros) as 8 doubles per time.
void inflow_logistic_cumulative(const double *times, ptrdiff_t count, double k, double r, double t0,
                                double *values, double *gradients);

/// The Richards curve C(t) = k (1 + exp(-r (t - t0)))^(-1/nu) = k exp(-softplus(-r (t - t0)) / nu), and when
/// `gradients` is not NULL (dC/dk, dC/dr, dC/dt0, dC/dnu, then four zeros) per time.
void inflow_richards_cumulative(const double *times, ptrdiff_t count, double k, double r, double t0, double nu,
                                double *values, double *gradients);

/// sum_i weights[i] d2C(times[i]) / dtheta dtheta^T for the logistic (k, r, t0) and Richards (k, r, t0, nu)
/// curves, in the leading 3 x 3 or 4 x 4 block of the 8 x 8 column-major `hessian` (the rest zero): the
/// curvature of the means that an observed information needs, without differencing the gradients.
void inflow_logistic_hessian_contraction(const double *times, const double *weights, ptrdiff_t count,
                                         double k, double r, double t0, double *hessian);
void inflow_richards_hessian_contraction(const double *times, const double *weights, ptrdiff_t count,
                                         double k, double r, double t0, double nu, double *hessian);

/// Interval-count means from a curve on a grid: means[i] = values[end[i]] - values[start[i]] + beta exposure[i],
/// and when `gradients` is not NULL the mean gradients' rows (8 doubles each) as the same differences.
/// `contiguous` (nonzero) promises start[i] = i and end[i] = i + 1 for every i (the grid knows it): the
/// differences are then streamed, with the same bits.
void inflow_interval_means(const double *values, const double *gradients, const ptrdiff_t *start,
                           const ptrdiff_t *end, int contiguous, ptrdiff_t count, double beta,
                           const double *exposure, double *means, double *mean_gradients);

/// Kernels exposed for testing the vector special functions against references, one value per element:
/// log(x), log Gamma(x) for x > 0, psi(x) and psi'(x) for x > 0.
void inflow_log(const double *x, double *y, ptrdiff_t count);
void inflow_log_gamma_positive_array(const double *x, double *y, ptrdiff_t count);
void inflow_digamma_trigamma_positive_array(const double *x, double *digamma, double *trigamma, ptrdiff_t count);
/// log Gamma(x), psi(x) and psi'(x) for x > 0 from their shared recurrence (the form the NB2 likelihood uses).
void inflow_log_gamma_digamma_trigamma_positive_array(const double *x, double *log_gamma, double *digamma,
                                                      double *trigamma, ptrdiff_t count);

#ifdef __cplusplus
}
#endif

#endif
