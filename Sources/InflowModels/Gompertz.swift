import Foundation

/// The Gompertz curve `C(t) = K exp(-exp(-r (t - t0)))`.
///
/// With `e = exp(-r (t - t0))`: `C = K exp(-e)`, `c = r e C`;
/// `dC/dK = exp(-e)`, `dC/dr = C e (t - t0)`, `dC/dt0 = -C e r`;
/// `dc/dK = c / K`, `dc/dr = C e [1 + r (t - t0)(e - 1)]`, `dc/dt0 = -r^2 C e (e - 1)`.
/// The rate peaks at `t0` with `K r / e_Euler`, when `K / e_Euler` (37%) has arrived.
/// Where `e` would overflow, `C`, `c` and every derivative are zero to double precision.
///
/// Reference: Gompertz (1825); Tjørve & Tjørve, "The use of Gompertz models in growth
/// analyses", PLoS ONE 12 (2017).
public struct Gompertz: PointwiseCurveFamily {
    /// The Gompertz family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "gompertz" }
    public var title: String { "Gompertz" }
    public var formula: String { "C(t) = K exp(-exp(-r (t - t0)))" }
    public var parameters: [CurveParameter] {
        [CurveParameter("K", "final size (arrivals)", lowerBound: 0),
         CurveParameter("r", "growth rate (per day)", lowerBound: 0),
         CurveParameter("t0", "time of the peak rate (days)")]
    }
    public var finalSizeParameter: String? { "K" }

    /// Above this `e`, `exp(-e)` underflows to zero.
    @usableFromInline static let underflow = 745.0

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let e = exp(-theta[1] * (t - theta[2]))
        return e > Self.underflow ? 0 : theta[0] * exp(-e)
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        let e = exp(-r * (t - t0))
        guard e <= Self.underflow else { return (0, .zero) }
        let shape = exp(-e)
        let c = k * shape
        var g = SIMD8<Double>.zero
        g[0] = shape
        g[1] = c * e * (t - t0)
        g[2] = -c * e * r
        return (c, g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        // The same operations as rateWithGradient's value, so both paths give the same bits.
        let e = exp(-theta[1] * (t - theta[2]))
        return e > Self.underflow ? 0 : theta[1] * e * (theta[0] * exp(-e))
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (k, r, t0) = (theta[0], theta[1], theta[2])
        let e = exp(-r * (t - t0))
        guard e <= Self.underflow else { return (0, .zero) }
        let c = k * exp(-e)
        let rate = r * e * c
        var g = SIMD8<Double>.zero
        g[0] = r * e * exp(-e)
        g[1] = c * e * (1 + r * (t - t0) * (e - 1))
        g[2] = -r * r * c * e * (e - 1)
        return (rate, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let peak = data.peak
        let t0 = data.peakIsLast ? data.lastTime + 2 : peak.time
        return [1.2, 2, 4].map { factor in
            let k = factor * data.sizeScale
            let r = max(exp(1) * peak.rate / k, 0.05)
            return SIMD8(k, r, t0, 0, 0, 0, 0, 0)
        }
    }
}
