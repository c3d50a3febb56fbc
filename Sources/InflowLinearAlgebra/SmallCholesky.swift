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
        // The 8 SIMD8 columns are 64 contiguous doubles: element (i, j) at i + 8 j. Scalar loops
        // over that storage avoid the per-element lane extraction of the SIMD subscript.
        let failedMinor = withUnsafeMutableBytes(of: &l.columns) { bytes in
            Self.factorInPlace(bytes.baseAddress!.assumingMemoryBound(to: Double.self), order: p)
        }
        guard failedMinor == 0 else { throw .notPositiveDefinite(minor: failedMinor) }
        lower = l
    }

    /// Whether the symmetric `a` (its lower triangle is read) is positive definite: whether ``init(_:)`` would
    /// succeed, without keeping the factor.
    @inlinable
    public static func isPositiveDefinite(_ a: SmallMatrix) -> Bool {
        var l = a
        return withUnsafeMutableBytes(of: &l.columns) { bytes in
            factorInPlace(bytes.baseAddress!.assumingMemoryBound(to: Double.self), order: a.order)
        } == 0
    }

    /// Solves `a x = b` for the symmetric positive-definite `a` (its lower triangle is read) in one pass over one
    /// copy of it: the factorisation and the substitutions of ``init(_:)`` and ``solve(_:)``, the same operations
    /// in the same order (so the same bits), without keeping the factor. `nil` when a pivot is not positive (or
    /// not finite). The solver's damped step, once per iteration, calls this.
    @inlinable
    public static func solve(_ a: SmallMatrix, _ b: SIMD8<Double>) -> SIMD8<Double>? {
        var l = a
        var x = b
        let p = a.order
        let solved = withUnsafeMutableBytes(of: &l.columns) { bytes -> Bool in
            let m = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
            guard factorInPlace(m, order: p) == 0 else { return false }
            withUnsafeMutableBytes(of: &x) { xBytes in
                substitute(UnsafePointer(m), order: p, xBytes.baseAddress!.assumingMemoryBound(to: Double.self))
            }
            return true
        }
        return solved ? x : nil
    }

    /// Overwrites the lower triangle of the column-major 8 x 8 storage `m` (element (i, j) at i + 8 j) with the
    /// Cholesky factor of its leading `p` x `p` block and zeroes the strict upper part; returns 0, or the order
    /// of the first minor that is not positive definite (the storage is then partly overwritten).
    @inlinable
    static func factorInPlace(_ m: UnsafeMutablePointer<Double>, order p: Int) -> Int {
        for j in 0..<p {
            var pivot = m[j &* 9]
            for k in 0..<j {
                let ljk = m[j &+ k &* 8]
                pivot -= ljk * ljk
            }
            guard pivot > 0, pivot.isFinite else { return j &+ 1 }
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
        return 0
    }

    /// Forward then back substitution with the factor in `m` (as ``factorInPlace(_:order:)`` leaves it),
    /// overwriting `v` (p values) with the solution. 2 p^2 flops.
    @inlinable
    static func substitute(_ m: UnsafePointer<Double>, order p: Int, _ v: UnsafeMutablePointer<Double>) {
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
                Self.substitute(m, order: p, xBytes.baseAddress!.assumingMemoryBound(to: Double.self))
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
