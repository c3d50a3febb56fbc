import Foundation
import Inflow

/// The logistic curve's daily counts by least squares: the objective scipy's `least_squares(method="lm")` and R's
/// `minpack.lm::nlsLM` get in `peers/compare.py` and `peers/peers.R`,
///
///     f = 1/2 sum_d r_d^2,   r_d(K, r, t0) = C(d + 1) - C(d) - y_d,   C(t) = K s(t),   s(t) = 1 / (1 + exp(-r (t - t0))),
///
/// with the Jacobian row `dC(d + 1) - dC(d)`, `dC/dK = s`, `dC/dr = K s (1 - s)(t - t0)`, `dC/dt0 = -K r s (1 - s)`, and the
/// Gauss–Newton curvature `J^T J`. As the peers' vectorised residual functions do, each evaluation computes the
/// n + 1 boundaries `t = 0...n` once, their exponentials in one ``VectorMath/exp(_:into:)`` call (`exp(-|x|)`, from which
/// `s = 1 / (1 + e)` for `x >= 0` and `e / (1 + e)` otherwise, without overflow), and the residuals from neighbouring
/// boundaries.
/// - Complexity: n + 1 exponentials and about 10 n flops per objective, 20 n more per evaluation; no allocation
///   (the workspace holds the boundaries).
struct LogisticIncidenceResiduals: ScoringProblem {
    let counts: [Double]
    var parameterCount: Int { 3 }

    /// The boundaries' arguments and their exponentials.
    struct Workspace {
        var arguments: [Double]
        var exponentials: [Double]
    }

    func makeWorkspace() -> Workspace {
        Workspace(arguments: Array(repeating: 0, count: counts.count + 1),
                  exponentials: Array(repeating: 0, count: counts.count + 1))
    }

    /// `s(b)` for the boundaries `b = 0...n`, into `workspace.exponentials`.
    @inline(__always)
    private func sigmoids(_ theta: SIMD8<Double>, _ workspace: inout Workspace) {
        let (r, t0) = (theta[1], theta[2])
        let count = counts.count + 1
        workspace.arguments.withUnsafeMutableBufferPointer { arguments in
            for b in 0..<count { arguments[b] = -Swift.abs(r * (Double(b) - t0)) }
            workspace.exponentials.withUnsafeMutableBufferPointer { exponentials in
                VectorMath.exp(UnsafeBufferPointer(arguments), into: exponentials)
                for b in 0..<count {
                    let e = exponentials[b]
                    exponentials[b] = r * (Double(b) - t0) >= 0 ? 1 / (1 + e) : e / (1 + e)
                }
            }
        }
    }

    func objective(_ theta: SIMD8<Double>, workspace: inout Workspace) -> Double {
        sigmoids(theta, &workspace)
        let k = theta[0]
        return workspace.exponentials.withUnsafeBufferPointer { s in
            counts.withUnsafeBufferPointer { y in
                var sum = 0.0
                for d in 0..<y.count {
                    let residual = k * s[d + 1] - k * s[d] - y[d]
                    sum += residual * residual
                }
                return sum / 2
            }
        }
    }

    func evaluate(_ theta: SIMD8<Double>, workspace: inout Workspace) -> ScoringEvaluation {
        sigmoids(theta, &workspace)
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        // The sums of J^T r and of the six distinct entries of J^T J, in scalars (p = 3).
        var sum = 0.0
        var (g0, g1, g2) = (0.0, 0.0, 0.0)
        var (h00, h01, h02, h11, h12, h22) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        workspace.exponentials.withUnsafeBufferPointer { s in
            counts.withUnsafeBufferPointer { y in
                // dC/dK, dC/dr and dC/dt0 at boundary b.
                @inline(__always) func boundaryGradient(_ b: Int) -> (Double, Double, Double) {
                    let slope = s[b] * (1 - s[b])
                    return (s[b], k * slope * (Double(b) - t0), -k * r * slope)
                }
                var lower = boundaryGradient(0)
                for d in 0..<y.count {
                    let upper = boundaryGradient(d + 1)
                    let residual = k * s[d + 1] - k * s[d] - y[d]
                    let (a, b, c) = (upper.0 - lower.0, upper.1 - lower.1, upper.2 - lower.2)
                    sum += residual * residual
                    g0 += a * residual
                    g1 += b * residual
                    g2 += c * residual
                    h00 += a * a
                    h01 += a * b
                    h02 += a * c
                    h11 += b * b
                    h12 += b * c
                    h22 += c * c
                    lower = upper
                }
            }
        }
        var curvature = SmallMatrix(order: 3)
        curvature[column: 0] = SIMD8(h00, h01, h02, 0, 0, 0, 0, 0)
        curvature[column: 1] = SIMD8(h01, h11, h12, 0, 0, 0, 0, 0)
        curvature[column: 2] = SIMD8(h02, h12, h22, 0, 0, 0, 0, 0)
        return ScoringEvaluation(value: sum / 2, gradient: SIMD8(g0, g1, g2, 0, 0, 0, 0, 0), curvature: curvature)
    }
}
