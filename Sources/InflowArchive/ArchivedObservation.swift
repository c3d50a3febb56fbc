import InflowCore

/// One figure a run was fitted to, as the archive keeps it: when it was published, its value and its kind. Scoring
/// compares these with newer files to find corrections.
public struct ArchivedObservation: Sendable, Codable, Equatable {
    /// The figure's time, ISO 8601 with its UTC offset (`2026-01-23T17:00+07:00`).
    public var time: String
    /// The value; `nil` when the row was missing.
    public var value: Double?
    /// What the figure said.
    public var kind: FigureKind

    /// An archived figure.
    public init(time: String, value: Double?, kind: FigureKind) {
        self.time = time
        self.value = value
        self.kind = kind
    }
}
