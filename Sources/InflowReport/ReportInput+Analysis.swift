import Foundation
import InflowAnalysis
import InflowModels
import InflowProjection

extension ReportInput {
    /// The input of a report on an analysis: its data's provenance, its total's fits, weights,
    /// projections and backtest, and each key's projection.
    /// - Parameters:
    ///   - toolVersion: the tool and version that ran the analysis ("inflow 0.2.0").
    ///   - generatedAt: when the report is made (inject a fixed date for reproducible output).
    ///   - timeZone: the time zone dates are shown in (the data's local time).
    public init(analysis: AnalysisResult, toolVersion: String, generatedAt: Date = Date(),
                timeZone: TimeZone = TimeZone(secondsFromGMT: 0)!) {
        let total = analysis.total
        var projections: [ModelID: Projection] = [:]
        for projection in total.projections { projections[projection.model] = projection }
        projections[total.headline.model] = total.headline
        var weights: [ModelID: Double] = [:]
        for (model, weight) in zip(total.weights.models, total.weights.values) { weights[model] = weight }
        var keyed: [String: KeyedSeries] = [:]
        for key in analysis.keys { keyed[key.key] = KeyedSeries(observed: key.series, projection: key.projection) }
        let keyColumns = analysis.data.keyColumns.joined(separator: " / ")
        self.init(
            datasetName: analysis.data.file, provenance: analysis.data.provenance, dataSource: analysis.data.file,
            observed: total.series, location: total.series.name, fits: total.fits, logLinearFit: total.logLinearFit,
            modelWeights: weights, ensembleMethod: total.weights.method, projections: projections,
            headlineProjection: total.headline.model, backtest: total.backtest?.scores,
            keyName: keyColumns.isEmpty ? "province" : keyColumns, keyed: keyed, warnings: analysis.warnings,
            seed: analysis.options.seed, replicates: analysis.options.replicates, horizon: analysis.options.horizon,
            bootstrapMethod: .parametric, toolVersion: toolVersion, generatedAt: generatedAt, timeZone: timeZone)
        background = "\(total.background), \(total.backgroundSource)"
        weightNotes = total.weights.notes.map { $0.hasPrefix("warning: ") ? String($0.dropFirst(9)) : $0 }
        mergedModels = total.weights.merged
        backtestCRPS = total.weights.backtestCRPS
        sensitivity = total.sensitivity
        retrospective = total.retrospective
        if var scores = backtest {
            // The ensemble is scored like its members: at each origin, by what the pipeline would have said then.
            scores.scores += total.retrospective.flatMap(\.scores)
            backtest = scores
        }
    }
}
