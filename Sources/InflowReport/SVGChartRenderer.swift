import Foundation

/// Draws a ``Chart`` as inline SVG: title, plot area with grid lines, axes with ticks (dated
/// x ticks such as "17 Jan", y ticks with thousands separators), axis titles with units, the
/// series, vertical markers and a legend underneath.
///
/// The SVG is XML-compatible (every element closed, every attribute quoted, every text
/// escaped), has `role="img"`, an `aria-label` and `<title>`/`<desc>` elements. ``render(_:id:)`` has no
/// namespace declaration (it is meant to sit inside an HTML5 document, whose parser supplies it);
/// ``document(_:id:)`` is a standalone file (XML declaration, namespace, embedded style). Layout
/// estimates text widths at 0.62 em per character (wide enough for DejaVu Sans and the
/// usual system sans-serif fonts), so legend entries and tick labels do not overlap.
public struct SVGChartRenderer: Sendable {
    /// Width of the drawing in user units (it scales to its container).
    public var width: Double
    /// Height of the plot area in user units (the drawing adds title, axes and legend).
    public var plotHeight: Double
    /// Font size of tick labels and legend entries; the title is 1.25 times larger.
    public var fontSize: Double

    /// A renderer; the arguments are the properties of the same names.
    public init(width: Double = 680, plotHeight: Double = 260, fontSize: Double = 12) {
        self.width = width
        self.plotHeight = plotHeight
        self.fontSize = fontSize
    }

