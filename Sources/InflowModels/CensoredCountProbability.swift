import Foundation
import InflowCore
import InflowStatistics

/// The log-probability that a count lies beyond a bound, and its derivative in the mean: the likelihood of a
/// censored count (a published "more than N", ``/InflowCore/CensoredInterval``) under a Poisson or NB2 error family.
///
/// For `Y` with mean `mu`, a lower bound `b` (`Y >= b`, with `b` rounded up to a whole number, at least 1) and
/// an upper bound `b` (`Y <= b`, rounded down):
///
/// - Poisson: `P(Y >= b) = P(b, mu)` (regularized lower incomplete gamma), `dP/dmu = p(b - 1; mu)`;
///   `P(Y <= b) = Q(b + 1, mu)`, `dP/dmu = -p(b; mu)` (`p` the Poisson probability).
/// - NB2 with size `theta`, `x = mu / (theta + mu)`, `y = theta / (theta + mu)`:
///   `P(Y >= b) = I_x(b, theta)` (regularized incomplete beta), `dP/dmu = x^(b-1) y^(theta-1) / B(b, theta) *
///   theta / (theta + mu)^2`; `P(Y <= b) = 1 - I_x(b + 1, theta) = I_y(theta, b + 1)`,
///   `dP/dmu = -x^b y^(theta-1) / B(b + 1, theta) * theta / (theta + mu)^2`.
///
/// Everything is in log space, so far tails never give `-inf` or NaN: the probability comes from
/// ``/InflowStatistics/SpecialFunctions`` while it is a normal number (above ``directFloor``); below that (where the prefactor
/// `exp(log D)` would underflow) the log of the directly computed side is its log-prefactor plus the log of the
/// series or continued fraction (the same expansions, DLMF 8.7.1 and 8.9.2 for the gamma, 8.17.22 for the beta).
/// The derivative is `exp(log density - log P)`, finite wherever `log P` is.
///
/// - Complexity: one incomplete gamma or beta function, O(1 + sqrt(b)) iterations at worst.
/// - Reference: *Numerical Recipes*, 3rd ed., §6.2 and §6.4; C. Loader (2000) for the log-prefactors; the
///   values are checked against `scipy.stats.poisson.logsf` / `nbinom.logsf` / `logcdf`
///   (`Tests/Reference/Data/censored/make_censored.py`).
public enum CensoredCountProbability {
    /// Below this a probability is taken in log space from its expansion instead of from its value.
    public static let directFloor = 1e-280

    /// `log P(Y >= bound)` or `log P(Y <= bound)` and its derivative in `mu`, for Poisson `Y` with mean `mu > 0`.
    public static func poisson(bound: Double, direction: CensoredInterval.Direction, mean mu: Double)
        -> (logProbability: Double, derivative: Double) {
        switch direction {
        case .atLeast:
            let b = Swift.max(bound.rounded(.up), 1)
            let (p, _) = SpecialFunctions.regularizedGamma(b, mu)
            let logP = p >= directFloor ? log(p) : logLowerGammaSeries(b, mu)
            return (logP, exp(SpecialFunctions.logPoissonProbability(b - 1, mean: mu) - logP))
        case .atMost:
            let b = Swift.max(bound.rounded(.down), 0)
            let (_, q) = SpecialFunctions.regularizedGamma(b + 1, mu)
            let logQ = q >= directFloor ? log(q) : logUpperGammaFraction(b + 1, mu)
            return (logQ, -exp(SpecialFunctions.logPoissonProbability(b, mean: mu) - logQ))
        }
    }

