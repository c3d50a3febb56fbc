import InflowCore
import CInflowKernels
import Foundation
import InflowFitting
import InflowLinearAlgebra

extension CurveFamily {
    /// Fits the family to a series.
    ///
    /// Procedure: prepare the observations (``InflowSeries/prepared()``), build the
    /// likelihood (``CurveLikelihood``), run Levenberg–Marquardt (damped Gauss–Newton /
    /// Fisher scoring) from the data-driven starting points, screened by their objective and
    /// tried best first until two runs converge to the same lowest objective (or every start
    /// has been tried), and keep the best. Negative binomial fits run that search on the
    /// Poisson likelihood, then start NB2 from the best Poisson fit with the moment estimate of
    /// `theta`. The covariance is then computed as ``FitOptions/covariance`` says.
    ///
    /// - Throws: ``CurveFitError`` when the fit cannot start (unknown parameter names,
    ///   fewer observations than free parameters, no arrivals at all). Everything else ends
    ///   in a ``FitStatus``: a fit that did not converge or is not identifiable says so.
    public func fit(_ series: InflowSeries, error: ErrorFamily = .poisson,
                    options: FitOptions = FitOptions()) throws(CurveFitError) -> CurveFit {
        try fit(series.prepared(), error: error, options: options)
    }

    /// Fits the family to prepared observations. See ``fit(_:error:options:)-(InflowSeries,_,_)``.
    public func fit(_ observations: PreparedObservations, error: ErrorFamily = .poisson,
                    options: FitOptions = FitOptions()) throws(CurveFitError) -> CurveFit {
        try CurveFitter(family: self, error: error, options: options, observations: observations).run()
    }
}

/// The fitting procedure behind ``CurveFamily/fit(_:error:options:)-(PreparedObservations,_,_)``.
struct CurveFitter<Family: CurveFamily> {
    let family: Family
    let error: ErrorFamily
    let options: FitOptions
    let observations: PreparedObservations

    static var logThetaBounds: ClosedRange<Double> { negativeBinomialLogThetaBounds }

    func parameterNames() -> [String] {
        var names = family.parameters.map(\.name)
        if options.background == .estimated { names.append("beta") }
        if error == .negativeBinomial { names.append("theta") }
        return names
    }

