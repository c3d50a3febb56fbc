#ifndef INFLOW_KERNEL_DISPATCH_H
#define INFLOW_KERNEL_DISPATCH_H

// One clone per x86-64 micro-architecture level, chosen by the loader (ifunc) on ELF systems.
// Elsewhere the kernels are built once for the compiler's default target.
//
// Every clone computes the same bits: the files turn off the compiler's contraction of a * b + c
// (`#pragma STDC FP_CONTRACT OFF`), and the fused multiply-adds that matter for speed (polynomials,
// accumulations) are written out as __builtin_fma, which is one instruction on x86-64-v3 and v4 and
// a correctly rounded library call on older processors: slower there, never different.
// Scripts/kernel-clones/check.sh (run by `make test`) builds the kernels for each level the machine
// has and compares every entry point's results byte for byte.
#if defined(__x86_64__) && defined(__ELF__) && defined(__clang__)
#define INFLOW_KERNEL __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define INFLOW_KERNEL
#endif

#endif
