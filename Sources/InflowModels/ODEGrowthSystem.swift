import Foundation

/// The growth law `dC/dt = r C^p (1 - (C/K)^a)`, `C(0) = C0`, of ``GeneralizedLogistic``
/// (`a = 1`) and ``GeneralizedRichards``, as an ``ODESensitivitySystem``.
///
/// **Variables.** Integrating `C` itself is poor at both ends: backward towards `C -> 0` the
/// Jacobian `f_C = r p C^(p-1)` blows up (stiff), and near saturation the rate
/// `r C^p (1 - (C/K)^a)` is a difference of nearly equal numbers while the remaining pool
/// decays exponentially (stiff again, and the rate loses its relative precision). The
/// integration therefore runs in one of three charts, `w = (C/K)^a` deciding which:
/// - `w < 1/2` or `w > 2` (chart 0): the Box–Cox transform `u = (C^m - 1)/m`, `m = 1 - p`
///   (`u = log C` at `p = 1`), with `du/dt = C^(-p) dC/dt = F = r (1 - w)`, bounded by `r`
///   while `w < 1`: the growth phase is nearly linear in `u`, and the backward integration
///   stays non-stiff down to `C = 0`;
/// - `1/2 <= w < 1` (chart 1): the logit `y = log(w / (1 - w))`, with `dy/dt = G = a r C^(-m)`,
///   which tends to the constant `a r K^(-m)` as the pool empties: the tail is linear in `y`,
///   and the remaining fraction `1 - w = sigmoid(-y)` keeps full relative precision;
/// - `1 < w <= 2` (chart 2, only when `C0 > K`, a count that falls to `K`): `y = log(w/(w - 1))`,
///   with the same `dy/dt = G` and `1 - w = -1/expm1(y)`.
/// The chart changes after the step in which `w` crosses a boundary, mapping the point and its
/// sensitivities exactly. Lane 6 of the packed state holds the chart.
/// For `p < 1` the backward solution reaches `C = 0` at a finite time (`1 + m u = 0`, the
/// onset of the curve); before it `C = 0`, `c = 0` and every derivative is zero. The solution
/// is not smooth there (`w = K^(-a) z^(a/m)`), so the backward integration stops when `C` falls
/// below ``onsetFraction`` `min(C0, K)` (a terminal state, chart 3) and reports zeros beyond.
/// The approach to that point may need a few hundred short steps.
///
/// **Chart `u`**, with `z = 1 + m u = C^m`, `l = log C = log1p(m u)/m` and
/// `psi(x) = (log1p(x) - x/(1 + x))/x^2` (`x = m u`; a series for `|x| < 0.1`):
/// `dl/du = 1/z`, `dl/dp|_u = u^2 psi(x)`; `F_u = -r a w / z`, `F_r = 1 - w`,
/// `F_p = -r a w dl/dp`, `F_K = r a w / K`, `F_a = -r w (l - log K)`, `F_C0 = 0`.
/// Initial values: `u0 = expm1(m log C0)/m`, `du0/dC0 = C0^(-p)`,
/// `du0/dp = -(log C0)^2 phi(m log C0)`, `phi(v) = (v e^v - expm1(v))/v^2` (a series for `|v| < 0.5`).
/// Back to `C`: `dC/dtheta_j = C^p V_j + [j = p] C dl/dp`; the rate `c = C^p F` has
/// `dc/dtheta_j = C^p [(p F / z + F_u) V_j + F_theta_j] + [j = p] c (l + p dl/dp)`.
///
/// **Charts `y`**, with `l = log K + log(w)/a` (`log w = -softplus(-y)` in chart 1,
/// `-log(-expm1(-y))` in chart 2): `dl/dy = (1 - w)/a`,
/// `dl/dK|_y = 1/K`, `dl/da|_y = (log K - l)/a`; `G_y = -m r C^(-m) (1 - w)`,
/// `G_r = a C^(-m)`, `G_p = G l`, `G_K = -m G / K`, `G_a = r C^(-m) (1 - m (log K - l))`.
/// Back to `C`: `dC/dtheta_j = C dl/dtheta_j` (total); the rate `c = r C^p sigmoid(-y)` has
/// `dc/dtheta_j = c (p dl/dtheta_j - w Y_j) + [j = r] C^p (1 - w) + [j = p] c l`.
///
/// **Tolerances.** In either chart, with `v` its variable (`u` or `y`): `|error of v| <=
/// relativeTolerance (1 + |v|)` and `|error of dv/dtheta_j| <= relativeTolerance (|dv/dtheta_j| +
/// (1 + |v|)/max(|theta_j|, floor_j))`, floors 0.05 for `p` and `a` and 1e-6 for the others.
/// In chart `u` this is a relative tolerance on `C` (`dC/C = du/z`, about `relativeTolerance
/// |log C|` near `p = 1`) whatever the size of `C`, so early counts are as accurate as late
/// ones; in chart `y` it is a relative tolerance on the remaining fraction `1 - w`
/// (`d(1 - w) = -w (1 - w) dy`), so the rate keeps its relative precision in the tail.
struct ODEGrowthSystem: ODESensitivitySystem {
    /// Relative tolerance of the integration (and of the sensitivities).
    static let relativeTolerance = 1e-10
    /// Chart (lane 6) of the terminal state before the onset: `C`, `c` and their gradients are 0.
    static let beforeOnset = 3.0
    /// For `p < 1`, going back in time, the integration stops once `C` falls below this
    /// fraction of `min(C0, K)`: the curve counts as not begun, and `C`, `c` and their gradients
    /// are 0 from there on. (The exact solution reaches 0 at a finite time, the onset, where it
    /// is not smooth: with `w ~ z^(a/m)` for `a < m` no step-size control can cross it.)
    static let onsetFraction = 1e-9
    /// The saturation `w` at which the integration changes from `u` to `y` (and `1/chartSwitch` above `K`).
    static let chartSwitch = 0.5

