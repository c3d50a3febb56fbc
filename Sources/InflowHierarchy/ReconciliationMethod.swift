/// How the forecasts of a hierarchy are made coherent (every node the sum of its keys).
public enum ReconciliationMethod: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// The keys' joint samples (from the pooled fit) summed up: every node's forecast is the sum of its keys'.
    case bottomUp = "bottom-up"
    /// Top-down conditioning: the keys' joint samples resampled so that their sum follows the total's own
    /// forecast, while given the sum they keep the keys' joint distribution (``ConditionalResampling``): the
    /// total's forecast, fitted to all the data, sets the level, and the keys' samples share it out. The default.
    case conditioning
    /// MinT-reconciled means (``MinTrace``) of every node's own forecast; the intervals are the conditioning
    /// ones.
    case mint

    public var description: String {
        switch self {
        case .bottomUp: "bottom-up"
        case .conditioning: "conditioning on the total's forecast"
        case .mint: "MinT means (intervals by conditioning)"
        }
    }
}
