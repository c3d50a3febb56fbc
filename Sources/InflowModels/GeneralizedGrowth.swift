import Foundation

/// Chowell's generalized-growth model (GGM): `dC/dt = r C^p`, `0 <= p < 1`, with the
/// closed form `C(t) = [C0^m + r m t]^(1/m)`, `m = 1 - p`.
///
/// `p = 0` is constant inflow, `p -> 1` exponential growth; in between, sub-exponential
/// (polynomial) growth. With `B = C0^m + r m t`:
/// `dC/dr = C t / B`, `dC/dC0 = C C0^(m-1) / B`,
/// `dC/dp = -C [-log(B)/m^2 + (C0^m log C0 + r t) / (m B)]`;
/// `c = r C^p`, `dc/dr = C^p + r p C^(p-1) dC/dr`, `dc/dC0 = r p C^(p-1) dC/dC0`,
/// `dc/dp = c (log C + p dlog C/dp)`. `C0` is the cumulative count at the origin (it
/// seeds the growth). `p` is capped at 0.99, where the closed form still has full precision;
/// use `exponential` for `p = 1`. No final size.
///
/// Reference: Viboud, Simonsen & Chowell, "A generalized-growth model to characterize the
/// early ascending phase of infectious disease outbreaks", Epidemics 15 (2016).
public struct GeneralizedGrowth: PointwiseCurveFamily {
    /// The generalized growth family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "generalized-growth" }
    public var title: String { "Generalized growth (GGM)" }
    public var formula: String { "dC/dt = r C^p; C(t) = (C0^(1-p) + r (1-p) t)^(1/(1-p))" }
    public var parameters: [CurveParameter] {
        [CurveParameter("r", "growth rate (arrivals^(1-p) per day)", lowerBound: 0),
         CurveParameter("p", "deceleration of growth (0 constant, 1 exponential)", lowerBound: 0, upperBound: 0.99),
         CurveParameter("C0", "cumulative arrivals at the origin", lowerBound: 1e-6)]
    }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (r, p, c0) = (theta[0], theta[1], theta[2])
        let m = 1 - p
        let b = max(pow(c0, m) + r * m * t, 0)
        return pow(b, 1 / m)
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (r, p, c0) = (theta[0], theta[1], theta[2])
        let m = 1 - p
        let c0m = pow(c0, m)
        let b = c0m + r * m * t
        guard b > 0 else { return (0, .zero) }
        let c = pow(b, 1 / m)
        var g = SIMD8<Double>.zero
        g[0] = c * t / b
        g[1] = -c * (-log(b) / (m * m) + (c0m * log(c0) + r * t) / (m * b))
        g[2] = c * c0m / c0 / b
        return (c, g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        theta[0] * pow(cumulative(t, theta), theta[1])
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (r, p) = (theta[0], theta[1])
        let (c, dc) = cumulativeWithGradient(t, theta)
        guard c > 0 else { return (0, .zero) }
        let cp = pow(c, p)
        let rate = r * cp
        let factor = r * p * cp / c
        var g = SIMD8<Double>.zero
        g[0] = cp + factor * dc[0]
        g[1] = rate * (log(c) + p * dc[1] / c)
        g[2] = factor * dc[2]
        return (rate, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let c0 = max(data.rates.first ?? 1, 1)
        return [0.5, 0.8, 0.95].map { p in
            // Match the mean rate: r = mean(rate) / mean(C)^p over the data.
            let meanRate = max(data.rates.reduce(0, +) / Double(max(data.rates.count, 1)), 1e-3)
            let meanC = max(data.cumulative.reduce(0, +) / Double(max(data.cumulative.count, 1)), 1)
            return SIMD8(meanRate / pow(meanC, p), p, c0, 0, 0, 0, 0, 0)
        }
    }
}
