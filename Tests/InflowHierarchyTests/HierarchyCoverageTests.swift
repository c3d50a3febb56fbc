import Foundation
import InflowCore
import InflowHierarchy
import InflowModels
import InflowProjection
import InflowStatistics
import Testing

/// Coverage of the keys' and the total's intervals, bottom-up and conditioned, on simulated coherent count
/// hierarchies, in the frequentist sense: at a fixed truth, over many data sets drawn from it, the central 50%,
/// 90% and 95% intervals of the next seven days' arrivals should contain the realised arrivals about as often
/// as they say. Each truth has eight keys sharing one logistic shape (growth rate 0.4), sizes from 40 to 6,000
/// arrivals, NB2 counts with `theta = 8` (daily counts vary by about 35% around their mean); fourteen days are
/// observed, in three phases: the peak (midpoint) four days before the last observation, one day before it,
/// and three days after it. In the first two, bottom-up keys and totals and conditioned keys must cover as
/// often as they say, and the conditioned total as often as the national forecast it follows. In the third
/// the data hardly determine the final sizes: its totals must cover at least as often as the national fit
/// alone, less half the tolerance.
///
/// Many fits: release builds only (`make test`), enabled by `INFLOW_RELEASE_TESTS`. Print the tallies with
/// `INFLOW_RELEASE_TESTS=1 swift test -c release --skip-build --filter HierarchyCoverage`.
@Suite("Coverage of reconciled intervals on simulated hierarchies",
       .enabled(if: ProcessInfo.processInfo.environment["INFLOW_RELEASE_TESTS"] != nil))
struct HierarchyCoverageTests {
    static let dataSets = 100
    static let sizes: [Double] = [40, 90, 200, 350, 600, 1_000, 2_500, 6_000]
    static let rate = 0.4
    static let theta = 8.0
    static let observedDays = 14
    static let horizon = 7
    static let replicates = 2_000
    /// Coverage must lie within this distance of the nominal level. At 100 data sets the binomial standard
    /// error of a 90% coverage is 0.030 for the total, and of a 50% coverage 0.050; the keys' 800 intervals
    /// per phase are correlated within a data set (shared shape), so their effective number is nearer 100 than
    /// 800. 0.08 is 2.7 standard errors at 90% and 1.6 at 50%.
    static let coverageTolerance = 0.08

    /// A phase: the midpoint, days after the first observed day.
    enum Phase: String, CaseIterable {
        case afterPeak = "peak 4 days before the last observation"
        case atPeak = "peak 1 day before the last observation"
        case beforePeak = "peak 3 days after the last observation"

        var midpoint: Double {
            switch self {
            case .afterPeak: 10
            case .atPeak: 13
            case .beforePeak: 17
            }
        }
    }

    struct Tally {
        var hits: [Double: Int] = [:]
        var count = 0
        mutating func add(_ summary: QuantileSummary, truth: Double) {
            count += 1
            for level in [0.5, 0.9, 0.95] {
                if let (lower, upper) = summary.interval(level), truth >= lower, truth <= upper { hits[level, default: 0] += 1 }
            }
        }
        func coverage(_ level: Double) -> Double { Double(hits[level] ?? 0) / Double(max(count, 1)) }
        var text: String { [0.5, 0.9, 0.95].map { String(format: "%.0f%%: %.3f", $0 * 100, coverage($0)) }.joined(separator: ", ") }
    }

