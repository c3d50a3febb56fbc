import Benchmark
import Foundation
import InflowCore
import InflowHierarchy
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import InflowStatistics

/// The hierarchy jobs of the pipeline (`inflow project` on a file with a key column), one core:
///
/// * `hierarchy-pooled-fit-K=25-n=60`: ``PartialPooling/fit(_:family:start:backgrounds:sizeLimits:)``, the
///   logistic NB2 fit of 25 keys x 60 daily counts with pooled sizes (the empirical-Bayes search over
///   `sigma`: about 25 penalised fits). Target: under 100 ms.
/// * `hierarchy-sample-K=25-B=4000-h=30`: ``PooledFit/sample(grid:replicates:seed:stream:background:)``,
///   4,000 joint candidate samples of the 25 keys over 30 days (the pipeline draws four candidates per
///   replicate for conditioning): posterior draws by importance resampling, then 25 x 31 NB2 draws per sample.
/// * `hierarchy-reconcile-conditioning-K=25-B=1000-h=30`: ``Reconciliation/conditioning(_:hierarchy:top:replicates:seed:stream:)``
///   of those 4,000 candidates on a B = 1,000 projection of the keys' total, to 1,000 replicates of all
///   31 nodes. Target: under 50 ms.
/// * `hierarchy-reconcile-bottom-up-K=25-B=1000-h=30`: ``Reconciliation/bottomUp(_:hierarchy:replicates:)`` of
///   the first 1,000 candidates into every node (the node projections without the weighting).
/// * `hierarchy-mint-shrink-n=8-m=5-h=7`, `hierarchy-mint-wls-struct-n=8-m=5-h=7`: ``MinTrace`` formed from the
///   summing matrix (and the 40 x 8 in-sample residuals) plus `reconcile` of the 7 base forecast vectors, on
///   the data of `Tests/Reference/Data/hierarchy/mint.json` (checked against its hierarchicalforecast values
///   before timing).
///
/// The simulated keys: one logistic shape shared by every key (r = 0.15, t0 = 42, so day 60 is past the peak
/// with ~6% of each surge still to come), sizes log-normal around 1,500 (sigma 1: from a few hundred to
/// ~10,000), NB2 noise with theta = 20; 25 provinces in 5 regions of 5, so 31 nodes. Every input is built in
/// the benchmarks' `setup` (not timed) and only for the benchmarks that run.
func registerHierarchyBenchmarks() {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    let configuration = Benchmark.Configuration(
        metrics: metrics,
        timeUnits: .microseconds,
        warmupIterations: 2,
        maxDuration: .seconds(3),
        maxIterations: 1_000,
        thresholds: InflowThresholds.tolerances(for: metrics)
    )
    // The sampling benchmark is the slowest (~0.44 s per call): give it more time for a stable p90.
    var samplingConfiguration = configuration
    samplingConfiguration.maxDuration = .seconds(6)
    let mintConfiguration = Benchmark.Configuration(
        metrics: metrics,
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2),
        maxIterations: 10_000,
        thresholds: InflowThresholds.tolerances(for: metrics)
    )

    Benchmark("hierarchy-pooled-fit-K=25-n=60", configuration: configuration) { benchmark, inputs in
        for _ in benchmark.scaledIterations {
            blackHole(try! PartialPooling.fit(inputs.keys, family: Logistic(), start: inputs.start))
        }
    } setup: {
        (keys: HierarchyInputs.simulation.keys, start: HierarchyInputs.totalFit.curveParameters)
    }

    Benchmark("hierarchy-sample-K=25-B=4000-h=30", configuration: samplingConfiguration) { benchmark, pooled in
        for _ in benchmark.scaledIterations {
            blackHole(pooled.sample(grid: HierarchyInputs.grid, replicates: HierarchyInputs.candidates, seed: 1, stream: 0))
        }
    } setup: {
        HierarchyInputs.pooled
    }

    Benchmark("hierarchy-reconcile-conditioning-K=25-B=1000-h=30", configuration: configuration) {
        (benchmark: Benchmark, inputs: (samples: BottomSamples, hierarchy: Hierarchy, total: Projection)) in
        for _ in benchmark.scaledIterations {
            blackHole(Reconciliation.conditioning(inputs.samples, hierarchy: inputs.hierarchy, top: inputs.total,
                                                  replicates: HierarchyInputs.replicates, seed: 1, stream: 0))
        }
    } setup: {
        let inputs = (samples: HierarchyInputs.samples, hierarchy: HierarchyInputs.hierarchy, total: HierarchyInputs.total)
        // Conditioning must condition (not fall back to bottom-up) for the figure to mean anything.
        let check = Reconciliation.conditioning(inputs.samples, hierarchy: inputs.hierarchy, top: inputs.total,
                                                replicates: HierarchyInputs.replicates, seed: 1, stream: 0)
        precondition(check.method == .conditioning, "the keys' samples and the total's forecast do not overlap")
        return inputs
    }

    Benchmark("hierarchy-reconcile-bottom-up-K=25-B=1000-h=30", configuration: configuration) { benchmark, inputs in
        for _ in benchmark.scaledIterations {
            blackHole(Reconciliation.bottomUp(inputs.samples, hierarchy: inputs.hierarchy,
                                              replicates: HierarchyInputs.replicates))
        }
    } setup: {
        (samples: HierarchyInputs.samples, hierarchy: HierarchyInputs.hierarchy)
    }

    for (name, method) in [("shrink", MinTraceMethod.shrink), ("wls-struct", .wlsStructural)] {
        Benchmark("hierarchy-mint-\(name)-n=8-m=5-h=7", configuration: mintConfiguration) {
            (benchmark: Benchmark, data: MinTraceReference) in
            for _ in benchmark.scaledIterations {
                let mint = try! MinTrace(summing: data.summing, method: method, residuals: data.residuals)
                blackHole(data.base.map { mint.reconcile($0) })
            }
        } setup: {
            let data = try MinTraceReference.load()
            try data.check(method)
            return data
        }
    }
}

