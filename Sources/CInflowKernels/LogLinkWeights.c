#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorExp.h"

INFLOW_KERNEL
void inflow_nb2_log_newton_weights(const double *restrict eta, const double *restrict offset,
                                   const double *restrict y, double theta, double floor,
                                   double *restrict w, double *restrict wz, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
        double mu = inflow_exp_scalar(eta[i] + offset[i]);
        double inverse = 1.0 / (theta + mu);
        double score = theta * (y[i] - mu) * inverse;
        double weight = mu * theta * (y[i] + theta) * inverse * inverse;
        weight = weight > floor ? weight : floor;
        w[i] = weight;
        wz[i] = weight * eta[i] + score;
    }
}

INFLOW_KERNEL
void inflow_poisson_log_weights(const double *restrict eta, const double *restrict offset,
                                const double *restrict y, double floor,
                                double *restrict w, double *restrict wz, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
        double mu = inflow_exp_scalar(eta[i] + offset[i]);
        mu = mu > floor ? mu : floor;
        w[i] = mu;
        wz[i] = mu * eta[i] + (y[i] - mu);
    }
}
