import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowProjection

extension Analysis {
    /// A rolling-origin backtest of every model of `options` on the data's total (or only series), and of the
    /// whole pipeline (`retrospective(_:background:backgroundSource:evaluation:options:)`): at each origin the
    /// models are refitted to the data up to it and their projections of the later figures scored; the
    /// ensemble is scored by what the pipeline, rerun on those data, would have said.
    ///
    /// - Returns: the members' evaluation, and the scores with the ensemble's rows added (model
    ///   ``/InflowModels/ModelID/ensemble(_:)``).
    /// - Throws: ``AnalysisError`` for invalid options or data without a series.
    public static func backtest(_ data: LoadedData, options: AnalysisOptions,
                                progress: (@Sendable (AnalysisProgress) -> Void)? = nil)
        throws(AnalysisError) -> (evaluation: Backtest.Evaluation, scores: BacktestResult, retrospective: [RetrospectiveOrigin]) {
        try options.validate()
        guard let series = data.total ?? data.series.first else { throw .noSeries }
        let (background, source) = options.resolvedBackground(for: data)
        var tracker = ProgressTracker(total: 2, report: progress)
        tracker.step("backtesting \(options.families.count) models")
        let members = options.families.map {
            backtestMember($0, options: options, background: background, limitSeries: series)
        }
        let memo = BacktestMemo()
        let evaluation = Backtest.evaluate(members, series: series, options: options.backtestOptions, memo: memo)
        tracker.step("backtesting the ensemble")
        let retrospective = options.includesRetrospective
            ? Self.retrospective(series, background: background, backgroundSource: source, evaluation: evaluation,
                                 options: options, memo: memo)
            : []
        var scores = evaluation.scores
        scores.scores += retrospective.flatMap(\.scores)
        return (evaluation, scores, retrospective)
    }
}
