import Foundation
import InflowCore
import InflowModels
import InflowProjection
import InflowStatistics

extension Analysis {
    /// What the whole pipeline would have forecast at each backtest origin, and how it scored: for each
    /// origin, the fits and weights of the data up to it (its own fits, its own weights: stacking on the
    /// origins before it when there are enough, else AICc weights) and the mixture of the weighted members'
    /// forecasts of the figures that followed. The ensemble's scores are added to the backtest as the model
    /// ``ModelID/ensemble(_:)``, so it is judged by what a forecaster knew at the time, like every member.
    ///
    /// The members' forecasts at an origin are those the backtest scored (the same fits, bootstraps and random
    /// streams, with the whole series' search limits, as in ``backtestMember(_:options:background:limitSeries:)``),
    /// taken from `memo` when it holds them, so the ensemble mixes what its members said.
    ///
    /// - Complexity: per origin, one fit per family and the weighing of the data up to it; the backtests it
    ///   needs are in `memo` when the analysis of the whole series used it, else one fit and one bootstrap of
    ///   ``AnalysisOptions/backtestReplicates`` per member and earlier origin.
    static func retrospective(_ series: InflowSeries, background: BackgroundRate, backgroundSource: String,
                              evaluation: Backtest.Evaluation, options: AnalysisOptions,
                              memo: BacktestMemo = BacktestMemo()) -> [RetrospectiveOrigin] {
        let full = series.prepared()
        var nested = options
        nested.replicates = options.backtestReplicates
        nested.horizon = options.backtestHorizon
        let backtest = options.backtestOptions
        memo.adoptStreamOrigins(evaluation.origins)
        var results: [RetrospectiveOrigin] = []
        for (index, origin) in evaluation.origins.enumerated() {
            let truncated = series.prefix(through: origin)
            let originDay = origin.timeIntervalSince(series.origin) / 86_400
            let followers = Backtest.futureTruths(full, after: originDay, horizon: Double(backtest.horizon))
            var tracker = ProgressTracker(total: 0, report: nil)
            guard !followers.isEmpty else { continue }
            let fits = fitFamilies(truncated, background: background, options: nested, tracker: &tracker).fits
            guard !fits.isEmpty else { continue }
            let weights = weigh(fits, series: truncated, background: background, options: nested, memo: memo,
                                limitSeries: series, tracker: &tracker).weights
            // The models the pipeline would have mixed, or the one it would have used alone.
            var weighted: [(fit: CurveFit, weight: Double)]
            if weights.method == .none || weights.values.allSatisfy({ $0 == 0 }) {
                let best = weights.values.indices.max { weights.values[$0] < weights.values[$1] } ?? 0
                weighted = [(fits[best], 1)]
            } else {
                weighted = fits.map { ($0, weights[$0.id]) }.filter { $0.weight > 0 }
            }
            let position = memo.streamPosition(of: origin, index: index)
            var projections: [Projection] = []
            var mixtureWeights: [Double] = []
            for (fit, weight) in weighted {
                let projectionOptions = ProjectionOptions(
                    horizon: backtest.horizon, replicates: backtest.replicates, seed: backtest.seed,
                    seriesIndex: Backtest.streamIndex(series: series.name, model: fit.id, originPosition: position),
                    threads: backtest.threads)
                guard case .success(let forecast) = Backtest.memberForecast(
                    backtestMember(fit.family, options: options, background: background, limitSeries: series),
                    data: truncated,
                    followers: followers.map(\.end), options: projectionOptions, memo: memo) else { continue }
                projections.append(forecast.projection)
                mixtureWeights.append(weight)
            }
            guard !projections.isEmpty else { continue }
            let mixture = projections.count == 1 ? projections[0] : Ensemble.combine(projections, weights: mixtureWeights)
            let matrix = full.kind == .counts ? mixture.increments : mixture.cumulative
            let model = ModelID.ensemble(options.error)
            var scores: [BacktestScore] = []
            var figures: [BacktestForecast] = []
            for (k, truth) in followers.enumerated() {
                guard let sample = try? PredictiveSample(values: matrix.row(k).filter(\.isFinite)) else { continue }
                let target = series.date(atDay: truth.end)
                let horizon = Backtest.horizon(from: originDay, to: truth.end)
                if let score = Backtest.score(sample, truth: truth.value, model: model, origin: origin, target: target,
                                              horizon: horizon, kind: full.kind) {
                    scores.append(score)
                }
                figures.append(BacktestForecast(origin: origin, target: target, horizon: horizon, observed: truth.value,
                                                samples: [model: sample]))
            }
            results.append(RetrospectiveOrigin(origin: origin, weights: weights, scores: scores, forecasts: figures))
        }
        return results
    }
}
