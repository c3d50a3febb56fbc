import InflowCore
import Foundation
import InflowModels
import InflowStatistics

/// Rolling-origin evaluation: for each origin, fit on the data up to it, project, and score
/// what followed.
///
/// For cumulative totals the scored quantity is the total at each later report within the
/// horizon (its forecast is the observed total at the origin plus the projected arrivals up
/// to that report, on a grid whose periods end at the later reports); for counts it is each
/// later day's count. Scores: WIS with its parts and CRPS (from the sample), absolute error
/// of the median, count bias, non-randomised PIT and 50/80/90/95% coverage.
///
/// - Complexity: one fit and one bootstrap projection per model and origin.
public enum Backtest {
    /// Backtests one family on a series.
    public static func run(
        _ family: any CurveFamily, error: ErrorFamily, series: InflowSeries,
        fitOptions: FitOptions = FitOptions(), options: BacktestOptions = BacktestOptions()
    ) -> BacktestResult {
        var result = BacktestResult()
        let label = ModelID(family: family.name, error: error)
        let full = series.prepared()
        let origins = options.origins ?? automaticOrigins(full, series: series, minimum: options.minimumObservations)
        for (index, origin) in origins.enumerated() {
            let originDay = origin.timeIntervalSince(series.origin) / 86_400
            // Data up to the origin.
            var truncated = series
            let keep = series.times.indices.filter { series.times[$0] <= origin }
            truncated.times = keep.map { series.times[$0] }
            truncated.values = keep.map { series.values[$0] }
            // What followed, within the horizon.
            let followers = futureTruths(full, after: originDay, horizon: Double(options.horizon))
            guard !followers.isEmpty else {
                result.skipped.append((label, origin, "no observation within \(options.horizon) days after it"))
                continue
            }
            let fit: CurveFit
            do {
                fit = try family.fit(truncated, error: error, options: fitOptions)
            } catch {
                result.skipped.append((label, origin, "\(error)"))
                continue
            }
            if case .failed(let reason) = fit.status {
                result.skipped.append((label, origin, "fit failed: \(reason)"))
                continue
            }
            let grid = ProjectionGrid(boundaries: [fit.observations.lastTime] + followers.map(\.end))
            let projection: Projection
            do {
                projection = try CurveProjector.project(
                    fit, options: ProjectionOptions(horizon: options.horizon, replicates: options.replicates,
                                                    seed: options.seed, seriesIndex: 1000 + index,
                                                    threads: options.threads),
                    grid: grid)
            } catch {
                result.skipped.append((label, origin, "\(error)"))
                continue
            }
            let samples = full.kind == .counts ? projection.increments : projection.cumulative
            for (k, truth) in followers.enumerated() {
                let draws = samples.row(k).filter(\.isFinite)
                guard let sample = try? PredictiveSample(values: draws),
                      let quantiles = try? sample.quantileForecast() else { continue }
                let y = truth.value
                let wis = WeightedIntervalScore(forecast: quantiles, observation: y)
                let pit = sample.pit(observation: Int(y.rounded()))
                func covers(_ level: Double) -> Bool { (try? quantiles.covers(observation: y, nominalCoverage: level)) ?? false }
                result.scores.append(BacktestScore(
                    model: label, origin: origin, target: series.date(atDay: truth.end),
                    horizon: Int((truth.end - originDay - ProjectionGrid.boundarySnap).rounded(.up)),
                    targetName: full.kind == .counts ? ProjectionTarget.incidence.rawValue : ProjectionTarget.cumulative.rawValue,
                    observed: y, median: sample.median, wis: wis.total, dispersion: wis.dispersion,
                    underprediction: wis.underprediction, overprediction: wis.overprediction,
                    crps: sample.crps(observation: y), absoluteError: abs(sample.median - y),
                    bias: sample.bias(observation: Int(y.rounded())), pitLower: pit.lower, pitUpper: pit.upper,
                    covered50: covers(0.5), covered80: covers(0.8), covered90: covers(0.9), covered95: covers(0.95)))
            }
        }
        return result
    }

    /// Report times that leave `minimum` observations before them and at least one after.
    static func automaticOrigins(_ prepared: PreparedObservations, series: InflowSeries, minimum: Int) -> [Date] {
        let ends = prepared.kind == .level ? prepared.levelTimes : prepared.intervals.map(\.end)
        guard ends.count > minimum else { return [] }
        return ends[(minimum - 1)..<(ends.count - 1)].map { series.date(atDay: $0) }
    }

    /// Later observations within the horizon: `(end, value)` with the cumulative total at the
    /// end (cumulative data) or the period's count (counts).
    static func futureTruths(_ prepared: PreparedObservations, after origin: Double, horizon: Double)
        -> [(end: Double, value: Double)] {
        switch prepared.kind {
        case .level:
            return zip(prepared.levelTimes, prepared.levelValues)
                .filter { $0.0 > origin + ProjectionGrid.boundarySnap && $0.0 <= origin + horizon }
                .map { (end: $0.0, value: $0.1) }
        case .counts:
            return prepared.intervals
                .filter { $0.start >= origin - ProjectionGrid.boundarySnap && $0.end <= origin + horizon + ProjectionGrid.boundarySnap }
                .map { (end: $0.end, value: $0.count) }
        case .cumulative:
            var running = prepared.baseline
            var truths: [(end: Double, value: Double)] = []
            for interval in prepared.intervals {
                running += interval.count
                if interval.end > origin + ProjectionGrid.boundarySnap && interval.end <= origin + horizon {
                    truths.append((interval.end, running))
                }
            }
            return truths
        }
    }
}