    /// `log P(Y >= bound)` or `log P(Y <= bound)` and its derivative in `mu`, for NB2 `Y` with mean `mu > 0` and
    /// size `theta > 0`.
    public static func negativeBinomial(bound: Double, direction: CensoredInterval.Direction, mean mu: Double,
                                        theta: Double) -> (logProbability: Double, derivative: Double) {
        let x = mu / (theta + mu), y = theta / (theta + mu)
        let logRate = log(theta) - 2 * log(theta + mu)   // log dx/dmu
        switch direction {
        case .atLeast:
            let b = Swift.max(bound.rounded(.up), 1)
            let (p, _) = SpecialFunctions.regularizedBeta(b, theta, x: x, y: y)
            let logP = p >= directFloor ? log(p) : logRegularizedBeta(b, theta, x: x, y: y)
            let logDensity = (b - 1) * log(x) + (theta - 1) * log(y) - logBeta(b, theta)
            return (logP, exp(logDensity + logRate - logP))
        case .atMost:
            let b = Swift.max(bound.rounded(.down), 0)
            let (_, q) = SpecialFunctions.regularizedBeta(b + 1, theta, x: x, y: y)
            let logQ = q >= directFloor ? log(q) : logRegularizedBeta(theta, b + 1, x: y, y: x)
            let logDensity = b * log(x) + (theta - 1) * log(y) - logBeta(b + 1, theta)
            return (logQ, -exp(logDensity + logRate - logQ))
        }
    }

    /// `log B(a, b)` by ``SpecialFunctions/logBeta(_:_:)`` with the smaller argument first: its large-argument
    /// branch adds the Stirling correction of its first argument, which is right only when that is the smaller
    /// one (with the larger first, the correction is off by `delta(small) - delta(large)`, ~1e-2 at (120, 10)).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        SpecialFunctions.logBeta(Swift.min(a, b), Swift.max(a, b))
    }

    /// The second derivative of `-log P` in `mu` (the curvature of a censored count's term), by a central
    /// difference of the analytic first derivative, relative step ``curvatureStep``.
    public static func negativeLogCurvature(_ derivative: (Double) -> Double, mean mu: Double) -> Double {
        let step = curvatureStep * mu
        return -(derivative(mu + step) - derivative(mu - step)) / (2 * step)
    }

    /// Relative step in `mu` of ``negativeLogCurvature(_:mean:)`` (truncation O(step^2), rounding ~1e-16/step).
    public static let curvatureStep = 1e-4

    /// `log P(a, x)` by the series `P = D(a, x) sum_n x^n / ((a+1)...(a+n))`, `log D = log(x^a e^-x / Gamma(a+1))`:
    /// for a probability too small to represent (x well below a, where the series converges fast).
    static func logLowerGammaSeries(_ a: Double, _ x: Double) -> Double {
        var sum = 1.0, term = 1.0, n = 1.0
        while n < 1e8 {
            term *= x / (a + n)
            sum += term
            if term <= sum * 0x1p-54 { break }
            n += 1
        }
        return SpecialFunctions.logPoissonProbability(a, mean: x) + log(sum)
    }

    /// `log Q(a, x)` by the continued fraction `Q = a D(a, x) / (x + 1 - a - 1(1-a)/(x + 3 - a - ...))` (modified
    /// Lentz): for a probability too small to represent (x well above a).
    static func logUpperGammaFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 1e8 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 0x1p-53 { break }
            i += 1
        }
        return log(a) + SpecialFunctions.logPoissonProbability(a, mean: x) + log(h)
    }

    /// `log I_x(a, b)` from `x^a y^b / (a B(a, b))` times the continued fraction of DLMF 8.17.22 (modified Lentz),
    /// in log space: for a probability too small to represent (x below the mean, where the fraction converges).
    static func logRegularizedBeta(_ a: Double, _ b: Double, x: Double, y: Double) -> Double {
        let logKernel = SpecialFunctions.logBinomialProbability(successes: a, failures: b, probability: x, complement: y)
        let tiny = 1e-300
        let sum = a + b
        var c = 1.0
        var d = (a * y + 1 - b * x) / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 1e8 {
            let m2 = 2 * m
            var coefficient = m * (b - m) * x / ((a - 1 + m2) * (a + m2))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            coefficient = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1 + m2))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= 0x1p-53 { break }
            m += 1
        }
        return logKernel + log(b / sum) + log(h)
    }
}
