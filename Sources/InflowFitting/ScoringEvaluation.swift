import InflowLinearAlgebra

/// The value, gradient and curvature of a ``ScoringProblem`` at one point.
///
/// Lanes of ``gradient`` at and beyond the problem's parameter count are zero, and
/// ``curvature`` has the order of the problem.
public struct ScoringEvaluation: Sendable {
    /// `f(theta)`.
    public var value: Double
    /// `g = grad f(theta)`.
    public var gradient: SIMD8<Double>
    /// A positive semi-definite approximation `H` of the Hessian of `f` (`J^T J`, Fisher information).
    public var curvature: SmallMatrix

    /// Creates an evaluation from its three parts.
    @inlinable
    public init(value: Double, gradient: SIMD8<Double>, curvature: SmallMatrix) {
        self.value = value
        self.gradient = gradient
        self.curvature = curvature
    }

    /// Whether the value, every gradient lane and every used curvature entry are finite.
    /// - Complexity: `p + 1` SIMD operations.
    @inlinable
    public var isFinite: Bool {
        guard value.isFinite else { return false }
        // x * 0 is 0 for finite x and NaN for NaN or infinity.
        var probe = gradient * 0
        for j in 0..<curvature.order { probe += curvature[column: j] * 0 }
        return probe == .zero
    }
}
