import Foundation

/// The mean curve of a ``CurveFit`` at one time, with confidence intervals (``CurveFit/predict(at:level:period:)-([Double],_,_)``).
///
/// - ``cumulative``: the expected total at `t`, on the scale of the data: for counts and cumulative totals
///   `M(t) = b + C(t) - C(t_1) + beta (t - t_1)`, with `t_1` the start of the first observed period and `b` the
///   baseline total of cumulative data counted from an unknown start (0 otherwise); for level data
///   `M(t) = C(t) + beta t`, the fitted level.
/// - ``perPeriod``: the expected count of the period `(t, t + L]` of length ``period``, made as the fit made its
///   means: `C(t + L) - C(t) + beta L`, or `(c(t) + beta) L` when the fit modelled counts as rates
///   (``FitOptions/countsAsRate``); level data: `M(t + L) - M(t)`.
///
/// Both intervals are for the mean (parameter uncertainty only, delta method on the log scale, see
/// ``PredictedMean``); new counts scatter more (a projection's predictive interval holds them).
public struct CurvePrediction: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Days since the series origin.
    public let time: Double
    /// The same instant as a date.
    public let date: Date
    /// The period length `L` in days.
    public let period: Double
    /// The level of the intervals.
    public let level: Double
    /// Expected total at ``time``.
    public let cumulative: PredictedMean
    /// Expected count of the period `(time, time + period]`.
    public let perPeriod: PredictedMean

    /// A prediction row.
    public init(time: Double, date: Date, period: Double, level: Double, cumulative: PredictedMean, perPeriod: PredictedMean) {
        self.time = time
        self.date = date
        self.period = period
        self.level = level
        self.cumulative = cumulative
        self.perPeriod = perPeriod
    }

    /// `day 14: total 2,456 (interval 2,300 to 2,610); next 1 day 12.3 (interval 8.1 to 18.7) (95%, mean curve)`.
    public var description: String {
        let days = period == 1 ? "1 day" : "\(SizeBound.readable(period)) days"
        return "day \(SizeBound.readable(time)): total \(cumulative); next \(days) \(perPeriod) "
            + "(\(String(format: "%g", level * 100))% for the mean curve, not for new counts)"
    }
}
