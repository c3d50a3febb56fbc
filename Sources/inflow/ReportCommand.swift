import ArgumentParser
import Foundation
import Inflow

/// `inflow report`: render saved results (JSON from `inflow project --output`) without refitting.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the HTML or Markdown report from saved results (inflow project --output results.json).")

    @Argument(help: ArgumentHelp("Saved results (JSON).", valueName: "results.json"))
    var results: String

    @Option(name: .long, help: ArgumentHelp("Report to write: .html or .md.", valueName: "path"))
    var report: String

    func validate() throws {
        guard report.hasSuffix(".html") || report.hasSuffix(".htm") || report.hasSuffix(".md") else {
            throw ValidationError("--report must end in .html or .md (got '\(report)').")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: results)
        var outputs = OutputFiles(protecting: [url])
        try outputs.plan(report, flag: "--report")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommandFailure("cannot read \(results): no such file.")
        }
        let saved: SavedReport
        do {
            saved = try JSONRenderer().decode(data)
        } catch {
            // The library speaks of a saved report; on the command line it is the file `inflow project --output` writes.
            guard case .malformed = error else { throw CommandFailure("\(results): \(error)") }
            throw CommandFailure("\(results): \(error) Saved results are the file inflow project --output writes.")
        }
        let text = report.hasSuffix(".md") ? MarkdownRenderer().render(saved.document) : HTMLRenderer().render(saved.document)
        outputs.set(text, for: report)
        try outputs.commit()
    }
}
