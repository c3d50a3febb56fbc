import Foundation
import InflowCore
import InflowLinearAlgebra
import InflowFitting
import InflowModels
import InflowStatistics

/// Fits a curve family to many keys at once with partial pooling of their sizes (``PooledFit``).
///
/// **Model.** Key `k`'s count over observation interval `i` is NB2 with mean
/// `mu_ki = N_k [G(b_ki; phi) - G(a_ki; phi)] + beta_k (b_ki - a_ki)`, where `G` is the family's cumulative
/// curve with size 1 (`C(t; N, phi) = N G(t; phi)` for every family with a final-size parameter), `phi` the shape
/// parameters shared by every key, `beta_k` the key's background rate, and NB2's `theta` is shared. The sizes
/// are random effects, `eta_k = log N_k ~ N(mu, sigma^2)`.
///
/// **Fit.** For a given `sigma`, the mode of the penalised log-likelihood
/// `sum_ki l(y_ki; mu_ki, theta) - sum_k (eta_k - mu)^2 / (2 sigma^2)` in `(eta, phi, mu)` is found by
/// Levenberg–Marquardt on Fisher scoring: the information has an arrowhead shape (each `eta_k` couples only to
/// the shared parameters), so each step is solved through the Schur complement of the keys' diagonal block in
/// O(K q^2 + q^3) for `q` shared parameters; `log theta` is updated between steps by a Newton step on its own
/// score (as `MASS::glm.nb` alternates). `sigma` is then chosen by maximising the Laplace approximation of the
/// marginal likelihood, the keys integrated out,
/// `sum_k [l_k(eta_k) - (eta_k - mu)^2 / (2 sigma^2) - log(sigma) - log(I_k) / 2]` with `I_k` the posterior
/// precision of `eta_k`, over `log sigma` in `[log 0.05, log 10]`: a coarse grid from the largest `sigma` down
/// (warm-started fits), then golden-section search in the best point's bracket;
/// this is the Laplace empirical Bayes of `lme4::glmer` with `nAGQ = 1`.
///
/// - Complexity: per inner iteration one curve evaluation with gradients per key and O(n q^2) sums; about
///   25 fits of a few iterations for the search.
/// - References: Breslow & Clayton, "Approximate inference in generalized linear mixed models", JASA 88
///   (1993); Gelman & Pardoe, "Bayesian measures of explained variance and pooling in multilevel models",
///   Technometrics 48 (2006).
public enum PartialPooling {
    /// Why a pooled fit could not be made.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The family has no final-size parameter that scales its curve.
        case noSizeParameter(String)
        /// No key has an observation.
        case noData
        /// The data are levels, not counts.
        case levels

