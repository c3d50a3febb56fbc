import Foundation

/// Release from a finite pool with a constant hazard: `N` people released from onset `t0`,
/// each arriving after an exponential time with rate `h`:
/// `C(t) = N (1 - exp(-h (t - t0)))` for `t >= t0`, zero before.
///
/// This is the mechanism of a crackdown: compounds empty at once and the people in them
/// reach the embassy over the following days. With `E = exp(-h (t - t0))` for `t > t0`:
/// `dC/dN = 1 - E`, `dC/dh = N E (t - t0)`, `dC/dt0 = -N h E`;
/// `c = N h E`, `dc/dN = h E`, `dc/dh = N E (1 - h (t - t0))`, `dc/dt0 = N h^2 E`.
/// All are zero before `t0`. The mean time to arrival is `1/h` days.
///
/// With `t0` fixed at 0 this is the saturating exponential of NIST StRD Misra1a and
/// BoxBOD, against whose certified values it is tested.
public struct ReleaseFromPool: PointwiseCurveFamily {
    /// The release from a finite pool family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "release" }
    public var title: String { "Release from a finite pool" }
    public var formula: String { "C(t) = N (1 - exp(-h (t - t0))) for t >= t0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N", "people released (final size)", lowerBound: 0),
         CurveParameter("h", "arrival hazard (per day); mean delay 1/h", lowerBound: 0),
         CurveParameter("t0", "onset of the release (days)")]
    }
    public var finalSizeParameter: String? { "N" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[2]
        return s > 0 ? -theta[0] * expm1(-theta[1] * s) : 0
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let e = exp(-h * s)
        let oneMinusE = -expm1(-h * s)
        var g = SIMD8<Double>.zero
        g[0] = oneMinusE
        g[1] = n * e * s
        g[2] = -n * h * e
        return (n * oneMinusE, g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[2]
        return s > 0 ? theta[0] * theta[1] * exp(-theta[1] * s) : 0
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let e = exp(-h * s)
        var g = SIMD8<Double>.zero
        g[0] = h * e
        g[1] = n * e * (1 - h * s)
        g[2] = n * h * h * e
        return (n * h * e, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let onset = data.firstTime - 0.5
        return [1.2, 2.0, 4.0].flatMap { factor -> [SIMD8<Double>] in
            let n = factor * data.sizeScale
            let fromPeak = max(data.peak.rate / n, 0.01)
            return [SIMD8(n, fromPeak, onset, 0, 0, 0, 0, 0), SIMD8(n, 0.3, onset, 0, 0, 0, 0, 0)]
        }
    }
}
