import Foundation
import InflowModels

/// Scores of a rolling-origin backtest, with the origins that could not be used.
public struct BacktestResult: Sendable {
    /// One row per model, origin and scored time.
    public var scores: [BacktestScore]
    /// Origins (per model) that were skipped, with the reason.
    public var skipped: [(model: ModelID, origin: Date, reason: String)]

    /// A result; the arguments are the properties of the same names.
    public init(scores: [BacktestScore] = [], skipped: [(model: ModelID, origin: Date, reason: String)] = []) {
        self.scores = scores
        self.skipped = skipped
    }

    /// Average scores of a model over a set of rows.
    public struct Summary: Sendable, Codable {
        /// The model summarised.
        public let model: ModelID
        /// Horizon in days, or `nil` for all horizons together.
        public let horizon: Int?
        /// Forecasts averaged over.
        public let forecasts: Int
        /// Mean weighted interval score (``BacktestScore/wis``).
        public let wis: Double
        /// Mean CRPS of the samples.
        public let crps: Double
        /// Mean absolute error of the median.
        public let absoluteError: Double
        /// Mean bias, in [-1, 1].
        public let bias: Double
        /// Share of the forecasts whose central 50% interval held the observation.
        public let coverage50: Double
        /// Share of the forecasts whose central 80% interval held the observation.
        public let coverage80: Double
        /// Share of the forecasts whose central 90% interval held the observation.
        public let coverage90: Double
        /// Share of the forecasts whose central 95% interval held the observation.
        public let coverage95: Double
    }

    static func summarise(_ rows: [BacktestScore], model: ModelID, horizon: Int?) -> Summary {
        let n = Double(rows.count)
        func mean(_ value: (BacktestScore) -> Double) -> Double { rows.isEmpty ? .nan : rows.reduce(0) { $0 + value($1) } / n }
        return Summary(model: model, horizon: horizon, forecasts: rows.count, wis: mean(\.wis), crps: mean(\.crps),
                       absoluteError: mean(\.absoluteError), bias: mean(\.bias),
                       coverage50: mean { $0.covered50 ? 1 : 0 }, coverage80: mean { $0.covered80 ? 1 : 0 },
                       coverage90: mean { $0.covered90 ? 1 : 0 }, coverage95: mean { $0.covered95 ? 1 : 0 })
    }

    /// Models in the order they first appear.
    public var models: [ModelID] {
        var seen: [ModelID] = []
        for row in scores where !seen.contains(row.model) { seen.append(row.model) }
        for row in skipped where !seen.contains(row.model) { seen.append(row.model) }
        return seen
    }

    /// Per model, the averages over all horizons.
    public func overall() -> [Summary] {
        models.map { model in Self.summarise(scores.filter { $0.model == model }, model: model, horizon: nil) }
    }

    /// Per model and horizon, the averages.
    public func byHorizon() -> [Summary] {
        models.flatMap { model -> [Summary] in
            let rows = scores.filter { $0.model == model }
            return Set(rows.map(\.horizon)).sorted().map { h in
                Self.summarise(rows.filter { $0.horizon == h }, model: model, horizon: h)
            }
        }
    }

    /// Non-randomised PIT histogram of a model with `bins` bins: bin j holds the mean of
    /// `F̄(j/J) - F̄((j-1)/J)` over forecasts, `F̄(u)` the uniform CDF on `[F(y-1), F(y)]`.
    public func pitHistogram(model: ModelID, bins: Int = 10) -> [Double] {
        let rows = scores.filter { $0.model == model }
        guard !rows.isEmpty else { return Array(repeating: .nan, count: bins) }
        func fbar(_ u: Double, _ row: BacktestScore) -> Double {
            if u <= row.pitLower { return 0 }
            if u >= row.pitUpper { return 1 }
            return (u - row.pitLower) / (row.pitUpper - row.pitLower)
        }
        return (1...bins).map { j in
            rows.reduce(0) { $0 + fbar(Double(j) / Double(bins), $1) - fbar(Double(j - 1) / Double(bins), $1) } / Double(rows.count)
        }
    }
}
