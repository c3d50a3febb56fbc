import Foundation

/// The Bass diffusion curve `C(t) = M (1 - exp(-(p + q) t)) / (1 + (q/p) exp(-(p + q) t))`.
///
/// `p` is the rate of "innovators" (arrivals that happen on their own) and `q` the rate of
/// "imitators" (arrivals drawn by those who came before). With `a = p + q`, `E = exp(-a t)`,
/// `rho = q / p`, `D = 1 + rho E` and `F = (1 - E) / D`: `C = M F`,
/// `c = M a^2 E / (p D^2)`;
/// `dF/dE = -(a/p) / D^2`, `dF/drho = -(1 - E) E / D^2`, `dE/dp = dE/dq = -t E`,
/// `drho/dp = -q/p^2`, `drho/dq = 1/p`; for the rate
/// `dlog c/dp = 2/a - t - 1/p + 2 E rho (1/p + t) / D` and
/// `dlog c/dq = 2/a - t - 2 E (1/p - rho t) / D`.
/// Time is measured from the origin, when diffusion starts.
///
/// Reference: Bass, "A new product growth for model consumer durables", Management
/// Science 15 (1969).
public struct BassDiffusion: PointwiseCurveFamily {
    /// The Bass diffusion family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "bass" }
    public var title: String { "Bass diffusion" }
    public var formula: String { "C(t) = M (1 - exp(-(p+q) t)) / (1 + (q/p) exp(-(p+q) t))" }
    public var parameters: [CurveParameter] {
        [CurveParameter("M", "final size (arrivals)", lowerBound: 0),
         CurveParameter("p", "innovation rate (per day)", lowerBound: 1e-9, upperBound: 50),
         CurveParameter("q", "imitation rate (per day)", lowerBound: 0, upperBound: 50)]
    }
    public var finalSizeParameter: String? { "M" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (m, p, q) = (theta[0], theta[1], theta[2])
        // The same operations as cumulativeWithGradient's value, so both paths give the same bits.
        let e = exp(-(p + q) * max(t, 0))
        let d = 1 + q / p * e
        return m * ((1 - e) / d)
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (m, p, q) = (theta[0], theta[1], theta[2])
        let tt = max(t, 0)
        let a = p + q
        let e = exp(-a * tt)
        let rho = q / p
        let d = 1 + rho * e
        let f = (1 - e) / d
        let dfdE = -(a / p) / (d * d)
        let dfdRho = -(1 - e) * e / (d * d)
        var g = SIMD8<Double>.zero
        g[0] = f
        g[1] = m * (dfdE * (-tt * e) + dfdRho * (-q / (p * p)))
        g[2] = m * (dfdE * (-tt * e) + dfdRho / p)
        return (m * f, g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        guard t >= 0 else { return 0 }
        let (m, p, q) = (theta[0], theta[1], theta[2])
        let a = p + q
        let e = exp(-a * t)
        let d = 1 + q / p * e
        return m * a * a * e / (p * d * d)
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        guard t >= 0 else { return (0, .zero) }
        let (m, p, q) = (theta[0], theta[1], theta[2])
        let a = p + q
        let e = exp(-a * t)
        let rho = q / p
        let d = 1 + rho * e
        let c = m * a * a * e / (p * d * d)
        var g = SIMD8<Double>.zero
        g[0] = c / m
        g[1] = c * (2 / a - t - 1 / p + 2 * e * rho * (1 / p + t) / d)
        g[2] = c * (2 / a - t - 2 * e * (1 / p - rho * t) / d)
        return (c, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        // The rate peaks at t* = log(q/p) / (p + q); pick q on a grid and p to match t*.
        let peakTime = max(data.peakIsLast ? data.lastTime + 2 : data.peak.time, 0.5)
        var starts: [SIMD8<Double>] = []
        for factor in [1.2, 2.0] {
            for q in [0.3, 0.8, 1.5] {
                // Solve log(q/p) = (p + q) t* for p by fixed-point iteration from p small.
                var p = 0.01
                for _ in 0..<50 { p = max(q * exp(-(p + q) * peakTime), 1e-6) }
                starts.append(SIMD8(factor * data.sizeScale, p, q, 0, 0, 0, 0, 0))
            }
        }
        return starts
    }
}
