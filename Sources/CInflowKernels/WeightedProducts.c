#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"

// The accumulation for a known order: with `order` a compile-time constant (each case of the switch
// below inlines its own copy) the loops unroll and the accumulators stay in registers.
static inline __attribute__((always_inline)) void
inflow_accumulate_order(const double *restrict gradients, const double *restrict weight,
                        const double *restrict score_factor, const double *restrict cross_factor, ptrdiff_t count,
                        const int order, double *restrict score, double *restrict cross, double *restrict curvature) {
    // Up to 4 parameters, 4 lanes suffice (the others are zero): half-width vectors, half the work.
    const int lanes = order <= 4 ? 4 : 8;
    double s[8] = {0}, c[8] = {0}, a[64] = {0};
    for (ptrdiff_t i = 0; i < count; i++) {
        const double *g = gradients + 8 * i;
        double w = weight[i], f = score_factor[i], h = cross_factor ? cross_factor[i] : 0.0;
        double weighted[8];
        for (int lane = 0; lane < lanes; lane++) {
            s[lane] = __builtin_fma(g[lane], f, s[lane]);
            c[lane] = __builtin_fma(g[lane], h, c[lane]);
            weighted[lane] = g[lane] * w;
        }
        for (int j = 0; j < order; j++) {
            double gj = g[j];
            for (int lane = 0; lane < lanes; lane++) a[8 * j + lane] = __builtin_fma(weighted[lane], gj, a[8 * j + lane]);
        }
    }
    for (int lane = 0; lane < 8; lane++) {
        score[lane] = s[lane];
        if (cross) cross[lane] = c[lane];
    }
    // Columns past `order` are zero; so are rows past it (lanes past the parameters are zero).
    for (int index = 0; index < 64; index++) curvature[index] = index < 8 * order ? a[index] : 0.0;
}

INFLOW_KERNEL
void inflow_accumulate_weighted_products(const double *restrict gradients, const double *restrict weight,
                                         const double *restrict score_factor, const double *restrict cross_factor,
                                         ptrdiff_t count, ptrdiff_t order, double *restrict score,
                                         double *restrict cross, double *restrict curvature) {
    switch (order) {
#define INFLOW_ORDER_CASE(n) case n: \
        inflow_accumulate_order(gradients, weight, score_factor, cross_factor, count, n, score, cross, curvature); break;
    INFLOW_ORDER_CASE(1) INFLOW_ORDER_CASE(2) INFLOW_ORDER_CASE(3) INFLOW_ORDER_CASE(4)
    INFLOW_ORDER_CASE(5) INFLOW_ORDER_CASE(6) INFLOW_ORDER_CASE(7)
    default: inflow_accumulate_order(gradients, weight, score_factor, cross_factor, count, 8, score, cross, curvature);
#undef INFLOW_ORDER_CASE
    }
}
