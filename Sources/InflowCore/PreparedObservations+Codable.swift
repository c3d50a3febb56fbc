import Foundation

/// Saving prepared observations with a fit (``PreparedObservations`` as JSON): kind, origin, time zone, intervals or
/// level points, censored counts, baseline and warnings. Decoding rebuilds the evaluation grids, so a decoded value
/// serves a likelihood exactly as the original did.
extension PreparedObservations: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, origin, timeZone, intervals, levelTimes, levelValues, censored, baseline, warnings
    }

    /// Writes every stored field (the grids and responses are derived from them).
    /// - Complexity: O(n).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(origin, forKey: .origin)
        try container.encode(TimeZoneCoding(timeZone), forKey: .timeZone)
        try container.encode(intervals, forKey: .intervals)
        try container.encode(levelTimes, forKey: .levelTimes)
        try container.encode(levelValues, forKey: .levelValues)
        try container.encode(censored, forKey: .censored)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(warnings, forKey: .warnings)
    }

    /// Reads what ``encode(to:)`` writes and rebuilds the grids.
    /// - Complexity: O(n log n) for the grids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(ObservationKind.self, forKey: .kind),
                  origin: try container.decode(Date.self, forKey: .origin),
                  intervals: try container.decode([CountInterval].self, forKey: .intervals),
                  levelTimes: try container.decode([Double].self, forKey: .levelTimes),
                  levelValues: try container.decode([Double].self, forKey: .levelValues),
                  warnings: try container.decode([SeriesWarning].self, forKey: .warnings),
                  baseline: try container.decode(Double.self, forKey: .baseline),
                  censored: try container.decode([CensoredInterval].self, forKey: .censored),
                  timeZone: try container.decode(TimeZoneCoding.self, forKey: .timeZone).timeZone)
    }
}
