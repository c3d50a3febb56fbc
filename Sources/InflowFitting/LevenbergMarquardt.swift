import InflowLinearAlgebra

/// Levenberg–Marquardt minimisation of a ``ScoringProblem`` with at most eight parameters, with
/// box bounds and fixed parameters.
///
/// ## The iteration
/// At the current point `theta` with value `f`, gradient `g` and curvature `H`, the step solves
///
///     (H + lambda D^2) delta = -g
///
/// by ``/InflowLinearAlgebra/SmallCholesky`` (no LAPACK call, no allocation). `D` is MINPACK's diagonal scaling,
/// `D_j^2 = max` over all evaluated points of `H_jj` (Moré 1978), which makes the method invariant
/// to the units of the parameters (`D_j^2 = 1` while `H_jj` has been zero). If the damped matrix is not
/// positive definite, `lambda` is raised (as after a rejected step) and the solve repeated.
///
/// The trial point is the projection `theta' = P(theta + delta)` onto the box `[l, u]`; the
/// step actually taken is `s = theta' - theta`. Its quality is the gain ratio
///
///     rho = (f(theta) - f(theta')) / (-(g^T s + 1/2 s^T H s)),
///
/// actual over predicted reduction, the prediction computed for the projected step. A trial with
/// `rho > 0` and finite value and derivatives is accepted and the damping updated as in Nielsen (1999):
/// `lambda *= max(1/3, 1 - (2 rho - 1)^3)`, `nu = 2`. Otherwise the trial is rejected:
/// `lambda *= nu`, `nu *= 2`. So a trial where the objective is undefined (`.infinity` or NaN) just
/// shortens the step.
///
/// ## The first step
/// A start far from the solution can send a Gauss–Newton step into a region where the model no longer
/// depends on some parameter (BoxBOD from its first NIST start: `b2 -> infinity`, where
/// `exp(-b2 x) = 0` and `b1` fits the mean, a stationary point at infinity). As in MINPACK's `factor`,
/// the first step is bounded, `||D s|| <= c ||D theta_0||` (unless `D theta_0 = 0`) with
/// `c =` ``Options/initialStepBound``: before the first trial the damping is multiplied by 10 until the
/// step fits (at most 40 times, never beyond ``Options/maximumDamping``). Later steps are governed by
/// the gain ratio alone. With MINPACK's default `c = 100` (scipy's `method="lm"`) or without the bound,
/// BoxBOD start 1 ends at the point at infinity; with the default `c = 1` it reaches the certified
/// minimum, and the other NIST problems take the same number of iterations either way.
///
/// ## Bounds and fixed parameters
/// A parameter on a bound whose gradient points out of the box (`theta_j = l_j`, `g_j > 0`, or
/// `theta_j = u_j`, `g_j < 0`) is held for that step: its row and column are removed from the
/// system. Fixed parameters (``Options/fixed``) are always removed. A start outside the box is
/// projected onto it first. The stopping tests use the projected gradient, so a minimum on a bound
/// stops with ``Status/gradientTolerance``.
///
/// ## Stopping
/// The tests, each stated exactly on ``Options``, are checked in this order: gradient (at the start
/// and after each accepted step), function (after an accepted step; and after a rejected step when
/// the Newton decrement `1/2 g^T H^-1 g`, the reduction an undamped step predicts, is below one
/// rounding unit `eps |f|` of the objective: then that undamped step is taken without the objective's
/// verdict, which rounding decides there, as IRLS takes every step, unless it raises `f` by more than
/// ``roundingAllowance`` rounding units; when the rejected damped step is that Newton step up to
/// ``newtonAgreement``, its known value decides instead), parameter (after every step
/// with a finite trial value), known minimum (only when one is given, at the start and after each accepted
/// step: see ``KnownMinimum``), iteration limit, damping ceiling. Every loop is bounded: the outer one by
/// ``Options/maximumIterations``, the factorisation retries by ``Options/maximumDamping`` (with
/// `nu` doubling, at most about 60 retries from the smallest damping). Only decreasing steps are
/// accepted (but for that last Newton step, within rounding), so the returned point is the best one
/// evaluated, up to the objective's rounding; NaN and infinite input end in a
/// ``Status/failure(_:)``, never a trap or a hang.
///
/// ## Cost
/// Per iteration: one ``ScoringProblem/objective(_:)``, one ``ScoringProblem/evaluate(_:)`` if the
/// step is accepted, and about `p^3 / 3 + 4 p^2` flops for the damped solve. The entry point is
/// `@inlinable` and generic, so a concrete problem is specialised across modules and the loop does
/// not touch the heap.
///
/// ## References
/// - K. Levenberg (1944), D. W. Marquardt (1963), the method.
/// - J. J. Moré (1978), "The Levenberg–Marquardt algorithm: implementation and theory", *Numerical
///   Analysis*, Lecture Notes in Mathematics 630: the scaling `D`.
/// - H. B. Nielsen (1999), "Damping parameter in Marquardt's method", IMM-REP-1999-05, DTU; and
///   K. Madsen, H. B. Nielsen, O. Tingleff (2004), *Methods for Non-Linear Least Squares Problems*,
///   section 3.2: the damping update.
/// - Ceres Solver, `Solver::Options` and `Solver::Summary`: the stopping tests.
/// - Tested on NIST StRD nonlinear problems (Misra1a, Rat42, Rat43, BoxBOD) from both starts in
///   `InflowFittingTests`.
public enum LevenbergMarquardt {
    /// The smallest damping the update may reach, so that repeated successes cannot underflow
    /// `lambda` to zero (from which no rejection could raise it).
    public static let minimumDamping = 1e-20

