/// Formats numbers for messages: whole numbers without a decimal point.
enum NumberText {
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
