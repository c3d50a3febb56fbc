import Foundation

/// The future periods a projection covers: boundaries in days since the series origin.
///
/// Daily grids follow calendar days of the series' frame (the origin is a midnight): the
/// first period runs from the last observation to the next day boundary, so a last report
/// at 17:00 leaves the rest of that day to be projected; a report within two minutes of a
/// boundary (23:59) counts as the boundary itself.
public struct ProjectionGrid: Sendable, Equatable {
    /// Period boundaries, ascending; period k is `(boundaries[k], boundaries[k + 1]]`.
    public let boundaries: [Double]

    /// A grid with the given period boundaries (increasing times in days).
    public init(boundaries: [Double]) {
        precondition(boundaries.count >= 2, "a projection grid needs at least one period")
        self.boundaries = boundaries
    }

    /// Number of periods.
    public var periodCount: Int { boundaries.count - 1 }

    /// Reports this close to a day boundary (in days: two minutes) are taken as the boundary.
    public static let boundarySnap = 2.0 / 1440

    /// Daily periods for `horizon` days after `lastTime` (days since the origin).
    public static func daily(after lastTime: Double, horizon: Int) -> ProjectionGrid {
        var firstEnd = lastTime.rounded(.up)
        // At a boundary, or a minute before it (23:59): the first period is the whole next day.
        if firstEnd - lastTime < boundarySnap { firstEnd += 1 }
        return ProjectionGrid(boundaries: [lastTime] + (0..<max(horizon, 1)).map { firstEnd + Double($0) })
    }

    /// The end of each period (days since the origin).
    public var ends: [Double] { Array(boundaries.dropFirst()) }
}
