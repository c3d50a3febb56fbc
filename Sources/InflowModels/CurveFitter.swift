import Foundation
import InflowCore
import InflowFitting
import InflowLinearAlgebra

/// The fitting procedure behind ``CurveFamily/fit(_:error:options:)-(PreparedObservations,_,_)``:
/// options translated by ``FitParameterLayout``, starting points searched by
/// ``InflowFitting/MultiStart/search(_:from:options:sameOptimum:basinTolerance:firstStartFirst:workspace:)``,
/// then the inference of the best run (``finish(_:likelihood:scratch:layout:startsTried:solverOptions:)``).
///
/// Negative binomial fits run the search on the Poisson likelihood first, then start NB2 from the best
/// Poisson optimum with the moment estimate of `theta` (as `MASS::glm.nb`); the data-driven starts are
/// tried for NB2 only when that run does not converge.
///
/// The fitter owns the workspaces of its likelihoods: one for the Poisson stage, and a two-slot one for
/// the final likelihood, so the covariance at the end finds the best run's last pass still there when
/// that run was the last to evaluate (``CurveLikelihood/Scratch``).
struct CurveFitter<Family: CurveFamily> {
    let family: Family
    let error: ErrorFamily
    let options: FitOptions
    let observations: PreparedObservations

    func run() throws(CurveFitError) -> CurveFit {
        if observations.kind == .level && error != .gaussian {
            throw .unsuitableErrorFamily("level data are fitted by least squares: use the gaussian error family (got \(error.rawValue)).")
        }
        let layout = try FitParameterLayout(family: family, error: error, options: options)
        if error.isCount && observations.count > 0 && observations.responses.allSatisfy({ $0 == 0 }) {
            throw .noArrivals
        }
        if observations.count < max(layout.freeCount, 1) {
            throw .tooFewObservations(observations: observations.count, freeParameters: layout.freeCount)
        }
        let solverOptions = layout.solverOptions(options.solver)
        let data = StartingData(observations)
        let (curveStarts, callerFirst) = layout.curveStarts(family: family, data: data, options: options)
        let backgroundStart = layout.backgroundStart(data: data, options: options)
        func completed(_ curve: SIMD8<Double>) -> SIMD8<Double> {
            layout.completed(curve, backgroundStart: backgroundStart)
        }

        let grid = ObservationGrid(observations: observations, countsAsRate: options.countsAsRate)
        let likelihood = CurveLikelihood(family: family, error: error, observations: observations,
                                         background: options.background, countsAsRate: options.countsAsRate, grid: grid)
        var scratch = likelihood.makeWorkspace(slots: 2)
        var startsTried = 0
        var best: LevenbergMarquardt.Summary?
        func consider(_ summary: LevenbergMarquardt.Summary) {
            guard summary.finalObjective.isFinite else { return }
            guard let current = best else {
                best = summary
                return
            }
            // Prefer converged fits; among equals, the lower objective.
            let better = summary.isConverged != current.isConverged
                ? summary.isConverged : summary.finalObjective < current.finalObjective
            if better { best = summary }
        }

        if let d = layout.dispersionIndex {
            // Poisson first, then NB2 from the Poisson optimum with the moment estimate of theta.
            let poisson = likelihood.withError(.poisson)
            var poissonScratch = poisson.makeWorkspace()
            var poissonOptions = solverOptions
            poissonOptions.fixed = Array(layout.fixedMask.dropLast())
            // The Poisson fit only starts the NB2 fit, which converges fully: a looser function test.
            poissonOptions.functionTolerance = max(solverOptions.functionTolerance, Self.startingStageFunctionTolerance)
            let poissonStarts = curveStarts.map { curve -> SIMD8<Double> in
                var start = completed(curve)
                start[d] = 0
                return start
            }
            let search = MultiStart.search(poisson, from: poissonStarts, options: poissonOptions,
                                           sameOptimum: Self.startingStageSameOptimumTolerance,
                                           basinTolerance: Self.basinTolerance, firstStartFirst: callerFirst,
                                           workspace: &poissonScratch)
            startsTried += search.runs
            // NB2 is searched too, from the Poisson optimum (tried first) and from every data-driven start, each
            // with the moment estimate of theta at its means: a curve that misses the counts' shape can look
            // best under Poisson and worse under NB2, which explains a misfit as overdispersion. On a unimodal
            // likelihood the second run heads for the first one's minimum and stops there at once
            // (``LevenbergMarquardt/KnownMinimum``).
            func withMomentTheta(_ curve: SIMD8<Double>) -> SIMD8<Double> {
                var start = curve
                if layout.fixedMask[d] {
                    start[d] = layout.fixedValues[d]
                } else if let theta = options.start["theta"], search.best == nil {
                    start[d] = log(theta)
                } else {
                    var poissonStart = curve
                    poissonStart[d] = 0
                    let mu = poisson.means(poissonStart, scratch: poissonScratch)
                    let moment = NegativeBinomialDispersion.momentEstimate(responses: observations.responses, means: mu) ?? 10
                    start[d] = min(max(log(moment), negativeBinomialLogThetaBounds.lowerBound),
                                   negativeBinomialLogThetaBounds.upperBound)
                }
                return start
            }
            let nbStarts = (search.best.map { [withMomentTheta($0.parameters)] } ?? [])
                + curveStarts.map { withMomentTheta(completed($0)) }
            let nbSearch = MultiStart.search(likelihood, from: nbStarts, options: solverOptions,
                                             sameOptimum: Self.sameOptimumTolerance, basinTolerance: Self.basinTolerance,
                                             firstStartFirst: true, workspace: &scratch)
            startsTried += nbSearch.runs
            if let summary = nbSearch.best { consider(summary) }
        } else {
            let search = MultiStart.search(likelihood, from: curveStarts.map(completed), options: solverOptions,
                                           sameOptimum: Self.sameOptimumTolerance,
                                           basinTolerance: error.isCount ? Self.basinTolerance : nil,
                                           firstStartFirst: callerFirst, workspace: &scratch)
            startsTried += search.runs
            if let summary = search.best { consider(summary) }
        }

        guard let summary = best else {
            // Every start failed: report the first start's failure.
            let start = completed(curveStarts.first ?? .zero)
            let summary = LevenbergMarquardt.minimize(likelihood, from: start, options: solverOptions, workspace: &scratch)
            return CurveFit(
                family: family, error: error, options: options, observations: observations,
                parameterNames: layout.names, vector: summary.parameters, fixed: layout.fixedMask, covariance: nil,
                status: .failed(reason: "no starting point gave a finite objective: \(summary.status)"),
                warnings: observations.warnings.map(\.message), solverSummary: summary,
                fitted: Array(repeating: .nan, count: observations.count), logLikelihood: nil,
                deviance: .nan, pearsonChiSquare: .nan, startsTried: startsTried + 1, solverOptions: solverOptions)
        }
        return finish(summary, likelihood: likelihood, scratch: scratch, layout: layout, startsTried: startsTried,
                      solverOptions: solverOptions)
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
}

/// Bounds of `log theta` for NB2: theta between 4.5e-5 (extreme overdispersion) and 1e10 (Poisson).
let negativeBinomialLogThetaBounds: ClosedRange<Double> = -10...23
