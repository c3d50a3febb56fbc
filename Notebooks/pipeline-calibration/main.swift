// MARK: - Does the pipeline's uncertainty hold up when a surge does not stop?
//
// A calibration study of the whole `inflow project` pipeline (families, stated background, stacking) on
// series simulated from sustained-inflow truths: heavy-tailed (Lomax) releases, staggered waves, and curves
// with a background flow. Each series is cut early, at the peak and after it, and the projected arrivals
// over the next 7, 14 and 28 days are scored against what the simulation then produced.
//
// Run it with `swift run -c release pipeline-calibration` (`--quick` for 4 series per truth, `--series N`,
// `--output DIR` to write the results table somewhere else than `Notebooks/out/`, `--help` for the options).

import Foundation
import Inflow

let usage = """
    usage: pipeline-calibration [--quick] [--series N] [--replicates B] [--curve a,b,...]
                                [--ensemble stacking|aicc|wis|none] [--output DIR]

      --quick        4 series per truth instead of 40 (for tests)
      --series N     series simulated per truth
      --replicates B bootstrap replicates per projection (default 200)
      --curve LIST   the curve families, comma-separated (default: those of inflow project)
      --ensemble M   how the families are weighed (default stacking)
      --output DIR   where the results table (pipeline-calibration.csv) goes (default: Notebooks/out/ beside
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
let flagsWithValues: Set<String> = ["--series", "--replicates", "--curve", "--ensemble", "--output"]
var position = 0
while position < arguments.count {
    let argument = arguments[position]
    if flagsWithValues.contains(argument) {
        guard position + 1 < arguments.count, !arguments[position + 1].hasPrefix("--") else { fail("\(argument) needs a value") }
        position += 1
    } else if argument != "--quick" {
        fail("unknown option \(argument)")
    }
    position += 1
}
func value(_ flag: String) -> Int? {
    guard let index = arguments.firstIndex(of: flag) else { return nil }
    guard let number = Int(arguments[index + 1]), number > 0 else { fail("\(flag) needs a positive whole number") }
    return number
}
var output = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("out", isDirectory: true)
if let index = arguments.firstIndex(of: "--output") { output = URL(fileURLWithPath: arguments[index + 1], isDirectory: true) }
let quick = arguments.contains("--quick")
let series = value("--series") ?? (quick ? 4 : 40)

// MARK: - The truths
//
// Sizes of a few thousand, NB2 noise with theta 8 to 20, a background of 10 to 25 a day stated to the
// pipeline as a range around it (as a data file would), onsets in the first days.

let truths: [PipelineCalibration.Truth] = [
    .init(label: "lomax heavy tail", family: StaggeredRelease.twoWaves, parameters: [4000, 0.15, 2, 4, 0.5, 0.8],
          background: 20, statedBackground: 15...25, theta: 10),
    .init(label: "lomax moderate tail", family: StaggeredRelease.twoWaves, parameters: [3000, 0.2, 3, 3, 0.6, 3],
          background: 12, statedBackground: 8...16, theta: 15),
    .init(label: "two exponential waves", family: StaggeredRelease(waves: 2, delay: .exponential),
          parameters: [3500, 0.3, 3, 5, 0.35], background: 20, statedBackground: 15...25, theta: 10),
    .init(label: "three waves", family: StaggeredRelease.threeWaves, parameters: [4000, 0.25, 0.5, 3, 4, 6, 0.3],
          background: 15, statedBackground: 10...20, theta: 12),
    .init(label: "logistic + background", family: Logistic(), parameters: [3000, 0.4, 10], background: 25,
          statedBackground: 20...30, theta: 20),
    .init(label: "delayed release", family: DelayedRelease(), parameters: [3000, 0.3, 3, 3, 4],
          background: 10, statedBackground: 5...15, theta: 15),
]

var options = AnalysisOptions()
if let index = arguments.firstIndex(of: "--ensemble") {
    guard let method = EnsembleMethod(rawValue: arguments[index + 1]) else { fail("unknown --ensemble \(arguments[index + 1])") }
    options.ensemble = method
}
if let names = arguments.firstIndex(of: "--curve").map({ arguments[$0 + 1] }) {
    options.families = names.split(separator: ",").map { name -> any CurveFamily in
        switch ModelNames.kind(of: String(name)) {
        case .curveFamily(let family): return family
        case .logLinear: fail("--curve \(name): the log-linear model is not a curve family; this study weighs curve families")
        case nil: fail("--curve: unknown family '\(name)'; known: \(ModelNames.curveFamilies.joined(separator: ", "))")
        }
    }
}
options.replicates = value("--replicates") ?? 200
options.backtestReplicates = 100
options.includesRetrospective = false
options.includesSensitivity = false
options.threads = 2
let study = PipelineCalibration(truths: truths, seriesPerTruth: series, options: options)
for truth in truths {
    let days = study.originDays(truth)
    print("\(truth.label): origins early day \(days[.early]!), peak day \(days[.peak]!), post-peak day \(days[.postPeak]!)")
}
let started = Date()
let results = study.run()
for row in results { print(row) }
print(String(format: "%.0f s", Date().timeIntervalSince(started)))

// The results as CSV (unrounded), beside the other notebooks' output, written atomically.
let table = ReportTable(
    header: ["origin_class", "forecasts", "failures", "coverage_50", "coverage_90", "coverage_95", "relative_wis"],
    rows: results.map { [$0.originClass.rawValue, String($0.forecasts), String($0.failures), String($0.coverage50),
                         String($0.coverage90), String($0.coverage95), String($0.relativeWIS)] })
let tableURL = output.appendingPathComponent("pipeline-calibration.csv")
try AtomicFileWriter().write(table.csv(), to: tableURL)
print("wrote \(tableURL.path)")