    let r: Double
    let p: Double
    let m: Double
    let capacity: Double
    let logCapacity: Double
    /// The exponent `a` (1 for the generalized logistic).
    let a: Double
    /// Whether `a` is a parameter (lane 3).
    let hasShape: Bool
    /// Lane of `C0` in the parameter vector (3 for the logistic, 4 for Richards).
    let initialSizeLane: Int
    /// `1/max(|theta_j|, floor_j)` (zero in unused lanes): the scale of the sensitivities' tolerances.
    let inverseScales: SIMD8<Double>
    /// `u` where `w` is 1/2, 1 and 2 (padded by 1e-9 relative outwards): the chart test
    /// computes `w` only between the outer two.
    let switchBounds: (lower: Double, capacity: Double, upper: Double)
    /// `u` below which the curve counts as not begun (`p < 1`; see ``onsetFraction``), else -inf.
    let onsetBound: Double
    /// Infinity in the lanes that hold no sensitivity (unused lanes and the chart lane 6), else 0.
    let unusedLanes: SIMD8<Double>
    private(set) var initialState = SIMD8<Double>.zero

    /// The law for `theta = (r, p, K, C0)` (`hasShape == false`) or `(r, p, K, a, C0)`;
    /// `nil` for parameters outside the domain (`K`, `C0`, `a` not positive, or not finite).
    init?(_ theta: SIMD8<Double>, hasShape: Bool) {
        r = theta[0]
        p = theta[1]
        capacity = theta[2]
        self.hasShape = hasShape
        a = hasShape ? theta[3] : 1
        initialSizeLane = hasShape ? 4 : 3
        let c0 = theta[initialSizeLane]
        guard r.isFinite, p.isFinite, capacity > 0, capacity.isFinite, a > 0, a.isFinite,
              c0 > 0, c0.isFinite else { return nil }
        m = 1 - p
        logCapacity = log(capacity)

        var floors = SIMD8<Double>(repeating: .infinity)
        floors[0] = 1e-6
        floors[1] = 0.05
        floors[2] = 1e-6
        if hasShape { floors[3] = 0.05 }
        floors[initialSizeLane] = 1e-6
        var scales = SIMD8<Double>.zero
        for j in 0...initialSizeLane { scales[j] = 1 / max(abs(theta[j]), floors[j]) }
        inverseScales = scales
        var unused = SIMD8<Double>(repeating: .infinity)
        for j in 0...initialSizeLane { unused[j] = 0 }
        unusedLanes = unused

        let exponent = 1 - theta[1]
        func boxCox(_ l: Double) -> Double { exponent == 0 ? l : expm1(exponent * l) / exponent }
        let lower = boxCox(log(capacity) + log(Self.chartSwitch) / a)
        let upper = boxCox(log(capacity) - log(Self.chartSwitch) / a)
        switchBounds = (lower - 1e-9 * abs(lower), boxCox(log(capacity)), upper + 1e-9 * abs(upper))
        onsetBound = exponent > 0 ? boxCox(log(Self.onsetFraction * min(c0, capacity))) : -.infinity

        // Chart u at the origin, or a logit chart if C0 is already within a factor 2 of K.
        let logC0 = log(c0)
        var state = SIMD8<Double>.zero
        state[7] = m == 0 ? logC0 : expm1(m * logC0) / m
        state[initialSizeLane] = exp(-p * logC0)
        state[1] = -logC0 * logC0 * Self.phi(m * logC0)
        initialState = state
        if let changed = rechart(state) { initialState = changed }
    }

