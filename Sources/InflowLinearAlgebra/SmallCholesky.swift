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
        var l = a
        let p = a.order
        var failedMinor = 0
        // The 8 SIMD8 columns are 64 contiguous doubles: element (i, j) at i + 8 j. Scalar loops
        // over that storage avoid the per-element lane extraction of the SIMD subscript.
        withUnsafeMutableBytes(of: &l.columns) { bytes in
            let m = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
            for j in 0..<p {
                var pivot = m[j &* 9]
                for k in 0..<j {
                    let ljk = m[j &+ k &* 8]
                    pivot -= ljk * ljk
                }
                guard pivot > 0, pivot.isFinite else {
                    failedMinor = j &+ 1
                    return
                }
                let diagonal = pivot.squareRoot()
                m[j &* 9] = diagonal
                let inverse = 1 / diagonal
                var i = j &+ 1
                while i < p {
                    var sum = m[i &+ j &* 8]
                    for k in 0..<j { sum -= m[i &+ k &* 8] * m[j &+ k &* 8] }
                    m[i &+ j &* 8] = sum * inverse
                    i &+= 1
                }
                // Keep the strict upper part zero.
                for row in 0..<j { m[row &+ j &* 8] = 0 }
            }
        }
        guard failedMinor == 0 else { throw .notPositiveDefinite(minor: failedMinor) }
        lower = l
    }

    /// Order p.
    @inlinable
    public var order: Int { lower.order }

    /// Solves `A x = b` (forward then back substitution), 2 p^2 flops.
    @inlinable
    public func solve(_ b: SIMD8<Double>) -> SIMD8<Double> {
        var x = b
        let p = order
        withUnsafePointer(to: lower.columns) { tuple in
            let m = UnsafeRawPointer(tuple).assumingMemoryBound(to: Double.self)
            withUnsafeMutableBytes(of: &x) { xBytes in
                let v = xBytes.baseAddress!.assumingMemoryBound(to: Double.self)
                // L y = b.
                for i in 0..<p {
                    var sum = v[i]
                    for k in 0..<i { sum -= m[i &+ k &* 8] * v[k] }
                    v[i] = sum / m[i &* 9]
                }
                // L^T x = y.
                var i = p &- 1
                while i >= 0 {
                    var sum = v[i]
                    var k = i &+ 1
                    while k < p {
                        sum -= m[k &+ i &* 8] * v[k]
                        k &+= 1
                    }
                    v[i] = sum / m[i &* 9]
                    i &-= 1
                }
            }
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
