/// Why a projection could not be made.
public enum ProjectionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Options out of range.
    case invalidOptions(String)
    /// The fit has no usable estimates.
    case unusableFit(String)

    public var description: String {
        switch self {
        case .invalidOptions(let message): message
        case .unusableFit(let message): message
        }
    }
}
