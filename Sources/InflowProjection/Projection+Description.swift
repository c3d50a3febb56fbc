import Foundation
import InflowStatistics

extension Projection: CustomStringConvertible {
    /// `logistic (negative-binomial): 30 periods from day 9.0, 1000 replicates; next 7 periods 432 (90%: 162 to
    /// 2,024); remaining pool after the last figure 563 (90%: 32 to 2,104); local days 2026-01-25 to 2026-02-23
    /// (UTC+07:00)`: the days are those the periods cover on the series' clock (``day(_:)``). Arrivals and the pool
    /// are whole numbers; the pool (``remainingNow(levels:)``, for models with a final size) reads `not determined by
    /// these data (at least X)` when the data do not bound it.
    public var description: String {
        let week = arrivals(overFirst: 7, levels: [0.05, 0.5, 0.95])
        let pool = hasFinalSize ? "; remaining pool after the last figure \(remainingNow(levels: [0.05, 0.5, 0.95]))" : ""
        let days = periods > 0 ? "; local days \(day(0).text) to \(day(periods - 1).text) (\(utcOffsetText))" : ""
        return "\(model): \(periods) periods from day \(String(format: "%.1f", grid.boundaries[0])), \(replicates) replicates; "
            + "next \(min(7, periods)) periods \(week)" + pool + days
    }

    /// The central interval of a target in period `k` at any coverage (0.85, 0.5...), from the samples themselves
    /// (not only the 23 hub levels); `nil` for a coverage outside (0, 1) or a period outside the grid.
    /// - Complexity: one sort of the period's replicates.
    public func interval(_ target: ProjectionTarget, period k: Int, coverage: Double) -> (lower: Double, upper: Double)? {
        guard coverage > 0, coverage < 1, k >= 0, k < periods else { return nil }
        return QuantileSummary(sample: samples(target).row(k), levels: [(1 - coverage) / 2, 0.5, (1 + coverage) / 2])
            .interval(coverage)
    }
}
