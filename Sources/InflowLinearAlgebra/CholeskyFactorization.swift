import COpenBLAS
import Foundation

/// The Cholesky factorisation `A = L L^T` of a symmetric positive-definite matrix (dpotrf).
///
/// Solves take 2 n^2 flops per right-hand side (dpotrs); the factorisation n^3/3.
/// For p <= 8 prefer ``SmallCholesky``, which avoids the LAPACK call overhead.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 4.2.
public struct CholeskyFactorization: Sendable {
    /// The lower-triangular factor `L` (the strict upper triangle is zero).
    public let lower: Matrix

    /// Factorises the symmetric matrix `a` (only its lower triangle is read).
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(minor:)`` when `a` is not
    ///   positive definite, ``LinearAlgebraError/nonFiniteInput(routine:)`` on NaN.
    public init(_ a: Matrix) throws(LinearAlgebraError) {
        precondition(a.isSquare, "Cholesky needs a square matrix")
        guard a.isFinite else { throw .nonFiniteInput(routine: "dpotrf") }
        var factor = a
        let n = a.rows
        if n > 0 {
            let info = factor.storage.withUnsafeMutableBufferPointer {
                LAPACKE_dpotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), $0.baseAddress, Int32(n))
            }
            checkLAPACKArguments(info, routine: "dpotrf")
            if info > 0 { throw .notPositiveDefinite(minor: Int(info)) }
        }
        for j in 0..<n {
            for i in 0..<j { factor.storage[i + j * n] = 0 }
        }
        lower = factor
    }

    /// Order of the factorised matrix.
    public var order: Int { lower.rows }

    /// Solves `A X = B` for every column of `b`.
    public func solve(_ b: Matrix) -> Matrix {
        precondition(b.rows == order, "solve: B needs \(order) rows")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        let info = lower.storage.withUnsafeBufferPointer { pl in
            x.storage.withUnsafeMutableBufferPointer { px in
                LAPACKE_dpotrs(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(order), Int32(b.columns),
                               pl.baseAddress, Int32(order), px.baseAddress, Int32(order))
            }
        }
        checkLAPACKArguments(info, routine: "dpotrs")
        return x
    }

    /// Solves `A x = b`.
    public func solve(_ b: [Double]) -> [Double] {
        solve(Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
    }

    /// `A^-1` (dpotri), symmetric. n^3 flops.
    public func inverse() -> Matrix {
        var inverse = lower
        let n = order
        guard n > 0 else { return inverse }
        let info = inverse.storage.withUnsafeMutableBufferPointer {
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int32(n), $0.baseAddress, Int32(n))
        }
        checkLAPACKArguments(info, routine: "dpotri")
        // info > 0 cannot happen after a successful dpotrf (the diagonal of L is positive).
        for j in 0..<n {
            for i in 0..<j { inverse.storage[i + j * n] = inverse.storage[j + i * n] }
        }
        return inverse
    }

    /// `log det A = 2 sum log L_ii`.
    public var logDeterminant: Double {
        lower.diagonal.reduce(0) { $0 + 2 * log($1) }
    }
}
