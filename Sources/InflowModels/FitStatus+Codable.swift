/// A fit's status as JSON: `{"state": "converged", "reason": "gradient tolerance"}` (states `converged`,
/// `notConverged`, `nonIdentifiable`, `failed`).
extension FitStatus: Codable {
    enum CodingKeys: String, CodingKey { case state, reason }

    /// Writes the state and the reason.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let (state, reason): (String, String) = switch self {
        case .converged(let reason): ("converged", reason)
        case .notConverged(let reason): ("notConverged", reason)
        case .nonIdentifiable(let reason): ("nonIdentifiable", reason)
        case .failed(let reason): ("failed", reason)
        }
        try container.encode(state, forKey: .state)
        try container.encode(reason, forKey: .reason)
    }

    /// Reads what ``encode(to:)`` writes.
    /// - Throws: `DecodingError.dataCorrupted` for an unknown state.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let reason = try container.decode(String.self, forKey: .reason)
        switch try container.decode(String.self, forKey: .state) {
        case "converged": self = .converged(reason: reason)
        case "notConverged": self = .notConverged(reason: reason)
        case "nonIdentifiable": self = .nonIdentifiable(reason: reason)
        case "failed": self = .failed(reason: reason)
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .state, in: container,
                                                   debugDescription: "unknown fit status '\(other)'")
        }
    }
}
