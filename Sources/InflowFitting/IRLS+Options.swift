extension IRLS {
    /// Settings of ``IRLS/fit(design:response:family:offset:priorWeights:start:options:)``.
    public struct Options: Sendable, Equatable {
        /// Upper limit on IRLS iterations (weighted least-squares solves). Default 50, as
        /// statsmodels (R uses 25).
        public var maximumIterations: Int = 50

        /// Convergence test on the deviance, exactly R's `glm.control`:
        /// `|D - D_old| / (|D| + 0.1) < tolerance` between successive iterations. Default `1e-10`
        /// (R: `1e-8`).
        ///
        /// For canonical links (Poisson with log, Gaussian with identity) IRLS is Newton's method and
        /// converges quadratically: when the test passes, the coefficients are accurate to working precision.
        /// Otherwise (NB2 with log link) it is Fisher scoring and converges linearly, and the deviance, being
        /// quadratic at the optimum, resolves coefficient errors only down to about `sqrt(tolerance)` standard
        /// errors (on the nine-day NB2 fit, `1e-10` alone leaves a relative coefficient error of `1.2e-6`); such
        /// fits also pass ``coefficientTolerance``. A tolerance below the rounding noise of the deviance (about
        /// `1e-13` relative there) may never pass: the fit then ends at the iteration limit, at the optimum.
        public var tolerance: Double = 1e-10

        /// Step test for families whose link is not canonical (``GLMFamily/hasCanonicalLink``, e.g. NB2 with the
        /// log link), checked after the deviance test has passed: the iteration goes on until the largest relative
        /// coefficient step, `max_j |b_j - b_j,old| / max(|b_j|, 1)`, is at most this. Fisher scoring converges
        /// linearly, so the deviance test alone stops it at about `sqrt(tolerance)` standard errors from the
        /// optimum (relative `1.2e-6` on the nine-day NB2 fit at `1e-10`, found too late for R's `glm.fit`, which
        /// stops there). Default `1e-10`; canonical links (Newton's method) ignore it.
        public var coefficientTolerance: Double = 1e-10

        /// Upper limit on step halvings within one iteration (R halves at most `maxit` times). Default 30.
        public var maximumHalvings: Int = 30

        /// Relative rank tolerance passed to ``/InflowLinearAlgebra/LeastSquares/solve(design:response:weights:rankTolerance:refinementSteps:)``;
        /// `nil` for its default.
        public var rankTolerance: Double? = nil

        /// Options with every default.
        public init() {}

        /// Options with the given values (omitted ones take their defaults).
        public init(maximumIterations: Int = 50, tolerance: Double = 1e-10, coefficientTolerance: Double = 1e-10,
                    maximumHalvings: Int = 30, rankTolerance: Double? = nil) {
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
            self.coefficientTolerance = coefficientTolerance
            self.maximumHalvings = maximumHalvings
            self.rankTolerance = rankTolerance
        }

        /// Checks every option.
        /// - Throws: ``InvalidOptionsError`` naming the first invalid option.
        public func validate() throws(InvalidOptionsError) {
            if maximumIterations < 1 {
                throw InvalidOptionsError(
                    option: "maximumIterations",
                    message: "maximumIterations must be at least 1 (got \(maximumIterations)); 50 is the default.")
            }
            if !(tolerance > 0 && tolerance.isFinite) {
                throw InvalidOptionsError(
                    option: "tolerance",
                    message: "tolerance must be a finite number > 0 (got \(tolerance)); 1e-10 is the default, R uses 1e-8.")
            }
            if !(coefficientTolerance > 0 && coefficientTolerance.isFinite) {
                throw InvalidOptionsError(
                    option: "coefficientTolerance",
                    message: "coefficientTolerance must be a finite number > 0 (got \(coefficientTolerance)); 1e-10 is the default.")
            }
            if maximumHalvings < 0 {
                throw InvalidOptionsError(
                    option: "maximumHalvings",
                    message: "maximumHalvings must be 0 or more (got \(maximumHalvings)); use 0 to turn step halving off.")
            }
            if let rankTolerance, !(rankTolerance >= 0 && rankTolerance < 1) {
                throw InvalidOptionsError(
                    option: "rankTolerance",
                    message: "rankTolerance must be in [0, 1) (got \(rankTolerance)); leave it nil for the default.")
            }
        }
    }
}
