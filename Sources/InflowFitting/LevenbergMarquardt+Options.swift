extension LevenbergMarquardt {
    /// Settings of ``LevenbergMarquardt/minimize(_:from:options:knownMinimum:)``: stopping tests, damping and bounds.
    ///
    /// The stopping tests follow Ceres Solver; each is stated exactly on its property. Notation:
    /// `theta` the current point, `g` its gradient, `P` the projection onto the box
    /// `[lowerBounds, upperBounds]`, `s` the (projected) step just computed, `||.||` the Euclidean
    /// norm over the parameters. Fixed parameters take no part in any test.
    ///
    /// Call ``validate(parameterCount:)`` to check a set of options before use (for instance when
    /// they come from a command line); the solver calls it too and stops with
    /// ``FailureReason/invalidOptions`` when it fails.
    public struct Options: Sendable, Equatable {
        /// Upper limit on iterations. One iteration computes one step and evaluates one trial point,
        /// accepted or not (retries of a failed factorisation within an iteration do not count).
        /// Default 200. `0` evaluates the start and checks the gradient test only.
        public var maximumIterations: Int = 200

        /// Gradient test: stop with ``Status/gradientTolerance`` when
        /// `max_j |P(theta - g)_j - theta_j| <= gradientTolerance`, over the free parameters.
        ///
        /// Without bounds this is `||g||_inf <= tol`; at a bound it ignores a gradient that points out of
        /// the box (the projected gradient of Conn, Gould and Toint). It is checked at the start and after
        /// every accepted step. The test is absolute: scale it with the objective. Default `1e-10`.
        public var gradientTolerance: Double = 1e-10

        /// Parameter test: stop with ``Status/parameterTolerance`` when
        /// `||s|| <= parameterTolerance * (||theta|| + parameterTolerance)`.
        ///
        /// Checked after every accepted step, and after every rejected step whose trial value was finite
        /// (as MINPACK does with its trust region): when rejected steps have driven the damping up until
        /// the step is negligible, no representable progress is left. A rejected trial with a non-finite
        /// value only shortens the step. Default `1e-10`.
        public var parameterTolerance: Double = 1e-10

        /// Function test: stop with ``Status/functionTolerance`` after an accepted step when
        /// `|f_old - f_new| <= functionTolerance * |f_old|`; also after a rejected step (finite trial value)
        /// when the reduction an undamped step predicts (the Newton decrement `1/2 g^T H^-1 g`, over
        /// the parameters not held at a bound) is at most one rounding unit of the objective,
        /// `Double.ulpOfOne * |f|`, whatever this tolerance: the solver then takes that Newton step if
        /// its value is within ``LevenbergMarquardt/roundingAllowance`` rounding units (when the rejected
        /// damped step is that Newton step to ``LevenbergMarquardt/newtonAgreement``, the trial's known
        /// value decides without a new evaluation) and stops (see ``LevenbergMarquardt``).
        ///
        /// The second form ends the tail MINPACK-style solvers otherwise spend at the optimum, where
        /// rounding in `f` rejects steps that gain less than `f` can resolve, until the damping has
        /// made the step small enough for the parameter test.
        ///
        /// Written without a division, so it never fires on `f_old = 0` by accident; the absolute value
        /// keeps it meaningful for negative log-likelihoods. Default `1e-14`, about 50 ulps: on the NIST
        /// StRD problems it leaves 8–11 significant digits (as scipy's MINPACK with every tolerance at
        /// `1e-15`), where `1e-12` leaves 7 on Rat43, at the cost of one or two more iterations.
        public var functionTolerance: Double = 1e-14

        /// Starting damping `lambda_0` in `(H + lambda D^2) delta = -g`. Because `D^2` starts as the
        /// diagonal of `H`, this is Marquardt's relative damping: `1e-3` (the default) is nearly Gauss–Newton,
        /// `1` a cautious start. Must be positive and finite.
        public var initialDamping: Double = 1e-3

        /// The bound `c` on the first step, `||D s|| <= c ||D theta_0||` (MINPACK's `factor`; no bound when
        /// `D theta_0 = 0`, for instance from a zero start, where there is no scale to compare with),
        /// enforced by raising the initial damping tenfold at a time; `.infinity` turns it off.
        ///
        /// Default `1`: the first step may at most double the scaled size of the start. MINPACK
        /// recommends 0.1 to 100 and defaults to 100; on NIST BoxBOD from start 1 every value from 0.1 to
        /// 10 reaches the certified minimum and 20 or more do not, while Misra1a, Rat42 and Rat43 take
        /// about the same iterations for any value from 1 to 100 (0.1 doubles them on Misra1a).
        /// Must be positive.
        public var initialStepBound: Double = 1

        /// Damping ceiling: when `lambda` exceeds it, the solver stops with
        /// ``FailureReason/singularCurvature``, ``FailureReason/nonFiniteObjective`` or
        /// ``FailureReason/noProgress``. Default `1e16`, where a step is about `1e-16` of a
        /// gradient step in the scaled metric.
        public var maximumDamping: Double = 1e16

        /// Lower bounds `l_j` (lanes `0..<p` used); `-infinity` for none. Must not be NaN.
        public var lowerBounds = SIMD8<Double>(repeating: -.infinity)

        /// Upper bounds `u_j` (lanes `0..<p` used); `+infinity` for none. Must satisfy `l_j <= u_j`.
        public var upperBounds = SIMD8<Double>(repeating: .infinity)

        /// `fixed[j] == true` keeps parameter `j` at its start value (bounds do not move it).
        /// Missing entries mean free; at most `p` entries.
        public var fixed: [Bool] = []

        /// Options with every default.
        public init() {}

        /// Options with the given values (omitted ones take their defaults).
        public init(
            maximumIterations: Int = 200, gradientTolerance: Double = 1e-10, parameterTolerance: Double = 1e-10,
            functionTolerance: Double = 1e-14, initialDamping: Double = 1e-3, initialStepBound: Double = 1,
            maximumDamping: Double = 1e16,
            lowerBounds: SIMD8<Double> = SIMD8(repeating: -.infinity),
            upperBounds: SIMD8<Double> = SIMD8(repeating: .infinity),
            fixed: [Bool] = []
        ) {
            self.maximumIterations = maximumIterations
            self.gradientTolerance = gradientTolerance
            self.parameterTolerance = parameterTolerance
            self.functionTolerance = functionTolerance
            self.initialDamping = initialDamping
            self.initialStepBound = initialStepBound
            self.maximumDamping = maximumDamping
            self.lowerBounds = lowerBounds
            self.upperBounds = upperBounds
            self.fixed = fixed
        }

        /// Checks every option; `parameterCount` (when given) also checks the bounds and `fixed`
        /// against the number of parameters.
        /// - Throws: ``InvalidOptionsError`` naming the first invalid option.
        public func validate(parameterCount: Int? = nil) throws(InvalidOptionsError) {
            if maximumIterations < 0 {
                throw InvalidOptionsError(
                    option: "maximumIterations",
                    message: "maximumIterations must be 0 or more (got \(maximumIterations)); use 0 to evaluate the start only.")
            }
            try Self.checkTolerance(gradientTolerance, named: "gradientTolerance")
            try Self.checkTolerance(parameterTolerance, named: "parameterTolerance")
            try Self.checkTolerance(functionTolerance, named: "functionTolerance")
            if !(initialDamping > 0 && initialDamping.isFinite) {
                throw InvalidOptionsError(
                    option: "initialDamping",
                    message: "initialDamping must be a finite number > 0 (got \(initialDamping)); 1e-3 is the usual choice.")
            }
            if !(initialStepBound > 0) {
                throw InvalidOptionsError(
                    option: "initialStepBound",
                    message: "initialStepBound must be > 0 (got \(initialStepBound)); use .infinity to leave the first step unbounded.")
            }
            if !(maximumDamping > initialDamping && maximumDamping.isFinite) {
                throw InvalidOptionsError(
                    option: "maximumDamping",
                    message: "maximumDamping must be finite and larger than initialDamping (got \(maximumDamping) with initialDamping \(initialDamping)).")
            }
            let lanes = parameterCount ?? 8
            for j in 0..<min(max(lanes, 0), 8) {
                let l = lowerBounds[j], u = upperBounds[j]
                if l.isNaN || u.isNaN {
                    throw InvalidOptionsError(
                        option: l.isNaN ? "lowerBounds" : "upperBounds",
                        message: "bound of parameter \(j) is NaN; use -infinity or +infinity for no bound.")
                }
                if l > u {
                    throw InvalidOptionsError(
                        option: "lowerBounds",
                        message: "lower bound \(l) of parameter \(j) exceeds its upper bound \(u); swap them or widen the box.")
                }
            }
            if let parameterCount, fixed.count > parameterCount {
                throw InvalidOptionsError(
                    option: "fixed",
                    message: "fixed has \(fixed.count) entries but the problem has \(parameterCount) parameters; give at most one entry per parameter.")
            }
        }

        private static func checkTolerance(_ value: Double, named name: String) throws(InvalidOptionsError) {
            if !(value >= 0 && value.isFinite) {
                throw InvalidOptionsError(
                    option: name, message: "\(name) must be a finite number >= 0 (got \(value)); use 0 to turn the test off.")
            }
        }
    }
}
