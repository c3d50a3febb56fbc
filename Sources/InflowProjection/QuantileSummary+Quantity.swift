import InflowModels

extension QuantileSummary {
    /// What a summary's values are, which decides how its ``QuantileSummary/description`` prints them.
    ///
    /// A projection's summaries are counts (``count``) or a remaining pool (``remainingPool(observed:)``);
    /// a summary made from any other sample (shares, rates) is a ``number``.
    public enum Quantity: Sendable, Equatable, Codable {
        /// Any number (a share, a rate): whole numbers with thousands separators from 100 up, three significant
        /// digits below (`0.412`).
        case number
        /// A number of arrivals or people: whole numbers with thousands separators; a type 7 quantile between two
        /// counts (32.3) prints as the nearest whole arrival (32).
        case count
        /// A remaining pool of people after `observed` have been counted: whole numbers, and the central 90%
        /// interval as a ``/InflowModels/SizeBound`` with `remaining` set: when its upper end is not one the data
        /// give (it implies a final size at the limit ``/InflowModels/SizeBound/undeterminedFactor`` times what has
        /// been observed, or is not finite), the summary prints `not determined by these data (at least X)`.
        case remainingPool(observed: Double)
    }
}
