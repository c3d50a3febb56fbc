/// A model of an archived run and its weight in the run's headline projection.
public struct ArchivedModelWeight: Sendable, Codable, Equatable {
    /// The model's identifier (`logistic NB2 + background`).
    public var model: String
    /// Its weight, 0...1.
    public var weight: Double

    /// A model and its weight.
    public init(model: String, weight: Double) {
        self.model = model
        self.weight = weight
    }
}
