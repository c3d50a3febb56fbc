import Foundation
import InflowCore
import InflowStatistics

/// Draws of a pooled fit's mean parameters (the shared shape, the common level `mu` and every key's `log N_k`)
/// from their posterior, by importance resampling from a heavy-tailed Laplace proposal.
///
/// The Laplace (normal) approximation at the mode is too narrow when the data do not yet show a peak: the
/// posterior of a size is then skewed towards large values, and normal draws from the mode miss that tail, so
/// intervals undercover. Each draw is made from a multivariate Student-t with ``degreesOfFreedom`` around the
/// mode with the Laplace covariance (the shared block, then each key given the shared parameters), weighted
/// by `exp(log posterior - log proposal)`, and the draws are resampled systematically in proportion to their
/// weights. The target is the penalised likelihood of ``PartialPooling`` at the fit's `sigma` and `theta`
/// (flat priors on the shape and `mu`), truncated at the parameter bounds and the size limits the fit used.
///
/// - Complexity: per draw one curve evaluation per key at its observation times and O(n) logarithms.
/// - References: Rubin, "Using the SIR algorithm to simulate posterior distributions", Bayesian Statistics 3
///   (1988); Geweke, "Bayesian inference in econometric models using Monte Carlo integration", Econometrica 57
///   (1989), on Student-t importance functions.
struct PosteriorDraws {
    /// The Student-t proposal's degrees of freedom: tails heavy enough to cover a skewed posterior, while the
    /// weights stay bounded where the posterior is close to normal.
    static let degreesOfFreedom = 5.0
    /// Tag of the random streams of the proposal, apart from those of the counts.
    static let streamTag: UInt64 = 0x504F_5354_4452_4157

    /// The resampled draws: `shapes[b]` and `logSizes[b][k]`.
    let shapes: [SIMD8<Double>]
    let logSizes: [[Double]]
    /// The effective sample size of the importance weights, `1 / sum w^2` (out of the number of proposals).
    let effectiveSampleSize: Double

    /// `count` resampled draws from `count` proposals; proposal `i`'s shared draws come from stream
    /// `(stream, i)` and key `k`'s from stream `(keyStreams[k], i)` of the proposal's random streams.
    init(fit: PooledFit, count: Int, seed: UInt64, stream: Int, keyStreams: [Int]) {
        let problem = fit.problem
        let keyCount = fit.keys.count
        let q = fit.shapeLanes.count + 1
        let nu = Self.degreesOfFreedom
        let dimension = Double(q + keyCount)
        let factor = PoolingProblem.cholesky(fit.sharedCovariance)
            ?? Array(repeating: Array(repeating: 0, count: q), count: q)
        let streams = RandomStreams(seed: RandomStreams.derive(seed, Self.streamTag))
        let theta = fit.theta
        let modeState = PoolingProblem.State(eta: fit.logSizes, shape: fit.shape, mean: fit.priorMean, logTheta: fit.logTheta)
        let modeLogPosterior = problem.logPosteriorKernel(modeState, sigma: fit.priorSD, theta: theta)
        var shapes: [SIMD8<Double>] = []
        var logSizes: [[Double]] = []
        var logWeights: [Double] = []
        shapes.reserveCapacity(count)
        logSizes.reserveCapacity(count)
        logWeights.reserveCapacity(count)
        for i in 0..<count {
            var generator = streams.generator(series: stream, replicate: i)
            let scale = 1 / (Gamma.standardSample(shape: nu / 2, using: &generator) * 2 / nu).squareRoot()
            var squared = 0.0
            var normals = [Double](repeating: 0, count: q)
            for j in 0..<q {
                normals[j] = Normal.standardSample(using: &generator)
                squared += normals[j] * normals[j]
            }
            var z = [Double](repeating: 0, count: q)
            for a in 0..<q { for b in 0...a { z[a] += factor[a][b] * normals[b] * scale } }
            var state = modeState
            var inside = true
            for (j, lane) in fit.shapeLanes.enumerated() {
                state.shape[lane] += z[j]
                if !(state.shape[lane] >= problem.lower[lane] && state.shape[lane] <= problem.upper[lane]) { inside = false }
            }
            state.mean += z[q - 1]
            for k in 0..<keyCount {
                var keyGenerator = streams.generator(series: keyStreams[k], replicate: i)
                let normal = Normal.standardSample(using: &keyGenerator)
                squared += normal * normal
                let precision = fit.keyPrecision[k]
                var shift = 0.0
                for j in 0..<q { shift -= fit.coupling[k][j] * z[j] }
                state.eta[k] = fit.logSizes[k] + (precision > 0 ? (shift + precision.squareRoot() * normal * scale) / precision : 0)
                if state.eta[k] > problem.logSizeLimits[k] { inside = false }
            }
            // The proposal's log density up to a constant: -(nu + d)/2 log(1 + delta/nu), delta = |n|^2 scale^2.
            let logProposal = -(nu + dimension) / 2 * log1p(squared * scale * scale / nu)
            let logTarget = inside ? problem.logPosteriorKernel(state, sigma: fit.priorSD, theta: theta) - modeLogPosterior : -.infinity
            shapes.append(state.shape)
            logSizes.append(state.eta)
            logWeights.append(logTarget.isFinite ? logTarget - logProposal : -.infinity)
        }
        let largest = logWeights.max() ?? 0
        var weights = logWeights.map { largest.isFinite ? exp($0 - largest) : 1 }
        let sum = weights.reduce(0, +)
        weights = weights.map { sum > 0 && sum.isFinite ? $0 / sum : 1 / Double(count) }
        effectiveSampleSize = ConditionalResampling.effectiveSampleSize(weights)
        var generator = streams.generator(series: stream, replicate: count)
        let picks = ConditionalResampling.systematic(weights, count: count, uniform: generator.nextUniform())
        self.shapes = picks.map { shapes[$0] }
        self.logSizes = picks.map { logSizes[$0] }
    }
}

extension PoolingProblem {
    /// The log posterior of the mean parameters at a state, up to a constant, for fixed `sigma` and `theta`:
    /// `sum_ki [theta log(theta / (theta + mu_ki)) + y_ki log(mu_ki / (theta + mu_ki))]
    ///  - sum_k (eta_k - mu)^2 / (2 sigma^2)`, the NB2 log-likelihood without the terms free of `mu_ki`.
    /// - Complexity: one curve evaluation per key at its times and two logarithms per observation.
    func logPosteriorKernel(_ state: State, sigma: Double, theta: Double) -> Double {
        var total = 0.0
        var values: [Double] = []
        let precision = 1 / (sigma * sigma)
        for (k, key) in keys.enumerated() {
            let n = exp(state.eta[k])
            values = Array(repeating: 0, count: key.times.count)
            family.cumulative(at: key.times, state.shape, into: &values)
            for i in key.responses.indices {
                let y = key.responses[i]
                let mu = max(n * (values[key.end[i]] - values[key.start[i]]) + backgrounds[k] * key.lengths[i], meanFloor)
                total += -theta * log1p(mu / theta) + (y > 0 ? y * log(mu / (theta + mu)) : 0)
            }
            let deviation = state.eta[k] - state.mean
            total -= deviation * deviation * precision / 2
        }
        return total.isFinite ? total : -.infinity
    }
}
