/// Input that ``IRLS`` cannot fit; found before (or, for ``noValidCoefficients``, at) the first iteration.
public enum IRLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The options did not pass ``IRLS/Options/validate()``.
    case invalidOptions(InvalidOptionsError)
    /// The named input (`"design"`, `"response"`, `"offset"`, `"prior weights"`, `"start"`) has a NaN or
    /// infinite value.
    case nonFiniteInput(String)
    /// Response `index` (zero based) is outside the family's support (e.g. a negative count).
    case invalidResponse(index: Int, value: Double, family: String)
    /// Prior weight `index` is negative.
    case negativeWeight(index: Int, value: Double)
    /// The first iteration gave no finite deviance and there is no earlier point to halve towards
    /// (R: "no valid set of coefficients has been found"); supply a start.
    case noValidCoefficients

    public var description: String {
        switch self {
        case .invalidOptions(let error):
            "invalid IRLS options: \(error.message)"
        case .nonFiniteInput(let what):
            "the \(what) has a NaN or infinite value; remove or correct it"
        case .invalidResponse(let index, let value, let family):
            "response \(index) = \(value) is not possible under the \(family) family"
        case .negativeWeight(let index, let value):
            "prior weight \(index) = \(value) is negative; weights must be >= 0"
        case .noValidCoefficients:
            "no valid set of coefficients was found in the first iteration; supply starting coefficients"
        }
    }
}
