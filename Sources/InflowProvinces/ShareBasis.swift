/// What drives a province's numbers.
public enum ShareBasis: String, Sendable, Codable, Hashable {
    /// No count from the province was seen: its share of the arrivals is the prior's (the gazetteer's
    /// concentrations or a shares file), so its numbers move with that assumption.
    case prior
    /// Province-level counts updated the prior share.
    case counts
}
