/// A chart, independent of how it is drawn: a title, two axes, series and a legend.
///
/// The report's charts are built from results by ``fit(_:model:)``, ``fit(_:series:projection:)``,
/// ``fan(_:observed:)``, ``cumulative(_:model:)`` and ``smallMultiples(_:)``, and drawn by
/// ``svg(renderer:id:)`` (a standalone SVG file), ``htmlFragment(renderer:id:)`` or
/// ``write(to:format:renderer:protecting:)``:
///
/// ```swift
/// let result = try Analysis.run(try BundledDataset.defaultDataset.load())
/// try Chart.fit(result.total).write(to: URL(fileURLWithPath: "out/daily.svg"))
/// let html = Chart.cumulative(result.total).htmlFragment(id: "cumulative")
/// ```
///
/// On a date axis, x values are seconds since 1970-01-01T00:00Z; ticks are placed at local
/// midnights of the axis's time zone.
public struct Chart: Sendable, Equatable, Codable {
    /// The chart's title (also its accessible name).
    public var title: String
    /// The x axis.
    public var xAxis: ChartAxis
    /// The y axis.
    public var yAxis: ChartAxis
    /// Series, drawn in order (bands first is the builder's habit).
    public var series: [ChartSeries]
    /// Legend entries in order.
    public var legend: [ChartLegendEntry]
    /// Vertical reference lines (the last report).
    public var markers: [ChartMarker]
    /// A sentence or two saying what the chart shows, for screen readers and text formats.
    public var summary: String
    /// Remarks printed under the chart (a band cut at the top, ...).
    public var notes: [String]

    /// A chart; with `legend` `nil`, one entry per series that has a legend label.
    public init(title: String, xAxis: ChartAxis, yAxis: ChartAxis, series: [ChartSeries],
                legend: [ChartLegendEntry]? = nil, markers: [ChartMarker] = [], summary: String = "",
                notes: [String] = []) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.legend = legend ?? series.compactMap { series in
            series.legendLabel.map {
                ChartLegendEntry(label: $0, kind: series.kind, color: series.color, dashed: series.dashed,
                                 opacity: series.opacity)
            }
        }
        self.markers = markers
        self.summary = summary
        self.notes = notes
    }

    /// Whether any series has a point to draw.
    public var hasData: Bool {
        series.contains { series in series.points.contains { $0.x.isFinite && ($0.y.isFinite || $0.hasRange) } }
    }
}
