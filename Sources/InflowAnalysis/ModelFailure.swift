import InflowModels

/// A model that could not be fitted or projected, and why.
public struct ModelFailure: Sendable, Equatable, Codable {
    /// The model.
    public let model: ModelID
    /// Why, in a sentence.
    public let reason: String

    /// A failure.
    public init(model: ModelID, reason: String) {
        self.model = model
        self.reason = reason
    }
}
