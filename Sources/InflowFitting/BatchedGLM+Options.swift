extension BatchedGLM {
    /// Settings of ``BatchedGLM/fit(responses:family:options:)``.
    public struct Options: Sendable, Equatable {
        /// Upper limit on IRLS iterations per series (per alternation for an estimated `theta`). Default 50.
        public var maximumIterations: Int = 50
        /// R's `glm.control` deviance test `|D - D_old| / (|D| + 0.1) < tolerance`, per series. Default `1e-10`,
        /// as ``IRLS/Options/tolerance``.
        public var tolerance: Double = 1e-10
        /// Upper limit on step halvings within one iteration of one series. Default 30.
        public var maximumHalvings: Int = 30
        /// Upper limit on the alternations between the coefficients and `theta` of
        /// ``Family/negativeBinomialEstimated`` (R's `glm.nb` uses `maxit`, 25). Default 25.
        public var maximumAlternations: Int = 25
        /// Whether to compute each series' standard errors `sqrt(diag((X^T W X)^-1))` (times the dispersion
        /// for no family here: all have dispersion 1). One more Gram product per chunk. Default `true`.
        public var computesStandardErrors: Bool = true
        /// Threads that fit chunks of series side by side; results do not depend on it. Default 1.
        public var threads: Int = 1

        /// Options with every default.
        public init() {}

        /// Options with the given values (omitted ones take their defaults).
        public init(maximumIterations: Int = 50, tolerance: Double = 1e-10, maximumHalvings: Int = 30,
                    maximumAlternations: Int = 25, computesStandardErrors: Bool = true, threads: Int = 1) {
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
            self.maximumHalvings = maximumHalvings
            self.maximumAlternations = maximumAlternations
            self.computesStandardErrors = computesStandardErrors
            self.threads = threads
        }

        /// Checks every option.
        /// - Throws: ``InvalidOptionsError`` naming the first invalid option.
        public func validate() throws(InvalidOptionsError) {
            if maximumIterations < 1 {
                throw InvalidOptionsError(option: "maximumIterations",
                                          message: "maximumIterations must be at least 1 (got \(maximumIterations)); 50 is the default.")
            }
            if !(tolerance > 0 && tolerance.isFinite) {
                throw InvalidOptionsError(option: "tolerance",
                                          message: "tolerance must be a finite number > 0 (got \(tolerance)); 1e-10 is the default, R uses 1e-8.")
            }
            if maximumHalvings < 0 {
                throw InvalidOptionsError(option: "maximumHalvings",
                                          message: "maximumHalvings must be 0 or more (got \(maximumHalvings)).")
            }
            if maximumAlternations < 1 {
                throw InvalidOptionsError(option: "maximumAlternations",
                                          message: "maximumAlternations must be at least 1 (got \(maximumAlternations)); 25 is the default.")
            }
            if threads < 1 {
                throw InvalidOptionsError(option: "threads", message: "threads must be at least 1 (got \(threads)).")
            }
        }
    }
}
