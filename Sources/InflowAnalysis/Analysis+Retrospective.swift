import Foundation
import InflowCore
import InflowModels
import InflowProjection
import InflowStatistics

extension Analysis {
    /// What the whole pipeline would have forecast at each backtest origin, and how it scored: for each
    /// origin, the analysis of the data up to it (its own fits, its own weights: stacking on the origins
    /// before it when there are enough, else AICc weights) and the ensemble's forecasts of the figures that
    /// followed. The ensemble's scores are added to the backtest as the model ``ModelID/ensemble(_:)``, so it
    /// is judged by what a forecaster knew at the time, like every member.
    ///
    /// - Complexity: per origin, one analysis with ``AnalysisOptions/backtestReplicates`` replicates (its own
    ///   backtest included), and one bootstrap per weighted model over the figures.
    static func retrospective(_ series: InflowSeries, background: BackgroundRate, backgroundSource: String,
                              evaluation: Backtest.Evaluation, options: AnalysisOptions) -> [RetrospectiveOrigin] {
        let full = series.prepared()
        var nested = options
        nested.replicates = options.backtestReplicates
        nested.horizon = options.backtestHorizon
        var results: [RetrospectiveOrigin] = []
        for (index, origin) in evaluation.origins.enumerated() {
            let truncated = series.prefix(through: origin)
            let originDay = origin.timeIntervalSince(series.origin) / 86_400
            let followers = Backtest.futureTruths(full, after: originDay, horizon: Double(options.backtestHorizon))
            var tracker = ProgressTracker(total: 0, report: nil)
            guard !followers.isEmpty,
                  let analysis = try? analyse(truncated, background: background, backgroundSource: backgroundSource,
                                              options: nested, tracker: &tracker) else { continue }
            // The models the headline mixed (or the one it used alone, when no model could be weighted).
            let weighted = analysis.fits.filter { analysis.weights[$0.id] > 0 || analysis.headline.model == $0.id }
            var projections: [Projection] = []
            var weights: [Double] = []
            for fit in weighted {
                let grid = ProjectionGrid(boundaries: [fit.observations.lastTime] + followers.map(\.end))
                guard let projection = try? CurveProjector.project(
                    fit, options: ProjectionOptions(
                        horizon: options.backtestHorizon, replicates: options.backtestReplicates, seed: options.seed,
                        seriesIndex: StreamKey.index("\(series.name)\u{1F}\(fit.id)\u{1F}retrospective \(index)"),
                        threads: options.threads),
                    grid: grid) else { continue }
                projections.append(projection)
                weights.append(max(analysis.weights[fit.id], analysis.headline.model == fit.id ? 1 : 0))
            }
            guard !projections.isEmpty else { continue }
            let mixture = projections.count == 1 ? projections[0] : Ensemble.combine(projections, weights: weights)
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
            results.append(RetrospectiveOrigin(origin: origin, weights: analysis.weights, scores: scores, forecasts: figures))
        }
        return results
    }
}
