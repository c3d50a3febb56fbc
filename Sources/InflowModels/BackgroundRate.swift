/// Arrivals unrelated to the surge, at a constant rate per day, added to the curve:
/// the expected count over `(a, b]` is `C(b) - C(a) + beta (b - a)`.
///
/// For the embassy in Phnom Penh the 2025 average was about 14 consular cases a day.
public enum BackgroundRate: Sendable, Equatable, Codable {
    /// No background.
    case none
    /// A known rate, per day.
    case fixed(Double)
    /// A rate estimated with the curve (parameter `beta`, at least zero).
    case estimated
}