    // Pre-specialised for the closed-form families (the ODE families' cost is the integration): a
    // fit reached through `any CurveFamily` or from another module would otherwise run this generic
    // code with the family's metadata at every step. `@_specialize` makes the generic entry point
    // dispatch to these copies.
    @_specialize(where Family == Logistic)
    @_specialize(where Family == Richards)
    @_specialize(where Family == Gompertz)
    @_specialize(where Family == BassDiffusion)
    @_specialize(where Family == ExponentialGrowth)
    @_specialize(where Family == ReleaseFromPool)
    @_specialize(where Family == WeibullRelease)
    @_specialize(where Family == TwoPoolRelease)
    func run() throws(CurveFitError) -> CurveFit {
        if observations.kind == .level && error != .gaussian {
            throw .unsuitableErrorFamily("level data are fitted by least squares: use the gaussian error family (got \(error.rawValue)).")
        }
        let names = parameterNames()
        if names.count > SmallMatrix.maximumOrder { throw .tooManyParameters(names.count) }
        for settings in [options.start, options.fixed, options.lowerBounds, options.upperBounds] where !settings.isEmpty {
            for name in settings.keys where !names.contains(name) {
                throw .unknownParameter(name: name, family: family.name, known: names)
            }
        }
        if error.isCount && observations.count > 0 && observations.responses.allSatisfy({ $0 == 0 }) {
            throw .noArrivals
        }

        // Bounds and the fixed mask in the solver's parametrisation.
        var lower = SIMD8<Double>(repeating: -.infinity)
        var upper = SIMD8<Double>(repeating: .infinity)
        for (j, parameter) in family.parameters.enumerated() {
            lower[j] = parameter.lowerBound
            upper[j] = parameter.upperBound
        }
        if options.background == .estimated {
            lower[family.parameterCount] = 0
        }
        if error == .negativeBinomial {
            lower[names.count - 1] = Self.logThetaBounds.lowerBound
            upper[names.count - 1] = Self.logThetaBounds.upperBound
        }
        func internalValue(_ name: String, _ value: Double) -> Double { name == "theta" ? log(value) : value }
        for (name, value) in options.lowerBounds {
            let j = names.firstIndex(of: name)!
            lower[j] = max(lower[j], internalValue(name, value))
        }
        for (name, value) in options.upperBounds {
            let j = names.firstIndex(of: name)!
            upper[j] = min(upper[j], internalValue(name, value))
        }
        var fixedMask = [Bool](repeating: false, count: names.count)
        var fixedLanes = SIMDMask<SIMD8<Int64>>(repeating: false)
        var fixedValues = SIMD8<Double>.zero
        for (name, value) in options.fixed {
            let j = names.firstIndex(of: name)!
            let v = internalValue(name, value)
            guard v >= lower[j] && v <= upper[j] else {
                throw .outOfBounds(name: name, value: value, lower: lower[j], upper: upper[j])
            }
            fixedMask[j] = true
            fixedLanes[j] = true
            fixedValues[j] = v
        }
        let freeCount = fixedMask.filter { !$0 }.count
        if observations.count < max(freeCount, 1) {
            throw .tooFewObservations(observations: observations.count, freeParameters: freeCount)
        }

        var solverOptions = options.solver
        solverOptions.lowerBounds = lower
        solverOptions.upperBounds = upper
        solverOptions.fixed = fixedMask

        // Starting points.
        let data = StartingData(observations)
        // The caller's start (if any) goes first; data-driven starts follow unless multi-start is off.
        var curveStarts = family.startingValues(data)
        let hasUserStart = !options.start.isEmpty
        if hasUserStart {
            var userStart = curveStarts.first ?? .zero
            for (name, value) in options.start {
                let j = names.firstIndex(of: name)!
                userStart[j] = internalValue(name, value)
            }
            curveStarts.insert(userStart, at: 0)
        }
        if !options.multiStart { curveStarts = Array(curveStarts.prefix(1)) }
        let backgroundStart = max(0.25 * (data.rates.min() ?? 0), 0)
        let backgroundLane = options.background == .estimated && options.start["beta"] == nil ? family.parameterCount : nil
        let inUse = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8<Double>(repeating: Double(names.count))
        func completed(_ curve: SIMD8<Double>) -> SIMD8<Double> {
            var start = curve
            if let backgroundLane { start[backgroundLane] = backgroundStart }
            start.replace(with: fixedValues, where: fixedLanes)
            // Clamped into the bounds; a NaN stays NaN (pointwiseMin and Max would drop it), so the start
            // screens as non-finite and its run fails as such.
            let clamped = pointwiseMin(pointwiseMax(start, lower), upper).replacing(with: start, where: start .!= start)
            return start.replacing(with: clamped, where: inUse)
        }

        var warnings = observations.warnings.map(\.message)
        var startsTried = 0
        var best: (summary: LevenbergMarquardt.Summary, likelihood: CurveLikelihood<Family>)?

        func consider(_ summary: LevenbergMarquardt.Summary, _ likelihood: CurveLikelihood<Family>) {
            guard summary.finalObjective.isFinite else { return }
            guard let current = best else {
                best = (summary, likelihood)
                return
            }
            // Prefer converged fits; among equals, the lower objective.
            let better = summary.isConverged != current.summary.isConverged
                ? summary.isConverged
                : summary.finalObjective < current.summary.finalObjective
            if better { best = (summary, likelihood) }
        }

        let grid = ObservationGrid(observations: observations, countsAsRate: options.countsAsRate)
        // Two scratch slots: when the best run was the last to evaluate (the usual case), the covariance at
        // the end finds its final point's pass still there (`Scratch`).
        let likelihood = CurveLikelihood(family: family, error: error, observations: observations,
                                         background: options.background, countsAsRate: options.countsAsRate, grid: grid,
                                         slots: 2)
        if error == .negativeBinomial {
            // Poisson first, then NB2 from the Poisson optimum with the moment estimate of theta.
            let poisson = likelihood.withError(.poisson)
            var poissonOptions = solverOptions
            poissonOptions.fixed = Array(fixedMask.dropLast())
            // The Poisson fit only starts the NB2 fit, which converges fully: a looser function test.
            poissonOptions.functionTolerance = max(solverOptions.functionTolerance, Self.startingStageFunctionTolerance)
            let d = names.count - 1
            let poissonStarts = curveStarts.map { curve -> SIMD8<Double> in
                var start = completed(curve)
                start[d] = 0
                return start
            }
            let poissonBest = Self.multiStart(poisson, from: poissonStarts, options: poissonOptions,
                                              sameOptimum: Self.startingStageSameOptimumTolerance,
                                              basinTolerance: Self.basinTolerance,
                                              userStartFirst: hasUserStart, tried: &startsTried)
            var nbStarts: [SIMD8<Double>] = []
            if let poissonBest {
                var start = poissonBest.parameters
                let mu = poisson.means(start)
                let moment = NegativeBinomialDispersion.momentEstimate(responses: observations.responses, means: mu) ?? 1e6
                start[d] = fixedMask[d] ? fixedValues[d]
                    : min(max(log(moment), Self.logThetaBounds.lowerBound), Self.logThetaBounds.upperBound)
                nbStarts.append(start)
            }
            for curve in curveStarts.prefix(2) {
                var start = completed(curve)
                if !fixedMask[d] { start[d] = options.start["theta"].map(log) ?? log(10) }
                nbStarts.append(start)
            }
            // The Poisson optimum with the moment theta is the usual start (as MASS::glm.nb); the
            // data-driven starts are tried only when it does not converge.
            for (index, start) in nbStarts.enumerated() {
                if index > 0 && poissonBest != nil && best?.summary.isConverged == true { break }
                startsTried += 1
                consider(LevenbergMarquardt.minimize(likelihood, from: start, options: solverOptions), likelihood)
            }
        } else if let summary = Self.multiStart(likelihood, from: curveStarts.map(completed), options: solverOptions,
                                                sameOptimum: Self.sameOptimumTolerance,
                                                basinTolerance: error.isCount ? Self.basinTolerance : nil,
                                                userStartFirst: hasUserStart, tried: &startsTried) {
            consider(summary, likelihood)
        }

        guard let (summary, likelihood) = best else {
            // Every start failed: report the first start's failure.
            let likelihood = CurveLikelihood(family: family, error: error, observations: observations,
                                             background: options.background, countsAsRate: options.countsAsRate)
            let start = completed(curveStarts.first ?? .zero)
            let summary = LevenbergMarquardt.minimize(likelihood, from: start, options: solverOptions)
            return CurveFit(
                family: family, error: error, options: options, observations: observations,
                parameterNames: names, vector: summary.parameters, fixed: fixedMask, covariance: nil,
                status: .failed(reason: "no starting point gave a finite objective: \(summary.status)"),
                warnings: warnings, solverSummary: summary,
                fitted: Array(repeating: .nan, count: observations.count), logLikelihood: nil,
                deviance: .nan, pearsonChiSquare: .nan, startsTried: startsTried + 1, solverOptions: solverOptions)
        }
        return finish(summary: summary, likelihood: likelihood, names: names, fixedMask: fixedMask,
                      warnings: &warnings, startsTried: startsTried, solverOptions: solverOptions)
    }

