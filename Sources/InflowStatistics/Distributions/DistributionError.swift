/// The error thrown when a distribution is created with invalid parameters.
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A scalar parameter is outside its domain: `requirement` states the domain in words.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// A vector parameter (probabilities, concentrations) is invalid: `reason` says why.
    case invalidVector(name: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, requirement):
            return "Invalid \(name) \(value): it must be \(requirement)."
        case let .invalidVector(name, reason):
            return "Invalid \(name): \(reason)."
        }
    }
}