        public var description: String {
            switch self {
            case .noSizeParameter(let family):
                "\(family) has no final-size parameter that scales its curve, so its sizes cannot be pooled"
            case .noData: "no key has an observation to fit"
            case .levels: "pooling is for counts and cumulative totals, not level data"
            }
        }
    }

    /// Range of `sigma`, the spread of the keys' log sizes, searched.
    static let sigmaRange = log(0.05)...log(10.0)
    /// Points of the coarse grid over `log sigma` before the golden-section refinement.
    static let sigmaGridPoints = 8
    /// Above this NB2 `theta` the counts are Poisson for every purpose, and `theta` stops moving.
    static let poissonTheta = 1e6

    /// Fits `family` to `keys` with pooled sizes.
    /// - Parameters:
    ///   - keys: the bottom keys, each with its prepared observations.
    ///   - family: the curve family, its size parameter pooled across keys.
    ///   - start: the family's parameters to start the shared shape from (a fit to the keys' total); the
    ///     keys' sizes start at the total's size split in proportion to what each has observed.
    ///   - backgrounds: each key's background rate, held fixed (default none).
    ///   - sizeLimits: each key's largest size (default ten times the keys' total observed).
    public static func fit(
        _ keys: [(name: String, observations: PreparedObservations)], family: any CurveFamily, start: SIMD8<Double>,
        backgrounds: [Double]? = nil, sizeLimits: [Double]? = nil
    ) throws(Failure) -> PooledFit {
        guard let sizeName = family.finalSizeParameter, let sizeLane = family.parameterIndex(sizeName) else {
            throw .noSizeParameter(family.name)
        }
        guard keys.contains(where: { $0.observations.count > 0 }) else { throw .noData }
        guard keys.allSatisfy({ $0.observations.kind != .level }) else { throw .levels }
        let problem = PoolingProblem(keys: keys, family: family, sizeLane: sizeLane,
                                     backgrounds: backgrounds ?? keys.map { _ in 0 }, sizeLimits: sizeLimits)
        var state = problem.initialState(start)
        let k = keys.count
        var best: (sigma: Double, result: PoolingProblem.Mode, state: PoolingProblem.State)?
        if k == 1 {
            let mode = problem.mode(sigma: exp(sigmaRange.upperBound), from: &state)
            best = (exp(sigmaRange.upperBound), mode, state)
        } else {
            // A grid over log sigma from the largest (little pooling) down, each fit warm-started from the one
            // before, so a strongly pooled fit starts from a sensible shape; then golden-section search in the
            // best grid point's bracket, each fit started from that point.
            var grid: [(logSigma: Double, mode: PoolingProblem.Mode, state: PoolingProblem.State)] = []
            for index in 0..<sigmaGridPoints {
                let logSigma = sigmaRange.upperBound
                    - Double(index) * (sigmaRange.upperBound - sigmaRange.lowerBound) / Double(sigmaGridPoints - 1)
                let mode = problem.mode(sigma: exp(logSigma), from: &state)
                grid.append((logSigma, mode, state))
            }
            let bestIndex = grid.indices.max { grid[$0].mode.logMarginal < grid[$1].mode.logMarginal }!
            var candidates = [grid[bestIndex]]
            let anchor = grid[bestIndex].state
            func evaluate(_ logSigma: Double) -> Double {
                var trial = anchor
                let mode = problem.mode(sigma: exp(logSigma), from: &trial)
                candidates.append((logSigma, mode, trial))
                return mode.logMarginal
            }
            let ratio = (5.0.squareRoot() - 1) / 2
            var a = grid[min(bestIndex + 1, sigmaGridPoints - 1)].logSigma, b = grid[max(bestIndex - 1, 0)].logSigma
            var c = b - ratio * (b - a), d = a + ratio * (b - a)
            var fc = evaluate(c), fd = evaluate(d)
            for _ in 0..<20 where b - a > 1e-3 {
                if fc > fd {
                    b = d; d = c; fd = fc
                    c = b - ratio * (b - a)
                    fc = evaluate(c)
                } else {
                    a = c; c = d; fc = fd
                    d = a + ratio * (b - a)
                    fd = evaluate(d)
                }
            }
            let winner = candidates.max { $0.mode.logMarginal < $1.mode.logMarginal }!
            best = (exp(winner.logSigma), winner.mode, winner.state)
        }
        let (sigma, mode, final) = best!
        var warnings: [String] = []
        if !mode.converged {
            warnings.append("the pooled fit stopped at its iteration limit; the estimates are the best point found")
        }
        if keys.count > 1 && log(sigma) >= sigmaRange.upperBound - 1e-3 {
            warnings.append("the keys' sizes differ so much that they are hardly pooled (sigma at its largest, 10)")
        }
        for (index, key) in keys.enumerated() {
            if key.observations.count == 0 {
                warnings.append("\(key.name) has no observation: its size is the keys' common level")
            } else if key.observations.responses.allSatisfy({ $0 == 0 }) {
                warnings.append("\(key.name) has had no arrivals: its size is pooled towards the others' (pooling \(String(format: "%.2f", mode.keyPrecision[index] > 0 ? 1 / (sigma * sigma) / mode.keyPrecision[index] : 1)))")
            } else if key.observations.count == 1 {
                warnings.append("\(key.name) has one observation: its size leans on the others")
            }
        }
        let pooling = mode.keyPrecision.map { $0 > 0 ? min(1 / (sigma * sigma) / $0, 1) : 1 }
        return PooledFit(
            family: family, keys: keys.map(\.name), observations: keys.map(\.observations),
            backgrounds: problem.backgrounds, shape: final.shape, sizeLane: sizeLane, shapeLanes: problem.shapeLanes,
            logSizes: final.eta, logTheta: final.logTheta, priorMean: final.mean, priorSD: sigma,
            poolingFactors: pooling, keyPrecision: mode.keyPrecision, coupling: mode.coupling,
            sharedCovariance: mode.sharedCovariance, logThetaVariance: mode.logThetaVariance,
            logMarginalLikelihood: mode.logMarginal, iterations: mode.iterations, converged: mode.converged,
            warnings: warnings, problem: problem)
    }
}

/// The pooled likelihood of ``PartialPooling`` and its Fisher-scoring mode.
struct PoolingProblem: Sendable {
    struct Key: Sendable {
        let responses: [Double]
        let times: [Double]
        let start: [Int]
        let end: [Int]
        let lengths: [Double]
        let logFactorials: Double
    }

