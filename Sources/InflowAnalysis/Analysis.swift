import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowProvinces

/// The analysis pipeline: fit every model to a series, weigh them, project each and combine the
/// projections; then project each key of a long-format file. The command line, the notebooks and the
/// report all call it, so they give the same numbers for the same options.
///
/// Steps, for the data's total (or its only series):
/// 1. the background: given, stated by the data file, or estimated with each curve
///    (``AnalysisOptions/resolvedBackground(for:)``);
/// 2. fit each curve family; a fit that fails or throws is listed in ``SeriesAnalysis/failures``;
/// 3. fit and project the log-linear model when asked;
/// 4. project every fit with the bootstrap (``/InflowProjection/CurveProjector``), each on its own random streams
///    (``/InflowProjection/StreamKey``);
/// 5. weigh the ensemble members (``isEnsembleMember(_:)``; duplicates merged first) by the method asked
///    for: stacking on a rolling-origin backtest (falling back to AICc weights when the data leave fewer
///    than ``AnalysisOptions/minimumStackingOrigins`` origins), AICc, inverse backtest WIS, or the best
///    AICc model alone; then mix their projections (``/InflowProjection/Ensemble/combine(_:weights:)``);
/// 6. with key columns: fit each weighted member's family to every key at once with partial pooling, draw the
///    keys' joint samples and make every node of the hierarchy coherent with the total's forecast
///    (``AnalysisOptions/reconciliation``; ``HierarchyAnalysis``).
///
/// ```swift
/// let data = try BundledDataset.defaultDataset.load()
/// let result = try Analysis.run(data)
/// print(result.total.headline.arrivals(overFirst: 7).median)
/// ```
///
/// - Complexity: per model one fit and one bootstrap of ``AnalysisOptions/replicates`` refits, plus, with a
///   backtest, one fit and one bootstrap of ``AnalysisOptions/backtestReplicates`` per origin; with keys, one
///   pooled fit per weighted member and ``AnalysisOptions/replicates`` times four joint samples.
public enum Analysis {
    /// Runs the pipeline on `data`.
    /// - Parameters:
    ///   - data: the figures: one series, or keyed series with their total (from ``/InflowData/SeriesLoader``
    ///     or ``/InflowData/BundledDataset``).
    ///   - options: models, background, replicates, backtest, seed and threads; the defaults are those of
    ///     `inflow project`.
    ///   - progress: called as each step starts (from the calling thread).
    /// - Throws: ``AnalysisError`` for invalid options, when no model could be fitted to the total, or when a
    ///   projection would hold numbers that are not finite.
    public static func run(
        _ data: LoadedData, options: AnalysisOptions = AnalysisOptions(),
        progress: (@Sendable (AnalysisProgress) -> Void)? = nil
    ) throws(AnalysisError) -> AnalysisResult {
        try options.validate()
        guard let series = data.total ?? data.series.first else { throw .noSeries }
        let keys = data.total == nil ? [] : data.series
        let (background, source) = options.resolvedBackground(for: data)
        var tracker = ProgressTracker(total: stepCount(options, keys: keys.count), report: progress)
        let memo = BacktestMemo()
        var analysis = try analyse(series, background: background, backgroundSource: source, options: options,
                                   memo: memo, tracker: &tracker)
        if options.includesRetrospective, let evaluation = analysis.backtest {
            tracker.step("backtesting the ensemble")
            analysis.retrospective = retrospective(series, background: background, backgroundSource: source,
                                                   evaluation: evaluation, options: options, memo: memo)
        }
        if options.includesSensitivity {
            tracker.step("projecting under other pool sizes")
            analysis.sensitivity = sensitivity(of: analysis, options: options)
        }

        var warnings = data.warnings.map(\.description) + analysis.warnings
        var provincial: ProvincialAnalysis?
        if let model = options.provincial {
            tracker.step("splitting by province of origin")
            do {
                provincial = try provinces(data, site: series, total: analysis, model: model, background: background,
                                           options: options)
                warnings += provincial?.warnings ?? []
            } catch .provincialSkipped(let message) {
                warnings.append(message)
            }
        }
        let (hierarchy, hierarchyWarnings) = provincial != nil ? (nil, [])
            : Self.hierarchy(data, total: analysis, options: options, tracker: &tracker)
        warnings += hierarchyWarnings + (hierarchy?.warnings ?? [])
        for (name, projection) in [(series.name, analysis.headline)] + (hierarchy.map { h in
            zip(h.hierarchy.nodes.map(\.name), h.forecast.projections).map { ($0, $1) } } ?? []) {
            let broken = nonFinitePeriods(projection)
            if broken > 0 || !projection.observedTotal.isFinite {
                throw .nonFiniteProjection(series: name, periods: broken, of: projection.periods)
            }
        }
        return AnalysisResult(data: data, options: options, total: analysis, hierarchy: hierarchy, provincial: provincial,
                              warnings: warnings)
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

    /// The steps the progress bar counts.
    static func stepCount(_ options: AnalysisOptions, keys: Int) -> Int {
        let backtest = options.ensemble == .stacking || options.ensemble == .wis ? 1 : 0
        return options.families.count * 2 + backtest * (options.includesRetrospective ? 2 : 1)
            + (options.includesSensitivity ? 1 : 0) + (options.includesLogLinear ? 1 : 0)
            + (options.provincial != nil ? 1 : (keys > 0 ? 2 : 0))
    }
}

/// Counts the pipeline's steps and reports each as it starts.
struct ProgressTracker {
    let total: Int
    let report: (@Sendable (AnalysisProgress) -> Void)?
    var completed = 0

    /// Reports the step `label`, which stands for `counting` of the counted steps (several models fitted at once).
    mutating func step(_ label: String, counting: Int = 1) {
        completed = min(completed + counting, total)
        report?(AnalysisProgress(completed: completed, total: total, step: label))
    }
}

extension Analysis {
    /// The periods of `projection` whose summaries could not be finite: a replicate is infinite there (or its
    /// start is), or no replicate has a number (failed replicates are NaN and left out of summaries).
    /// - Complexity: one pass over the samples, O(periods x replicates).
    static func nonFinitePeriods(_ projection: Projection) -> Int {
        if projection.startTotals?.contains(where: \.isInfinite) == true { return projection.periods }
        let rows = projection.periods
        return projection.increments.elements.withUnsafeBufferPointer { values in
            (0..<rows).filter { k in
                var anyNumber = false
                for b in 0..<projection.replicates {
                    let value = values[b * rows + k]
                    if value.isInfinite { return true }
                    anyNumber = anyNumber || value.isFinite
                }
                return !anyNumber
            }.count
        }
    }
}
