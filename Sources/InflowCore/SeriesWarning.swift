/// Something a series did that the fit had to handle, said plainly.
public struct SeriesWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    /// What kind of problem it was.
    public enum Kind: String, Sendable, Codable {
        /// A cumulative total fell below an earlier one (a correction).
        case decreasingCumulative
        /// A value was missing and was left out (missing is not zero).
        case missingValue
        /// A value was not finite (NaN or infinity) and was left out.
        case nonFiniteValue
        /// A count was negative and was left out.
        case negativeCount
        /// A count was not a whole number; count likelihoods use it as given.
        case fractionalCount
        /// Two observations had the same time; the later one was used.
        case duplicateTime
        /// A bound on a cumulative total was followed by an exact total, which supersedes it: it is left out.
        case supersededBound
        /// A lower bound not above what is already known (the last exact total, or zero for a count) says
        /// nothing: it is left out.
        case uninformativeBound
        /// An upper bound below the last exact total contradicts it: it is left out.
        case inconsistentBound
        /// A bound in level data (which has no count likelihood): it is left out.
        case unsupportedBound
    }

    /// What kind of problem it was.
    public let kind: Kind
    /// Index of the observation in the series (zero based).
    public let index: Int
    /// A sentence for people.
    public let message: String

    /// A warning; the arguments are the properties of the same names.
    public init(kind: Kind, index: Int, message: String) {
        self.kind = kind
        self.index = index
        self.message = message
    }

    public var description: String { message }
}
