import Foundation

/// People released in `K` waves (K = 1...3), each from its own onset and with its own share of the pool,
/// all reaching the embassy after delays of one law (``ReleaseDelay``):
///
///     C(t) = N sum_j w_j F(t - tau_j),   c(t) = N sum_j w_j f(t - tau_j)
///
/// A crackdown does not empty one pool at once: compounds in different places are let go on different
/// days, and people differ in how soon they travel. With the heavy-tailed Lomax delay the model keeps
/// arrivals coming for weeks after the peak; with waves it follows a first release and a larger later one.
///
/// Parameters (so that every constraint is a bound the solver keeps):
/// - `K = 1` (`release-lomax`): `N, h, k, t0`: one release from `t0` with the Lomax delay.
/// - `K = 2` (`waves-2`): `N, f, t1, d2, h, k`: shares `w1 = f`, `w2 = 1 - f`; onsets `tau1 = t1`,
///   `tau2 = t1 + d2` (`d2 >= 0` keeps the waves in order).
/// - `K = 3` (`waves-3`): `N, a, b, t1, d2, d3, h` with the exponential delay (NB2's dispersion makes the
///   eighth lane): stick-breaking shares `w1 = a`, `w2 = (1 - a) b`, `w3 = (1 - a)(1 - b)`; onsets
///   `t1`, `t1 + d2`, `t1 + d2 + d3`.
///
/// The final size is `N`. Derivatives are exact: `dC/dN = sum w_j F_j`; through the shares
/// `dC/df = N (F_1 - F_2)`, `dC/da = N (F_1 - b F_2 - (1 - b) F_3)`, `dC/db = N (1 - a)(F_2 - F_3)`;
/// through the onsets `dC/dt1 = -N sum_j w_j f_j`, `dC/dd2 = -N sum_(j>=2) w_j f_j`, `dC/dd3 = -N w_3 f_3`;
/// `dC/dh = N sum w_j dF_j/dh` and likewise `k`. The rate's derivatives are the same with `f`, `f'` and
/// `df/dh`, `df/dk` in place of `F`, `f` and `dF/dh`, `dF/dk` (``ReleaseDelay``).
///
/// Starting values: onsets half a day before the first observation, a day before a tenth of the total had
/// come, and a day before the largest rate (waves: the first before the data, the second before the
/// largest rate), `N` in {1.5, 3} times the total, `h` from the largest rate over `N`, `k` in {0.7, 3, 30}
/// (Lomax).
///
/// - Complexity: `K` evaluations of the delay law per time (one `log1p` and one `exp` each for Lomax).
public struct StaggeredRelease: PointwiseCurveFamily {
    /// Number of waves, 1...3.
    public let waves: Int
    /// The delay law.
    public let delay: ReleaseDelay

    /// A family of `waves` waves (1...3) with the given delay law. Three waves with the Lomax law would
    /// need nine lanes with NB2's dispersion, so three waves take the exponential law.
    public init(waves: Int, delay: ReleaseDelay) {
        precondition((1...3).contains(waves), "a staggered release has 1 to 3 waves")
        precondition(waves < 3 || delay == .exponential, "three waves use the exponential delay (at most 8 parameters)")
        self.waves = waves
        self.delay = delay
    }

    /// One release from a pool with a heavy-tailed (Lomax) arrival delay.
    public static let lomax = StaggeredRelease(waves: 1, delay: .lomax)
    /// Two waves with the Lomax delay.
    public static let twoWaves = StaggeredRelease(waves: 2, delay: .lomax)
    /// Three waves with the exponential delay.
    public static let threeWaves = StaggeredRelease(waves: 3, delay: .exponential)

    public var name: String {
        switch (waves, delay) {
        case (1, .lomax): "release-lomax"
        case (1, .exponential): "release-staggered-1"
        case (let k, .lomax): "waves-\(k)"
        case (let k, .exponential): k == 3 ? "waves-3" : "waves-\(k)-exponential"
        }
    }

