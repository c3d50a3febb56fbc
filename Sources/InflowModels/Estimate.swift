/// A derived quantity with its standard error and an interval.
public struct Estimate: Sendable, Equatable, Codable {
    /// Point estimate.
    public let value: Double
    /// Standard error (delta method); NaN when it cannot be computed.
    public let standardError: Double
    /// Lower end of the interval.
    public let lower: Double
    /// Upper end of the interval.
    public let upper: Double
    /// How the interval was computed: "wald", "wald, log scale" (the interval of the logarithm of a positive
    /// quantity), "profile", with ", clipped at observed" when the data cut it.
    public let method: String

    /// An estimate; the arguments are the properties of the same names.
    public init(value: Double, standardError: Double, lower: Double, upper: Double, method: String) {
        self.value = value
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.method = method
    }
}
