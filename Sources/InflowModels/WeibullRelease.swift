import Foundation

/// Release from a finite pool with a Weibull hazard:
/// `C(t) = N (1 - exp(-((t - t0) / lambda)^k))` for `t >= t0`, zero before.
///
/// `k < 1`: most people arrive early and the rest trickle in; `k > 1`: arrivals build up
/// and then fall (the rate peaks at `t0 + lambda ((k - 1)/k)^(1/k)`); `k = 1` is
/// ``ReleaseFromPool`` with `h = 1/lambda`. With `u = (t - t0)/lambda` and `S = exp(-u^k)`:
/// `dC/dN = 1 - S`, `dC/du = N S k u^(k-1)`, `dC/dlambda = -dC/du u/lambda`,
/// `dC/dt0 = -dC/du / lambda`, `dC/dk = N S u^k log u`;
/// `c = N S k u^(k-1) / lambda` and, through `log c`,
/// `dlog c/dk = 1/k + log u (1 - u^k)`, `dlog c/du = (k - 1)/u - k u^(k-1)`,
/// `dlog c/dlambda = -1/lambda - (u/lambda) dlog c/du`, `dlog c/dt0 = -(1/lambda) dlog c/du`.
///
/// Reference: Weibull, "A statistical distribution function of wide applicability",
/// J. Appl. Mech. 18 (1951).
public struct WeibullRelease: PointwiseCurveFamily {
    /// The Weibull release family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "release-weibull" }
    public var title: String { "Release with a Weibull hazard" }
    public var formula: String { "C(t) = N (1 - exp(-((t - t0)/lambda)^k)) for t >= t0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N", "people released (final size)", lowerBound: 0),
         CurveParameter("lambda", "scale of the arrival delay (days)", lowerBound: 1e-3),
         CurveParameter("k", "shape: below 1 front-loaded, above 1 builds up then falls", lowerBound: 0.2, upperBound: 20),
         CurveParameter("t0", "onset of the release (days)")]
    }
    public var finalSizeParameter: String? { "N" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let u = (t - theta[3]) / theta[1]
        return u > 0 ? -theta[0] * expm1(-pow(u, theta[2])) : 0
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, lambda, k, t0) = (theta[0], theta[1], theta[2], theta[3])
        let u = (t - t0) / lambda
        guard u > 0 else { return (0, .zero) }
        let uk = pow(u, k)
        let s = exp(-uk)
        let dCdu = n * s * k * uk / u
        var g = SIMD8<Double>.zero
        g[0] = -expm1(-uk)
        g[1] = -dCdu * u / lambda
        g[2] = n * s * uk * log(u)
        g[3] = -dCdu / lambda
        return (n * g[0], g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (n, lambda, k, t0) = (theta[0], theta[1], theta[2], theta[3])
        let u = (t - t0) / lambda
        guard u > 0 else { return 0 }
        let uk = pow(u, k)
        return n * exp(-uk) * k * uk / u / lambda
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, lambda, k, t0) = (theta[0], theta[1], theta[2], theta[3])
        let u = (t - t0) / lambda
        guard u > 0 else { return (0, .zero) }
        let uk = pow(u, k)
        let c = n * exp(-uk) * k * uk / u / lambda
        let logU = log(u)
        let dlogcdu = (k - 1) / u - k * uk / u
        var g = SIMD8<Double>.zero
        g[0] = c / n
        g[1] = c * (-1 / lambda - u / lambda * dlogcdu)
        g[2] = c * (1 / k + logU * (1 - uk))
        g[3] = c * (-dlogcdu / lambda)
        return (c, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let onset = data.firstTime - 0.5
        let span = max(data.peak.time - onset, 1)
        var starts: [SIMD8<Double>] = []
        for factor in [1.2, 2.0, 4.0] {
            for k in [1.0, 2.0] {
                // Put the mode of the Weibull rate at the observed peak when k > 1.
                let lambda = k > 1 ? span / pow((k - 1) / k, 1 / k) : span * 2
                starts.append(SIMD8(factor * data.sizeScale, lambda, k, onset, 0, 0, 0, 0))
            }
        }
        return starts
    }
}
