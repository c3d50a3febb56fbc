import InflowCore

extension FigureSummary {
    /// A row whose figure is not exact.
    public struct Row: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line of the row.
        public var line: Int
        /// The series (key) of the row; empty in a file without key columns.
        public var key: String
        /// The row's time as written in messages.
        public var time: String
        /// The figure.
        public var value: Double
        /// What the figure is.
        public var kind: FigureKind

        /// A row; the arguments are the properties of the same names.
        public init(line: Int, key: String, time: String, value: Double, kind: FigureKind) {
            self.line = line
            self.key = key
            self.time = time
            self.value = value
            self.kind = kind
        }

        /// `line 11: 2026-01-26T12:00, 3,100 (lower_bound)`, with the key after the line when there is one.
        public var description: String {
            "line \(line): \(key.isEmpty ? "" : "\(key), ")\(time), \(NumberText.grouped(value)) (\(kind.rawValue))"
        }
    }
}
