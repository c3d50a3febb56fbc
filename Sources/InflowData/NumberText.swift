import InflowCore

/// Formats numbers for messages: whole numbers without a decimal point.
enum NumberText {
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Whole numbers with a comma every three digits (`10,000,000`); others as ``text(_:)``.
    static func grouped(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return text(value) }
        return CountText.grouped(Int64(value))
    }
}
