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
        evaluate(members, series: series, options: options, memo: nil)
    }

    /// ``evaluate(_:series:options:)`` with the member forecasts kept in, and taken from, `memo` (see
    /// ``BacktestMemo``): the same numbers, without fitting and bootstrapping a member twice on the same data.
    package static func evaluate(_ members: [BacktestMember], series: InflowSeries, options: BacktestOptions,
                                 memo: BacktestMemo?) -> Evaluation {
        var result = BacktestResult()
        var forecasts: [BacktestForecast] = []
        let full = series.prepared()
        let origins = options.origins
            ?? Array(automaticOrigins(full, series: series, minimum: options.minimumObservations).suffix(options.maximumOrigins))
        memo?.adoptStreamOrigins(origins)
        for (index, origin) in origins.enumerated() {
            let originDay = origin.timeIntervalSince(series.origin) / 86_400
            // Data up to the origin.
            let truncated = series.prefix(through: origin)
            // What followed, within the horizon.
            let followers = futureTruths(full, after: originDay, horizon: Double(options.horizon))
            var samples = [[ModelID: PredictiveSample]](repeating: [:], count: followers.count)
            let streamPosition = memo?.streamPosition(of: origin, index: index) ?? index
            for member in members {
                let label = member.id
                guard !followers.isEmpty else {
                    result.skipped.append((label, origin, "no observation within \(options.horizon) days after it"))
                    continue
                }
                let projectionOptions = ProjectionOptions(
                    horizon: options.horizon, replicates: options.replicates, seed: options.seed,
                    seriesIndex: streamIndex(series: series.name, model: label, originPosition: streamPosition),
                    threads: options.threads)
                let forecast: (fit: CurveFit, projection: Projection)
                switch memberForecast(member, data: truncated, followers: followers.map(\.end),
                                      options: projectionOptions, memo: memo) {
                case .success(let made): forecast = made
                case .failure(let skip):
                    result.skipped.append((label, origin, skip.reason))
                    continue
                }
                let matrix = full.kind == .counts ? forecast.projection.increments : forecast.projection.cumulative
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

    /// The random stream index of a member's bootstrap at the origin in position `originPosition`.
    package static func streamIndex(series: String, model: ModelID, originPosition: Int) -> Int {
        StreamKey.index("\(series)\u{1F}\(model)\u{1F}origin \(originPosition)")
    }

    /// Why a member has no forecast at an origin.
    package struct Skip: Error {
        /// The reason, in words.
        package var reason: String
    }

    /// A member's fit to `data` (the data up to an origin) and its bootstrap over the periods ending at
    /// `followers` (days since the series origin), from `memo` when it holds them.
    /// - Complexity: one fit and one bootstrap of `options.replicates` refits, or a look-up in `memo`.
    package static func memberForecast(_ member: BacktestMember, data: InflowSeries, followers: [Double],
                                       options: ProjectionOptions, memo: BacktestMemo?)
        -> Result<(fit: CurveFit, projection: Projection), Skip> {
        let fitOptions = member.fitOptions
        let key = BacktestMemo.Key(model: member.id, fitOptions: fitOptions, series: data, projection: options)
        let fit: CurveFit
        if let stored = memo?.fit(for: key) {
            fit = stored
        } else {
            do {
                fit = try member.family.fit(data, error: member.error, options: fitOptions)
            } catch {
                return .failure(Skip(reason: "\(error)"))
            }
        }
        if case .failed(let reason) = fit.status {
            return .failure(Skip(reason: "fit failed: \(reason)"))
        }
        let grid = ProjectionGrid(boundaries: [fit.observations.lastTime] + followers)
        if let stored = memo?.projection(for: key, grid: grid) {
            return .success((fit, stored))
        }
        do {
            let projection = try CurveProjector.project(fit, options: options, grid: grid)
            memo?.store(key, fit: fit, projection: projection)
            return .success((fit, projection))
        } catch {
            memo?.store(key, fit: fit, projection: nil)
            return .failure(Skip(reason: "\(error)"))
        }
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
