import Foundation

/// Exponential growth of the inflow rate, `c(t) = c0 exp(r t)`, so
/// `C(t) = c0 (exp(r t) - 1) / r` (arrivals since the origin; `c0 t` when `r = 0`).
///
/// Derivatives: `dC/dc0 = expm1(r t) / r`, `dC/dr = c0 (r t exp(r t) - expm1(r t)) / r^2`
/// (a Taylor series `c0 (t^2/2 + r t^3/3 + r^2 t^4/8)` when `|r t| < 1e-4`, where the
/// closed form cancels); `dc/dc0 = exp(r t)`, `dc/dr = c0 t exp(r t)`. With `r >= 0` the
/// curve grows without bound (no final size; it describes the early phase only); with
/// `r < 0` the inflow decays and the final size is `C(inf) = c0 / (-r)`.
///
/// Reference: Chowell, Viboud, Simonsen & Moghadas, "Characterizing the reproduction
/// number of epidemics with early subexponential growth dynamics", J. R. Soc. Interface 13 (2016).
public struct ExponentialGrowth: PointwiseCurveFamily {
    /// The exponential growth family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "exponential" }
    public var title: String { "Exponential" }
    public var formula: String { "c(t) = c0 exp(r t); C(t) = c0 (exp(r t) - 1) / r" }
    public var parameters: [CurveParameter] {
        [CurveParameter("c0", "inflow rate at the origin (arrivals per day)", lowerBound: 0),
         CurveParameter("r", "growth rate (per day; negative for decline)", lowerBound: -5, upperBound: 5)]
    }

    @usableFromInline static let seriesThreshold = 1e-4

    public func finalSize(_ theta: SIMD8<Double>) -> Double {
        theta[1] < 0 ? theta[0] / -theta[1] : .infinity
    }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        cumulativeWithGradient(t, theta).value
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (c0, r) = (theta[0], theta[1])
        let x = r * t
        var g = SIMD8<Double>.zero
        if abs(x) < Self.seriesThreshold {
            let shape = t * (1 + x / 2 + x * x / 6)
            g[0] = shape
            g[1] = c0 * t * t * (0.5 + x / 3 + x * x / 8)
            return (c0 * shape, g)
        }
        let shape = expm1(x) / r
        g[0] = shape
        g[1] = c0 * (x * exp(x) - expm1(x)) / (r * r)
        return (c0 * shape, g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double { theta[0] * exp(theta[1] * t) }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let e = exp(theta[1] * t)
        var g = SIMD8<Double>.zero
        g[0] = e
        g[1] = theta[0] * t * e
        return (theta[0] * e, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        // Log-linear regression of the positive rates on time.
        let points = zip(data.times, data.rates).filter { $0.1 > 0 }
        guard points.count >= 2 else { return [SIMD8(max(data.rates.first ?? 1, 1), 0, 0, 0, 0, 0, 0, 0)] }
        let n = Double(points.count)
        let meanT = points.reduce(0) { $0 + $1.0 } / n
        let meanY = points.reduce(0) { $0 + log($1.1) } / n
        let sxy = points.reduce(0) { $0 + ($1.0 - meanT) * (log($1.1) - meanY) }
        let sxx = points.reduce(0) { $0 + ($1.0 - meanT) * ($1.0 - meanT) }
        let r = sxx > 0 ? min(max(sxy / sxx, -1), 1) : 0
        let c0 = exp(meanY - r * meanT)
        return [SIMD8(c0, r, 0, 0, 0, 0, 0, 0), SIMD8(points[0].1, 0, 0, 0, 0, 0, 0, 0)]
    }
}