    // MARK: Chart u

    /// `C` and what the derivatives need at a value of `u`.
    struct BoxCoxPoint {
        /// `log C`.
        var logSize: Double
        /// `w = (C/K)^a`.
        var saturation: Double
        /// `1/z = C^(p-1)`.
        var inverseZ: Double
        /// `dl/dp` at fixed `u`.
        var logSizeDerivativeP: Double
        /// Whether `C > 0` (false before the onset).
        var isPositive: Bool

        /// `C` (computed only where needed: the derivative does without it).
        var size: Double { exp(logSize) }
        /// `C^p = C / z`.
        var sizePower: Double { size * inverseZ }

        static let zero = BoxCoxPoint(logSize: -.infinity, saturation: 0, inverseZ: 0,
                                      logSizeDerivativeP: 0, isPositive: false)
        static let nan = BoxCoxPoint(logSize: .nan, saturation: .nan, inverseZ: .nan,
                                     logSizeDerivativeP: .nan, isPositive: true)
    }

    /// Two transcendental functions (`log` or `log1p`, `exp`); one at `p = 1`.
    @inline(__always)
    func boxCoxPoint(_ u: Double) -> BoxCoxPoint {
        let logSize: Double, inverseZ: Double, dldp: Double
        if m == 0 {
            logSize = u
            inverseZ = 1
            dldp = u * u / 2
        } else {
            let x = m * u
            let z = 1 + x
            // Before the onset (m > 0); for m < 0 (p > 1) C has blown up.
            guard z > 0 else { return m > 0 ? .zero : .nan }
            // log(z) is as accurate as log1p(x) once |x| >= 1/4 (relative error below 3 ulps), and faster.
            let log1pX = abs(x) >= 0.25 ? log(z) : log1p(x)
            logSize = log1pX / m
            inverseZ = 1 / z
            dldp = u * u * Self.psi(x, log1pX: log1pX, inverseZ: inverseZ)
        }
        // exp(l) underflows to 0 below l = -745: C is 0 to working precision.
        guard logSize > -745 else { return .zero }
        return BoxCoxPoint(logSize: logSize, saturation: exp(a * (logSize - logCapacity)),
                           inverseZ: inverseZ, logSizeDerivativeP: dldp, isPositive: true)
    }

    // MARK: Chart y

