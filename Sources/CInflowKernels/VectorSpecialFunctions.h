#ifndef INFLOW_VECTOR_SPECIAL_FUNCTIONS_H
#define INFLOW_VECTOR_SPECIAL_FUNCTIONS_H

// log, log-gamma, digamma and trigamma in branch-free arithmetic that vectorises. Data-dependent
// loops (the recurrences that move an argument up to the asymptotic region) run a fixed number of
// masked steps instead, so every lane does the same operations.
#include <stdint.h>
#include <string.h>

static inline __attribute__((always_inline)) int64_t inflow_bits(double x) { int64_t b; memcpy(&b, &x, sizeof b); return b; }
static inline __attribute__((always_inline)) double inflow_from_bits(int64_t b) { double x; memcpy(&x, &b, sizeof x); return x; }

// log(2^k m) for m in [1, 2) and an integer k (as a double): with m halved (k + 1) above sqrt(2),
// f = m - 1, s = f / (2 + f),
//   log(1 + f) = f - (f^2/2 - s (f^2/2 + R(s^2))),  R a degree-7 minimax polynomial in s^2
//   (the coefficients of fdlibm's e_log.c, |error of R| < 2^-58.45), and k ln 2 added in two parts.
// Error below 1 ulp. The shared core of the two logs below.
static inline __attribute__((always_inline)) double inflow_log_reduced(double m, double k) {
    const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10;
    const double lg1 = 6.666666666666735130e-01, lg2 = 3.999999999940941908e-01;
    const double lg3 = 2.857142874366239149e-01, lg4 = 2.222219843214978396e-01;
    const double lg5 = 1.818357216161805012e-01, lg6 = 1.531383769920937332e-01;
    const double lg7 = 1.479819860511658591e-01;
    int high = m > 1.4142135623730951;
    m = high ? m * 0.5 : m;
    k = high ? k + 1.0 : k;
    double f = m - 1.0;
    double s = f / (2.0 + f);
    double z = s * s, w = z * z;
    double t1 = w * __builtin_fma(w, __builtin_fma(w, lg6, lg4), lg2);
    double t2 = z * __builtin_fma(w, __builtin_fma(w, __builtin_fma(w, lg7, lg5), lg3), lg1);
    double r = t2 + t1;
    double half = 0.5 * f * f;
    return k * ln2_hi - ((half - (s * (half + r) + k * ln2_lo)) - f);
}

// log(x) for any double: x = 2^k m with m in [1, 2) from the bits (subnormals scaled by 2^54 first),
// then inflow_log_reduced. Error below 1 ulp (tested at 1 ulp against libm).
// Special values: log(0) = -inf, log(x < 0) = NaN, log(inf) = inf, log(NaN) = NaN.
static inline __attribute__((always_inline)) double inflow_log_scalar(double x) {
    int subnormal = x < 0x1p-1022;
    double scaled = subnormal ? x * 0x1p54 : x;
    int64_t bits = inflow_bits(scaled);
    // Biased exponent as a double without an int64 -> double conversion (2^52 + e, minus 2^52).
    double exponent = inflow_from_bits(0x4330000000000000LL | ((bits >> 52) & 0x7ff)) - 0x1p52;
    double k = exponent - (subnormal ? 1077.0 : 1023.0);
    double m = inflow_from_bits((bits & 0x000fffffffffffffLL) | 0x3ff0000000000000LL);   // [1, 2)
    double result = inflow_log_reduced(m, k);
    result = x == 0.0 ? -__builtin_inf() : result;
    result = x < 0.0 ? __builtin_nan("") : result;
    result = x == __builtin_inf() ? x : result;
    result = x != x ? x : result;
    return result;
}

// log(w) for w in [1, 2] (the argument of a softplus, 1 + exp(-|x|)): inflow_log_reduced(w, 0), without
// the bit extraction, subnormal scaling and special values, which cannot occur here. Callers want
// log1p(u) for the u that made w = 1 + u (rounded): log(w) - ((w - 1) - u) / w, the first-order
// correction for that rounding (Goldberg, "What every computer scientist should know about
// floating-point arithmetic", 1991, thm. 4), and u itself when w rounds to 1.
static inline __attribute__((always_inline)) double inflow_log_one_to_two(double w) {
    return inflow_log_reduced(w, 0.0);
}

// The recurrence moves an argument up to z = x + m >= 10 (m <= 10 steps for x > 0).
#define INFLOW_ASYMPTOTIC_START 10.0
#define INFLOW_RECURRENCE_STEPS 10

