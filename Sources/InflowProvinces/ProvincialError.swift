import Foundation

/// Why a provincial analysis cannot run, in words a user can act on.
public enum ProvincialError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// A key of the data names no province of the gazetteer.
    case unknownProvince(key: String, line: Int?, file: String, suggestion: String?)
    /// A keyed series holds levels (people present), not arrivals.
    case levelSeries(key: String)
    /// No province has a positive share and no count.
    case noShares(source: String)
    /// The national fit of the provincial model failed.
    case fitFailed(String)

    public var description: String {
        switch self {
        case let .unknownProvince(key, line, file, suggestion):
            let place = line.map { "\(file):\($0)" } ?? file
            let hint = suggestion.map { "; did you mean \($0)?" } ?? "; expected a province name or ISO 3166-2:KH code, or \"unknown\" for counts whose origin is not stated"
            return "\(place): the key \"\(key)\" is not a province of Cambodia\(hint)"
        case let .levelSeries(key):
            return "the series \"\(key)\" holds levels (people present), not arrivals; provinces need counts or cumulative totals"
        case let .noShares(source):
            return "\(source) gives no province a positive share, and no province has counts"
        case let .fitFailed(reason):
            return "the provincial model could not be fitted to the site's counts: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
