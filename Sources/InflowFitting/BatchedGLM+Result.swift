import InflowLinearAlgebra

extension BatchedGLM {
    /// The fits of every series of a batch, column `s` for series `s`.
    public struct Result: Sendable {
        /// The coefficients, p x S (column s is series s's, in the design's column order).
        public let coefficients: Matrix
        /// Standard errors `sqrt(diag((X^T W X)^-1))` at the returned coefficients, p x S; `nil` when
        /// ``Options/computesStandardErrors`` is off. NaN for a series whose information matrix is singular.
        public let standardErrors: Matrix?
        /// Each series' residual deviance `D = sum_i d(y_i, mu_i)` under its family (at its `theta`).
        public let deviance: [Double]
        /// Each series' IRLS iterations (summed over the alternations of an estimated `theta`).
        public let iterations: [Int]
        /// Each series' status, as ``IRLS/Status``.
        public let status: [IRLS.Status]
        /// Each series' NB2 dispersion `theta`; `nil` for Poisson.
        public let theta: [Double]?

        /// Number of series S.
        public var seriesCount: Int { status.count }
        /// Series `s`'s coefficients.
        public func coefficients(of s: Int) -> [Double] { Array(coefficients.column(s)) }
        /// The indices of the series whose deviance test passed.
        public var convergedSeries: [Int] { status.indices.filter { status[$0].isConverged } }
    }
}
