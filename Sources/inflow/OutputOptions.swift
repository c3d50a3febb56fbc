import ArgumentParser
import Foundation

/// What to print and where to write.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Standard output format: table, json or csv (forecast-hub columns).", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write a report: .html (self-contained) or .md.", valueName: "path"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Write the results as JSON (read back by 'inflow report').", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if let report, !(report.hasSuffix(".html") || report.hasSuffix(".htm") || report.hasSuffix(".md")) {
            throw ValidationError("--report must end in .html or .md (got '\(report)').")
        }
        if let output, !output.hasSuffix(".json") {
            throw ValidationError("--output must end in .json (got '\(output)').")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
