/// The colours a chart may use: a small palette that reads on screen, in print and for
/// the common colour-vision deficiencies (blue/orange carry the main contrast).
public enum ChartColor: String, Sendable, Codable, CaseIterable {
    /// The palette: `ink` (near black, for text and observed data) and seven hues; ``hex`` gives each one's value.
    case ink, blue, orange, green, purple, red, teal, gray

    /// The colour as a CSS hex value.
    public var hex: String {
        switch self {
        case .ink: "#222222"
        case .blue: "#1f6fb2"
        case .orange: "#d9600b"
        case .green: "#2b8a3e"
        case .purple: "#6a4fb0"
        case .red: "#c62828"
        case .teal: "#0b7285"
        case .gray: "#6c757d"
        }
    }

    /// Colours for a list of models, in order (cycled).
    public static let models: [ChartColor] = [.blue, .orange, .green, .purple, .red, .teal, .gray, .ink]

    /// The colour for model number `index`.
    public static func model(_ index: Int) -> ChartColor { models[index % models.count] }
}
