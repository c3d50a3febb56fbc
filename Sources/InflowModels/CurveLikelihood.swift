import InflowCore
import CInflowKernels
import Foundation
import InflowFitting
import InflowLinearAlgebra
import InflowStatistics
import Synchronization

/// The source of ``CurveLikelihood`` response tags (one counter for every family).
private let curveLikelihoodResponsesTags = Atomic<UInt64>(0)

/// The objective a curve fit minimises: the negative log-likelihood of the observations
/// under a curve family, an error family and an optional background rate.
///
/// Parameter layout (at most 8): the family's parameters, then `beta` (background, if
/// estimated), then `log theta` (NB2 dispersion, if negative binomial).
///
/// Means: for interval counts `mu_i = C(b_i) - C(a_i) + beta (b_i - a_i)`, evaluated once
/// per distinct boundary time; for counts-as-rate `mu_i = (c(a_i) + beta) (b_i - a_i)`; for
/// level data `mu_i = C(t_i) + beta t_i`.
///
/// Objectives (constants kept, so AIC compares across families):
/// - Gaussian: `f = RSS / 2` (the Gauss-Newton metric; the log-likelihood with the
///   variance profiled out is `-n/2 (log(2 pi RSS/n) + 1)`);
/// - Poisson: `f = sum mu_i - y_i log mu_i + log y_i!`, Fisher weight `1/mu_i`;
/// - NB2: `f = -sum [SpecialFunctions.logGamma(y+theta) - SpecialFunctions.logGamma(theta) - log y! + theta log(theta/(theta+mu)) + y log(mu/(theta+mu))]`,
///   Fisher weight `theta / (mu (theta + mu))` for the mean parameters; for `s = log theta`
///   the observed information `-(theta^2 d2l/dtheta2 + theta dl/dtheta)` when positive,
///   else the outer product of the scores. Mean and dispersion are orthogonal (zero
///   expected cross information); the curvature carries their observed coupling
///   `sum_i -theta (y_i - mu_i) / (theta + mu_i)^2 dmu_i/dtheta` when the result stays positive
///   definite, so that Levenberg–Marquardt converges in both at once.
///
/// Censored counts (bounds, ``/InflowCore/PreparedObservations/censored``): each adds `-log P(Y >= b)` or
/// `-log P(Y <= b)` under the error family (``CensoredCountProbability``), with the mean of its interval
/// made as for interval counts; their scores join the gradient and their outer products the curvature
/// (`CurveLikelihood+Censored.swift`). ``replacingResponses(_:heldBackground:)`` keeps the bounds as
/// published: a bootstrap replicate redraws the exact counts and keeps the published "more than N".
///
/// Cost per evaluation: one family evaluation per distinct time, O(n p^2) for the
/// curvature; NB2 adds one lgamma, digamma and trigamma per observation. Censored counts add one family
/// evaluation at their boundaries and an incomplete gamma or beta function each; without them nothing.
public struct CurveLikelihood<Family: CurveFamily>: ScoringProblem, Sendable {
    /// The curve family.
    public let family: Family
    /// The error family.
    public let error: ErrorFamily
    /// The observations.
    public let observations: PreparedObservations
    /// The background rate setting.
    public private(set) var background: BackgroundRate
    /// Whether counts are modelled as the rate at the start of their period.
    public let countsAsRate: Bool

    /// Responses `y_i`.
    public private(set) var responses: [Double]
    /// Where the curve is evaluated and how the means are made from it.
    let grid: ObservationGrid
    /// `sum log y_i!` (count families).
    private(set) var logFactorialSum: Double
    /// Means below this are floored in scores and weights: 1e-10 times the mean response (at least 1e-10).
    private(set) var meanFloor: Double
    /// Identifies the responses: a workspace that last served other responses (another bootstrap
    /// replicate) forgets its cached values before it serves these (``Scratch/adopt(_:)``).
    private(set) var responsesTag: UInt64

    /// Index of `beta` in the parameter vector, if estimated.
    public let backgroundIndex: Int?
    /// Index of `log theta` in the parameter vector, for NB2.
    public let dispersionIndex: Int?
    public let parameterCount: Int
    /// The parameters the means depend on (the curve's and the background rate): all but NB2's
    /// dispersion, which comes last.
    var meanParameterCount: Int { dispersionIndex ?? parameterCount }

