import InflowCore
import InflowData
import InflowModels
import InflowProjection

/// The analysis pipeline: fit every model to a series, weigh them, project each and combine the
/// projections; then project each key of a long-format file. The command line, the notebooks and the
/// report all call it, so they give the same numbers for the same options.
///
/// Steps, for the data's total (or its only series):
/// 1. fit each curve family (``AnalysisOptions/fitOptions(for:)``); a fit that fails or throws is
///    listed in ``SeriesAnalysis/failures`` with its reason;
/// 2. fit and project the log-linear model when asked;
/// 3. backtest every fit when the ensemble method needs scores (``EnsembleMethod/wis``);
/// 4. project every fit with the bootstrap (``CurveProjector``), each on its own random streams
///    (``StreamKey``);
/// 5. weigh the ensemble members (``isEnsembleMember(_:)``) and combine them (``Ensemble/combine(_:weights:)``);
/// 6. for each key: fit the leading family (the largest weight) and project it.
///
/// ```swift
/// let data = try BundledDataset.defaultDataset.load()
/// let result = try Analysis.run(data)
/// print(result.total.headline.arrivals(overFirst: 7).median)
/// ```
///
/// - Complexity: per model one fit and one bootstrap of ``AnalysisOptions/replicates`` refits (plus,
///   with backtests, one fit and bootstrap per origin); per key one fit and one bootstrap.
public enum Analysis {
    /// Runs the pipeline on `data`.
    /// - Parameter progress: called as each step starts (from the calling thread).
    /// - Throws: ``AnalysisError`` for invalid options, or when no model could be fitted to the total.
    public static func run(
        _ data: LoadedData, options: AnalysisOptions = AnalysisOptions(),
        progress: (@Sendable (AnalysisProgress) -> Void)? = nil
    ) throws(AnalysisError) -> AnalysisResult {
        try options.validate()
        guard let series = data.total ?? data.series.first else { throw .noSeries }
        let keys = data.total == nil ? [] : data.series
        let needsBacktest = options.ensemble == .wis
        let total = options.families.count * (needsBacktest ? 3 : 2) + (options.includesLogLinear ? 1 : 0) + keys.count
        var tracker = ProgressTracker(total: total, report: progress)
        let analysis = try analyse(series, options: options, tracker: &tracker)

        var keyResults: [KeyAnalysis] = []
        var warnings = data.warnings.map(\.description) + analysis.warnings
        if let leading = analysis.leadingFit {
            for key in keys {
                tracker.step("projecting \(key.name)")
                do {
                    let fit = try leading.family.fit(key, error: options.error, options: options.fitOptions(for: leading.family))
                    let projection = try CurveProjector.project(
                        fit, options: options.projectionOptions(series: key.name, model: fit.id))
                    keyResults.append(KeyAnalysis(key: key.name, series: key, fit: fit, projection: projection))
                } catch {
                    warnings.append("\(key.name): \(error)")
                }
            }
        } else if !keys.isEmpty {
            warnings.append("no curve family was fitted to the total, so the keys are not projected")
        }
        return AnalysisResult(data: data, options: options, total: analysis, keys: keyResults, warnings: warnings)
    }

    /// Whether a fit enters the ensemble: its family levels off (so it answers "how many more") and its
    /// estimates are an optimum (converged, or converged where the data do not determine every
    /// parameter). Fits stopped at the iteration limit and failed fits do not.
    public static func isEnsembleMember(_ fit: CurveFit) -> Bool {
        guard fit.family.isBounded else { return false }
        switch fit.status {
        case .converged, .nonIdentifiable: return true
        case .notConverged, .failed: return false
        }
    }

    /// Fits, backtests, projects and weighs the models of one series.
    static func analyse(_ series: InflowSeries, options: AnalysisOptions,
                        tracker: inout ProgressTracker) throws(AnalysisError) -> SeriesAnalysis {
        var fits: [CurveFit] = []
        var failures: [ModelFailure] = []
        var warnings: [String] = []
        for family in options.families {
            tracker.step("fitting \(family.name)")
            let id = ModelID(family: family.name, error: options.error)
            do {
                let fit = try family.fit(series, error: options.error, options: options.fitOptions(for: family))
                if case .failed(let reason) = fit.status {
                    failures.append(ModelFailure(model: id, reason: reason))
                } else {
                    fits.append(fit)
                }
            } catch {
                failures.append(ModelFailure(model: id, reason: error.description))
            }
        }

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

        var backtest: BacktestResult?
        if options.ensemble == .wis {
            var combined = BacktestResult()
            for fit in fits {
                tracker.step("backtesting \(fit.family.name)")
                let result = Backtest.run(fit.family, error: fit.error, series: series, fitOptions: fit.options,
                                          options: options.backtestOptions)
                combined.scores += result.scores
                combined.skipped += result.skipped
            }
            backtest = combined
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
        let values: [Double]
        switch options.ensemble {
        case .aicc, .none:
            values = Ensemble.akaikeWeights(fits.map { isEnsembleMember($0) ? $0.aicc : nil })
        case .wis:
            let overall = backtest?.overall() ?? []
            values = Ensemble.inverseScoreWeights(fits.map { fit in
                guard isEnsembleMember(fit) else { return nil }
                return overall.first { $0.model == fit.id && $0.forecasts > 0 }?.wis
            })
        }
        let weights = ModelWeights(method: options.ensemble, models: fits.map(\.id), values: values)

        let headline: Projection
        if fits.isEmpty, let logLinearProjection {
            headline = logLinearProjection
        } else if options.ensemble == .none || values.allSatisfy({ $0 == 0 }) {
            let best = values.indices.max { values[$0] < values[$1] } ?? 0
            headline = projections[best]
            if options.ensemble == .wis { warnings.append("no model has backtest scores; the best AICc model is used") }
        } else {
            headline = Ensemble.combine(projections, weights: values)
        }
        for fit in fits {
            warnings += fit.warnings.map { "\(fit.family.name): \($0)" }
        }
        let failedReplicates = projections.reduce(0) { $0 + $1.failedReplicates }
        if failedReplicates > 0 {
            warnings.append("\(failedReplicates) bootstrap replicates gave no usable refit and were left out")
        }
        return SeriesAnalysis(
            series: series, fits: fits, failures: failures, logLinearFit: logLinearFit,
            projections: projections + (logLinearProjection.map { [$0] } ?? []), weights: weights,
            headline: headline, backtest: backtest, warnings: warnings)
    }
}

/// Counts the pipeline's steps and reports each as it starts.
struct ProgressTracker {
    let total: Int
    let report: (@Sendable (AnalysisProgress) -> Void)?
    var completed = 0

    mutating func step(_ label: String) {
        completed = min(completed + 1, total)
        report?(AnalysisProgress(completed: completed, total: total, step: label))
    }
}
