extension DataError {
    /// The column a ``Kind-swift.enum/missingColumn`` error is about, so that a caller can say how to name it in
    /// its own words (the library names the ``LoadOptions`` property; the command line names its flag).
    public enum ColumnRole: String, Sendable, Equatable, CaseIterable {
        /// The time column, the value column, a key column or a group column.
        case time, value, key, group
        /// The column of figure kinds (``/InflowCore/FigureKind``).
        case figureKind = "figure-kind"

        /// The ``LoadOptions`` property that names the column: `LoadOptions.timeColumn`.
        public var optionName: String {
            switch self {
            case .time: "LoadOptions.timeColumn"
            case .value: "LoadOptions.valueColumn"
            case .key: "LoadOptions.keyColumns"
            case .group: "LoadOptions.groupColumns"
            case .figureKind: "LoadOptions.kindColumn"
            }
        }

        /// The end of a missing-column message in library words: ` with LoadOptions.timeColumn`.
        public var namingSuffix: String { " with \(optionName)" }
    }
}
