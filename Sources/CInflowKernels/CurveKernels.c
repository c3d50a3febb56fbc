#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorExp.h"
#include "VectorSpecialFunctions.h"

// The logistic function 1 / (1 + exp(-x)) without overflow: with e = exp(-|x|) <= 1,
// 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0.
static inline __attribute__((always_inline)) double inflow_sigmoid(double x) {
    double e = inflow_exp_scalar(x >= 0.0 ? -x : x);
    return x >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}

// Times are processed in blocks: the transcendental part runs as a vectorised loop over the block
// into local arrays, then the gradient rows (8 doubles per time) are written one by one. A block's
// times are copied into a local array padded to a multiple of 8 (with its last time), so that the
// vector loop has no scalar remainder; the padding's results are never stored.
#define INFLOW_CURVE_BLOCK 64

static inline __attribute__((always_inline)) ptrdiff_t inflow_padded_block(const double *times, ptrdiff_t first,
                                                                          ptrdiff_t size, double *local) {
    ptrdiff_t padded = (size + 7) & ~(ptrdiff_t)7;
    for (ptrdiff_t j = 0; j < size; j++) local[j] = times[first + j];
    for (ptrdiff_t j = size; j < padded; j++) local[j] = times[first + size - 1];
    return padded;
}

INFLOW_KERNEL
void inflow_logistic_cumulative(const double *restrict times, ptrdiff_t count, double k, double r, double t0,
                                double *restrict values, double *restrict gradients) {
    double sigmoid[INFLOW_CURVE_BLOCK], local[INFLOW_CURVE_BLOCK];
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        ptrdiff_t padded = inflow_padded_block(times, first, size, local);
        for (ptrdiff_t j = 0; j < padded; j++) sigmoid[j] = inflow_sigmoid(r * (local[j] - t0));
        for (ptrdiff_t j = 0; j < size; j++) values[first + j] = k * sigmoid[j];
        if (!gradients) continue;
        for (ptrdiff_t j = 0; j < size; j++) {
            double s = sigmoid[j], dt = times[first + j] - t0;
            double slope = s * (1.0 - s);
            double *g = gradients + 8 * (first + j);
            g[0] = s;
            g[1] = k * slope * dt;
            g[2] = -k * r * slope;
            g[3] = 0.0; g[4] = 0.0; g[5] = 0.0; g[6] = 0.0; g[7] = 0.0;
        }
    }
}

INFLOW_KERNEL
void inflow_richards_cumulative(const double *restrict times, ptrdiff_t count, double k, double r, double t0,
                                double nu, double *restrict values, double *restrict gradients) {
    double softplus[INFLOW_CURVE_BLOCK], shape[INFLOW_CURVE_BLOCK], complement[INFLOW_CURVE_BLOCK];
    double local[INFLOW_CURVE_BLOCK];
    const double inverse_nu = 1.0 / nu;
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        ptrdiff_t padded = inflow_padded_block(times, first, size, local);
        for (ptrdiff_t j = 0; j < padded; j++) {
            // One exponential e = exp(-|x|) <= 1 serves both softplus(-x) = log1p(e) + max(-x, 0) and
            // 1 - sigmoid(x) = e / (1 + e) for x >= 0, 1 / (1 + e) for x < 0.
            double x = r * (local[j] - t0);
            double e = inflow_exp_scalar(x >= 0.0 ? -x : x);
            double l = inflow_log1p_nonnegative(e);
            l = x >= 0.0 ? l : l - x;
            softplus[j] = l;
            shape[j] = inflow_exp_scalar(-l * inverse_nu);
            complement[j] = x >= 0.0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
        }
        for (ptrdiff_t j = 0; j < size; j++) values[first + j] = k * shape[j];
        if (!gradients) continue;
        for (ptrdiff_t j = 0; j < size; j++) {
            double dt = times[first + j] - t0, c = k * shape[j];
            double *g = gradients + 8 * (first + j);
            g[0] = shape[j];
            g[1] = c * complement[j] * dt * inverse_nu;
            g[2] = -c * complement[j] * r * inverse_nu;
            g[3] = c * softplus[j] * (inverse_nu * inverse_nu);
            g[4] = 0.0; g[5] = 0.0; g[6] = 0.0; g[7] = 0.0;
        }
    }
}

INFLOW_KERNEL
void inflow_interval_means(const double *restrict values, const double *restrict gradients,
                           const ptrdiff_t *restrict start, const ptrdiff_t *restrict end, ptrdiff_t count,
                           double beta, const double *restrict exposure, double *restrict means,
                           double *restrict mean_gradients) {
    // Indexed loads: gathers cost more than they save here, so the loops over observations stay
    // scalar and the 8 lanes of each gradient row form one vector operation.
#pragma clang loop vectorize(disable)
    for (ptrdiff_t i = 0; i < count; i++) means[i] = values[end[i]] - values[start[i]] + beta * exposure[i];
    if (!gradients) return;
#pragma clang loop vectorize(disable)
    for (ptrdiff_t i = 0; i < count; i++) {
        const double *upper = gradients + 8 * end[i], *lower = gradients + 8 * start[i];
        double *row = mean_gradients + 8 * i;
        for (int lane = 0; lane < 8; lane++) row[lane] = upper[lane] - lower[lane];
    }
}
