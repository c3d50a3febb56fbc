/// What a forecast archive holds: its complete runs, oldest reference date first, and the directories that were
/// skipped because they are not complete runs (each with the reason).
public struct ArchiveListing: Sendable {
    /// Complete runs, by reference date, then time of the run.
    public var runs: [ArchivedRun]
    /// One warning per skipped directory: `2026-01-24/20260125T093000Z-3fa2c1d0: no metadata.json (an interrupted run); skipped`.
    public var warnings: [String]

    /// A listing.
    public init(runs: [ArchivedRun], warnings: [String]) {
        self.runs = runs
        self.warnings = warnings
    }
}
