/// A province of Cambodia (or the capital municipality), as listed in the bundled gazetteer.
public struct Province: Sendable, Hashable, Codable {
    /// The ISO 3166-2 code, such as `KH-12`.
    public var isoCode: String
    /// The province's name, such as `Phnom Penh`.
    public var name: String
    /// The provincial capital.
    public var provincialCapital: String
    /// Approximate road distance from the provincial capital to Phnom Penh, in kilometres (rounded;
    /// for planning travel delays, not navigation).
    public var roadKilometresToPhnomPenh: Double
    /// What January 2026 reporting said about scam compounds or Indonesian residents there; `nil` when nothing.
    public var hubMentions: String?

    /// A province.
    public init(isoCode: String, name: String, provincialCapital: String, roadKilometresToPhnomPenh: Double,
                hubMentions: String?) {
        self.isoCode = isoCode
        self.name = name
        self.provincialCapital = provincialCapital
        self.roadKilometresToPhnomPenh = roadKilometresToPhnomPenh
        self.hubMentions = hubMentions
    }
}