    /// Minimises `problem` from `start`.
    ///
    /// - Parameters:
    ///   - problem: the objective; ``ScoringProblem/parameterCount`` must be in `0...8`.
    ///   - start: the starting point (lanes `>= p` are ignored); projected onto the bounds.
    ///   - options: tolerances, damping, bounds and fixed parameters.
    ///   - knownMinimum: a minimum found by an earlier run: this run stops with ``Status/knownMinimum``
    ///     once its Newton step lands there (see ``KnownMinimum``). `nil` (the default) runs to the end.
    /// - Returns: the best point found with its gradient, curvature and the reason for stopping.
    ///   Never traps on NaN or infinite values; invalid options give `.failure(.invalidOptions)`.
    /// - Complexity: at most ``Options/maximumIterations`` iterations, each one objective evaluation,
    ///   at most one derivative evaluation and O(p^3) flops; no heap allocation in the loop.
    @inlinable
    public static func minimize<Problem: ScoringProblem>(
        _ problem: Problem, from start: SIMD8<Double>, options: Options = Options(),
        knownMinimum: KnownMinimum? = nil
    ) -> Summary {
        var workspace = problem.makeWorkspace()
        return minimize(problem, from: start, options: options, knownMinimum: knownMinimum, workspace: &workspace)
    }

    /// Minimises `problem` from `start` in the caller's `workspace`, the problem's workspace for this run
    /// (``ScoringProblem/Workspace``; see the overload without it, which makes one).
    @inlinable
    public static func minimize<Problem: ScoringProblem>(
        _ problem: Problem, from start: SIMD8<Double>, options: Options = Options(),
        knownMinimum: KnownMinimum? = nil, workspace: inout Problem.Workspace
    ) -> Summary {
        let p = problem.parameterCount
        precondition((0...SmallMatrix.maximumOrder).contains(p),
                     "LevenbergMarquardt: parameterCount must be in 0...8, got \(p)")
        let laneIndex = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7)
        let inUse = laneIndex .< SIMD8<Double>(repeating: Double(p))
        var fixed = SIMDMask<SIMD8<Int64>>(repeating: false)
        for j in 0..<min(options.fixed.count, p) where options.fixed[j] { fixed[j] = true }
        let variable = inUse .& .!fixed
        var theta = SIMD8<Double>.zero.replacing(with: start, where: inUse)

