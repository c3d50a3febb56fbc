// MARK: - January 2026: Indonesians released from Cambodian scam compounds
//
// Between 16 and 24 January 2026, 2,277 Indonesians reported to their embassy in Phnom Penh after
// Cambodia's crackdown on online-scam compounds, up to 500 in a day. The embassy said many more would
// come from the provinces. This notebook reproduces the analysis of the published figures: it compares
// curve families, backtests them on the days the crisis team actually had, projects 30 days and writes a
// report. Run it with `swift run -c release january-2026-surge` (add `--quick` for fewer replicates).

import Foundation
import Inflow

let quick = CommandLine.arguments.contains("--quick")
let replicates = quick ? 100 : 1000
let seed: UInt64 = 20260116
let output = URL(fileURLWithPath: "Notebooks/out", isDirectory: true)

// MARK: - The figures as published
//
// Cumulative totals at irregular times: most reports at the end of a day, one at 21:00 and one cut at 17:00.
// Each difference between two reports is an interval count: the integral of the inflow rate over that interval.

let dataset = BundledDataset.defaultDataset
let data = try dataset.load()
let series = data.series[0]
let observations = series.prepared()
print("# \(dataset.title)")
for line in dataset.provenance.prefix(3) { print("> \(line)") }
print("")
print("interval (days since 16 Jan 00:00)   arrivals   per day")
for interval in observations.intervals {
    print(String(format: "(%5.2f, %5.2f]                         %6.0f   %6.1f",
                 interval.start, interval.end, interval.count, interval.count / interval.length))
}

// MARK: - Which curve describes the surge?
//
// Every family is fitted with negative-binomial errors (the counts are far more variable than Poisson: the
// Poisson fits' Pearson chi-square is dozens of times its degrees of freedom). AICc compares them because
// every likelihood keeps its constants.

var fits: [CurveFit] = []
print("\n## Model comparison (NB2 errors)\n")
func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
print("family                status             AICc   final size [95% profile interval]")
for family in CurveFamilies.all {
    let fit = try family.fit(series, error: .negativeBinomial)
    let size = fit.finalSize()
    let status: String
    switch fit.status {
    case .converged: status = "converged"
    case .notConverged: status = "not converged"
    case .nonIdentifiable: status = "not identifiable"
    case .failed: status = "failed"
    }
    print(padded(family.name, 22) + padded(status, 17) + String(format: "%7.2f   %8.0f [%.0f, %.0f]",
                 fit.aicc ?? .nan, size.value, size.lower, size.upper))
    // The ensemble answers "how many more": only converged families that level off enter it
    // (exponential growth fits the decline here with r < 0, but its bootstrap refits can turn upward).
    if fit.status.isConverged && family.isBounded { fits.append(fit) }
}
print("\nThe ensemble uses the converged families that level off: \(fits.map(\.family.name).joined(separator: ", ")).")
let weights = Ensemble.akaikeWeights(fits.map(\.aicc))

// MARK: - Would these models have helped on the day?
//
// Rolling origins from 19 to 23 January: fit on the reports available that evening, project a week, and
// score the totals that were then published. Early origins have only three or four reports, fewer than some
// families have parameters; those are skipped and said so.

print("\n## Backtest, origins 2026-01-19 .. 2026-01-23 (horizon 7 days)\n")
let origins = series.times.enumerated().filter { $0.offset >= 2 && $0.offset <= 6 }.map(\.element)
var backtest = BacktestResult()
for fit in fits {
    let result = Backtest.run(fit.family, error: .negativeBinomial, series: series,
                              options: BacktestOptions(origins: origins, horizon: 7, replicates: quick ? 60 : 400, seed: seed))
    backtest.scores += result.scores
    backtest.skipped += result.skipped
}
print("model                                forecasts       WIS  50% cov.  90% cov.")
for summary in backtest.overall() {
    print(padded(summary.model, 36) + String(format: "%10d %9.1f %9.2f %9.2f", summary.forecasts, summary.wis,
                                             summary.coverage50, summary.coverage90))
}
for skipped in backtest.skipped { print("  skipped \(skipped.model) at \(skipped.origin): \(skipped.reason)") }

// MARK: - How many more, and when?
//
// A parametric bootstrap per family (refits from data simulated under each fit, then new counts drawn around
// each refit), combined with Akaike weights. The first projected period is the remainder of 24 January.

var projections: [String: Projection] = [:]
var members: [Projection] = []
for (index, fit) in fits.enumerated() {
    let projection = try CurveProjector.project(
        fit, options: ProjectionOptions(horizon: 30, replicates: replicates, seed: seed, seriesIndex: index))
    projections[ReportInput.modelLabel(fit)] = projection
    members.append(projection)
}
let ensemble = Ensemble.combine(members, weights: weights, label: "ensemble (AICc weights)")
projections[ensemble.model] = ensemble
let week = ensemble.arrivals(overFirst: 7)
let month = ensemble.arrivals(overFirst: 30)
let remaining = ensemble.remainingNow()
print("\n## Projection: \(ensemble.model), \(ensemble.replicates) replicates, seed \(seed)\n")
for (label, summary) in [("next 7 days", week), ("next 30 days", month), ("remaining pool", remaining)] {
    let (lower, upper) = summary.interval(0.9)!
    print(padded(label, 16) + String(format: "median %6.0f   90%% interval [%.0f, %.0f]", summary.median, lower, upper))
}

// MARK: - The report
//
// One self-contained HTML file (inline CSS and SVG, no network) with the charts, the comparison, the backtest,
// diagnostics, provenance and method, written atomically under Notebooks/out/.

let input = ReportInput(
    datasetName: dataset.name, provenance: dataset.provenance, dataSource: dataset.fileName, observed: series,
    fits: fits, modelWeights: Dictionary(uniqueKeysWithValues: zip(fits.map(ReportInput.modelLabel), weights)),
    ensembleMethod: "aicc", projections: projections, headlineProjection: ensemble.model, backtest: backtest,
    seed: seed, replicates: replicates, horizon: 30, toolVersion: "january-2026-surge notebook",
    timeZone: dataset.options.timeZone)
let html = HTMLRenderer().render(ReportBuilder(input).document())
let reportURL = output.appendingPathComponent("january-2026-surge.html")
try AtomicFileWriter(protecting: [dataset.url]).write(html, to: reportURL)
print("\nwrote \(reportURL.path)")