    /// The tallies of one phase: "bottom-up total", "bottom-up keys", "conditioning total", "conditioning keys",
    /// "national fit alone".
    static func tallies(_ phase: Phase) throws -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        func unit(_ t: Double) -> Double { 1 / (1 + exp(-rate * (t - phase.midpoint))) }
        for dataSet in 0..<dataSets {
            var generator = RandomStreams(seed: 2026).generator(series: Phase.allCases.firstIndex(of: phase)!, replicate: dataSet)
            let days = observedDays + horizon
            // Day d's count covers (d, d + 1]: the curve's increase over that interval, with NB2 noise.
            let counts: [[Double]] = sizes.map { size in
                (0..<days).map { day in
                    let mean = size * (unit(Double(day + 1)) - unit(Double(day)))
                    let gamma = Gamma.standardSample(shape: theta, using: &generator)
                    return Double(Poisson.sample(mean: mean * gamma / theta, using: &generator))
                }
            }
            let times = (0..<observedDays).map(Double.init)
            let keys = counts.enumerated().map { index, values in
                let series = InflowSeries(name: "key \(index)", kind: .counts, days: times, values: Array(values.prefix(observedDays)))
                return (name: series.name, observations: series.prepared())
            }
            let totalValues = (0..<observedDays).map { d in counts.reduce(0.0) { $0 + $1[d] } }
            let totalFit = try Logistic().fit(InflowSeries(name: "total", kind: .counts, days: times, values: totalValues),
                                              error: .negativeBinomial)
            if case .failed = totalFit.status { continue }
            let top = try CurveProjector.project(totalFit, options: ProjectionOptions(horizon: horizon, replicates: replicates,
                                                                                  seed: 7, seriesIndex: dataSet))
            let pooled = try PartialPooling.fit(keys, family: Logistic(), start: totalFit.curveParameters)
            let samples = pooled.sample(grid: top.grid, replicates: 2 * replicates, seed: 7, stream: dataSet)
            let hierarchy = Hierarchy(keys: keys.map { [$0.name] }, keyColumns: ["key"])
            let forecasts = [
                "bottom-up": Reconciliation.bottomUp(samples, hierarchy: hierarchy, replicates: replicates),
                "conditioning": Reconciliation.conditioning(samples, hierarchy: hierarchy, top: top, replicates: replicates,
                                                            seed: 7, stream: dataSet),
            ]
            let truths = counts.map { $0[observedDays...].reduce(0, +) }
            let truthTotal = truths.reduce(0, +)
            for (method, forecast) in forecasts {
                tallies["\(method) total", default: Tally()].add(forecast.total.arrivals(overFirst: horizon), truth: truthTotal)
                for (k, truth) in truths.enumerated() {
                    tallies["\(method) keys", default: Tally()].add(forecast.projections[1 + k].arrivals(overFirst: horizon), truth: truth)
                }
            }
            tallies["national fit alone", default: Tally()].add(top.arrivals(overFirst: horizon), truth: truthTotal)
        }
        for (name, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            print("coverage, \(phase.rawValue), \(name) (\(tally.count)): \(tally.text)")
        }
        return tallies
    }

    @Test(arguments: [Phase.afterPeak, Phase.atPeak])
    func intervalsCoverAsOftenAsTheySay(phase: Phase) throws {
        let tallies = try Self.tallies(phase)
        for name in ["bottom-up total", "bottom-up keys", "conditioning keys"] {
            let tally = try #require(tallies[name])
            for level in [0.5, 0.9, 0.95] {
                #expect(abs(tally.coverage(level) - level) <= Self.coverageTolerance, "\(name) at \(level): \(tally.coverage(level))")
            }
        }
        // Conditioning's total follows the national forecast it is conditioned on (here a single logistic fit,
        // which itself covers less than it says), so it is as calibrated as that forecast.
        let conditioned = try #require(tallies["conditioning total"]), national = try #require(tallies["national fit alone"])
        for level in [0.5, 0.9, 0.95] {
            #expect(abs(conditioned.coverage(level) - national.coverage(level)) <= Self.coverageTolerance,
                    "conditioning total at \(level): \(conditioned.coverage(level)) against the national fit's \(national.coverage(level))")
        }
    }

    @Test func beforeThePeakTheTotalCoversAtLeastAsOftenAsTheNationalFit() throws {
        let tallies = try Self.tallies(.beforePeak)
        let national = try #require(tallies["national fit alone"])
        for name in ["bottom-up total", "conditioning total"] {
            let total = try #require(tallies[name])
            for level in [0.9, 0.95] {
                #expect(total.coverage(level) >= national.coverage(level) - Self.coverageTolerance / 2,
                        "\(name) \(total.coverage(level)) against the national fit's \(national.coverage(level)) at \(level)")
            }
        }
    }
}
