import COpenBLAS

/// Eigenvalues and eigenvectors of a symmetric matrix, `A = V diag(lambda) V^T` (dsyevd).
///
/// - Complexity: O(n^3) flops.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 8.3.
public struct SymmetricEigenDecomposition: Sendable {
    /// Eigenvalues in ascending order.
    public let eigenvalues: [Double]
    /// Orthonormal eigenvectors as columns, in the order of ``eigenvalues``.
    public let eigenvectors: Matrix

    /// Decomposes the symmetric matrix `a` (only its lower triangle is read).
    /// - Throws: ``LinearAlgebraError/didNotConverge(routine:info:)`` or ``LinearAlgebraError/nonFiniteInput(routine:)``.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        precondition(a.isSquare, "symmetric eigendecomposition needs a square matrix")
        guard a.isFinite else { throw .nonFiniteInput(routine: "dsyevd") }
        let n = a.rows
        var vectors = a
        var values = [Double](repeating: 0, count: n)
        if n > 0 {
            let info = vectors.storage.withUnsafeMutableBufferPointer { pa in
                values.withUnsafeMutableBufferPointer { pw in
                    LAPACKE_dsyevd(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "L")), Int32(n),
                                   pa.baseAddress, Int32(n), pw.baseAddress)
                }
            }
            checkLAPACKArguments(info, routine: "dsyevd")
            if info > 0 { throw .didNotConverge(routine: "dsyevd", info: Int(info)) }
        }
        eigenvalues = values
        eigenvectors = vectors
    }
}
