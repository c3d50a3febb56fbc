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
        let document = ReportHints.adding(to: ReportBuilder(reportInput).document(), for: reportInput)
        return markdown ? MarkdownRenderer().render(document) : HTMLRenderer().render(document)
    }

    /// The saved results (the report's JSON), read back by `inflow report`; its document has the command line's
    /// hints, as the report `inflow project --report` writes does.
    static func json(_ analysis: AnalysisResult, timeZone: TimeZone) throws -> String {
        let reportInput = input(analysis, timeZone: timeZone)
        var saved = ReportBuilder(reportInput).savedReport()
        saved.document = ReportHints.adding(to: saved.document, for: reportInput)
        return try JSONRenderer().render(saved)
    }
}
