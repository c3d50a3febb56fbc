import COpenBLAS

/// The thin singular value decomposition `A = U diag(s) V^T` (dgesdd, divide and conquer).
///
/// For A m x n with k = min(m, n): U is m x k, s has k values in decreasing order,
/// V^T is k x n. - Complexity: O(m n k) flops.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 8.6.
public struct SingularValueDecomposition: Sendable {
    /// Left singular vectors (m x k).
    public let u: Matrix
    /// Singular values in decreasing order.
    public let singularValues: [Double]
    /// Right singular vectors, transposed (k x n).
    public let vTransposed: Matrix

    /// Decomposes `a`.
    /// - Throws: ``LinearAlgebraError/didNotConverge(routine:info:)`` if the iteration
    ///   fails, ``LinearAlgebraError/nonFiniteInput(routine:)`` on NaN or infinity.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        guard a.isFinite else { throw .nonFiniteInput(routine: "dgesdd") }
        let m = a.rows, n = a.columns, k = Swift.min(m, n)
        var work = a
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rows: m, columns: k)
        var vt = Matrix(rows: k, columns: n)
        if k > 0 {
            let info = work.storage.withUnsafeMutableBufferPointer { pa in
                s.withUnsafeMutableBufferPointer { ps in
                    u.storage.withUnsafeMutableBufferPointer { pu in
                        vt.storage.withUnsafeMutableBufferPointer { pv in
                            LAPACKE_dgesdd(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "S")), Int32(m), Int32(n),
                                           pa.baseAddress, Int32(m), ps.baseAddress, pu.baseAddress, Int32(m),
                                           pv.baseAddress, Int32(k))
                        }
                    }
                }
            }
            checkLAPACKArguments(info, routine: "dgesdd")
            if info > 0 { throw .didNotConverge(routine: "dgesdd", info: Int(info)) }
        }
        self.u = u
        self.singularValues = s
        self.vTransposed = vt
    }

    /// The 2-norm condition number `s_max / s_min` (infinity when `s_min = 0`).
    public var conditionNumber: Double {
        guard let first = singularValues.first, let last = singularValues.last else { return .nan }
        return last > 0 ? first / last : .infinity
    }

    /// Number of singular values above `tolerance * s_max`.
    public func rank(relativeTolerance tolerance: Double) -> Int {
        guard let first = singularValues.first, first > 0 else { return 0 }
        return singularValues.reduce(0) { $0 + ($1 > tolerance * first ? 1 : 0) }
    }
}