    /// Parameters of the pooled fit.
    struct State {
        var eta: [Double]
        var shape: SIMD8<Double>
        var mean: Double
        var logTheta: Double
    }

    /// What the mode search returns.
    struct Mode {
        var logMarginal: Double
        var keyPrecision: [Double]
        var coupling: [[Double]]
        var sharedCovariance: [[Double]]
        var logThetaVariance: Double
        var iterations: Int
        var converged: Bool
    }

    let family: any CurveFamily
    let keys: [Key]
    let sizeLane: Int
    let shapeLanes: [Int]
    let backgrounds: [Double]
    let logSizeLimits: [Double]
    let lower: SIMD8<Double>
    let upper: SIMD8<Double>
    let meanFloor: Double

    init(keys: [(name: String, observations: PreparedObservations)], family: any CurveFamily, sizeLane: Int,
         backgrounds: [Double], sizeLimits: [Double]?) {
        self.family = family
        self.sizeLane = sizeLane
        shapeLanes = (0..<family.parameterCount).filter { $0 != sizeLane }
        self.backgrounds = backgrounds
        self.keys = keys.map { key in
            let grid = key.observations.grid
            let y = key.observations.responses
            let logFactorials = y.reduce(0) { $0 + SpecialFunctions.logGamma($1 + 1) }
            return Key(responses: y, times: grid.times, start: grid.startIndex, end: grid.endIndex, lengths: grid.lengths,
                       logFactorials: logFactorials)
        }
        let observedTotal = keys.reduce(0) { $0 + $1.observations.observedTotal }
        logSizeLimits = (sizeLimits ?? keys.map { _ in SizeBound.undeterminedFactor * max(observedTotal, 1) }).map { log(max($0, 1)) }
        var lower = SIMD8<Double>(repeating: -.infinity), upper = SIMD8<Double>(repeating: .infinity)
        for (j, parameter) in family.parameters.enumerated() {
            lower[j] = parameter.lowerBound
            upper[j] = parameter.upperBound
        }
        self.lower = lower
        self.upper = upper
        let responses = keys.flatMap(\.observations.responses)
        meanFloor = 1e-10 * max(responses.reduce(0, +) / Double(max(responses.count, 1)), 1)
    }

    /// Shape from `start` (size lane set to 1); sizes split in proportion to what each key observed (plus one
    /// half, so an empty key starts small, not at zero); the mean at their average; theta 10.
    func initialState(_ start: SIMD8<Double>) -> State {
        var shape = pointwiseMin(pointwiseMax(start, lower), upper)
        let total = max(start[sizeLane], 1)
        shape[sizeLane] = 1
        let observed = keys.map { $0.responses.reduce(0, +) + 0.5 }
        let sum = observed.reduce(0, +)
        let eta = zip(observed, logSizeLimits).map { min(log(total * $0 / sum), $1) }
        return State(eta: eta, shape: shape, mean: eta.reduce(0, +) / Double(eta.count), logTheta: log(10))
    }

    /// The penalised objective, its gradient and Fisher information at a state.
    struct Evaluation {
        var logLikelihood: Double
        var objective: Double
        var gradientEta: [Double]
        var gradientShared: [Double]
        var keyPrecision: [Double]
        var coupling: [[Double]]
        var shared: [[Double]]
        var dispersionScore: Double
        var dispersionInformation: Double
    }