    /// Function test of the Poisson stage of an NB2 fit. That stage only chooses the basin the NB2 fit
    /// starts in (its optimum is not the NB2 one, which the NB2 run then finds to the caller's
    /// tolerance), so it stops at a relative change of 1e-7. Fisher scoring converges linearly in
    /// general, and near these optima fast (each change about 1e-3 of the previous one in the 60-day
    /// benchmark), so a run ends within a small multiple of that of its optimum's objective, inside
    /// ``startingStageSameOptimumTolerance``.
    static var startingStageFunctionTolerance: Double { 1e-7 }

    /// Two runs of the NB2 fit's Poisson stage that end converged with objectives this close (relative)
    /// found the same optimum: ten times the stage's function test. Optima closer than that (about
    /// 2e-4 log-likelihood units at the 60-day benchmark's 223) are equally good NB2 starts.
    static var startingStageSameOptimumTolerance: Double { 1e-6 }

    /// Two runs that end converged with objectives this close (relative) found the same optimum.
    static var sameOptimumTolerance: Double { 1e-9 }

    /// A later multi-start run whose Newton step lands within this many log-likelihood units of the best
    /// minimum so far (in the Fisher metric there, and in value) stops: the minimum counts as found again
    /// (``LevenbergMarquardt/KnownMinimum``). 0.01 puts the Newton target within 0.14 standard errors of
    /// that minimum. Count likelihoods only: a least-squares objective is not in log-likelihood units.
    static var basinTolerance: Double { 0.01 }

