#ifndef INFLOW_VECTOR_EXP_H
#define INFLOW_VECTOR_EXP_H

// exp(x) in branch-free arithmetic that vectorises (Cody and Waite 1980 reduction, Taylor polynomial):
//   n = round(x / ln 2),  r = x - n ln2_hi - n ln2_lo  (|r| <= ln(2)/2, the product n ln2_hi exact),
//   exp(r) = sum_{k=0}^{13} r^k / k!  (truncation below r^14/14! < 5e-18 relative), Horner's rule,
//   exp(x) = exp(r) 2^n1 2^n2 with n1 = floor(n/2), n2 = n - n1, so that results down to the
//   smallest subnormal are formed without an overflowing intermediate.
// Rounding: about 1 ulp from the reduction and the Horner sum; tested against libm at 2 ulp.
// Special values: NaN -> NaN, x > 709.78 -> +inf, x < -745.14 -> 0.
// Cost: 13 fused multiply-adds for the polynomial, about 12 other operations; no table, no branch.
#include <stdint.h>
#include <string.h>

static inline __attribute__((always_inline)) double inflow_power_of_two(double n) {
    // n is an integer in [-1022, 1023] held in a double; 0x1.8p52 puts it in the low mantissa bits.
    double shifted = n + 0x1.8p52;
    uint64_t bits;
    memcpy(&bits, &shifted, sizeof bits);
    bits = (bits + 1023) << 52;   // unsigned: the shift discards the high bits without overflow
    double result;
    memcpy(&result, &bits, sizeof result);
    return result;
}

static inline __attribute__((always_inline)) double inflow_exp_scalar(double x) {
    const double log2e = 0x1.71547652b82fep0;
    const double ln2_hi = 0x1.62e42fee00000p-1;   // 32 significant bits: n * ln2_hi is exact for |n| < 2^21
    const double ln2_lo = 0x1.a39ef35793c76p-33;
    const double upper = 709.782712893384, lower = -745.1332191019412;
    double clamped = x > 710.0 ? 710.0 : x;
    clamped = clamped < -745.5 ? -745.5 : clamped;
    double n = (clamped * log2e + 0x1.8p52) - 0x1.8p52;      // round to nearest
    double r = (clamped - n * ln2_hi) - n * ln2_lo;
    double p = 1.0 / 6227020800.0;                               // 1/13!
    p = __builtin_fma(p, r, 1.0 / 479001600.0);
    p = __builtin_fma(p, r, 1.0 / 39916800.0);
    p = __builtin_fma(p, r, 1.0 / 3628800.0);
    p = __builtin_fma(p, r, 1.0 / 362880.0);
    p = __builtin_fma(p, r, 1.0 / 40320.0);
    p = __builtin_fma(p, r, 1.0 / 5040.0);
    p = __builtin_fma(p, r, 1.0 / 720.0);
    p = __builtin_fma(p, r, 1.0 / 120.0);
    p = __builtin_fma(p, r, 1.0 / 24.0);
    p = __builtin_fma(p, r, 1.0 / 6.0);
    p = __builtin_fma(p, r, 0.5);
    p = __builtin_fma(p, r, 1.0);
    p = __builtin_fma(p, r, 1.0);
    double half = ((n * 0.5 + 0x1.8p52) - 0x1.8p52);              // round(n / 2), ties to even
    half = half > n * 0.5 ? half - 1.0 : half;                    // floor(n / 2)
    double result = p * inflow_power_of_two(half) * inflow_power_of_two(n - half);
    result = x > upper ? __builtin_inf() : result;
    result = x < lower ? 0.0 : result;
    return result;
}

#endif
