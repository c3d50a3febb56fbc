import Foundation
import InflowModels
import InflowProjection
import InflowReport
import Testing

/// Document, HTML, Markdown, JSON and CSV of a report of the January 2026 figures.
@Suite("Report")
struct ReportTests {
    static func rendered() throws -> (document: ReportDocument, saved: SavedReport, html: String) {
        let saved = ReportBuilder(try ReportFixture.input()).savedReport()
        let html = HTMLRenderer().render(saved.document)
        if let path = ProcessInfo.processInfo.environment["INFLOW_REPORT_HTML"] {
            try html.write(toFile: path, atomically: true, encoding: .utf8)
            try MarkdownRenderer().render(saved.document)
                .write(toFile: path.replacingOccurrences(of: ".html", with: ".md"), atomically: true, encoding: .utf8)
            try JSONRenderer().render(saved)
                .write(toFile: path.replacingOccurrences(of: ".html", with: ".json"), atomically: true, encoding: .utf8)
            try CSVRenderer().hubTable(saved.forecasts)
                .write(toFile: path.replacingOccurrences(of: ".html", with: ".csv"), atomically: true, encoding: .utf8)
        }
        return (saved.document, saved, html)
    }

    @Test("the document has every section, in order, and every chart has a title, axes and a legend")
    func documentShape() throws {
        let (document, _, _) = try Self.rendered()
        #expect(document.sections.map(\.id) == ReportSectionID.allCases.map(\.rawValue))
        #expect(document.charts.count >= 5)   // observed, cumulative, backtest, two provinces
        for chart in document.charts {
            #expect(!chart.title.isEmpty)
            #expect(!chart.xAxis.label.isEmpty && !chart.xAxis.unit.isEmpty)
            #expect(!chart.yAxis.label.isEmpty && !chart.yAxis.unit.isEmpty)
            #expect(!chart.legend.isEmpty, "chart \(chart.title) has no legend")
            #expect(chart.hasData, "chart \(chart.title) is empty")
        }
    }