    /// One slot of a likelihood's workspace (``Scratch``, one thread): the curve at the grid times, the
    /// means and their gradients, and the last objective value. The per-observation buffers are raw memory reached
    /// through `let` properties, so the loops over observations pay no exclusivity check and no
    /// uniqueness test per element; the `var` properties skip the dynamic exclusivity check too
    /// (`@exclusivity(unchecked)`): one thread uses a workspace, and no access to a property overlaps
    /// another to the same property.
    final class Slot {
        @exclusivity(unchecked) var values: [Double]
        @exclusivity(unchecked) var gradients: [SIMD8<Double>]
        let means: UnsafeMutableBufferPointer<Double>
        let meanGradients: UnsafeMutableBufferPointer<SIMD8<Double>>
        /// Per-observation terms from the vector kernels (`CInflowKernels`): log-likelihood terms, then
        /// the NB2 weights, score and coupling factors and the dispersion score and information terms.
        let terms: UnsafeMutablePointer<Double>
        let weights: UnsafeMutablePointer<Double>
        let scoreFactors: UnsafeMutablePointer<Double>
        let crossFactors: UnsafeMutablePointer<Double>
        let dispersionScores: UnsafeMutablePointer<Double>
        let dispersionInformation: UnsafeMutablePointer<Double>
        private let termStorage: UnsafeMutableBufferPointer<Double>
        /// The parameters of the last ``objective(_:)`` and its value: ``evaluate(_:)`` at the same
        /// point (an accepted trial step) reuses it instead of recomputing the log-likelihood.
        @exclusivity(unchecked) var lastObjective: (parameters: SIMD8<Double>, value: Double)?
        /// The parameters of the means (and, if `withGradients`, the gradients) in the buffers: an
        /// evaluation at the point of the last objective (an accepted trial step) reuses them.
        @exclusivity(unchecked) var meansState: (parameters: SIMD8<Double>, withGradients: Bool)?
        /// The parameters of the NB2 score and curvature factors in the buffers (the objective computes
        /// them in the same pass as the log-likelihood terms).
        @exclusivity(unchecked) var factorsParameters: SIMD8<Double>?

        init(grid: Int, observations: Int) {
            values = Array(repeating: 0, count: grid)
            gradients = Array(repeating: .zero, count: grid)
            means = .allocate(capacity: observations)
            means.initialize(repeating: 0)
            meanGradients = .allocate(capacity: observations)
            meanGradients.initialize(repeating: .zero)
            termStorage = .allocate(capacity: 6 * max(observations, 1))
            termStorage.initialize(repeating: 0)
            let base = termStorage.baseAddress!
            terms = base
            weights = base + observations
            scoreFactors = base + 2 * observations
            crossFactors = base + 3 * observations
            dispersionScores = base + 4 * observations
            dispersionInformation = base + 5 * observations
        }

        deinit {
            means.deallocate()
            meanGradients.deallocate()
            termStorage.deallocate()
        }
    }

    /// Sets up the likelihood. - Precondition: at most 8 parameters in all.
    public init(family: Family, error: ErrorFamily, observations: PreparedObservations,
                background: BackgroundRate = .none, countsAsRate: Bool = false) {
        self.init(family: family, error: error, observations: observations, background: background,
                  countsAsRate: countsAsRate, grid: ObservationGrid(observations: observations, countsAsRate: countsAsRate))
    }

    /// Sets up the likelihood on a grid already built for these observations (a fit builds it once
    /// for its Poisson and negative binomial stages).
    init(family: Family, error: ErrorFamily, observations: PreparedObservations, background: BackgroundRate,
         countsAsRate: Bool, grid: ObservationGrid, logFactorialSum knownLogFactorialSum: Double? = nil) {
        self.family = family
        self.error = error
        self.observations = observations
        self.background = background
        self.countsAsRate = countsAsRate && observations.kind != .level
        var count = family.parameterCount
        if background == .estimated {
            backgroundIndex = count
            count += 1
        } else {
            backgroundIndex = nil
        }
        if error == .negativeBinomial {
            dispersionIndex = count
            count += 1
        } else {
            dispersionIndex = nil
        }
        precondition(count <= SmallMatrix.maximumOrder, "a curve fit supports at most 8 parameters in all")
        parameterCount = count
        responses = observations.responses
        self.grid = grid
        logFactorialSum = error.isCount ? knownLogFactorialSum ?? Self.logFactorialSum(responses) : 0
        meanFloor = Self.floor(for: responses)
        responsesTag = Self.nextResponsesTag()
    }

