import Foundation
import InflowData
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import InflowStatistics

/// Splits the site's projection among the provinces of origin, replicate by replicate, with the
/// ``ProvincialFit``'s mechanism, so the provinces add up to the site's projection in every replicate.
///
/// For replicate `r`, from its own random stream (`seed`, the stream index of ``streamName``, `r`): a travel
/// delay from the delay posterior (inverse-CDF draw over the grid); `h` and `t0` from the normal
/// approximation of that delay's national fit (its covariance; `h` kept above a tenth of its estimate); the pools
/// `lambda_p ~ Gamma(alpha_p + n_p, beta + E_p)` (``ProvincialModel``; for a province without counts,
/// `Gamma(alpha_p, beta)`, so the shares are Dirichlet(`alpha`)). Then for every projected period `k` the
/// province weights are
///
///     q_pk = lambda_p (F_p(t_k+1) - F_p(t_k)) + (lambda_p / sum lambda) b (t_k+1 - t_k),
///
/// and the site's arrivals `y_kr` of that replicate are split multinomially with probabilities
/// `q_pk / sum_p q_pk` (sequential binomials; proportionally when `y_kr` is not a whole number). The national
/// numbers are the ensemble's: the model only says from where.
///
/// Alternative share priors reuse the same streams (common random numbers), so differences between them come
/// from the shares, not from sampling noise.
///
/// - Complexity: O(replicates x provinces x periods) distribution evaluations, spread over `threads`.
public enum ProvincialAllocation {
    /// The name whose ``/InflowProjection/StreamKey`` index keys the allocation's streams.
    public static let streamName = "provincial allocation"

