extension IRLS {
    /// Why ``IRLS/fit(design:response:family:offset:priorWeights:start:options:)`` stopped.
    public enum Status: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// The deviance test of ``Options/tolerance`` passed.
        case converged
        /// ``Options/maximumIterations`` iterations were used; the last coefficients are returned.
        case maximumIterations
        /// The iteration could not continue; the last coefficients with a finite deviance are returned.
        case failure(FailureReason)

        /// Whether the deviance test passed.
        public var isConverged: Bool { self == .converged }

        public var description: String {
            switch self {
            case .converged: "converged"
            case .maximumIterations: "maximum iterations"
            case .failure(let reason): "failure (\(reason))"
            }
        }
    }

    /// Why IRLS failed.
    public enum FailureReason: Sendable, Equatable, Hashable, CustomStringConvertible {
        /// ``Options/maximumHalvings`` halvings of the step did not give a finite deviance, valid means
        /// and a deviance no larger than before (beyond ``IRLS/minimumIncreaseThreshold``).
        case stepHalvingFailed
        /// The weighted least-squares solve failed (non-finite working response or weights).
        case weightedLeastSquaresFailed

        public var description: String {
            switch self {
            case .stepHalvingFailed: "step halving could not restore a finite, non-increasing deviance"
            case .weightedLeastSquaresFailed: "the weighted least-squares solve failed"
            }
        }
    }
}
