import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowStatistics

/// How well the whole pipeline's intervals cover what happened, on series simulated from sustained-inflow
/// truths and cut at early, at-peak and post-peak origins.
///
/// For each truth (a curve family with known parameters, a background rate and NB2 noise) and each series:
/// simulate daily counts, cut them at each origin class's day, run ``Analysis/run(_:options:progress:)`` on
/// what came before (the default pipeline: families, background stated as the truth's range, stacking), and
/// score the projected arrivals over the next 7, 14 and 28 days against the simulated truth: coverage of
/// the central 50, 90 and 95% intervals, and the weighted interval score relative to that of the true
/// process's own predictive distribution (the same truth simulated forward 1,000 times from the origin).
///
/// Origin classes, from the truth's expected counts: **early**, the first day the surge's expected total
/// reaches a quarter of its 60-day total; **peak**, the day of the largest expected count; **post-peak**,
/// the first day after the peak whose expected count has fallen to half the peak. Each origin keeps at
/// least ``minimumObservedDays`` days of data.
///
/// Every series has its own seed derived from the study's, so the study is reproducible and independent of
/// the thread count.
public struct PipelineCalibration: Sendable {
    /// A simulated process.
    public struct Truth: Sendable {
        /// A label for results.
        public let label: String
        /// The family and its parameters.
        public let family: any CurveFamily
        /// The family's parameters, in ``/InflowModels/CurveFamily/parameters`` order.
        public let parameters: [Double]
        /// Background arrivals per day, and the range the analysis is told (as a data file would state it).
        public let background: Double
        /// The background range the analysis is told, as a `# @background:` line of a data file would state it.
        public let statedBackground: ClosedRange<Double>
        /// NB2 theta of the daily counts.
        public let theta: Double

        /// A simulated process; the arguments are the properties of the same names.
        public init(label: String, family: any CurveFamily, parameters: [Double], background: Double,
                    statedBackground: ClosedRange<Double>, theta: Double) {
            self.label = label
            self.family = family
            self.parameters = parameters
            self.background = background
            self.statedBackground = statedBackground
            self.theta = theta
        }
    }

    /// When a forecast is made.
    public enum OriginClass: String, Sendable, CaseIterable {
        /// Early (the expected total reaches a quarter of its 60-day total), at the peak (the largest expected count)
        /// or post-peak (the expected count has fallen to half the peak); see the type's description.
        case early, peak = "at peak", postPeak = "post-peak"
    }

    /// Coverage and relative WIS of one origin class.
    public struct ClassResult: Sendable, CustomStringConvertible {
        /// The origin class these results are for.
        public let originClass: OriginClass
        /// Forecasts scored (series times horizons).
        public let forecasts: Int
        /// Series whose analysis failed.
        public let failures: Int
        /// Share of the forecasts whose 50% central interval held the simulated value.
        public let coverage50: Double
        /// Share of the forecasts whose 90% central interval held the simulated value.
        public let coverage90: Double
        /// Share of the forecasts whose 95% central interval held the simulated value.
        public let coverage95: Double
        /// Mean WIS of the pipeline divided by mean WIS of the true process's forecast.
        public let relativeWIS: Double

        public var description: String {
            String(format: "%@: %d forecasts, %d failures, coverage 50%% %.1f%%, 90%% %.1f%%, 95%% %.1f%%, relative WIS %.2f",
                   originClass.rawValue, forecasts, failures, 100 * coverage50, 100 * coverage90, 100 * coverage95,
                   relativeWIS)
        }
    }

    /// The simulated processes.
    public let truths: [Truth]
    /// Series simulated from each process.
    public let seriesPerTruth: Int
    /// Days ahead of each origin at which the forecasts are scored.
    public let horizons: [Int]
    /// The options of each analysis (the pipeline under study).
    public let options: AnalysisOptions
    /// The seed of the simulations; each series draws from its own stream of it.
    public let seed: UInt64
    /// Days of data an origin keeps at least.
    public let minimumObservedDays = 7
    /// Days simulated.
    public let simulatedDays = 60

    /// A study; the arguments are the properties of the same names.
    public init(truths: [Truth], seriesPerTruth: Int, horizons: [Int] = [7, 14, 28], options: AnalysisOptions,
                seed: UInt64 = 2026) {
        self.truths = truths
        self.seriesPerTruth = seriesPerTruth
        self.horizons = horizons
        self.options = options
        self.seed = seed
    }

