import InflowCore

/// A figure an archived run was fitted to that the newer file gives differently (a correction): the run is
/// scored against the newer figures, and the correction is reported.
public struct FigureCorrection: Sendable, Equatable {
    /// The run whose data it corrects.
    public var runID: String
    /// The figure's time, as archived.
    public var time: String
    /// The value the run used, and its kind.
    public var archived: Double
    /// The kind of the figure the run used.
    public var archivedKind: FigureKind
    /// The newer file's value and kind.
    public var newer: Double
    /// The kind of the newer file's figure.
    public var newerKind: FigureKind

    /// A correction.
    public init(runID: String, time: String, archived: Double, archivedKind: FigureKind, newer: Double, newerKind: FigureKind) {
        self.runID = runID
        self.time = time
        self.archived = archived
        self.archivedKind = archivedKind
        self.newer = newer
        self.newerKind = newerKind
    }
}
