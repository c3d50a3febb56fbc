import InflowLinearAlgebra

/// Covariance matrices of estimates from the curvature of a fit.
///
/// | estimator | covariance | function |
/// |---|---|---|
/// | maximum likelihood, `H` = observed or expected information | `H^-1` | ``inverseInformation(_:)`` |
/// | least squares, `H = J^T J`, `f = RSS / 2` | `sigma^2 (J^T J)^-1`, `sigma^2 = 2 f / (n - p)` | ``leastSquares(_:observationCount:)`` |
/// | misspecification-robust (Huber–White) | `H^-1 M H^-1` for a "meat" `M` (e.g. `sum_i s_i s_i^T`) | ``sandwich(bread:meat:fixed:)`` |
///
/// Fixed parameters are known constants: their rows and columns are zero and they do not count in
/// `p`. Parameters that end on a bound are treated like free ones (the usual interior formula), which
/// is only an approximation there.
///
/// Inversion scales the matrix to unit diagonal, `C = S H S` with `S = diag(H_jj^-1/2)`, and factorises
/// `C` with ``/InflowLinearAlgebra/SmallCholesky``; `H^-1 = S C^-1 S`. The scaling removes the effect of parameter units,
/// so the singularity test below is about identifiability, not units. When a diagonal entry is not
/// positive, when the factorisation fails, or when a squared pivot of `C` falls below
/// ``singularityTolerance`` (a squared pivot bounds the smallest eigenvalue from above), the matrix is
/// declared singular and ``/InflowLinearAlgebra/SymmetricEigenDecomposition`` of `C` names the parameter that dominates the
/// eigenvector of the smallest eigenvalue.
///
/// - Complexity: O(p^3) flops without allocation; the diagnosis of a singular matrix allocates.
///
/// References: Wedderburn (1974) and White (1982) for the sandwich; Seber & Wild, *Nonlinear
/// Regression* (1989), section 2.1, for `sigma^2 (J^T J)^-1`.
public enum Covariance {
    /// Squared Cholesky pivots of the unit-diagonal matrix at or below this declare it singular:
    /// `1e-14`, about 64 ulps of 1. A correlation that close to 1 leaves no digit of the inverse.
    public static let singularityTolerance = 1e-14

    /// `H^-1` on the parameters not in `fixed` (zero rows and columns for fixed ones and for lanes
    /// `>= H.order`).
    /// - Throws: ``CovarianceError/notIdentified(parameter:smallestEigenvalue:)`` for a singular
    ///   matrix, ``CovarianceError/nonFinite`` for NaN or infinite entries.
    public static func inverse(
        _ matrix: SmallMatrix, fixed: SIMDMask<SIMD8<Int64>> = SIMDMask(repeating: false)
    ) throws(CovarianceError) -> SmallMatrix {
        let p = matrix.order
        var free = fixed
        for j in 0..<8 { free[j] = j < p && !fixed[j] }
        var probe = SIMD8<Double>.zero
        for j in 0..<p where free[j] { probe += matrix[column: j].replacing(with: 0, where: .!free) * 0 }
        guard probe == .zero else { throw .nonFinite }

        var scale = SIMD8<Double>.zero
        for j in 0..<p where free[j] {
            let d = matrix[j, j]
            guard d > 0 else { throw .notIdentified(parameter: j, smallestEigenvalue: d) }
            scale[j] = 1 / d.squareRoot()
        }
        var scaled = SmallMatrix(order: p)
        for j in 0..<p {
            if free[j] {
                var column = matrix[column: j] * scale * scale[j]
                column.replace(with: 0, where: .!free)
                column[j] = 1
                scaled[column: j] = column
            } else {
                scaled[j, j] = 1
            }
        }
        let factor: SmallCholesky
        do {
            factor = try SmallCholesky(scaled)
        } catch {
            throw diagnose(scaled, free: free, failedMinor: error)
        }
        for j in 0..<p where free[j] {
            let pivot = factor.lower[j, j]
            if pivot * pivot <= singularityTolerance { throw diagnose(scaled, free: free, failedMinor: nil) }
        }
        let inner = factor.inverse()
        var result = SmallMatrix(order: p)
        for j in 0..<p where free[j] {
            var column = inner[column: j] * scale * scale[j]
            column.replace(with: 0, where: .!free)
            result[column: j] = column
        }
        return result
    }

