/// Named tolerances for the linear-algebra tests, each with the reason for its size.
enum Tolerance {
    /// Exact small-integer arithmetic and well-conditioned factorisations: a few ulps of 1.
    static let wellConditioned = 1e-12
    /// Householder QR without refinement against the refined solve, error measured in units of each column's
    /// contribution `|b_j| ||W^{1/2} x_j||` against the largest: backward stable, so about kappa * eps with kappa of
    /// the equilibrated design (below 1e4 for cubic designs on up to 150 raw days).
    static let unrefinedSmallSolve = 1e-11
    /// LAPACK's dtrcon estimates `||R^-1||_1` from below (Hager/Higham): for triangular matrices of order <= 8 the
    /// estimate is exact or within a small factor; 3 leaves room without hiding a wrong norm.
    static let conditionEstimateFactor = 3.0
    /// Eigenvalues of a symmetric matrix by two backward-stable methods (Jacobi, LAPACK dsyevd): each is
    /// within a small multiple of eps ||A|| of the exact ones, so they agree to this many times
    /// eps ||A||_F at order 8 (the bound's constant grows with the order and the number of sweeps).
    static let eigenvalueNormMultiple = 64.0
    /// The acceptance bar of the issue for certified least-squares problems: 9 significant digits.
    static let certifiedSignificantDigits = 9.0
    /// Filip's certified values use exact powers x^k; in double precision each x^k is rounded,
    /// and with the equilibrated design's condition number (5.2e9) that rounding alone moves
    /// the exact solution to 7.6-7.7 agreeing digits (`Tests/Reference/Data/nist-linear/filip_rounded_design.py`
    /// solves the rounded problem in 60-digit arithmetic). No double-precision solver can do
    /// better on this input; we require 7.
    static let filipSignificantDigits = 7.0

    static func requiredDigits(for problem: String) -> Double {
        problem == "Filip" ? filipSignificantDigits : certifiedSignificantDigits
    }
}

/// Number of agreeing significant digits, `-log10(|a - b| / |b|)` (capped at 16; exact matches count as 16).
func significantDigits(_ computed: Double, _ certified: Double) -> Double {
    if computed == certified { return 16 }
    let relative = abs(computed - certified) / max(abs(certified), Double.leastNormalMagnitude)
    return min(16, -log10(relative))
}

import Foundation