    /// `C` and what the derivatives need at a value of `y`.
    struct LogitPoint {
        /// `log C`.
        var logSize: Double
        /// `w`.
        var saturation: Double
        /// `1 - w` (negative in chart 2).
        var complement: Double
        /// `C^(-m)`.
        var inversePower: Double

        /// `C` (computed only where needed).
        var size: Double { exp(logSize) }
    }

    /// The point at `y` in the lower (`chart == 1`, `w < 1`) or upper (`chart == 2`, `w > 1`)
    /// logit chart. Three transcendental functions in chart 1 (`exp`, `log1p`, `exp`).
    @inline(__always)
    func logitPoint(_ y: Double, chart: Double) -> LogitPoint {
        if chart == 1 {
            // With e = exp(-|y|): sigmoid(|y|) = 1/(1 + e), softplus(-y) = log1p(e) + max(-y, 0).
            let e = exp(-abs(y))
            let inverse = 1 / (1 + e)
            let softplus = log1p(e) + max(-y, 0)
            let logSize = logCapacity - softplus / a
            let (w, complement) = y >= 0 ? (inverse, e * inverse) : (e * inverse, inverse)
            return LogitPoint(logSize: logSize, saturation: w, complement: complement,
                              inversePower: exp(-m * logSize))
        }
        // y = log(w/(w - 1)) > 0: w = 1/(1 - e^(-y)), 1 - w = -1/expm1(y).
        let logSize = logCapacity - log(-expm1(-y)) / a
        return LogitPoint(logSize: logSize, saturation: -1 / expm1(-y), complement: -1 / expm1(y),
                          inversePower: exp(-m * logSize))
    }

    /// Total `dl/dtheta` in chart `y` (lanes 6 and 7 zero).
    @inline(__always)
    func logSizeGradient(_ state: SIMD8<Double>, _ pt: LogitPoint) -> SIMD8<Double> {
        var gradient = (pt.complement / a) * state
        gradient[2] += 1 / capacity
        if hasShape { gradient[3] += (logCapacity - pt.logSize) / a }
        gradient[6] = 0
        gradient[7] = 0
        return gradient
    }

    // MARK: ODESensitivitySystem

    @inline(__always)
    func derivative(_ state: SIMD8<Double>) -> SIMD8<Double> {
        if state[6] == 0 {
            let pt = boxCoxPoint(state[7])
            var out = SIMD8<Double>.zero
            guard pt.isPositive else {
                out[0] = 1
                out[7] = r
                return out
            }
            let w = pt.saturation
            let raw = r * a * w
            out = (-raw * pt.inverseZ) * state
            out[0] += 1 - w
            out[1] -= raw * pt.logSizeDerivativeP
            out[2] += raw / capacity
            if hasShape { out[3] -= r * w * (pt.logSize - logCapacity) }
            out[7] = r * (1 - w)
            return out
        }
        if state[6] == Self.beforeOnset { return .zero }
        let pt = logitPoint(state[7], chart: state[6])
        let g = a * r * pt.inversePower
        var out = (-m * r * pt.inversePower * pt.complement) * state
        out[0] += a * pt.inversePower
        out[1] += g * pt.logSize
        out[2] -= m * g / capacity
        if hasShape { out[3] += r * pt.inversePower * (1 - m * (logCapacity - pt.logSize)) }
        out[6] = 0
        out[7] = g
        return out
    }

    @inline(__always)
    func inverseTolerances(_ state: SIMD8<Double>) -> SIMD8<Double> {
        // The same test in both charts: |error of v| <= rtol (1 + |v|) for the chart's
        // variable v, |error of dv/dtheta_j| <= rtol (|dv/dtheta_j| + (1 + |v|)/scale_j).
        if state[6] == Self.beforeOnset { return .zero }
        let magnitude = pointwiseMax(state, -state)
        let level = 1 + magnitude[7]
        // Unused lanes (and the chart lane) get weight 1/inf = 0.
        var weights = 1 / (Self.relativeTolerance * (magnitude + level * inverseScales) + unusedLanes)
        weights[7] = 1 / (Self.relativeTolerance * level)
        return weights
    }

