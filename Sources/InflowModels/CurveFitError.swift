/// Why a curve fit could not even start.
public enum CurveFitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter name in the options is not one of the family's.
    case unknownParameter(name: String, family: String, known: [String])
    /// Fewer usable observations than free parameters.
    case tooFewObservations(observations: Int, freeParameters: Int)
    /// Every count is zero: there is no inflow to fit a curve to.
    case noArrivals
    /// A start or fixed value lies outside the parameter's bounds.
    case outOfBounds(name: String, value: Double, lower: Double, upper: Double)
    /// The error family does not suit the observations (for example Poisson for level data).
    case unsuitableErrorFamily(String)
    /// The model would need more than 8 parameters.
    case tooManyParameters(Int)
    /// A family's parameter has the name the fit gives the background (`beta`) or the dispersion (`theta`).
    case duplicateParameterName(String)

    /// The phrase of ``tooFewObservations(observations:freeParameters:)``'s description, for callers that add
    /// their own advice.
    public static let tooFewObservationsPhrase = "a fit needs at least as many observations as parameters"
    /// The advice that follows it, in library words.
    public static let tooFewObservationsAdvice = " (hold some at known values with FitOptions.fixed, or add data)"

    public var description: String {
        switch self {
        case .unknownParameter(let name, let family, let known):
            "'\(name)' is not a parameter of \(family); its parameters are \(known.joined(separator: ", "))."
        case .tooFewObservations(let observations, let free):
            "\(observations) usable observation\(observations == 1 ? "" : "s") for \(free) free parameters; \(Self.tooFewObservationsPhrase)\(Self.tooFewObservationsAdvice)."
        case .noArrivals:
            "every count is zero, so there is no inflow to fit a curve to."
        case .outOfBounds(let name, let value, let lower, let upper):
            "\(name) = \(value) is outside its bounds [\(lower), \(upper)]."
        case .unsuitableErrorFamily(let message):
            message
        case .tooManyParameters(let count):
            "the model has \(count) parameters; at most 8 are supported."
        case .duplicateParameterName(let name):
            "the family has a parameter named '\(name)', the name the fit gives the background (beta) or the dispersion (theta); rename it."
        }
    }
}
