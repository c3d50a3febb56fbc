extension LogLinearFit: CustomStringConvertible {
    /// The coefficient table of ``summaryTable(level:)`` (95% Wald intervals, `theta` last for NB2).
    /// - Complexity: O(p).
    public var description: String { summaryTable().description }
}
