import Foundation
import InflowModels
import InflowStatistics

/// Measures how often projection intervals cover the truth on simulated series.
///
/// For each scenario (a family with known parameters and NB2 noise) and each of its series:
/// simulate `observedDays + ahead` daily counts, fit the first `observedDays` with the
/// fitting family (the same one, or another to study misspecification), project `ahead`
/// days with the bootstrap, and check whether the true cumulative total `ahead` days after
/// the last observation lies in the central 50% and 90% intervals.
///
/// Every series has its own seed, derived from the study's seed, so the study is
/// reproducible and independent of the thread count.
public struct CalibrationStudy: Sendable {
    /// A simulated process.
    public struct Scenario: Sendable {
        /// The family that generates the series.
        public let family: any CurveFamily
        /// Its true parameters, in ``/InflowModels/CurveFamily/parameters`` order.
        public let parameters: [Double]
        /// NB2 theta of the simulated counts.
        public let theta: Double

        /// A scenario; the arguments are the properties of the same names.
        public init(family: any CurveFamily, parameters: [Double], theta: Double) {
            self.family = family
            self.parameters = parameters
            self.theta = theta
        }
    }

    /// The result: coverage of the nominal 50% and 90% intervals.
    public struct Result: Sendable {
        /// Series whose fit and projection succeeded.
        public let series: Int
        /// Series that could not be fitted or projected.
        public let failures: Int
        /// Fraction of truths inside the central 50% interval.
        public let coverage50: Double
        /// Fraction of truths inside the central 90% interval.
        public let coverage90: Double
    }

    /// The simulated processes.
    public let scenarios: [Scenario]
    /// Series simulated from each scenario.
    public let seriesPerScenario: Int
    /// Days of each series that are fitted.
    public let observedDays: Int
    /// Days after the last fitted one at which the cumulative total is checked.
    public let ahead: Int
    /// Bootstrap replicates of each projection.
    public let replicates: Int
    /// The study's seed; each series derives its own from it.
    public let seed: UInt64
    /// Threads the series are spread over (the results do not depend on it).
    public let threads: Int

    /// A study; the arguments are the properties of the same names.
    public init(scenarios: [Scenario], seriesPerScenario: Int, observedDays: Int, ahead: Int = 7,
                replicates: Int = 200, seed: UInt64 = 1, threads: Int = 2) {
        self.scenarios = scenarios
        self.seriesPerScenario = seriesPerScenario
        self.observedDays = observedDays
        self.ahead = ahead
        self.replicates = replicates
        self.seed = seed
        self.threads = threads
    }

    /// Runs the study, fitting each series with `fitting(scenario)` under NB2 errors.
    public func run(fitting: (Scenario) -> any CurveFamily = { $0.family }) -> Result {
        var covered50 = 0, covered90 = 0, used = 0, failures = 0
        let streams = RandomStreams(seed: seed)
        for (s, scenario) in scenarios.enumerated() {
            let simulator = Simulator(family: scenario.family, parameters: scenario.parameters,
                                      error: .negativeBinomial, noiseParameter: scenario.theta)
            for i in 0..<seriesPerScenario {
                let seriesSeed = streams.key(series: s, replicate: i)
                let full = simulator.simulate(days: observedDays + ahead, seed: seriesSeed)
                var observed = full
                observed.times = Array(full.times.prefix(observedDays))
                observed.values = Array(full.values.prefix(observedDays))
                observed.figureKinds = Array(full.figureKinds.prefix(observedDays))
                let truth = full.values.prefix(observedDays + ahead).reduce(0) { $0 + ($1 ?? 0) }
                guard let fit = try? fitting(scenario).fit(observed, error: .negativeBinomial),
                      !{ if case .failed = fit.status { return true } else { return false } }(),
                      let projection = try? CurveProjector.project(
                          fit, options: ProjectionOptions(horizon: ahead, replicates: replicates, seed: seriesSeed,
                                                          seriesIndex: s * seriesPerScenario + i, threads: threads))
                else {
                    failures += 1
                    continue
                }
                let summary = projection.summaries(.cumulative, levels: [0.05, 0.25, 0.75, 0.95])[ahead - 1]
                guard summary.values.allSatisfy(\.isFinite) else {
                    failures += 1
                    continue
                }
                used += 1
                if truth >= summary.values[1] && truth <= summary.values[2] { covered50 += 1 }
                if truth >= summary.values[0] && truth <= summary.values[3] { covered90 += 1 }
            }
        }
        return Result(series: used, failures: failures,
                      coverage50: Double(covered50) / Double(max(used, 1)),
                      coverage90: Double(covered90) / Double(max(used, 1)))
    }
}
