/// The error thrown when a forecast, a sample or a set of scores cannot be scored as given.
public enum ScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A quantile forecast has no quantile levels.
    case emptyForecast
    /// The numbers of quantile levels and quantile values differ.
    case countMismatch(levels: Int, values: Int)
    /// A quantile level is not strictly between 0 and 1 (or is NaN).
    case levelOutOfRange(Double)
    /// A quantile level occurs twice.
    case duplicateLevel(Double)
    /// The quantile levels do not include the median (0.5).
    case missingMedian
    /// A quantile level `p` has no partner `1 − p`, so it does not bound a central interval.
    case unpairedLevel(Double)
    /// The quantile value at this level is NaN or infinite.
    case nonFiniteValue(level: Double)
    /// The quantile value at this level is smaller than the value at the level below it.
    case decreasingValues(level: Double)
    /// A predictive sample has no draws.
    case emptySample
    /// A predictive sample has a NaN or infinite draw.
    case nonFiniteSample
    /// A coverage was asked for a central interval the forecast does not have.
    case missingInterval(nominalCoverage: Double)
    /// A nominal coverage level is not strictly between 0 and 1.
    case coverageLevelOutOfRange(Double)
    /// A summary was asked for no forecasts at all.
    case noForecasts
    /// Scores to be averaged together were computed for different coverage levels.
    case mismatchedCoverageLevels

    public var description: String {
        switch self {
        case .emptyForecast:
            return "The quantile forecast is empty: give at least the median (level 0.5)."
        case let .countMismatch(levels, values):
            return "The forecast has \(levels) quantile levels but \(values) values: give one value per level."
        case let .levelOutOfRange(level):
            return "Quantile level \(level) is invalid: levels must lie strictly between 0 and 1."
        case let .duplicateLevel(level):
            return "Quantile level \(level) is given twice: give each level once."
        case .missingMedian:
            return "The quantile levels do not include the median: add level 0.5."
        case let .unpairedLevel(level):
            return "Quantile level \(level) has no partner \(1 - level): levels must pair up symmetrically "
                + "around 0.5 to form central intervals."
        case let .nonFiniteValue(level):
            return "The quantile value at level \(level) is not a finite number."
        case let .decreasingValues(level):
            return "The quantile value at level \(level) is below the value at the level before it: "
                + "quantile values must not decrease as the level increases."
        case .emptySample:
            return "The predictive sample is empty: give at least one draw."
        case .nonFiniteSample:
            return "The predictive sample contains a value that is not a finite number."
        case let .missingInterval(coverage):
            return "The forecast has no central \(coverage * 100)% interval: it needs the quantile levels "
                + "\((1 - coverage) / 2) and \((1 + coverage) / 2)."
        case let .coverageLevelOutOfRange(level):
            return "Coverage level \(level) is invalid: it must lie strictly between 0 and 1 (0.9 for 90%)."
        case .noForecasts:
            return "There are no forecasts to summarise: give at least one."
        case .mismatchedCoverageLevels:
            return "The scores to be averaged were computed at different coverage levels: use the same levels for all."
        }
    }
}
