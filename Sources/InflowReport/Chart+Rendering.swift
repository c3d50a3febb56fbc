import Foundation

extension Chart {
    /// The chart as a standalone SVG file (``SVGChartRenderer/document(_:id:)``): XML declaration, SVG
    /// namespace, `width`, `height` and `viewBox`, an embedded style sheet, `<title>` and `<desc>`; every text
    /// from data escaped. It parses as XML and renders alone in a browser.
    /// - Parameters:
    ///   - renderer: the size and font size (default 680 units wide, a plot 260 high).
    ///   - id: prefixes the element ids; unique ids matter only when several charts share a page.
    /// - Complexity: O(number of points + ticks + legend entries).
    public func svg(renderer: SVGChartRenderer = SVGChartRenderer(), id: String = "chart") -> String {
        renderer.document(self, id: id)
    }

    /// The chart as an HTML fragment, the report's own markup: `<figure class="chart-figure">` with the inline
    /// SVG (no namespace: an HTML5 parser supplies it) and a `<figcaption>` of the summary and notes.
    /// - Parameters:
    ///   - renderer: the size and font size.
    ///   - id: prefixes the element ids; give each chart of a page its own.
    /// - Complexity: as ``svg(renderer:id:)``.
    public func htmlFragment(renderer: SVGChartRenderer = SVGChartRenderer(), id: String = "chart") -> String {
        HTMLRenderer(chartRenderer: renderer).figure(self, id: SVGChartRenderer.elementID(id), renderer: renderer)
    }

    /// Writes the chart to `url` atomically (staged beside it, then renamed into place), as ``svg(renderer:id:)``
    /// or ``htmlFragment(renderer:id:)``.
    /// - Parameters:
    ///   - url: the file to write.
    ///   - renderer: the SVG renderer (sizes, fonts).
    ///   - format: the file's format; `nil` takes it from the extension (`.svg`, `.html`).
    ///   - inputs: files that must not be overwritten (the data the chart was made from).
    /// - Throws: ``ChartFileError/unknownFormat(path:)``; `FileWriteError` when `url` is an input or cannot be
    ///   written. The destination is unchanged after an error.
    public func write(to url: URL, format: ChartFileFormat? = nil, renderer: SVGChartRenderer = SVGChartRenderer(),
                      protecting inputs: [URL] = []) throws {
        try ChartWriting.write(to: url, format: format, protecting: inputs) { format in
            format == .svg ? svg(renderer: renderer) : htmlFragment(renderer: renderer)
        }
    }
}
