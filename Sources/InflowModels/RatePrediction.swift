import Foundation

/// The inflow rate of a ``LogLinearFit`` at one time with a confidence interval made on the link scale, as R's
/// `predict.glm(type = "link", se.fit = TRUE)` and statsmodels' `get_prediction`: the linear predictor
/// `eta = x(t)^T b`, its standard error `s = sqrt(x(t)^T V x(t))` (``LogLinearFit/covariance``), and the rate
/// `exp(eta)` with the interval `[exp(eta - z s), exp(eta + z s)]`.
///
/// The interval is for the mean rate (parameter uncertainty only), not for a new count.
public struct RatePrediction: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Days since the series origin.
    public let time: Double
    /// The same instant as a date.
    public let date: Date
    /// The level of the interval.
    public let level: Double
    /// The linear predictor `eta = x(t)^T b` (log arrivals per day).
    public let linearPredictor: Double
    /// Standard error of `eta`.
    public let standardError: Double
    /// The rate `exp(eta)`, arrivals per day.
    public let rate: Double
    /// `exp(eta - z s)`.
    public let lower: Double
    /// `exp(eta + z s)`.
    public let upper: Double

    /// A row from the linear predictor, its standard error and the normal quantile `z` of `level`.
    /// - Complexity: O(1).
    public init(time: Double, date: Date, level: Double, linearPredictor: Double, standardError: Double, z: Double) {
        self.time = time
        self.date = date
        self.level = level
        self.linearPredictor = linearPredictor
        self.standardError = standardError
        rate = exp(linearPredictor)
        lower = exp(linearPredictor - z * standardError)
        upper = exp(linearPredictor + z * standardError)
    }

    /// `day 6: 208 a day (interval 195 to 222, 95% for the mean rate)`.
    public var description: String {
        "day \(SizeBound.readable(time)): \(SizeBound.readable(rate)) a day (interval \(SizeBound.readable(lower)) to "
            + "\(SizeBound.readable(upper)), \(String(format: "%g", level * 100))% for the mean rate)"
    }
}
