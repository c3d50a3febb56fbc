import Foundation
import InflowModels
import InflowStatistics

/// One figure a rolling-origin backtest scored: what followed an origin, and every member's predictive
/// sample of it (the members that could not be fitted or projected at that origin have none).
public struct BacktestForecast: Sendable {
    /// The forecast origin (the last observation used).
    public let origin: Date
    /// The time of the figure.
    public let target: Date
    /// Whole days from the origin to the figure, rounded up.
    public let horizon: Int
    /// The figure: the cumulative total at that time (cumulative data) or the period's count.
    public let observed: Double
    /// Each member's predictive sample of the figure.
    public let samples: [ModelID: PredictiveSample]

    /// A scored figure.
    public init(origin: Date, target: Date, horizon: Int, observed: Double, samples: [ModelID: PredictiveSample]) {
        self.origin = origin
        self.target = target
        self.horizon = horizon
        self.observed = observed
        self.samples = samples
    }
}
