// MARK: - January 2026: Indonesians released from Cambodian scam compounds
//
// Between 16 and 24 January 2026, 2,277 Indonesians reported to their embassy in Phnom Penh after
// Cambodia's crackdown on online-scam compounds, up to 600 in a day. The embassy said many more would
// come from the provinces. This notebook reproduces the analysis of the published figures with the same
// pipeline as `inflow project` (`Analysis.run`): it compares curve families, backtests them on the days the
// crisis team actually had, projects 30 days and writes a report.
//
// Run it with `swift run -c release january-2026-surge` (`--quick` for fewer replicates, `--output DIR` to
// write somewhere else than `Notebooks/out/`, `--help` for this text). Beside the HTML report it writes its
// charts as SVG files and its tables as CSV, through the library's public API (`Chart`, `ReportTable.csv()`).

import Foundation
import Inflow

let usage = """
    usage: january-2026-surge [--quick] [--output DIR]

      --quick        100 bootstrap replicates instead of 1,000 (for tests)
      --output DIR   where the report, its charts (SVG) and tables (CSV) go (default: Notebooks/out/ beside
                     this notebook, wherever it is run from)
      --help         this text
    """
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
var output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("out", isDirectory: true)
if let index = arguments.firstIndex(of: "--output") {
    guard index + 1 < arguments.count else {
        FileHandle.standardError.write(Data("--output needs a directory\n\(usage)\n".utf8))
        exit(64)
    }
    output = URL(fileURLWithPath: arguments[index + 1], isDirectory: true)
}
for argument in arguments where argument.hasPrefix("-") && !["--quick", "--output"].contains(argument) {
    FileHandle.standardError.write(Data("unknown option \(argument)\n\(usage)\n".utf8))
    exit(64)
}
let quick = arguments.contains("--quick")

// MARK: - The figures as published
//
// Cumulative totals at irregular times: most reports at the end of a day, one at 21:00 and one cut at 17:00.
// Each difference between two reports is an interval count: the integral of the inflow rate over that interval.

let dataset = BundledDataset.defaultDataset
let data = try dataset.load()
let series = data.series[0]
// The series keeps the data's time zone (UTC+7, the embassy's clock): every date below is a local one.
let timeZone = series.timeZone
func local(_ day: Double) -> String {
    series.localText(series.date(atDay: day)).replacingOccurrences(of: "T", with: " ")
}
print("# \(dataset.title)")
for line in dataset.provenance.prefix(3) { print("> \(line)") }
print("")
print("interval (local time, UTC\(TimeText.offset(timeZone.secondsFromGMT())))            arrivals   per day")
for interval in series.prepared().intervals {
    print("\(local(interval.start)) – \(local(interval.end))" + String(
        format: "   %6.0f   %6.1f", interval.count, interval.count / interval.length))
}

// MARK: - Which curve describes the surge, and how many more?
//
// The pipeline of `inflow project`: every default family with negative-binomial errors (the counts are far
// more variable than Poisson), the same rule for which fits enter the ensemble (families that level off and
// reached an optimum), a parametric bootstrap per family, combined with Akaike weights.

var options = AnalysisOptions()
options.replicates = quick ? 100 : 1000
let result = try Analysis.run(data, options: options)
let total = result.total

print("\n## Model comparison (NB2 errors)\n")
func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
// AICc does not exist for every fit: its correction divides by n - k - 1, so a family that estimates as many
// quantities as there are reports less one (two waves with theta: 7 for 8 reports) has none. The table says
// `n/a` and the note below it says why (`aiccUnavailableReason`); such a fit gets no Akaike weight. Statuses
// other than converged are spelled out under the table too.
func statusLabel(_ status: FitStatus) -> String {
    switch status {
    case .converged: "converged"
    case .notConverged: "not converged"
    case .nonIdentifiable: "not identifiable"
    case .failed: "failed"
    }
}
print("family                status                AICc   weight")
var notes: [String] = []
for fit in total.fits {
    let aicc = fit.aicc.map { String(format: "%7.2f", $0) } ?? "   n/a*"
    print(padded(fit.family.name, 22) + padded(statusLabel(fit.status), 18) + aicc
          + String(format: "   %6.3f", total.weights[fit.id]))
    if let reason = fit.aiccUnavailableReason { notes.append("* \(fit.family.name): \(reason).") }
    if !fit.status.isConverged { notes.append("  \(fit.family.name): \(fit.status).") }
}
for failure in total.failures { print(padded(failure.model.family, 22) + "not fitted: \(failure.reason)") }
if !notes.isEmpty { print(""); notes.forEach { print($0) } }