    /// Runs the solver from `starts` and returns the best run (converged first, then the lowest
    /// objective), or `nil` if no run ended at a finite objective.
    ///
    /// The starts are screened by their objective value and tried best first (a caller's start, if
    /// `userStartFirst`, always goes first). The search stops once two runs have converged to the same
    /// lowest objective (within `sameOptimum`, relative), in the spirit of the multistart stopping
    /// rules of Boender and Rinnooy Kan ("Bayesian stopping rules for multistart global optimization
    /// methods", Math. Programming 37, 1987: stop when the best local minimum has been found more than
    /// once), or when every start has been tried. A start with a non-finite objective is still tried
    /// (the solver shortens steps from it) but last.
    ///
    /// With a `basinTolerance`, a later run is given the best minimum so far as a
    /// ``LevenbergMarquardt/KnownMinimum``: once its Newton step lands there (within that tolerance, in
    /// the objective's units) it stops, and the minimum counts as found again, without the run's last
    /// iterations, which would only refine a point already known.
    ///
    /// - Complexity: one objective evaluation per start, then one solver run per start tried (at
    ///   least two when there are two starts, all of them when the runs keep disagreeing).
    static func multiStart<Problem: ScoringProblem>(
        _ problem: Problem, from starts: [SIMD8<Double>], options: LevenbergMarquardt.Options,
        sameOptimum: Double, basinTolerance: Double?, userStartFirst: Bool, tried: inout Int
    ) -> LevenbergMarquardt.Summary? {
        let screened = starts.indices.map { index -> (index: Int, value: Double) in
            let value = problem.objective(starts[index])
            return (index, value.isFinite ? value : .infinity)
        }
        let order = screened.sorted { a, b in
            if userStartFirst && (a.index == 0) != (b.index == 0) { return a.index == 0 }
            return a.value != b.value ? a.value < b.value : a.index < b.index
        }.map(\.index)
        var best: LevenbergMarquardt.Summary?
        var bestFoundAgain = false
        for index in order {
            tried += 1
            let known = basinTolerance.flatMap { tolerance in
                best.flatMap { LevenbergMarquardt.KnownMinimum($0, tolerance: tolerance) }
            }
            let summary = LevenbergMarquardt.minimize(problem, from: starts[index], options: options, knownMinimum: known)
            if summary.status == .knownMinimum { break }   // the best minimum, found again
            guard summary.finalObjective.isFinite else { continue }
            guard let current = best else {
                best = summary
                continue
            }
            let tolerance = sameOptimum * max(abs(current.finalObjective), 1)
            if summary.isConverged && current.isConverged
                && abs(summary.finalObjective - current.finalObjective) <= tolerance {
                bestFoundAgain = true
                if summary.finalObjective < current.finalObjective { best = summary }
            } else if summary.isConverged != current.isConverged ? summary.isConverged
                        : summary.finalObjective < current.finalObjective {
                best = summary
                bestFoundAgain = false
            }
            if bestFoundAgain { break }
        }
        return best
    }

