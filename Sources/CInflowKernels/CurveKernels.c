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

// softplus(-x) = log(1 + exp(-x)) without overflow: -x + log1p(exp(x)) for x < 0, log1p(exp(-x)) otherwise.
static inline __attribute__((always_inline)) double inflow_softplus_negated(double x) {
    double l = inflow_log1p_nonnegative(inflow_exp_scalar(x >= 0.0 ? -x : x));
    return x >= 0.0 ? l : l - x;
}

// Times are processed in blocks: the transcendental part runs as a vectorised loop over the block
// into local arrays, then the gradient rows (8 doubles per time) are written one by one.
#define INFLOW_CURVE_BLOCK 64

INFLOW_KERNEL
void inflow_logistic_cumulative(const double *restrict times, ptrdiff_t count, double k, double r, double t0,
                                double *restrict values, double *restrict gradients) {
    double sigmoid[INFLOW_CURVE_BLOCK];
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        for (ptrdiff_t j = 0; j < size; j++) {
            double s = inflow_sigmoid(r * (times[first + j] - t0));
            sigmoid[j] = s;
            values[first + j] = k * s;
        }
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
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        for (ptrdiff_t j = 0; j < size; j++) {
            double x = r * (times[first + j] - t0);
            double l = inflow_softplus_negated(x);
            double e = inflow_exp_scalar(-l / nu);
            softplus[j] = l;
            shape[j] = e;
            values[first + j] = k * e;
            complement[j] = 1.0 - inflow_sigmoid(x);
        }
        if (!gradients) continue;
        for (ptrdiff_t j = 0; j < size; j++) {
            double dt = times[first + j] - t0, c = k * shape[j];
            double *g = gradients + 8 * (first + j);
            g[0] = shape[j];
            g[1] = c * complement[j] * dt / nu;
            g[2] = -c * complement[j] * r / nu;
            g[3] = c * softplus[j] / (nu * nu);
            g[4] = 0.0; g[5] = 0.0; g[6] = 0.0; g[7] = 0.0;
        }
    }
}