    public var title: String {
        waves == 1 ? "Release with a heavy-tailed (Lomax) delay"
            : "\(waves) release waves with \(delay == .lomax ? "a heavy-tailed (Lomax)" : "an exponential") delay"
    }

    public var formula: String {
        let law = delay == .lomax ? "F(s) = 1 - (1 + h s/k)^(-k)" : "F(s) = 1 - exp(-h s)"
        switch waves {
        case 1: return "C(t) = N F(t - t0), \(law)"
        case 2: return "C(t) = N [f F(t - t1) + (1 - f) F(t - t1 - d2)], \(law)"
        default: return "C(t) = N [a F(t - t1) + (1-a) b F(t - t1 - d2) + (1-a)(1-b) F(t - t1 - d2 - d3)], \(law)"
        }
    }

    public var parameters: [CurveParameter] {
        var list = [CurveParameter("N", "people released (final size)", lowerBound: 0)]
        switch waves {
        case 1:
            list += delay.parameters + [CurveParameter("t0", "onset of the release (days)")]
        case 2:
            list += [CurveParameter("f", "share of the first wave", lowerBound: 0, upperBound: 1),
                     CurveParameter("t1", "onset of the first wave (days)"),
                     CurveParameter("d2", "days from the first wave to the second", lowerBound: 0)] + delay.parameters
        default:
            list += [CurveParameter("a", "share of the first wave", lowerBound: 0, upperBound: 1),
                     CurveParameter("b", "share of the second wave in what the first leaves", lowerBound: 0, upperBound: 1),
                     CurveParameter("t1", "onset of the first wave (days)"),
                     CurveParameter("d2", "days from the first wave to the second", lowerBound: 0),
                     CurveParameter("d3", "days from the second wave to the third", lowerBound: 0)] + delay.parameters
        }
        return list
    }

    public var finalSizeParameter: String? { "N" }

    /// The waves' shares, onsets, and the lanes of `h` and `k`.
    @inlinable
    func layout(_ theta: SIMD8<Double>) -> (shares: SIMD4<Double>, onsets: SIMD4<Double>, h: Double, k: Double) {
        switch waves {
        case 1:
            return (SIMD4(1, 0, 0, 0), SIMD4(repeating: delay == .lomax ? theta[3] : theta[2]), theta[1],
                    delay == .lomax ? theta[2] : .infinity)
        case 2:
            let f = theta[1], t1 = theta[2], d2 = theta[3]
            return (SIMD4(f, 1 - f, 0, 0), SIMD4(t1, t1 + d2, 0, 0), theta[4], delay == .lomax ? theta[5] : .infinity)
        default:
            let a = theta[1], b = theta[2], t1 = theta[3], d2 = theta[4], d3 = theta[5]
            return (SIMD4(a, (1 - a) * b, (1 - a) * (1 - b), 0), SIMD4(t1, t1 + d2, t1 + d2 + d3, 0), theta[6],
                    delay == .lomax ? theta[7] : .infinity)
        }
    }

    /// The delay law's values for wave `j` at time `t`.
    @inlinable
    func delayValues(_ t: Double, wave j: Int, _ layout: (shares: SIMD4<Double>, onsets: SIMD4<Double>, h: Double, k: Double))
        -> ReleaseDelayValues {
        delay.evaluate(t - layout.onsets[j], h: layout.h, k: layout.k)
    }

