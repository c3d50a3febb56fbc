/// One archived run scored: its forecasts' scores, the targets still pending, the figures the newer file
/// corrects, and its headline location's fan against what happened.
public struct RunScores: Sendable {
    /// The run.
    public var metadata: ArchiveRunMetadata
    /// Scores of the targets the newer figures determine.
    public var scores: [TargetScore]
    /// Targets after the newer file's last figure.
    public var pending: [PendingTarget]
    /// Targets before the last figure that the figures do not determine (a gap, a location without figures).
    public var undetermined: Int
    /// Figures of the run's data that the newer file gives differently.
    public var corrections: [FigureCorrection]
    /// The headline location's daily and cumulative fans, with the published values.
    public var fan: [FanPoint]

    /// Scores of a run.
    public init(metadata: ArchiveRunMetadata, scores: [TargetScore], pending: [PendingTarget], undetermined: Int,
                corrections: [FigureCorrection], fan: [FanPoint]) {
        self.metadata = metadata
        self.scores = scores
        self.pending = pending
        self.undetermined = undetermined
        self.corrections = corrections
        self.fan = fan
    }

    /// The run's scores averaged.
    public var summary: ScoreAggregate { ScoreAggregate(label: metadata.runID, scores: scores) }
}
