// Runs every CInflowKernels entry point on fixed inputs and writes the raw result bytes to a file, so
// that builds of the kernels for different x86-64 levels can be compared byte for byte
// (Scripts/kernel-clones/check.sh).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "CInflowKernels.h"

static void put(FILE *file, const double *values, size_t count) { fwrite(values, sizeof(double), count, file); }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: harness OUTPUT\n"); return 2; }
    FILE *file = fopen(argv[1], "wb");
    if (!file) { perror(argv[1]); return 1; }
    enum { n = 100000, days = 150, observations = 60 };  // 150 times: more than one 64-time block
    static double x[n], a[n], b[n], c[n];
    for (long i = 0; i < n; i++) x[i] = exp(-30 + 60.0 * (double)i / n) * (1 + 0.3 * sin((double)i));
    inflow_exp(x, a, n); put(file, a, n);
    for (long i = 0; i < n; i++) c[i] = -745.2 + 1455.0 * (double)i / n;
    inflow_exp(c, a, n); put(file, a, n);
    inflow_log(x, a, n); put(file, a, n);
    inflow_log_gamma_positive_array(x, a, n); put(file, a, n);
    inflow_digamma_trigamma_positive_array(x, a, b, n); put(file, a, n); put(file, b, n);
    inflow_log_gamma_digamma_trigamma_positive_array(x, a, b, c, n); put(file, a, n); put(file, b, n); put(file, c, n);

    double t[days], v[days], g[days * 8], h[64];
    for (int i = 0; i < days; i++) t[i] = i;
    inflow_richards_cumulative(t, days, 3000, 0.25, 30, 1.3, v, g); put(file, v, days); put(file, g, days * 8);
    inflow_logistic_cumulative(t, days, 3000, 0.25, 30, v, g); put(file, v, days); put(file, g, days * 8);

    double y[observations], mu[observations], w[observations * 6], eta[observations], zero[observations];
    ptrdiff_t start[observations], end[observations];
    for (int i = 0; i < observations; i++) {
        y[i] = (i * 37) % 200; mu[i] = 10 + i * 3.3; eta[i] = log(mu[i]); zero[i] = 0; start[i] = i; end[i] = i + 1;
    }
    double means[observations], rows[observations * 8];
    ptrdiff_t wide_start[observations], wide_end[observations];   // two-day intervals: the indexed path
    for (int i = 0; i < observations; i++) { wide_start[i] = 2 * i; wide_end[i] = 2 * i + 2; }
    inflow_interval_means(v, g, wide_start, wide_end, 0, observations, 0.5, t, means, rows); put(file, means, observations);
    put(file, rows, observations * 8);
    inflow_interval_means(v, g, start, end, 1, observations, 0.5, t, means, rows); put(file, means, observations);
    put(file, rows, observations * 8);
    double value = inflow_nb2_negative_log_likelihood_and_factors(y, mu, observations, 7.5, 1e-10, 1.9, 0.14, w,
        w + 60, w + 120, w + 180, w + 240, w + 300);
    put(file, &value, 1); put(file, w, observations * 6);
    // theta = 25: every positive count has y + theta >= 10, the path without the recurrence.
    value = inflow_nb2_negative_log_likelihood_and_factors(y, mu, observations, 25, 1e-10, 3.2, 0.04, w,
        w + 60, w + 120, w + 180, w + 240, w + 300);
    put(file, &value, 1); put(file, w, observations * 6);
    // theta = 7.5 again: the factors in w feed the calls below.
    value = inflow_nb2_negative_log_likelihood_and_factors(y, mu, observations, 7.5, 1e-10, 1.9, 0.14, w,
        w + 60, w + 120, w + 180, w + 240, w + 300);
    value = inflow_poisson_negative_log_likelihood_and_factors(y, mu, observations, 1e-10, w, w + 60, w + 120);
    put(file, &value, 1); put(file, w, observations * 3);
    double score[8], cross[8], curvature[64];
    for (ptrdiff_t order = 1; order <= 8; order++) {
        inflow_accumulate_weighted_products(rows, w + 60, w + 120, mu, observations, order, score, cross, curvature);
        put(file, score, 8); put(file, cross, 8); put(file, curvature, 64);
    }
    inflow_logistic_hessian_contraction(t, y, observations, 3000, 0.25, 30, h); put(file, h, 64);
    inflow_richards_hessian_contraction(t, y, observations, 3000, 0.25, 30, 1.3, h); put(file, h, 64);
    double deviance, pearson;
    inflow_count_deviance(y, mu, observations, 7.5, &deviance, &pearson); put(file, &deviance, 1); put(file, &pearson, 1);
    inflow_count_deviance(y, mu, observations, 0, &deviance, &pearson); put(file, &deviance, 1); put(file, &pearson, 1);
    inflow_nb2_log_newton_weights(eta, zero, y, 7.5, 1e-300, a, b, observations); put(file, a, observations);
    put(file, b, observations);
    inflow_poisson_log_weights(eta, zero, y, 1e-300, a, b, observations); put(file, a, observations);
    put(file, b, observations);
    return fclose(file) == 0 ? 0 : 1;
}
