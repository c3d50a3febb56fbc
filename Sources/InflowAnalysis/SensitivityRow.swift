import InflowModels
import InflowProjection

/// The projection under one set of knowledge about the pool: what the user's own information (or an
/// illustrative bound) would change.
public struct SensitivityRow: Sendable {
    /// The knowledge assumed.
    public let knowledge: PoolKnowledge
    /// Whether it is the analysis's own (the headline's) knowledge.
    public let isHeadline: Bool
    /// Whether it is an illustration (the user gave no knowledge).
    public let isIllustrative: Bool
    /// Arrivals over the first ``days`` days after the last report.
    public let arrivals: QuantileSummary
    /// Days the arrivals cover (30, or the horizon when shorter).
    public let days: Int
    /// The remaining pool after the last report, when the models have one.
    public let remaining: QuantileSummary?

    /// A row; the arguments are the properties of the same names (`isHeadline` and `isIllustrative` as named).
    public init(knowledge: PoolKnowledge, isHeadline: Bool, isIllustrative: Bool, arrivals: QuantileSummary, days: Int,
                remaining: QuantileSummary?) {
        self.knowledge = knowledge
        self.isHeadline = isHeadline
        self.isIllustrative = isIllustrative
        self.arrivals = arrivals
        self.days = days
        self.remaining = remaining
    }
}
