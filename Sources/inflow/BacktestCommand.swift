import ArgumentParser
import Foundation
import Inflow

/// `inflow backtest`: rolling-origin evaluation with scores per family and horizon.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Fit on the data up to each origin, project, and score what followed.",
        discussion: "Scores: weighted interval score (WIS), CRPS, absolute error of the median, bias, and 50/90% coverage.")

    @OptionGroup(title: "Data") var data: DataOptions
    @OptionGroup(title: "Models") var models: ModelOptions

    @Option(name: .long, help: ArgumentHelp("Days after each origin that are scored.", valueName: "days"))
    var horizon: Int = 7

    @Option(name: .long, help: ArgumentHelp("Bootstrap replicates per projection.", valueName: "B"))
    var bootstrap: Int = 400

    @Option(name: .long, help: ArgumentHelp("Seed.", valueName: "N"))
    var seed: UInt64 = 20260116

    @Option(name: .long, help: ArgumentHelp("Threads.", valueName: "N"))
    var threads: Int = 2

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Origins as dates (the last report on or before each date's end is used); default: every report with enough data before it.",
        valueName: "date"))
    var origin: [String] = []

    @Flag(name: .long, inversion: .prefixedNo, help: "Also rerun the whole pipeline at each origin and score its ensemble.")
    var ensemble = true

    @Flag(name: .long, help: "No progress bar.")
    var quiet = false

    func validate() throws {
        guard horizon >= 1 && horizon <= 365 else { throw ValidationError("--horizon must be between 1 and 365 days (got \(horizon)).") }
        guard bootstrap >= 20 else { throw ValidationError("--bootstrap must be at least 20 (got \(bootstrap)).") }
        for text in origin where Self.parseDay(text) == nil {
            throw ValidationError("--origin takes dates such as 2026-01-19 (got '\(text)').")
        }
    }

    /// The civil day of a `yyyy-MM-dd` date.
    static func parseDay(_ text: String) -> CivilDate? {
        guard let parsed = ParsedTime(text), parsed.dateOnly else { return nil }
        return CivilDate(daysSinceEpoch: parsed.day)
    }

    func run() throws {
        let loaded = try data.load()
        let series = loaded.total ?? loaded.series[0]
        let timeZone = data.loadOptions.timeZone
        var origins: [Date]?
        if !origin.isEmpty {
            origins = origin.compactMap { text -> Date? in
                let start = TimeText.startOfDay(Self.parseDay(text)!, in: timeZone)
                let end = start.addingTimeInterval(86_400)
                return series.times.filter { $0 < end }.max()
            }
        }
        var options = try models.analysisOptions()
        options.backtestOrigins = origins
        options.backtestHorizon = horizon
        options.horizon = max(options.horizon, horizon)
        options.backtestReplicates = bootstrap
        options.seed = seed
        options.threads = threads
        options.includesRetrospective = ensemble
        let progress = Progress(quiet: quiet)
        let result: BacktestResult
        do {
            result = try Analysis.backtest(loaded, options: options) { progress.update($0) }.scores
        } catch {
            progress.finish()
            throw CommandHints.failure(error)
        }
        progress.finish()
        print("\(series.name): rolling-origin backtest, horizon \(horizon) days, \(bootstrap) replicates, seed \(seed)")
        var table = TextTable(["model", "forecasts", "WIS", "CRPS", "abs. error", "bias", "50% cov.", "90% cov."])
        for summary in result.overall() {
            table.add([summary.model.isEnsemble ? "ensemble (the pipeline then)" : summary.model.description, String(summary.forecasts), Formatting.number(summary.wis), Formatting.number(summary.crps),
                       Formatting.number(summary.absoluteError), String(format: "%.2f", summary.bias),
                       String(format: "%.2f", summary.coverage50), String(format: "%.2f", summary.coverage90)])
        }
        print(table.render())
        print("")
        var byHorizon = TextTable(["model", "horizon (days)", "forecasts", "WIS", "90% cov."])
        for summary in result.byHorizon() {
            byHorizon.add([summary.model.isEnsemble ? "ensemble" : summary.model.description, String(summary.horizon ?? 0), String(summary.forecasts), Formatting.number(summary.wis),
                           String(format: "%.2f", summary.coverage90)])
        }
        print(byHorizon.render())
        if !result.skipped.isEmpty {
            print("")
            print("Skipped")
            for skip in result.skipped {
                print("  - \(skip.model.description) at \(Formatting.date(skip.origin, timeZone: timeZone, withTime: true)): \(skip.reason)")
            }
        }
    }
}