    /// Estimated width of a text at a font size.
    static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.62 }

    /// Words wrapped into lines of at most `width` units.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if textWidth(candidate, size: size) > width && !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// A coordinate with one decimal.
    static func c(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Escaped text.
    static func e(_ text: String) -> String { MarkupEscaping.html(text) }

    /// The SVG markup of a chart to sit inside an HTML page; `id` must be unique within the page (it prefixes
    /// element ids).
    /// - Complexity: O(number of points + ticks + legend entries).
    public func render(_ chart: Chart, id: String) -> String { draw(chart, id: id).svg }

    /// A standalone SVG file of a chart: an XML declaration, the SVG namespace, `width`, `height` and `viewBox`,
    /// and an embedded style sheet, so that it renders alone in a browser or an image viewer and parses as XML.
    /// - Parameters:
    ///   - chart: the chart to draw.
    ///   - id: prefixes the element ids (letters, digits, `-` and `_`; anything else becomes `-`).
    /// - Complexity: as ``render(_:id:)``.
    public func document(_ chart: Chart, id: String = "chart") -> String {
        Self.xmlDeclaration + draw(chart, id: Self.elementID(id), standalone: true).svg + "\n"
    }

    /// The first line of a standalone SVG file.
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// The SVG namespace a standalone file declares.
    static let namespace = "http://www.w3.org/2000/svg"

    /// The fonts of every chart (a presentation attribute, so a page's style sheet may override it).
    static let fontFamily = "system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;Helvetica Neue&quot;, Arial, &quot;Noto Sans&quot;, &quot;DejaVu Sans&quot;, sans-serif"

    /// The style sheet embedded in a standalone file.
    static let standaloneStyle = "<style>svg { background: #ffffff; } text { font-family: system-ui, -apple-system, "
        + "\"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\", \"DejaVu Sans\", sans-serif; "
        + "font-variant-numeric: tabular-nums; }</style>\n"

    /// `id` made safe as an XML id prefix: letters, digits, `-` and `_` kept, anything else `-`; a leading
    /// character that cannot start an id gets `chart-` before it.
    static func elementID(_ id: String) -> String {
        let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        guard let first = cleaned.first, first.isLetter || first == "_" else { return "chart-" + cleaned }
        return cleaned
    }

    /// The markup and the drawing's height; `standalone` adds the namespace and the embedded style sheet.
    func draw(_ chart: Chart, id: String, standalone: Bool = false) -> (svg: String, height: Double) {
        let titleSize = (fontSize * 1.25).rounded()
        let tickSize = fontSize - 1
        let timeZone = chart.xAxis.timeZoneIdentifier.flatMap(TimeZone.init(identifier:)) ?? TimeZone(secondsFromGMT: 0)!

        // Domains.
        var xs = chart.series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        xs += chart.markers.map(\.x).filter(\.isFinite)
        var xMin = chart.xAxis.minimum ?? xs.min() ?? 0
        var xMax = chart.xAxis.maximum ?? xs.max() ?? 1
        if !(xMax > xMin) {
            let pad = chart.xAxis.scale == .date ? 86_400.0 : 1
            xMin -= pad
            xMax += pad
        }
        var ys: [Double] = []
        for series in chart.series {
            for point in series.points {
                if series.kind == .band {
                    ys += [point.lower, point.upper].compactMap { $0 }
                } else {
                    ys.append(point.y)
                }
            }
        }
        ys = ys.filter(\.isFinite)
        let dataMin = ys.min() ?? 0, dataMax = ys.max() ?? 1
        var yMin = chart.yAxis.minimum ?? (chart.yAxis.includesZero ? min(0, dataMin) : dataMin)
        var yMax = chart.yAxis.maximum ?? (chart.yAxis.includesZero ? max(0, dataMax) : dataMax)
        if !(yMax > yMin) { yMax = yMin + (chart.yAxis.integerTicks || yMin == 0 ? 1 : abs(yMin) * 0.1) }
        let (rawYTicks, yStep) = AxisTicks.linear(yMin, yMax, count: plotHeight < 200 ? 4 : 5,
                                                  integer: chart.yAxis.integerTicks)
        if chart.yAxis.minimum == nil, let first = rawYTicks.first { yMin = min(yMin, first) }
        if chart.yAxis.maximum == nil, let last = rawYTicks.last { yMax = max(yMax, last) }
        let yTicks = rawYTicks.filter { $0 >= yMin - yStep * 1e-9 && $0 <= yMax + yStep * 1e-9 }
        let yDecimals = AxisTicks.decimals(yStep)
        let yLabels = yTicks.map { ReportFormat.number($0, digits: yDecimals) }

        // Layout.
        let titleLines = Self.wrap(chart.title, width: width - 16, size: titleSize)
        let top = 8 + Double(titleLines.count) * (titleSize + 5) + 8
        let yLabelWidth = yLabels.map { Self.textWidth($0, size: tickSize) }.max() ?? 10
        let left = 8 + fontSize + 10 + yLabelWidth + 6
        let right = width - 14
        let plotTop = top + 4, plotBottom = plotTop + plotHeight
        let plotWidth = right - left
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double { plotBottom - (y - yMin) / (yMax - yMin) * plotHeight }

        // X ticks.
        let xTicks: [(value: Double, label: String)]
        if chart.xAxis.scale == .date {
            let maximum = max(Int(plotWidth / (tickSize * 4.6)), 2)
            xTicks = AxisTicks.dates(xMin, xMax, maximum: maximum, timeZone: timeZone).map {
                ($0, ReportFormat.day(Date(timeIntervalSince1970: $0), timeZone: timeZone))
            }
        } else {
            let (values, step) = AxisTicks.linear(xMin, xMax, count: max(Int(plotWidth / 70), 2),
                                                  integer: chart.xAxis.integerTicks)
            let decimals = AxisTicks.decimals(step)
            xTicks = values.filter { $0 >= xMin - 1e-9 && $0 <= xMax + 1e-9 }
                .map { ($0, ReportFormat.number($0, digits: decimals)) }
        }

        // Legend layout: entries flow in rows under the x-axis title.
        let swatch = 24.0, legendRow = fontSize + 8
        var legendItems: [(entry: ChartLegendEntry, x: Double, row: Int)] = []
        var cursor = left, row = 0
        for entry in chart.legend {
            let itemWidth = swatch + 6 + Self.textWidth(entry.label, size: fontSize) + 16
            if cursor + itemWidth > width - 8 && cursor > left {
                row += 1
                cursor = left
            }
            legendItems.append((entry, cursor, row))
            cursor += itemWidth
        }
        let axisTitleBaseline = plotBottom + tickSize + 8 + fontSize + 6
        let legendTop = axisTitleBaseline + fontSize + 12
        let legendRows = chart.legend.isEmpty ? 0 : row + 1
        let height = legendTop + Double(legendRows) * legendRow + 6

        let titleID = "\(id)-title", descID = "\(id)-desc", clipID = "\(id)-clip"
        let namespace = standalone ? " xmlns=\"\(Self.namespace)\"" : ""
        var svg = "<svg\(namespace) class=\"chart\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" "
            + "aria-label=\"\(Self.e(chart.title))\" viewBox=\"0 0 \(Self.c(width)) \(Self.c(height))\" "
            + "width=\"\(Self.c(width))\" height=\"\(Self.c(height))\" font-size=\"\(Self.c(fontSize))\" "
            + "font-family=\"\(Self.fontFamily)\">\n"
        svg += "<title id=\"\(titleID)\">\(Self.e(chart.title))</title>\n"
        svg += "<desc id=\"\(descID)\">\(Self.e(chart.summary.isEmpty ? chart.title : chart.summary))</desc>\n"
        if standalone { svg += Self.standaloneStyle }
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Self.c(width))\" height=\"\(Self.c(height))\" fill=\"#ffffff\"/>\n"
        for (index, line) in titleLines.enumerated() {
            svg += "<text class=\"chart-title\" x=\"8\" y=\"\(Self.c(8 + Double(index + 1) * (titleSize + 5) - 5))\" "
                + "font-size=\"\(Self.c(titleSize))\" font-weight=\"600\" fill=\"#1d1d1f\">\(Self.e(line))</text>\n"
        }

        // Grid and y ticks.
        svg += "<g class=\"grid\" stroke=\"#e3e5e8\" stroke-width=\"1\">\n"
        for tick in yTicks { svg += "<line x1=\"\(Self.c(left))\" y1=\"\(Self.c(py(tick)))\" x2=\"\(Self.c(right))\" y2=\"\(Self.c(py(tick)))\"/>\n" }
        svg += "</g>\n"
        svg += "<g class=\"y-ticks\" fill=\"#4a4f55\" font-size=\"\(Self.c(tickSize))\" text-anchor=\"end\">\n"
        for (tick, label) in zip(yTicks, yLabels) {
            svg += "<text x=\"\(Self.c(left - 6))\" y=\"\(Self.c(py(tick) + tickSize * 0.35))\">\(Self.e(label))</text>\n"
        }
        svg += "</g>\n"

        // Series, clipped to the plot area (a few units of slack for point markers).
        svg += "<clipPath id=\"\(clipID)\"><rect x=\"\(Self.c(left - 4))\" y=\"\(Self.c(plotTop - 4))\" "
            + "width=\"\(Self.c(plotWidth + 8))\" height=\"\(Self.c(plotHeight + 8))\"/></clipPath>\n"
        svg += "<g class=\"series\" clip-path=\"url(#\(clipID))\">\n"
        let order: [ChartSeries.Kind] = [.band, .bars, .line, .linePoints, .points, .lowerBounds, .upperBounds]
        let sorted = order.flatMap { kind in chart.series.filter { $0.kind == kind } }
        let minimumSpacing: Double = {
            let positions = Set(chart.series.filter { $0.kind == .bars }.flatMap { $0.points.map { px($0.x) } }).sorted()
            let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }.filter { $0 > 0 }
            return gaps.min() ?? 12
        }()
        for series in sorted {
            svg += drawSeries(series, px: px, py: py, baseline: py(max(yMin, min(0, yMax))), barWidth: minimumSpacing * 0.7)
        }
        svg += "</g>\n"

        // Markers.
        for marker in chart.markers where marker.x >= xMin && marker.x <= xMax {
            let x = px(marker.x)
            svg += "<line class=\"marker\" x1=\"\(Self.c(x))\" y1=\"\(Self.c(plotTop))\" x2=\"\(Self.c(x))\" "
                + "y2=\"\(Self.c(plotBottom))\" stroke=\"#6c757d\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>\n"
            let leftSide = x - left > plotWidth / 2
            svg += "<text x=\"\(Self.c(leftSide ? x - 4 : x + 4))\" y=\"\(Self.c(plotTop + tickSize + 2))\" "
                + "text-anchor=\"\(leftSide ? "end" : "start")\" font-size=\"\(Self.c(tickSize))\" fill=\"#4a4f55\" "
                + "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(Self.e(marker.label))</text>\n"
        }

        // Axes.
        svg += "<g class=\"axes\" stroke=\"#4a4f55\" stroke-width=\"1\">\n"
        svg += "<line x1=\"\(Self.c(left))\" y1=\"\(Self.c(plotBottom))\" x2=\"\(Self.c(right))\" y2=\"\(Self.c(plotBottom))\"/>\n"
        svg += "<line x1=\"\(Self.c(left))\" y1=\"\(Self.c(plotTop))\" x2=\"\(Self.c(left))\" y2=\"\(Self.c(plotBottom))\"/>\n"
        for tick in xTicks {
            svg += "<line x1=\"\(Self.c(px(tick.value)))\" y1=\"\(Self.c(plotBottom))\" x2=\"\(Self.c(px(tick.value)))\" y2=\"\(Self.c(plotBottom + 5))\"/>\n"
        }
        svg += "</g>\n"
        svg += "<g class=\"x-ticks\" fill=\"#4a4f55\" font-size=\"\(Self.c(tickSize))\">\n"
        for tick in xTicks {
            let x = px(tick.value)
            let half = Self.textWidth(tick.label, size: tickSize) / 2
            let anchor = x + half > width - 2 ? "end" : (x - half < 2 ? "start" : "middle")
            svg += "<text x=\"\(Self.c(x))\" y=\"\(Self.c(plotBottom + tickSize + 6))\" text-anchor=\"\(anchor)\">\(Self.e(tick.label))</text>\n"
        }
        svg += "</g>\n"
        svg += "<text class=\"axis-title\" x=\"\(Self.c(left + plotWidth / 2))\" y=\"\(Self.c(axisTitleBaseline))\" "
            + "text-anchor=\"middle\" fill=\"#1d1d1f\">\(Self.e(chart.xAxis.title))</text>\n"
        // The y title runs along the plot's height: a smaller font when it would not fit.
        let yTitleSize = max(min(fontSize, plotHeight / max(Self.textWidth(chart.yAxis.title, size: 1), 1)), 8)
        let yTitleX = 8 + fontSize * 0.8, yTitleY = plotTop + plotHeight / 2
        let yTitleFont = yTitleSize < fontSize ? " font-size=\"\(Self.c(yTitleSize))\"" : ""
        svg += "<text class=\"axis-title\" x=\"\(Self.c(yTitleX))\" y=\"\(Self.c(yTitleY))\" text-anchor=\"middle\"\(yTitleFont) "
            + "transform=\"rotate(-90 \(Self.c(yTitleX)) \(Self.c(yTitleY)))\" fill=\"#1d1d1f\">\(Self.e(chart.yAxis.title))</text>\n"

        if !chart.hasData {
            svg += "<text x=\"\(Self.c(left + plotWidth / 2))\" y=\"\(Self.c(plotTop + plotHeight / 2))\" "
                + "text-anchor=\"middle\" fill=\"#6c757d\">No data to show</text>\n"
        }

        // Legend.
        if !legendItems.isEmpty {
            svg += "<g class=\"legend\">\n"
            for item in legendItems {
                let y = legendTop + Double(item.row) * legendRow
                svg += swatchMarkup(item.entry, x: item.x, y: y - fontSize * 0.35, width: swatch)
                svg += "<text x=\"\(Self.c(item.x + swatch + 6))\" y=\"\(Self.c(y))\" fill=\"#1d1d1f\">\(Self.e(item.entry.label))</text>\n"
            }
            svg += "</g>\n"
        }
        svg += "</svg>"
        return (svg, height)
    }

    /// The markup of one series.
    func drawSeries(_ series: ChartSeries, px: (Double) -> Double, py: (Double) -> Double, baseline: Double,
                    barWidth: Double) -> String {
        let color = series.color.hex
        let dash = series.dashed ? " stroke-dasharray=\"7 4\"" : ""
        let alpha = String(format: "%.2f", series.opacity)
        var svg = ""
        switch series.kind {
        case .band:
            for run in Self.runs(series.points, where: { $0.x.isFinite && $0.hasRange }) where !run.isEmpty {
                var d = "M"
                d += run.map { "\(Self.c(px($0.x))),\(Self.c(py($0.upper!)))" }.joined(separator: " L")
                d += " L" + run.reversed().map { "\(Self.c(px($0.x))),\(Self.c(py($0.lower!)))" }.joined(separator: " L")
                d += " Z"
                if run.count == 1 {
                    let x = px(run[0].x)
                    d = "M\(Self.c(x - 2)),\(Self.c(py(run[0].upper!))) L\(Self.c(x + 2)),\(Self.c(py(run[0].upper!))) "
                        + "L\(Self.c(x + 2)),\(Self.c(py(run[0].lower!))) L\(Self.c(x - 2)),\(Self.c(py(run[0].lower!))) Z"
                }
                svg += "<path d=\"\(d)\" fill=\"\(color)\" fill-opacity=\"\(alpha)\" stroke=\"none\"/>\n"
            }
        case .line, .linePoints:
            for run in Self.runs(series.points, where: { $0.x.isFinite && $0.y.isFinite }) where run.count > 1 {
                let d = "M" + run.map { "\(Self.c(px($0.x))),\(Self.c(py($0.y)))" }.joined(separator: " L")
                svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-opacity=\"\(alpha)\" stroke-width=\"2\" "
                    + "stroke-linejoin=\"round\" stroke-linecap=\"round\"\(dash)/>\n"
            }
            if series.kind == .linePoints {
                svg += circles(series.points, color: color, radius: 3, px: px, py: py)
            }
        case .points:
            svg += circles(series.points, color: color, radius: 3.5, px: px, py: py)
        case .lowerBounds, .upperBounds:
            let up = series.kind == .lowerBounds
            svg += "<g fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n"
            for point in series.points where point.x.isFinite && point.y.isFinite {
                svg += "<path d=\"\(Self.boundMarker(x: px(point.x), y: py(point.y), up: up, size: 1))\"/>\n"
            }
            svg += "</g>\n"
        case .bars:
            svg += "<g fill=\"\(color)\" fill-opacity=\"\(alpha)\">\n"
            for point in series.points where point.x.isFinite && point.y.isFinite {
                let x = px(point.x), y = py(point.y)
                svg += "<rect x=\"\(Self.c(x - barWidth / 2))\" y=\"\(Self.c(min(y, baseline)))\" width=\"\(Self.c(barWidth))\" "
                    + "height=\"\(Self.c(abs(baseline - y)))\"/>\n"
            }
            svg += "</g>\n"
        }
        return svg
    }

    /// A bound's marker at `(x, y)`: a bar across the value and an arrow from it, up for a lower bound ("at
    /// least") and down for an upper bound, `size` times 12 units long.
    static func boundMarker(x: Double, y: Double, up: Bool, size: Double) -> String {
        let sign = up ? -1.0 : 1.0
        let tip = y + sign * 12 * size, wing = y + sign * 7 * size
        return "M\(c(x - 5 * size)),\(c(y)) L\(c(x + 5 * size)),\(c(y)) M\(c(x)),\(c(y)) L\(c(x)),\(c(tip)) "
            + "M\(c(x - 4 * size)),\(c(wing)) L\(c(x)),\(c(tip)) L\(c(x + 4 * size)),\(c(wing))"
    }

    /// Point markers.
    func circles(_ points: [ChartPoint], color: String, radius: Double, px: (Double) -> Double,
                 py: (Double) -> Double) -> String {
        var svg = "<g fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"1\">\n"
        for point in points where point.x.isFinite && point.y.isFinite {
            svg += "<circle cx=\"\(Self.c(px(point.x)))\" cy=\"\(Self.c(py(point.y)))\" r=\"\(Self.c(radius))\"/>\n"
        }
        return svg + "</g>\n"
    }

    /// Consecutive runs of points that satisfy a condition (lines and bands break at the others).
    static func runs(_ points: [ChartPoint], where valid: (ChartPoint) -> Bool) -> [[ChartPoint]] {
        var result: [[ChartPoint]] = [[]]
        for point in points {
            if valid(point) {
                result[result.count - 1].append(point)
            } else if !(result.last?.isEmpty ?? true) {
                result.append([])
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// A legend swatch drawn like its series, centred vertically on `y`.
    func swatchMarkup(_ entry: ChartLegendEntry, x: Double, y: Double, width: Double) -> String {
        let color = entry.color.hex
        let alpha = String(format: "%.2f", entry.opacity)
        switch entry.kind {
        case .band:
            return "<rect x=\"\(Self.c(x))\" y=\"\(Self.c(y - 6))\" width=\"\(Self.c(width))\" height=\"12\" fill=\"\(color)\" "
                + "fill-opacity=\"\(alpha)\" stroke=\"\(color)\" stroke-opacity=\"0.4\" stroke-width=\"0.5\"/>\n"
        case .bars:
            return "<rect x=\"\(Self.c(x + width / 2 - 5))\" y=\"\(Self.c(y - 6))\" width=\"10\" height=\"12\" fill=\"\(color)\" "
                + "fill-opacity=\"\(alpha)\"/>\n"
        case .points:
            return "<circle cx=\"\(Self.c(x + width / 2))\" cy=\"\(Self.c(y))\" r=\"3.5\" fill=\"\(color)\"/>\n"
        case .lowerBounds, .upperBounds:
            let up = entry.kind == .lowerBounds
            let path = Self.boundMarker(x: x + width / 2, y: y + (up ? 5 : -5), up: up, size: 0.85)
            return "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linecap=\"round\" "
                + "stroke-linejoin=\"round\"/>\n"
        case .line, .linePoints:
            let dash = entry.dashed ? " stroke-dasharray=\"7 4\"" : ""
            var svg = "<line x1=\"\(Self.c(x))\" y1=\"\(Self.c(y))\" x2=\"\(Self.c(x + width))\" y2=\"\(Self.c(y))\" "
                + "stroke=\"\(color)\" stroke-opacity=\"\(alpha)\" stroke-width=\"2\"\(dash)/>\n"
            if entry.kind == .linePoints {
                svg += "<circle cx=\"\(Self.c(x + width / 2))\" cy=\"\(Self.c(y))\" r=\"3\" fill=\"\(color)\"/>\n"
            }
            return svg
        }
    }
}
