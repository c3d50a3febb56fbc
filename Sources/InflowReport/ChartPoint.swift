/// A point of a chart series: `x`, `y`, and for bands the `lower` and `upper` ends.
public struct ChartPoint: Sendable, Equatable, Codable {
    /// Position on the x axis (seconds since 1970 on a date axis).
    public var x: Double
    /// Value (the centre of a band; may equal `lower` for pure bands).
    public var y: Double
    /// Lower end (bands).
    public var lower: Double?
    /// Upper end (bands).
    public var upper: Double?

    /// A point; the arguments are the properties of the same names.
    public init(x: Double, y: Double, lower: Double? = nil, upper: Double? = nil) {
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
    }

    /// Whether the point has a finite lower and upper end.
    public var hasRange: Bool { (lower?.isFinite ?? false) && (upper?.isFinite ?? false) }
}
