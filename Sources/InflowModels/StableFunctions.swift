import Foundation

/// Numerically stable building blocks for the curve formulas.
@usableFromInline
enum Stable {
    /// The logistic sigmoid `1 / (1 + exp(-x))` without overflow for large |x|.
    @inline(__always)
    @usableFromInline static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + exp(-x))
        }
        let e = exp(x)
        return e / (1 + e)
    }

    /// `log(1 + exp(x))` without overflow (softplus).
    @inline(__always)
    @usableFromInline static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }
}