    func finish(
        summary: LevenbergMarquardt.Summary, likelihood: CurveLikelihood<Family>, names: [String],
        fixedMask: [Bool], warnings: inout [String], startsTried: Int, solverOptions: LevenbergMarquardt.Options
    ) -> CurveFit {
        let estimates = summary.parameters
        // The information first: its pass leaves the means (with their gradients) in the likelihood's
        // workspace, where `means` then finds them.
        let free = (0..<names.count).filter { !fixedMask[$0] }
        let information = informationMatrix(likelihood: likelihood, at: estimates, summary: summary, free: free)
        let fitted = likelihood.means(estimates)
        let y = observations.responses
        let theta = likelihood.dispersion(estimates)

        // Deviance, Pearson chi-square and log-likelihood with every constant.
        var deviance = 0.0
        var pearson = 0.0
        if error == .gaussian {
            for i in 0..<y.count {
                let residual = y[i] - fitted[i]
                deviance += residual * residual
            }
            pearson = deviance
        } else {
            // Poisson 2 [y log(y / mu) - (y - mu)], (y - mu)^2 / mu; NB2 with theta (see the kernel).
            inflow_count_deviance(y, fitted, y.count, error == .negativeBinomial ? theta! : 0, &deviance, &pearson)
        }
        let n = Double(y.count)
        let logLikelihood: Double?
        switch error {
        case .gaussian: logLikelihood = -n / 2 * (log(2 * Double.pi * deviance / n) + 1)
        case .poisson, .negativeBinomial: logLikelihood = -summary.finalObjective
        case .quasiPoisson: logLikelihood = nil
        }

        // Covariance of the free parameters.
        var status: FitStatus
        switch summary.status {
        case .gradientTolerance, .parameterTolerance, .functionTolerance:
            status = .converged(reason: summary.status.description)
        case .knownMinimum:
            // A multi-start keeps the run that found a minimum, never one stopped on its way there.
            status = .notConverged(reason: "stopped on the way to a minimum found before; the estimates are not that minimum")
        case .maximumIterations:
            status = .notConverged(reason: "stopped at the iteration limit (\(summary.iterations)); the estimates are the best point found")
            warnings.append("the solver stopped at its iteration limit: the estimates are not an optimum")
        case .failure(let reason):
            status = .failed(reason: reason.description)
        }
        // Covariance: inverse information, sandwich, or scaled for Gaussian and quasi-Poisson.
        var covariance: Matrix? = Self.invertInformation(information, free: free, total: names.count).map { inverse in
            var cov = options.covariance == .sandwich
                ? sandwich(bread: inverse, likelihood: likelihood, estimates: estimates, free: free) : inverse
            // Gaussian: sigma^2 (J^T J)^-1 with sigma^2 = RSS/(n - p); quasi-Poisson: phi times Poisson's.
            let df = n - Double(free.count)
            if (error == .gaussian || error == .quasiPoisson) && options.covariance != .sandwich {
                let scale = df > 0 ? (error == .gaussian ? deviance : pearson) / df : .nan
                for i in 0..<cov.rows { for j in 0..<cov.columns { cov[i, j] *= scale } }
            }
            return cov
        }
        let undetermined = covariance.map { Self.undetermined($0, estimates: estimates, free: free) } ?? []
        if covariance == nil || !undetermined.isEmpty {
            let weak = undetermined.isEmpty
                ? Self.weakestDirection(information, free: free, names: names)
                : "not determined: \(undetermined.map { names[$0] }.joined(separator: ", "))"
            for j in undetermined {
                warnings.append("\(names[j]) is not determined by the data: its standard error is more than \(formatted(Self.undeterminedRelativeError)) times its magnitude")
            }
            warnings.append("the data do not determine every parameter (\(weak)); standard errors are infinite")
            covariance = nil
            if status.isConverged {
                status = .nonIdentifiable(reason: "the information matrix is singular at the optimum; \(weak)")
            }
        }
        // Estimates at a bound.
        for j in free where summary.activeBounds[j] {
            warnings.append("\(names[j]) is at its bound (\(formatted(j < family.parameterCount || names[j] == "beta" ? estimates[j] : exp(estimates[j])))); its standard error assumes an interior optimum")
        }
        return CurveFit(
            family: family, error: error, options: options, observations: observations,
            parameterNames: names, vector: estimates, fixed: fixedMask, covariance: covariance,
            status: status, warnings: warnings, solverSummary: summary, fitted: fitted,
            logLikelihood: logLikelihood, deviance: deviance, pearsonChiSquare: pearson, startsTried: startsTried,
            solverOptions: solverOptions)
    }

    /// The information matrix of the free parameters: observed
    /// (``CurveLikelihood/observedInformation(at:free:)``: analytic in the means, central differences
    /// only for the curve's second derivatives) or expected (the solver's curvature).
    func informationMatrix(
        likelihood: CurveLikelihood<Family>, at estimates: SIMD8<Double>,
        summary: LevenbergMarquardt.Summary, free: [Int]
    ) -> Matrix {
        let useObserved = options.covariance != .expected && error != .gaussian
        var full = useObserved ? likelihood.observedInformation(at: estimates, free: free)
            : likelihood.evaluate(estimates).curvature
        if !useObserved, let d = likelihood.dispersionIndex {
            // The expected information of NB2 has no mean-dispersion coupling.
            for j in 0..<likelihood.parameterCount where j != d {
                full[j, d] = 0
                full[d, j] = 0
            }
        }
        var information = Matrix(rows: free.count, columns: free.count)
        for (a, i) in free.enumerated() {
            for (b, j) in free.enumerated() { information[a, b] = full[i, j] }
        }
        return information
    }

