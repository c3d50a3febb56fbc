#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorSpecialFunctions.h"

// Observations are processed in blocks of this many: the polygamma recurrence and series, the logs, and
// the rest of each observation's terms run as separate vector loops through local arrays (one loop for all
// of it runs out of vector registers for the polynomials' constants and spills them).
#define INFLOW_LIKELIHOOD_BLOCK 64

// Copies a block's counts and means into local arrays padded to a multiple of 8 with 1s (a valid count and
// mean whose results are never stored), so the block's vector loops have no scalar remainder; returns the
// padded length.
static inline __attribute__((always_inline)) ptrdiff_t
inflow_padded_counts(const double *restrict y, const double *restrict mu, ptrdiff_t first, ptrdiff_t size,
                     double *restrict local_y, double *restrict local_mu) {
    ptrdiff_t padded = (size + 7) & ~(ptrdiff_t)7;
    for (ptrdiff_t j = 0; j < size; j++) {
        local_y[j] = y[first + j];
        local_mu[j] = mu[first + j];
    }
    for (ptrdiff_t j = size; j < padded; j++) {
        local_y[j] = 1.0;
        local_mu[j] = 1.0;
    }
    return padded;
}

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
// CInflowKernels.h), given psi(y + theta), psi'(y + theta) and log(theta / (theta + mu)) (from the
// likelihood term). The dispersion terms are taken at the mean itself, as that log is: 1 / (theta + mu)
// is finite for theta > 0. Only the mean parameters' weight divides by the mean, so only it and the
// residual it multiplies use the floored mean. (Above the floor, as almost always, the two coincide.)
static inline __attribute__((always_inline)) void
inflow_nb2_factors(double yi, double mu, double theta, double floor, double digamma_y, double trigamma_y,
                   double digamma_theta, double trigamma_theta, double log_ratio, ptrdiff_t i, double *restrict weight,
                   double *restrict score_factor, double *restrict cross_factor, double *restrict dispersion_score,
                   double *restrict dispersion_information) {
    double m = mu > floor ? mu : floor;
    double inverse = 1.0 / (theta + mu);
    double w = theta * inverse / m;
    double residual = yi - m;
    weight[i] = w;
    score_factor[i] = residual * w;
    cross_factor[i] = theta * residual * inverse * inverse;
    // y = 0: psi(theta) - psi(theta) and psi'(theta) - psi'(theta) vanish exactly.
    double digamma_difference = yi > 0.0 ? digamma_y - digamma_theta : 0.0;
    double trigamma_difference = yi > 0.0 ? trigamma_y - trigamma_theta : 0.0;
    double excess = (mu - yi) * inverse;
    double d_theta = digamma_difference + log_ratio + excess;
    double second = trigamma_difference + 1.0 / theta - inverse - excess * inverse;
    double ds = theta * d_theta;
    dispersion_score[i] = ds;
    dispersion_information[i] = theta * theta * -second - ds;
}

// The NB2 terms and factors of every observation, with `steps` recurrence steps for log Gamma(y + theta),
// psi(y + theta) and psi'(y + theta) (see inflow_log_gamma_digamma_trigamma_steps), block by padded block
// (inflow_padded_counts).
static inline __attribute__((always_inline)) int64_t
inflow_nb2_terms_and_factors_steps(const double *restrict y, const double *restrict mu, ptrdiff_t count,
                                   double theta, double log_theta, double log_gamma_theta, double floor,
                                   double digamma_theta, double trigamma_theta, const int steps,
                                   double *restrict terms, double *restrict weight, double *restrict score_factor,
                                   double *restrict cross_factor, double *restrict dispersion_score,
                                   double *restrict dispersion_information) {
    int64_t invalid = 0;
    double local_y[INFLOW_LIKELIHOOD_BLOCK], local_mu[INFLOW_LIKELIHOOD_BLOCK];
    double log_gamma[INFLOW_LIKELIHOOD_BLOCK], digamma[INFLOW_LIKELIHOOD_BLOCK], trigamma[INFLOW_LIKELIHOOD_BLOCK];
    double log_sum[INFLOW_LIKELIHOOD_BLOCK], log_mean[INFLOW_LIKELIHOOD_BLOCK];
    for (ptrdiff_t first = 0; first < count; first += INFLOW_LIKELIHOOD_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_LIKELIHOOD_BLOCK ? count - first : INFLOW_LIKELIHOOD_BLOCK;
        ptrdiff_t padded = inflow_padded_counts(y, mu, first, size, local_y, local_mu);
        for (ptrdiff_t j = 0; j < padded; j++) {
            inflow_log_gamma_digamma_trigamma_steps(local_y[j] + theta, steps, &log_gamma[j], &digamma[j], &trigamma[j]);
        }
        for (ptrdiff_t j = 0; j < padded; j++) {
            double m = local_mu[j];
            log_sum[j] = inflow_log_scalar(theta + m);
            log_mean[j] = inflow_log_scalar(m > 0.0 ? m : 1.0);
        }
        for (ptrdiff_t j = 0; j < size; j++) {
            ptrdiff_t i = first + j;
            double m = local_mu[j], yi = local_y[j];
            invalid |= inflow_invalid_mean(m, yi);
            double log_ratio = log_theta - log_sum[j];
            double ll = theta * log_ratio;
            double counted = log_gamma[j] - log_gamma_theta + yi * (log_mean[j] - log_sum[j]);
            terms[i] = yi > 0.0 ? -(ll + counted) : -ll;
            inflow_nb2_factors(yi, m, theta, floor, digamma[j], trigamma[j], digamma_theta, trigamma_theta, log_ratio,
                               i, weight, score_factor, cross_factor, dispersion_score, dispersion_information);
        }
    }
    return invalid;
}