    /// The same likelihood with another error family, on the observations' responses (the grid and,
    /// between count families, the constant `sum log y_i!` are shared).
    func withError(_ newError: ErrorFamily) -> CurveLikelihood {
        let known = error.isCount && responses == observations.responses ? logFactorialSum : nil
        return CurveLikelihood(family: family, error: newError, observations: observations, background: background,
                               countsAsRate: countsAsRate, grid: grid, logFactorialSum: known)
    }

    /// A workspace with one slot (``Scratch``): for solver runs that never come back to an earlier point.
    public func makeWorkspace() -> Scratch { makeWorkspace(slots: 1) }

    /// A workspace with one or two slots (a fit's final likelihood keeps its last point's pass in the
    /// second while trial steps use the first).
    func makeWorkspace(slots: Int) -> Scratch {
        Scratch(grid: grid.times.count, observations: responses.count, slots: slots)
    }

    /// A new tag for a set of responses, unique in the process.
    static func nextResponsesTag() -> UInt64 {
        curveLikelihoodResponsesTags.add(1, ordering: .relaxed).newValue
    }

    static func floor(for responses: [Double]) -> Double {
        1e-10 * max(responses.reduce(0, +) / Double(max(responses.count, 1)), 1)
    }

    /// `sum log y_i!`, from the table of ``SpecialFunctions/logFactorial(_:)`` for whole counts below
    /// 256 and `logGamma(y + 1)` otherwise. O(n).
    static func logFactorialSum(_ responses: [Double]) -> Double {
        var total = 0.0
        for y in responses {
            if y >= 0 && y < 256 && y == y.rounded() {
                total += SpecialFunctions.logFactorial(Int(y))
            } else {
                total += SpecialFunctions.logGamma(y + 1)
            }
        }
        return total
    }

    /// Number of observations.
    public var observationCount: Int { responses.count }

    /// The same likelihood for other responses on the same observation times (a bootstrap
    /// replicate), with the background held at `heldBackground` when given (a replicate's draw from a
    /// background ``BackgroundRate/range(lower:upper:)``; an estimated background stays estimated): the time grid is shared; a workspace of this likelihood's (same grid and
    /// observation count) serves the copy, and forgets what it held for other responses. Censored counts
    /// (bounds) are kept as published: a replicate redraws the exact counts only.
    /// O(n) for the log-factorial constant.
    public func replacingResponses(_ newResponses: [Double], heldBackground: Double? = nil) -> CurveLikelihood {
        precondition(newResponses.count == responses.count, "replacement responses must match the observations")
        var copy = self
        if let heldBackground, background.heldRate != nil { copy.background = .fixed(heldBackground) }
        copy.responses = newResponses
        copy.logFactorialSum = error.isCount ? Self.logFactorialSum(newResponses) : 0
        copy.meanFloor = Self.floor(for: newResponses)
        copy.responsesTag = Self.nextResponsesTag()
        return copy
    }

    /// `theta` of NB2 from a parameter vector.
    @inlinable
    public func dispersion(_ parameters: SIMD8<Double>) -> Double? {
        dispersionIndex.map { exp(parameters[$0]) }
    }

    /// The background rate in force for a parameter vector.
    public func backgroundRate(_ parameters: SIMD8<Double>) -> Double {
        background.heldRate ?? parameters[backgroundIndex!]
    }