    func evaluate(_ state: State, sigma: Double, derivatives: Bool) -> Evaluation {
        let p = shapeLanes.count, q = p + 1
        let theta = exp(state.logTheta)
        let digammaTheta = SpecialFunctions.digamma(theta), trigammaTheta = SpecialFunctions.trigamma(theta)
        let lgammaTheta = SpecialFunctions.logGamma(theta)
        let precision = 1 / (sigma * sigma)
        var result = Evaluation(logLikelihood: 0, objective: 0, gradientEta: Array(repeating: 0, count: keys.count),
                                gradientShared: Array(repeating: 0, count: q),
                                keyPrecision: Array(repeating: 0, count: keys.count),
                                coupling: Array(repeating: Array(repeating: 0, count: q), count: keys.count),
                                shared: Array(repeating: Array(repeating: 0, count: q), count: q),
                                dispersionScore: 0, dispersionInformation: 0)
        var values: [Double] = []
        var gradients: [SIMD8<Double>] = []
        for (k, key) in keys.enumerated() {
            let n = exp(state.eta[k])
            values = Array(repeating: 0, count: key.times.count)
            if derivatives {
                gradients = Array(repeating: .zero, count: key.times.count)
                family.cumulativeWithGradient(at: key.times, state.shape, values: &values, gradients: &gradients)
            } else {
                family.cumulative(at: key.times, state.shape, into: &values)
            }
            var loglik = -key.logFactorials
            for i in key.responses.indices {
                let y = key.responses[i]
                let unit = values[key.end[i]] - values[key.start[i]]
                let m = n * unit
                let mu = max(m + backgrounds[k] * key.lengths[i], meanFloor)
                loglik += SpecialFunctions.logGamma(y + theta) - lgammaTheta + theta * log(theta / (theta + mu))
                    + (y > 0 ? y * log(mu / (theta + mu)) : 0)
                guard derivatives else { continue }
                let score = theta * (y - mu) / (mu * (mu + theta))
                let weight = theta / (mu * (mu + theta))
                result.gradientEta[k] -= score * m
                result.keyPrecision[k] += weight * m * m
                let rowGradient = gradients[key.end[i]] - gradients[key.start[i]]
                var d = [Double](repeating: 0, count: p)
                for (j, lane) in shapeLanes.enumerated() { d[j] = n * rowGradient[lane] }
                for j in 0..<p {
                    result.gradientShared[j] -= score * d[j]
                    result.coupling[k][j] += weight * m * d[j]
                    for l in 0...j { result.shared[j][l] += weight * d[j] * d[l] }
                }
                let (dispersionScore, dispersionInformation) = NegativeBinomialDispersion.derivatives(
                    y: y, mu: mu, theta: theta, digammaTheta: digammaTheta, trigammaTheta: trigammaTheta)
                result.dispersionScore += dispersionScore
                result.dispersionInformation += dispersionInformation
            }
            result.logLikelihood += loglik
            let deviation = state.eta[k] - state.mean
            result.objective += deviation * deviation * precision / 2
            if derivatives {
                result.gradientEta[k] += deviation * precision
                result.keyPrecision[k] += precision
                result.coupling[k][p] = -precision
                result.gradientShared[p] -= deviation * precision
                result.shared[p][p] += precision
            }
        }
        for j in 0..<q { for l in 0..<j { result.shared[l][j] = result.shared[j][l] } }
        result.objective -= result.logLikelihood
        return result
    }

    /// The Schur complement `A - sum_k B_k B_k^T / D_k` (with the diagonals damped by `1 + lambda`).
    func schur(_ e: Evaluation, damping: Double) -> (matrix: [[Double]], keyDiagonal: [Double]) {
        let q = e.gradientShared.count
        var s = e.shared
        for j in 0..<q { s[j][j] *= 1 + damping }
        let diagonal = e.keyPrecision.map { $0 * (1 + damping) }
        for k in keys.indices where diagonal[k] > 0 {
            for j in 0..<q { for l in 0..<q { s[j][l] -= e.coupling[k][j] * e.coupling[k][l] / diagonal[k] } }
        }
        return (s, diagonal)
    }

