/// Arrivals unrelated to the surge, at a constant rate per day, added to the curve:
/// the expected count over `(a, b]` is `C(b) - C(a) + beta (b - a)`.
///
/// For the embassy in Phnom Penh the 2025 average was about 14 consular cases a day, and arrivals before
/// the January 2026 surge were described as 20 to 25 a day.
public enum BackgroundRate: Sendable, Equatable, Codable, CustomStringConvertible {
    /// No background.
    case none
    /// A known rate, per day.
    case fixed(Double)
    /// A rate known only to lie between `lower` and `upper` per day: a fit holds it at the midpoint, and a
    /// bootstrap draws each replicate's rate uniformly from the range and refits with it, so the
    /// projection carries the uncertainty of the background too.
    case range(lower: Double, upper: Double)
    /// A rate estimated with the curve (parameter `beta`, at least zero).
    case estimated

    /// The rate a fit holds the background at: 0, the fixed rate, or the range's midpoint; `nil` when
    /// it is estimated.
    public var heldRate: Double? {
        switch self {
        case .none: 0
        case .fixed(let rate): rate
        case .range(let lower, let upper): (lower + upper) / 2
        case .estimated: nil
        }
    }

    /// `20..25 per day`, `14 per day`, `estimated`, `none`.
    public var description: String {
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.3g", value)
        }
        switch self {
        case .none: return "none"
        case .fixed(let rate): return "\(number(rate)) per day"
        case .range(let lower, let upper): return "\(number(lower))..\(number(upper)) per day"
        case .estimated: return "estimated"
        }
    }
}
