/// How far the pipeline has come: reported to ``Analysis/run(_:options:progress:)``'s callback after
/// each step (a fit, a backtest, a projection).
public struct AnalysisProgress: Sendable, Equatable {
    /// Steps done.
    public let completed: Int
    /// Steps in all.
    public let total: Int
    /// What the step that just started does: "fitting logistic".
    public let step: String
}
