import InflowModels

/// What a user knows about the size of the surge that the counts cannot tell: how many people are still
/// held (so at most that many are still to come), or a published "more than N" total.
///
/// The analysis turns it into bounds on each family's final-size parameter (`N`, `K`): at most the surge's
/// observed arrivals plus ``remainingAtMost``, at least ``finalSizeAtLeast``. Families without a single
/// final-size parameter are fitted without them.
public struct PoolKnowledge: Sendable, Equatable, Codable, CustomStringConvertible {
    /// At most this many people of the surge are still to come after the last report.
    public var remainingAtMost: Double?
    /// The surge's final size is at least this.
    public var finalSizeAtLeast: Double?

    /// Knowledge; both `nil` (the default) is none.
    public init(remainingAtMost: Double? = nil, finalSizeAtLeast: Double? = nil) {
        self.remainingAtMost = remainingAtMost
        self.finalSizeAtLeast = finalSizeAtLeast
    }

    /// Whether it says nothing.
    public var isEmpty: Bool { remainingAtMost == nil && finalSizeAtLeast == nil }

    /// "remaining pool at most 1,000; final size at least 3,100", or "no prior information".
    public var description: String {
        var parts: [String] = []
        if let remainingAtMost { parts.append("remaining pool at most \(SizeBound.count(remainingAtMost))") }
        if let finalSizeAtLeast { parts.append("final size at least \(SizeBound.count(finalSizeAtLeast))") }
        return parts.isEmpty ? "no prior information" : parts.joined(separator: "; ")
    }
}