    /// The mode at `sigma`, from `state` (updated in place), with the Laplace marginal likelihood and the
    /// pieces of the posterior covariance.
    func mode(sigma: Double, from state: inout State) -> Mode {
        let q = shapeLanes.count + 1
        var damping = 1e-3
        var current = evaluate(state, sigma: sigma, derivatives: true)
        var iterations = 0
        var converged = false
        while iterations < 200 {
            iterations += 1
            // log theta: a Newton step on its own score (information in log theta), halved until it helps.
            let theta = exp(state.logTheta)
            let scoreLog = theta * current.dispersionScore
            let informationLog = max(theta * theta * current.dispersionInformation - theta * current.dispersionScore, 1e-8)
            var stepTheta = max(min(scoreLog / informationLog, 2), -2)
            if theta >= PartialPooling.poissonTheta && stepTheta > 0 { stepTheta = 0 }
            var thetaMoved = false
            for _ in 0..<8 where abs(stepTheta) > 1e-12 {
                var trial = state
                trial.logTheta = min(max(state.logTheta + stepTheta, -10), 23)
                let e = evaluate(trial, sigma: sigma, derivatives: false)
                if e.objective <= current.objective {
                    state = trial
                    current = evaluate(state, sigma: sigma, derivatives: true)
                    thetaMoved = abs(stepTheta) > 1e-8
                    break
                }
                stepTheta /= 2
            }
            // The mean parameters: a damped Fisher-scoring step through the Schur complement.
            var accepted = false
            var largestStep = 0.0
            for _ in 0..<30 {
                let (s, diagonal) = schur(current, damping: damping)
                var rhs = current.gradientShared.map { -$0 }
                for k in keys.indices where diagonal[k] > 0 {
                    for j in 0..<q { rhs[j] += current.coupling[k][j] * current.gradientEta[k] / diagonal[k] }
                }
                guard let deltaShared = Self.solve(s, rhs) else {
                    damping *= 10
                    continue
                }
                var trial = state
                for (j, lane) in shapeLanes.enumerated() {
                    trial.shape[lane] = min(max(state.shape[lane] + deltaShared[j], lower[lane]), upper[lane])
                }
                trial.mean = state.mean + deltaShared[q - 1]
                largestStep = deltaShared.map(abs).max() ?? 0
                for k in keys.indices {
                    var delta = -current.gradientEta[k]
                    for j in 0..<q { delta -= current.coupling[k][j] * deltaShared[j] }
                    delta = diagonal[k] > 0 ? delta / diagonal[k] : 0
                    trial.eta[k] = min(state.eta[k] + delta, logSizeLimits[k])
                    largestStep = max(largestStep, abs(delta))
                }
                let e = evaluate(trial, sigma: sigma, derivatives: true)
                if e.objective.isFinite && e.objective <= current.objective + 1e-12 * abs(current.objective) {
                    let change = current.objective - e.objective
                    state = trial
                    current = e
                    damping = max(damping / 3, 1e-12)
                    accepted = true
                    if change <= 1e-11 * max(abs(e.objective), 1) && largestStep < 1e-7 && !thetaMoved {
                        converged = true
                    }
                    break
                }
                damping *= 4
            }
            if converged || (!accepted && !thetaMoved) {
                // No step helps: an optimum when the gradient is negligible against the information.
                converged = converged || gradientIsNegligible(current)
                break
            }
        }
        // The posterior pieces at the mode (undamped).
        let (s, _) = schur(current, damping: 0)
        let covariance = Self.inverse(s) ?? Array(repeating: Array(repeating: 0, count: q), count: q)
        let precision = 1 / (sigma * sigma)
        var logMarginal = current.logLikelihood
        for k in keys.indices {
            let deviation = state.eta[k] - state.mean
            logMarginal -= deviation * deviation * precision / 2 + log(sigma) + log(max(current.keyPrecision[k], 1e-300)) / 2
        }
        let theta = exp(state.logTheta)
        let informationLog = theta * theta * current.dispersionInformation - theta * current.dispersionScore
        return Mode(logMarginal: logMarginal, keyPrecision: current.keyPrecision, coupling: current.coupling,
                    sharedCovariance: covariance, logThetaVariance: informationLog > 0 ? 1 / informationLog : 0,
                    iterations: iterations, converged: converged)
    }

    /// Whether every component of the gradient is below 1e-6 of the square root of its information (the
    /// Newton step's size in standard deviations).
    func gradientIsNegligible(_ e: Evaluation) -> Bool {
        for k in keys.indices where e.keyPrecision[k] > 0 {
            if abs(e.gradientEta[k]) > 1e-6 * max(e.keyPrecision[k].squareRoot(), 1) { return false }
        }
        for j in e.gradientShared.indices where abs(e.gradientShared[j]) > 1e-6 * max(e.shared[j][j].squareRoot(), 1) {
            return false
        }
        return true
    }

    /// Solves the small symmetric system `a x = b` by Cholesky; `nil` when `a` is not positive definite.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        guard let l = cholesky(a) else { return nil }
        let n = b.count
        var y = b
        for i in 0..<n {
            for j in 0..<i { y[i] -= l[i][j] * y[j] }
            y[i] /= l[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in (i + 1)..<n { y[i] -= l[j][i] * y[j] }
            y[i] /= l[i][i]
        }
        return y
    }

    /// The lower Cholesky factor of a small symmetric matrix; `nil` when it is not positive definite.
    static func cholesky(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i][j]
                for k in 0..<j { sum -= l[i][k] * l[j][k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i][i] = sum.squareRoot()
                } else {
                    l[i][j] = sum / l[j][j]
                }
            }
        }
        return l
    }

    /// The inverse of a small symmetric positive definite matrix.
    static func inverse(_ a: [[Double]]) -> [[Double]]? {
        let n = a.count
        var result: [[Double]] = []
        for column in 0..<n {
            guard let x = solve(a, (0..<n).map { $0 == column ? 1 : 0 }) else { return nil }
            result.append(x)
        }
        return result
    }
}
