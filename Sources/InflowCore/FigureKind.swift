/// What a published figure says about the quantity it reports.
///
/// Published figures are often not exact: "more than 3,100 have reported" is a lower bound on the cumulative
/// total, "164 until 17:00" is a count for part of a day. An input file can say so in a `kind` column; without
/// one every figure is ``exact``.
///
/// - ``exact``: the value is the count (or cumulative total) at its time.
/// - ``lowerBound``: the true value is at least the figure (`total >= value`), written `lower_bound`.
/// - ``upperBound``: the true value is at most the figure (`total <= value`), written `upper_bound`.
/// - ``partialDay``: an exact figure for part of a day, up to the row's time of day (which must be given):
///   for cumulative totals the total at that time; for daily counts the arrivals from the day's start to that time.
public enum FigureKind: String, Sendable, Codable, CaseIterable {
    /// The value is the count (or cumulative total) at its time.
    case exact
    /// The true value is at least the figure; written `lower_bound`.
    case lowerBound = "lower_bound"
    /// The true value is at most the figure; written `upper_bound`.
    case upperBound = "upper_bound"
    /// An exact figure for part of a day, up to the row's time of day; written `partial_day`.
    case partialDay = "partial_day"

    /// Whether the figure bounds the true value instead of stating it.
    public var isBound: Bool { self == .lowerBound || self == .upperBound }

    /// The spellings a file may use, in the order they are documented.
    public static let spellings = allCases.map(\.rawValue)
}
