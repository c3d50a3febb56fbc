/// Renders a ``ReportDocument`` as one self-contained HTML5 file.
///
/// Inline CSS (responsive, system fonts, tables that scroll sideways on a phone, a print
/// style) and inline SVG charts from ``SVGChartRenderer``; no scripts, no external
/// resources, no URLs. The markup is also well-formed XML (closed tags, quoted attributes,
/// only the character references `&amp; &lt; &gt; &quot; &#39; &#160;`), so XML tools can check it.
/// Every string of the document is escaped with ``MarkupEscaping/html(_:)``.
public struct HTMLRenderer: Sendable {
    /// The renderer of full-width charts.
    public var chartRenderer: SVGChartRenderer
    /// The renderer of the narrow layout of full-width charts, shown instead on screens
    /// narrower than 40rem (a phone), so their text stays legible there.
    public var narrowChartRenderer: SVGChartRenderer
    /// The renderer of small multiples.
    public var smallChartRenderer: SVGChartRenderer

    /// A renderer; the arguments are the properties of the same names.
    public init(chartRenderer: SVGChartRenderer = SVGChartRenderer(),
                narrowChartRenderer: SVGChartRenderer = SVGChartRenderer(width: 360, plotHeight: 220, fontSize: 11),
                smallChartRenderer: SVGChartRenderer = SVGChartRenderer(width: 340, plotHeight: 170, fontSize: 11)) {
        self.chartRenderer = chartRenderer
        self.narrowChartRenderer = narrowChartRenderer
        self.smallChartRenderer = smallChartRenderer
    }

    static func e(_ text: String) -> String { MarkupEscaping.html(text) }