    /// Computes the means (and, if asked, their gradients) into the workspace: one family evaluation
    /// on the grid, then O(n) (O(n p) with gradients) to combine it.
    func computeMeans(_ parameters: SIMD8<Double>, withGradients: Bool, scratch: Scratch) {
        if scratch.select(parameters, withGradients: withGradients) { return }
        let ws = scratch.current
        defer { ws.meansState = (parameters, withGradients) }
        let times = grid.times
        if withGradients {
            if countsAsRate {
                family.rateWithGradient(at: times, parameters, values: &ws.values, gradients: &ws.gradients)
            } else {
                family.cumulativeWithGradient(at: times, parameters, values: &ws.values, gradients: &ws.gradients)
            }
        } else if countsAsRate {
            family.rate(at: times, parameters, into: &ws.values)
        } else {
            family.cumulative(at: times, parameters, into: &ws.values)
        }
        let beta = backgroundRate(parameters)
        let values = ws.values
        let means = ws.means
        let start = grid.startIndex, end = grid.endIndex
        let lengths = grid.lengths, exposure = grid.backgroundExposure
        let n = responses.count
        if observations.kind != .level && !countsAsRate {
            // Interval counts, the common case: differences of the curve (and of its gradient rows)
            // at the interval ends, in one vector kernel.
            let meanGradients = ws.meanGradients
            values.withUnsafeBufferPointer { values in
                ws.gradients.withUnsafeBufferPointer { gradients in
                    gradients.withMemoryRebound(to: Double.self) { gradientRows in
                        UnsafeMutableRawPointer(meanGradients.baseAddress!).withMemoryRebound(to: Double.self,
                                                                                             capacity: 8 * n) { meanRows in
                            inflow_interval_means(values.baseAddress, withGradients ? gradientRows.baseAddress : nil,
                                                  start, end, grid.isContiguous ? 1 : 0, n, beta, exposure,
                                                  means.baseAddress, meanRows)
                        }
                    }
                }
            }
            guard withGradients else { return }
        } else {
            if observations.kind == .level {
                for i in 0..<n { means[i] = values[start[i]] + beta * exposure[i] }
            } else {
                for i in 0..<n { means[i] = values[start[i]] * lengths[i] + beta * exposure[i] }
            }
            guard withGradients else { return }
            let gradients = ws.gradients
            let meanGradients = ws.meanGradients
            if observations.kind == .level {
                for i in 0..<n { meanGradients[i] = gradients[start[i]] }
            } else {
                for i in 0..<n { meanGradients[i] = gradients[start[i]] * lengths[i] }
            }
        }
        let meanGradients = ws.meanGradients
        if let index = backgroundIndex {
            for i in 0..<n { meanGradients[i][index] = exposure[i] }
        }
    }

    /// Expected values of the observations at `parameters`.
    public func means(_ parameters: SIMD8<Double>) -> [Double] {
        means(parameters, scratch: makeWorkspace())
    }

    /// Expected values of the observations at `parameters`, computed in (or found in) `scratch`.
    func means(_ parameters: SIMD8<Double>, scratch: Scratch) -> [Double] {
        scratch.adopt(responsesTag, grid: grid.times.count, observations: responses.count)
        computeMeans(parameters, withGradients: false, scratch: scratch)
        return Array(scratch.current.means)
    }

    /// The objective at `parameters`. Right after an evaluation (a solver's trial step) the means'
    /// gradients are computed too: a trial step is usually accepted, and ``evaluate(_:)`` at the same
    /// point then reuses the means, their gradients and the value. Values do not depend on this choice:
    /// every family computes the same bits with and without gradients (`FamilyDerivativeTests`).
    public func objective(_ parameters: SIMD8<Double>, workspace scratch: inout Scratch) -> Double {
        scratch.adopt(responsesTag, grid: grid.times.count, observations: responses.count)
        computeMeans(parameters, withGradients: scratch.evaluatedLast, scratch: scratch)
        scratch.evaluatedLast = false
        let value = negativeLogLikelihood(parameters, scratch: scratch)
        scratch.current.lastObjective = (parameters, value)
        return value
    }

    /// The objective at the means already in the workspace, with the censored counts' terms.
    func negativeLogLikelihood(_ parameters: SIMD8<Double>, scratch: Scratch) -> Double {
        let exact = exactNegativeLogLikelihood(parameters, scratch: scratch)
        guard observations.hasCensored else { return exact }
        return exact + censoredTerms(parameters, withGradients: false).value
    }