    /// Inverts the free-parameter information into a full-size covariance, or `nil` if it
    /// is not positive definite (or its condition number exceeds 1e14).
    ///
    /// The information is scaled to unit diagonal (so the test measures identifiability, not units), its
    /// eigenvalues found by ``SmallMatrix/symmetricEigenvalues()`` (cyclic Jacobi) and, when
    /// `smallest > 1e-14 largest`, it is inverted through ``SmallCholesky``: at most 8 free parameters,
    /// no LAPACK call and no allocation but the result.
    static func invertInformation(_ information: Matrix, free: [Int], total: Int) -> Matrix? {
        guard !free.isEmpty else { return Matrix(rows: total, columns: total) }
        let k = free.count
        var scales = SIMD8<Double>(repeating: 1)
        for a in 0..<k {
            let d = information[a, a]
            guard d > 0, d.isFinite else { return nil }
            scales[a] = 1 / d.squareRoot()
        }
        var scaled = SmallMatrix(order: k)
        for b in 0..<k {
            var column = SIMD8<Double>.zero
            for a in 0..<k { column[a] = information[a, b] }
            scaled[column: b] = column * scales * scales[b]
        }
        let eigenvalues = scaled.symmetricEigenvalues()
        guard eigenvalues[k - 1].isFinite, eigenvalues[0] > eigenvalues[k - 1] * 1e-14,
              let cholesky = try? SmallCholesky(scaled) else { return nil }
        let inverse = cholesky.inverse()
        var full = Matrix(rows: total, columns: total)
        for (b, j) in free.enumerated() {
            let column = inverse[column: b] * scales * scales[b]
            // The lower triangle, mirrored: an exactly symmetric covariance.
            for (a, i) in free.enumerated() where a >= b {
                full[i, j] = column[a]
                full[j, i] = column[a]
            }
        }
        return full
    }

    /// A parameter whose standard error exceeds this multiple of `max(|estimate|, 1)` is not
    /// determined by the data (for example a hazard that went to infinity, where the curve no
    /// longer depends on it). The floor of 1 keeps estimates near zero (a growth rate of 0, an
    /// onset at the origin) from being flagged for an ordinary standard error.
    static var undeterminedRelativeError: Double { 1e6 }

    /// Free parameters whose standard error exceeds ``undeterminedRelativeError`` times `max(|estimate|, 1)`.
    static func undetermined(_ covariance: Matrix, estimates: SIMD8<Double>, free: [Int]) -> [Int] {
        free.filter { j in
            let se = covariance[j, j].squareRoot()
            return !(se <= undeterminedRelativeError * max(abs(estimates[j]), 1))
        }
    }

    /// Names the parameters that dominate the least-determined direction.
    static func weakestDirection(_ information: Matrix, free: [Int], names: [String]) -> String {
        guard let eigen = try? SymmetricEigenDecomposition(information) else { return "the information is not finite" }
        let vector = (0..<free.count).map { eigen.eigenvectors[$0, 0] }
        let involved = vector.enumerated().filter { abs($0.element) > 0.3 }.map { names[free[$0.offset]] }
        return "least determined: \(involved.isEmpty ? "a combination of all parameters" : involved.joined(separator: ", "))"
    }

    func sandwich(bread: Matrix, likelihood: CurveLikelihood<Family>, estimates: SIMD8<Double>, free: [Int]) -> Matrix {
        let scores = likelihood.observationScores(estimates)
        let total = bread.rows
        var meat = Matrix(rows: total, columns: total)
        for s in scores {
            for i in free { for j in free { meat[i, j] += s[i] * s[j] } }
        }
        return bread * meat * bread
    }
}

/// Bounds of `log theta` for NB2: theta between 4.5e-5 (extreme overdispersion) and 1e10 (Poisson).
let negativeBinomialLogThetaBounds: ClosedRange<Double> = -10...23
