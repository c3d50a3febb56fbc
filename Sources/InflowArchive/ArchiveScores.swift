/// Every archived run scored against a newer figure file (``ArchiveScorer``).
public struct ArchiveScores: Sendable {
    /// The runs, oldest reference date first.
    public var runs: [RunScores]
    /// Runs skipped (incomplete, unreadable) and locations without figures.
    public var warnings: [String]
    /// The time of the newer file's last figure (ISO 8601 with offset): targets after it are pending.
    public var lastFigure: String?

    /// Scores.
    public init(runs: [RunScores], warnings: [String], lastFigure: String?) {
        self.runs = runs
        self.warnings = warnings
        self.lastFigure = lastFigure
    }

    /// Every score of every run.
    public var scores: [TargetScore] { runs.flatMap(\.scores) }

    /// Every pending target.
    public var pending: [PendingTarget] { runs.flatMap(\.pending) }

    /// Every correction.
    public var corrections: [FigureCorrection] { runs.flatMap(\.corrections) }

    /// The targets' names, in the order they first appear.
    public var targets: [String] {
        scores.reduce(into: [String]()) { if !$0.contains($1.target) { $0.append($1.target) } }
    }

    /// Scores of one target averaged per horizon, shortest first.
    public func byHorizon(target: String) -> [ScoreAggregate] {
        let selected = scores.filter { $0.target == target }
        return Set(selected.map(\.horizon)).sorted().map { horizon in
            ScoreAggregate(label: "\(horizon)", scores: selected.filter { $0.horizon == horizon })
        }
    }

    /// Scores of one target averaged per run.
    public func byRun(target: String) -> [ScoreAggregate] {
        runs.compactMap { run in
            let selected = run.scores.filter { $0.target == target }
            return selected.isEmpty ? nil : ScoreAggregate(label: run.metadata.runID, scores: selected)
        }
    }
}
