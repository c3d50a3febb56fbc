import InflowLinearAlgebra

extension IRLS {
    /// The outcome of ``IRLS/fit(design:response:family:offset:priorWeights:start:options:)``.
    ///
    /// ``unscaledCovariance``, ``rank``, ``aliasedColumns`` and ``workingWeights`` belong to the returned
    /// coefficients: they come from a weighted least-squares solve with the weights at the final means.
    public struct Summary: Sendable {
        /// Why the iteration stopped.
        public let status: Status
        /// Iterations used (weighted least-squares solves, not counting the final one for the covariance).
        public let iterations: Int
        /// Step halvings over all iterations.
        public let stepHalvings: Int
        /// Coefficients, one per design column; zero for aliased columns.
        public let coefficients: [Double]
        /// `(X^T W X)^-1` on the identified columns (zero rows and columns for aliased ones), `W` the
        /// working weights at the final means. Multiply by ``dispersion`` for the covariance.
        public let unscaledCovariance: Matrix
        /// Deviance `sum_i prior_i d(y_i, mu_i)`.
        public let deviance: Double
        /// Pearson's `X^2 = sum_i prior_i (y_i - mu_i)^2 / V(mu_i)`.
        public let pearsonChiSquared: Double
        /// Fitted means `mu_i`.
        public let fittedMeans: [Double]
        /// Linear predictor `eta_i = x_i^T b + offset_i`.
        public let linearPredictor: [Double]
        /// Working weights `prior_i (d mu / d eta)^2 / V(mu_i)` at the final means.
        public let workingWeights: [Double]
        /// Numerical rank of the weighted design.
        public let rank: Int
        /// Design columns found to be linear combinations of others (coefficient 0, no standard error).
        public let aliasedColumns: [Int]
        /// Residual degrees of freedom: observations with positive weight minus ``rank``.
        public let degreesOfFreedom: Int
        /// The dispersion: 1 for families with fixed dispersion, otherwise `X^2 / degreesOfFreedom`.
        public let dispersion: Double

        /// Whether the deviance test passed.
        public var isConverged: Bool { status.isConverged }

        /// `dispersion * (X^T W X)^-1`.
        public var covariance: Matrix {
            var result = unscaledCovariance
            result.withUnsafeMutableBufferPointer { buffer in
                for k in buffer.indices { buffer[k] *= dispersion }
            }
            return result
        }

        /// `sqrt(dispersion [(X^T W X)^-1]_jj)`; `nil` for aliased columns.
        public var standardErrors: [Double?] {
            let aliased = Set(aliasedColumns)
            return coefficients.indices.map { j in
                aliased.contains(j) ? nil : (dispersion * unscaledCovariance[j, j]).squareRoot()
            }
        }
    }
}
