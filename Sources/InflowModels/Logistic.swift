import CInflowKernels
import Foundation
import InflowLinearAlgebra

/// The logistic curve `C(t) = K / (1 + exp(-r (t - t0)))`.
///
/// With `s = 1 / (1 + exp(-r (t - t0)))` (computed without overflow):
/// `C = K s`, `c = dC/dt = K r s (1 - s)`;
/// `dC/dK = s`, `dC/dr = K s (1 - s)(t - t0)`, `dC/dt0 = -K r s (1 - s)`;
/// `dc/dK = r s (1 - s)`, `dc/dr = K s (1 - s) [1 + r (t - t0)(1 - 2s)]`,
/// `dc/dt0 = -K r^2 s (1 - s)(1 - 2s)`.
/// The peak rate `K r / 4` is reached at `t0`, when half of `K` has arrived.
///
/// Starting values: `t0` at the largest observed rate (or past the last observation
/// while the rate is still rising), `K` in {1.2, 2, 4} times the total so far and
/// `r = 4 peak / K`.
///
/// References: Verhulst (1838); Chowell, "Fitting dynamic models to epidemic outbreaks
/// with quantified uncertainty", Infect. Dis. Model. 2 (2017). Tested against NIST StRD
/// Rat42 and the nine-day reference fits (`Tests/InflowModelsTests`).
public struct Logistic: PointwiseCurveFamily {
    /// The logistic family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "logistic" }
    public var title: String { "Logistic" }
    public var formula: String { "C(t) = K / (1 + exp(-r (t - t0)))" }
    public var parameters: [CurveParameter] {
        [CurveParameter("K", "final size (arrivals)", lowerBound: 0),
         CurveParameter("r", "growth rate (per day)", lowerBound: 0),
         CurveParameter("t0", "midpoint, when half of K has arrived and the rate peaks (days)")]
    }
    public var finalSizeParameter: String? { "K" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        theta[0] * Stable.sigmoid(theta[1] * (t - theta[2]))
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        let s = Stable.sigmoid(r * (t - t0))
        let slope = s * (1 - s)
        var g = SIMD8<Double>.zero
        g[0] = s
        g[1] = k * slope * (t - t0)
        g[2] = -k * r * slope
        return (k * s, g)
    }

    /// `C(t)` at every time in one vectorised pass (`inflow_logistic_cumulative` in `CInflowKernels`: the same
    /// formula as ``cumulative(_:_:)``, with exp and log in vector form).
    public func cumulative(at times: [Double], _ theta: SIMD8<Double>, into values: inout [Double]) {
        CurveKernel.values(at: times, into: &values) { inflow_logistic_cumulative($0, $1, theta[0], theta[1], theta[2], $2, $3) }
    }

    /// `C(t)` and its gradient at every time in one vectorised pass (see ``cumulative(at:_:into:)``).
    public func cumulativeWithGradient(at times: [Double], _ theta: SIMD8<Double>,
                                       values: inout [Double], gradients: inout [SIMD8<Double>]) {
        CurveKernel.valuesAndGradients(at: times, values: &values, gradients: &gradients) {
            inflow_logistic_cumulative($0, $1, theta[0], theta[1], theta[2], $2, $3)
        }
    }

    /// The second derivatives of `C(t)` weighted and summed over the times in closed form
    /// (`inflow_logistic_hessian_contraction` in `CInflowKernels`, which states the formulas).
    public func cumulativeHessianContraction(at times: [Double], _ theta: SIMD8<Double>,
                                             weights: [Double]) -> SmallMatrix? {
        CurveKernel.hessianContraction(at: times, weights: weights, order: 3) {
            inflow_logistic_hessian_contraction($0, $1, $2, theta[0], theta[1], theta[2], $3)
        }
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        // The same operations as rateWithGradient's value, so both paths give the same bits.
        let s = Stable.sigmoid(theta[1] * (t - theta[2]))
        let slope = s * (1 - s)
        return theta[0] * theta[1] * slope
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        let s = Stable.sigmoid(r * (t - t0))
        let slope = s * (1 - s)
        let curvature = slope * (1 - 2 * s)
        var g = SIMD8<Double>.zero
        g[0] = r * slope
        g[1] = k * slope + k * r * curvature * (t - t0)
        g[2] = -k * r * r * curvature
        return (k * r * slope, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let peak = data.peak
        let t0 = data.peakIsLast ? data.lastTime + 2 : peak.time
        return [1.2, 2, 4].map { factor in
            let k = factor * data.sizeScale
            let r = max(4 * peak.rate / k, 0.05)
            return SIMD8(k, r, t0, 0, 0, 0, 0, 0)
        }
    }
}
