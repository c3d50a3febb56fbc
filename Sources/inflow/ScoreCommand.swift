import ArgumentParser
import Foundation
import Inflow

/// `inflow score --archive DIR --data newer.csv`: every archived projection against the figures published since.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every projection in a forecast archive against newer figures.",
        discussion: """
            Each archived forecast (a location, a target, a day) is scored against what the newer file says about \
            that day: the weighted interval score (WIS) with its parts, the absolute error of the median, coverage of \
            the 50, 90 and 95% intervals, PIT and bias. A figure that only bounds the truth ('more than N', a partial \
            day) is scored with the censored WIS (the forecast of min(Y, N) against N). Days after the newer file's \
            last figure are pending. Figures the runs were fitted to that the newer file gives differently are \
            reported as corrections; scores always use the newer figures. The archive is only read.
            """)

    @Option(name: .long, help: ArgumentHelp("The forecast archive (written by 'inflow project --archive').", valueName: "dir"))
    var archive: String

    /// The newer figures; times without an offset are read in the archived runs' time zone unless --time-zone is given.
    @OptionGroup(title: "Newer figures") var data: DataOptions

    @Option(name: .long, help: ArgumentHelp("Standard output: table, or csv (one row per scored target, hubverse evaluation columns).",
                                            valueName: "format"))
    var format: ScoreFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write the scores as CSV (hubverse evaluation columns).", valueName: "path"))
    var output: String?

    @Option(name: .customLong("target-data"), help: ArgumentHelp(
        "Write the exact truths as hubverse time-series target data (target_end_date, target, location, observation).",
        valueName: "path"))
    var targetData: String?

    @Option(name: .long, help: ArgumentHelp("Write a report of the archived projections against what happened (.html or .md).",
                                            valueName: "path"))
    var report: String?

    func validate() throws {
        if let report, !(report.hasSuffix(".html") || report.hasSuffix(".htm") || report.hasSuffix(".md")) {
            throw ValidationError("--report must end in .html or .md (got '\(report)').")
        }
        for (flag, path) in [("--output", output), ("--target-data", targetData)] {
            if let path, !path.hasSuffix(".csv") { throw ValidationError("\(flag) must end in .csv (got '\(path)').") }
        }
    }

    func run() throws {
        let archiveURL = URL(fileURLWithPath: archive)
        var outputs = OutputFiles(protecting: [data.url, archiveURL])
        for (path, flag) in [(output, "--output"), (targetData, "--target-data"), (report, "--report")] {
            if let path, URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(archiveURL.standardizedFileURL.path + "/") {
                throw CommandFailure("\(flag): \(path) is inside the archive; score never writes into an archive.")
            }
            try outputs.plan(path, flag: flag)
        }
        let listing: ArchiveListing
        do {
            listing = try ForecastArchive.open(at: archiveURL).list()
        } catch let error as ArchiveError {
            throw CommandFailure("--archive: \(error)")
        }
        // Times without an offset are read in the archived runs' time zone unless --time-zone says otherwise.
        var newerData = data
        // A run kept with an IANA zone (Asia/Phnom_Penh) gives its zone, one kept with a fixed offset its offset.
        if newerData.timeZone == nil, newerData.bundled == nil, let run = listing.runs.last {
            let seconds = run.metadata.utcOffsetSeconds
            newerData.timeZone = ParsedTime.timeZone(run.metadata.timeZone) != nil ? run.metadata.timeZone
                : String(format: "%@%02d:%02d", seconds < 0 ? "-" : "+", abs(seconds) / 3600, abs(seconds) % 3600 / 60)
        }
        let newer = try newerData.load()
        let scores = ArchiveScorer.score(listing, newer: newer)
        for warning in scores.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        switch format {
        case .table: print(ScoreText.render(scores, archive: archive))
        case .csv: print(EvaluationTable.scores(scores), terminator: "")
        }
        outputs.set(EvaluationTable.scores(scores), for: output)
        outputs.set(EvaluationTable.targetData(scores), for: targetData)
        if let report {
            let document = ArchiveReport.document(scores, datasetName: data.displayName, toolVersion: "inflow \(InflowCommand.version)",
                                                  generatedAt: ReportOutput.runDate())
            outputs.set(report.hasSuffix(".md") ? MarkdownRenderer().render(document) : HTMLRenderer().render(document), for: report)
        }
        try outputs.commit()
    }
}

enum ScoreFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv
}