        do {
            try options.validate(parameterCount: p)
        } catch {
            return stoppedBeforeIterating(.invalidOptions, at: theta, parameterCount: p, fixed: fixed,
                                          evaluations: 0, error: error)
        }
        // x * 0 is zero for finite x and NaN for NaN or infinity.
        guard theta * 0 == .zero else {
            return stoppedBeforeIterating(.nonFiniteStart, at: theta, parameterCount: p, fixed: fixed,
                                          evaluations: 0, error: nil)
        }
        var lower = SIMD8<Double>.zero.replacing(with: options.lowerBounds, where: inUse)
        var upper = SIMD8<Double>.zero.replacing(with: options.upperBounds, where: inUse)
        lower.replace(with: theta, where: fixed)
        upper.replace(with: theta, where: fixed)
        theta = project(theta, lower, upper)

        var current = problem.evaluate(theta, workspace: &workspace)
        precondition(current.curvature.order == p,
                     "ScoringProblem.evaluate returned a curvature of order \(current.curvature.order) for \(p) parameters")
        guard current.isFinite else {
            return stoppedBeforeIterating(.nonFiniteStart, at: theta, parameterCount: p, fixed: fixed,
                                          evaluations: 1, error: nil)
        }

        let initialObjective = current.value
        var damping = options.initialDamping
        var growth = 2.0
        var scaleSquared = pointwiseMax(current.curvature.diagonal, .zero)
        var iterations = 0, accepted = 0, objectiveCalls = 0, derivativeCalls = 1
        var lastStepNorm = 0.0
        var gradientNorm = projectedGradientNorm(theta, current.gradient, lower, upper, variable)
        var status: Status
        var moved = true   // the current point is new: test it against the known minimum

