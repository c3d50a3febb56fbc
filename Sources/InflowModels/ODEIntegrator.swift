import Foundation

/// A scalar autonomous ODE `y' = F(y; theta)` together with its forward sensitivities
/// `V_j = dy/dtheta_j`, packed in one `SIMD8<Double>`: lane 7 holds `y`, lanes `0..<7`
/// hold `V_j` (zero for unused lanes).
///
/// The sensitivities obey the variational equation `V' = F_y V + F_theta` with
/// `V(0) = dy(0)/dtheta`. An explicit Runge–Kutta method applied to the packed system
/// gives, stage by stage, the exact derivative of the discrete solution for `y` (with the
/// step sequence held fixed), so values and gradients are consistent to rounding.
protocol ODESensitivitySystem {
    /// The packed state at `t = 0`.
    var initialState: SIMD8<Double> { get }
    /// The time derivative of a packed state: lane 7 `F(y)`, lanes `j < 7` `F_y V_j + F_theta_j`.
    func derivative(_ state: SIMD8<Double>) -> SIMD8<Double>
    /// Inverse error tolerances near `state`: a step is accepted when the root mean square of
    /// `|error_j| * weight_j` over the lanes with a positive weight is at most 1. A zero weight
    /// leaves a lane uncontrolled.
    func inverseTolerances(_ state: SIMD8<Double>) -> SIMD8<Double>
    /// The same point in another chart (change of dependent variable), or `nil` to keep
    /// the current one. Called after every accepted step, once its times have been read.
    func rechart(_ state: SIMD8<Double>) -> SIMD8<Double>?
}

/// The Dormand–Prince 5(4) pair with its continuous extension (Hairer, Nørsett & Wanner,
/// *Solving Ordinary Differential Equations I*, 2nd ed., §II.5 and §II.6; the `DOPRI5` code).
///
/// One call integrates from `t = 0` forward to the largest requested time and backward to
/// the smallest negative one, and reads every requested time off the continuous extension
/// (4th order, no extra derivative evaluations) of the step that covers it. The step sequence
/// therefore depends only on the system, not on which times are asked for: a time gives the
/// same value alone or in any batch, and nearby parameter values give nearby step sequences.
///
/// Error control: the local error estimate (difference of the 5th- and 4th-order solutions)
/// is measured in the root-mean-square norm of DOPRI5 over the controlled lanes (those with a
/// positive weight), scaled by the system's tolerances, taking at each lane the looser of the
/// tolerances at the start and the end of the step. Step-size update
/// `h <- h min(5, max(0.2, 0.9 err^(-1/5)))`, no increase right after a rejection.
/// Initial step: the heuristic of Hairer et al. (§II.4, "starting step size").
///
/// It never hangs: after ``maximumSteps`` attempted steps in one direction, or when the
/// step falls below `1e-12 (1 + |t|)` days, or when a state stops being finite (or a
/// requested time is not), the times not yet reached get a NaN state.
///
/// Systems may change their dependent variable between steps (``ODESensitivitySystem/rechart(_:)``):
/// the point is mapped exactly, and the next step starts afresh in the new variable.
///
/// Cost: 6 derivative evaluations per attempted step (the 7th is reused as the first of the
/// next step) plus one tolerance evaluation and one chart test per step.
enum ODEIntegrator {
    /// Cap on attempted steps in each direction.
    static let maximumSteps = 100_000

    // Nodes and coefficients of the Dormand–Prince 5(4) tableau.
    static let a21 = 1.0 / 5
    static let a31 = 3.0 / 40, a32 = 9.0 / 40
    static let a41 = 44.0 / 45, a42 = -56.0 / 15, a43 = 32.0 / 9
    static let a51 = 19372.0 / 6561, a52 = -25360.0 / 2187, a53 = 64448.0 / 6561, a54 = -212.0 / 729
    static let a61 = 9017.0 / 3168, a62 = -355.0 / 33, a63 = 46732.0 / 5247, a64 = 49.0 / 176
    static let a65 = -5103.0 / 18656
    static let b1 = 35.0 / 384, b3 = 500.0 / 1113, b4 = 125.0 / 192, b5 = -2187.0 / 6784, b6 = 11.0 / 84
    // Error estimate: 5th-order weights minus the embedded 4th-order ones.
    static let e1 = 71.0 / 57600, e3 = -71.0 / 16695, e4 = 71.0 / 1920, e5 = -17253.0 / 339200
    static let e6 = 22.0 / 525, e7 = -1.0 / 40
    // Continuous extension (Shampine's coefficients as used in DOPRI5).
    static let d1 = -12715105075.0 / 11282082432, d3 = 87487479700.0 / 32700410799
    static let d4 = -10690763975.0 / 1880347072, d5 = 701980252875.0 / 199316789632
    static let d6 = -1453857185.0 / 822651844, d7 = 69997945.0 / 29380423

    /// Integrates `system` and calls `visit(i, state)` once for every index of `times`
    /// (ascending, days), with the packed state at `times[i]` (all lanes NaN where the
    /// integration failed). `maximumSteps` caps the attempted steps in each direction.
    static func solve<System: ODESensitivitySystem>(
        _ system: System, at times: [Double], maximumSteps: Int = ODEIntegrator.maximumSteps,
        visit: (Int, SIMD8<Double>) -> Void
    ) {
        guard !times.isEmpty else { return }
        // First index with t >= 0.
        var split = 0
        while split < times.count && times[split] < 0 { split += 1 }
        let start = system.initialState
        if split < times.count {
            integrate(system, from: start, direction: 1, count: times.count - split, maximumSteps: maximumSteps,
                      time: { times[split + $0] }, visit: { visit(split + $0, $1) })
        }
        if split > 0 {
            integrate(system, from: start, direction: -1, count: split, maximumSteps: maximumSteps,
                      time: { times[split - 1 - $0] }, visit: { visit(split - 1 - $0, $1) })
        }
    }

