import Foundation
import InflowStatistics

/// Release from a finite pool followed by a gamma-distributed travel time.
///
/// `N` people are released from onset `t0` with a constant hazard `h` (release time
/// `T ~ Exp(h)`), and each then travels for `D ~ Gamma(k, scale s)`, `s = m/k` (mean `m`
/// days, shape `k`), before reporting. The cumulative count is the distribution function of
/// `T + D`, the convolution of the release law with the travel time:
///
///     C(t) = N F(t - t0),   F(tau) = P(T + D <= tau) = G(tau) - I(tau),
///     I(tau) = integral_0^tau g(u) exp(-h (tau - u)) du = E[exp(-h (tau - D)); D <= tau],
///
/// where `g` and `G` are the Gamma(k, s) density and distribution function
/// (`G(tau) = P(k, tau/s)`, the regularized lower incomplete gamma). The rate is
/// `c(t) = N h I(t - t0)` (the density of `T + D` is `h I`, since `I' = g - h I`). Both are
/// zero for `t <= t0`. `k = 1` with `m -> 0` is ``ReleaseFromPool``.
///
/// **Evaluating `I`.** With `x = tau/s`, `q = h s - 1` and `z = q x`,
/// `I = exp(-h tau) x^k / Gamma(k + 1) M(k, k + 1, z)` (Kummer's function,
/// `M(k, k + 1, z) = sum_n k/(k + n) z^n/n!`). Three regimes, each accurate to about 1e-14:
/// - `z <= -1` (`h s < 1`): the closed form `I = exp(-h tau) (1 - h s)^(-k) G(tau; k, s/(1 - h s))`;
/// - `-1 < z < 100`: the series (alternating only for `|z| < 1`; positive terms above);
/// - `z >= 100` (`h s > 1`, where the closed form would need `(1 - h s)^(-k)` of a negative
///   number): `I = (g(tau)/beta) integral_0^z e^(-w) (1 - w/z)^(k-1) dw`, `beta = h - 1/s`, by
///   24-point Gauss–Laguerre quadrature over `[0, inf)`: its nodes all lie below 81.5 < z, the
///   integrand is analytic in `|w| < z`, and what lies beyond `z` weighs less than `e^(-100)`.
///
/// `F = G - I` loses relative precision at short times (`F/G ~ h tau/(k + 1)`). For `h tau <= 1`
/// (and `tau <= 60 s`) `F` is summed instead from Kummer's transformation of the two series
/// (`cdfSeries`), whose terms are all non-negative when `h s <= 2` (for `h s > 2` it is kept
/// only when it is better conditioned than `G - I`).
///
/// **Derivatives.** With the same quantities at shape `k + 1` (same scale `s`) and
/// `I_h = integral g(u) (tau - u) e^(-h (tau - u)) du = tau I_k - k s I_(k+1)`:
/// `dC/dN = F`, `dC/dh = N I_h`, `dC/dt0 = -N h I`, `dC/dm = N (F_(k+1) - F_k)/s`
/// (from `dg/ds = (k/s)(g_(k+1) - g_k)`); `dc/dN = h I`, `dc/dh = N (I - h I_h)`,
/// `dc/dt0 = -N h (g(tau) - h I)`, `dc/dm = N h (I_(k+1) - I_k)/s`.
/// `dC/dk` and `dc/dk` (at fixed mean `m`) have no practical closed form (they need the
/// derivative of the incomplete gamma function in its shape): they are central differences
/// with one Richardson extrapolation, `(4 D(delta/2) - D(delta))/3` with
/// `delta = 0.01 min(k, sqrt k) / max(1, tau/m, |log(tau/s)|)` (a hundredth of the scale on
/// which `F` varies with `k`), whose truncation error is about `delta^4 F^(5)/480` (~1e-10
/// relative) and rounding error a few hundred ulps of `F`.
///
/// Starting values: onset half a day before the first observation; total mean delay `1/h + m`
/// of 1.3 times the time from onset to the largest rate and, when it differs, the time from
/// onset to the centre of mass of the arrivals; that delay split between release and travel
/// with `(k, m share)` in {(3, 0.5), (1, 0.3), (8, 0.7), (1, 0.8)}; `N` in {1.2, 2} times the total.
///
/// Cost: one incomplete gamma function (or one short-time series) and one Kummer series (at
/// most ~200 terms, or 24 quadrature nodes) per time, six of each per time with gradients:
/// about 13 µs for 61 daily times, 80 µs with gradients (release build, one core).
///
/// References: the convolution of the release law (exponential) with a gamma travel time;
/// Kummer's function and its transformation `M(a, b, z) = e^z M(b - a, b, -z)`: DLMF 13.2.2
/// and 13.2.39; the incomplete gamma function through it: DLMF 8.5.1; Gauss–Laguerre
/// quadrature: DLMF 3.5(v). Tested against `scipy.integrate.quad` of the convolution and
/// against Kummer's closed form in 40-digit arithmetic (mpmath), over 90 points with `h s`
/// from 0.02 to 24 and `k` from 0.5 to 50
/// (`Tests/Reference/Data/ode/make_delayed_release.py`).
public struct DelayedRelease: PointwiseCurveFamily {
    /// The delayed release family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "release-delayed" }
    public var title: String { "Release from a pool with a gamma travel time" }
    public var formula: String { "C(t) = N P(T + D <= t - t0), T ~ Exp(h), D ~ Gamma(k, m/k)" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N", "people released (final size)", lowerBound: 0),
         CurveParameter("h", "release hazard (per day); mean wait 1/h", lowerBound: 0),
         CurveParameter("t0", "onset of the release (days)"),
         CurveParameter("m", "mean travel time (days)", lowerBound: 1e-3),
         CurveParameter("k", "shape of the travel time: 1 exponential, larger is more regular", lowerBound: 0.5, upperBound: 50)]
    }
    public var finalSizeParameter: String? { "N" }

    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (n, h, t0, m, k) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        guard Self.isValid(theta) else { return .nan }
        let tau = t - t0
        guard tau > 0 else { return 0 }
        return n * Self.distribution(tau, shape: k, scale: m / k, hazard: h).cdf
    }

    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0, m, k) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        guard Self.isValid(theta) else { return (.nan, SIMD8(repeating: .nan)) }
        let tau = t - t0
        guard tau > 0 else { return (0, .zero) }
        let s = m / k
        let base = Self.distribution(tau, shape: k, scale: s, hazard: h)
        let next = Self.distribution(tau, shape: k + 1, scale: s, hazard: h)
        let shapeDerivative = Self.shapeDerivative(tau, mean: m, shape: k, hazard: h)
        var g = SIMD8<Double>.zero
        g[0] = base.cdf
        g[1] = n * (tau * base.kernel - k * s * next.kernel)
        g[2] = -n * h * base.kernel
        g[3] = n * (next.cdf - base.cdf) / s
        g[4] = n * shapeDerivative.cdf
        return (n * base.cdf, g)
    }

    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (n, h, t0, m, k) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        guard Self.isValid(theta) else { return .nan }
        let tau = t - t0
        guard tau > 0 else { return 0 }
        return n * h * Self.kernel(tau, shape: k, scale: m / k, hazard: h)
    }

    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0, m, k) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        guard Self.isValid(theta) else { return (.nan, SIMD8(repeating: .nan)) }
        let tau = t - t0
        guard tau > 0 else { return (0, .zero) }
        let s = m / k
        let kernel = Self.kernel(tau, shape: k, scale: s, hazard: h)
        let nextKernel = Self.kernel(tau, shape: k + 1, scale: s, hazard: h)
        let density = Self.gammaDensity(tau, shape: k, scale: s)
        let shapeDerivative = Self.shapeDerivative(tau, mean: m, shape: k, hazard: h, includeCDF: false)
        let momentKernel = tau * kernel - k * s * nextKernel
        var g = SIMD8<Double>.zero
        g[0] = h * kernel
        g[1] = n * (kernel - h * momentKernel)
        g[2] = -n * h * (density - h * kernel)
        g[3] = n * h * (nextKernel - kernel) / s
        g[4] = n * h * shapeDerivative.kernel
        return (n * h * kernel, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let peak = data.peak
        let onset = data.firstTime - 0.5
        // Two guesses of the mean total delay 1/h + m: from the time of the largest rate, and
        // from the centre of mass of the arrivals seen so far (better for front-loaded curves).
        let toPeak = data.peakIsLast ? data.lastTime + 2 - onset : max(peak.time - onset, 1)
        let weight = data.rates.reduce(0, +)
        let centre = weight > 0 ? zip(data.times, data.rates).reduce(0) { $0 + $1.0 * $1.1 } / weight : peak.time
        var delays = [1.3 * toPeak]
        let fromCentre = max(centre - onset, 1)
        if abs(fromCentre - delays[0]) > 0.2 * delays[0] { delays.append(fromCentre) }
        var starts: [SIMD8<Double>] = []
        for factor in [1.2, 2.0] {
            let n = factor * data.sizeScale
            for meanDelay in delays {
                for (k, travelShare) in [(3.0, 0.5), (1.0, 0.3), (8.0, 0.7), (1.0, 0.8)] {
                    let m = travelShare * meanDelay
                    let h = 1 / ((1 - travelShare) * meanDelay)
                    starts.append(SIMD8(n, h, onset, m, k, 0, 0, 0))
                }
            }
        }
        return starts
    }

    // MARK: The distribution of T + D

    /// Whether the formulas hold: `N`, `t0` finite, `h >= 0`, `m > 0`, `k > 0` (all finite).
    /// Outside, values and gradients are NaN.
    static func isValid(_ theta: SIMD8<Double>) -> Bool {
        let (n, h, t0, m, k) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        return n.isFinite && t0.isFinite && h >= 0 && h.isFinite && m > 0 && m.isFinite && k > 0 && k.isFinite
    }

    /// `F(tau)` and `I(tau)` for `tau > 0`.
    static func distribution(_ tau: Double, shape k: Double, scale s: Double, hazard h: Double)
        -> (cdf: Double, kernel: Double) {
        let kernel = kernel(tau, shape: k, scale: s, hazard: h)
        let x = tau / s
        let b = x - h * tau
        if h * tau <= 1 && x <= 60 && (abs(b) <= x || x <= 8) {
            // Short times (F/G ~ h tau/(k + 1)). Positive terms (condition 1) when |b| <= x,
            // that is h s <= 2; otherwise keep the series only if it is better conditioned
            // than G - I, which loses about G/F = (F + I)/F.
            let series = cdfSeries(tau, shape: k, scale: s, hazard: h)
            if abs(b) <= x || (series.cdf > 0 && series.condition <= (series.cdf + kernel) / series.cdf) {
                return (series.cdf, kernel)
            }
        }
        let gammaCDF = SpecialFunctions.regularizedGammaP(k, x)
        return (max(gammaCDF - kernel, 0), kernel)
    }

    /// `F(tau)` from Kummer's transformation of both series, free of the cancellation of
    /// `G - I` at short times. With `b = x - h tau` and `S_n = (x^n - b^n)/(x - b) =
    /// sum_{i<n} x^i b^(n-1-i)`,
    /// `F = x^k e^(-x) / Gamma(k + 1) h tau sum_{n>=1} S_n / ((k + 1)(k + 2)...(k + n))`
    /// (from `G = x^k e^(-x)/Gamma(k+1) M(1, k+1, x)` and `I = x^k e^(-x)/Gamma(k+1) M(1, k+1, b)`).
    /// Every term is non-negative when `|b| <= x` (`h s <= 2`); the condition number (sum of
    /// |terms| over |sum|) is returned for the other cases. About `x + |b|` terms.
    static func cdfSeries(_ tau: Double, shape k: Double, scale s: Double, hazard h: Double)
        -> (cdf: Double, condition: Double) {
        let x = tau / s
        let ht = h * tau
        guard ht > 0 else { return (0, 1) }
        let b = x - ht
        let largest = max(x, abs(b))
        var sum = 0.0
        var magnitude = 0.0         // sum of |terms|
        var partial = 0.0           // S_n
        var powerB = 1.0            // b^(n-1)
        var coefficient = 1.0       // 1 / ((k + 1)...(k + n))
        var bound = 1.0             // largest^(n-1) / ((k + 1)...(k + n)): |S_n| coefficient <= n bound
        var n = 1.0
        while n < 1000 {
            partial = x * partial + powerB
            powerB *= b
            coefficient /= k + n
            let term = partial * coefficient
            sum += term
            magnitude += abs(term)
            bound = n == 1 ? coefficient : bound * largest / (k + n)
            // The remaining terms are below n bound / (1 - largest/(k + n + 1)) once n > largest.
            if n > largest && n * bound <= 1e-17 * magnitude * (1 - largest / (k + n + 1)) { break }
            n += 1
        }
        let cdf = max(exp(k * log(x) - x - SpecialFunctions.logGamma(k + 1)) * ht * sum, 0)
        return (cdf, sum != 0 ? magnitude / abs(sum) : .infinity)
    }

    /// `I(tau) = integral_0^tau g(u; k, s) exp(-h (tau - u)) du` for `tau > 0` (see the type's notes).
    static func kernel(_ tau: Double, shape k: Double, scale s: Double, hazard h: Double) -> Double {
        let x = tau / s
        let q = h * s - 1
        let z = q * x
        if z <= -1 {
            // h s < 1: exp(-h tau) (1 - h s)^(-k) P(k, x (1 - h s)).
            return exp(-h * tau - k * log(-q)) * SpecialFunctions.regularizedGammaP(k, -z)
        }
        if z < 100 {
            var power = 1.0        // z^n / n!
            var sum = 1.0
            var n = 1.0
            while n < 1000 {
                power *= z / n
                let term = k / (k + n) * power
                sum += term
                if n > abs(z) && abs(term) <= 1e-17 * sum { break }
                n += 1
            }
            return exp(-h * tau + k * log(x) - SpecialFunctions.logGamma(k + 1) + log(sum))
        }
        // h s > 1 and z >= 100: (g(tau)/beta) integral_0^z e^(-w) (1 - w/z)^(k-1) dw.
        let rule = GaussLaguerreRule.shared
        var sum = 0.0
        for i in 0..<rule.nodes.count {
            sum += rule.weights[i] * exp((k - 1) * log1p(-rule.nodes[i] / z))
        }
        return exp((k - 1) * log(x) - x - SpecialFunctions.logGamma(k) - log(q)) * sum
    }

    /// The Gamma(k, s) density at `tau > 0`.
    static func gammaDensity(_ tau: Double, shape k: Double, scale s: Double) -> Double {
        let x = tau / s
        return exp((k - 1) * log(x) - x - SpecialFunctions.logGamma(k)) / s
    }

    /// `dF/dk` and `dI/dk` at fixed mean `m` (scale `m/k`): central differences with one
    /// Richardson step (see the type's notes).
    static func shapeDerivative(_ tau: Double, mean m: Double, shape k: Double, hazard h: Double,
                                includeCDF: Bool = true) -> (cdf: Double, kernel: Double) {
        // The scale on which F and I vary with k: k itself when small, sqrt(k) when large,
        // m/tau in the far tail (where they behave like exp(-k tau/m)) and 1/|log x| at short
        // times (where they behave like x^k, x = tau k/m).
        let delta = 0.01 * min(k, k.squareRoot()) / max(1, tau / m, abs(log(tau * k / m)))
        func evaluate(_ shape: Double) -> (cdf: Double, kernel: Double) {
            includeCDF ? distribution(tau, shape: shape, scale: m / shape, hazard: h)
                : (0, kernel(tau, shape: shape, scale: m / shape, hazard: h))
        }
        func difference(_ step: Double) -> (cdf: Double, kernel: Double) {
            let plus = evaluate(k + step)
            let minus = evaluate(k - step)
            return ((plus.cdf - minus.cdf) / (2 * step), (plus.kernel - minus.kernel) / (2 * step))
        }
        let coarse = difference(delta)
        let fine = difference(delta / 2)
        return ((4 * fine.cdf - coarse.cdf) / 3, (4 * fine.kernel - coarse.kernel) / 3)
    }
}

