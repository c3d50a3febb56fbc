import Foundation
import Inflow

/// The report, the saved results and the hub table of an analysis.
enum ReportOutput {
    /// The report input, dated `INFLOW_REPORT_DATE` (ISO 8601) when set, for reproducible reports.
    static func input(_ analysis: AnalysisResult, timeZone: TimeZone) -> ReportInput {
        ReportInput(analysis: analysis, toolVersion: "inflow \(InflowCommand.version)", generatedAt: runDate(),
                    timeZone: timeZone)
    }

    /// The time of the run: now, or `INFLOW_REPORT_DATE` (ISO 8601) when set, for reproducible reports and archives.
    static func runDate() -> Date {
        ProcessInfo.processInfo.environment["INFLOW_REPORT_DATE"].flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
    }

    static func render(_ analysis: AnalysisResult, timeZone: TimeZone, markdown: Bool, archiveScores: ArchiveScores? = nil) -> String {
        var reportInput = input(analysis, timeZone: timeZone)
        reportInput.archiveScores = archiveScores
        let document = ReportBuilder(reportInput).document()
        return markdown ? MarkdownRenderer().render(document) : HTMLRenderer().render(document)
    }

    /// The saved results (the report's JSON), read back by `inflow report`.
    static func json(_ analysis: AnalysisResult, timeZone: TimeZone) throws -> String {
        try JSONRenderer().render(ReportBuilder(input(analysis, timeZone: timeZone)).savedReport())
    }
}
