/// The result of a (weighted) linear least-squares fit `min_b sum_i w_i (y_i - x_i^T b)^2`.
///
/// A rank-deficient design is reported through ``rank`` and ``aliasedColumns``:
/// aliased coefficients are set to zero (the basic solution) and their standard
/// errors are `nil`, never a silent NaN.
public struct LeastSquaresSolution: Sendable {
    /// Coefficients, one per column of the design; zero for aliased columns.
    public let coefficients: [Double]
    /// Residuals `y - X b` on the original (unweighted) scale.
    public let residuals: [Double]
    /// Weighted residual sum of squares `sum_i w_i r_i^2`.
    public let residualSumOfSquares: Double
    /// Numerical rank of the weighted design.
    public let rank: Int
    /// Columns left out because they are (numerically) combinations of others, ascending.
    public let aliasedColumns: [Int]
    /// Residual degrees of freedom `n_w - rank`, where `n_w` counts observations with positive weight.
    public let degreesOfFreedom: Int
    /// The 1-norm condition number of the column-equilibrated weighted design restricted to its identified columns:
    /// LAPACK's estimate (dtrcon on R), or exact from `R^-1` when an unrefined solve of at most eight columns skips
    /// LAPACK.
    public let conditionNumber: Double
    /// `(X^T W X)^-1` restricted to the identified columns (rows and columns of aliased
    /// columns are zero); multiply by ``residualVariance`` for the covariance of the coefficients.
    public let unscaledCovariance: Matrix

    /// `RSS / degreesOfFreedom`, the usual unbiased estimate of the error variance (NaN when there are no degrees of freedom).
    public var residualVariance: Double {
        degreesOfFreedom > 0 ? residualSumOfSquares / Double(degreesOfFreedom) : .nan
    }

    /// Residual standard deviation `sqrt(RSS / df)`.
    public var residualStandardDeviation: Double { residualVariance.squareRoot() }

    /// Standard errors `sqrt(sigma^2 [(X^T W X)^-1]_jj)`; `nil` for aliased columns.
    public var standardErrors: [Double?] {
        let sigma2 = residualVariance
        let aliased = Set(aliasedColumns)
        return (0..<coefficients.count).map { j in
            aliased.contains(j) ? nil : (sigma2 * unscaledCovariance[j, j]).squareRoot()
        }
    }

    /// Whether every column is identified.
    public var isFullRank: Bool { aliasedColumns.isEmpty }
}
