import InflowCore
import InflowModels
import InflowProjection
import InflowStatistics

extension Analysis {
    /// Fits every curve family of `options` to `series` under `background`: the fits, and the families that
    /// could not be fitted with the reason.
    /// - Complexity: one fit per family.
    static func fitFamilies(_ series: InflowSeries, background: BackgroundRate, options: AnalysisOptions,
                            tracker: inout ProgressTracker) -> (fits: [CurveFit], failures: [ModelFailure]) {
        let families = options.families
        guard !families.isEmpty else { return ([], []) }
        tracker.step(families.count == 1 ? "fitting \(families[0].name)" : "fitting \(families.count) models",
                     counting: families.count)
        // The families are independent: fitted side by side on the analysis's threads, each on one thread as
        // it would be alone, so the fits are the same bits for any thread count.
        let outcomes = ParallelReplicates.map(count: families.count, threads: options.threads,
                                              workspace: { () }) { index, _ -> (fit: CurveFit?, failure: ModelFailure?) in
            let family = families[index]
            let id = ModelID(family: family.name, error: options.error)
            do throws(CurveFitError) {
                let fit = try family.fit(series, error: options.error,
                                         options: options.fitOptions(for: family, series: series, background: background))
                if case .failed(let reason) = fit.status { return (nil, ModelFailure(model: id, reason: reason)) }
                return (fit, nil)
            } catch {
                return (nil, ModelFailure(model: id, reason: error.description))
            }
        }
        var fits: [CurveFit] = []
        var failures: [ModelFailure] = []
        for outcome in outcomes {
            if let fit = outcome.fit { fits.append(fit) }
            if let failure = outcome.failure { failures.append(failure) }
        }
        return (fits, failures)
    }

    /// Fits, projects and weighs the models of one series under `background`; backtest forecasts are kept in
    /// and taken from `memo` (see ``/InflowProjection/BacktestMemo``).
    static func analyse(_ series: InflowSeries, background: BackgroundRate, backgroundSource: String,
                        options: AnalysisOptions, memo: BacktestMemo? = nil,
                        tracker: inout ProgressTracker) throws(AnalysisError) -> SeriesAnalysis {
        var (fits, failures) = fitFamilies(series, background: background, options: options, tracker: &tracker)
        var warnings: [String] = []

        // The log-linear GLM does not level off: it is shown, and weighted only when it is the only model.
        var logLinearFit: LogLinearFit?
        var logLinearProjection: Projection?
        if options.includesLogLinear {
            tracker.step("fitting \(LogLinearModel.name)")
            let errorFamily = options.error == .gaussian ? ErrorFamily.poisson : options.error
            do {
                let fit = try options.logLinear.fit(series, error: errorFamily)
                logLinearProjection = try LogLinearProjector.project(
                    fit, options: options.projectionOptions(series: series.name, model: fit.id))
                logLinearFit = fit
            } catch {
                failures.append(ModelFailure(model: ModelID(family: LogLinearModel.name, error: errorFamily),
                                             reason: "\(error)"))
            }
        }
        guard !fits.isEmpty || logLinearProjection != nil else {
            throw .noModelFitted(series: series.name, failures: failures)
        }

        var projections: [Projection] = []
        var projected: [CurveFit] = []
        for fit in fits {
            tracker.step("projecting \(fit.family.name)")
            do {
                projections.append(try CurveProjector.project(
                    fit, options: options.projectionOptions(series: series.name, model: fit.id)))
                projected.append(fit)
            } catch {
                failures.append(ModelFailure(model: fit.id, reason: error.description))
            }
        }
        fits = projected

        let excluded = fits.filter { !isEnsembleMember($0) }
        let unbounded = excluded.filter { !$0.family.isBounded }.map(\.family.name)
        if !unbounded.isEmpty {
            warnings.append("\(unbounded.joined(separator: ", ")) can grow without bound and get no weight in the ensemble")
        }
        let unconverged = excluded.filter { $0.family.isBounded }.map(\.family.name)
        if !unconverged.isEmpty {
            warnings.append("\(unconverged.joined(separator: ", ")) did not reach an optimum and get no weight in the ensemble")
        }

        let weighing = weigh(fits, series: series, background: background, options: options, memo: memo,
                             tracker: &tracker)
        let weights = weighing.weights
        warnings += weights.notes.filter { $0.hasPrefix("warning: ") }.map { String($0.dropFirst(9)) }

        var headline: Projection
        if fits.isEmpty, let logLinearProjection {
            headline = logLinearProjection
        } else if weights.method == .none || weights.values.allSatisfy({ $0 == 0 }) {
            let best = weights.values.indices.max { weights.values[$0] < weights.values[$1] } ?? 0
            headline = projections[best]
        } else {
            headline = Ensemble.combine(projections, weights: weights.values)
        }
        // Published bounds after the last exact figure ("more than N" by noon) hold the projected paths too.
        // (Only a series with bound figures is prepared again for them: the common case pays nothing.)
        let censored = series.figureKinds.contains(where: \.isBound) ? series.prepared().censored : []
        if !censored.isEmpty {
            if let conditioned = headline.conditioned(on: censored, seed: RandomStreams.derive(options.seed, 0xB0_0D)) {
                headline = conditioned.projection
                if conditioned.agreeing < headline.replicates {
                    warnings.append("the projection is conditioned on the published bounds after the last exact figure: "
                                    + "\(conditioned.agreeing) of \(headline.replicates) replicates agree with them and are resampled")
                }
            } else if censored.contains(where: { $0.end > headline.grid.boundaries[0] }) {
                warnings.append("no replicate of the projection agrees with the published bounds after the last exact figure: "
                                + "the models put next to no probability on them; the projection is not conditioned on them")
            }
        }
        for fit in fits {
            warnings += fit.warnings.map { "\(fit.family.name): \($0)" }
        }
        let failedReplicates = projections.reduce(0) { $0 + $1.failedReplicates }
        if failedReplicates > 0 {
            warnings.append("\(failedReplicates) bootstrap replicates gave no usable refit and were left out")
        }
        return SeriesAnalysis(
            series: series, background: background, backgroundSource: backgroundSource, fits: fits,
            failures: failures, logLinearFit: logLinearFit,
            projections: projections + (logLinearProjection.map { [$0] } ?? []), weights: weights,
            stacking: weighing.stacking, headline: headline, backtest: weighing.backtest, warnings: warnings)
    }
}
