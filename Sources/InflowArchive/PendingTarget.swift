/// An archived forecast whose target day has not been reported yet.
public struct PendingTarget: Sendable, Equatable {
    /// The archived run the forecast belongs to.
    public var runID: String
    /// The forecast's hub `location`.
    public var location: String
    /// The forecast's hub `target`.
    public var target: String
    /// The forecast's hub `horizon`, in days.
    public var horizon: Int
    /// The day not yet reported (hub `target_end_date`).
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