    func rechart(_ state: SIMD8<Double>) -> SIMD8<Double>? {
        if state[6] == 0 {
            // w is increasing in u: compare u with its values at the chart boundaries first.
            let u = state[7]
            if u < onsetBound {
                // Going back, C has fallen below onsetFraction min(C0, K): before the onset.
                var terminal = SIMD8<Double>.zero
                terminal[6] = Self.beforeOnset
                terminal[7] = u
                return terminal
            }
            guard u >= switchBounds.lower && u <= switchBounds.upper && u != switchBounds.capacity else { return nil }
            let pt = boxCoxPoint(u)
            guard pt.isPositive else { return nil }
            let w = pt.saturation
            let chart: Double
            if w >= Self.chartSwitch && w < 1 {
                chart = 1
            } else if w > 1 && w <= 1 / Self.chartSwitch {
                chart = 2
            } else {
                return nil
            }
            // Total dl/dtheta, then d log w/dtheta, then dy/dtheta = d log w/dtheta / (1 - w).
            var logSize = pt.inverseZ * state
            logSize[1] += pt.logSizeDerivativeP
            logSize[6] = 0
            logSize[7] = 0
            var logSaturation = a * logSize
            logSaturation[2] -= a / capacity
            if hasShape { logSaturation[3] += pt.logSize - logCapacity }
            let logW = a * (pt.logSize - logCapacity)
            let complement = -expm1(logW)
            var changed = logSaturation / complement
            changed[6] = chart
            changed[7] = logW - log(abs(complement))
            return changed
        }
        // Chart 1 leaves at w < 1/2, that is y < 0; chart 2 at w > 2, that is y < log 2.
        guard state[6] != Self.beforeOnset, state[7] < (state[6] == 1 ? 0 : log(2.0)) else { return nil }
        let pt = logitPoint(state[7], chart: state[6])
        let logSize = logSizeGradient(state, pt)
        let l = pt.logSize
        var changed = exp(m * l) * logSize
        changed[1] -= l * l * Self.phi(m * l)
        changed[6] = 0
        changed[7] = m == 0 ? l : expm1(m * l) / m
        return changed
    }

    // MARK: Back to C

    /// `C` and `dC/dtheta` from a packed state.
    @inline(__always)
    func cumulative(_ state: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        guard state[7].isFinite else { return (.nan, SIMD8(repeating: .nan)) }
        if state[6] == Self.beforeOnset { return (0, .zero) }
        if state[6] == 0 {
            let pt = boxCoxPoint(state[7])
            guard pt.isPositive else { return (0, .zero) }
            let size = pt.size
            var gradient = (size * pt.inverseZ) * state
            gradient[1] += size * pt.logSizeDerivativeP
            gradient[7] = 0
            return (size, gradient)
        }
        let pt = logitPoint(state[7], chart: state[6])
        let size = pt.size
        return (size, size * logSizeGradient(state, pt))
    }

    /// `c = dC/dt` and `dc/dtheta` from a packed state.
    @inline(__always)
    func rate(_ state: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        guard state[7].isFinite else { return (.nan, SIMD8(repeating: .nan)) }
        if state[6] == Self.beforeOnset { return (0, .zero) }
        if state[6] == 0 {
            let pt = boxCoxPoint(state[7])
            guard pt.isPositive else { return (0, .zero) }
            let w = pt.saturation
            let cp = pt.sizePower
            let f = r * (1 - w)
            let rate = cp * f
            let raw = r * a * w
            var gradient = (cp * (p * f - raw) * pt.inverseZ) * state
            gradient[0] += cp * (1 - w)
            gradient[1] += -cp * raw * pt.logSizeDerivativeP + rate * (pt.logSize + p * pt.logSizeDerivativeP)
            gradient[2] += cp * raw / capacity
            if hasShape { gradient[3] -= cp * r * w * (pt.logSize - logCapacity) }
            gradient[7] = 0
            return (rate, gradient)
        }
        let pt = logitPoint(state[7], chart: state[6])
        let base = exp(p * pt.logSize) * pt.complement
        let rate = r * base
        var sensitivities = state
        sensitivities[6] = 0
        sensitivities[7] = 0
        var gradient = (rate * p) * logSizeGradient(state, pt) - (rate * pt.saturation) * sensitivities
        gradient[0] += base
        gradient[1] += rate * pt.logSize
        return (rate, gradient)
    }

