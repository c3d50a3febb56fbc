/// One legend entry: a swatch drawn like its series and a label.
public struct ChartLegendEntry: Sendable, Equatable, Codable {
    /// The text.
    public var label: String
    /// How the swatch is drawn.
    public var kind: ChartSeries.Kind
    /// Swatch colour.
    public var color: ChartColor
    /// Whether the swatch line is dashed.
    public var dashed: Bool
    /// Swatch opacity.
    public var opacity: Double

    /// A legend entry; the arguments are the properties of the same names.
    public init(label: String, kind: ChartSeries.Kind, color: ChartColor, dashed: Bool = false, opacity: Double = 1) {
        self.label = label
        self.kind = kind
        self.color = color
        self.dashed = dashed
        self.opacity = opacity
    }
}