// log Gamma(x), psi(x) and psi'(x) for x > 0, from one shared recurrence to z = x + m >= 10:
//   log Gamma(x) = log Gamma(z) - log P,  P = x (x + 1) ... (x + m - 1)   (DLMF 5.5.1),
//   psi(x) = psi(z) - sum 1/(x + j),  psi'(x) = psi'(z) + sum 1/(x + j)^2   (DLMF 5.5.2, 5.15.5),
// and the asymptotic series at z (the first omitted terms about 2e-18 at z = 10):
//   log Gamma(z) = (z - 1/2) log z - z + log(2 pi)/2 + sum_{k=1}^{8} B_2k / (2k (2k - 1) z^(2k - 1))  (DLMF 5.11.1),
//   psi(z) = log z - 1/(2z) - sum_{k=1}^{8} B_2k / (2k z^2k),
//   psi'(z) = 1/z + 1/(2z^2) + sum_{k=1}^{8} B_2k / z^(2k+1)   (DLMF 5.15.8).
// The two sums are carried as fractions over P, without a division per step: with P' = P z,
//   sum' = (N z + P) / P',  squares' = (Q z^2 + P^2) / P'^2  (N, Q numerators),
// every term positive (no cancellation), then one division 1/P at the end. P < 10! for x >= 1; for small x,
// P is about 9! x, so P^2 stays normal for x > 4e-160, below where psi'(x) ~ 1/x^2 overflows (x < 7.5e-155).
// `steps` is a compile-time constant after inlining: the loop runs that many masked steps (a lane already
// at z >= 10 does nothing), so every lane does the same operations and the loop vectorises. Callers that
// know every argument is at least 10 pass 0: the results are the same bits as with 10 steps (the sums are
// then 0 and log P = log 1 = 0 either way), only cheaper.
// The same formulas as SpecialFunctions.digammaAndTrigamma in Swift, without its Taylor series next
// to the zero of psi (here psi is only used in differences, where absolute accuracy is what counts).
// Log-gamma's error is absolute, about 1e-15 times log Gamma(z), so a few ulps relative except next to
// its zeros at 1 and 2. Callers that want fewer of the three pass dummies: after inlining, the work
// for an unused output (a log, the series) is dead code and removed.
static inline __attribute__((always_inline)) void
inflow_log_gamma_digamma_trigamma_steps(double x, const int steps, double *log_gamma, double *digamma,
                                        double *trigamma) {
    double z = x, product = 1.0, numerator = 0.0, square_numerator = 0.0;
    for (int step = 0; step < steps; step++) {
        int below = z < INFLOW_ASYMPTOTIC_START;
        double next_numerator = __builtin_fma(numerator, z, product);
        double next_square_numerator = __builtin_fma(square_numerator, z * z, product * product);
        numerator = below ? next_numerator : numerator;
        square_numerator = below ? next_square_numerator : square_numerator;
        product = below ? product * z : product;
        z = below ? z + 1.0 : z;
    }
    double sum = 0.0, squares = 0.0, log_product = 0.0;
    if (steps > 0) {
        double inverse = 1.0 / product;
        sum = numerator * inverse;
        squares = (square_numerator * inverse) * inverse;
        log_product = inflow_log_scalar(product);
    }
    double r = 1.0 / z, r2 = r * r;
    double log_z = inflow_log_scalar(z);
    double stirling = r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188
        + r2 * (-691.0 / 360360 + r2 * (1.0 / 156 + r2 * (-3617.0 / 122400))))))));
    double digamma_series = r2 * (1.0 / 12 + r2 * (-1.0 / 120 + r2 * (1.0 / 252 + r2 * (-1.0 / 240 + r2 * (1.0 / 132
        + r2 * (-691.0 / 32760 + r2 * (1.0 / 12 + r2 * (-3617.0 / 8160))))))));
    double trigamma_series = r2 * (1.0 / 6 + r2 * (-1.0 / 30 + r2 * (1.0 / 42 + r2 * (-1.0 / 30 + r2 * (5.0 / 66
        + r2 * (-691.0 / 2730 + r2 * (7.0 / 6 + r2 * (-3617.0 / 510))))))));
    const double half_log_two_pi = 0.91893853320467274178;
    *log_gamma = ((z - 0.5) * log_z - z + half_log_two_pi + stirling) - log_product;
    *digamma = log_z - 0.5 * r - digamma_series - sum;
    *trigamma = squares + r * (1.0 + 0.5 * r + trigamma_series);
}

// log Gamma(x), psi(x) and psi'(x) for any x > 0 (the full recurrence).
static inline __attribute__((always_inline)) void
inflow_log_gamma_digamma_trigamma_positive(double x, double *log_gamma, double *digamma, double *trigamma) {
    inflow_log_gamma_digamma_trigamma_steps(x, INFLOW_RECURRENCE_STEPS, log_gamma, digamma, trigamma);
}

// log Gamma(x) for x > 0 (see inflow_log_gamma_digamma_trigamma_positive).
static inline __attribute__((always_inline)) double inflow_log_gamma_positive(double x) {
    double log_gamma, digamma, trigamma;
    inflow_log_gamma_digamma_trigamma_positive(x, &log_gamma, &digamma, &trigamma);
    return log_gamma;
}

// psi(x) and psi'(x) for x > 0 (see inflow_log_gamma_digamma_trigamma_positive).
static inline __attribute__((always_inline)) void inflow_digamma_trigamma_positive(double x, double *digamma, double *trigamma) {
    double log_gamma;
    inflow_log_gamma_digamma_trigamma_positive(x, &log_gamma, digamma, trigamma);
}

#endif
