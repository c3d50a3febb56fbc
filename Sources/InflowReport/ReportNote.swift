/// A remark set apart from the text: information or a warning.
public struct ReportNote: Sendable, Equatable, Codable {
    /// How prominent the note is.
    public enum Kind: String, Sendable, Codable {
        /// Information.
        case info
        /// A warning, shown more prominently.
        case warning
    }

    /// Its kind.
    public var kind: Kind
    /// The text.
    public var text: String

    /// A note of `kind` saying `text`.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
