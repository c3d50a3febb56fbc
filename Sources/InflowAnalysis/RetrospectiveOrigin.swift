import Foundation
import InflowModels
import InflowProjection

/// The pipeline's forecast at one earlier origin, with the data it had then: the weights it would have
/// used, and its ensemble's forecasts and scores of the figures that followed.
public struct RetrospectiveOrigin: Sendable {
    /// The origin (the last report used).
    public let origin: Date
    /// The weights the pipeline would have used then (their method says whether stacking was possible).
    public let weights: ModelWeights
    /// The ensemble's scores of the figures that followed (model ``/InflowModels/ModelID/ensemble(_:)``).
    public let scores: [BacktestScore]
    /// The ensemble's predictive samples of those figures.
    public let forecasts: [BacktestForecast]

    /// An origin's results; the arguments are the properties of the same names.
    public init(origin: Date, weights: ModelWeights, scores: [BacktestScore], forecasts: [BacktestForecast]) {
        self.origin = origin
        self.weights = weights
        self.scores = scores
        self.forecasts = forecasts
    }
}
