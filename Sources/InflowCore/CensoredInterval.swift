/// A bound on the number of arrivals over a time interval `(start, end]`, times in days since the series
/// origin: a published "more than N" (``Direction-swift.enum/atLeast``) or "at most N"
/// (``Direction-swift.enum/atMost``) turned into a censored count.
///
/// Made by ``InflowSeries/prepared()`` from figures whose ``FigureKind`` is a bound:
/// - daily counts: a bound row bounds that period's count, `(t, t + periodLength]`;
/// - cumulative totals: a bound `B` on the total at `T`, after the last exact total `S` at `T0`, bounds the
///   count over `(T0, T]` by `B - S`.
///
/// The likelihood of a censored count `Y` with mean `mu` is `P(Y >= bound)` or `P(Y <= bound)` under the
/// error family (see `CurveLikelihood`); censored counts are kept apart from the exact interval counts, so
/// totals, residuals, bootstraps and backtests see exact figures only.
public struct CensoredInterval: Sendable, Equatable, Codable {
    /// Interval start, days since the origin.
    public var start: Double
    /// Interval end, days since the origin.
    public var end: Double
    /// The bound on the count in `(start, end]` (a whole number for published figures).
    public var bound: Double
    /// Whether the count is at least or at most ``bound``.
    public var direction: Direction
    /// Index of the figure in the series (zero based).
    public var index: Int

    /// An interval; the arguments are the properties of the same names.
    public init(start: Double, end: Double, bound: Double, direction: Direction, index: Int) {
        self.start = start
        self.end = end
        self.bound = bound
        self.direction = direction
        self.index = index
    }

    /// Length of the interval in days.
    public var length: Double { end - start }
}
