// MARK: - Scoring past projections: what the forecasts of January 2026 would have earned
//
// A projection is worth what it says about days nobody had seen yet. The only honest test is to keep each
// projection as it was made and to score it when the figures for its days come out. This notebook does that for
// the January 2026 surge, with the figures a forecaster had on each day: from every report of the bundled file
// from the sixth on (22 January, the 17:00 cut of 23 January, 24 January), it runs the pipeline of
// `inflow project` (`Analysis.run`) on the reports published until then, keeps the run in a forecast archive
// (`ForecastArchive`, what `inflow project --archive DIR` writes), and then scores the archive (`ArchiveScorer`,
// what `inflow score --archive DIR --data newer.csv` does): first against the complete bundled file, then against
// `Examples/bounds/kbri-with-bounds.csv`, the same figures with the 17:00 report marked as a partial day and an
// invented "more than 3,100" two days later.
//
// Run it with `swift run -c release scoring-past-projections` (`--quick` for fewer replicates, `--output DIR` to
// write somewhere else than `Notebooks/out/`, `--help` for this text). It writes the archive
// (`scoring-past-projections-archive/`, removed and rebuilt at every run), the score report
// (`scoring-past-projections.html`) and the scores as hubverse evaluation CSV beside it.

import Foundation
import Inflow

let usage = """
    usage: scoring-past-projections [--quick] [--output DIR]

      --quick        200 bootstrap replicates instead of 1,000, 50 per backtest projection, no retrospective
                     or sensitivity runs (for tests)
      --output DIR   where the archive, report, CSV files and charts (SVG) go (default: Notebooks/out/ beside
                     this notebook, wherever it is run from)
      --help         this text
    """
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(message)\n\(usage)\n".utf8))
    exit(64)
}
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
var quick = false
let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
var output = notebooks.appendingPathComponent("out", isDirectory: true)
var position = 0
while position < arguments.count {
    switch arguments[position] {
    case "--quick":
        quick = true
    case "--output":
        guard position + 1 < arguments.count, !arguments[position + 1].hasPrefix("--") else { fail("--output needs a directory") }
        output = URL(fileURLWithPath: arguments[position + 1], isDirectory: true)
        position += 1
    default:
        fail("unknown option \(arguments[position])")
    }
    position += 1
}

// Formatting: counts with thousands separators, times as the embassy's calendar reads them (UTC+7), and
// plain-text tables with right-aligned numbers.

let dataset = BundledDataset.defaultDataset
let timeZone = dataset.options.timeZone
let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

func count(_ value: Double) -> String { value.isFinite ? CountText.grouped(Int64(value.rounded())) : "n/a" }
func number(_ value: Double) -> String { value.isFinite ? String(format: value.magnitude < 10 ? "%.2f" : "%.1f", value) : "n/a" }
func percent(_ value: Double) -> String { value.isFinite ? String(format: "%.0f%%", 100 * value) : "n/a" }
func dateTime(_ date: Date) -> String {
    let civil = TimeText.civil(date, in: timeZone)
    return "\(civil.date.day) \(monthNames[civil.date.month - 1])" + String(format: " %02d:%02d", civil.hour, civil.minute)
}
func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

struct TextTable {
    var header: [String]
    var leftColumns: Set<Int> = [0]
    var rows: [[String]] = []

