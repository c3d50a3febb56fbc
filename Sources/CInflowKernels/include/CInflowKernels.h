#ifndef INFLOW_CINFLOWKERNELS_H
#define INFLOW_CINFLOWKERNELS_H

// Vector kernels for Inflow's hot loops: plain C loops that the compiler vectorises,
// built once per x86-64 level (v4 = AVX-512, v3 = AVX2, baseline) and chosen at load time.
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

#ifdef __cplusplus
}
#endif

#endif
