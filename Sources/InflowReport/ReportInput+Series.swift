import Foundation
import InflowAnalysis
import InflowCore
import InflowModels
import InflowProjection

extension ReportInput {
    /// The input of charts on one series' analysis: its series, fits, log-linear fit, projections and weights,
    /// with `model`'s projection as the headline (default: the analysis' headline).
    /// - Parameter timeZone: the time zone dates are shown in; default the series' own.
    init(series analysis: SeriesAnalysis, headline model: ModelID? = nil, timeZone: TimeZone? = nil) {
        let (projections, weights) = Self.models(of: analysis)
        self.init(datasetName: analysis.series.name, observed: analysis.series, fits: analysis.fits,
                  logLinearFit: analysis.logLinearFit, modelWeights: weights, ensembleMethod: analysis.weights.method,
                  projections: projections, headlineProjection: model ?? analysis.headline.model, timeZone: timeZone)
        background = "\(analysis.background), \(analysis.backgroundSource)"
    }

    /// Every projection of an analysis by model (the headline's included) and the models' ensemble weights.
    /// - Complexity: O(models).
    static func models(of analysis: SeriesAnalysis) -> (projections: [ModelID: Projection], weights: [ModelID: Double]) {
        var projections: [ModelID: Projection] = [:]
        for projection in analysis.projections { projections[projection.model] = projection }
        projections[analysis.headline.model] = analysis.headline
        var weights: [ModelID: Double] = [:]
        for (model, weight) in zip(analysis.weights.models, analysis.weights.values) { weights[model] = weight }
        return (projections, weights)
    }
}
