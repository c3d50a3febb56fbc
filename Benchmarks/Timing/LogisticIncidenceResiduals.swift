import Foundation
import Inflow

/// The logistic curve's daily counts by least squares, as a ``ResidualProblem``: the residual function scipy's
/// `least_squares(method="lm")` and R's `minpack.lm::nlsLM` get in `peers/compare.py` and `peers/peers.R`.
///
///     r_d(K, r, t0) = C(d + 1) - C(d) - y_d,   C(t) = K / (1 + exp(-r (t - t0))),   d = 0..n-1,
///
/// with the Jacobian row `dC(d + 1) - dC(d)`, `dC/dK = s`, `dC/dr = K s (1 - s)(t - t0)`, `dC/dt0 = -K r s (1 - s)`,
/// `s = 1 / (1 + exp(-r (t - t0)))`.
/// - Complexity: two exponentials per residual (one per boundary; a boundary is shared by two days, but each residual
///   is evaluated alone, as the peers' vectorised code evaluates all n + 1 boundaries once).
struct LogisticIncidenceResiduals: ResidualProblem {
    let counts: [Double]
    var parameterCount: Int { 3 }
    var residualCount: Int { counts.count }

    @inline(__always)
    func boundary(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        let x = r * (t - t0)
        let s = x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
        let slope = s * (1 - s)
        return (k * s, SIMD8(s, k * slope * (t - t0), -k * r * slope, 0, 0, 0, 0, 0))
    }

    func residual(_ index: Int, at parameters: SIMD8<Double>) -> Double {
        let t = Double(index)
        return boundary(t + 1, parameters).value - boundary(t, parameters).value - counts[index]
    }

    func residualAndJacobianRow(_ index: Int, at parameters: SIMD8<Double>) -> (residual: Double, jacobianRow: SIMD8<Double>) {
        let t = Double(index)
        let upper = boundary(t + 1, parameters), lower = boundary(t, parameters)
        return (upper.value - lower.value - counts[index], upper.gradient - lower.gradient)
    }
}
