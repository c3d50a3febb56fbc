import InflowCore

/// What the data say about a number of people (a final size, a remaining pool, a pool's size): an
/// interval, or, when they set no upper bound, only a lower one.
///
/// An interval whose upper end is infinite, not a number, or at ``undeterminedFactor`` times what has been
/// observed or above is not a bound the data give: it is reported as "not determined by these data (at least
/// X)", with the lower end that they do give. Users who know more (a known pool, a "more than N" figure)
/// can bound it with their own information.
public enum SizeBound: Sendable, Equatable, CustomStringConvertible {
    /// The data bound the quantity on both sides.
    case interval(lower: Double, upper: Double)
    /// The data give only a lower bound.
    case atLeast(Double)

    /// An upper end at or above this multiple of the observed total is not a bound the data give (the
    /// analysis searches final sizes up to it, so a bound there is the search's limit, not the data's).
    public static let undeterminedFactor = 10.0

    /// An upper end within this share of the limit (``undeterminedFactor`` times the observed total) is the
    /// limit's, not the data's: the bootstrap replicates that reach it set it.
    public static let limitMargin = 0.95

    /// The bound an interval gives for a quantity of people when `observed` people have been counted; for
    /// a remaining pool (`remaining`), the final size it implies, `observed + upper`, is what is compared with
    /// the limit. A non-finite or negative lower end counts as 0.
    public init(lower: Double, upper: Double, observed: Double, remaining: Bool = false) {
        let floor = lower.isFinite ? max(lower, 0) : 0
        let implied = remaining ? max(observed, 0) + upper : upper
        if upper.isFinite && implied < Self.limitMargin * Self.undeterminedFactor * max(observed, 1) && upper >= floor {
            self = .interval(lower: floor, upper: upper)
        } else {
            self = .atLeast(floor)
        }
    }

    /// Whether the data bound the quantity above.
    public var isDetermined: Bool {
        if case .interval = self { return true }
        return false
    }

    /// The lower end.
    public var lower: Double {
        switch self {
        case .interval(let lower, _): lower
        case .atLeast(let lower): lower
        }
    }

    /// The upper end, if the data give one.
    public var upper: Double? {
        if case .interval(_, let upper) = self { return upper }
        return nil
    }

    /// "[2,277, 3,667]" or "not determined by these data (at least 2,277)", counts rounded.
    public var description: String {
        switch self {
        case .interval(let lower, let upper): "[\(Self.count(lower)), \(Self.count(upper))]"
        case .atLeast(let lower): "not determined by these data (at least \(Self.count(lower)))"
        }
    }

    /// A count rounded, with thousands separators: 2,277 (``/InflowCore/CountText/whole(_:)``: `n/a` when not finite).
    public static func count(_ value: Double) -> String {
        CountText.whole(value)
    }

    /// A number as results print it: rounded with thousands separators from 100 up (`2,277`), three significant
    /// digits below (`0.412`); `n/a` when it is not finite (``/InflowCore/CountText/readable(_:)``).
    public static func readable(_ value: Double) -> String {
        CountText.readable(value)
    }
}

extension Estimate {
    /// The interval as a ``SizeBound`` for a number of people when `observed` have been counted (`remaining`:
    /// a remaining pool, compared with the limit through the final size it implies).
    public func sizeBound(observed: Double, remaining: Bool = false) -> SizeBound {
        SizeBound(lower: lower, upper: upper, observed: observed, remaining: remaining)
    }
}
