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

// The Richards curve's transcendental parts over a padded block of times, vectorised: with x = r (t - t0),
// softplus(-x) = log(1 + exp(-x)), the shape exp(-softplus(-x) / nu) and the complement 1 - sigmoid(x).
// One exponential e = exp(-|x|) <= 1 serves both softplus(-x) = log1p(e) + max(-x, 0) and the complement,
// e / (1 + e) for x >= 0 and 1 / (1 + e) for x < 0; w = 1 + e is in [1, 2], log1p(e) = log(w) - ((w - 1) - e) / w,
// and 1/w serves both.
// Three loops, not one: each keeps its polynomial's constants in registers (one loop holding both
// exponentials and the log spills them, a third slower); the first leaves e in `shape`, the last
// replaces it. The operations, and so the bits, are the same either way.
static inline __attribute__((always_inline)) void
inflow_richards_block(const double *restrict local, ptrdiff_t padded, double r, double t0, double inverse_nu,
                      double *restrict softplus, double *restrict shape, double *restrict complement) {
    for (ptrdiff_t j = 0; j < padded; j++) {
        double x = r * (local[j] - t0);
        shape[j] = inflow_exp_scalar(x >= 0.0 ? -x : x);
    }
    for (ptrdiff_t j = 0; j < padded; j++) {
        double x = r * (local[j] - t0);
        double e = shape[j];
        double w = 1.0 + e, inverse_w = 1.0 / w;
        double l = w == 1.0 ? e : inflow_log_one_to_two(w) - ((w - 1.0) - e) * inverse_w;
        softplus[j] = x >= 0.0 ? l : l - x;
        complement[j] = (x >= 0.0 ? e : 1.0) * inverse_w;
    }
    for (ptrdiff_t j = 0; j < padded; j++) shape[j] = inflow_exp_scalar(-softplus[j] * inverse_nu);
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
        inflow_richards_block(local, padded, r, t0, inverse_nu, softplus, shape, complement);
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
                           const ptrdiff_t *restrict start, const ptrdiff_t *restrict end, int contiguous,
                           ptrdiff_t count, double beta, const double *restrict exposure, double *restrict means,
                           double *restrict mean_gradients) {
    // Contiguous intervals (observation i from grid time i to i + 1, as daily counts and most published
    // series): the differences of neighbouring values and rows, streamed as vector loops. The same
    // subtractions as the indexed loops below, so the same bits.
    if (contiguous) {
        for (ptrdiff_t i = 0; i < count; i++) means[i] = values[i + 1] - values[i] + beta * exposure[i];
        if (gradients) {
            for (ptrdiff_t k = 0; k < 8 * count; k++) mean_gradients[k] = gradients[k + 8] - gradients[k];
        }
        return;
    }
    // Otherwise indexed loads: gathers cost more than they save here, so the loops over observations stay
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

// Weighted sums of the curves' second derivatives, sum_t w_t d2C(t)/dtheta dtheta^T, written to the
// leading block of an 8 x 8 column-major matrix (the rest zero). The sums run over the times in order.

INFLOW_KERNEL
void inflow_logistic_hessian_contraction(const double *restrict times, const double *restrict weights,
                                         ptrdiff_t count, double k, double r, double t0, double *restrict hessian) {
    // s = sigmoid(x), x = r (t - t0), s' = s (1 - s), s'' = s' (1 - 2 s):
    // C_Kr = s' dt, C_Kt0 = -s' r, C_rr = K s'' dt^2, C_rt0 = -K (s'' r dt + s'), C_t0t0 = K s'' r^2.
    // The terms of a block are formed by a vector loop into local arrays (the same products, in the same
    // order, as one scalar loop would), then added to the five sums in time order.
    double kr = 0, kt = 0, rr = 0, rt = 0, tt = 0;
    double local[INFLOW_CURVE_BLOCK], local_w[INFLOW_CURVE_BLOCK], sigmoid[INFLOW_CURVE_BLOCK];
    double t_kr[INFLOW_CURVE_BLOCK], t_kt[INFLOW_CURVE_BLOCK], t_rr[INFLOW_CURVE_BLOCK], t_rt[INFLOW_CURVE_BLOCK];
    double t_tt[INFLOW_CURVE_BLOCK];
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        ptrdiff_t padded = inflow_padded_block(times, first, size, local);
        inflow_padded_block(weights, first, size, local_w);
        for (ptrdiff_t j = 0; j < padded; j++) sigmoid[j] = inflow_sigmoid(r * (local[j] - t0));
        for (ptrdiff_t j = 0; j < padded; j++) {
            double dt = local[j] - t0, w = local_w[j], s = sigmoid[j];
            double slope = s * (1.0 - s);
            double bend = slope * (1.0 - 2.0 * s);
            t_kr[j] = w * slope * dt;
            t_kt[j] = w * slope * r;
            t_rr[j] = w * k * bend * dt * dt;
            t_rt[j] = w * k * (bend * r * dt + slope);
            t_tt[j] = w * k * bend * r * r;
        }
        for (ptrdiff_t j = 0; j < size; j++) {
            kr += t_kr[j];
            kt -= t_kt[j];
            rr += t_rr[j];
            rt -= t_rt[j];
            tt += t_tt[j];
        }
    }
    for (int index = 0; index < 64; index++) hessian[index] = 0.0;
    hessian[1] = hessian[8] = kr;
    hessian[2] = hessian[16] = kt;
    hessian[9] = rr;
    hessian[10] = hessian[17] = rt;
    hessian[18] = tt;
}

