#pragma STDC FP_CONTRACT OFF
#include <string.h>
#include "CInflowKernels.h"
#include "Dispatch.h"

// Explicit vectors of a gradient row's lanes (clang vector extensions): the loop over observations must
// not be vectorised (that gathers and scatters), only the lanes of one row, and explicit types say so
// where the auto-vectoriser's choice varies with the order. Unaligned loads: aligned(8).
typedef double inflow_lanes8 __attribute__((vector_size(64), aligned(8)));
typedef double inflow_lanes4 __attribute__((vector_size(32), aligned(8)));

// The accumulation for a known order (a compile-time constant in each case of the switch below) and
// lane type: up to 4 parameters the first 4 lanes suffice (the others are zero), half the work.
#define INFLOW_ACCUMULATE(LANES, WIDTH, ORDER)                                                            \
    do {                                                                                                   \
        LANES s = {0}, c = {0}, a[ORDER];                                                                  \
        for (int j = 0; j < ORDER; j++) a[j] = (LANES){0};                                                 \
        for (ptrdiff_t i = 0; i < count; i++) {                                                            \
            LANES g;                                                                                       \
            memcpy(&g, gradients + 8 * i, sizeof g);                                                       \
            LANES f = (LANES){0} + score_factor[i], w = (LANES){0} + weight[i];                            \
            LANES h = (LANES){0} + (cross_factor ? cross_factor[i] : 0.0);                                 \
            s = __builtin_elementwise_fma(g, f, s);                                                        \
            c = __builtin_elementwise_fma(g, h, c);                                                        \
            LANES weighted = g * w;                                                                        \
            for (int j = 0; j < ORDER; j++) a[j] = __builtin_elementwise_fma(weighted, (LANES){0} + g[j], a[j]); \
        }                                                                                                  \
        for (int lane = 0; lane < 8; lane++) {                                                             \
            score[lane] = lane < WIDTH ? s[lane % WIDTH] : 0.0;                                            \
            if (cross) cross[lane] = lane < WIDTH ? c[lane % WIDTH] : 0.0;                                 \
        }                                                                                                  \
        for (int j = 0; j < 8; j++) {                                                                      \
            for (int lane = 0; lane < 8; lane++) {                                                         \
                curvature[8 * j + lane] = (j < ORDER && lane < WIDTH) ? a[j < ORDER ? j : 0][lane % WIDTH] : 0.0; \
            }                                                                                              \
        }                                                                                                  \
    } while (0)

INFLOW_KERNEL
void inflow_accumulate_weighted_products(const double *restrict gradients, const double *restrict weight,
                                         const double *restrict score_factor, const double *restrict cross_factor,
                                         ptrdiff_t count, ptrdiff_t order, double *restrict score,
                                         double *restrict cross, double *restrict curvature) {
    // Rows past `order` of the curvature are zero because lanes past the parameters are zero.
    switch (order) {
    case 1: INFLOW_ACCUMULATE(inflow_lanes4, 4, 1); break;
    case 2: INFLOW_ACCUMULATE(inflow_lanes4, 4, 2); break;
    case 3: INFLOW_ACCUMULATE(inflow_lanes4, 4, 3); break;
    case 4: INFLOW_ACCUMULATE(inflow_lanes4, 4, 4); break;
    case 5: INFLOW_ACCUMULATE(inflow_lanes8, 8, 5); break;
    case 6: INFLOW_ACCUMULATE(inflow_lanes8, 8, 6); break;
    case 7: INFLOW_ACCUMULATE(inflow_lanes8, 8, 7); break;
    default: INFLOW_ACCUMULATE(inflow_lanes8, 8, 8); break;
    }
}