        iterating: while true {
            if gradientNorm <= options.gradientTolerance { status = .gradientTolerance; break }
            if moved, let knownMinimum, current.value - knownMinimum.value <= knownMinimum.testedRise,
               let newton = newtonStep(current, theta, lower, upper, variable),
               knownMinimum.isTarget(of: theta, step: newton.step, value: current.value, decrement: newton.decrement,
                                     variable: variable) {
                status = .knownMinimum
                break
            }
            moved = false
            if iterations >= options.maximumIterations { status = .maximumIterations; break }
            iterations += 1

            let g = current.gradient
            let blocked = ((theta .<= lower) .& (g .> 0)) .| ((theta .>= upper) .& (g .< 0))
            let free = variable .& .!blocked
            let metric = scaleSquared.replacing(with: 1, where: scaleSquared .<= 0)
            let rhs = (-g).replacing(with: 0, where: .!free)

            // (H_FF + lambda D_F^2) delta_F = -g_F; raise lambda until the system factorises.
            var delta = SIMD8<Double>.zero
            while true {
                if let solution = dampedStep(current.curvature, metric: metric, damping: damping, free: free, rhs: rhs) {
                    delta = solution
                    break
                }
                damping *= growth
                growth *= 2
                if !(damping <= options.maximumDamping) { status = .failure(.singularCurvature); break iterating }
            }

            if iterations == 1 && options.initialStepBound < .infinity {
                // MINPACK's initial step bound: ||D s|| <= factor * ||D theta_0||.
                let root = metric.squareRoot()
                let bound = options.initialStepBound * norm(theta * root)
                var raises = 0
                while bound > 0 && norm((project(theta + delta, lower, upper) - theta) * root) > bound
                        && damping * 10 <= options.maximumDamping && raises < 40 {
                    damping *= 10
                    raises += 1
                    if let solution = dampedStep(current.curvature, metric: metric, damping: damping, free: free, rhs: rhs) {
                        delta = solution
                    }
                }
            }

            let trial = project(theta + delta, lower, upper)
            let step = trial - theta
            lastStepNorm = norm(step)
            let thetaNorm = norm(theta)
            let predicted = -((g * step).sum() + 0.5 * (step * current.curvature.multiply(step)).sum())
            let trialValue = problem.objective(trial, workspace: &workspace)
            objectiveCalls += 1

            var ratio = -Double.infinity
            var next: ScoringEvaluation? = nil
            var trialFinite = trialValue.isFinite
            if trialFinite && predicted > 0 {
                ratio = (current.value - trialValue) / predicted
                if ratio > 0 {
                    let evaluation = problem.evaluate(trial, workspace: &workspace)
                    derivativeCalls += 1
                    if !evaluation.isFinite {
                        trialFinite = false
                    } else if evaluation.value < current.value {
                        next = evaluation
                    }
                }
            }

            if let next {
                let previous = current.value
                theta = trial
                current = next
                accepted += 1
                moved = true
                scaleSquared = pointwiseMax(scaleSquared, current.curvature.diagonal)
                let t = 2 * ratio - 1
                damping = max(damping * max(1.0 / 3, 1 - t * t * t), minimumDamping)
                growth = 2
                gradientNorm = projectedGradientNorm(theta, current.gradient, lower, upper, variable)
                if gradientNorm <= options.gradientTolerance { status = .gradientTolerance; break }
                if abs(previous - current.value) <= options.functionTolerance * abs(previous) {
                    status = .functionTolerance
                    break
                }
                if lastStepNorm <= options.parameterTolerance * (thetaNorm + options.parameterTolerance) {
                    status = .parameterTolerance
                    break
                }
            } else {
                // A negligible step that still does not lower a finite objective: no progress is left.
                // (A non-finite trial says nothing about the minimum: keep shrinking the step instead.)
                if trialFinite && lastStepNorm <= options.parameterTolerance * (thetaNorm + options.parameterTolerance) {
                    status = .parameterTolerance
                    break
                }
                // A failed step where even the undamped step promises less than one rounding unit of f:
                // the objective's rounding, not the model, rejected it. Take that last Newton step on the
                // gradient's word (as IRLS would; its objective agrees within rounding) and stop.
                // (The damped step's predicted reduction is at most the decrement, the model's largest
                // reduction over the same free lanes: a larger prediction rules the test out unsolved.)
                if trialFinite, predicted <= Double.ulpOfOne * abs(current.value),
                   let newton = newtonStep(current, theta, lower, upper, variable),
                   newton.decrement <= Double.ulpOfOne * abs(current.value) {
                    let polished = project(theta + newton.step, lower, upper)
                    let allowed = current.value + roundingAllowance * Double.ulpOfOne * abs(current.value)
                    // The damped trial is that Newton step up to the damping. When the two agree to within
                    // `newtonAgreement` of the step's scaled length, rounding decides both values alike: the
                    // trial stands for the Newton point (kept if within the allowance, its evaluation reusing
                    // the objective's pass; otherwise the Newton point is not evaluated either).
                    let root = metric.squareRoot()
                    let nearNewton = norm((step - (polished - theta)) * root) <= newtonAgreement * norm((polished - theta) * root)
                    let point = nearNewton ? trial : polished
                    if !nearNewton || trialValue <= allowed {
                        let evaluation = problem.evaluate(point, workspace: &workspace)
                        derivativeCalls += 1
                        if evaluation.isFinite && evaluation.value <= allowed {
                            lastStepNorm = norm(point - theta)
                            theta = point
                            current = evaluation
                            gradientNorm = projectedGradientNorm(theta, current.gradient, lower, upper, variable)
                        }
                    }
                    status = .functionTolerance
                    break
                }
                damping *= growth
                growth *= 2
                if !(damping <= options.maximumDamping) {
                    status = .failure(trialFinite ? .noProgress : .nonFiniteObjective)
                    break
                }
            }
        }

        let g = current.gradient
        let outward = ((theta .<= lower) .& (g .> 0)) .| ((theta .>= upper) .& (g .< 0))
        return Summary(
            status: status, iterations: iterations, acceptedSteps: accepted, objectiveEvaluations: objectiveCalls,
            derivativeEvaluations: derivativeCalls, initialObjective: initialObjective,
            finalObjective: current.value, parameters: theta, gradient: g, curvature: current.curvature,
            damping: damping, projectedGradientNorm: gradientNorm, lastStepNorm: lastStepNorm,
            parameterCount: p, fixedParameters: fixed, activeBounds: variable .& outward)
    }
}

extension LevenbergMarquardt {
    /// `P(x) = min(max(x, l), u)`, lane by lane.
    @inlinable @inline(__always)
    static func project(_ x: SIMD8<Double>, _ lower: SIMD8<Double>, _ upper: SIMD8<Double>) -> SIMD8<Double> {
        pointwiseMin(pointwiseMax(x, lower), upper)
    }

    /// Euclidean norm of all eight lanes.
    @inlinable @inline(__always)
    static func norm(_ x: SIMD8<Double>) -> Double {
        (x * x).sum().squareRoot()
    }

