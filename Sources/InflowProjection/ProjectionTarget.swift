/// What a projection forecasts, named in the forecast-hub style.
public enum ProjectionTarget: String, Sendable, CaseIterable, Codable {
    /// Arrivals in each period.
    case incidence = "inc arrivals"
    /// Cumulative arrivals at the end of each period, in the data's own cumulative units.
    case cumulative = "cum arrivals"
    /// Final size minus cumulative arrivals: the people still to come.
    case remainingPool = "remaining pool"
}

extension ProjectionTarget {
    /// The target's name in hub tables, with its time unit: `day inc arrivals`, `day cum arrivals`,
    /// `remaining pool` (never a hub target).
    public var hubName: String {
        switch self {
        case .incidence: "day inc arrivals"
        case .cumulative: "day cum arrivals"
        case .remainingPool: rawValue
        }
    }
}