extension DelayedRelease {
    /// The 24-point Gauss–Laguerre rule `integral_0^inf e^(-w) f(w) dw ~ sum_i w_i f(x_i)`.
    ///
    /// Nodes are the zeros of the Laguerre polynomial `L_24`, found by Newton's method from the
    /// asymptotic first guesses of Stroud & Secrest (as in *Numerical Recipes*, §4.6) with `L_n`
    /// from its three-term recurrence; weights `w_i = 1 / (x_i L_n'(x_i)^2)`.
    struct GaussLaguerreRule: Sendable {
        let nodes: [Double]
        let weights: [Double]

        static let shared = GaussLaguerreRule(order: 24)

        init(order n: Int) {
            var nodes: [Double] = []
            var weights: [Double] = []
            var x = 0.0
            for i in 0..<n {
                // First guesses.
                if i == 0 {
                    x = 3 / (1 + 2.4 * Double(n))
                } else if i == 1 {
                    x += 15 / (1 + 2.5 * Double(n))
                } else {
                    let ai = Double(i - 1)
                    x += (1 + 2.55 * ai) / (1.9 * ai) * (x - nodes[i - 2])
                }
                var derivative = 0.0
                for _ in 0..<100 {
                    // L_n(x) and L_(n-1)(x) by (j + 1) L_(j+1) = (2j + 1 - x) L_j - j L_(j-1).
                    var current = 1.0, previous = 0.0
                    for j in 0..<n {
                        let following = ((2 * Double(j) + 1 - x) * current - Double(j) * previous) / Double(j + 1)
                        previous = current
                        current = following
                    }
                    derivative = Double(n) * (current - previous) / x
                    let step = current / derivative
                    x -= step
                    if abs(step) <= 1e-15 * x { break }
                }
                // Re-evaluate L_n' at the converged node.
                var current = 1.0, previous = 0.0
                for j in 0..<n {
                    let following = ((2 * Double(j) + 1 - x) * current - Double(j) * previous) / Double(j + 1)
                    previous = current
                    current = following
                }
                derivative = Double(n) * (current - previous) / x
                nodes.append(x)
                weights.append(1 / (x * derivative * derivative))
            }
            self.nodes = nodes
            self.weights = weights
        }
    }
}
