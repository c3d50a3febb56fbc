/// A count of arrivals over a time interval `(start, end]`, times in days since the series origin.
public struct CountInterval: Sendable, Equatable, Codable {
    /// Interval start, days since the origin.
    public var start: Double
    /// Interval end, days since the origin.
    public var end: Double
    /// Number of arrivals in the interval.
    public var count: Double

    /// An interval; the arguments are the properties of the same names.
    public init(start: Double, end: Double, count: Double) {
        self.start = start
        self.end = end
        self.count = count
    }

    /// Length of the interval in days.
    public var length: Double { end - start }
}