    /// The objective of the exact observations at the means already in the workspace.
    func exactNegativeLogLikelihood(_ parameters: SIMD8<Double>, scratch: Scratch) -> Double {
        let means = UnsafeBufferPointer(scratch.current.means)
        return responses.withUnsafeBufferPointer { responses in
            switch error {
            case .gaussian:
                var rss = 0.0
                for i in 0..<responses.count {
                    let r = responses[i] - means[i]
                    rss += r * r
                }
                return rss.isFinite ? rss / 2 : .infinity
            case .poisson, .quasiPoisson:
                let ws = scratch.current
                let sum = inflow_poisson_negative_log_likelihood_and_factors(
                    responses.baseAddress, means.baseAddress, responses.count, meanFloor, ws.terms, ws.weights,
                    ws.scoreFactors)
                ws.factorsParameters = parameters   // the kernel fills the factors of every observation
                return logFactorialSum + sum
            case .negativeBinomial:
                let theta = exp(parameters[dispersionIndex!])
                let ws = scratch.current
                guard theta > 0, theta < .infinity else {
                    ws.factorsParameters = nil
                    return .infinity
                }
                let sum = inflow_nb2_negative_log_likelihood_and_factors(
                    responses.baseAddress, means.baseAddress, responses.count, theta, meanFloor,
                    SpecialFunctions.digamma(theta), SpecialFunctions.trigamma(theta), ws.terms, ws.weights,
                    ws.scoreFactors, ws.crossFactors, ws.dispersionScores, ws.dispersionInformation)
                ws.factorsParameters = parameters   // with a valid theta the kernel fills every observation's factors
                return logFactorialSum + sum
            }
        }
    }

