import Foundation
import Inflow

/// The report, the saved results and the hub table of an analysis.
enum ReportOutput {
    /// The report input, dated `INFLOW_REPORT_DATE` (ISO 8601) when set, for reproducible reports.
    static func input(_ analysis: AnalysisResult, timeZone: TimeZone) -> ReportInput {
        let generatedAt = ProcessInfo.processInfo.environment["INFLOW_REPORT_DATE"]
            .flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        return ReportInput(analysis: analysis, toolVersion: "inflow \(InflowCommand.version)", generatedAt: generatedAt,
                           timeZone: timeZone)
    }

    static func render(_ analysis: AnalysisResult, timeZone: TimeZone, markdown: Bool) -> String {
        let document = ReportBuilder(input(analysis, timeZone: timeZone)).document()
        return markdown ? MarkdownRenderer().render(document) : HTMLRenderer().render(document)
    }

    /// The saved results (the report's JSON), read back by `inflow report`.
    static func json(_ analysis: AnalysisResult, timeZone: TimeZone) throws -> String {
        try JSONRenderer().render(ReportBuilder(input(analysis, timeZone: timeZone)).savedReport())
    }

    /// The headline projection's hub rows; with key columns, every node of the keys' hierarchy instead, the
    /// total first (its location an ISO 3166-2 code for a province of the gazetteer, else its name), so the rows
    /// add up.
    /// With `--by province`, the site's rows, then each province's daily arrivals (location its ISO 3166-2
    /// code; incident targets only, since a province's arrivals so far are not known without its counts).
    static func hubRows(_ analysis: AnalysisResult, timeZone: TimeZone) -> [HubRow] {
        if let provincial = analysis.provincial {
            let site = analysis.total.headline.hubRows(location: HubRow.slug(analysis.total.series.name), timeZone: timeZone)
            let split = provincial.projection
            return site + split.provinces.indices.flatMap { index in
                split.projection(index).hubRows(location: split.provinces[index].isoCode, timeZone: timeZone)
                    .filter { $0.target.contains(" inc ") }
            }
        }
        guard let hierarchy = analysis.hierarchy else {
            return analysis.total.headline.hubRows(location: HubRow.slug(analysis.total.series.name), timeZone: timeZone)
        }
        return hierarchy.forecast.projections.enumerated().flatMap { index, projection in
            projection.hubRows(location: hierarchy.locations[index], timeZone: timeZone)
        }
    }
}
