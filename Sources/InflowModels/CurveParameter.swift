/// A parameter of a curve family: its name, meaning and bounds.
public struct CurveParameter: Sendable, Equatable, Codable {
    /// Short name used in options and output (`K`, `r`, `t0`, ...).
    public let name: String
    /// What it means, with its unit.
    public let summary: String
    /// Smallest allowed value.
    public let lowerBound: Double
    /// Largest allowed value.
    public let upperBound: Double

    /// A parameter named `name`, described by `summary`, with the given bounds (default: unbounded).
    public init(_ name: String, _ summary: String, lowerBound: Double = -.infinity, upperBound: Double = .infinity) {
        self.name = name
        self.summary = summary
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }
}
