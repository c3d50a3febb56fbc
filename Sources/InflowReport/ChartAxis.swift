/// One axis of a chart: its title, unit, scale and optional fixed range.
public struct ChartAxis: Sendable, Equatable, Codable {
    /// How values map to positions and how ticks are labelled.
    public enum Scale: String, Sendable, Codable {
        /// Numbers; ticks at round values with thousands separators.
        case linear
        /// Dates (seconds since 1970 UTC); ticks at local midnights labelled "17 Jan".
        case date
    }

    /// The axis title ("Arrivals per day").
    public var label: String
    /// The unit, shown after the title in parentheses ("people per day").
    public var unit: String
    /// The scale.
    public var scale: Scale
    /// Time zone identifier for date ticks ("GMT+0700", "Asia/Phnom_Penh").
    public var timeZoneIdentifier: String?
    /// Lower end of the axis; `nil` lets the renderer choose (0 when ``includesZero``).
    public var minimum: Double?
    /// Upper end of the axis; `nil` lets the renderer choose. Data beyond it is clipped.
    public var maximum: Double?
    /// Whether the automatic range starts at zero.
    public var includesZero: Bool
    /// Whether tick values must be whole numbers (horizons, counts).
    public var integerTicks: Bool

    /// An axis; the arguments are the properties of the same names.
    public init(label: String, unit: String, scale: Scale = .linear, timeZoneIdentifier: String? = nil,
                minimum: Double? = nil, maximum: Double? = nil, includesZero: Bool = true, integerTicks: Bool = false) {
        self.label = label
        self.unit = unit
        self.scale = scale
        self.timeZoneIdentifier = timeZoneIdentifier
        self.minimum = minimum
        self.maximum = maximum
        self.includesZero = includesZero
        self.integerTicks = integerTicks
    }

    /// "Label (unit)", or the label alone without a unit.
    public var title: String { unit.isEmpty ? label : "\(label) (\(unit))" }
}
