/// An archived forecast whose target day has not been reported yet.
public struct PendingTarget: Sendable, Equatable {
    public var runID: String
    public var location: String
    public var target: String
    public var horizon: Int
    public var targetEndDate: String

    /// A pending target.
    public init(runID: String, location: String, target: String, horizon: Int, targetEndDate: String) {
        self.runID = runID
        self.location = location
        self.target = target
        self.horizon = horizon
        self.targetEndDate = targetEndDate
    }
}
