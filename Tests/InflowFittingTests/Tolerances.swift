import Foundation

/// Named tolerances for the fitting tests, each with the reason for its size.
enum Tolerance {
    /// Closed-form answers reached by an iterative solver stopped by its default tests: the last
    /// accepted Gauss–Newton step leaves an error far below this (relative, or absolute near zero).
    static let closedForm = 1e-9
    /// Levenberg–Marquardt on a linear least-squares problem against the QR solution: both reach
    /// the same minimiser to about `kappa(J^T J) * eps`; the design here has kappa ~ 1e3.
    static let linearAgreement = 1e-10
    /// The acceptance bar for NIST StRD nonlinear problems: 6 significant digits on every
    /// parameter and the residual sum of squares (NIST certifies 11; the solver reaches 7.8-11.5 with
    /// default options, scipy's MINPACK 8-11 at xtol = ftol = gtol = 1e-15, see
    /// `Tests/Reference/Data/nist-nonlinear/check_nist_nls.py`; the test prints the digits).
    static let nistSignificantDigits = 6.0
    /// Standard errors are `sqrt(2 f / (n - p) [H^-1]_jj)` at the converged point; the parameter
    /// error enters squared-ish, so they carry at least as many digits as the parameters.
    static let nistStandardErrorDigits = 6.0
    /// IRLS against the 40-digit optimum of `Tests/Reference/Data/nine-day/nine_day.json` (which statsmodels matches to
    /// 14+ digits): the acceptance bar of 1e-8 relative on coefficients, standard errors and deviance.
    static let glmRelative = 1e-8
    /// IRLS deviance tolerance for the NB2 (log link, non-canonical) reference fit. Fisher scoring
    /// converges linearly and the deviance resolves coefficient errors only to about sqrt(tolerance)
    /// standard errors: the default 1e-10 leaves 1.2e-6 relative error, 1e-14 leaves 3e-9, inside
    /// `glmRelative`.
    static let nonCanonicalDevianceTolerance = 1e-14
    /// BatchedGLM's NB2 theta against MASS::theta.ml polished to 1e-11 absolute (`make_batched_glm.R`). The
    /// alternation between the coefficients and theta stops when theta moves less than
    /// `BatchedGLM.thetaTolerance` (1e-8 relative), and a large theta (817 in one series) is weakly determined, so
    /// the two sides agree to about that: measured 3e-9 at worst.
    static let batchedTheta = 1e-8
    /// Coefficients, standard errors and deviance of BatchedGLM's estimated-theta fits against R: they inherit the
    /// theta difference above through d(beta)/d(theta) (measured 2e-9 at worst).
    static let batchedEstimatedTheta = 1e-8
    /// One series fitted alone against the same series inside a 300-series chunk: OpenBLAS sums the batched normal
    /// equations in an order that depends on the chunk's width, so the two agree to rounding, not bit for bit
    /// (thread count, which does not change the chunks, leaves them bitwise equal).
    static let chunkComposition = 1e-12
    /// Least-squares logistic fits against the 40-digit optimum of `Tests/Reference/Data/nine-day/nine_day.json`: the
    /// incidence fit is a flat valley where the default function test stops 7-9 digits in.
    static let curveRelative = 1e-7
    /// Two solvers (LM as Fisher scoring and IRLS) on the same likelihood: both converge to the
    /// same optimum, limited by their stopping tests.
    static let crossSolverRelative = 1e-8
}

/// Number of agreeing significant digits, `-log10(|a - b| / |b|)` (capped at 16; exact matches count as 16).
func significantDigits(_ computed: Double, _ certified: Double) -> Double {
    if computed == certified { return 16 }
    let relative = abs(computed - certified) / max(abs(certified), Double.leastNormalMagnitude)
    return relative.isNaN ? 0 : min(16, -log10(relative))
}

/// `|a - b| <= tolerance * |b|`.
func isClose(_ computed: Double, _ reference: Double, relative tolerance: Double) -> Bool {
    abs(computed - reference) <= tolerance * abs(reference)
}
