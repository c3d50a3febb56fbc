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
    @OptionGroup(title: "Forecast archive") var archive: ArchiveOptions

    func run() throws {
        if let shard = projection.parsedShard {
            try runShard(shard)
            return
        }
        var outputs = OutputFiles(protecting: [data.url] + provinces.inputPaths.map { URL(fileURLWithPath: $0) })
        try outputs.plan(output.output, flag: "--output")
        try outputs.plan(output.report, flag: "--report")
        let openedArchive = try archive.open(data: data)
        let loaded = try data.load()
        var options = projection.applied(to: try models.analysisOptions())
        options.provincial = try provinces.model(timeZone: data.loadOptions.timeZone)
        let progress = Progress(quiet: output.quiet)
        let analysis: AnalysisResult
        do {
            analysis = try Analysis.run(loaded, options: options) { progress.update($0) }
        } catch {
            progress.finish()
            throw CommandHints.failure(error)
        }
        progress.finish()
        let timeZone = data.loadOptions.timeZone
        switch output.format {
        case .table:
            print(ProjectionText.render(analysis, timeZone: timeZone))
        case .csv:
            print(HubTable(rows: analysis.hubRows(timeZone: timeZone)).csv(), terminator: "")
        case .json:
            print(try ReportOutput.json(analysis, timeZone: timeZone))
        }
        if output.output != nil {
            outputs.set(try ReportOutput.json(analysis, timeZone: timeZone) + "\n", for: output.output)
        }
        if let path = output.report {
            // With an archive, its earlier runs (not this one) scored against these figures.
            let archiveScores = openedArchive.map { ArchiveScorer.score($0.list(), newer: loaded) }
            outputs.set(ReportOutput.render(analysis, timeZone: timeZone, markdown: path.hasSuffix(".md"),
                                            archiveScores: archiveScores), for: path)
        }
        try outputs.commit()
        if let openedArchive {
            try archive.record(analysis, in: openedArchive, data: data, results: try ReportOutput.json(analysis, timeZone: timeZone) + "\n",
                               timeZone: timeZone)
        }
    }

    /// `--shard k/n`: the keys of one shard, each an independent series, read and analysed one at a time;
    /// hub rows on standard output (the header once, then each key's rows as it is done).
    func runShard(_ shard: Shard) throws {
        guard output.format == .csv else { throw CommandFailure("--shard writes hub rows: add --format csv.") }
        guard output.report == nil, output.output == nil, provinces.by == nil, archive.archive == nil else {
            throw CommandFailure("--shard writes hub rows only: leave out --report, --output, --by and --archive (run those without --shard).")
        }
        guard !data.keyColumns.isEmpty else {
            throw CommandFailure("--shard splits a file by key: name the key column with --key-column.")
        }
        let options = projection.applied(to: try models.analysisOptions())
        let timeZone = data.loadOptions.timeZone
        let groups: KeyGroupReader
        do {
            groups = try KeyGroupReader(reader: try data.reader(), options: data.loadOptions, shard: shard)
        } catch let error as DataError {
            throw CommandHints.failure(error)
        }
        // Rows go out as each key is done (stdout is fully buffered when piped); a failure exits non-zero, so a
        // caller never takes a partial table for a whole one.
        print(HubRow.header.map(HubTable.field).joined(separator: ","))
        do {
            try ShardedAnalysis.run(groups, options: options) { group, result in
                let rows = result.total.headline.hubRows(location: ShardedAnalysis.location(of: group.key), timeZone: timeZone)
                print(HubTable(rows: rows).csvLines(), terminator: "")
            }
        } catch let error as DataError {
            throw CommandHints.failure(error)
        } catch let error as AnalysisError {
            throw CommandHints.failure(error)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
