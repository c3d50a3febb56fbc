import Foundation
import InflowLinearAlgebra
import InflowModels
import InflowStatistics

/// Stacking weights: the weights on the simplex whose mixture of the members' predictive distributions
/// had the lowest mean CRPS over the rolling-origin backtest (Yao, Vehtari, Simpson & Gelman 2018, with
/// the CRPS as the scoring rule).
///
/// For one scored figure `y` and member samples `X_m`, the CRPS of the mixture `sum_m w_m F_m` is
///
///     CRPS(w) = sum_m w_m a_m - 1/2 sum_m sum_l w_m w_l B_ml,   a_m = E|X_m - y|,  B_ml = E|X_m - X_l|,
///
/// (``/InflowStatistics/PredictiveSample/meanAbsoluteDeviation(from:)`` and ``/InflowStatistics/PredictiveSample/meanAbsoluteDifference(_:)``,
/// the "edf" estimator of ``/InflowStatistics/PredictiveSample/crps(observation:)``, so `CRPS(e_m)` is member m's own CRPS).
/// Averaged over the figures, `c = mean a`, `Q = mean B`, the objective `c^T w - 1/2 w^T Q w` is convex on the
/// simplex (`|x - y|` is a conditionally negative definite kernel, so `v^T Q v <= 0` whenever `sum v = 0`).
/// It is minimised by accelerated projected gradient (FISTA, Beck & Teboulle 2009) with the Euclidean
/// projection onto the simplex (Duchi et al. 2008), from equal weights, until no weight moves by more than
/// 1e-12 (at most 100,000 iterations of O(M^2)). Every 20 iterations the minimiser on the
/// iterate's support is solved for exactly (the KKT system `Q_SS w_S + lambda 1 = c_S`, `1^T w_S = 1`); when
/// that point has positive weights and no weight outside the support would lower the objective
/// (`c_j - (Q w)_j >= lambda`), it satisfies the KKT conditions of the convex problem, so it is the minimiser,
/// and the iterations stop there.
///
/// **Few origins.** A backtest of a few origins cannot tell models apart with confidence, and the plain
/// minimiser then puts all weight on whichever model happened to score best. The weights are therefore
/// averaged over a Bayesian bootstrap of the origins (Yao et al. 2018, section 4.3; Rubin 1981): each of
/// ``bootstrapDraws`` draws gives the origins Dirichlet(1, ..., 1) weights (the figures of one origin share
/// their origin's weight, as they come from one fit), the stacking weights of the reweighted means are
/// found, and the draws' weights are averaged. With many origins the draws agree and the average is the
/// plain minimiser; with few it spreads the weight over the models that were competitive. Draw d uses
/// stream `d` of ``/InflowStatistics/RandomStreams`` seeded with ``bootstrapSeed``, so the weights are
/// reproducible.
///
/// - Reference: Y. Yao, A. Vehtari, D. Simpson, A. Gelman, "Using stacking to average Bayesian predictive
///   distributions", Bayesian Analysis 13(3), 917–1007, 2018; T. Gneiting, A. E. Raftery, "Strictly proper
///   scoring rules, prediction, and estimation", JASA 102 (2007), eq. 21.
public struct StackingWeights: Sendable, Equatable {
    /// The members, in the order given.
    public let members: [ModelID]
    /// The weights, on the simplex.
    public let weights: [Double]
    /// Each member's own mean CRPS over the figures used.
    public let memberCRPS: [Double]
    /// The mixture's mean CRPS at the weights.
    public let mixtureCRPS: Double
    /// Scored figures used (each one a figure that every member forecast).
    public let figures: Int
    /// Distinct forecast origins among them.
    public let origins: Int
    /// The weights of the plain minimiser (all origins weighted equally), before bootstrap averaging.
    public let pointWeights: [Double]

    /// Bayesian bootstrap draws averaged.
    public static let bootstrapDraws = 200
    /// The seed of the bootstrap's streams (fixed: the weights are a function of the backtest alone).
    public static let bootstrapSeed: UInt64 = 0x5354_4143_4B49_4E47

