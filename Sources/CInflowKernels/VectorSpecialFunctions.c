#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorSpecialFunctions.h"

INFLOW_KERNEL
void inflow_log(const double *x, double *y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = inflow_log_scalar(x[i]);
}

INFLOW_KERNEL
void inflow_log_gamma_positive_array(const double *x, double *y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = inflow_log_gamma_positive(x[i]);
}

INFLOW_KERNEL
void inflow_digamma_trigamma_positive_array(const double *x, double *digamma, double *trigamma, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) inflow_digamma_trigamma_positive(x[i], &digamma[i], &trigamma[i]);
}

INFLOW_KERNEL
void inflow_log_gamma_digamma_trigamma_positive_array(const double *x, double *log_gamma, double *digamma,
                                                      double *trigamma, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) {
        inflow_log_gamma_digamma_trigamma_positive(x[i], &log_gamma[i], &digamma[i], &trigamma[i]);
    }
}
