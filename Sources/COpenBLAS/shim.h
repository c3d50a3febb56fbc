#ifndef INFLOW_COPENBLAS_SHIM_H
#define INFLOW_COPENBLAS_SHIM_H

// CBLAS and LAPACKE from OpenBLAS. Debian ships LAPACKE in a separate library
// (liblapacke), so the module map links both `openblas` and `lapacke`.
#include <cblas.h>
#include <lapacke.h>

// `lapack_int` is a macro in lapacke.h, which Swift cannot import; give Swift a
// real type with the same width.
typedef lapack_int inflow_lapack_int;

// OpenBLAS's cblas.h also declares openblas_set_num_threads / openblas_get_num_threads.

#endif