    @Test("headline numbers come from the headline projection, rounded to whole people")
    func headline() throws {
        let input = try ReportFixture.input()
        let document = ReportBuilder(input).document()
        let section = try #require(document.section(.headline))
        guard case .headline(let cards) = section.blocks.first else {
            Issue.record("the headline section starts without cards")
            return
        }
        let ensemble = try #require(input.projections[.ensemble(.negativeBinomial)])
        let next7 = ensemble.arrivals(overFirst: 7)
        let card7 = try #require(cards.first { $0.label == "Expected arrivals, next 7 days" })
        #expect(card7.value == ReportFormat.count(next7.median))
        #expect(card7.interval == "90% interval \(ReportFormat.countInterval(next7.quantile(0.05)!, next7.quantile(0.95)!))")
        #expect(card7.detail == "25 Jan – 31 Jan")
        #expect(cards.contains { $0.label == "Expected arrivals, next 30 days" })
        #expect(cards.contains { $0.label == "Remaining pool" && $0.interval?.hasPrefix("90% interval") == true })
        let peak = try #require(cards.first { $0.label == "Peak passed?" })
        #expect(["Yes", "Not yet", "Probably", "Probably not"].contains(peak.value))
        #expect(cards.first { $0.label == "Observed so far" }?.value == "2,277")
        for card in cards { #expect(!card.value.contains(".")) }
    }

    @Test("the HTML is well-formed XHTML-compatible markup")
    func htmlWellFormed() throws {
        let (_, _, html) = try Self.rendered()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let elements = try MarkupChecker.check(html)
        #expect(elements.contains("svg") && elements.contains("table"))
        #if canImport(FoundationXML) || os(macOS)
        #expect(try MarkupChecker.parseAsXML(html))
        #endif
    }

    @Test("every section id is present in the HTML, with a heading and a contents link")
    func htmlSections() throws {
        let (_, _, html) = try Self.rendered()
        for id in ReportSectionID.allCases.map(\.rawValue) {
            #expect(html.contains("<section id=\"\(id)\""), "section \(id) missing")
            #expect(html.contains("<a href=\"#\(id)\">"), "contents link to \(id) missing")
        }
        #expect(html.contains("<h2 id=\"headline-heading\">Headline numbers</h2>"))
    }

    @Test("strings from the data are escaped: the province <script>alert(1)</script> appears as text")
    func htmlEscaping() throws {
        let (_, _, html) = try Self.rendered()
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Kandal | &quot;Ta Khmau&quot;"))
        #expect(html.contains("the time &lt;b&gt;21:00&lt;/b&gt; &amp; a &#39;quoted&#39; note"))
        #expect(!html.contains("<b>"))
        // Chart titles in SVG text and attributes are escaped too.
        #expect(html.contains("aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(html.contains("<title id=\"chart-4-title\">&lt;script&gt;alert(1)&lt;/script&gt;</title>")
                || html.contains("<title id=\"chart-5-title\">&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
    }

    @Test("the HTML is self-contained: no scripts, no URLs, no external resources")
    func htmlSelfContained() throws {
        let (_, _, html) = try Self.rendered()
        let lower = html.lowercased()
        #expect(!lower.contains("http://") && !lower.contains("https://"))
        #expect(!lower.contains("src=") && !lower.contains("@import") && !lower.contains("<link"))
        #expect(!lower.contains("javascript:"))
        #expect(lower.firstMatch(of: #/\son[a-z]+\s*=/#) == nil)   // no event handlers
        #expect(!lower.contains("xmlns"))
        // Every href is an in-page anchor; every url() a local clip path.
        for piece in html.components(separatedBy: "href=\"").dropFirst() { #expect(piece.hasPrefix("#")) }
        for piece in html.components(separatedBy: "url(").dropFirst() { #expect(piece.hasPrefix("#chart-")) }
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
        #expect(html.contains("overflow-x: auto"))
    }

    @Test("every SVG chart has a title, a description, axis titles with units, ticks and a legend")
    func htmlCharts() throws {
        let (document, _, html) = try Self.rendered()
        let svgs = html.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
        // Full-width charts come in a wide and a narrow (phone) layout; small multiples in one.
        var expected: [Chart] = []
        for section in document.sections {
            for block in section.blocks {
                if case .chart(let chart) = block { expected += [chart, chart] }
                if case .smallMultiples(let charts) = block { expected += charts }
            }
        }
        #expect(svgs.count == expected.count)
        #expect(html.contains("<div class=\"chart-narrow\">"))
        for (svg, chart) in zip(svgs, expected) {
            #expect(svg.contains("role=\"img\"") && svg.contains("aria-label=\""))
            #expect(svg.contains("<title id=\"") && svg.contains("<desc id=\""))
            #expect(svg.contains("class=\"chart-title\""))
            #expect(svg.components(separatedBy: "class=\"axis-title\"").count == 3)
            #expect(svg.contains(MarkupEscaping.html(chart.xAxis.title)) && svg.contains(MarkupEscaping.html(chart.yAxis.title)))
            #expect(svg.contains("<g class=\"legend\">"))
            #expect(svg.contains("<g class=\"x-ticks\"") && svg.contains("<g class=\"y-ticks\""))
            #expect(!svg.contains("No data to show"))
        }
        // Dated ticks and thousands separators.
        #expect(html.contains(">17 Jan</text>") || html.contains(">18 Jan</text>"))
        #expect(html.contains(">2,000</text>") || html.contains(">2,500</text>"))
        #expect(html.contains("Date (local time, UTC+07:00)"))
    }

    @Test("rendering is reproducible for a fixed generation date")
    func reproducible() throws {
        let input = try ReportFixture.input()
        let first = HTMLRenderer().render(ReportBuilder(input).document())
        let second = HTMLRenderer().render(ReportBuilder(input).document())
        #expect(first == second)
        #expect(first.contains("2026-01-25T03:00:00Z"))
    }

    @Test("Markdown has every section, GitHub tables and escaped data strings")
    func markdown() throws {
        let (document, _, _) = try Self.rendered()
        let markdown = MarkdownRenderer().render(document)
        for section in document.sections { #expect(markdown.contains("\n## \(MarkupEscaping.markdown(section.title))\n")) }
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("Kandal \\| \"Ta Khmau\""))
        #expect(markdown.contains("| --- |"))
        #expect(markdown.contains("*Chart: Daily arrivals: observed, fitted and projected.*"))
        // Every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count >= 3)
        }
    }

    @Test("JSON round-trips: encode, decode, equal, and the same bytes again")
    func jsonRoundTrip() throws {
        let (_, saved, _) = try Self.rendered()
        let renderer = JSONRenderer()
        let json = try renderer.render(saved)
        #expect(json.contains("\"schema\" : \"inflow-report\""))
        let decoded = try renderer.decode(Data(json.utf8))
        #expect(decoded == saved)
        #expect(try renderer.render(decoded) == json)
        #expect(HTMLRenderer().render(decoded.document) == HTMLRenderer().render(saved.document))
    }

    @Test("JSON of another schema or version is refused with a sentence")
    func jsonRefusals() throws {
        #expect(throws: JSONRenderer.DecodingError.wrongSchema("other")) {
            try JSONRenderer().decode(Data(#"{"schema": "other", "schemaVersion": 1}"#.utf8))
        }
        #expect(throws: JSONRenderer.DecodingError.unsupportedVersion(99)) {
            try JSONRenderer().decode(Data(#"{"schema": "inflow-report", "schemaVersion": 99}"#.utf8))
        }
        do {
            _ = try JSONRenderer().decode(Data("not json".utf8))
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.description.hasPrefix("the report file could not be read"))
        }
    }

    @Test("the CSV is the hub table of the headline model: hub header, 23 quantiles per target and horizon")
    func csv() throws {
        let input = try ReportFixture.input()
        let forecasts = ReportBuilder(input).forecasts()
        let csv = CSVRenderer().hubTable(forecasts)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == HubRow.header.joined(separator: ","))

        let ensemble = try #require(input.projections[.ensemble(.negativeBinomial)])
        let expected = ensemble.hubRows(location: "national", timeZone: ReportFixture.timeZone)
        let headline = try #require(forecasts.first { $0.role == .headline })
        #expect(headline.hubRows() == expected)

        let national = lines.dropFirst().filter { $0.split(separator: ",")[3] == "national" }
        #expect(national.count == expected.count)
        var quantiles: [String: Int] = [:]
        for line in national {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 8)
            #expect(fields[0] == "2026-01-24")
            #expect(fields[5] != "median")   // the median is the 0.5 quantile
            if fields[5] == "quantile" { quantiles["\(fields[1]) \(fields[2])", default: 0] += 1 }
        }
        #expect(quantiles.count == 2 * 30)   // inc and cum x 30 days (the remaining pool is not a hub target)
        #expect(quantiles.values.allSatisfy { $0 == 23 })
        // Keys are in the strict table with their names' slugs as location (no free text to quote); other
        // models are not.
        #expect(csv.contains(",script-alert-1-script,"))
        #expect(csv.contains(",kandal-ta-khmau,"))
        #expect(HubTable.field("Kandal | \"Ta Khmau\"") == "\"Kandal | \"\"Ta Khmau\"\"\"")
        #expect(!forecasts.filter { $0.role == .model }.isEmpty)
        #expect(lines.count == 1 + forecasts.filter { $0.role != .model }.reduce(0) { $0 + $1.hubRows().count })

        let all = CSVRenderer().modelTable(forecasts)
        #expect(all.hasPrefix((["model"] + HubRow.header).joined(separator: ",") + "\n"))
        #expect(all.contains("\nlogistic (negative-binomial),2026-01-24,day inc arrivals,1,national,2026-01-25,mean,,"))
    }

    @Test("without keys, the provinces section says so")
    func noKeys() throws {
        var input = try ReportFixture.input()
        input.keyed = [:]
        input.backtest = nil
        let document = ReportBuilder(input).document()
        let section = try #require(document.section(.provinces))
        #expect(section.blocks == [.paragraph("The data have no province column, so there are no per-province projections.")])
        let backtest = try #require(document.section(.backtest))
        guard case .paragraph(let text) = backtest.blocks.first else {
            Issue.record("no sentence in the backtest section")
            return
        }
        #expect(text.hasPrefix("No backtest was run."))
        let html = HTMLRenderer().render(document)
        try MarkupChecker.check(html)
        #expect(html.contains("<section id=\"provinces\""))
    }

    @Test("diagnostics list every warning, each fit's status and the replicate counts")
    func diagnostics() throws {
        let input = try ReportFixture.input()
        let section = try #require(ReportBuilder(input).document().section(.diagnostics))
        let notes = section.blocks.compactMap { block -> String? in
            if case .note(let note) = block { return note.text }
            return nil
        }
        #expect(notes.contains(input.warnings[0]))
        let tables = section.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        let status = try #require(tables.first { $0.caption == "Fit status" })
        #expect(status.rows.count == input.fits.count)
        #expect(status.rows[0][1] == input.fits[0].status.description)
        let replicates = try #require(tables.first { $0.caption == "Bootstrap replicates" })
        #expect(replicates.rows.count == input.projections.count + input.keyed.count)
    }

    @Test("a fit without an AICc shows a dash in the table and the reason under it, never nan")
    func missingAICcIsExplained() throws {
        var input = try ReportFixture.input()
        // Logistic with NB2 errors on five reports estimates k = 4 quantities: n - k - 1 = 0, no AICc.
        let short = ReportFixture.series(name: "short", share: 1).prefix(through: ReportFixture.times[4])
        let fit = try Logistic().fit(short, error: .negativeBinomial)
        let reason = try #require(fit.aiccUnavailableReason)
        input.fits.append(fit)
        let section = try #require(ReportBuilder(input).document().section(.modelComparison))
        let paragraphs = section.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(paragraphs.contains { $0.contains("No AICc (\(ReportFormat.missing)) for logistic: \(reason).") })
        let table = try #require(section.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first)
        #expect(table.rows.last?[2] == ReportFormat.missing)   // ordered by AICc, the fit without one last
        #expect(HTMLRenderer().render(ReportBuilder(input).document()).firstMatch(of: /(?i)\bnan\b/) == nil)
    }

    @Test("method and provenance state the seed, version, formula and data lines")
    func methodAndProvenance() throws {
        let input = try ReportFixture.input()
        let document = ReportBuilder(input).document()
        let markdown = MarkdownRenderer().render(document)
        #expect(markdown.contains("| Seed | 1 |"))
        #expect(markdown.contains("| Tool version | inflow 0.1.0\\-test |") || markdown.contains("| Tool version | inflow 0.1.0-test |"))
        #expect(markdown.contains("C(t) = K / (1 + exp(\\-r (t \\- t0)))") || markdown.contains("C(t) = K / (1 + exp(-r (t - t0)))"))
        #expect(markdown.contains("17 Jan 2026 23:59 to 24 Jan 2026 23:59"))
        #expect(markdown.contains("Figures from different releases do not always add up exactly"))
    }
}
