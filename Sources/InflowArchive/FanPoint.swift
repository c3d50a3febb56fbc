import Foundation

/// One day of an archived fan chart, with what was later published for it: for drawing a past projection against
/// what happened.
public struct FanPoint: Sendable, Equatable {
    /// `day inc arrivals` or `day cum arrivals`.
    public var target: String
    /// The target day, and the end of the period it covers.
    public var targetEndDate: String
    /// The end of the period the target covers.
    public var end: Date
    /// Days from the forecast's reference date to the target day.
    public var horizon: Int
    /// The forecast's median and central 50 and 90% intervals.
    public var median: Double
    /// The lower end of the central 50% interval.
    public var lower50: Double
    /// The upper end of the central 50% interval.
    public var upper50: Double
    /// The lower end of the central 90% interval.
    public var lower90: Double
    /// The upper end of the central 90% interval.
    public var upper90: Double
    /// What was published for the target, if anything yet.
    public var observation: ObservedValue?

    /// A point of a fan.
    public init(target: String, targetEndDate: String, end: Date, horizon: Int, median: Double, lower50: Double,
                upper50: Double, lower90: Double, upper90: Double, observation: ObservedValue?) {
        self.target = target
        self.targetEndDate = targetEndDate
        self.end = end
        self.horizon = horizon
        self.median = median
        self.lower50 = lower50
        self.upper50 = upper50
        self.lower90 = lower90
        self.upper90 = upper90
        self.observation = observation
    }
}
