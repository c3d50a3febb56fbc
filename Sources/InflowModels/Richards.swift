import CInflowKernels
import Foundation
import InflowLinearAlgebra

/// The Richards curve `C(t) = K (1 + exp(-r (t - t0)))^(-1/nu)` (generalised logistic of Richards 1959).
///
/// With `x = r (t - t0)`, `L = log(1 + exp(-x))` and `s = 1 / (1 + exp(-x))`:
/// `C = K exp(-L / nu)`, `c = (r / nu) C (1 - s)`;
/// `dC/dK = C / K`, `dC/dr = C (1 - s)(t - t0) / nu`, `dC/dt0 = -C (1 - s) r / nu`,
/// `dC/dnu = C L / nu^2`. For the rate, with `g = C (1 - s)` and
/// `dg/dx = C (1 - s)[(1 - s)/nu - s]`: `dc/dK = c / K`, `dc/dr = c / r + (r / nu)(t - t0) dg/dx`,
/// `dc/dt0 = -(r^2 / nu) dg/dx`, `dc/dnu = c (L / nu^2 - 1 / nu)`.
/// `nu = 1` is the logistic; the rate peaks at `t0 + log(nu) / r`.
///
/// References: Richards, "A flexible growth function for empirical use", J. Exp. Bot. 10
/// (1959). Tested against NIST StRD Rat43 (`Tests/InflowModelsTests`).
public struct Richards: PointwiseCurveFamily {
    /// The Richards family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "richards" }
    public var title: String { "Richards" }
    public var formula: String { "C(t) = K (1 + exp(-r (t - t0)))^(-1/nu)" }
    public var parameters: [CurveParameter] {
        [CurveParameter("K", "final size (arrivals)", lowerBound: 0),
         CurveParameter("r", "growth rate (per day)", lowerBound: 0),
         CurveParameter("t0", "location (days); the rate peaks at t0 + log(nu)/r"),
         CurveParameter("nu", "asymmetry; 1 is the logistic", lowerBound: 1e-3, upperBound: 100)]
    }
    public var finalSizeParameter: String? { "K" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let x = theta[1] * (t - theta[2])
        return theta[0] * exp(-Stable.softplus(-x) / theta[3])
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0, nu) = (theta[0], theta[1], theta[2], theta[3])
        let x = r * (t - t0)
        let l = Stable.softplus(-x)
        let s = Stable.sigmoid(x)
        let shape = exp(-l / nu)
        let c = k * shape
        var g = SIMD8<Double>.zero
        g[0] = shape
        g[1] = c * (1 - s) * (t - t0) / nu
        g[2] = -c * (1 - s) * r / nu
        g[3] = c * l / (nu * nu)
        return (c, g)
    }

    /// `C(t)` at every time in one vectorised pass (`inflow_richards_cumulative` in `CInflowKernels`: the same
    /// formula as ``cumulative(_:_:)``, with exp and log in vector form).
    public func cumulative(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        CurveKernel.values(at: times, into: &values) { inflow_richards_cumulative($0, $1, theta[0], theta[1], theta[2], theta[3], $2, $3) }
    }

    /// `C(t)` and its gradient at every time in one vectorised pass (see ``cumulative(at:_:into:)``).
    public func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                       values: inout [Double], gradients: inout [SIMD8<Double>]) {
        CurveKernel.valuesAndGradients(at: times, values: &values, gradients: &gradients) {
            inflow_richards_cumulative($0, $1, theta[0], theta[1], theta[2], theta[3], $2, $3)
        }
    }

    /// The second derivatives of `C(t)` weighted and summed over the times in closed form
    /// (`inflow_richards_hessian_contraction` in `CInflowKernels`, which states the formulas).
    public func cumulativeHessianContraction(at times: [Double], _ theta: SIMD8<Double>,
                                             weights: [Double]) -> SmallMatrix? {
        CurveKernel.hessianContraction(at: times, weights: weights, order: 4) {
            inflow_richards_hessian_contraction($0, $1, $2, theta[0], theta[1], theta[2], theta[3], $3)
        }
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let x = theta[1] * (t - theta[2])
        let c = theta[0] * exp(-Stable.softplus(-x) / theta[3])
        return theta[1] / theta[3] * c * (1 - Stable.sigmoid(x))
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0, nu) = (theta[0], theta[1], theta[2], theta[3])
        let x = r * (t - t0)
        let l = Stable.softplus(-x)
        let s = Stable.sigmoid(x)
        let shape = exp(-l / nu)
        let cumulative = k * shape
        let rate = r / nu * cumulative * (1 - s)
        let dgdx = cumulative * (1 - s) * ((1 - s) / nu - s)
        var g = SIMD8<Double>.zero
        g[0] = r / nu * shape * (1 - s)
        g[1] = cumulative * (1 - s) / nu + r / nu * (t - t0) * dgdx
        g[2] = -r * r / nu * dgdx
        g[3] = rate * (l / (nu * nu) - 1 / nu)
        return (rate, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let logistic = Logistic().startingValues(data)
        var starts: [SIMD8<Double>] = []
        for nu in [1.0, 0.5, 2.0] {
            for var start in logistic {
                start[3] = nu
                // Keep the peak where the data put it: t0 = t_peak - log(nu)/r.
                start[2] -= log(nu) / start[1]
                starts.append(start)
            }
        }
        return starts
    }
}
