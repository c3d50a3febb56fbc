#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"

INFLOW_KERNEL
void inflow_accumulate_weighted_products(const double *restrict gradients, const double *restrict weight,
                                         const double *restrict score_factor, const double *restrict cross_factor,
                                         ptrdiff_t count, ptrdiff_t order, double *restrict score,
                                         double *restrict cross, double *restrict curvature) {
    double s[8] = {0}, c[8] = {0}, a[64] = {0};
    for (ptrdiff_t i = 0; i < count; i++) {
        const double *g = gradients + 8 * i;
        double w = weight[i], f = score_factor[i], h = cross_factor ? cross_factor[i] : 0.0;
        double weighted[8];
        for (int lane = 0; lane < 8; lane++) {
            s[lane] += g[lane] * f;
            c[lane] += g[lane] * h;
            weighted[lane] = g[lane] * w;
        }
        for (ptrdiff_t j = 0; j < order; j++) {
            double gj = g[j];
            for (int lane = 0; lane < 8; lane++) a[8 * j + lane] += weighted[lane] * gj;
        }
    }
    for (int lane = 0; lane < 8; lane++) {
        score[lane] = s[lane];
        if (cross) cross[lane] = c[lane];
    }
    for (int index = 0; index < 64; index++) curvature[index] = a[index];
}