    /// The site's `headline` projection split among provinces by `fit`, with `shares` as the prior
    /// (default: the model's).
    public static func run(_ headline: Projection, fit: ProvincialFit, shares: ProvinceShares? = nil,
                           seed: UInt64, threads: Int) -> ProvincialProjection {
        let model = fit.model
        let shares = shares ?? model.shares
        let alpha = model.concentrations(shares)
        let counts = fit.counts
        let active = model.codes.indices.filter { alpha[$0] > 0 || counts?.codes.contains(model.codes[$0]) == true }
        let informed = counts?.coverage != nil

        let boundaries = headline.grid.boundaries
        let periods = headline.periods
        let replicates = headline.replicates
        let incrementValues = headline.increments
        let draws = fit.fits.map(ParameterDraw.init)
        let streams = RandomStreams(seed: seed)
        let streamIndex = StreamKey.index(streamName)

        struct Output: Sendable {
            var values: [Double]      // provinces x periods, province-major
            var shares: [Double]
        }
        let outputs = ParallelReplicates.map(count: replicates, threads: threads, workspace: { () -> [Double] in [] }) {
            replicate, weights in
            var generator = streams.generator(series: streamIndex, replicate: replicate)
            let node = fit.delay.index(at: generator.nextUniform())
            let delay = fit.delay.nodes[node]
            let national = fit.fits[fit.delay.fitIndexes[node]]
            let (hazard, onset) = draws[fit.delay.fitIndexes[node]].sample(using: &generator)
            let beta = shares.concentration / max(national.curveParameters[0], 1)
            let background = max(national.backgroundRate, 0)
            var pools = [Double](repeating: 0, count: active.count)
            for (slot, index) in active.enumerated() {
                let code = model.codes[index]
                if informed, let intervals = counts?.observedIntervals(code) {
                    let exposure = intervals.reduce(0) {
                        $0 + fit.exposure(index, $1, delay: delay, hazard: hazard, onset: onset, national: national)
                    }
                    let n = intervals.reduce(0) { $0 + $1.count }
                    let a = max(alpha[index], ProvincialModel.observedFloor) + n
                    pools[slot] = Gamma.standardSample(shape: a, using: &generator) / (beta + exposure)
                } else {
                    pools[slot] = Gamma.standardSample(shape: alpha[index], using: &generator) / beta
                }
            }
            let poolTotal = pools.reduce(0, +)
            var arrivedBefore = active.map { fit.arrived($0, at: boundaries[0], delay: delay, hazard: hazard, onset: onset) }
            weights = [Double](repeating: 0, count: active.count)
            var values = [Double](repeating: 0, count: active.count * periods)
            for k in 0..<periods {
                let length = boundaries[k + 1] - boundaries[k]
                var weightTotal = 0.0
                for (slot, index) in active.enumerated() {
                    let arrivedAfter = fit.arrived(index, at: boundaries[k + 1], delay: delay, hazard: hazard, onset: onset)
                    let weight = pools[slot] * max(arrivedAfter - arrivedBefore[slot], 0)
                        + (poolTotal > 0 ? pools[slot] / poolTotal : 0) * background * length
                    arrivedBefore[slot] = arrivedAfter
                    weights[slot] = weight
                    weightTotal += weight
                }
                if !(weightTotal > 0) {
                    for slot in weights.indices { weights[slot] = pools[slot] }
                    weightTotal = poolTotal
                }
                let y = incrementValues[k, replicate]
                guard y.isFinite, weightTotal > 0 else {
                    for slot in 0..<active.count { values[slot * periods + k] = y.isFinite ? 0 : .nan }
                    continue
                }
                if y >= 0, y == y.rounded(), y < 1e15 {
                    var remaining = Int(y)
                    var tail = weightTotal
                    for slot in 0..<active.count {
                        let p = tail > 0 ? min(1, weights[slot] / tail) : 0
                        let x = slot == active.count - 1 ? remaining
                            : (remaining > 0 ? Binomial.sample(count: remaining, probability: p, using: &generator) : 0)
                        values[slot * periods + k] = Double(x)
                        remaining -= x
                        tail -= weights[slot]
                    }
                } else {
                    for slot in 0..<active.count { values[slot * periods + k] = y * weights[slot] / weightTotal }
                }
            }
            return Output(values: values, shares: pools.map { poolTotal > 0 ? $0 / poolTotal : 0 })
        }
        var increments: [Matrix] = []
        var shareSamples: [[Double]] = []
        for slot in active.indices {
            var columns = [Double](repeating: 0, count: periods * replicates)
            for replicate in 0..<replicates {
                for k in 0..<periods { columns[replicate * periods + k] = outputs[replicate].values[slot * periods + k] }
            }
            increments.append(Matrix(rows: periods, columns: replicates, columnMajor: columns))
            shareSamples.append(outputs.map { $0.shares[slot] })
        }
        return ProvincialProjection(
            provinces: active.map { model.provinces[$0] }, basis: active.map { fit.basis(model.codes[$0]) },
            shareSource: shares.source, priorShares: active.map { alpha[$0] / max(alpha.reduce(0, +), .leastNormalMagnitude) },
            site: headline, increments: increments, shareSamples: shareSamples)
    }
}

/// Draws `(h, t0)` from the normal approximation of a national fit (2 x 2 Cholesky of their covariance).
struct ParameterDraw: Sendable {
    let hazard: Double
    let onset: Double
    let l11: Double
    let l21: Double
    let l22: Double

    init(_ fit: CurveFit) {
        hazard = fit.curveParameters[1]
        onset = fit.curveParameters[2]
        guard let covariance = fit.covariance, covariance.rows > 2 else {
            (l11, l21, l22) = (0, 0, 0)
            return
        }
        let c11 = covariance[1, 1], c21 = covariance[2, 1], c22 = covariance[2, 2]
        guard c11.isFinite, c21.isFinite, c22.isFinite else {
            (l11, l21, l22) = (0, 0, 0)
            return
        }
        let a = max(c11, 0).squareRoot()
        let b = a > 0 ? c21 / a : 0
        (l11, l21, l22) = (a, b, max(c22 - b * b, 0).squareRoot())
    }

    func sample<G: RandomNumberGenerator>(using generator: inout G) -> (hazard: Double, onset: Double) {
        let z1 = Normal.standardSample(using: &generator)
        let z2 = Normal.standardSample(using: &generator)
        return (max(hazard + l11 * z1, 0.1 * hazard), onset + l21 * z1 + l22 * z2)
    }
}
