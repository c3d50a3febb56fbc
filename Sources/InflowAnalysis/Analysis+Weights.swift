import InflowCore
import InflowModels
import InflowProjection

extension Analysis {
    /// The weights of a series' fits, the stacking basis and the backtest they came from.
    struct Weighing {
        var weights: ModelWeights
        var stacking: StackingWeights?
        var backtest: Backtest.Evaluation?
    }

    /// A member forecast fewer than this share of the backtest's figures is left out of stacking and
    /// inverse-WIS weighting, so that the others are compared on the figures they all have.
    static let minimumForecastShare = 0.5

    /// Weighs `fits` by `options.ensemble`. Only ensemble members (``isEnsembleMember(_:)``) get weight; a
    /// member whose predictive distribution is practically another's (``DuplicateModels``) is merged into
    /// it first. Stacking and inverse-WIS weights compare the members on the backtest figures they all
    /// forecast; stacking falls back to AICc weights when those figures come from fewer than
    /// ``AnalysisOptions/minimumStackingOrigins`` origins. Notes starting with `warning: ` are also warnings.
    /// The backtest takes its forecasts from, and keeps them in, `memo` when given; its members' search limits come
    /// from `limitSeries` (the analysed series when `nil`: see ``backtestMember(_:options:background:limitSeries:)``).
    static func weigh(_ fits: [CurveFit], series: InflowSeries, background: BackgroundRate, options: AnalysisOptions,
                      memo: BacktestMemo? = nil, limitSeries: InflowSeries? = nil,
                      tracker: inout ProgressTracker) -> Weighing {
        let members = fits.filter(isEnsembleMember)
        let merged = DuplicateModels.find(members, horizon: options.horizon)
        let candidates = members.filter { merged[$0.id] == nil }
        var notes = merged.sorted { $0.key.family < $1.key.family }.map {
            "\($0.key.family) has practically the same predictive distribution as \($0.value.family) (same likelihood and expected counts within \(Int(DuplicateModels.relativeTolerance * 100))%) and is merged into it"
        }
        let candidateIDs = Set(candidates.map(\.id))
        /// AICc weights; AIC weights when no member has an AICc (at most k + 1 observations for every member).
        func akaike() -> [Double] {
            let weights = Ensemble.akaikeWeights(fits.map { candidateIDs.contains($0.id) ? $0.aicc : nil })
            guard weights.allSatisfy({ $0 == 0 }) else { return weights }
            let aic = Ensemble.akaikeWeights(fits.map { candidateIDs.contains($0.id) ? $0.aic : nil })
            if aic.contains(where: { $0 > 0 }) {
                notes.append("no model has an AICc with so few observations, so the weights are AIC weights")
            }
            return aic
        }
        let ids = fits.map(\.id)

        switch options.ensemble {
        case .aicc:
            return Weighing(weights: ModelWeights(method: .aicc, models: ids, values: akaike(), merged: merged, notes: notes))
        case .none:
            let values = akaike()
            let best = values.indices.max { values[$0] < values[$1] }
            return Weighing(weights: ModelWeights(
                method: .none, models: ids, values: values.indices.map { $0 == best ? 1 : 0 }, merged: merged, notes: notes))
        case .stacking, .wis:
            tracker.step("backtesting \(candidates.count) models")
            let evaluation = Backtest.evaluate(
                candidates.map { backtestMember($0.family, options: options, background: background,
                                                limitSeries: limitSeries ?? series) },
                series: series, options: options.backtestOptions, memo: memo)
            let figures = evaluation.forecasts.count
            let kept = candidates.filter { fit in
                Double(evaluation.forecasts.count { $0.samples[fit.id] != nil }) >= minimumForecastShare * Double(figures)
            }
            for fit in candidates where !kept.contains(where: { $0.id == fit.id }) {
                let forecast = evaluation.forecasts.count { $0.samples[fit.id] != nil }
                notes.append("\(fit.family.name) could be backtested on \(forecast) of \(figures) figures only and gets no weight")
            }
            let common = evaluation.forecasts.filter { forecast in kept.allSatisfy { forecast.samples[$0.id] != nil } }
            let origins = Set(common.map(\.origin)).count
            guard !kept.isEmpty, origins >= AnalysisOptions.minimumStackingOrigins else {
                notes.append("warning: the backtest scored \(common.count) figures from \(origins) origin\(origins == 1 ? "" : "s") that every model forecast; \(options.ensemble == .stacking ? "stacking" : "inverse-WIS weighting") needs \(AnalysisOptions.minimumStackingOrigins), so the weights are AICc weights")
                return Weighing(weights: ModelWeights(method: .aicc, models: ids, values: akaike(), merged: merged, notes: notes),
                                stacking: nil, backtest: evaluation)
            }
            let keptIDs = kept.map(\.id)
            if options.ensemble == .stacking, let stacking = StackingWeights(members: keptIDs, forecasts: common,
                                                                                     threads: options.threads) {
                notes.append("stacking weights minimise the mixture's mean CRPS over \(stacking.figures) figures from \(stacking.origins) rolling origins that every weighted model forecast")
                if stacking.origins < 2 * AnalysisOptions.minimumStackingOrigins {
                    notes.append("warning: the stacking weights rest on \(stacking.figures) figures from \(stacking.origins) origins: too few to tell the models apart with confidence")
                }
                let values = ids.map { id in keptIDs.firstIndex(of: id).map { stacking.weights[$0] } ?? 0 }
                let scores = Dictionary(uniqueKeysWithValues: zip(keptIDs, stacking.memberCRPS))
                return Weighing(weights: ModelWeights(method: .stacking, models: ids, values: values, merged: merged,
                                                      notes: notes, backtestCRPS: scores),
                                stacking: stacking, backtest: evaluation)
            }
            // Inverse mean WIS over the figures every kept member forecast.
            let scores = evaluation.scores.scores
            let values = Ensemble.inverseScoreWeights(ids.map { id -> Double? in
                guard keptIDs.contains(id) else { return nil }
                let rows = scores.filter { score in
                    score.model == id && common.contains { $0.origin == score.origin && $0.target == score.target }
                }
                return rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.wis } / Double(rows.count)
            })
            notes.append("inverse-WIS weights over \(common.count) figures from \(origins) rolling origins that every weighted model forecast")
            var crps: [ModelID: Double] = [:]
            for id in keptIDs {
                crps[id] = common.compactMap { $0.samples[id]?.crps(observation: $0.observed) }.reduce(0, +) / Double(common.count)
            }
            return Weighing(weights: ModelWeights(method: .wis, models: ids, values: values, merged: merged, notes: notes,
                                                  backtestCRPS: crps),
                            stacking: nil, backtest: evaluation)
        }
    }

    /// The backtest member of `family`, fitted at every origin with the options of `limitSeries`, the whole series
    /// being analysed: its final size searched up to ``AnalysisOptions/plausiblePoolFactor`` times the arrivals by
    /// the last report, as in the fits being weighed. (Limits from the arrivals by each origin instead, a forecaster's
    /// at that time, were tried: on the pipeline's calibration study, 10 series per truth, the 90% intervals covered
    /// 88.3%, 86.7% and 93.9% early, at the peak and after it, against 93.9%, 91.7% and 92.8% with these limits.)
    static func backtestMember(_ family: any CurveFamily, options: AnalysisOptions, background: BackgroundRate,
                               limitSeries: InflowSeries) -> BacktestMember {
        BacktestMember(family: family, error: options.error,
                       fitOptions: options.fitOptions(for: family, series: limitSeries, background: background))
    }
}
