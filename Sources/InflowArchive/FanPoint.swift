import Foundation

/// One day of an archived fan chart, with what was later published for it: for drawing a past projection against
/// what happened.
public struct FanPoint: Sendable, Equatable {
    /// `day inc arrivals` or `day cum arrivals`.
    public var target: String
    /// The target day, and the end of the period it covers.
    public var targetEndDate: String
    public var end: Date
    public var horizon: Int
    /// The forecast's median and central 50 and 90% intervals.
    public var median: Double
    public var lower50: Double
    public var upper50: Double
    public var lower90: Double
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
