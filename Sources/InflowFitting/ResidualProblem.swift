import InflowLinearAlgebra

/// A nonlinear least-squares problem stated by its residuals, which makes it a ``ScoringProblem``.
///
/// Conform by giving the residuals `r_i(theta)`, `i = 0..<residualCount`, one at a time, and
/// the rows of the Jacobian `J_ij = d r_i / d theta_j`. The default implementations then supply
///
///     f(theta) = 1/2 sum_i r_i^2,   g = J^T r = sum_i r_i J_i,   H = J^T J = sum_i J_i J_i^T,
///
/// the Gauss–Newton model, so ``LevenbergMarquardt`` is the classical Levenberg–Marquardt method.
/// Weighted least squares is the same problem with residuals `sqrt(w_i) (y_i - m_i)`.
///
/// With `f = RSS / 2`, the residual variance is `sigma^2 = 2 f / (n - p)` (see
/// ``Covariance/leastSquares(_:observationCount:)``).
///
/// - Complexity: `objective(_:)` is one pass over the residuals; `evaluate(_:)` one pass
///   plus `p` SIMD multiply-adds per residual for the rank-one update of `J^T J`; no allocation.
public protocol ResidualProblem: ScoringProblem where Workspace == Void {
    /// Number of residuals `n`.
    var residualCount: Int { get }

    /// `r_i(theta)`.
    func residual(_ index: Int, at parameters: SIMD8<Double>) -> Double

    /// `r_i(theta)` and row `i` of the Jacobian, `(d r_i / d theta_j)_j` (lanes `>= p` zero).
    func residualAndJacobianRow(_ index: Int, at parameters: SIMD8<Double>)
        -> (residual: Double, jacobianRow: SIMD8<Double>)
}

extension ResidualProblem {
    /// `f(theta) = 1/2 sum_i r_i(theta)^2`.
    @inlinable
    public func objective(_ parameters: SIMD8<Double>, workspace: inout Void) -> Double {
        var sum = 0.0
        for i in 0..<residualCount {
            let r = residual(i, at: parameters)
            sum += r * r
        }
        return sum / 2
    }

    /// `f = 1/2 r^T r`, `g = J^T r` and `H = J^T J`, accumulated row by row.
    @inlinable
    public func evaluate(_ parameters: SIMD8<Double>, workspace: inout Void) -> ScoringEvaluation {
        var sum = 0.0
        var gradient = SIMD8<Double>.zero
        var curvature = SmallMatrix(order: parameterCount)
        for i in 0..<residualCount {
            let (r, row) = residualAndJacobianRow(i, at: parameters)
            sum += r * r
            gradient += row * r
            curvature.addOuterProduct(row)
        }
        return ScoringEvaluation(value: sum / 2, gradient: gradient, curvature: curvature)
    }
}
