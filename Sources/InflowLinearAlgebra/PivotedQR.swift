import COpenBLAS
import Foundation

/// A rank-revealing QR factorisation with column pivoting, `A P = Q R` (dgeqp3).
///
/// The numerical rank is the number of diagonal entries of `R` with
/// `|R_kk| > tolerance * |R_11|`. Column pivoting puts the columns in order of
/// decreasing remaining norm, so the first `rank` columns of `A P` span the column
/// space and the rest are (numerically) combinations of them.
///
/// - Complexity: about 4 m n^2 - 4 n^3 / 3 flops for A m x n.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., section 5.4.2;
/// Quintana-Ortí, Sun & Bischof, "A BLAS-3 version of the QR factorization with
/// column pivoting", SIAM J. Sci. Comput. 19 (1998).
public struct PivotedQR: Sendable {
    /// The compact factorisation as dgeqp3 returns it: `R` on and above the
    /// diagonal, Householder vectors below.
    public let factors: Matrix
    /// Householder scalars.
    public let tau: [Double]
    /// Column permutation: column `k` of `A P` is column `permutation[k]` of `A` (zero based).
    public let permutation: [Int]
    /// Numerical rank.
    public let rank: Int
    /// The relative tolerance used to decide the rank.
    public let rankTolerance: Double

    /// The default relative rank tolerance, `max(m, n) * eps`, LAPACK's choice in dgelsy's documentation.
    public static func defaultRankTolerance(rows: Int, columns: Int) -> Double {
        Double(Swift.max(rows, columns, 1)) * Double.ulpOfOne
    }

    /// Factorises `a`.
    /// - Parameters:
    ///   - a: the matrix, `m x n`, any shape.
    ///   - rankTolerance: relative tolerance for the rank (see the type's
    ///     description); `nil` uses ``defaultRankTolerance(rows:columns:)``.
    /// - Throws: ``LinearAlgebraError/nonFiniteInput(routine:)`` if `a` has NaN or infinity.
    public init(_ a: Matrix, rankTolerance: Double? = nil) throws(LinearAlgebraError) {
        guard a.isFinite else { throw .nonFiniteInput(routine: "dgeqp3") }
        let m = a.rows, n = a.columns
        var factors = a
        var jpvt = [Int32](repeating: 0, count: n)
        var tau = [Double](repeating: 0, count: Swift.min(m, n))
        if m > 0 && n > 0 {
            let info = factors.storage.withUnsafeMutableBufferPointer { pa in
                jpvt.withUnsafeMutableBufferPointer { pj in
                    tau.withUnsafeMutableBufferPointer { pt in
                        LAPACKE_dgeqp3(LAPACK_COL_MAJOR, Int32(m), Int32(n), pa.baseAddress, Int32(m),
                                       pj.baseAddress, pt.baseAddress)
                    }
                }
            }
            checkLAPACKArguments(info, routine: "dgeqp3")
        }
        let tolerance = rankTolerance ?? Self.defaultRankTolerance(rows: m, columns: n)
        let k = Swift.min(m, n)
        var rank = 0
        if k > 0 {
            let largest = abs(factors.storage[0])
            if largest > 0 {
                while rank < k && abs(factors.storage[rank + rank * m]) > tolerance * largest { rank += 1 }
            }
        }
        self.factors = factors
        self.tau = tau
        self.permutation = jpvt.map { Int($0) - 1 }
        self.rank = rank
        self.rankTolerance = tolerance
    }

    /// `Q^T b` for the columns of `b` (dormqr). 4 m n k flops - ish.
    public func applyQTransposed(_ b: Matrix) -> Matrix {
        precondition(b.rows == factors.rows, "Q^T b: b needs \(factors.rows) rows")
        var c = b
        guard !tau.isEmpty, b.columns > 0 else { return c }
        let info = factors.storage.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "T")),
                                   Int32(b.rows), Int32(b.columns), Int32(tau.count), pa.baseAddress,
                                   Int32(factors.rows), pt.baseAddress, pc.baseAddress, Int32(b.rows))
                }
            }
        }
        checkLAPACKArguments(info, routine: "dormqr")
        return c
    }

    /// The leading `rank` x `rank` block of `R`.
    public var leadingR: Matrix {
        var r = Matrix(rows: rank, columns: rank)
        for j in 0..<rank {
            for i in 0...j where j < rank { r.storage[i + j * rank] = factors.storage[i + j * factors.rows] }
        }
        return r
    }

    /// Estimate of the reciprocal 1-norm condition number of the leading `rank` x `rank`
    /// block of `R` (dtrcon): O(rank^2).
    public var reciprocalCondition: Double {
        guard rank > 0 else { return 0 }
        let r = leadingR
        var rcond = 0.0
        let info = r.storage.withUnsafeBufferPointer { pr in
            LAPACKE_dtrcon(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "1")), Int8(UInt8(ascii: "U")),
                           Int8(UInt8(ascii: "N")), Int32(rank), pr.baseAddress, Int32(rank), &rcond)
        }
        checkLAPACKArguments(info, routine: "dtrcon")
        return rcond
    }
}
