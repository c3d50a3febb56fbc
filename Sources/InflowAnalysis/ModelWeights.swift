import InflowModels
import InflowProjection

/// The ensemble weights of a series' models and how they were made.
public struct ModelWeights: Sendable, Equatable {
    /// How the weights were made.
    public let method: EnsembleMethod
    /// The models, in the order of the fits.
    public let models: [ModelID]
    /// One weight per model, non-negative, summing to 1 (or all zero when no model could be weighted).
    public let values: [Double]

    /// Weights of `models`.
    public init(method: EnsembleMethod, models: [ModelID], values: [Double]) {
        precondition(models.count == values.count, "one weight per model")
        self.method = method
        self.models = models
        self.values = values
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
