import Foundation

/// Release from onset `t0` with a log-logistic (Fisk) arrival delay:
///
///     C(t) = N v / (1 + v),   v = ((t - t0) / m)^q,   for t > t0 (zero before),
///     c(t) = N q v / ((t - t0) (1 + v)^2).
///
/// The logistic curve in the logarithm of the time since the onset: arrivals build up, peak (for
/// `q > 1`, at `s = m ((q - 1)/(q + 1))^(1/q)`) and then fall like a power of the time,
/// `c ~ N q m^q s^(-q - 1)`, not exponentially: with a small `q` people keep arriving for
/// weeks after the peak (half of them by `t0 + m`), while a large `q` is a sharp, logistic-like
/// surge. The still-to-come share after `s` days is `1 / (1 + v)`, which falls like `(s / m)^(-q)`.
///
/// Derivatives, with `u = (t - t0)/m`, `s = t - t0`, `F = v / (1 + v)`, `f = q v / (s (1 + v)^2)`:
/// `dC/dN = F`, `dC/dm = -N q v / (m (1 + v)^2)`, `dC/dq = N v log u / (1 + v)^2`, `dC/dt0 = -N f`;
/// `dc/dN = f`, `dc/dm = -c q (1 - v) / (m (1 + v))`, `dc/dq = c (1/q + (1 - v) log u / (1 + v))`,
/// `dc/dt0 = c (1 - q (1 - v)/(1 + v)) / s`.
///
/// Starting values: onset half a day before the first observation or a day before the largest rate, `m`
/// from the onset to the time half the total had come, `q` in {1.5, 4}, `N` in {1.3, 2.5} times the total.
///
/// Reference: the log-logistic law as a model of delays with a decreasing hazard after a peak: Bennett,
/// "Log-logistic regression models for survival data", Applied Statistics 32 (1983).
public struct LogLogisticRelease: PointwiseCurveFamily {
    /// The log-logistic release family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "release-loglogistic" }
    public var title: String { "Release with a log-logistic (power-law tail) delay" }
    public var formula: String { "C(t) = N v / (1 + v), v = ((t - t0)/m)^q for t > t0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N", "people released (final size)", lowerBound: 0),
         CurveParameter("m", "days from the onset until half have arrived", lowerBound: 1e-2),
         CurveParameter("q", "tail exponent: small is a long power-law tail, large a sharp surge", lowerBound: 0.2, upperBound: 30),
         CurveParameter("t0", "onset of the release (days)")]
    }
    public var finalSizeParameter: String? { "N" }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[3]
        guard s > 0 else { return 0 }
        let v = exp(theta[2] * log(s / theta[1]))
        return v.isInfinite ? theta[0] : theta[0] * v / (1 + v)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[3]
        guard s > 0 else { return 0 }
        let v = exp(theta[2] * log(s / theta[1]))
        guard v.isFinite else { return 0 }
        let onePlus = 1 + v
        return theta[0] * (theta[2] * v / (s * onePlus * onePlus))
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, alpha, beta, t0) = (theta[0], theta[1], theta[2], theta[3])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let logU = log(s / alpha)
        let v = exp(beta * logU)
        guard v.isFinite else {
            var g = SIMD8<Double>.zero
            g[0] = 1
            return (n, g)
        }
        let onePlus = 1 + v
        let square = onePlus * onePlus
        let f = beta * v / (s * square)
        var g = SIMD8<Double>.zero
        g[0] = v / onePlus
        g[1] = -n * beta * v / (alpha * square)
        g[2] = n * v * logU / square
        g[3] = -n * f
        return (n * v / onePlus, g)
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, alpha, beta, t0) = (theta[0], theta[1], theta[2], theta[3])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let logU = log(s / alpha)
        let v = exp(beta * logU)
        guard v.isFinite else { return (0, .zero) }
        let onePlus = 1 + v
        let f = beta * v / (s * onePlus * onePlus)
        let c = n * f
        let ratio = (1 - v) / onePlus
        var g = SIMD8<Double>.zero
        g[0] = f
        g[1] = -c * beta * ratio / alpha
        g[2] = c * (1 / beta + ratio * logU)
        g[3] = c * (1 - beta * ratio) / s
        return (c, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let first = data.firstTime - 0.5
        let onsets = [first, max(first, min(data.peak.time - 1, data.lastTime - 1))]
        let half = zip(data.times, data.cumulative).first { $0.1 >= 0.5 * data.total }?.0 ?? data.lastTime
        var starts: [SIMD8<Double>] = []
        for onset in onsets {
            for factor in [1.3, 2.5] {
                for beta in [1.5, 4.0] {
                    starts.append(SIMD8(factor * data.sizeScale, max(half - onset, 0.5), beta, onset, 0, 0, 0, 0))
                }
            }
        }
        return starts
    }
}
