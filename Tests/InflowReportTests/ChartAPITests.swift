#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowProvinces
import InflowReport
import Testing

/// The public chart API: charts built from analysis results, rendered to standalone SVG files and HTML
/// fragments; structural checks (an XML parser, element counts against the data), no snapshots.
@Suite("Chart API")
struct ChartAPITests {
    /// A quick analysis of the bundled January 2026 figures (logistic and Gompertz, 100 replicates).
    static let analysis: Result<AnalysisResult, any Error> = Result {
        let options = AnalysisOptions(families: [Logistic(), Gompertz()], replicates: 100, threads: 2, backtestReplicates: 20,
                                      includesRetrospective: false, includesSensitivity: false)
        return try Analysis.run(try BundledDataset.defaultDataset.load(), options: options)
    }

    /// A keyed file whose key names need escaping, analysed with one family.
    static let keyedAnalysis: Result<AnalysisResult, any Error> = Result {
        let file = #"""
            date,province,arrivals
            2026-01-17,"<b>Kandal</b> & ""Ta Khmau""",40
            2026-01-17,Svay Rieng,20
            2026-01-18,"<b>Kandal</b> & ""Ta Khmau""",80
            2026-01-18,Svay Rieng,30
            2026-01-19,"<b>Kandal</b> & ""Ta Khmau""",120
            2026-01-19,Svay Rieng,45
            2026-01-20,"<b>Kandal</b> & ""Ta Khmau""",90
            2026-01-20,Svay Rieng,40
            2026-01-21,"<b>Kandal</b> & ""Ta Khmau""",60
            2026-01-21,Svay Rieng,25
            2026-01-22,"<b>Kandal</b> & ""Ta Khmau""",35
            2026-01-22,Svay Rieng,15
            """#
        let options = LoadOptions(keyColumns: ["province"], timeZone: TimeZone(secondsFromGMT: 7 * 3600)!)
        let data = try SeriesLoader(options: options, now: .distantFuture).load(csv: file, name: "keys.csv")
        return try Analysis.run(data, options: AnalysisOptions(families: [Logistic()], replicates: 100, threads: 2,
                                                               backtestReplicates: 20, includesRetrospective: false,
                                                               includesSensitivity: false))
    }

    static let hostileKey = "<b>Kandal</b> & \"Ta Khmau\""

    /// The elements of a parsed XML document: names with attributes, and the text inside each `<title>`.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var titles: [String] = []
        var inTitle = false
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
            if name == "title" { inTitle = true; text = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "title" { titles.append(text); inTitle = false }
        }

        func count(_ name: String) -> Int { elements.count { $0.name == name } }
    }

    /// Parses `svg` as XML; fails the test when it does not parse.
    static func parse(_ svg: String) throws -> Collector {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "the SVG does not parse as XML: \(String(describing: parser.parserError))")
        return collector
    }

    /// Checks the standalone-file framing: XML declaration first, an `svg` root in the SVG namespace with width,
    /// height and a viewBox of the same size, an embedded style sheet, and no non-finite number anywhere.
    static func checkStandalone(_ svg: String) throws -> Collector {
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        let collector = try parse(svg)
        let root = try #require(collector.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        let width = try #require(root.attributes["width"].flatMap(Double.init))
        let height = try #require(root.attributes["height"].flatMap(Double.init))
        #expect(width > 0 && height > 0)
        #expect(root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
        #expect(collector.count("style") == 1)
        #expect(svg.range(of: #"\b(nan|inf|infinity)\b"#, options: [.regularExpression, .caseInsensitive]) == nil,
                "a non-finite number in the SVG")
        return collector
    }

    /// Legend swatches drawn as circles (those of point series).
    static func legendCircles(_ chart: Chart) -> Int {
        chart.legend.count { $0.kind == .points || $0.kind == .linePoints }
    }

    @Test("Chart.fit draws every observed interval, the fitted curve and the headline fan, as a standalone SVG")
    func fitChart() throws {
        let result = try Self.analysis.get()
        let total = result.total
        let chart = Chart.fit(total)
        let svg = chart.svg()
        let collector = try Self.checkStandalone(svg)
        // One point per observed interval of positive length (the arrivals between two reports).
        let intervals = total.series.prepared().intervals.filter { $0.length > 0 }.count
        #expect(chart.series.first { $0.name == "Observed" }?.points.count == intervals)
        // Circles: the observed points and the legend's swatches of point series.
        #expect(collector.count("circle") == intervals + Self.legendCircles(chart))
        // Paths: two bands (90%, 50%), the projected median and the fitted curve.
        #expect(collector.count("path") == 4)
        let median = try #require(chart.series.first { $0.name == "Projection, median" })
        #expect(median.points.count == total.headline.periods)
        #expect(median.points.map(\.x) == (0..<total.headline.periods).map { total.headline.endDate($0).timeIntervalSince1970 })
        #expect(collector.titles.first == chart.title)
        #expect(chart.xAxis.timeZoneIdentifier == total.series.timeZone.identifier)
    }

    @Test("a model's fit and projection can be drawn instead of the headline's")
    func fitChartOfOneModel() throws {
        let total = try Self.analysis.get().total
        let gompertz = try #require(total.fits.first { $0.family.name == Gompertz().name })
        let chart = Chart.fit(total, model: gompertz.id)
        let fitted = try #require(chart.series.first { $0.name == "Fitted curve" })
        #expect(fitted.legendLabel?.contains(gompertz.family.title) == true)
        let direct = Chart.fit(gompertz, series: total.series, projection: total.projection(of: gompertz.id))
        #expect(direct.series.map(\.name) == chart.series.map(\.name))
        #expect(direct.series.map(\.points) == chart.series.map(\.points))
    }

    @Test("Chart.fan of a projection alone has the fan and no observed points; with a series it has them")
    func fanChart() throws {
        let total = try Self.analysis.get().total
        let alone = Chart.fan(total.headline)
        let collector = try Self.checkStandalone(alone.svg())
        #expect(collector.count("circle") == 0)
        #expect(collector.count("path") == 3)
        #expect(!alone.legend.contains { $0.label.hasPrefix("Observed") })
        #expect(alone.series.filter { $0.kind == .band }.allSatisfy { $0.points.count == total.headline.periods })
        let withData = Chart.fan(total.headline, observed: total.series)
        #expect(try Self.parse(withData.svg()).count("circle")
                == total.series.prepared().intervals.filter { $0.length > 0 }.count + Self.legendCircles(withData))
    }

    @Test("Chart.cumulative draws the observed totals, the projected total and a final size when the data bound it")
    func cumulativeChart() throws {
        let total = try Self.analysis.get().total
        let chart = Chart.cumulative(total)
        let collector = try Self.checkStandalone(chart.svg())
        let observed = try #require(chart.series.first { $0.name == "Observed total" })
        // The observed totals: the baseline at the first report's start, then one per interval.
        #expect(observed.points.count == total.series.prepared().intervals.count + 1)
        #expect(observed.points.last?.y == total.series.values.compactMap { $0 }.last)
        let projected = try #require(chart.series.first { $0.name == "Projected total, median" })
        #expect(projected.points.count == total.headline.periods + 1)
        #expect(collector.count("circle") == observed.points.count + Self.legendCircles(chart))
    }

    @Test("small multiples: one panel per key on one scale, key names escaped and read back intact")
    func smallMultiples() throws {
        let result = try Self.keyedAnalysis.get()
        let grid = Chart.smallMultiples(result)
        #expect(grid.charts.map(\.title).sorted() == [Self.hostileKey, "Svay Rieng"].sorted())
        // Every node's projection keeps the file's time zone (UTC+7), so the panels' days are local ones.
        let hierarchy = try #require(result.hierarchy)
        #expect(hierarchy.forecast.projections.allSatisfy { $0.timeZone.secondsFromGMT() == 7 * 3600 })
        #expect(grid.charts.allSatisfy { $0.xAxis.unit.contains("UTC+07:00") })
        let maxima = Set(grid.charts.map(\.yAxis.maximum))
        #expect(maxima.count == 1 && maxima.first! != nil)
        let svg = grid.svg()
        #expect(!svg.contains("<b>"))
        let collector = try Self.checkStandalone(svg)
        #expect(collector.count("svg") == 1 + grid.charts.count)
        #expect(collector.titles.contains(Self.hostileKey))
        let fragment = grid.htmlFragment()
        #expect(!fragment.contains("<b>") && !fragment.contains("xmlns"))
        #expect(fragment.components(separatedBy: "<figure").count - 1 == grid.charts.count)
        #expect(Chart.smallMultiples(try Self.analysis.get()).charts.isEmpty)
        #expect(try Self.parse(Chart.smallMultiples(try Self.analysis.get()).svg()).count("svg") == 1)
    }

    @Test("Chart.provinces: the report's province panels of a split by origin, largest first, on one scale")
    func provinces() throws {
        var options = AnalysisOptions(families: [Logistic()], replicates: 100, threads: 2, backtestReplicates: 20,
                                      includesRetrospective: false, includesSensitivity: false)
        options.provincial = ProvincialModel(gazetteer: try ProvinceGazetteer.bundled())
        let result = try Analysis.run(try BundledDataset.defaultDataset.load(), options: options)
        let provincial = try #require(result.provincial)
        let grid = Chart.provinces(result)
        #expect(provincial.projection.provinces.indices.allSatisfy {
            provincial.projection.projection($0).timeZone == result.total.series.timeZone
        })
        let outlooks = ProvinceOutlook.all(provincial.projection, fit: provincial.fit).sorted { $0.horizon.median > $1.horizon.median }
        let expected = outlooks.filter { $0.horizon.median > 0 }.prefix(9).map(\.province.name)
        #expect(!grid.charts.isEmpty)
        #expect(Set(grid.charts.map(\.title)) == Set(expected))
        #expect(Set(grid.charts.map(\.yAxis.maximum)).count == 1)
        for chart in grid.charts {
            let median = try #require(chart.series.first { $0.name == "Projection, median" })
            #expect(median.points.count == provincial.projection.site.periods)
        }
        let collector = try Self.checkStandalone(grid.svg())
        #expect(collector.count("svg") == 1 + grid.charts.count)
        #expect(Chart.provinces(try Self.analysis.get()).charts.isEmpty)
    }

    @Test("an HTML fragment is the report's figure markup with an inline SVG and a caption")
    func htmlFragment() throws {
        let chart = Chart.fit(try Self.analysis.get().total)
        let fragment = chart.htmlFragment(id: "daily arrivals")
        #expect(fragment.hasPrefix("<figure class=\"chart-figure\">"))
        #expect(fragment.contains("<figcaption>"))
        #expect(!fragment.contains("<?xml") && !fragment.contains("xmlns"))
        #expect(fragment.contains("id=\"daily-arrivals-title\""))
        try MarkupChecker.check(fragment)
    }

    @Test("write(to:) writes the format its extension names, atomically, and never over an input")
    func writing() throws {
        let chart = Chart.fan(try Self.analysis.get().total.headline)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chart-api-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let svgURL = directory.appendingPathComponent("fan.svg")
        try chart.write(to: svgURL)
        #expect(try String(contentsOf: svgURL, encoding: .utf8) == chart.svg())
        let htmlURL = directory.appendingPathComponent("fan.html")
        try chart.write(to: htmlURL)
        #expect(try String(contentsOf: htmlURL, encoding: .utf8) == chart.htmlFragment())
        let input = directory.appendingPathComponent("figures.csv")
        try Data("date,arrivals\n".utf8).write(to: input)
        #expect(throws: FileWriteError.self) { try chart.write(to: input, format: .svg, protecting: [input]) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "date,arrivals\n")
        #expect(throws: ChartFileError.unknownFormat(path: directory.appendingPathComponent("fan.png").path)) {
            try chart.write(to: directory.appendingPathComponent("fan.png"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(leftovers == ["fan.html", "fan.svg", "figures.csv"])
    }

    @Test("a chart with non-finite and missing values draws no NaN or infinity and still parses")
    func nonFiniteValues() throws {
        let day = 86_400.0
        let chart = Chart(
            title: "Edge & <cases>", xAxis: ChartAxis(label: "Day", unit: "days"), yAxis: ChartAxis(label: "Arrivals", unit: "people"),
            series: [
                ChartSeries(name: "line", legendLabel: "line", kind: .linePoints, color: .blue,
                            points: [ChartPoint(x: 0, y: 1), ChartPoint(x: day, y: .nan), ChartPoint(x: 2 * day, y: .infinity),
                                     ChartPoint(x: 3 * day, y: 4), ChartPoint(x: 4 * day, y: 5)]),
                ChartSeries(name: "band", legendLabel: "band", kind: .band, color: .orange,
                            points: [ChartPoint(x: 0, y: 1, lower: 0, upper: .infinity), ChartPoint(x: day, y: 2, lower: 1, upper: 3)]),
            ])
        let collector = try Self.checkStandalone(chart.svg())
        #expect(collector.titles.first == "Edge & <cases>")
        // Three finite points of the line get markers, the infinite and NaN ones do not; plus the legend swatch.
        #expect(collector.count("circle") == 3 + Self.legendCircles(chart))
    }
}
