import InflowModels
import InflowProjection

/// The ensemble weights of a series' models, how they were made, and why.
public struct ModelWeights: Sendable, Equatable {
    /// How the weights were made (the method asked for, or the one it fell back to).
    public let method: EnsembleMethod
    /// The models, in the order of the fits.
    public let models: [ModelID]
    /// One weight per model, non-negative, summing to 1 (or all zero when no model could be weighted).
    public let values: [Double]
    /// Models merged into another before weighting because their predictive distributions are practically
    /// the same (the key), with the model that carries their weight (the value).
    public let merged: [ModelID: ModelID]
    /// Why the weights are what they are, in sentences: the method's basis (origins and figures of a
    /// backtest), a fallback, models left out.
    public let notes: [String]
    /// Each weighted model's mean backtest CRPS over the figures every weighted model forecast (when a
    /// backtest made the weights).
    public let backtestCRPS: [ModelID: Double]

    /// Weights of `models`.
    public init(method: EnsembleMethod, models: [ModelID], values: [Double], merged: [ModelID: ModelID] = [:],
                notes: [String] = [], backtestCRPS: [ModelID: Double] = [:]) {
        self.backtestCRPS = backtestCRPS
        precondition(models.count == values.count, "one weight per model")
        self.method = method
        self.models = models
        self.values = values
        self.merged = merged
        self.notes = notes
    }

    /// The weight of `model` (0 when it is not a member).
    public subscript(model: ModelID) -> Double {
        models.firstIndex(of: model).map { values[$0] } ?? 0
    }

    /// The model with the largest weight (the first of equals), if any weight is positive.
    public var largest: ModelID? {
        guard let index = values.indices.max(by: { values[$0] < values[$1] }), values[index] > 0 else { return nil }
        return models[index]
    }
}
