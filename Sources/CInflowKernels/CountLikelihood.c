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

INFLOW_KERNEL
static int64_t inflow_poisson_terms(const double *restrict y, const double *restrict mu, ptrdiff_t count,
                                    double *restrict terms) {
    int64_t invalid = 0;
    for (ptrdiff_t i = 0; i < count; i++) {
        double m = mu[i], yi = y[i];
        // Invalid: a negative or non-finite mean, or a zero mean under a positive count.
        invalid |= (int64_t)(!(m >= 0.0) | (m == __builtin_inf()) | ((yi > 0.0) & (m == 0.0)));
        double safe = m > 0.0 ? m : 1.0;
        terms[i] = yi > 0.0 ? m - yi * inflow_log_scalar(safe) : m;
    }
    return invalid;
}

double inflow_poisson_negative_log_likelihood(const double *y, const double *mu, ptrdiff_t count, double *scratch) {
    if (inflow_poisson_terms(y, mu, count, scratch)) return __builtin_inf();
    return inflow_sum(scratch, count);
}

INFLOW_KERNEL
static int64_t inflow_nb2_terms(const double *restrict y, const double *restrict mu, ptrdiff_t count, double theta,
                                double log_theta, double log_gamma_theta, double *restrict terms) {
    int64_t invalid = 0;
    for (ptrdiff_t i = 0; i < count; i++) {
        double m = mu[i], yi = y[i];
        invalid |= (int64_t)(!(m >= 0.0) | (m == __builtin_inf()) | ((yi > 0.0) & (m == 0.0)));
        double safe = m > 0.0 ? m : 1.0;
        double log_theta_plus_mu = inflow_log_scalar(theta + m);
        double ll = theta * (log_theta - log_theta_plus_mu);
        double counted = inflow_log_gamma_positive(yi + theta) - log_gamma_theta
            + yi * (inflow_log_scalar(safe) - log_theta_plus_mu);
        terms[i] = yi > 0.0 ? -(ll + counted) : -ll;
    }
    return invalid;
}

double inflow_nb2_negative_log_likelihood(const double *y, const double *mu, ptrdiff_t count, double theta,
                                          double *scratch) {
    if (!(theta > 0.0) || theta == __builtin_inf()) return __builtin_inf();
    if (inflow_nb2_terms(y, mu, count, theta, inflow_log_scalar(theta), inflow_log_gamma_positive(theta), scratch)) {
        return __builtin_inf();
    }
    return inflow_sum(scratch, count);
}

INFLOW_KERNEL
void inflow_nb2_evaluation_terms(const double *restrict y, const double *restrict mu, ptrdiff_t count, double theta,
                                 double floor, double digamma_theta, double trigamma_theta,
                                 double *restrict weight, double *restrict score_factor, double *restrict cross_factor,
                                 double *restrict dispersion_score, double *restrict dispersion_information) {
    for (ptrdiff_t i = 0; i < count; i++) {
        double m = mu[i] > floor ? mu[i] : floor, yi = y[i];
        double inverse = 1.0 / (theta + m);
        double w = theta * inverse / m;
        double residual = yi - m;
        weight[i] = w;
        score_factor[i] = residual * w;
        cross_factor[i] = theta * residual * inverse * inverse;
        double digamma_y, trigamma_y;
        inflow_digamma_trigamma_positive(yi + theta, &digamma_y, &trigamma_y);
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
}
