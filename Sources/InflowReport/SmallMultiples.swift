import Foundation

/// Several small charts on one shared scale, drawn in a grid under a title: the report's per-key charts
/// (``Chart/smallMultiples(_:)``) as one standalone SVG file or one HTML fragment.
public struct SmallMultiples: Sendable, Equatable {
    /// The title over the grid.
    public var title: String
    /// The charts, in reading order (left to right, then down).
    public var charts: [Chart]
    /// Charts per row.
    public var columns: Int

    /// Small multiples.
    /// - Precondition: `columns > 0`.
    public init(title: String, charts: [Chart], columns: Int = 3) {
        precondition(columns > 0, "at least one column")
        self.title = title
        self.charts = charts
        self.columns = columns
    }

    /// The renderer of each panel unless one is given: the report's small-chart size.
    public static let panelRenderer = SVGChartRenderer(width: 340, plotHeight: 170, fontSize: 11)

    /// A standalone SVG file: the title, then the panels (each a nested `<svg>` as ``SVGChartRenderer`` draws
    /// it) in rows of ``columns``; XML declaration, namespace, `viewBox` and embedded style as
    /// ``Chart/svg(renderer:id:)``. With no chart, the title and a sentence saying there is nothing to show.
    /// - Complexity: O(total points of the panels).
    public func svg(renderer: SVGChartRenderer = SmallMultiples.panelRenderer, id: String = "multiples") -> String {
        let prefix = SVGChartRenderer.elementID(id)
        let gap = 12.0, margin = 8.0
        let titleSize = (renderer.fontSize * 1.4).rounded()
        let perRow = max(min(columns, charts.count), 1)
        let titleLines = SVGChartRenderer.wrap(title, width: Double(perRow) * (renderer.width + gap) - 2 * margin,
                                               size: titleSize)
        let top = margin + Double(titleLines.count) * (titleSize + 6) + 6
        let panels = charts.enumerated().map { renderer.draw($1, id: "\(prefix)-\($0 + 1)") }
        var body = ""
        var y = top
        for start in stride(from: 0, to: panels.count, by: perRow) {
            let row = panels[start..<min(start + perRow, panels.count)]
            for (offset, panel) in row.enumerated() {
                let x = margin + Double(offset) * (renderer.width + gap)
                body += "<g transform=\"translate(\(SVGChartRenderer.c(x)) \(SVGChartRenderer.c(y)))\">\n\(panel.svg)\n</g>\n"
            }
            y += (row.map(\.height).max() ?? 0) + gap
        }
        if panels.isEmpty {
            y += renderer.fontSize * 2
            body += "<text x=\"\(SVGChartRenderer.c(margin))\" y=\"\(SVGChartRenderer.c(y - renderer.fontSize * 0.5))\" "
                + "fill=\"#6c757d\">No series to show</text>\n"
        }
        let width = 2 * margin + Double(perRow) * renderer.width + Double(perRow - 1) * gap
        let height = y + margin
        var svg = SVGChartRenderer.xmlDeclaration
        svg += "<svg xmlns=\"\(SVGChartRenderer.namespace)\" class=\"chart-multiples\" role=\"img\" "
            + "aria-labelledby=\"\(prefix)-title\" viewBox=\"0 0 \(SVGChartRenderer.c(width)) \(SVGChartRenderer.c(height))\" "
            + "width=\"\(SVGChartRenderer.c(width))\" height=\"\(SVGChartRenderer.c(height))\" "
            + "font-size=\"\(SVGChartRenderer.c(renderer.fontSize))\" font-family=\"\(SVGChartRenderer.fontFamily)\">\n"
        svg += "<title id=\"\(prefix)-title\">\(SVGChartRenderer.e(title))</title>\n"
        svg += SVGChartRenderer.standaloneStyle
        svg += "<rect x=\"0\" y=\"0\" width=\"\(SVGChartRenderer.c(width))\" height=\"\(SVGChartRenderer.c(height))\" fill=\"#ffffff\"/>\n"
        for (index, line) in titleLines.enumerated() {
            svg += "<text x=\"\(SVGChartRenderer.c(margin))\" y=\"\(SVGChartRenderer.c(margin + Double(index + 1) * (titleSize + 6) - 6))\" "
                + "font-size=\"\(SVGChartRenderer.c(titleSize))\" font-weight=\"600\" fill=\"#1d1d1f\">\(SVGChartRenderer.e(line))</text>\n"
        }
        return svg + body + "</svg>\n"
    }

    /// An HTML fragment, the report's markup: a `<div class="multiples">` of figures (``Chart/htmlFragment(renderer:id:)``),
    /// after an `<h3>` with the title.
    /// - Complexity: as ``svg(renderer:id:)``.
    public func htmlFragment(renderer: SVGChartRenderer = SmallMultiples.panelRenderer, id: String = "multiples") -> String {
        let prefix = SVGChartRenderer.elementID(id)
        let html = HTMLRenderer(smallChartRenderer: renderer)
        var fragment = "<h3>\(MarkupEscaping.html(title))</h3>\n<div class=\"multiples\">\n"
        for (index, chart) in charts.enumerated() {
            fragment += html.figure(chart, id: "\(prefix)-\(index + 1)", renderer: renderer)
        }
        return fragment + "</div>\n"
    }

    /// Writes the grid to `url` atomically, as ``svg(renderer:id:)`` or ``htmlFragment(renderer:id:)``
    /// (see ``Chart/write(to:format:renderer:protecting:)``).
    /// - Throws: ``ChartFileError/unknownFormat(path:)``; `FileWriteError` when `url` is an input or cannot be
    ///   written.
    public func write(to url: URL, format: ChartFileFormat? = nil, renderer: SVGChartRenderer = SmallMultiples.panelRenderer,
                      protecting inputs: [URL] = []) throws {
        try ChartWriting.write(to: url, format: format, protecting: inputs) { format in
            format == .svg ? svg(renderer: renderer) : htmlFragment(renderer: renderer)
        }
    }
}