    /// Integrates in one direction; `time(j)` for `j in 0..<count` moves away from 0.
    private static func integrate<System: ODESensitivitySystem>(
        _ system: System, from initial: SIMD8<Double>, direction: Double, count: Int, maximumSteps: Int,
        time: (Int) -> Double, visit: (Int, SIMD8<Double>) -> Void
    ) {
        var next = 0
        // Times at the origin take the initial state.
        while next < count && time(next) == 0 {
            visit(next, initial)
            next += 1
        }
        guard next < count else { return }
        let failed = SIMD8<Double>(repeating: .nan)
        func fail() {
            while next < count {
                visit(next, failed)
                next += 1
            }
        }
        guard isFinite(initial) else { return fail() }

        var y = initial
        var k1 = system.derivative(y)
        var weights = system.inverseTolerances(y)
        guard isFinite(k1) else { return fail() }
        var h = direction * initialStep(system, y, k1, weights)
        var t = 0.0
        var rejected = false
        var steps = 0

        while next < count {
            steps += 1
            guard steps <= maximumSteps, abs(h) >= 1e-12 * (1 + abs(t)), time(next).isFinite else { return fail() }
            let k2 = system.derivative(y + (h * a21) * k1)
            let k3 = system.derivative(y + h * (a31 * k1 + a32 * k2))
            let k4 = system.derivative(y + h * (a41 * k1 + a42 * k2 + a43 * k3))
            let k5 = system.derivative(y + h * (a51 * k1 + a52 * k2 + a53 * k3 + a54 * k4))
            let k6 = system.derivative(y + h * (a61 * k1 + a62 * k2 + a63 * k3 + a64 * k4 + a65 * k5))
            let yNew = y + h * (b1 * k1 + b3 * k3 + b4 * k4 + b5 * k5 + b6 * k6)
            let k7 = system.derivative(yNew)
            let error = h * (e1 * k1 + e3 * k3 + e4 * k4 + e5 * k5 + e6 * k6 + e7 * k7)
            let newWeights = system.inverseTolerances(yNew)
            let norm = rootMeanSquare(error, pointwiseMin(weights, newWeights))

            guard norm <= 1, isFinite(yNew), isFinite(k7) else {
                // Rejected (or not finite): shrink and retry.
                let factor = norm.isFinite ? max(0.2, 0.9 * pow(norm, -0.2)) : 0.2
                h *= min(factor, 0.9)
                rejected = true
                continue
            }

            // Accepted: read the requested times inside (t, t + h] off the continuous extension.
            let tNew = t + h
            while next < count && (time(next) - tNew) * direction <= 0 {
                let theta = (time(next) - t) / h
                if theta >= 1 {
                    visit(next, yNew)
                } else {
                    let difference = yNew - y
                    let slope = h * k1 - difference
                    let curvature = difference - h * k7 - slope
                    let extra = h * (d1 * k1 + d3 * k3 + d4 * k4 + d5 * k5 + d6 * k6 + d7 * k7)
                    let oneMinus = 1 - theta
                    visit(next, y + theta * (difference + oneMinus * (slope + theta * (curvature + oneMinus * extra))))
                }
                next += 1
            }
            y = yNew
            k1 = k7
            weights = newWeights
            t = tNew
            if let changed = system.rechart(y) {
                y = changed
                k1 = system.derivative(y)
                weights = system.inverseTolerances(y)
                guard isFinite(k1) else { return fail() }
            }
            var factor = norm > 0 ? 0.9 * pow(norm, -0.2) : 5
            factor = min(5, max(0.2, factor))
            if rejected { factor = min(factor, 1) }
            h *= factor
            rejected = false
        }
    }

    /// The starting step of Hairer et al.: `h0 = 0.01 |y|/|f|` in the weighted norm, then
    /// `h1 = (0.01 / max(|f|, |f'|))^(1/5)` from one explicit Euler step; the smaller of `100 h0` and `h1`.
    private static func initialStep<System: ODESensitivitySystem>(
        _ system: System, _ y: SIMD8<Double>, _ f: SIMD8<Double>, _ weights: SIMD8<Double>
    ) -> Double {
        let d0 = (magnitude(y) * weights).max()
        let d1 = (magnitude(f) * weights).max()
        var h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1
        h0 = min(h0, 1e3)
        let f1 = system.derivative(y + h0 * f)
        let d2 = (magnitude(f1 - f) * weights).max() / h0
        let scale = max(d1, d2)
        let h1 = scale <= 1e-15 || !scale.isFinite ? max(1e-6, h0 * 1e-3) : pow(0.01 / scale, 0.2)
        return min(100 * h0, h1, 1e3)
    }

    /// `sqrt(mean_j (v_j w_j)^2)` over the lanes with `w_j > 0`.
    @inline(__always)
    private static func rootMeanSquare(_ v: SIMD8<Double>, _ w: SIMD8<Double>) -> Double {
        let scaled = v * w
        let count = SIMD8<Double>.zero.replacing(with: 1, where: w .> 0).sum()
        return count > 0 ? ((scaled * scaled).sum() / count).squareRoot() : 0
    }

    @inline(__always)
    private static func magnitude(_ v: SIMD8<Double>) -> SIMD8<Double> { pointwiseMax(v, -v) }

    @inline(__always)
    private static func isFinite(_ v: SIMD8<Double>) -> Bool {
        // x * 0 is 0 for finite x and NaN for infinities and NaN.
        (v * 0) == .zero
    }
}
