/// One series of a chart: how it is drawn, its colour and its points.
public struct ChartSeries: Sendable, Equatable, Codable {
    /// How a series is drawn.
    public enum Kind: String, Sendable, Codable {
        /// A line through the points (broken at missing values).
        case line
        /// A marker at each point.
        case points
        /// A line with a marker at each point.
        case linePoints
        /// A filled band between `lower` and `upper` (a fan-chart interval).
        case band
        /// A bar from zero to each point.
        case bars
        /// A published lower bound at each point ("more than N"): a bar at the value with a caret pointing up.
        case lowerBounds
        /// A published upper bound at each point: a bar at the value with a caret pointing down.
        case upperBounds
    }

    /// The series' name (for the legend, when ``legendLabel`` is set, and for text summaries).
    public var name: String
    /// The legend text; `nil` keeps the series out of the legend.
    public var legendLabel: String?
    /// How it is drawn.
    public var kind: Kind
    /// Its colour.
    public var color: ChartColor
    /// Whether lines are dashed.
    public var dashed: Bool
    /// Fill or stroke opacity, 0...1.
    public var opacity: Double
    /// The points, in increasing x.
    public var points: [ChartPoint]

    /// A series; the arguments are the properties of the same names.
    public init(name: String, legendLabel: String? = nil, kind: Kind, color: ChartColor, dashed: Bool = false,
                opacity: Double = 1, points: [ChartPoint]) {
        self.name = name
        self.legendLabel = legendLabel
        self.kind = kind
        self.color = color
        self.dashed = dashed
        self.opacity = opacity
        self.points = points
    }
}