/// The simulated keys and everything derived from them, built once per process on first use.
enum HierarchyInputs {
    static let keyCount = 25
    static let days = 60
    static let horizon = 30
    /// Joint candidate samples (four per replicate, as the pipeline draws for conditioning) and replicates.
    static let candidates = 4_000
    static let replicates = 1_000
    static let rate = 0.15
    static let midpoint = 42.0
    static let theta = 20.0

    static func unitCurve(_ t: Double) -> Double { 1 / (1 + exp(-rate * (t - midpoint))) }

    /// 25 keys' daily counts over days 1...60 (interval `(d - 1, d]`) and their total.
    static let simulation: (keys: [(name: String, observations: PreparedObservations)], total: InflowSeries) = {
        var generator = Xoshiro256StarStar(seed: 20_260_125)
        let sizes = (0..<keyCount).map { _ in 1_500 * exp(Normal.standardSample(using: &generator)) }
        let counts = sizes.map { size in
            (1...days).map { day -> Double in
                let mean = size * (unitCurve(Double(day)) - unitCurve(Double(day - 1)))
                let gamma = Gamma.standardSample(shape: theta, using: &generator)
                return Double(Poisson.sample(mean: mean * gamma / theta, using: &generator))
            }
        }
        let dayNumbers = (1...days).map(Double.init)
        let keys = counts.enumerated().map { index, values in
            let series = InflowSeries(name: "province \(index + 1)", kind: .counts, days: dayNumbers, values: values)
            return (name: series.name, observations: series.prepared())
        }
        let totals = (0..<days).map { day in counts.reduce(0.0) { $0 + $1[day] } }
        return (keys, InflowSeries(name: "total", kind: .counts, days: dayNumbers, values: totals))
    }()

    /// 25 provinces in five regions of five: 1 + 5 + 25 = 31 nodes.
    static let hierarchy = Hierarchy(
        keys: simulation.keys.map { [$0.name] }, keyColumns: ["province"], groupColumns: ["region"],
        groupValues: (0..<keyCount).map { ["region \(Character(UnicodeScalar(UInt8(65 + $0 / 5))))"] })

    /// The logistic NB2 fit of the keys' total: the pooled fit's start and the total's forecast.
    static let totalFit: CurveFit = try! Logistic().fit(simulation.total, error: .negativeBinomial)
    static let pooled: PooledFit = try! PartialPooling.fit(simulation.keys, family: Logistic(),
                                                           start: totalFit.curveParameters)
    static let grid = ProjectionGrid.daily(after: Double(days), horizon: horizon)
    static let samples: BottomSamples = pooled.sample(grid: grid, replicates: candidates, seed: 1, stream: 0)
    /// The total's own forecast, B = 1,000 (the conditioning's reference), on the keys' grid.
    static let total: Projection = try! CurveProjector.project(
        totalFit, options: ProjectionOptions(horizon: horizon, replicates: replicates, seed: 1, threads: 1), grid: grid)
}

/// `Tests/Reference/Data/hierarchy/mint.json` (hierarchicalforecast 1.5.3's MinTrace on a fixed 8-node
/// hierarchy), read from the repository by its path relative to this file.
struct MinTraceReference: Sendable {
    struct File: Decodable {
        let S: [[Double]]
        let residuals: [[Double]]
        let base: [[Double]]
        let reconciled: [String: [[Double]]]
    }

    /// The agreement asked of Inflow's reconciled means (relative to the largest magnitude, as MinTraceTests).
    static let relativeTolerance = 1e-8

    let summing: Matrix
    let residuals: Matrix
    let base: [[Double]]
    let reconciled: [String: [[Double]]]

    static var path: URL {
        URL(fileURLWithPath: #filePath)            // Benchmarks/Benchmarks/InflowBenchmarks/Hierarchy.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()           // the repository
            .appendingPathComponent("Tests/Reference/Data/hierarchy/mint.json")
    }

    static func load() throws -> MinTraceReference {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: path))
        return MinTraceReference(summing: Matrix(rowMajor: file.S), residuals: Matrix(rowMajor: file.residuals),
                                 base: file.base, reconciled: file.reconciled)
    }

    /// Checks Inflow's reconciled means against hierarchicalforecast's.
    func check(_ method: MinTraceMethod) throws {
        let mint = try MinTrace(summing: summing, method: method, residuals: residuals)
        let expected = reconciled[method.description]!
        let scale = expected.joined().map(abs).max()!
        let difference = zip(base.map { mint.reconcile($0) }, expected)
            .flatMap { zip($0, $1).map { abs($0 - $1) } }.max()!
        precondition(difference <= Self.relativeTolerance * scale, "\(method): \(difference / scale) off the reference")
    }
}
