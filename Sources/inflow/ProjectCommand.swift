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
    @OptionGroup(title: "Provinces") var provinces: ProvinceOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        var outputs = OutputFiles(protecting: [data.url] + provinces.inputPaths.map { URL(fileURLWithPath: $0) })
        try outputs.plan(output.output, flag: "--output")
        try outputs.plan(output.report, flag: "--report")
        let loaded = try data.load()
        var options = projection.applied(to: try models.analysisOptions())
        options.provincial = try provinces.model(timeZone: data.loadOptions.timeZone)
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
        switch output.format {
        case .table:
            print(ProjectionText.render(analysis, timeZone: timeZone))
        case .csv:
            print(HubTable(rows: ReportOutput.hubRows(analysis, timeZone: timeZone)).csv(), terminator: "")
        case .json:
            print(try ReportOutput.json(analysis, timeZone: timeZone))
        }
        if output.output != nil {
            outputs.set(try ReportOutput.json(analysis, timeZone: timeZone) + "\n", for: output.output)
        }
        if let path = output.report {
            outputs.set(ReportOutput.render(analysis, timeZone: timeZone, markdown: path.hasSuffix(".md")), for: path)
        }
        try outputs.commit()
    }
}
