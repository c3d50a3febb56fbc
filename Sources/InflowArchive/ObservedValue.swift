/// What the figures say about one target: its value, or a bound on it.
public struct ObservedValue: Sendable, Equatable, Codable {
    /// How the value relates to the truth.
    public enum Bound: String, Sendable, Codable {
        /// The truth is the value.
        case exact
        /// The truth is at least the value (a "more than" figure, or a partial day's count so far).
        case atLeast = "lower_bound"
        /// The truth is at most the value.
        case atMost = "upper_bound"
    }

    /// The value (or the bound).
    public var value: Double
    /// Whether it is the truth or a bound on it.
    public var bound: Bound

    /// An observed value.
    public init(value: Double, bound: Bound) {
        self.value = value
        self.bound = bound
    }

    /// `self - other`, as far as the two determine it: exact minus exact is exact; a lower bound minus an exact
    /// value is a lower bound; an upper bound minus an exact value an upper bound; an exact value minus an upper
    /// (lower) bound a lower (upper) bound; anything else is undetermined (`nil`).
    func minus(_ other: ObservedValue) -> ObservedValue? {
        let difference = value - other.value
        switch (bound, other.bound) {
        case (.exact, .exact): return ObservedValue(value: difference, bound: .exact)
        case (.atLeast, .exact), (.exact, .atMost): return ObservedValue(value: difference, bound: .atLeast)
        case (.atMost, .exact), (.exact, .atLeast): return ObservedValue(value: difference, bound: .atMost)
        default: return nil
        }
    }
}