    /// `max_j |P(theta - g)_j - theta_j|` over the lanes in `variable`.
    @inlinable @inline(__always)
    static func projectedGradientNorm(
        _ theta: SIMD8<Double>, _ gradient: SIMD8<Double>, _ lower: SIMD8<Double>, _ upper: SIMD8<Double>,
        _ variable: SIMDMask<SIMD8<Int64>>
    ) -> Double {
        let moved = project(theta - gradient, lower, upper) - theta
        let magnitude = pointwiseMax(moved, -moved).replacing(with: 0, where: .!variable)
        // NaN lanes (impossible for finite input) must not pass the test.
        return magnitude * 0 == .zero ? magnitude.max() : .infinity
    }

    /// How many rounding units `eps |f|` the final Newton step at the rounding floor may raise the
    /// objective by: the sum behind `f` is only that accurate.
    public static let roundingAllowance = 16.0

    /// At the rounding floor, a rejected damped step within this fraction of the Newton step's scaled
    /// length (`||D (s - s_N)|| <= 1e-3 ||D s_N||`, the damping negligible) stands for the Newton step: its
    /// value, already known, decides instead of evaluating a point a rounding away.
    public static let newtonAgreement = 1e-3

    /// The undamped step `-H^-1 g` from `theta` (over the lanes it may move: free and not held at a
    /// bound) and the reduction it predicts, the Newton decrement `1/2 g^T H^-1 g`; `nil` when `H` is
    /// not positive definite there.
    @inlinable @inline(__always)
    static func newtonStep(
        _ evaluation: ScoringEvaluation, _ theta: SIMD8<Double>, _ lower: SIMD8<Double>, _ upper: SIMD8<Double>,
        _ variable: SIMDMask<SIMD8<Int64>>
    ) -> (step: SIMD8<Double>, decrement: Double)? {
        let g = evaluation.gradient
        let blocked = ((theta .<= lower) .& (g .> 0)) .| ((theta .>= upper) .& (g .< 0))
        let free = variable .& .!blocked
        let rhs = (-g).replacing(with: 0, where: .!free)
        guard let step = dampedStep(evaluation.curvature, metric: .zero, damping: 0, free: free, rhs: rhs) else {
            return nil
        }
        return (step, 0.5 * (rhs * step).sum())
    }

    /// Solves `(H + lambda diag(metric)) delta = rhs` on the `free` lanes (other lanes get zero),
    /// or returns `nil` when the damped matrix is not positive definite or the solution is not finite.
    @inlinable @inline(__always)
    static func dampedStep(
        _ curvature: SmallMatrix, metric: SIMD8<Double>, damping: Double, free: SIMDMask<SIMD8<Int64>>,
        rhs: SIMD8<Double>
    ) -> SIMD8<Double>? {
        let p = curvature.order
        var system = SmallMatrix(order: p)
        for j in 0..<p {
            var column = SIMD8<Double>.zero
            if free[j] {
                column = curvature[column: j].replacing(with: 0, where: .!free)
                column[j] += damping * metric[j]
            } else {
                column[j] = 1
            }
            system[column: j] = column
        }
        guard let solution = SmallCholesky.solve(system, rhs) else { return nil }
        return solution * 0 == .zero ? solution : nil
    }

    /// The summary for a run that stopped before its first iteration.
    @usableFromInline
    static func stoppedBeforeIterating(
        _ reason: FailureReason, at theta: SIMD8<Double>, parameterCount p: Int, fixed: SIMDMask<SIMD8<Int64>>,
        evaluations: Int, error: InvalidOptionsError?
    ) -> Summary {
        var gradient = SIMD8<Double>.zero
        for j in 0..<p { gradient[j] = .nan }
        return Summary(
            status: .failure(reason), iterations: 0, acceptedSteps: 0, objectiveEvaluations: 0,
            derivativeEvaluations: evaluations, initialObjective: .nan, finalObjective: .nan,
            parameters: theta, gradient: gradient, curvature: SmallMatrix(order: p), damping: .nan,
            projectedGradientNorm: .nan, lastStepNorm: 0, parameterCount: p, fixedParameters: fixed,
            activeBounds: SIMDMask(repeating: false), optionsError: error)
    }
}
