/// A solver option outside its valid range, with a sentence that says what to do.
///
/// Thrown by ``LevenbergMarquardt/Options/validate(parameterCount:)`` and
/// ``IRLS/Options/validate()``; ``LevenbergMarquardt/minimize(_:from:options:knownMinimum:)`` reports it
/// through ``LevenbergMarquardt/FailureReason/invalidOptions`` instead of trapping.
public struct InvalidOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the offending option, as spelled in the `Options` type.
    public let option: String
    /// A full sentence: what was given and what is accepted.
    public let message: String

    /// Creates the error.
    public init(option: String, message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { message }
}
