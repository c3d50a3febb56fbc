import Benchmark
import Foundation
import InflowAnalysis
import InflowCore
import InflowData
import InflowFitting
import InflowLinearAlgebra
import InflowModels
import InflowProjection
import InflowStatistics

/// The jobs analysts repeat (issue 18's goals), one core, on simulated inputs drawn from a fixed seed:
///
/// | benchmark | job | goal |
/// |---|---|---|
/// | `job-glm-poisson-batched-1000x60` | 1,000 Poisson GLMs of 60 days, design `[1, u, u^2]`, one `BatchedGLM.fit` | <= 4.5 ms |
/// | `job-glm-nb2-batched-1000x60` | the same 1,000 series as NB2 GLMs with theta by maximum likelihood | none set |
/// | `job-glm-poisson-loop-1000x60` | the 1,000 Poisson GLMs one `IRLS.fit` after another (what the batch replaces) | none set |
/// | `job-glm-poisson-9` | one Poisson GLM, 9 days, `IRLS.fit` | none set |
/// | `job-glm-nb2-9` | one NB2 GLM, 9 days, `LogLinearModel.fit` (theta by ML, as `MASS::glm.nb`) | <= 67 us |
/// | `job-logistic-nb2-9` | one logistic NB2 fit, 9 days, `Logistic().fit` default (multi-start, covariance) | <= 15 us |
/// | `job-logistic-nb2-refits-1000x60` | 1,000 bootstrap refits of a 60-day logistic NB2 fit (`CurveRefitter`) | <= 5 ms |
/// | `job-logistic-nb2-projection-60` | the whole bootstrap projection, B = 1,000, horizon 30 (`CurveProjector`) | none set |
/// | `job-analysis-bundled-threads=2` | `Analysis.run` with the defaults of `inflow project` on the bundled figures, two threads | < 100 ms (the whole command) |
///
/// `Guides/Performance.md` counts the arithmetic each job needs and compares it with these timings; the peer table
/// (`Benchmarks/peers/compare.py`) times the same jobs against R, scipy and statsmodels.
func registerJobBenchmarks() {
    let milliseconds = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        maxDuration: .seconds(3)
    )
    let microseconds = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(2)
    )

    // 1,000 series of 60 days on u = t / 59, log mu = b0 + b1 u + b2 u^2 with series-specific curves, NB2 counts.
    let days = 60, seriesCount = 1_000
    var generator = Xoshiro256StarStar(seed: 0x6C3)
    let design = Matrix(rowMajor: (0..<days).map { t -> [Double] in
        let u = Double(t) / Double(days - 1)
        return [1, u, u * u]
    })
    var columns: [Double] = []
    columns.reserveCapacity(days * seriesCount)
    for _ in 0..<seriesCount {
        let b0 = Double.random(in: 1...5, using: &generator)
        let b1 = Double.random(in: -2...4, using: &generator)
        let b2 = Double.random(in: -4...1, using: &generator)
        let theta = exp(Double.random(in: log(2)...log(60), using: &generator))
        for i in 0..<days {
            let mean = exp(b0 + b1 * design[i, 1] + b2 * design[i, 2])
            columns.append(Double(try! NegativeBinomial(mean: mean, dispersion: theta).sample(using: &generator)))
        }
    }
    let responses = Matrix(rows: days, columns: seriesCount, columnMajor: columns)
    let batch = try! BatchedGLM(design: design)
    let batchOptions = BatchedGLM.Options(threads: 1)

    Benchmark("job-glm-poisson-batched-1000x60", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! batch.fit(responses: responses, family: .poisson, options: batchOptions))
        }
    }
    Benchmark("job-glm-nb2-batched-1000x60", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! batch.fit(responses: responses, family: .negativeBinomialEstimated, options: batchOptions))
        }
    }
    let seriesResponses = (0..<seriesCount).map { Array(responses.column($0)) }
    Benchmark("job-glm-poisson-loop-1000x60", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            for response in seriesResponses {
                blackHole(try! IRLS.fit(design: design, response: response, family: PoissonLogFamily()))
            }
        }
    }

    // Nine days of a logistic surge (K = 3,000, r = 0.6, t0 = 5, NB2 theta = 20), as the bundled January figures.
    let nine = logisticCounts(days: 9, size: 3_000, rate: 0.6, midpoint: 5, theta: 20, generator: &generator)
    let nineSeries = InflowSeries(kind: .counts, days: (0..<9).map(Double.init), values: nine)
    let nineDesign = Matrix(rowMajor: (0..<9).map { t in [1, Double(t), Double(t * t)] })
    Benchmark("job-glm-poisson-9", configuration: microseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! IRLS.fit(design: nineDesign, response: nine, family: PoissonLogFamily()))
        }
    }
    let quadratic = LogLinearModel(basis: .polynomial(degree: 2))
    Benchmark("job-glm-nb2-9", configuration: microseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! quadratic.fit(nineSeries, error: .negativeBinomial))
        }
    }
    let ninePrepared = nineSeries.prepared()
    Benchmark("job-logistic-nb2-9", configuration: microseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! Logistic().fit(ninePrepared, error: .negativeBinomial))
        }
    }

    // Sixty days (K = 5,000, r = 0.15, t0 = 30, theta = 20): the fit, then 1,000 replicate series drawn from its
    // means, each refitted from the estimate with the projector's refit tolerances.
    let sixty = logisticCounts(days: 60, size: 5_000, rate: 0.15, midpoint: 30, theta: 20, generator: &generator)
    let sixtyFit = try! Logistic().fit(InflowSeries(kind: .counts, days: (0..<60).map(Double.init), values: sixty).prepared(),
                                       error: .negativeBinomial)
    let refitter = sixtyFit.refitter()
    let workspace = refitter.makeWorkspace()
    let estimate = sixtyFit.vector
    var refitOptions = sixtyFit.solverOptions
    refitOptions.functionTolerance = max(refitOptions.functionTolerance, 1e-10)
    refitOptions.parameterTolerance = max(refitOptions.parameterTolerance, 1e-8)
    let theta = sixtyFit.parameters["theta"] ?? 20
    let replicates = (0..<1_000).map { _ in
        sixtyFit.fitted.map { Double(try! NegativeBinomial(mean: $0, dispersion: theta).sample(using: &generator)) }
    }
    Benchmark("job-logistic-nb2-refits-1000x60", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            for counts in replicates {
                blackHole(refitter.refit(counts, from: estimate, options: refitOptions, workspace: workspace))
            }
        }
    }
    let projectionOptions = ProjectionOptions(horizon: 30, replicates: 1_000, seed: 1, threads: 1)
    Benchmark("job-logistic-nb2-projection-60", configuration: milliseconds) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! CurveProjector.project(sixtyFit, options: projectionOptions))
        }
    }

    // The default pipeline of `inflow project` on the bundled January 2026 figures: seven families with their
    // bootstraps, the rolling-origin backtest, stacking, the ensemble's own backtest and the pool-size scenarios.
    // Two threads share the replicates, so the count of allocations depends on their timing: it is not recorded.
    let bundled = try! BundledDataset.defaultDataset.load()
    let pipelineMetrics: [BenchmarkMetric] = [.wallClock, .cpuTotal]
    Benchmark("job-analysis-bundled-threads=2", configuration: Benchmark.Configuration(
        metrics: pipelineMetrics, timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(10),
        maxIterations: 10, thresholds: InflowThresholds.tolerances(for: pipelineMetrics))) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! Analysis.run(bundled))
        }
    }
}

/// Daily NB2 counts around a logistic curve: day `t` gets mean `K (F(t + 1) - F(t))`, `F` the logistic CDF.
private func logisticCounts(days: Int, size: Double, rate: Double, midpoint: Double, theta: Double,
                            generator: inout Xoshiro256StarStar) -> [Double] {
    let cdf = { (t: Double) in 1 / (1 + exp(-rate * (t - midpoint))) }
    return (0..<days).map { t in
        let mean = size * (cdf(Double(t + 1)) - cdf(Double(t)))
        return Double(try! NegativeBinomial(mean: mean, dispersion: theta).sample(using: &generator))
    }
}
