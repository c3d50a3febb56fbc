extension DataIssue {
    /// How serious an issue is.
    public enum Severity: String, Sendable, Equatable, Comparable, CaseIterable {
        /// The file cannot be loaded until this is fixed.
        case error
        /// The file loads; the message says what the loader did.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }
}