INFLOW_KERNEL
void inflow_richards_hessian_contraction(const double *restrict times, const double *restrict weights,
                                         ptrdiff_t count, double k, double r, double t0, double nu,
                                         double *restrict hessian) {
    // C = K S, S = exp(-l / nu), l = softplus(-x), x = r (t - t0), q = 1 - sigmoid(x) (so dl/dx = -q,
    // dq/dx = -sigmoid q). With A = S q / nu = dS/dx, A_x = A (q / nu - sigmoid), A_nu = S q (l / nu - 1) / nu^2:
    // C_Kr = A dt, C_Kt0 = -A r, C_Knu = S l / nu^2, C_rr = K A_x dt^2, C_rt0 = -K (A_x r dt + A),
    // C_t0t0 = K A_x r^2, C_rnu = K A_nu dt, C_t0nu = -K A_nu r, C_nunu = K S l (l / nu - 2) / nu^3.
    // The transcendental part runs vectorised over a padded block; the sums then run in time order.
    const double inverse_nu = 1.0 / nu;
    // The terms of a block are formed by a vector loop into local arrays (the same products, in the same
    // order, as one scalar loop would), then added to the nine sums in time order.
    double kr = 0, kt = 0, kn = 0, rr = 0, rt = 0, tt = 0, rn = 0, tn = 0, nn = 0;
    double local[INFLOW_CURVE_BLOCK], local_w[INFLOW_CURVE_BLOCK], softplus[INFLOW_CURVE_BLOCK];
    double shape[INFLOW_CURVE_BLOCK], complement[INFLOW_CURVE_BLOCK];
    double terms[9][INFLOW_CURVE_BLOCK];
    for (ptrdiff_t first = 0; first < count; first += INFLOW_CURVE_BLOCK) {
        ptrdiff_t size = count - first < INFLOW_CURVE_BLOCK ? count - first : INFLOW_CURVE_BLOCK;
        ptrdiff_t padded = inflow_padded_block(times, first, size, local);
        inflow_padded_block(weights, first, size, local_w);
        inflow_richards_block(local, padded, r, t0, inverse_nu, softplus, shape, complement);
        for (ptrdiff_t j = 0; j < padded; j++) {
            double dt = local[j] - t0, w = local_w[j];
            double l = softplus[j], q = complement[j], sigma = 1.0 - q, s = shape[j];
            double a = s * q * inverse_nu;
            double ax = a * (q * inverse_nu - sigma);
            double an = s * q * (l * inverse_nu - 1.0) * inverse_nu * inverse_nu;
            terms[0][j] = w * a * dt;
            terms[1][j] = w * a * r;
            terms[2][j] = w * s * l * inverse_nu * inverse_nu;
            terms[3][j] = w * k * ax * dt * dt;
            terms[4][j] = w * k * (ax * r * dt + a);
            terms[5][j] = w * k * ax * r * r;
            terms[6][j] = w * k * an * dt;
            terms[7][j] = w * k * an * r;
            terms[8][j] = w * k * s * l * (l * inverse_nu - 2.0) * inverse_nu * inverse_nu * inverse_nu;
        }
        for (ptrdiff_t j = 0; j < size; j++) {
            kr += terms[0][j];
            kt -= terms[1][j];
            kn += terms[2][j];
            rr += terms[3][j];
            rt -= terms[4][j];
            tt += terms[5][j];
            rn += terms[6][j];
            tn -= terms[7][j];
            nn += terms[8][j];
        }
    }
    for (int index = 0; index < 64; index++) hessian[index] = 0.0;
    hessian[1] = hessian[8] = kr;
    hessian[2] = hessian[16] = kt;
    hessian[3] = hessian[24] = kn;
    hessian[9] = rr;
    hessian[10] = hessian[17] = rt;
    hessian[18] = tt;
    hessian[11] = hessian[25] = rn;
    hessian[19] = hessian[26] = tn;
    hessian[27] = nn;
}
