import ArgumentParser
import Foundation
import Inflow

/// `inflow project`: fit, weigh, project, and print (and optionally write) the result.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Fit the curve families, combine them, and project arrivals with intervals.",
        discussion: """
            Prints expected arrivals per day, the cumulative total and the remaining pool with 50% and 90% \
            intervals. Intervals are for new counts (parameter uncertainty and observation noise both).
            """)

    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Models") var models: ModelOptions
    @OptionGroup(title: "Projection") var projection: RunOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let loaded = try data.load()
        let options = projection.applied(to: try models.analysisOptions())
        let progress = Progress(quiet: output.quiet)
        let analysis: AnalysisResult
        do {
            analysis = try Analysis.run(loaded, options: options) { progress.update($0) }
        } catch {
            progress.finish()
            throw CommandFailure("\(error)")
        }
        progress.finish()
        let timeZone = data.loadOptions.timeZone
        let writer = AtomicFileWriter(protecting: [data.url], flag: "--report")
        switch output.format {
        case .table:
            print(ProjectionText.render(analysis, timeZone: timeZone))
        case .csv:
            print(HubTable(rows: ReportOutput.hubRows(analysis, timeZone: timeZone)).csv(), terminator: "")
        case .json:
            print(try ReportOutput.json(analysis, timeZone: timeZone))
        }
        if let path = output.output {
            let json = try ReportOutput.json(analysis, timeZone: timeZone)
            try writer.write(json + "\n", to: URL(fileURLWithPath: path), name: path)
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
        if let path = output.report {
            let text = ReportOutput.render(analysis, timeZone: timeZone, markdown: path.hasSuffix(".md"))
            try writer.write(text, to: URL(fileURLWithPath: path), name: path)
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
    }
}