    /// `C` (or `c`) alone, with the same arithmetic as ``gradient(_:_:rate:)`` (so a likelihood gets the same
    /// bits with and without gradients).
    @inlinable
    func value(_ t: Double, _ theta: SIMD8<Double>, rate: Bool) -> Double {
        let l = layout(theta)
        var level = SIMD4<Double>.zero
        for j in 0..<waves {
            let v = delayValues(t, wave: j, l)
            level[j] = rate ? v.density : v.cdf
        }
        return theta[0] * (l.shares * level).sum()
    }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double { value(t, theta, rate: false) }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double { value(t, theta, rate: true) }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        gradient(t, theta, rate: false)
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        gradient(t, theta, rate: true)
    }

    /// `C` (or `c`) and its gradient: the cumulative form uses `F, f, dF/dh, dF/dk`, the rate form
    /// `f, f', df/dh, df/dk` in the same formulas.
    @inlinable
    func gradient(_ t: Double, _ theta: SIMD8<Double>, rate: Bool) -> (value: Double, gradient: SIMD8<Double>) {
        let n = theta[0]
        let l = layout(theta)
        var level = SIMD4<Double>.zero, slope = SIMD4<Double>.zero, byH = SIMD4<Double>.zero, byK = SIMD4<Double>.zero
        for j in 0..<waves {
            let v = delayValues(t, wave: j, l)
            level[j] = rate ? v.density : v.cdf
            slope[j] = rate ? v.densitySlope : v.density
            byH[j] = rate ? v.densityByH : v.cdfByH
            byK[j] = rate ? v.densityByK : v.cdfByK
        }
        let weighted = (l.shares * level).sum()
        var g = SIMD8<Double>.zero
        g[0] = weighted
        switch waves {
        case 1:
            g[1] = n * byH[0]
            if delay == .lomax {
                g[2] = n * byK[0]
                g[3] = -n * slope[0]
            } else {
                g[2] = -n * slope[0]
            }
        case 2:
            g[1] = n * (level[0] - level[1])
            g[2] = -n * (l.shares * slope).sum()
            g[3] = -n * l.shares[1] * slope[1]
            g[4] = n * (l.shares * byH).sum()
            if delay == .lomax { g[5] = n * (l.shares * byK).sum() }
        default:
            let b = theta[2], a = theta[1]
            g[1] = n * (level[0] - b * level[1] - (1 - b) * level[2])
            g[2] = n * (1 - a) * (level[1] - level[2])
            g[3] = -n * (l.shares * slope).sum()
            g[4] = -n * (l.shares[1] * slope[1] + l.shares[2] * slope[2])
            g[5] = -n * l.shares[2] * slope[2]
            g[6] = n * (l.shares * byH).sum()
            if delay == .lomax { g[7] = n * (l.shares * byK).sum() }
        }
        return (n * weighted, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let onset = data.firstTime - 0.5
        let peak = data.peak
        // Onsets: before the first observation, when a tenth of the total had come, and a day before the
        // largest rate (the likelihood has a local optimum for each interval an onset can fall in).
        let tenth = zip(data.times, data.cumulative).first { $0.1 >= 0.1 * data.total }?.0 ?? onset
        let onsets = [onset, max(onset, tenth - 1), max(onset, min(peak.time - 1, data.lastTime - 1))]
        var starts: [SIMD8<Double>] = []
        for factor in [1.5, 3.0] {
            let n = factor * data.sizeScale
            let h = min(max(peak.rate / n, 0.02), 5)
            let shapes: [Double] = delay == .lomax ? [0.7, 3, 30] : [.infinity]
            for k in shapes {
                switch waves {
                case 1:
                    for start in onsets {
                        starts.append(delay == .lomax ? SIMD8(n, h, k, start, 0, 0, 0, 0) : SIMD8(n, h, start, 0, 0, 0, 0, 0))
                    }
                case 2:
                    let gap = max(peak.time - 1 - onset, 0.5)
                    var start = SIMD8<Double>(n, 0.2, onset, gap, 2 * h, 0, 0, 0)
                    if delay == .lomax { start[5] = k }
                    starts.append(start)
                default:
                    let gap = max((peak.time - 1 - onset) / 2, 0.5)
                    starts.append(SIMD8(n, 0.2, 0.5, onset, gap, gap, 2 * h, 0))
                }
            }
        }
        return starts
    }
}
