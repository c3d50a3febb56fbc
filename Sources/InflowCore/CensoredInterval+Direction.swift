extension CensoredInterval {
    /// Which side of the bound the count lies on.
    public enum Direction: String, Sendable, Equatable, Codable {
        /// The count is at least the bound (`Y >= bound`): a published lower bound, "more than N".
        case atLeast
        /// The count is at most the bound (`Y <= bound`): a published upper bound.
        case atMost

        /// The direction of a bound's figure kind (`nil` for exact and partial-day figures).
        public init?(_ kind: FigureKind) {
            switch kind {
            case .lowerBound: self = .atLeast
            case .upperBound: self = .atMost
            case .exact, .partialDay: return nil
            }
        }
    }
}
