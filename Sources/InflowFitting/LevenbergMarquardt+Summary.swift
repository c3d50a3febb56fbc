import InflowLinearAlgebra

extension LevenbergMarquardt {
    /// The outcome of ``LevenbergMarquardt/minimize(_:from:options:knownMinimum:)``: the best point found, why the
    /// solver stopped, and what it cost.
    ///
    /// The point, gradient and curvature always belong together (the last accepted point), so the
    /// curvature can go straight into ``Covariance``.
    public struct Summary: Sendable {
        /// Why the solver stopped.
        public let status: Status
        /// Iterations used (steps computed, accepted or rejected).
        public let iterations: Int
        /// Accepted steps.
        public let acceptedSteps: Int
        /// Calls of ``ScoringProblem/objective(_:)`` (one per trial point).
        public let objectiveEvaluations: Int
        /// Calls of ``ScoringProblem/evaluate(_:)`` (the start and each accepted point).
        public let derivativeEvaluations: Int
        /// `f` at the start (after projection onto the bounds); NaN if it could not be evaluated.
        public let initialObjective: Double
        /// `f` at ``parameters``.
        public let finalObjective: Double
        /// The best point found (lanes `>= p` zero).
        public let parameters: SIMD8<Double>
        /// The gradient at ``parameters``.
        public let gradient: SIMD8<Double>
        /// The curvature `H` at ``parameters`` (`J^T J` or Fisher information), for ``Covariance``.
        public let curvature: SmallMatrix
        /// The damping `lambda` when the solver stopped.
        public let damping: Double
        /// `max_j |P(theta - g)_j - theta_j|` over the free parameters at ``parameters``.
        public let projectedGradientNorm: Double
        /// `||s||` of the last step computed (0 if none).
        public let lastStepNorm: Double
        /// Number of parameters `p`.
        public let parameterCount: Int
        /// Lanes held at their start value by ``Options/fixed``.
        public let fixedParameters: SIMDMask<SIMD8<Int64>>
        /// Lanes `< p` that end on a bound they cannot leave (gradient pointing out of the box).
        public let activeBounds: SIMDMask<SIMD8<Int64>>
        /// The validation message when ``status`` is `.failure(.invalidOptions)`.
        public let optionsError: InvalidOptionsError?

        /// Memberwise initialiser (used by the solver's inlined code).
        @inlinable
        public init(
            status: Status, iterations: Int, acceptedSteps: Int, objectiveEvaluations: Int,
            derivativeEvaluations: Int, initialObjective: Double, finalObjective: Double,
            parameters: SIMD8<Double>, gradient: SIMD8<Double>, curvature: SmallMatrix, damping: Double,
            projectedGradientNorm: Double, lastStepNorm: Double, parameterCount: Int,
            fixedParameters: SIMDMask<SIMD8<Int64>>, activeBounds: SIMDMask<SIMD8<Int64>>,
            optionsError: InvalidOptionsError? = nil
        ) {
            self.status = status
            self.iterations = iterations
            self.acceptedSteps = acceptedSteps
            self.objectiveEvaluations = objectiveEvaluations
            self.derivativeEvaluations = derivativeEvaluations
            self.initialObjective = initialObjective
            self.finalObjective = finalObjective
            self.parameters = parameters
            self.gradient = gradient
            self.curvature = curvature
            self.damping = damping
            self.projectedGradientNorm = projectedGradientNorm
            self.lastStepNorm = lastStepNorm
            self.parameterCount = parameterCount
            self.fixedParameters = fixedParameters
            self.activeBounds = activeBounds
            self.optionsError = optionsError
        }

        /// Whether a tolerance test stopped the solver.
        @inlinable
        public var isConverged: Bool { status.isConverged }

        /// The parameters as an array of `p` values.
        public var parameterArray: [Double] { (0..<parameterCount).map { parameters[$0] } }

        /// One sentence saying why the solver stopped, with the numbers behind it.
        public var message: String {
            let cost = "after \(iterations) iterations (\(acceptedSteps) accepted), f = \(finalObjective)"
            switch status {
            case .gradientTolerance:
                return "Converged: projected gradient \(projectedGradientNorm) is within the gradient tolerance, \(cost)."
            case .parameterTolerance:
                return "Converged: step length \(lastStepNorm) is within the parameter tolerance, \(cost)."
            case .functionTolerance:
                return "Converged: relative reduction of f is within the function tolerance, \(cost)."
            case .knownMinimum:
                return "Stopped: the Newton step from here lands on the known minimum given to the solver, \(cost)."
            case .maximumIterations:
                return "Stopped at the iteration limit with projected gradient \(projectedGradientNorm); the best point is returned, \(cost)."
            case .failure(.nonFiniteStart):
                return "Failed: the start, or f, its gradient or curvature there, is not finite; choose another start."
            case .failure(.nonFiniteObjective):
                return "Failed: every trial point near the current one gave a non-finite objective (damping \(damping)); the best point is returned, \(cost)."
            case .failure(.singularCurvature):
                return "Failed: the damped curvature could not be factorised even with damping \(damping); the best point is returned, \(cost)."
            case .failure(.noProgress):
                return "Failed: no trial point reduced f before the damping reached \(damping); the best point is returned, \(cost)."
            case .failure(.invalidOptions):
                return "Failed: invalid options: \(optionsError?.message ?? "see Options.validate()")"
            }
        }
    }
}
