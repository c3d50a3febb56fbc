import Foundation
import Inflow

/// The jobs `inflow-timing SERIES.csv` times (the Benchmarks README's older table): fits of every family, the
/// B = 1,000 bootstrap projection, the spline GLM bootstrap, 1,000 series on two threads, `inflow project` on the
/// bundled data. Groups for `INFLOW_TIMING_ONLY`: fits, bootstrap, glm, many, project; profile-logistic and
/// profile-richards repeat one NB2 fit 20,000 times for `perf record`. One JSON line per job (``report(_:_:_:)``).
/// These are Inflow's own figures; the like-for-like peer comparison is `inflow-timing peers` (``PeerTiming``).
func legacyJobs(path: String) throws {
    let loaded = try SeriesLoader().load(contentsOf: URL(fileURLWithPath: path))
    let series = loaded.series[0]
    let prepared = series.prepared()

    BLAS.setThreadCount(1)
    // For profilers (`perf record`): the logistic or Richards NB2 fit alone, many times over.
    for name in ["logistic", "richards"] where onlyGroups?.contains("profile-\(name)") == true {
        let family: any CurveFamily = name == "logistic" ? Logistic() : Richards()
        let seconds = try median(20_000) { _ = try family.fit(prepared, error: .negativeBinomial) }
        report("fit \(name) negative-binomial (profile loop)", seconds)
    }
    if selected("fits") {
    // One fit of each family, Poisson and NB2, as `fit()` does it (multi-start, covariance).
    for error in [ErrorFamily.poisson, .negativeBinomial] {
        for family in CurveFamilies.all {
            let seconds = try median(21) { _ = try family.fit(prepared, error: error) }
            report("fit \(family.name) \(error.rawValue)", seconds)
        }
    }
    // The single-start fit without the observed-information covariance (the bootstrap's refit path).
    for family in [Logistic(), Richards()] as [any CurveFamily] {
        let options = FitOptions(multiStart: false, covariance: .expected)
        let seconds = try median(51) { _ = try family.fit(prepared, error: .negativeBinomial, options: options) }
        report("fit \(family.name) negative-binomial single-start", seconds)
    }
    }
    // B = 1,000 parametric bootstrap of the logistic NB2 fit, one core.
    if selected("bootstrap") {
        let fit = try Logistic().fit(prepared, error: .negativeBinomial)
        let seconds = try median(5) {
            _ = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 30, replicates: 1000, seed: 1, threads: 1))
        }
        report("bootstrap logistic negative-binomial B=1000 threads=1", seconds)
    }

    // B = 10,000 parametric bootstrap of an NB2 spline GLM on a 365-day series, two cores.
    if selected("glm") {
    let yearSeries: InflowSeries = {
        var generator = Xoshiro256StarStar(seed: 365)
        let counts = (0..<365).map { t -> Double? in
            let x = Double(t) / 365
            let rate = exp(3 + 2.5 * x - 3 * x * x + 0.3 * sin(12 * x))
            return Double(Poisson.sample(mean: rate * Gamma.standardSample(shape: 20, using: &generator) / 20, using: &generator))
        }
        return InflowSeries(kind: .counts, days: (0..<365).map(Double.init), values: counts)
    }()
    let glm = try LogLinearModel(basis: .naturalSpline(degreesOfFreedom: 6)).fit(yearSeries, error: .negativeBinomial)
    BLAS.setThreadCount(2)
    let glmSeconds = try median(5) {
        _ = try LogLinearProjector.project(glm, options: ProjectionOptions(horizon: 30, replicates: 10_000, seed: 1, threads: 2))
    }
    BLAS.setThreadCount(1)
    report("bootstrap spline GLM negative-binomial n=365 B=10000 threads=2", glmSeconds, "df 6, theta held at its estimate")
    }

    // 1,000 sixty-day series, each fitted once (logistic NB2), and with B = 200 bootstrap each; two cores.
    if selected("many") {
    let manySeries = (0..<1000).map { index in
        Simulator(family: Logistic(), parameters: [3000, 0.25, 30], error: .negativeBinomial, noiseParameter: 20)
            .simulate(days: 60, seed: UInt64(1000 + index)).prepared()
    }
    let fitsSeconds = try median(3) {
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for index in stride(from: worker, to: manySeries.count, by: 2) {
                _ = try? Logistic().fit(manySeries[index], error: .negativeBinomial)
            }
        }
    }
    report("fit 1000 series logistic negative-binomial threads=2", fitsSeconds)
    let manyFits = manySeries.compactMap { try? Logistic().fit($0, error: .negativeBinomial) }
    let bootstrapSeconds = try median(1) {
        for (index, fit) in manyFits.enumerated() {
            _ = try CurveProjector.project(fit, options: ProjectionOptions(horizon: 30, replicates: 200, seed: UInt64(index), threads: 2))
        }
    }
    report("bootstrap 1000 series logistic negative-binomial B=200 threads=2", bootstrapSeconds)
    }
    // `inflow project` on the bundled January 2026 figures, as the command runs it by default: every default family,
    // stacking weights on a rolling-origin backtest, the pipeline rerun at each backtest origin, the sensitivity table,
    // B = 1,000 per model, two threads.
    if selected("project") {
        let data = try BundledDataset.defaultDataset.load()
        let seconds = try median(5) { _ = try Analysis.run(data, options: AnalysisOptions(threads: 2)) }
        report("project bundled data, default pipeline (stacking, retrospective, sensitivity) threads=2", seconds)
        var bare = AnalysisOptions(threads: 2)
        bare.includesRetrospective = false
        bare.includesSensitivity = false
        let bareSeconds = try median(5) { _ = try Analysis.run(data, options: bare) }
        report("project bundled data, stacking only threads=2", bareSeconds)
    }
}
