import InflowLinearAlgebra

/// The covariance of residuals shrunk towards its diagonal (variances kept, correlations pulled to zero) by
/// the Schäfer–Strimmer intensity.
///
/// With residuals `e` (`T x n`), centred `x = e - mean`, the sample covariance `W_ij = sum_t x_ti x_tj / (T - 1)`
/// and standardised `z_ti = x_ti / s_i` (`s_i` the population standard deviation), for every pair `i > j`:
/// `w_tij = z_ti z_tj`, `wbar_ij` its mean over `t` and `V_ij = sum_t (w_tij - wbar_ij)^2`. The intensity is
///
///     lambda = clip( sum_{i>j} V_ij / (T (T - 1))  /  sum_{i>j} wbar_ij^2 , 0, 1 )
///
/// and the estimate keeps `W_ii` and multiplies `W_ij` (`i != j`) by `1 - lambda`. A node whose residuals do
/// not vary has no correlation with any other.
///
/// - Complexity: O(T n^2).
/// - Reference: Schäfer & Strimmer, "A shrinkage approach to large-scale covariance matrix estimation and
///   implications for functional genomics", *Statistical Applications in Genetics and Molecular Biology* 4 (2005);
///   the estimator of hierarchicalforecast's `mint_shrink` (which adds 2e-8 to each standard deviation and
///   to the denominator; the difference is below 1e-8 of λ on any data with varying residuals).
public struct ShrunkCovariance: Sendable {
    /// The shrunk covariance, `n x n`.
    public let covariance: Matrix
    /// The shrinkage intensity `lambda` in `[0, 1]`.
    public let intensity: Double

    /// The shrunk covariance of `residuals` (`T x n`, one column per node).
    /// - Precondition: `T >= 2`.
    public init(residuals: Matrix) {
        let t = residuals.rows, n = residuals.columns
        precondition(t >= 2, "at least two residuals per node")
        var centred = residuals
        var scales = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let mean = (0..<t).reduce(0.0) { $0 + residuals[$1, i] } / Double(t)
            var squares = 0.0
            for s in 0..<t {
                centred[s, i] = residuals[s, i] - mean
                squares += centred[s, i] * centred[s, i]
            }
            scales[i] = (squares / Double(t)).squareRoot()
        }
        var covariance = Matrix(rows: n, columns: n)
        var varianceSum = 0.0, squareSum = 0.0
        var products = [Double](repeating: 0, count: t)
        for i in 0..<n {
            for j in 0...i {
                var sum = 0.0
                for s in 0..<t { sum += centred[s, i] * centred[s, j] }
                covariance[i, j] = sum / Double(t - 1)
                covariance[j, i] = covariance[i, j]
                guard i != j, scales[i] > 0, scales[j] > 0 else { continue }
                var mean = 0.0
                for s in 0..<t {
                    products[s] = centred[s, i] / scales[i] * centred[s, j] / scales[j]
                    mean += products[s]
                }
                mean /= Double(t)
                var spread = 0.0
                for s in 0..<t { spread += (products[s] - mean) * (products[s] - mean) }
                varianceSum += spread
                squareSum += mean * mean
            }
        }
        let lambda = squareSum > 0 ? min(max(varianceSum / Double(t * (t - 1)) / squareSum, 0), 1) : 1
        for i in 0..<n {
            for j in 0..<n where i != j { covariance[i, j] *= 1 - lambda }
        }
        self.covariance = covariance
        intensity = lambda
    }
}