let headline = total.headline
let week = headline.arrivals(overFirst: 7)
let month = headline.arrivals(overFirst: 30)
print("\n## Projection: \(options.ensemble), \(headline.replicates) replicates, seed \(options.seed)\n")
// Days are the data's local days: the projection keeps the series' time zone (`Projection.day(_:)`).
print("last report \(series.localText(series.times.last!)) local time; periods from \(headline.day(0).text) to "
      + "\(headline.day(headline.periods - 1).text)\n")
for (label, periods, summary) in [("next 7 days", 7, week), ("next 30 days", 30, month)] {
    let (lower, upper) = summary.interval(0.9)!
    print(padded("\(label) (to \(headline.day(min(periods, headline.periods) - 1).text))", 30)
          + String(format: "median %6.0f   90%% interval [%.0f, %.0f]", summary.median, lower, upper))
}

// MARK: - Would these models have helped on the day?
//
// Rolling origins: fit on the reports available at each one, project a week, and score the totals that were
// then published. Early origins have only three or four reports, fewer than some families have parameters;
// those are skipped and said so.

print("\n## Backtest (horizon 7 days)\n")
var backtest = BacktestResult()
for fit in total.fits where Analysis.isEnsembleMember(fit) {
    let one = Backtest.run(fit.family, error: fit.error, series: series, fitOptions: fit.options,
                           options: BacktestOptions(horizon: 7, replicates: quick ? 60 : 400, seed: options.seed))
    backtest.scores += one.scores
    backtest.skipped += one.skipped
}
print("model                                forecasts       WIS  50% cov.  90% cov.")
for summary in backtest.overall() {
    print(padded(summary.model.description, 36) + String(format: "%10d %9.1f %9.2f %9.2f", summary.forecasts,
                                                         summary.wis, summary.coverage50, summary.coverage90))
}
for skipped in backtest.skipped {
    print("  skipped \(skipped.model) at \(TimeText.text(skipped.origin, in: timeZone)): \(skipped.reason)")
}

// MARK: - The report
//
// One self-contained HTML file (inline CSS and SVG, no network) with the charts, the comparison, the backtest,
// diagnostics, provenance and method, written atomically.

var input = ReportInput(analysis: result, toolVersion: "january-2026-surge notebook")
input.backtest = backtest
let builder = ReportBuilder(input)
let html = HTMLRenderer().render(builder.document())
let writer = AtomicFileWriter(protecting: [dataset.url])
let reportURL = output.appendingPathComponent("january-2026-surge.html")
try writer.write(html, to: reportURL)
var written = [reportURL]

// MARK: - Charts and tables beside the report
//
// The report's charts, one standalone SVG file each (`Chart.fit`, `Chart.cumulative`: they open in a browser
// and go into slides and papers as they are), and the tables as CSV with unrounded numbers for other tools:
// the models (AICc, weight), the projection in hubverse format (`CSVRenderer`) and the backtest.

let directory = output
func file(_ suffix: String) -> URL { directory.appendingPathComponent("january-2026-surge-\(suffix)") }
try Chart.fit(total).write(to: file("daily.svg"), protecting: [dataset.url])
try Chart.cumulative(total).write(to: file("cumulative.svg"), protecting: [dataset.url])
written += [file("daily.svg"), file("cumulative.svg")]

let modelTable = ReportTable(
    header: ["model", "family", "error", "status", "aicc", "aicc_note", "weight"],
    rows: total.fits.map { fit in
        [fit.id.description, fit.family.name, fit.error.rawValue, fit.status.description,
         fit.aicc.map { String($0) } ?? "NA", fit.aiccUnavailableReason ?? "", String(total.weights[fit.id])]
    } + total.failures.map { [$0.model.description, $0.model.family, $0.model.error.rawValue, "not fitted: \($0.reason)", "NA", "", "0"] })
let backtestTable = ReportTable(
    header: ["model", "forecasts", "wis", "coverage_50", "coverage_90"],
    rows: backtest.overall().map { [$0.model.description, String($0.forecasts), String($0.wis), String($0.coverage50), String($0.coverage90)] })
try writer.write(modelTable.csv(), to: file("models.csv"))
try writer.write(CSVRenderer().hubTable(builder.forecasts()), to: file("forecasts.csv"))
try writer.write(backtestTable.csv(), to: file("backtest.csv"))
written += [file("models.csv"), file("forecasts.csv"), file("backtest.csv")]
print("")
for url in written { print("wrote \(url.path)") }
