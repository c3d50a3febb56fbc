/// How the figures of a series were observed.
public enum ObservationKind: String, Sendable, CaseIterable, Codable {
    /// Counts per period: each value is the number of arrivals in the period that
    /// starts at its time and lasts ``InflowSeries/periodLength`` days.
    case counts
    /// Cumulative totals published at (possibly irregular) times: the count between
    /// two reports is the integral of the inflow rate over that interval.
    case cumulative
    /// The level of a curve itself (any measured y against t), fitted by least squares.
    case level
}
