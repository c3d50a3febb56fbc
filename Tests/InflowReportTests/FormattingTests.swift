import Foundation
import InflowReport
import Testing

@Suite("Formatting and escaping")
struct FormattingTests {
    @Test("counts are whole numbers with thousands separators")
    func counts() {
        #expect(ReportFormat.count(2277.4) == "2,277")
        #expect(ReportFormat.count(1_234_567.5) == "1,234,568")
        #expect(ReportFormat.count(999) == "999")
        #expect(ReportFormat.count(-1500) == "−1,500")
        #expect(ReportFormat.count(-0.2) == "0")
        #expect(ReportFormat.count(.nan) == "–")
        #expect(ReportFormat.number(12345.678, digits: 1) == "12,345.7")
        #expect(ReportFormat.countInterval(1100.2, 1400.7) == "1,100–1,401")
        #expect(ReportFormat.percent(0.875) == "88%")
    }

    @Test("dates are shown in the data's time zone")
    func dates() {
        let zone = TimeZone(secondsFromGMT: 7 * 3600)!
        let date = ReportFixture.local(1, 17, 23, 59)
        #expect(ReportFormat.day(date, timeZone: zone) == "17 Jan")
        #expect(ReportFormat.day(date, timeZone: TimeZone(secondsFromGMT: 0)!) == "17 Jan")
        #expect(ReportFormat.dateTime(date, timeZone: zone) == "17 Jan 2026 23:59")
        #expect(ReportFormat.utcOffset(zone, at: date) == "UTC+07:00")
        #expect(ReportFormat.iso8601(date) == "2026-01-17T16:59:00Z")
    }

    @Test("HTML escaping covers text and attributes, and drops characters XML forbids")
    func html() {
        #expect(MarkupEscaping.html("<a href=\"x\">O'Neil & co</a>")
                == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;")
        #expect(MarkupEscaping.html("bell\u{07}") == "bell\u{FFFD}")
        #expect(MarkupEscaping.html("Phnom Penh\nTakeo") == "Phnom Penh\nTakeo")
    }

    @Test("Markdown escaping neutralises table pipes, HTML and list markers")
    func markdown() {
        #expect(MarkupEscaping.markdown("a|b") == "a\\|b")
        #expect(MarkupEscaping.markdown("<script>") == "\\<script\\>")
        #expect(MarkupEscaping.markdown("*bold* _it_ [link](x)") == "\\*bold\\* \\_it\\_ \\[link\\](x)")
        #expect(MarkupEscaping.markdown("- item") == "\\- item")
        #expect(MarkupEscaping.markdown("12. item") == "12\\. item")
        #expect(MarkupEscaping.markdown("two\nlines") == "two lines")
    }

    @Test("a chart renders without data, and its ticks are dated")
    func emptyChart() throws {
        let chart = Chart(title: "Empty", xAxis: ChartAxis(label: "Date", unit: "local time", scale: .date),
                          yAxis: ChartAxis(label: "Arrivals", unit: "people"), series: [],
                          legend: [ChartLegendEntry(label: "Nothing", kind: .line, color: .blue)])
        let svg = SVGChartRenderer().render(chart, id: "empty")
        try MarkupChecker.check(svg)
        #expect(svg.contains("No data to show"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }

    @Test("SVG text and attributes are escaped")
    func svgEscaping() throws {
        let day = 86_400.0
        let chart = Chart(
            title: "\"><script>alert(1)</script>",
            xAxis: ChartAxis(label: "Date", unit: "UTC", scale: .date, timeZoneIdentifier: "GMT"),
            yAxis: ChartAxis(label: "A & B", unit: "<people>"),
            series: [ChartSeries(name: "s", legendLabel: "O'Neil <s>", kind: .linePoints, color: .blue,
                                 points: (0..<10).map { ChartPoint(x: 1_768_521_600 + Double($0) * day, y: Double($0 * 1000)) })],
            markers: [ChartMarker(x: 1_768_521_600 + 3 * day, label: "<m>")])
        let svg = SVGChartRenderer().render(chart, id: "x")
        try MarkupChecker.check(svg)
        #expect(!svg.contains("<script"))
        #expect(svg.contains("aria-label=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(svg.contains("A &amp; B (&lt;people&gt;)"))
        #expect(svg.contains(">O&#39;Neil &lt;s&gt;</text>"))
        #expect(svg.contains(">16 Jan</text>"))
        #expect(svg.contains(">8,000</text>"))
    }
}
