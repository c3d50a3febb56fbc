#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorSpecialFunctions.h"

// Sums in a fixed order (observation 0 first), so the value does not depend on the clone.
static double inflow_sum(const double *terms, ptrdiff_t count) {
    double total = 0.0;
    for (ptrdiff_t i = 0; i < count; i++) total += terms[i];
    return total;
}

// 1 when a mean cannot carry a count likelihood: negative, NaN or infinite, or zero under a positive count.
static inline __attribute__((always_inline)) int64_t inflow_invalid_mean(double m, double y) {
    return (int64_t)(!(m >= 0.0) | (m == __builtin_inf()) | ((y > 0.0) & (m == 0.0)));
}

INFLOW_KERNEL
static int64_t inflow_poisson_terms(const double *restrict y, const double *restrict mu, ptrdiff_t count,
                                    double floor, double *restrict terms, double *restrict weight,
                                    double *restrict score_factor) {
    int64_t invalid = 0;
    for (ptrdiff_t i = 0; i < count; i++) {
        double m = mu[i], yi = y[i];
        invalid |= inflow_invalid_mean(m, yi);
        double safe = m > 0.0 ? m : 1.0;
        terms[i] = yi > 0.0 ? m - yi * inflow_log_scalar(safe) : m;
        double floored = m > floor ? m : floor;
        weight[i] = 1.0 / floored;
        score_factor[i] = 1.0 - yi / floored;
    }
    return invalid;
}

double inflow_poisson_negative_log_likelihood_and_factors(const double *y, const double *mu, ptrdiff_t count,
                                                          double floor, double *terms, double *weight,
                                                          double *score_factor) {
    if (inflow_poisson_terms(y, mu, count, floor, terms, weight, score_factor)) return __builtin_inf();
    return inflow_sum(terms, count);
}

// One observation's NB2 score and curvature factors (see inflow_nb2_negative_log_likelihood_and_factors in
// CInflowKernels.h), given psi(y + theta) and psi'(y + theta).
static inline __attribute__((always_inline)) void
inflow_nb2_factors(double yi, double mu, double theta, double floor, double digamma_y, double trigamma_y,
                   double digamma_theta, double trigamma_theta, ptrdiff_t i, double *restrict weight,
                   double *restrict score_factor, double *restrict cross_factor, double *restrict dispersion_score,
                   double *restrict dispersion_information) {
    double m = mu > floor ? mu : floor;
    double inverse = 1.0 / (theta + m);
    double w = theta * inverse / m;
    double residual = yi - m;
    weight[i] = w;
    score_factor[i] = residual * w;
    cross_factor[i] = theta * residual * inverse * inverse;
    // y = 0: psi(theta) - psi(theta) and psi'(theta) - psi'(theta) vanish exactly.
    double digamma_difference = yi > 0.0 ? digamma_y - digamma_theta : 0.0;
    double trigamma_difference = yi > 0.0 ? trigamma_y - trigamma_theta : 0.0;
    double excess = (m - yi) * inverse;
    double d_theta = digamma_difference + inflow_log_scalar(theta * inverse) + excess;
    double second = trigamma_difference + 1.0 / theta - inverse - excess * inverse;
    double ds = theta * d_theta;
    dispersion_score[i] = ds;
    dispersion_information[i] = theta * theta * -second - ds;
}

INFLOW_KERNEL
static int64_t inflow_nb2_terms_and_factors(const double *restrict y, const double *restrict mu, ptrdiff_t count,
                                            double theta, double log_theta, double log_gamma_theta, double floor,
                                            double digamma_theta, double trigamma_theta, double *restrict terms,
                                            double *restrict weight, double *restrict score_factor,
                                            double *restrict cross_factor, double *restrict dispersion_score,
                                            double *restrict dispersion_information) {
    int64_t invalid = 0;
    for (ptrdiff_t i = 0; i < count; i++) {
        double m = mu[i], yi = y[i];
        invalid |= inflow_invalid_mean(m, yi);
        double safe = m > 0.0 ? m : 1.0;
        double log_gamma_y, digamma_y, trigamma_y;
        inflow_log_gamma_digamma_trigamma_positive(yi + theta, &log_gamma_y, &digamma_y, &trigamma_y);
        double log_theta_plus_mu = inflow_log_scalar(theta + m);
        double ll = theta * (log_theta - log_theta_plus_mu);
        double counted = log_gamma_y - log_gamma_theta + yi * (inflow_log_scalar(safe) - log_theta_plus_mu);
        terms[i] = yi > 0.0 ? -(ll + counted) : -ll;
        inflow_nb2_factors(yi, m, theta, floor, digamma_y, trigamma_y, digamma_theta, trigamma_theta, i,
                           weight, score_factor, cross_factor, dispersion_score, dispersion_information);
    }
    return invalid;
}

double inflow_nb2_negative_log_likelihood_and_factors(const double *y, const double *mu, ptrdiff_t count,
                                                      double theta, double floor, double digamma_theta,
                                                      double trigamma_theta, double *terms, double *weight,
                                                      double *score_factor, double *cross_factor,
                                                      double *dispersion_score, double *dispersion_information) {
    if (!(theta > 0.0) || theta == __builtin_inf()) return __builtin_inf();
    if (inflow_nb2_terms_and_factors(y, mu, count, theta, inflow_log_scalar(theta), inflow_log_gamma_positive(theta),
                                     floor, digamma_theta, trigamma_theta, terms, weight, score_factor, cross_factor,
                                     dispersion_score, dispersion_information)) {
        return __builtin_inf();
    }
    return inflow_sum(terms, count);
}
