import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowStatistics

extension CurveLikelihood {
    /// The censored counts' part of the objective, its score and curvature.
    struct CensoredTerms {
        /// `-sum_j log P_j`.
        var value: Double
        /// `sum_j f_j g_j` (and the dispersion score in `s = log theta`).
        var score: SIMD8<Double>
        /// `sum_j w_j g_j g_j^T` (and the squared dispersion score on the dispersion's diagonal).
        var curvature: SmallMatrix
        /// Per censored count: its score vector (for the sandwich), `f_j` and `g_j`.
        var scores: [SIMD8<Double>]
    }

    /// Step in `s = log theta` of the dispersion score's central difference.
    static var censoredDispersionStep: Double { 1e-5 }

    /// The terms of the censored counts (``PreparedObservations/censored``) at `parameters`:
    /// `-log P(Y_j >= b_j)` or `-log P(Y_j <= b_j)` each (``CensoredCountProbability``), with mean
    /// `mu_j = C(end_j) - C(start_j) + beta (end_j - start_j)` (counts as rates: `(c(start_j) + beta) * length_j`),
    /// the same background exposure as the interval counts.
    ///
    /// Score `f_j g_j` with `f_j = -d log P_j / d mu_j` and `g_j = d mu_j / d parameters`; curvature
    /// `w_j g_j g_j^T` with `w_j = d2(-log P_j)/d mu_j^2` (a central difference of the analytic `f_j`,
    /// ``CensoredCountProbability/negativeLogCurvature(_:mean:)``), or the scores' outer product `f_j^2` where
    /// that is not positive. (`f_j^2` alone is far too large in a far tail, where `-log P` grows like
    /// `b log(b / mu)`: `f^2 ~ (b / mu)^2` against `w ~ b / mu^2`, and the solver would crawl.) Both are
    /// positive, so the solver's system stays positive definite. For NB2 the score in `s = log theta` is a
    /// central difference of `-sum log P_j` (step ``censoredDispersionStep``, truncation error O(step^2)), its
    /// square added to the dispersion's diagonal.
    /// Gaussian errors (no count likelihood) ignore bounds: the loader refuses bounds in level data.
    ///
    /// The curve is evaluated once, at the censored intervals' boundaries (``PreparedObservations/censoredGrid``),
    /// apart from the exact grid: one family evaluation per call, and none without censored counts.
    /// - Complexity: one family evaluation on `O(m)` times and O(m p^2) for m censored counts, plus one
    ///   incomplete gamma or beta function per count (three for NB2).
    func censoredTerms(_ parameters: SIMD8<Double>, withGradients: Bool) -> CensoredTerms {
        var result = CensoredTerms(value: 0, score: .zero, curvature: SmallMatrix(order: parameterCount), scores: [])
        let censored = observations.censored
        guard !censored.isEmpty, error.isCount else { return result }
        let grid = observations.censoredGrid
        var values = [Double](repeating: 0, count: grid.times.count)
        var gradients = [SIMD8<Double>](repeating: .zero, count: grid.times.count)
        let startTimes = countsAsRate ? censored.map(\.start) : grid.times
        if countsAsRate {
            values = [Double](repeating: 0, count: startTimes.count)
            gradients = [SIMD8<Double>](repeating: .zero, count: startTimes.count)
            if withGradients {
                family.rateWithGradient(at: startTimes, parameters, values: &values, gradients: &gradients)
            } else {
                family.rate(at: startTimes, parameters, into: &values)
            }
        } else if withGradients {
            family.cumulativeWithGradient(at: grid.times, parameters, values: &values, gradients: &gradients)
        } else {
            family.cumulative(at: grid.times, parameters, into: &values)
        }
        let beta = backgroundRate(parameters)
        let theta = dispersion(parameters)
        if let theta, !(theta > 0 && theta < .infinity) {
            result.value = .infinity
            return result
        }
        func logProbability(_ interval: CensoredInterval, _ mu: Double, _ theta: Double?) -> (Double, Double) {
            if let theta {
                let r = CensoredCountProbability.negativeBinomial(bound: interval.bound, direction: interval.direction,
                                                                  mean: mu, theta: theta)
                return (r.logProbability, r.derivative)
            }
            let r = CensoredCountProbability.poisson(bound: interval.bound, direction: interval.direction, mean: mu)
            return (r.logProbability, r.derivative)
        }
        if withGradients { result.scores.reserveCapacity(censored.count) }
        for (j, interval) in censored.enumerated() {
            let length = interval.length
            var mu: Double
            var g = SIMD8<Double>.zero
            if countsAsRate {
                mu = (values[j] + beta) * length
                if withGradients { g = gradients[j] * length }
            } else {
                let a = grid.startIndex[j], b = grid.endIndex[j]
                mu = values[b] - values[a] + beta * length
                if withGradients { g = gradients[b] - gradients[a] }
            }
            mu = Swift.max(mu, meanFloor)
            if let index = backgroundIndex { g[index] = length }
            let (logP, derivative) = logProbability(interval, mu, theta)
            result.value -= logP
            guard withGradients else { continue }
            let f = -derivative
            var s = g * f
            let curvature = CensoredCountProbability.negativeLogCurvature({ logProbability(interval, $0, theta).1 }, mean: mu)
            let weight = curvature > 0 && curvature.isFinite ? curvature : f * f
            for a in 0..<meanParameterCount {
                for b in 0..<meanParameterCount { result.curvature[a, b] += weight * g[a] * g[b] }
            }
            if let d = dispersionIndex, let theta {
                let h = Self.censoredDispersionStep
                let plus = logProbability(interval, mu, theta * exp(h)).0
                let minus = logProbability(interval, mu, theta * exp(-h)).0
                let ds = -(plus - minus) / (2 * h)
                s[d] = ds
                result.curvature[d, d] += ds * ds
            }
            result.score += s
            result.scores.append(s)
        }
        if !result.value.isFinite { result.value = .infinity }
        return result
    }
}
