import InflowLinearAlgebra

/// A ``ResidualProblem`` built from two closures, for stating a least-squares problem inline.
///
/// ```swift
/// // Rosenbrock as residuals: r1 = 10 (x2 - x1^2), r2 = 1 - x1.
/// let rosenbrock = ResidualFunction(parameterCount: 2, residualCount: 2) { i, x in
///     i == 0 ? 10 * (x[1] - x[0] * x[0]) : 1 - x[0]
/// } jacobianRow: { i, x in
///     i == 0 ? SIMD8(-20 * x[0], 10, 0, 0, 0, 0, 0, 0) : SIMD8(-1, 0, 0, 0, 0, 0, 0, 0)
/// }
/// let summary = LevenbergMarquardt.minimize(rosenbrock, from: SIMD8(-1.2, 1, 0, 0, 0, 0, 0, 0))
/// ```
///
/// Closures cost an indirect call per residual; for hot paths write a small struct that conforms
/// to ``ResidualProblem`` directly, which the solver specialises.
public struct ResidualFunction: ResidualProblem, Sendable {
    /// Number of parameters `p`.
    public let parameterCount: Int
    /// Number of residuals `n`.
    public let residualCount: Int
    @usableFromInline let residualAt: @Sendable (Int, SIMD8<Double>) -> Double
    @usableFromInline let jacobianRowAt: @Sendable (Int, SIMD8<Double>) -> SIMD8<Double>

    /// Creates the problem.
    /// - Parameters:
    ///   - parameterCount: `p`, `0...8`.
    ///   - residualCount: `n >= 0`.
    ///   - residual: `r_i(theta)` for index `i` and parameters `theta`.
    ///   - jacobianRow: `(d r_i / d theta_j)_j`, lanes `>= p` zero.
    public init(
        parameterCount: Int, residualCount: Int,
        residual: @escaping @Sendable (_ index: Int, _ parameters: SIMD8<Double>) -> Double,
        jacobianRow: @escaping @Sendable (_ index: Int, _ parameters: SIMD8<Double>) -> SIMD8<Double>
    ) {
        precondition((0...SmallMatrix.maximumOrder).contains(parameterCount),
                     "ResidualFunction supports 0...8 parameters, got \(parameterCount)")
        precondition(residualCount >= 0, "ResidualFunction needs a non-negative residual count")
        self.parameterCount = parameterCount
        self.residualCount = residualCount
        residualAt = residual
        jacobianRowAt = jacobianRow
    }

    @inlinable
    public func residual(_ index: Int, at parameters: SIMD8<Double>) -> Double {
        residualAt(index, parameters)
    }

    @inlinable
    public func residualAndJacobianRow(_ index: Int, at parameters: SIMD8<Double>)
        -> (residual: Double, jacobianRow: SIMD8<Double>) {
        (residualAt(index, parameters), jacobianRowAt(index, parameters))
    }
}