    public func evaluate(_ parameters: SIMD8<Double>, workspace scratch: inout Scratch) -> ScoringEvaluation {
        scratch.adopt(responsesTag, grid: grid.times.count, observations: responses.count)
        computeMeans(parameters, withGradients: true, scratch: scratch)
        scratch.evaluatedLast = true
        scratch.pinned = parameters
        // The objective's value at this point, and (count families) the factors its pass left, when both
        // are still in the workspace; otherwise one pass makes them again.
        var value: Double
        let ws = scratch.current
        let censored = observations.hasCensored ? censoredTerms(parameters, withGradients: true) : nil
        if let last = ws.lastObjective, last.parameters == parameters,
           error == .gaussian || ws.factorsParameters == parameters {
            value = last.value
        } else {
            value = exactNegativeLogLikelihood(parameters, scratch: scratch) + (censored?.value ?? 0)
        }
        let means = UnsafeBufferPointer(ws.means)
        let gradients = UnsafeBufferPointer(ws.meanGradients)
        var score = SIMD8<Double>.zero
        var curvature = SmallMatrix(order: parameterCount)
        let n = responses.count
        /// `score = sum g_i scoreFactor_i`, `cross = sum g_i crossFactor_i` and the curvature
        /// `sum weight_i g_i g_i^T` over the mean gradients, in one vector kernel.
        func accumulate(withCross: Bool) -> (score: SIMD8<Double>, cross: SIMD8<Double>) {
            var sum = SIMD8<Double>.zero, cross = SIMD8<Double>.zero
            // The mean gradients' lanes past the mean parameters are zero (NB2's dispersion is the last
            // parameter and no mean depends on it), so the products stop there: the same sums, and
            // the dispersion's row and column stay zero until set below.
            let order = meanParameterCount
            withUnsafeMutableBytes(of: &sum) { sum in
                withUnsafeMutableBytes(of: &cross) { cross in
                    withUnsafeMutableBytes(of: &curvature.columns) { columns in
                        UnsafeRawPointer(gradients.baseAddress!).withMemoryRebound(to: Double.self, capacity: 8 * n) { g in
                            inflow_accumulate_weighted_products(
                                g, ws.weights, ws.scoreFactors, withCross ? ws.crossFactors : nil, n, order,
                                sum.baseAddress!.assumingMemoryBound(to: Double.self),
                                withCross ? cross.baseAddress!.assumingMemoryBound(to: Double.self) : nil,
                                columns.baseAddress!.assumingMemoryBound(to: Double.self))
                        }
                    }
                }
            }
            return (sum, cross)
        }
        switch error {
        case .gaussian:
            // score = -sum g_i (y_i - mu_i), curvature sum g_i g_i^T (Gauss-Newton).
            for i in 0..<n {
                ws.weights[i] = 1
                ws.scoreFactors[i] = means[i] - responses[i]
            }
            ws.factorsParameters = nil
            if n > 0 { score = accumulate(withCross: false).score }
        case .poisson, .quasiPoisson:
            // score = sum g_i (1 - y_i / mu_i), Fisher weight 1 / mu_i (the likelihood pass made them).
            if n > 0 { score = accumulate(withCross: false).score }
        case .negativeBinomial:
            let d = dispersionIndex!
            // The Fisher weight theta / (mu (theta + mu)) for mean parameters, d(-l)/dmu = -(y - mu) weight,
            // and d2(-l)/dmu ds = -theta (y - mu) / (theta + mu)^2, the observed mean-dispersion coupling
            // (factors from the likelihood pass, `inflow_nb2_negative_log_likelihood_and_factors`).
            var cross = SIMD8<Double>.zero
            if n > 0 {
                let sums = accumulate(withCross: true)
                score = -sums.score
                cross = -sums.cross
            }
            // Dispersion, in s = log theta.
            var dispersionScore = 0.0
            var dispersionInformation = 0.0
            var dispersionOuter = 0.0
            for i in 0..<n {
                let ds = ws.dispersionScores[i]
                dispersionScore -= ds
                dispersionInformation += ws.dispersionInformation[i]
                dispersionOuter += ds * ds
            }
            score[d] = dispersionScore
            let dd = dispersionInformation > 0 ? dispersionInformation : max(dispersionOuter, 1e-12)
            curvature[d, d] = dd
            // The observed coupling where it keeps the curvature positive definite (its expectation
            // is zero; with it the mean and dispersion converge together instead of one after the other).
            if dispersionInformation > 0 {
                var system = curvature
                for j in 0..<d {
                    system[j, d] = cross[j]
                    system[d, j] = cross[j]
                }
                if SmallCholesky.isPositiveDefinite(system) { curvature = system }
            }
        }
        if let censored {
            score += censored.score
            for a in 0..<parameterCount {
                for b in 0..<parameterCount { curvature[a, b] += censored.curvature[a, b] }
            }
        }
        if !value.isFinite { value = .infinity }
        return ScoringEvaluation(value: value, gradient: score, curvature: curvature)
    }

    /// Per-observation scores of the negative log-likelihood, for the sandwich covariance: the exact
    /// observations', then the censored counts'.
    func observationScores(_ parameters: SIMD8<Double>, scratch: Scratch) -> [SIMD8<Double>] {
        scratch.adopt(responsesTag, grid: grid.times.count, observations: responses.count)
        computeMeans(parameters, withGradients: true, scratch: scratch)
        let means = scratch.current.means
        let gradients = scratch.current.meanGradients
        var scores: [SIMD8<Double>] = []
        scores.reserveCapacity(responses.count)
        let theta = dispersion(parameters)
        let digammaT = theta.map(SpecialFunctions.digamma) ?? 0
        let trigammaT = theta.map(SpecialFunctions.trigamma) ?? 0
        for i in 0..<responses.count {
            let mu = max(means[i], 1e-300), y = responses[i]
            switch error {
            case .gaussian:
                scores.append(gradients[i] * -(y - mu))
            case .poisson, .quasiPoisson:
                scores.append(gradients[i] * (1 - y / mu))
            case .negativeBinomial:
                let t = theta!
                var s = gradients[i] * (-t * (y - mu) / (mu * (t + mu)))
                s[dispersionIndex!] = -t * NegativeBinomialDispersion.derivatives(
                    y: y, mu: mu, theta: t, digammaTheta: digammaT, trigammaTheta: trigammaT).score
                scores.append(s)
            }
        }
        if observations.hasCensored { scores += censoredTerms(parameters, withGradients: true).scores }
        return scores
    }
}
