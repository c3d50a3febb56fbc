import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import InflowStatistics

/// Joint predictive samples of every bottom key over common future periods: replicate `b` of every key comes
/// from the same draw of the shared parameters, so sums over keys are samples of the aggregates (bottom-up
/// reconciliation, coherent by construction, whole non-negative counts).
public struct BottomSamples: Sendable {
    /// The keys, in order.
    public let keys: [String]
    /// The series origin.
    public let origin: Date
    /// The common future periods (after the latest observation of any key).
    public let grid: ProjectionGrid
    /// Arrivals per key: `periods x replicates` each.
    public let increments: [Matrix]
    /// Each key's cumulative total at the start of the grid, per replicate: what it observed plus its draws
    /// for the time between its own last observation and the grid's start (zero when it reported last).
    public let startTotals: [[Double]]
    /// Each key's remaining pool after each period (`periods x replicates`): the people of its surge its
    /// replicate's curve still expects.
    public let pools: [Matrix]
    /// Each key's remaining pool at its last observation, per replicate: `C_b(inf) - C_b(t_last)` (NaN for a
    /// family without a final size).
    public let remainingAtStart: [[Double]]
    /// What each key had observed.
    public let observed: [Double]
    /// The effective sample size of the posterior draws' importance weights (`PosteriorDraws`), out of the
    /// number of replicates; for concatenated sets, the sum of the parts'.
    public let posteriorEffectiveSampleSize: Double
    /// The series' clock (``/InflowCore/InflowSeries/timeZone``), passed on to the projections made from these samples.
    public var timeZone: TimeZone = InflowSeries.utc

    /// Number of replicates.
    public var replicates: Int { increments.first?.columns ?? 0 }
    /// Number of periods.
    public var periods: Int { grid.periodCount }
}

extension PooledFit {
    /// Joint samples of every key over `grid` from the posterior of the pooled fit: replicate `b` takes a draw
    /// of the shared shape, the common level and every key's `log N_k` from `PosteriorDraws` (importance
    /// resampling of a heavy-tailed Laplace proposal), draws `log theta` from its normal approximation, and then
    /// each key's counts (NB2 around its mean, background included) on each period. The shared draws come from
    /// stream `(seed, stream, b)` of ``/InflowStatistics/RandomStreams`` and each key's from the stream of its
    /// name (`stream + StreamKey.index(name)`), so a key's draws do not depend on its position in the file.
    /// With `background`, each replicate draws the keys' backgrounds from it (the total rate's uncertainty and
    /// the keys' shares); without it, every replicate uses the backgrounds the fit held.
    ///
    /// - Complexity: `replicates` posterior evaluations (one curve evaluation per key at its observation
    ///   times), then per replicate one curve evaluation per key on the grid and one NB2 draw per key and period.
    public func sample(grid: ProjectionGrid, replicates: Int, seed: UInt64, stream: Int,
                       background: BackgroundSplit? = nil) -> BottomSamples {
        precondition(background.map { $0.concentrations.count == keys.count } ?? true, "one share per key")
        let keyCount = keys.count, periods = grid.periodCount
        let streams = RandomStreams(seed: seed)
        let lastTimes = observations.map { $0.count > 0 ? $0.lastTime : grid.boundaries[0] }
        let observedTotals = observations.map { $0.observedTotal + $0.baseline }
        var increments = (0..<keyCount).map { _ in Matrix(rows: periods, columns: replicates) }
        var pools = increments
        var starts = [[Double]](repeating: [Double](repeating: 0, count: replicates), count: keyCount)
        var remaining = starts
        var values = [Double](repeating: 0, count: periods + 2)
        let keyStreams = keys.map { stream &+ StreamKey.index($0) }
        let draws = PosteriorDraws(fit: self, count: replicates, seed: seed, stream: stream, keyStreams: keyStreams)
        for b in 0..<replicates {
            var generator = streams.generator(series: stream, replicate: b)
            let shape = draws.shapes[b]
            let theta = exp(min(max(logTheta + logThetaVariance.squareRoot() * Normal.standardSample(using: &generator), -10), 23))
            var keyGenerators = keyStreams.map { streams.generator(series: $0, replicate: b) }
            var backgrounds = self.backgrounds
            if let background {
                let rate = background.drawRate(using: &generator)
                let shares = (0..<keyCount).map { background.drawShare(key: $0, using: &keyGenerators[$0]) }
                let sum = shares.reduce(0, +)
                backgrounds = shares.map { sum > 0 ? rate * $0 / sum : 0 }
            }
            for k in 0..<keyCount {
                var curve = shape
                curve[sizeLane] = exp(draws.logSizes[b][k])
                let times = [lastTimes[k]] + grid.boundaries
                family.cumulative(at: times, curve, into: &values)
                let limit = family.finalSize(curve)
                remaining[k][b] = limit.isFinite ? max(limit - values[0], 0) : .nan
                let gapMean = max(values[1] - values[0] + backgrounds[k] * (grid.boundaries[0] - lastTimes[k]), 0)
                starts[k][b] = observedTotals[k] + (gapMean > 0 ? Self.negativeBinomial(gapMean, theta, &keyGenerators[k]) : 0)
                for period in 0..<periods {
                    let length = grid.boundaries[period + 1] - grid.boundaries[period]
                    let mean = max(values[period + 2] - values[period + 1] + backgrounds[k] * length, 0)
                    increments[k][period, b] = Self.negativeBinomial(mean, theta, &keyGenerators[k])
                    pools[k][period, b] = limit.isFinite ? max(limit - values[period + 2], 0) : .nan
                }
            }
        }
        return BottomSamples(keys: keys, origin: observations.first?.origin ?? Date(timeIntervalSince1970: 0), grid: grid,
                             increments: increments, startTotals: starts, pools: pools, remainingAtStart: remaining,
                             observed: observedTotals, posteriorEffectiveSampleSize: draws.effectiveSampleSize,
                             timeZone: observations.first?.timeZone ?? InflowSeries.utc)
    }

