import Foundation

/// Why the analysis pipeline could not produce a result.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Options out of range or contradictory.
    case invalidOptions(String)
    /// The data hold no series to analyse.
    case noSeries
    /// No model could be fitted to the series; each failure says why.
    case noModelFitted(series: String, failures: [ModelFailure])
    /// A projection came out with numbers that are not finite (a guard: the loader's plausibility limits
    /// should stop every input that could cause it); never a result with NaN in it.
    case nonFiniteProjection(series: String, periods: Int, of: Int)
    /// The provincial model could not run (a key that is no province, a fit that failed).
    case provincial(String)
    /// The provincial model could not be fitted to these data; the national analysis stands (a warning, not a failure).
    case provincialSkipped(String)

    public var description: String {
        switch self {
        case .invalidOptions(let message):
            message
        case .noSeries:
            "the data hold no series to analyse."
        case .noModelFitted(let series, let failures):
            "no model could be fitted to \(series): "
                + failures.map { "\($0.model.family): \($0.reason)" }.joined(separator: "; ")
        case .provincial(let message), .provincialSkipped(let message):
            message
        case .nonFiniteProjection(let series, let periods, let total):
            "the projection of \(series) has \(periods) of \(total) periods whose samples are not finite (NaN or infinity), so no projection is given; "
                + "the figures are out of the range the models can handle: check them (DataCheck lists every problem of a file) and the plausibility limits (LoadOptions.maximumValue, LoadOptions.maximumSpanDays)"
        }
    }
}

extension AnalysisError: LocalizedError {
    /// The ``description``, so that `localizedDescription` says what happened.
    public var errorDescription: String? { description }
}
