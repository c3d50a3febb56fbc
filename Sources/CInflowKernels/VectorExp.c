#pragma STDC FP_CONTRACT OFF
#include "CInflowKernels.h"
#include "Dispatch.h"
#include "VectorExp.h"

INFLOW_KERNEL
void inflow_exp(const double *x, double *y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = inflow_exp_scalar(x[i]);
}