    /// An NB2 draw with mean `mu` and dispersion `theta`: Poisson with a Gamma(theta, mu/theta) mean.
    @inline(__always)
    static func negativeBinomial<G: RandomNumberGenerator>(_ mu: Double, _ theta: Double, _ generator: inout G) -> Double {
        guard mu > 0 else { return 0 }
        let gamma = Gamma.standardSample(shape: theta, using: &generator)
        return Double(Poisson.sample(mean: mu * gamma / theta, using: &generator))
    }
}

extension BottomSamples {
    /// The replicates of several sample sets of the same keys and grid side by side (a mixture of models, each
    /// with its share of the replicates).
    /// - Precondition: the same keys and grid in every part.
    public static func concatenated(_ parts: [BottomSamples]) -> BottomSamples {
        precondition(!parts.isEmpty, "at least one part")
        let first = parts[0]
        precondition(parts.allSatisfy { $0.keys == first.keys && $0.grid == first.grid }, "same keys and grid")
        func join(_ matrices: [Matrix]) -> Matrix {
            Matrix(rows: matrices[0].rows, columns: matrices.reduce(0) { $0 + $1.columns },
                   columnMajor: matrices.flatMap(\.elements))
        }
        let keyIndices = first.keys.indices
        return BottomSamples(
            keys: first.keys, origin: first.origin, grid: first.grid,
            increments: keyIndices.map { k in join(parts.map { $0.increments[k] }) },
            startTotals: keyIndices.map { k in parts.flatMap { $0.startTotals[k] } },
            pools: keyIndices.map { k in join(parts.map { $0.pools[k] }) },
            remainingAtStart: keyIndices.map { k in parts.flatMap { $0.remainingAtStart[k] } },
            observed: first.observed,
            posteriorEffectiveSampleSize: parts.reduce(0) { $0 + $1.posteriorEffectiveSampleSize }, timeZone: first.timeZone)
    }
}