    /// The HTML text.
    public func render(_ document: ReportDocument) -> String {
        var charts = 0
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        html += "<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        html += "<meta name=\"generator\" content=\"inflow \(Self.e(document.toolVersion))\"/>\n"
        html += "<title>\(Self.e(document.title))</title>\n"
        html += "<style>\n\(Self.stylesheet)</style>\n</head>\n<body>\n<div class=\"page\">\n"
        html += "<header>\n<h1>\(Self.e(document.title))</h1>\n"
        html += "<p class=\"subtitle\">\(Self.e(document.subtitle))</p>\n"
        html += "<p class=\"meta\">Generated \(Self.e(document.generatedAt)) by \(Self.e(document.toolVersion))</p>\n"
        html += "</header>\n"
        html += "<nav aria-label=\"Contents\">\n<ol>\n"
        for section in document.sections {
            html += "<li><a href=\"#\(Self.e(section.id))\">\(Self.e(section.title))</a></li>\n"
        }
        html += "</ol>\n</nav>\n<main>\n"
        for section in document.sections {
            let headingID = "\(section.id)-heading"
            html += "<section id=\"\(Self.e(section.id))\" aria-labelledby=\"\(Self.e(headingID))\">\n"
            html += "<h2 id=\"\(Self.e(headingID))\">\(Self.e(section.title))</h2>\n"
            for block in section.blocks { html += render(block, charts: &charts) }
            html += "</section>\n"
        }
        html += "</main>\n<footer>\n<p>\(Self.e(document.title)) · dataset \(Self.e(document.datasetName)) · "
        html += "inflow \(Self.e(document.toolVersion)) · generated \(Self.e(document.generatedAt)). "
        html += "This file is self-contained: it loads nothing from the network.</p>\n</footer>\n"
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    /// The tile map's font size on phones (the map is scaled down to the screen, so its text is set larger).
    static let narrowTileFontSize = 15.0

    func render(_ block: ReportBlock, charts: inout Int) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(Self.e(text))</p>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(Self.e($0))</li>\n" }.joined() + "</ul>\n"
        case .headline(let cards):
            var html = "<div class=\"cards\">\n"
            for card in cards {
                html += "<div class=\"card\">\n<p class=\"card-label\">\(Self.e(card.label))</p>\n"
                html += "<p class=\"card-value\">\(Self.e(card.value))</p>\n"
                if let interval = card.interval { html += "<p class=\"card-interval\">\(Self.e(interval))</p>\n" }
                if let detail = card.detail { html += "<p class=\"card-detail\">\(Self.e(detail))</p>\n" }
                html += "</div>\n"
            }
            return html + "</div>\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            charts += 1
            return figure(chart, id: "chart-\(charts)", renderer: chartRenderer, narrow: narrowChartRenderer)
        case .smallMultiples(let list):
            var html = "<div class=\"multiples\">\n"
            for chart in list {
                charts += 1
                html += figure(chart, id: "chart-\(charts)", renderer: smallChartRenderer)
            }
            return html + "</div>\n"
        case .note(let note):
            let label = note.kind == .warning ? "Warning" : "Note"
            return "<p class=\"note note-\(note.kind.rawValue)\" role=\"note\"><strong>\(label):</strong> \(Self.e(note.text))</p>\n"
        case .tileMap(let map):
            // The wide map, and a copy with larger text that the style sheet shows on phones instead.
            var narrow = map
            narrow.fontSize = Self.narrowTileFontSize
            narrow.id = map.id + "-narrow"
            return "<figure class=\"tile-figure\">\n<div class=\"chart-wide\">\(map.svg())</div>\n"
                + "<div class=\"chart-narrow\">\(narrow.svg())</div>\n</figure>\n"
        }
    }

    /// A chart in a figure with its summary and notes as the caption; with a narrow renderer,
    /// both layouts (the style sheet shows one of them).
    func figure(_ chart: Chart, id: String, renderer: SVGChartRenderer, narrow: SVGChartRenderer? = nil) -> String {
        var html = "<figure class=\"chart-figure\">\n"
        if let narrow {
            html += "<div class=\"chart-wide\">\n" + renderer.render(chart, id: id) + "\n</div>\n"
            html += "<div class=\"chart-narrow\">\n" + narrow.render(chart, id: id + "-narrow") + "\n</div>\n"
        } else {
            html += renderer.render(chart, id: id) + "\n"
        }
        let caption = ([chart.summary] + chart.notes).filter { !$0.isEmpty }
        if !caption.isEmpty {
            html += "<figcaption>" + caption.map(Self.e).joined(separator: " ") + "</figcaption>\n"
        }
        return html + "</figure>\n"
    }

    func render(_ table: ReportTable) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int, scope: Bool = false) -> String {
            let numeric = column < table.alignments.count && table.alignments[column] == .right
            let cls = numeric ? " class=\"num\"" : ""
            let scopeAttribute = scope ? " scope=\"col\"" : ""
            return "<\(tag)\(scopeAttribute)\(cls)>\(Self.e(text))</\(tag)>"
        }
        let label = table.caption.map { " aria-label=\"\(Self.e($0))\"" } ?? ""
        var html = "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"\(label)>\n<table>\n"
        if let caption = table.caption { html += "<caption>\(Self.e(caption))</caption>\n" }
        html += "<thead>\n<tr>" + table.header.enumerated().map { cell("th", $1, $0, scope: true) }.joined() + "</tr>\n</thead>\n"
        html += "<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n"
    }

    /// The inline style sheet: system fonts, a readable measure, cards that reflow on a phone,
    /// tables that scroll sideways, and a print style without navigation or page-split figures.
    static let stylesheet = """
    :root { color-scheme: light; --ink: #1d1d1f; --muted: #5b6168; --line: #d9dce1; --accent: #1f6fb2; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; font-size: 16px; line-height: 1.5; color: var(--ink); background: #ffffff; }
    .page { max-width: 64rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
    h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 0.75rem; padding-top: 0.75rem; border-top: 1px solid var(--line); }
    p { margin: 0.5rem 0; }
    .subtitle, .meta { color: var(--muted); margin: 0.25rem 0; }
    .meta { font-size: 0.85rem; }
    nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 1rem 0; padding: 0; list-style: none; font-size: 0.9rem; }
    a { color: var(--accent); }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: 0.75rem; margin: 0.75rem 0; }
    .card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 0.9rem; background: #f8f9fb; }
    .card p { margin: 0; }
    .card-label { font-size: 0.85rem; color: var(--muted); }
    .card-value { font-size: 1.9rem; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums; }
    .card-interval { font-size: 0.9rem; }
    .card-detail { font-size: 0.8rem; color: var(--muted); margin-top: 0.25rem; }
    .table-wrap { overflow-x: auto; margin: 0.75rem 0; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
    th { background: #f1f3f5; font-weight: 600; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    figure { margin: 1rem 0; }
    figure svg { display: block; width: 100%; height: auto; }
    svg text { font-family: inherit; }
    figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.25rem; }
    .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 0.75rem; }
    .multiples figure { margin: 0; }
    .tile-figure svg { max-width: 42rem; }
    .chart-narrow { display: none; }
    .note { border-left: 4px solid var(--accent); background: #eef5fb; padding: 0.5rem 0.75rem; overflow-wrap: anywhere; }
    .note-warning { border-left-color: #d9600b; background: #fff4e5; }
    footer { margin-top: 2rem; padding-top: 0.5rem; border-top: 1px solid var(--line); font-size: 0.8rem; color: var(--muted); }
    @media (max-width: 40rem) {
      body { font-size: 15px; }
      .page { padding: 0.75rem; }
      h1 { font-size: 1.35rem; }
      .card-value { font-size: 1.6rem; }
      th, td { padding: 0.3rem 0.45rem; }
      .chart-wide { display: none; }
      .chart-narrow { display: block; }
    }
    @media print {
      @page { margin: 15mm; }
      body { font-size: 10pt; }
      .page { max-width: none; padding: 0; }
      nav { display: none; }
      a { color: inherit; text-decoration: none; }
      h2 { break-after: avoid; page-break-after: avoid; }
      figure, .card, tr, .note { break-inside: avoid; page-break-inside: avoid; }
      .table-wrap { overflow: visible; }
      .cards { grid-template-columns: repeat(3, 1fr); }
      .multiples { grid-template-columns: repeat(2, 1fr); }
      .chart-wide { display: block; }
      .chart-narrow { display: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }

    """
}
