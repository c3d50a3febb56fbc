/// Why the analysis pipeline could not produce a result.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Options out of range or contradictory.
    case invalidOptions(String)
    /// The data hold no series to analyse.
    case noSeries
    /// No model could be fitted to the series; each failure says why.
    case noModelFitted(series: String, failures: [ModelFailure])

    public var description: String {
        switch self {
        case .invalidOptions(let message):
            message
        case .noSeries:
            "the data hold no series to analyse."
        case .noModelFitted(let series, let failures):
            "no model could be fitted to \(series): "
                + failures.map { "\($0.model.family): \($0.reason)" }.joined(separator: "; ")
        }
    }
}
