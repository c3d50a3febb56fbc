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
        let analysis = try Analysis.run(data: loaded, models: models, run: projection, quiet: output.quiet)
        let timeZone = data.loadOptions.timeZone
        let writer = AtomicFileWriter(protecting: [data.url], flag: "--report")
        switch output.format {
        case .table:
            print(ProjectionText.render(analysis, timeZone: timeZone, run: projection))
        case .csv:
            print(HubCSV.render(analysis, timeZone: timeZone), terminator: "")
        case .json:
            print(try ResultsJSON.encode(analysis, run: projection, models: models, timeZone: timeZone, version: InflowCommand.version))
        }
        if let path = output.output {
            let json = try ResultsJSON.encode(analysis, run: projection, models: models, timeZone: timeZone, version: InflowCommand.version)
            try writer.write(json + "\n", to: URL(fileURLWithPath: path), name: path)
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
        if let path = output.report {
            let text = try ReportOutput.render(analysis, run: projection, models: models, timeZone: timeZone,
                                               markdown: path.hasSuffix(".md"))
            try writer.write(text, to: URL(fileURLWithPath: path), name: path)
            FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
        }
    }
}
