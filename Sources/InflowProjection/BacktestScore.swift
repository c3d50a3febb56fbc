import Foundation
import InflowModels

/// The scores of one forecast in a backtest: one model, one origin, one scored time.
public struct BacktestScore: Sendable, Codable {
    /// The model scored.
    public let model: ModelID
    /// Forecast origin (the last observation used).
    public let origin: Date
    /// The time that was forecast.
    public let target: Date
    /// Whole days from the origin to the target, rounded up (the forecast horizon).
    public let horizon: Int
    /// What was forecast (`cum arrivals` for cumulative totals, `inc arrivals` for counts).
    public let targetName: String
    /// What was then observed.
    public let observed: Double
    /// Median of the forecast.
    public let median: Double
    /// Weighted interval score and its parts (Bracher et al. 2021, 23 quantile levels).
    public let wis: Double
    /// The WIS's dispersion part (the intervals' widths).
    public let dispersion: Double
    /// The WIS's underprediction part (observations above the intervals).
    public let underprediction: Double
    /// The WIS's overprediction part (observations below the intervals).
    public let overprediction: Double
    /// CRPS of the sample.
    public let crps: Double
    /// `|median - observed|`.
    public let absoluteError: Double
    /// Bias for counts, `1 - (F(y) + F(y - 1))`, in [-1, 1].
    public let bias: Double
    /// Non-randomised PIT interval `[F(y - 1), F(y)]` (Czado, Gneiting & Held 2009).
    public let pitLower: Double
    /// The upper end of the PIT interval, `F(y)`; ``pitLower`` is `F(y - 1)`.
    public let pitUpper: Double
    /// Whether the observation fell inside the central 50, 80, 90 and 95% intervals.
    public let covered50: Bool
    /// Whether the observation fell inside the central 80% interval.
    public let covered80: Bool
    /// Whether the observation fell inside the central 90% interval.
    public let covered90: Bool
    /// Whether the observation fell inside the central 95% interval.
    public let covered95: Bool
}