    init(_ header: [String], left: Set<Int> = [0]) {
        self.header = header
        leftColumns = left
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - cells[column].count)
                return leftColumns.contains(column) ? cells[column] + pad : pad + cells[column]
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

// MARK: - 1. The origins: what a forecaster knew on each day
//
// The bundled file holds eight cumulative totals. A forecaster on 22 January had the first six; on the evening of
// 23 January, seven (the last one cut at 17:00); on 24 January, all eight. The notebook rebuilds each of those
// files as it then stood (the comment lines, the header and the first N rows, byte for byte what
// `head` would give), loads it with the bundled dataset's options, and checks that it holds exactly the figures
// `InflowSeries.prefix(through:)` keeps of the full series. The archive identifies each run's input by the
// SHA-256 of those bytes, so the run can be traced to the file it read.
//
// Each run is dated nine hours after its last report, a fixed time rather than the clock's, so the archive's run identities (time of the run and the first digits of its forecasts'
// SHA-256) are the same at every run of this notebook.

let full = try dataset.load()
let fullSeries = full.series[0]
let fullText = try String(contentsOf: dataset.url, encoding: .utf8)
let fileLines = fullText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
guard let headerLine = fileLines.firstIndex(where: { !$0.hasPrefix("#") }) else { fatalError("the bundled file has no header") }
let loader = SeriesLoader(options: dataset.options, now: .distantFuture)
let firstOrigin = 6

struct Origin {
    var reports: Int
    var time: Date
    var createdAt: Date
    var text: String
    var data: LoadedData
}

var origins: [Origin] = []
for reports in firstOrigin...fullSeries.count {
    let text = fileLines[...(headerLine + reports)].joined(separator: "\n") + "\n"
    var data = try loader.load(csv: text, name: dataset.fileName)
    data.series[0].name = dataset.seriesName
    let time = fullSeries.times[reports - 1]
    let known = fullSeries.prefix(through: time)
    guard data.series[0].times == known.times, data.series[0].values == known.values,
          data.series[0].figureKinds == known.figureKinds else {
        fatalError("the first \(reports) rows do not hold the figures published up to \(dateTime(time))")
    }
    origins.append(Origin(reports: reports, time: time, createdAt: time.addingTimeInterval(9 * 3600), text: text, data: data))
}

print("# Scoring past projections: the January 2026 surge")
for line in dataset.provenance.prefix(2) { print("> \(line)") }
print("\n## 1. The origins\n")
var originTable = TextTable(["origin: last report (UTC+07:00)", "reports", "cumulative", "run dated", "input SHA-256"])
for origin in origins {
    originTable.add([dateTime(origin.time), String(origin.reports), count(origin.data.series[0].values.last!! ),
                     dateTime(origin.createdAt), String(ArchiveInput(name: "", bytes: Array(origin.text.utf8)).sha256.prefix(12))])
}
print(originTable.render())
print("\nEach prefix holds the same figures as InflowSeries.prefix(through:) of the full series (checked).")

// MARK: - 2. Projecting from each origin, and archiving the run
//
// Each origin gets the pipeline of `inflow project` with its defaults: the seven default families with
// negative-binomial errors and the file's stated background (20 to 25 a day), weighed by stacking when the
// data leave at least three backtest origins (AICc weights otherwise, and the run records which), projected 30
// days by parametric bootstrap with seed 20260116. The archive keeps what `inflow project --archive` keeps: the
// hub table (hubverse model output with a `model_id` column, named `<reference date>-inflow-ensemble.csv`), the
// saved results (`results.json`, which `inflow report` reads) and the metadata (input name and SHA-256, options,
// models and weights, seed, time of the run, the figures fitted), written into a staging directory and renamed
// into place. The archive folder is this notebook's own: it is removed and rebuilt at every run (and only if it
// is an archive or empty).

var options = AnalysisOptions()
options.replicates = quick ? 200 : 1000
if quick {
    options.backtestReplicates = 50
    options.includesRetrospective = false
    options.includesSensitivity = false
}
let toolVersion = "inflow \(InflowVersion.current) (scoring-past-projections notebook)"
let archiveURL = output.appendingPathComponent("scoring-past-projections-archive", isDirectory: true)
let manager = FileManager.default
if manager.fileExists(atPath: archiveURL.path) {
    let contents = (try? manager.contentsOfDirectory(atPath: archiveURL.path)) ?? []
    guard contents.isEmpty || contents.contains(ForecastArchive.markerName) else {
        fatalError("\(archiveURL.path) exists and is not a forecast archive; it is left alone (move it, or use --output)")
    }
    try manager.removeItem(at: archiveURL)
}
let archive = try ForecastArchive.open(at: archiveURL, creating: true)

print("\n## 2. Projecting from each origin and archiving the run\n")
let started = Date()
var runTable = TextTable(["origin", "reference date", "run", "weights", "next 7 days (90%)", "models mixed (weight)"],
                         left: [0, 1, 2, 3, 5])
for origin in origins {
    let result = try Analysis.run(origin.data, options: options)
    let rows = result.hubRows(timeZone: timeZone)
    let metadata = ArchiveRunMetadata(
        analysis: result, rows: rows,
        input: ArchiveInput(name: "\(dataset.fileName) (first \(origin.reports) reports)", bytes: Array(origin.text.utf8)),
        inflowVersion: toolVersion, createdAt: origin.createdAt, timeZone: timeZone)
    let saved = try JSONRenderer().render(ReportBuilder(
        ReportInput(analysis: result, toolVersion: toolVersion, generatedAt: origin.createdAt, timeZone: timeZone)).savedReport())
    let run = try archive.add(rows: rows, metadata: metadata, results: saved + "\n")
    let week = result.total.headline.arrivals(overFirst: 7)
    let mixed = run.metadata.models.filter { $0.weight >= 0.005 }.sorted { $0.weight > $1.weight }
        .map { "\($0.model.components(separatedBy: " ").first ?? $0.model) \(percent($0.weight))" }.joined(separator: ", ")
    runTable.add([dateTime(origin.time), run.metadata.referenceDate, run.metadata.runID, run.metadata.weighting,
                  "\(count(week.median)) (\(count(week.interval(0.9)?.lower ?? .nan))–\(count(week.interval(0.9)?.upper ?? .nan)))",
                  mixed])
}
print(runTable.render())
let listing = archive.list()
let firstRun = listing.runs[0]
print("""

\(plural(listing.runs.count, "run")) archived in \(String(format: "%.0f", Date().timeIntervalSince(started))) s \
(\(options.replicates) replicates per model\(quick ? ", quick mode" : "")), \(listing.warnings.isEmpty ? "no directory skipped" : plural(listing.warnings.count, "directory") + " skipped").
A run's directory: \(firstRun.metadata.referenceDate)/\(firstRun.metadata.runID)/ with \(firstRun.metadata.files.joined(separator: ", ")).
The first run's forecasts: \(try firstRun.hubRows().count) hub rows (\(firstRun.metadata.locations.joined(separator: ", ")): \
`day inc arrivals` and `day cum arrivals`, mean and 23 quantiles for each day).
""")

// MARK: - 3. Scoring against the complete bundled file
//
// Each archived forecast (a target, a day) is scored against what the newer file says about that day. For a
// cumulative total at the end of day d the truth is exact when a report falls at midnight (a 23:59 report counts);
// otherwise the largest total reported in the day before midnight bounds it from below (the 17:00 report of
// 23 January says that the day ended with at least 2,117). A day's arrivals are the difference of two totals,
// exact only when both are. Days after the newer file's last figure are pending: they will be scored when a
// figure for them is published.
//
// The score is the weighted interval score (WIS; Bracher et al. 2021): for the 11 central intervals of the 23
// quantiles and the median, the width of each interval plus a penalty of 2/alpha times the distance by which the
// truth falls outside it, weighted and averaged. It is in people, and splits into dispersion (the width), under-
// and overprediction (the penalties). A truth that is only a bound gets the censored WIS (the forecast of
// min(Y, B) scored against B), which has no coverage, PIT or bias. Coverage is the share of exact truths inside
// each central interval; bias (scoringutils) is positive when forecasts were too high.

let boundsURL = notebooks.deletingLastPathComponent().appendingPathComponent("Examples/bounds/kbri-with-bounds.csv")
let withBounds = try loader.load(contentsOf: boundsURL, name: "kbri-with-bounds.csv")
let againstFull = ArchiveScorer.score(listing, newer: full)
let againstBounds = ArchiveScorer.score(listing, newer: withBounds)

func aggregateRow(_ label: String, _ extra: [String], _ aggregate: ScoreAggregate) -> [String] {
    guard aggregate.count > 0 else { return [label] + extra + ["0", "0"] + Array(repeating: "–", count: scoreColumns.count - 2) }
    let coverage = aggregate.coverage.map { $0.map(percent) } ?? ["–", "–", "–"]
    return [label] + extra + [String(aggregate.count), String(aggregate.censoredCount), number(aggregate.wis.total),
                              number(aggregate.wis.dispersion), number(aggregate.wis.underprediction),
                              number(aggregate.wis.overprediction), number(aggregate.absoluteError)]
        + coverage + [aggregate.bias.map { String(format: "%+.2f", $0) } ?? "–"]
}
let scoreColumns = ["scored", "bounds", "WIS", "dispersion", "under", "over", "AE median", "50%", "90%", "95%", "bias"]

/// The per-run and per-horizon tables of each target, then the truths behind them, corrections and pending days.
func printScores(_ scores: ArchiveScores) {
    let scored = scores.scores
    print("\(plural(scores.runs.count, "archived run")), \(plural(scored.count, "forecast")) scored "
          + "(\(scored.filter { $0.observation.bound != .exact }.count) against bounds, censored WIS), "
          + "\(scores.pending.count) pending, \(scores.runs.reduce(0) { $0 + $1.undetermined }) not determined by the figures; "
          + "last figure \(scores.lastFigure ?? "none").")
    for target in scores.targets {
        print("\n\(target): per run (means over the days scored; coverage over exact truths)\n")
        var byRun = TextTable(["run", "reference"] + scoreColumns, left: [0, 1])
        for run in scores.runs {
            let selected = run.scores.filter { $0.target == target }
            byRun.add(aggregateRow(run.metadata.runID, [run.metadata.referenceDate],
                                   ScoreAggregate(label: run.metadata.runID, scores: selected)))
        }
        print(byRun.render())
        print("\n\(target): per horizon (days after the reference date)\n")
        var byHorizon = TextTable(["horizon"] + scoreColumns, left: [])
        for aggregate in scores.byHorizon(target: target) { byHorizon.add(aggregateRow(aggregate.label, [], aggregate)) }
        print(byHorizon.render())
    }
    print("\nThe truths behind the scores:\n")
    var truths = TextTable(["reference", "target", "h", "day", "truth", "kind", "median", "90% interval", "WIS", "in 90%"],
                           left: [0, 1, 3, 5])
    for score in scored {
        truths.add([score.referenceDate, score.target, String(score.horizon), score.targetEndDate, count(score.observation.value),
                    score.observation.bound.rawValue, count(score.median),
                    "\(count(score.interval90.lower))–\(count(score.interval90.upper))", number(score.wis.total),
                    score.covered.map { $0[1] ? "yes" : "no" } ?? "–"])
    }
    print(truths.render())
    for correction in scores.corrections {
        print("correction: run \(correction.runID) was fitted to \(count(correction.archived)) (\(correction.archivedKind.rawValue)) "
              + "at \(correction.time); the newer file says \(count(correction.newer)) (\(correction.newerKind.rawValue))")
    }
    for run in scores.runs where !run.pending.isEmpty {
        let days = Set(run.pending.map(\.targetEndDate)).sorted()
        print("pending: run of \(run.metadata.referenceDate): \(plural(run.pending.count, "target")) on \(plural(days.count, "day")), "
              + "\(days.first!) to \(days.last!)")
    }
    for warning in scores.warnings { print("warning: \(warning)") }
}

print("\n## 3. Scoring against the complete bundled file\n")
printScores(againstFull)

let fullScores = againstFull.scores
let fullExact = fullScores.filter { $0.observation.bound == .exact }
let fullCovered90 = fullExact.filter { $0.covered?[1] == true }.count
let runsScored = againstFull.runs.filter { !$0.scores.isEmpty }
let runsUnscored = againstFull.runs.filter { $0.scores.isEmpty }
let incidentWIS = againstFull.byHorizon(target: "day inc arrivals")
print("""

What this shows. The complete file ends at \(againstFull.lastFigure ?? "its last report"), so only the days up to 24 January
can be scored: \(plural(fullScores.count, "forecast")) from \(plural(runsScored.count, "run")) \
(\(runsScored.map(\.metadata.referenceDate).joined(separator: ", "))); \
\(runsUnscored.isEmpty ? "every run has something scored" : "the run\(runsUnscored.count == 1 ? "" : "s") of \(runsUnscored.map(\.metadata.referenceDate).joined(separator: ", ")) \(runsUnscored.count == 1 ? "has" : "have") nothing scored yet, every target pending"), \
and \(againstFull.pending.count) targets wait for figures that were never published in this file.
Of the \(fullExact.count) exact truths, \(fullCovered90) fell inside the 90% interval. The other \(fullScores.count - fullExact.count) truths are bounds, and carry
the censored WIS: no report fell at the end of \(Set(fullScores.filter { $0.observation.bound != .exact }.map(\.targetEndDate)).sorted().first ?? "–"), so the
total then is only known to be at least the last report before it, that day's arrivals at least the
difference from the day before, and the next day's at most the difference to the next exact total.
Underprediction makes up \(percent(fullScores.reduce(0) { $0 + $1.wis.underprediction } / max(fullScores.reduce(0) { $0 + $1.wis.total }, 1e-12))) \
of the summed WIS and overprediction \(percent(fullScores.reduce(0) { $0 + $1.wis.overprediction } / max(fullScores.reduce(0) { $0 + $1.wis.total }, 1e-12))); \
the mean bias over the exact truths is \(String(format: "%+.2f", fullExact.compactMap(\.bias).reduce(0, +) / Double(max(fullExact.count, 1)))) (negative: too low).
The daily arrivals' mean WIS per horizon runs \(incidentWIS.map { "\($0.label): \(number($0.wis.total))" }.joined(separator: ", ")) people:
a handful of targets per horizon, so these are a record of what happened, not an estimate of skill.
""")

// MARK: - 4. Scoring against a file with a partial day and a bound
//
// The same archive against `Examples/bounds/kbri-with-bounds.csv`: the nine reports of the bundled file with the
// 17:00 report of 23 January marked `partial_day`, and an invented, clearly labelled `lower_bound` of 3,100 at
// noon on 26 January ("more than 3,100"). Nothing in the archive changes: the runs were fitted to the 17:00
// figure as an exact total, and the newer file calls it a partial day, so the scorer lists it as a correction of
// kind (the value is the same) and scores against the newer file. The bound extends the file to noon on
// 26 January. It says that the total at the end of the 26th is at least 3,100, and the scorer scores that
// (censored WIS) although the day was not over when the figure came out: it is all the figures say so far, and a
// later exact figure replaces it when the archive is scored again. It says nothing about the end of the 25th (a
// later total bounds an earlier one only from above, and a lower bound does not), so the 25th's targets are "not
// determined"; the 26th's arrivals need the total at its start too, and stay pending.

print("\n## 4. Scoring against a file with a partial day and an illustrative bound\n")
printScores(againstBounds)
let commonTargets: [(Double, Double)] = againstFull.scores.compactMap { score in
    againstBounds.scores.first { $0.runID == score.runID && $0.target == score.target && $0.targetEndDate == score.targetEndDate }
        .map { (score.wis.total, $0.wis.total) }
}
let boundsPendingDrop = againstFull.pending.count - againstBounds.pending.count
let boundsUndetermined = againstBounds.runs.reduce(0) { $0 + $1.undetermined }
print("""

What this shows. The bound moves the last figure to \(againstBounds.lastFigure ?? "–"): \(boundsPendingDrop) targets are no longer pending, \
but \(boundsUndetermined) before it are not determined by the figures, and \
\(againstBounds.scores.count - againstFull.scores.count == 0 ? "no new target is scored" : "\(againstBounds.scores.count - againstFull.scores.count) more targets are scored").
\(plural(againstBounds.corrections.count, "correction")) (the 17:00 figure, same value, now a partial day, in every run fitted to it);
the \(plural(commonTargets.count, "target")) both files score have \(commonTargets.allSatisfy { $0.0 == $0.1 } ? "the same scores" : "different scores"), because a partial-day total
is an exact total at its time and the bound lies after them.
""")

// MARK: - 5. The report and the evaluation files
//
// The score report (`ArchiveReport`, what `inflow score --report` writes) for both newer files, one section each:
// every run's fan of daily arrivals with the figures published later (bounds drawn as arrows), the per-run and
// per-horizon tables, corrections and pending days. Beside it, the scores as hubverse evaluation CSV
// (`EvaluationTable.scores`: hubEvals/scoringutils column names plus `run_id`, `observation_kind` and `pit`), one
// file per newer file, and the exact truths as hubverse time-series target data (`EvaluationTable.targetData`).
// Written atomically, never over an input.

var boundsSection = ArchiveReport.section(againstBounds)
boundsSection.id = "archive-bounds"
boundsSection.title = "Against a file with a partial day and an illustrative bound"
var fullSection = ArchiveReport.section(againstFull)
fullSection.title = "Against the complete bundled file"
let document = ReportDocument(
    title: "Scoring past projections: the January 2026 surge", datasetName: dataset.title,
    generatedAt: ReportFormat.iso8601(Date()), toolVersion: toolVersion,
    subtitle: "\(plural(listing.runs.count, "archived run")) from \(origins.first.map { dateTime($0.time) } ?? "") to "
        + "\(origins.last.map { dateTime($0.time) } ?? "") (UTC+07:00), scored against \(dataset.fileName) and kbri-with-bounds.csv",
    sections: [fullSection, boundsSection])
let writer = AtomicFileWriter(protecting: [dataset.url, boundsURL])
let reportURL = output.appendingPathComponent("scoring-past-projections.html")
let scoresURL = output.appendingPathComponent("scoring-past-projections-scores.csv")
let boundsScoresURL = output.appendingPathComponent("scoring-past-projections-scores-bounds.csv")
let targetURL = output.appendingPathComponent("scoring-past-projections-target-data.csv")
try writer.write(HTMLRenderer().render(document), to: reportURL)
try writer.write(EvaluationTable.scores(againstFull), to: scoresURL)
try writer.write(EvaluationTable.scores(againstBounds), to: boundsScoresURL)
try writer.write(EvaluationTable.targetData(againstFull), to: targetURL)
// The report's charts as standalone SVG files, through the library's public chart API: each newer file's fans
// of the archived runs (daily arrivals projected by each run, with the figures published later) as small
// multiples on one page.
func charts(_ section: ReportSection) -> [Chart] {
    section.blocks.flatMap { block -> [Chart] in
        switch block {
        case .chart(let chart): [chart]
        case .smallMultiples(let charts): charts
        default: []
        }
    }
}
let directory = output
var chartURLs: [URL] = []
for (section, name) in [(fullSection, "full"), (boundsSection, "bounds")] {
    let url = directory.appendingPathComponent("scoring-past-projections-runs-\(name).svg")
    try SmallMultiples(title: "Archived projections: \(section.title)", charts: charts(section), columns: 2)
        .write(to: url, protecting: [dataset.url, boundsURL])
    chartURLs.append(url)
}
print("")
for url in [archiveURL, reportURL, scoresURL, boundsScoresURL, targetURL] + chartURLs { print("wrote \(url.path)") }
