extension LevenbergMarquardt {
    /// Why ``LevenbergMarquardt/minimize(_:from:options:knownMinimum:)`` stopped.
    ///
    /// The three tolerance cases are convergence (``isConverged``); ``knownMinimum`` says the run was
    /// heading to a minimum found before (given to the solver); ``maximumIterations`` returns the
    /// best point found, which may still be usable; a ``failure(_:)`` returns the best point too, but
    /// the reason says why it should not be trusted as a minimum.
    public enum Status: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The projected gradient test of ``Options/gradientTolerance`` passed.
        case gradientTolerance
        /// The step-size test of ``Options/parameterTolerance`` passed.
        case parameterTolerance
        /// The relative-reduction test of ``Options/functionTolerance`` passed.
        case functionTolerance
        /// The Newton step from the current point lands on the ``KnownMinimum`` given to the solver: the
        /// run was heading to a minimum already found and stopped there. The point returned is the current
        /// one, not that minimum; a multi-start counts the minimum as found again.
        case knownMinimum
        /// ``Options/maximumIterations`` iterations were used; the best point so far is returned.
        case maximumIterations
        /// The solver could not proceed; see ``FailureReason``.
        case failure(FailureReason)

        /// Whether one of the three tolerance tests stopped the solver.
        @inlinable
        public var isConverged: Bool {
            switch self {
            case .gradientTolerance, .parameterTolerance, .functionTolerance: true
            case .knownMinimum, .maximumIterations, .failure: false
            }
        }

        public var description: String {
            switch self {
            case .gradientTolerance: "gradient tolerance"
            case .parameterTolerance: "parameter tolerance"
            case .functionTolerance: "function tolerance"
            case .knownMinimum: "known minimum"
            case .maximumIterations: "maximum iterations"
            case .failure(let reason): "failure (\(reason))"
            }
        }
    }

    /// Why the solver failed.
    public enum FailureReason: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The start has a NaN or infinite parameter, or the objective, gradient or curvature is not
        /// finite there. Nothing was iterated.
        case nonFiniteStart
        /// The damping exceeded ``Options/maximumDamping`` while the trial points kept giving a
        /// non-finite objective (or derivatives): the current point sits at the edge of the domain.
        case nonFiniteObjective
        /// The damping exceeded ``Options/maximumDamping`` while `H + lambda D^2` still could not be
        /// factorised (it is not positive definite even with the damping added).
        case singularCurvature
        /// The damping exceeded ``Options/maximumDamping`` with finite trial values that never
        /// reduced the objective, and the step stayed larger than the parameter test allows (for example
        /// with ``Options/parameterTolerance`` `= 0`); the point is stationary to working precision.
        case noProgress
        /// The options did not pass ``Options/validate(parameterCount:)``; see ``Summary/message``.
        case invalidOptions

        public var description: String {
            switch self {
            case .nonFiniteStart: "non-finite start"
            case .nonFiniteObjective: "non-finite objective at every trial point"
            case .singularCurvature: "singular curvature"
            case .noProgress: "no progress"
            case .invalidOptions: "invalid options"
            }
        }
    }
}