    /// The origin day of each class for a truth (days of data kept).
    public func originDays(_ truth: Truth) -> [OriginClass: Int] {
        let simulator = Simulator(family: truth.family, parameters: truth.parameters, error: .negativeBinomial,
                                  noiseParameter: truth.theta, background: 0)
        let means = simulator.means(days: simulatedDays)
        let total = means.reduce(0, +)
        var running = 0.0
        var early = simulatedDays
        for (day, mean) in means.enumerated() {
            running += mean
            if running >= total / 4 { early = day + 1; break }
        }
        let peak = (means.indices.max { means[$0] < means[$1] } ?? 0) + 1
        let post = (peak..<means.count).first { means[$0] <= means[peak - 1] / 2 }.map { $0 + 1 } ?? simulatedDays
        let latest = simulatedDays - (horizons.max() ?? 0)
        func clamp(_ day: Int) -> Int { min(max(day, minimumObservedDays), latest) }
        return [.early: clamp(early), .peak: clamp(peak), .postPeak: clamp(max(post, peak + 3))]
    }

    /// Runs the study.
    public func run() -> [ClassResult] {
        var rows: [OriginClass: (covered: SIMD4<Double>, forecasts: Int, failures: Int, wis: Double, oracle: Double)] = [:]
        for origin in OriginClass.allCases { rows[origin] = (.zero, 0, 0, 0, 0) }
        let streams = RandomStreams(seed: seed)
        let start = Date(timeIntervalSince1970: 1_768_521_600)   // 2026-01-16T00:00Z
        for (t, truth) in truths.enumerated() {
            let simulator = Simulator(family: truth.family, parameters: truth.parameters, error: .negativeBinomial,
                                      noiseParameter: truth.theta, background: truth.background)
            let days = originDays(truth)
            for i in 0..<seriesPerTruth {
                let seriesSeed = streams.key(series: t, replicate: i)
                let full = simulator.simulate(days: simulatedDays, seed: seriesSeed, origin: start,
                                              name: "\(truth.label) \(i)")
                for origin in OriginClass.allCases {
                    let cut = days[origin]!
                    var observed = full
                    observed.times = Array(full.times.prefix(cut))
                    observed.values = Array(full.values.prefix(cut))
                    observed.figureKinds = Array(full.figureKinds.prefix(cut))
                    var options = self.options
                    options.seed = seriesSeed
                    options.background = .range(lower: truth.statedBackground.lowerBound,
                                                upper: truth.statedBackground.upperBound)
                    let data = LoadedData(series: [observed], total: nil, warnings: [], provenance: [], file: "simulated",
                                          timeColumn: "date", valueColumn: "count", keyColumns: [], kind: .counts,
                                          origin: start, rowCount: cut)
                    guard let result = try? Analysis.run(data, options: options) else {
                        rows[origin]!.failures += 1
                        continue
                    }
                    let oracle = simulator.futureTotals(after: cut, horizons: horizons, paths: 1000,
                                                        seed: RandomStreams.derive(seriesSeed, UInt64(cut)))
                    for (h, horizon) in horizons.enumerated() {
                        let truthTotal = (cut..<(cut + horizon)).reduce(0.0) { $0 + (full.values[$1] ?? 0) }
                        let summary = result.total.headline.arrivals(overFirst: horizon)
                        guard let forecast = try? QuantileForecast(levels: summary.levels, values: summary.values),
                              let oracleSample = try? PredictiveSample(values: oracle[h]),
                              let oracleForecast = try? oracleSample.quantileForecast()
                        else { continue }
                        var covered = SIMD4<Double>.zero
                        for (index, level) in [0.5, 0.9, 0.95].enumerated() {
                            if (try? forecast.covers(observation: truthTotal, nominalCoverage: level)) == true { covered[index] = 1 }
                        }
                        if ProcessInfo.processInfo.environment["INFLOW_STUDY_DEBUG"] != nil {
                            print("\(truth.label) \(i) \(origin.rawValue) day \(cut) h \(horizon): truth \(truthTotal), median \(summary.median) 90% \(summary.interval(0.9)!), oracle median \(oracleSample.median) \(oracleForecast.values.first!)...\(oracleForecast.values.last!) weights \(result.total.weights.values.map { String(format: "%.2f", $0) }) method \(result.total.weights.method)")
                        }
                        rows[origin]!.covered += covered
                        rows[origin]!.forecasts += 1
                        rows[origin]!.wis += WeightedIntervalScore(forecast: forecast, observation: truthTotal).total
                        rows[origin]!.oracle += WeightedIntervalScore(forecast: oracleForecast, observation: truthTotal).total
                    }
                }
            }
        }
        return OriginClass.allCases.map { origin in
            let row = rows[origin]!
            let n = Double(max(row.forecasts, 1))
            return ClassResult(originClass: origin, forecasts: row.forecasts, failures: row.failures,
                               coverage50: row.covered[0] / n, coverage90: row.covered[1] / n,
                               coverage95: row.covered[2] / n, relativeWIS: row.wis / max(row.oracle, 1e-300))
        }
    }
}