// The terms and factors of every observation. The polygamma values of y + theta are used only where y > 0
// (a zero count's terms need those of theta alone), so when every positive count has y + theta >= 10 the
// recurrence is skipped: the same bits, without its ten masked steps.
INFLOW_KERNEL
static int64_t inflow_nb2_terms_and_factors(const double *restrict y, const double *restrict mu, ptrdiff_t count,
                                            double theta, double log_theta, double log_gamma_theta, double floor,
                                            double digamma_theta, double trigamma_theta, double *restrict terms,
                                            double *restrict weight, double *restrict score_factor,
                                            double *restrict cross_factor, double *restrict dispersion_score,
                                            double *restrict dispersion_information) {
    int64_t shifted = 0;
    for (ptrdiff_t i = 0; i < count; i++) shifted |= (int64_t)((y[i] > 0.0) & (y[i] + theta < INFLOW_ASYMPTOTIC_START));
    if (shifted) {
        return inflow_nb2_terms_and_factors_steps(y, mu, count, theta, log_theta, log_gamma_theta, floor, digamma_theta,
                                                  trigamma_theta, INFLOW_RECURRENCE_STEPS, terms, weight, score_factor,
                                                  cross_factor, dispersion_score, dispersion_information);
    }
    return inflow_nb2_terms_and_factors_steps(y, mu, count, theta, log_theta, log_gamma_theta, floor, digamma_theta,
                                              trigamma_theta, 0, terms, weight, score_factor, cross_factor,
                                              dispersion_score, dispersion_information);
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

// The deviance and Pearson terms of a block (theta > 0: NB2, theta = 0: Poisson), then their sums in
// observation order.
static inline __attribute__((always_inline)) void
inflow_count_deviance_block(const double *restrict y, const double *restrict mu, ptrdiff_t padded, double theta,
                            double *restrict deviance_terms, double *restrict pearson_terms) {
    if (theta > 0.0) {
        for (ptrdiff_t j = 0; j < padded; j++) {
            double yi = y[j], m = mu[j];
            double counted = yi > 0.0 ? yi * inflow_log_scalar(yi / m) : 0.0;
            deviance_terms[j] = 2.0 * (counted - (yi + theta) * inflow_log_scalar((yi + theta) / (m + theta)));
            pearson_terms[j] = (yi - m) * (yi - m) / (m + m * m / theta);
        }
    } else {
        for (ptrdiff_t j = 0; j < padded; j++) {
            double yi = y[j], m = mu[j];
            double counted = yi > 0.0 ? yi * inflow_log_scalar(yi / m) : 0.0;
            deviance_terms[j] = 2.0 * (counted - (yi - m));
            pearson_terms[j] = (yi - m) * (yi - m) / m;
        }
    }
}

INFLOW_KERNEL
void inflow_count_deviance(const double *restrict y, const double *restrict mu, ptrdiff_t count, double theta,
                           double *restrict deviance, double *restrict pearson) {
    double local_y[INFLOW_LIKELIHOOD_BLOCK], local_mu[INFLOW_LIKELIHOOD_BLOCK];
    double deviance_terms[INFLOW_LIKELIHOOD_BLOCK], pearson_terms[INFLOW_LIKELIHOOD_BLOCK];
    double deviance_sum = 0.0, pearson_sum = 0.0;
    for (ptrdiff_t first = 0; first < count; first += INFLOW_LIKELIHOOD_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_LIKELIHOOD_BLOCK ? count - first : INFLOW_LIKELIHOOD_BLOCK;
        ptrdiff_t padded = inflow_padded_counts(y, mu, first, size, local_y, local_mu);
        inflow_count_deviance_block(local_y, local_mu, padded, theta, deviance_terms, pearson_terms);
        for (ptrdiff_t j = 0; j < size; j++) {
            deviance_sum += deviance_terms[j];
            pearson_sum += pearson_terms[j];
        }
    }
    *deviance = deviance_sum;
    *pearson = pearson_sum;
}
