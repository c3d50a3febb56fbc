/// A vertical reference line at an x value, with a short label.
public struct ChartMarker: Sendable, Equatable, Codable {
    /// Position on the x axis.
    public var x: Double
    /// Label drawn next to the line ("Last report").
    public var label: String

    /// A marker; the arguments are the properties of the same names.
    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}
