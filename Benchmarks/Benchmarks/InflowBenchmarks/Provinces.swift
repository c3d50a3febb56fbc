import Benchmark
import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowProjection
import InflowProvinces

/// The provincial jobs of `inflow project --by province` on 25 provinces:
///
/// * `provinces-fit-P=25-n=12`: ``ProvincialModel/fit(_:counts:error:options:)`` on 12 days of national
///   Poisson counts (no province counts): nine national fits of the 25-origin ``ProvincialRelease`` family,
///   one per node of the `a` axis. One core.
/// * `provinces-fit-counts-P=25-n=12`: the same with the five provinces' daily counts: one more national fit,
///   and the counts' likelihood on the 9 x 31 delay grid. One core.
/// * `provinces-split-P=25-B=1000-h=30-threads=2`: ``ProvincialAllocation/run(_:fit:shares:seed:threads:)`` of
///   a 1,000-replicate, 30-day site projection among the 25 provinces on two threads.
/// * `provinces-job-P=25-B=1000-h=30-threads=2`: the whole job of the goal (under 1 s on 2 cores):
///   fit the model, bootstrap its national fit for 1,000 replicates over 30 days (``CurveProjector``, two
///   threads), and split the projection (two threads).
///
/// The data: the provincial simulator with a 4,000 pool in five provinces (Banteay Meanchey 30%, Kandal 20%,
/// Preah Sihanouk 20%, Mondulkiri 15%, Svay Rieng 15%), hazard 0.25 a day, onset half a day in, travel delay
/// 1.5 days lost and 180 km a day, 5 background arrivals a day; built in `setup` (not timed).
func registerProvinceBenchmarks() {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal]
    let configuration = Benchmark.Configuration(
        metrics: metrics,
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(4),
        maxIterations: 200,
        thresholds: InflowThresholds.tolerances(for: metrics)
    )

    Benchmark("provinces-fit-P=25-n=12", configuration: configuration) { benchmark, inputs in
        for _ in benchmark.scaledIterations {
            blackHole(try! inputs.model.fit(inputs.site, counts: nil, error: .poisson, options: ProvinceInputs.options))
        }
    } setup: {
        ProvinceInputs.make()
    }

    Benchmark("provinces-fit-counts-P=25-n=12", configuration: configuration) { benchmark, inputs in
        for _ in benchmark.scaledIterations {
            blackHole(try! inputs.model.fit(inputs.site, counts: inputs.counts, error: .poisson, options: ProvinceInputs.options))
        }
    } setup: {
        ProvinceInputs.make()
    }

    Benchmark("provinces-split-P=25-B=1000-h=30-threads=2", configuration: configuration) {
        (benchmark: Benchmark, inputs: (fit: ProvincialFit, projection: Projection)) in
        for _ in benchmark.scaledIterations {
            blackHole(ProvincialAllocation.run(inputs.projection, fit: inputs.fit, seed: 1, threads: 2))
        }
    } setup: {
        let inputs = ProvinceInputs.make()
        let fit = try! inputs.model.fit(inputs.site, counts: nil, error: .poisson, options: ProvinceInputs.options)
        let projection = try! CurveProjector.project(fit.fit, options: ProjectionOptions(horizon: 30, replicates: 1_000, threads: 2))
        return (fit: fit, projection: projection)
    }

    Benchmark("provinces-job-P=25-B=1000-h=30-threads=2", configuration: configuration) { benchmark, inputs in
        for _ in benchmark.scaledIterations {
            let fit = try! inputs.model.fit(inputs.site, counts: nil, error: .poisson, options: ProvinceInputs.options)
            let projection = try! CurveProjector.project(fit.fit, options: ProjectionOptions(horizon: 30, replicates: 1_000, threads: 2))
            blackHole(ProvincialAllocation.run(projection, fit: fit, seed: 1, threads: 2))
        }
    } setup: {
        ProvinceInputs.make()
    }
}

/// The simulated provincial data of the benchmarks.
enum ProvinceInputs {
    static let options = FitOptions(background: .fixed(5))

    static func make() -> (model: ProvincialModel, site: InflowSeries, counts: ProvinceCounts) {
        let gazetteer = try! ProvinceGazetteer.bundled()
        let weights: [String: Double] = ["KH-1": 0.30, "KH-11": 0.15, "KH-8": 0.20, "KH-18": 0.20, "KH-20": 0.15]
        let simulator = ProvincialSimulator(provinces: gazetteer.provinces,
                                            pools: gazetteer.provinces.map { 4_000 * (weights[$0.isoCode] ?? 0) },
                                            hazard: 0.25, onset: 0.5,
                                            delay: TravelDelay(fixedDays: 1.5, kilometresPerDay: 180, shape: 4), background: 5)
        let origin = Date(timeIntervalSince1970: 1_768_435_200)
        let counts = simulator.counts(days: 0..<12, seed: 11)
        let (site, byProvince) = ProvincialSimulator.series(counts, provinces: gazetteer.provinces, days: 0..<12, origin: origin)
        let observed = try! ProvinceCounts.from(series: byProvince, gazetteer: gazetteer, origin: origin)
        return (ProvincialModel(gazetteer: gazetteer), site, observed)
    }
}