    // MARK: Series

    /// `psi(x) = (log1p(x) - x/(1 + x))/x^2 = sum_{n>=2} (-1)^n (n-1)/n x^(n-2)`, given
    /// `log1p(x)` and `1/(1 + x)`.
    @inline(__always)
    static func psi(_ x: Double, log1pX: Double, inverseZ: Double) -> Double {
        if abs(x) >= 0.1 { return (log1pX - x * inverseZ) / (x * x) }
        // Horner through the x^17 term: the remainder is below 0.1^18.
        var sum = -18.0 / 19
        sum = 17.0 / 18 + x * sum
        sum = -16.0 / 17 + x * sum
        sum = 15.0 / 16 + x * sum
        sum = -14.0 / 15 + x * sum
        sum = 13.0 / 14 + x * sum
        sum = -12.0 / 13 + x * sum
        sum = 11.0 / 12 + x * sum
        sum = -10.0 / 11 + x * sum
        sum = 9.0 / 10 + x * sum
        sum = -8.0 / 9 + x * sum
        sum = 7.0 / 8 + x * sum
        sum = -6.0 / 7 + x * sum
        sum = 5.0 / 6 + x * sum
        sum = -4.0 / 5 + x * sum
        sum = 3.0 / 4 + x * sum
        sum = -2.0 / 3 + x * sum
        return 1.0 / 2 + x * sum
    }

    /// `phi(v) = (v e^v - expm1(v))/v^2 = sum_{n>=2} (n-1)/n! v^(n-2)`.
    static func phi(_ v: Double) -> Double {
        if abs(v) >= 0.5 { return (exp(v) * (v - 1) + 1) / (v * v) }
        // Terms through n = 19: the remainder is below 0.5^18 / 18! ~ 6e-22.
        var sum = 0.5
        var power = 0.5          // v^(n-2) / n!
        for n in 3...19 {
            power *= v / Double(n)
            sum += Double(n - 1) * power
        }
        return sum
    }

    // MARK: Batched evaluation for the families

    static func cumulative(_ system: Self?, at times: [Double], into values: inout [Double]) {
        guard let system else {
            for i in times.indices { values[i] = .nan }
            return
        }
        ODEIntegrator.solve(system, at: times) { i, state in values[i] = system.cumulative(state).value }
    }

    static func cumulativeWithGradient(_ system: Self?, at times: [Double],
                                       values: inout [Double], gradients: inout [SIMD8<Double>]) {
        guard let system else {
            for i in times.indices {
                values[i] = .nan
                gradients[i] = SIMD8(repeating: .nan)
            }
            return
        }
        ODEIntegrator.solve(system, at: times) { i, state in
            (values[i], gradients[i]) = system.cumulative(state)
        }
    }

    static func rate(_ system: Self?, at times: [Double], into values: inout [Double]) {
        guard let system else {
            for i in times.indices { values[i] = .nan }
            return
        }
        ODEIntegrator.solve(system, at: times) { i, state in values[i] = system.rate(state).value }
    }

    static func rateWithGradient(_ system: Self?, at times: [Double],
                                 values: inout [Double], gradients: inout [SIMD8<Double>]) {
        guard let system else {
            for i in times.indices {
                values[i] = .nan
                gradients[i] = SIMD8(repeating: .nan)
            }
            return
        }
        ODEIntegrator.solve(system, at: times) { i, state in
            (values[i], gradients[i]) = system.rate(state)
        }
    }
}
