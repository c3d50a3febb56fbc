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
        evaluate([BacktestMember(family: family, error: error, fitOptions: fitOptions)], series: series,
                 options: options).scores
    }

    /// The outcome of ``evaluate(_:series:options:)``: every member's scores, the scored figures with every
    /// member's predictive sample (for stacking), and the origins used.
    public struct Evaluation: Sendable {
        /// Scores per member, origin and figure, with the origins each member skipped.
        public var scores: BacktestResult
        /// Each scored figure with the members' samples.
        public var forecasts: [BacktestForecast]
        /// The origins, in time order.
        public var origins: [Date]
    }

    /// Backtests `members` on a series: at each origin every member is fitted to the data up to it and
    /// projected over the figures that followed (within the horizon), each with its own random streams
    /// (``StreamKey/index(series:model:)`` of the series name, the member and the origin's position).
    /// - Complexity: one fit and one bootstrap projection per member and origin.
    public static func evaluate(_ members: [BacktestMember], series: InflowSeries,
                                options: BacktestOptions = BacktestOptions()) -> Evaluation {
        var result = BacktestResult()
        var forecasts: [BacktestForecast] = []
        let full = series.prepared()
        let origins = options.origins
            ?? Array(automaticOrigins(full, series: series, minimum: options.minimumObservations).suffix(options.maximumOrigins))
        for (index, origin) in origins.enumerated() {
            let originDay = origin.timeIntervalSince(series.origin) / 86_400
            // Data up to the origin.
            let truncated = series.prefix(through: origin)
            // What followed, within the horizon.
            let followers = futureTruths(full, after: originDay, horizon: Double(options.horizon))
            var samples = [[ModelID: PredictiveSample]](repeating: [:], count: followers.count)
            for member in members {
                let label = member.id
                guard !followers.isEmpty else {
                    result.skipped.append((label, origin, "no observation within \(options.horizon) days after it"))
                    continue
                }
                let fit: CurveFit
                do {
                    fit = try member.family.fit(truncated, error: member.error, options: member.fitOptions)
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
                        fit, options: ProjectionOptions(
                            horizon: options.horizon, replicates: options.replicates, seed: options.seed,
                            seriesIndex: StreamKey.index("\(series.name)\u{1F}\(label)\u{1F}origin \(index)"),
                            threads: options.threads),
                        grid: grid)
                } catch {
                    result.skipped.append((label, origin, "\(error)"))
                    continue
                }
                let matrix = full.kind == .counts ? projection.increments : projection.cumulative
                for (k, truth) in followers.enumerated() {
                    let draws = matrix.row(k).filter(\.isFinite)
                    guard let sample = try? PredictiveSample(values: draws),
                          let score = score(sample, truth: truth.value, model: label, origin: origin,
                                            target: series.date(atDay: truth.end),
                                            horizon: horizon(from: originDay, to: truth.end), kind: full.kind)
                    else { continue }
                    samples[k][label] = sample
                    result.scores.append(score)
                }
            }
            for (k, truth) in followers.enumerated() where !samples[k].isEmpty {
                forecasts.append(BacktestForecast(origin: origin, target: series.date(atDay: truth.end),
                                                  horizon: horizon(from: originDay, to: truth.end),
                                                  observed: truth.value, samples: samples[k]))
            }
        }
        return Evaluation(scores: result, forecasts: forecasts, origins: origins)
    }

    /// Whole days from `origin` to `end` (days since the series origin), rounded up.
    package static func horizon(from origin: Double, to end: Double) -> Int {
        Int((end - origin - ProjectionGrid.boundarySnap).rounded(.up))
    }

    /// The scores of one predictive sample of one figure: WIS with its parts, CRPS, absolute error of the
    /// median, count bias, PIT and coverage of the central 50/80/90/95% intervals.
    package static func score(_ sample: PredictiveSample, truth y: Double, model: ModelID, origin: Date, target: Date,
                      horizon: Int, kind: ObservationKind) -> BacktestScore? {
        guard let quantiles = try? sample.quantileForecast() else { return nil }
        let wis = WeightedIntervalScore(forecast: quantiles, observation: y)
        let pit = sample.pit(observation: Int(y.rounded()))
        func covers(_ level: Double) -> Bool { (try? quantiles.covers(observation: y, nominalCoverage: level)) ?? false }
        return BacktestScore(
            model: model, origin: origin, target: target, horizon: horizon,
            targetName: kind == .counts ? ProjectionTarget.incidence.rawValue : ProjectionTarget.cumulative.rawValue,
            observed: y, median: sample.median, wis: wis.total, dispersion: wis.dispersion,
            underprediction: wis.underprediction, overprediction: wis.overprediction,
            crps: sample.crps(observation: y), absoluteError: abs(sample.median - y),
            bias: sample.bias(observation: Int(y.rounded())), pitLower: pit.lower, pitUpper: pit.upper,
            covered50: covers(0.5), covered80: covers(0.8), covered90: covers(0.9), covered95: covers(0.95))
    }

    /// Report times that leave `minimum` observations before them and at least one after.
    static func automaticOrigins(_ prepared: PreparedObservations, series: InflowSeries, minimum: Int) -> [Date] {
        let ends = prepared.kind == .level ? prepared.levelTimes : prepared.intervals.map(\.end)
        guard ends.count > minimum else { return [] }
        return ends[(minimum - 1)..<(ends.count - 1)].map { series.date(atDay: $0) }
    }

    /// Later observations within the horizon: `(end, value)` with the cumulative total at the
    /// end (cumulative data) or the period's count (counts).
    package static func futureTruths(_ prepared: PreparedObservations, after origin: Double, horizon: Double)
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