    /// The stacking weights of `members` from the figures in `forecasts` that every member forecast.
    ///
    /// The Bayesian bootstrap's draws run on `threads` threads; each draw has its own stream and the draws'
    /// weights are averaged in draw order, so the weights are the same bits for any thread count.
    /// - Returns: `nil` when no figure has a sample of every member.
    /// - Complexity: O(F M^2 S log S) for the CRPS terms of F figures with S samples per member, then
    ///   ``bootstrapDraws`` + 1 minimisations of O(M^2) per iteration.
    public init?(members: [ModelID], forecasts: [BacktestForecast], threads: Int = 1) {
        let usable = forecasts.filter { forecast in members.allSatisfy { forecast.samples[$0] != nil } }
        guard !usable.isEmpty, !members.isEmpty else { return nil }
        let m = members.count
        // Per figure: a_m and B_ml; per origin, their sums.
        let originList = Array(Set(usable.map(\.origin))).sorted()
        var originC = [[Double]](repeating: [Double](repeating: 0, count: m), count: originList.count)
        var originQ = [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: m), count: m),
                                   count: originList.count)
        var originFigures = [Double](repeating: 0, count: originList.count)
        for forecast in usable {
            let o = originList.firstIndex(of: forecast.origin)!
            originFigures[o] += 1
            let samples = members.map { forecast.samples[$0]! }
            for i in 0..<m {
                originC[o][i] += samples[i].meanAbsoluteDeviation(from: forecast.observed)
                for j in i..<m {
                    let b = samples[i].meanAbsoluteDifference(samples[j])
                    originQ[o][i][j] += b
                    if j != i { originQ[o][j][i] += b }
                }
            }
        }
        let (sumsC, sumsQ, figureCounts) = (originC, originQ, originFigures)
        /// The figure-weighted means of a and B with origin weights `omega` (each figure of origin o weighs omega_o).
        @Sendable func means(_ omega: [Double]) -> (c: [Double], q: [[Double]]) {
            let total = zip(omega, figureCounts).reduce(0) { $0 + $1.0 * $1.1 }
            var c = [Double](repeating: 0, count: m)
            var q = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
            for o in omega.indices {
                for i in 0..<m {
                    c[i] += omega[o] * sumsC[o][i] / total
                    for j in 0..<m { q[i][j] += omega[o] * sumsQ[o][i][j] / total }
                }
            }
            return (c, q)
        }
        let (c, q) = means(Array(repeating: 1, count: originList.count))
        self.members = members
        pointWeights = Self.minimize(c: c, q: q)
        let streams = RandomStreams(seed: Self.bootstrapSeed)
        let originCount = originList.count
        let drawWeights = ParallelReplicates.map(count: Self.bootstrapDraws, threads: threads,
                                                 workspace: { () }) { draw, _ -> [Double] in
            var generator = streams.stream(UInt64(draw))
            // Dirichlet(1, ..., 1): normalised standard exponentials.
            let omega = (0..<originCount).map { _ in -log(generator.nextUniformOpen()) }
            let (cd, qd) = means(omega)
            return Self.minimize(c: cd, q: qd)
        }
        var averaged = [Double](repeating: 0, count: m)
        for w in drawWeights {
            for i in 0..<m { averaged[i] += w[i] / Double(Self.bootstrapDraws) }
        }
        let sum = averaged.reduce(0, +)
        weights = averaged.map { $0 / sum }
        memberCRPS = (0..<m).map { c[$0] - q[$0][$0] / 2 }
        mixtureCRPS = Self.objective(weights, c: c, q: q)
        figures = usable.count
        origins = originList.count
    }

    /// `c^T w - 1/2 w^T Q w`.
    static func objective(_ w: [Double], c: [Double], q: [[Double]]) -> Double {
        var value = 0.0
        for i in w.indices {
            value += c[i] * w[i]
            for j in w.indices { value -= 0.5 * w[i] * q[i][j] * w[j] }
        }
        return value
    }

    /// The minimiser of `c^T w - 1/2 w^T Q w` on the simplex (FISTA with the simplex projection, ended by the exact
    /// solution on the iterate's support once that solution passes the KKT test, ``exactMinimizer(c:q:support:)``).
    ///
    /// The iterations reuse arrays made once (none is made per iteration) and carry the objective at the current
    /// point over from the previous iteration. O(M^2) per iteration, O(M^3) per exact attempt (every
    /// ``exactSolveInterval`` iterations). On the bundled figures the exact stop saves about 40 ms of the default
    /// command's CPU, and the weights move by less than 1e-9 from those of FISTA run to steps of 1e-12.
    static func minimize(c: [Double], q: [[Double]]) -> [Double] {
        let m = c.count
        guard m > 1 else { return [1] }
        // The gradient c - Q w is Lipschitz with constant ||Q||, bounded by the largest absolute row sum.
        let lipschitz = max(q.map { $0.reduce(0) { $0 + Swift.abs($1) } }.max() ?? 1, 1e-300)
        let step = 1 / lipschitz
        var w = [Double](repeating: 1 / Double(m), count: m)
        var y = w
        var next = w
        var sorted = w
        var t = 1.0
        var currentObjective = objective(w, c: c, q: q)
        var support = [Bool](repeating: true, count: m)
        for iteration in 1...100_000 {
            for i in 0..<m {
                var gradient = c[i]
                for j in 0..<m { gradient -= q[i][j] * y[j] }
                next[i] = y[i] - step * gradient
            }
            projectOntoSimplex(&next, sorted: &sorted)
            var largestMove = 0.0
            for i in 0..<m { largestMove = max(largestMove, Swift.abs(next[i] - w[i])) }
            let nextT = (1 + (1 + 4 * t * t).squareRoot()) / 2
            for i in 0..<m { y[i] = next[i] + (t - 1) / nextT * (next[i] - w[i]) }
            // Restart the momentum when the objective goes up (O'Donoghue & Candès 2015).
            let nextObjective = objective(next, c: c, q: q)
            if nextObjective > currentObjective {
                for i in 0..<m { y[i] = next[i] }
                t = 1
            } else {
                t = nextT
            }
            for i in 0..<m { w[i] = next[i] }   // element by element: w and next keep their own storage
            currentObjective = nextObjective
            if largestMove <= 1e-12 { break }
            if iteration % exactSolveInterval == 0 {
                for i in 0..<m { support[i] = w[i] > 0 }
                if let exact = exactMinimizer(c: c, q: q, support: support) { return exact }
            }
        }
        return w
    }

    /// How often (in iterations) ``minimize(c:q:)`` tries the exact minimiser on its iterate's support.
    static let exactSolveInterval = 20

    /// The minimiser of `c^T w - 1/2 w^T Q w` on the simplex when its support is `support`, or `nil` when it is not.
    ///
    /// On the support S (k members, the last one L) the weights are `w_S = e_L + Z u` with `Z = [I; -1^T]`, which keeps
    /// `1^T w_S = 1`; the objective is then a quadratic in the k - 1 free weights `u` with curvature `H = -Z^T Q_SS Z`,
    /// positive definite when no two members forecast alike (`|x - y|` is conditionally negative definite), and its
    /// stationary point solves `H u = -Z^T (c - Q e_L)` (`SmallCholesky`, so k <= 9). The point
    /// is accepted only if it satisfies the KKT conditions to 1e-12 of the problem's scale: every `w_S > 0`, one
    /// multiplier `lambda` equal to the gradient `c - Q w` on the support, and no smaller gradient off it. For this
    /// convex problem that makes it the minimiser. A curvature that does not factor (two members with the same
    /// forecasts) gives `nil`. O(M^2 + k^3).
    static func exactMinimizer(c: [Double], q: [[Double]], support: [Bool]) -> [Double]? {
        let m = c.count
        let indices = (0..<m).filter { support[$0] }
        let free = indices.count - 1
        guard free >= 0, free <= SmallMatrix.maximumOrder else { return nil }
        let last = indices[free]
        var w = [Double](repeating: 0, count: m)
        if free == 0 {
            w[last] = 1
        } else {
            var curvature = SmallMatrix(order: free)
            var rightSide = SIMD8<Double>.zero
            for (a, i) in indices.prefix(free).enumerated() {
                for (b, j) in indices.prefix(free).enumerated() {
                    curvature[a, b] = -(q[i][j] - q[i][last] - q[last][j] + q[last][last])
                }
                rightSide[a] = -((c[i] - q[i][last]) - (c[last] - q[last][last]))
            }
            guard let u = SmallCholesky.solve(curvature, rightSide) else { return nil }
            var rest = 1.0
            for (a, i) in indices.prefix(free).enumerated() {
                w[i] = u[a]
                rest -= u[a]
            }
            w[last] = rest
        }
        guard indices.allSatisfy({ w[$0] > 0 && w[$0].isFinite }) else { return nil }
        var scale = 1.0
        for i in 0..<m {
            scale = max(scale, Swift.abs(c[i]))
            for value in q[i] { scale = max(scale, Swift.abs(value)) }
        }
        let tolerance = 1e-12 * scale
        let gradient = (0..<m).map { j in (0..<m).reduce(c[j]) { $0 - q[j][$1] * w[$1] } }
        let lambda = gradient[last]
        for j in 0..<m {
            let excess = gradient[j] - lambda
            guard support[j] ? Swift.abs(excess) <= tolerance : excess >= -tolerance else { return nil }
        }
        return w
    }

    /// ``projectOntoSimplex(_:)`` in place, with `sorted` (as long as `v`) as its workspace.
    static func projectOntoSimplex(_ v: inout [Double], sorted: inout [Double]) {
        let m = v.count
        // Insertion sort, largest first: M is a handful of models.
        for i in 0..<m {
            let value = v[i]
            var k = i
            while k > 0 && sorted[k - 1] < value {
                sorted[k] = sorted[k - 1]
                k -= 1
            }
            sorted[k] = value
        }
        var cumulative = 0.0
        var tau = 0.0
        for index in 0..<m {
            let value = sorted[index]
            cumulative += value
            let candidate = (cumulative - 1) / Double(index + 1)
            if value - candidate > 0 { tau = candidate }
        }
        for i in 0..<m { v[i] = max(v[i] - tau, 0) }
    }

    /// The Euclidean projection of `v` onto the probability simplex: `max(v_i - tau, 0)` with `tau` from the
    /// sorted values (Duchi, Shalev-Shwartz, Singer & Chandra, "Efficient projections onto the l1-ball",
    /// ICML 2008). O(m^2): the values are sorted by insertion, as there are a handful of models.
    static func projectOntoSimplex(_ v: [Double]) -> [Double] {
        var projected = v
        var sorted = v
        projectOntoSimplex(&projected, sorted: &sorted)
        return projected
    }
}