    /// `H^-1` for a maximum-likelihood fit, whose curvature is the information matrix (observed or
    /// expected). Fixed parameters get zero rows and columns.
    public static func inverseInformation(_ summary: LevenbergMarquardt.Summary) throws(CovarianceError) -> SmallMatrix {
        try inverse(summary.curvature, fixed: summary.fixedParameters)
    }

    /// `sigma^2 (J^T J)^-1` with `sigma^2 = 2 f / (n - p)` for a least-squares fit (`f = RSS / 2`,
    /// as in ``ResidualProblem``), `p` the number of free parameters.
    /// - Throws: ``CovarianceError/insufficientDegreesOfFreedom(observations:parameters:)`` when
    ///   `n <= p`, or the errors of ``inverse(_:fixed:)``.
    public static func leastSquares(
        _ summary: LevenbergMarquardt.Summary, observationCount: Int
    ) throws(CovarianceError) -> SmallMatrix {
        var free = 0
        for j in 0..<summary.parameterCount where !summary.fixedParameters[j] { free += 1 }
        guard observationCount > free else {
            throw .insufficientDegreesOfFreedom(observations: observationCount, parameters: free)
        }
        let sigma2 = 2 * summary.finalObjective / Double(observationCount - free)
        var result = try inverse(summary.curvature, fixed: summary.fixedParameters)
        for j in 0..<result.order { result[column: j] *= sigma2 }
        return result
    }

    /// The sandwich `H^-1 M H^-1` for a "bread" `H` (curvature) and "meat" `M` (for instance the
    /// outer products of per-observation scores, `sum_i s_i s_i^T`).
    public static func sandwich(
        bread: SmallMatrix, meat: SmallMatrix, fixed: SIMDMask<SIMD8<Int64>> = SIMDMask(repeating: false)
    ) throws(CovarianceError) -> SmallMatrix {
        precondition(bread.order == meat.order, "sandwich: bread of order \(bread.order), meat of order \(meat.order)")
        let inverseBread = try inverse(bread, fixed: fixed)
        var left = SmallMatrix(order: bread.order)
        for j in 0..<bread.order { left[column: j] = inverseBread.multiply(meat[column: j]) }
        var result = SmallMatrix(order: bread.order)
        for j in 0..<bread.order { result[column: j] = left.multiply(inverseBread[column: j]) }
        return result
    }

    /// `sqrt(diag(V))`, lanes `>= V.order` zero.
    public static func standardErrors(_ covariance: SmallMatrix) -> SIMD8<Double> {
        var result = SIMD8<Double>.zero
        for j in 0..<covariance.order { result[j] = covariance[j, j].squareRoot() }
        return result
    }

    /// The correlation matrix `V_ij / sqrt(V_ii V_jj)` (zero rows and columns where `V_jj = 0`).
    public static func correlation(_ covariance: SmallMatrix) -> SmallMatrix {
        let p = covariance.order
        var inverseSE = SIMD8<Double>.zero
        for j in 0..<p where covariance[j, j] > 0 { inverseSE[j] = 1 / covariance[j, j].squareRoot() }
        var result = SmallMatrix(order: p)
        for j in 0..<p { result[column: j] = covariance[column: j] * inverseSE * inverseSE[j] }
        return result
    }

    /// The parameter that dominates the eigenvector of the smallest eigenvalue of the free block of `scaled`.
    static func diagnose(
        _ scaled: SmallMatrix, free: SIMDMask<SIMD8<Int64>>, failedMinor: LinearAlgebraError?
    ) -> CovarianceError {
        let indices = (0..<scaled.order).filter { free[$0] }
        var block = Matrix(rows: indices.count, columns: indices.count)
        for (b, j) in indices.enumerated() {
            for (a, i) in indices.enumerated() { block[a, b] = scaled[i, j] }
        }
        if let decomposition = try? SymmetricEigenDecomposition(block), let smallest = decomposition.eigenvalues.first {
            var best = 0
            for a in indices.indices where abs(decomposition.eigenvectors[a, 0]) > abs(decomposition.eigenvectors[best, 0]) {
                best = a
            }
            return .notIdentified(parameter: indices[best], smallestEigenvalue: smallest)
        }
        if case .notPositiveDefinite(let minor)? = failedMinor, minor >= 1, minor <= scaled.order {
            return .notIdentified(parameter: minor - 1, smallestEigenvalue: .nan)
        }
        return .notIdentified(parameter: indices.first ?? 0, smallestEigenvalue: .nan)
    }
}
