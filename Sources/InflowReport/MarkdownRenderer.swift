/// Renders a ``ReportDocument`` as GitHub-flavoured Markdown.
///
/// Tables become pipe tables; charts become their title and text summary (the drawing is in
/// the HTML report); notes become block quotes. Every string of the document is escaped with
/// ``MarkupEscaping/markdown(_:)``, so a `|` in a province name cannot break a table and
/// `<script>` is shown as text.
public struct MarkdownRenderer: Sendable {
    /// A renderer (it has no settings).
    public init() {}

    static func e(_ text: String) -> String { MarkupEscaping.markdown(text) }

    /// The Markdown text.
    public func render(_ document: ReportDocument) -> String {
        var lines = ["# \(Self.e(document.title))", "", Self.e(document.subtitle), "",
                     "Generated \(Self.e(document.generatedAt)) by \(Self.e(document.toolVersion)).", ""]
        for section in document.sections {
            lines += ["## \(Self.e(section.title))", ""]
            for block in section.blocks { lines += render(block) }
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(_ block: ReportBlock) -> [String] {
        switch block {
        case .paragraph(let text):
            return [Self.e(text), ""]
        case .list(let items):
            return items.map { "- \(Self.e($0))" } + [""]
        case .headline(let cards):
            return cards.map { card in
                var line = "- **\(Self.e(card.label)):** \(Self.e(card.value))"
                if let interval = card.interval { line += " (\(Self.e(interval)))" }
                if let detail = card.detail { line += "; \(Self.e(detail))" }
                return line
            } + [""]
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return [chartText(chart), ""]
        case .smallMultiples(let charts):
            return charts.map { "- " + chartText($0) } + [""]
        case .note(let note):
            return ["> **\(note.kind == .warning ? "Warning" : "Note"):** \(Self.e(note.text))", ""]
        case .tileMap(let map):
            // Markdown has no inline SVG: the map's figures as a list, largest first.
            let tiles = map.tiles.sorted { ($0.value ?? -1) > ($1.value ?? -1) }
            return ["*Map: \(Self.e(map.title)) (\(Self.e(map.valueLabel))).*", ""]
                + tiles.map { "- " + Self.e($0.detail.isEmpty ? $0.label : $0.detail) } + [""]
        }
    }

    func chartText(_ chart: Chart) -> String {
        var text = "*Chart: \(Self.e(chart.title)).*"
        if !chart.summary.isEmpty { text += " " + Self.e(chart.summary) }
        for note in chart.notes { text += " " + Self.e(note) }
        return text + " (The chart is drawn in the HTML report.)"
    }

    func render(_ table: ReportTable) -> [String] {
        var lines: [String] = []
        if let caption = table.caption { lines += ["**\(Self.e(caption))**", ""] }
        func row(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : Self.e($0) }.joined(separator: " | ") + " |"
        }
        lines.append(row(table.header))
        lines.append("|" + table.alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined())
        lines += table.rows.map(row)
        return lines + [""]
    }
}
