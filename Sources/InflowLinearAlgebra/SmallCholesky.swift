import Foundation

/// The Cholesky factorisation `A = L L^T` of a ``SmallMatrix`` (order p <= 8), without LAPACK.
///
/// Column-oriented (left-looking) algorithm: column j of L is
/// `(A[:, j] - sum_{k<j} L[:, k] L[j, k]) / L[j, j]` with
/// `L[j, j] = sqrt(A[j, j] - sum_{k<j} L[j, k]^2)`, each column update a SIMD
/// multiply-add. About p^3/3 flops and no allocation: at p = 4 a factor-and-solve
/// costs tens of nanoseconds (see `Benchmarks/`), against about a microsecond for
/// dpotrf + dpotrs through LAPACKE.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., Algorithm 4.2.1.
public struct SmallCholesky: Sendable {
    /// The lower-triangular factor.
    public let lower: SmallMatrix

    /// Factorises the symmetric positive-definite `a` (its lower triangle is read).
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(minor:)`` when a pivot is not
    ///   positive (or not finite).
    @inlinable
    public init(_ a: SmallMatrix) throws(LinearAlgebraError) {
        var l = SmallMatrix(order: a.order)
        let lanes = SIMD8<Double>(0, 1, 2, 3, 4, 5, 6, 7)
        for j in 0..<a.order {
            var column = a[column: j]
            for k in 0..<j {
                let ljk = l[j, k]
                column -= l[column: k] * ljk
            }
            let pivot = column[j]
            guard pivot > 0, pivot.isFinite else { throw .notPositiveDefinite(minor: j + 1) }
            let diagonal = pivot.squareRoot()
            column /= diagonal
            // Keep the strict upper part zero.
            column.replace(with: 0, where: lanes .< SIMD8<Double>(repeating: Double(j)))
            l[column: j] = column
        }
        lower = l
    }

    /// Order p.
    @inlinable
    public var order: Int { lower.order }

    /// Solves `A x = b` (forward then back substitution), 2 p^2 flops.
    @inlinable
    public func solve(_ b: SIMD8<Double>) -> SIMD8<Double> {
        var y = b
        // L y = b, column oriented.
        var solved = SIMD8<Double>.zero
        for j in 0..<order {
            let yj = y[j] / lower[j, j]
            solved[j] = yj
            y -= lower[column: j] * yj
        }
        // L^T x = y: x_j = (y_j - L[:, j] . x) / L_jj, going up.
        var x = SIMD8<Double>.zero
        for j in stride(from: order - 1, through: 0, by: -1) {
            let dot = (lower[column: j] * x).sum()
            x[j] = (solved[j] - dot) / lower[j, j]
        }
        return x
    }

    /// `A^-1`, by solving for each unit vector. About p^3 flops.
    public func inverse() -> SmallMatrix {
        var result = SmallMatrix(order: order)
        for j in 0..<order {
            var unit = SIMD8<Double>.zero
            unit[j] = 1
            result[column: j] = solve(unit)
        }
        return result
    }

    /// `log det A = 2 sum_j log L_jj`.
    public var logDeterminant: Double {
        var total = 0.0
        for j in 0..<order { total += 2 * log(lower[j, j]) }
        return total
    }
}
