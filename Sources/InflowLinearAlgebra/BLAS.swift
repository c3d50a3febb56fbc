import COpenBLAS

/// Thin, checked wrappers over the CBLAS routines Inflow uses.
///
/// Every wrapper checks dimensions with a precondition (a mismatch is a bug in the
/// caller) and then calls OpenBLAS once. Complexity is that of the routine: gemm is
/// 2mnk flops, gemv 2mn, syrk n(n+1)k, trsm mn^2, dot/axpy/nrm2 2n.
///
/// Reference: BLAS Technical Forum, *Basic Linear Algebra Subprograms Technical
/// Standard* (2001); OpenBLAS (Xianyi, Qian, Saar).
public enum BLAS {
    /// The number of threads OpenBLAS uses for level-3 routines.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
    }

    /// Sets the number of threads OpenBLAS uses. Results of level-3 routines do not
    /// depend on it beyond floating-point reassociation inside one GEMM.
    public static func setThreadCount(_ count: Int) {
        precondition(count >= 1, "OpenBLAS needs at least one thread")
        openblas_set_num_threads(Int32(count))
    }

    @inline(__always)
    static func cblasTranspose(_ t: Transpose) -> CBLAS_TRANSPOSE {
        t == .none ? CblasNoTrans : CblasTrans
    }

    /// General matrix product `C = alpha * op(A) * op(B) + beta * C` (dgemm).
    ///
    /// - Complexity: 2 m n k flops for op(A) m x k and op(B) k x n.
    public static func gemm(
        _ transposeA: Transpose = .none, _ a: Matrix,
        _ transposeB: Transpose = .none, _ b: Matrix,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) {
        gemm(transposeA, a.view(rows: 0..<a.rows, columns: 0..<a.columns),
             transposeB, b.view(rows: 0..<b.rows, columns: 0..<b.columns),
             alpha: alpha, beta: beta, into: &c)
    }

    /// General matrix product on views: `C = alpha * op(A) * op(B) + beta * C`.
    public static func gemm(
        _ transposeA: Transpose = .none, _ a: MatrixView,
        _ transposeB: Transpose = .none, _ b: MatrixView,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) {
        let m = transposeA == .none ? a.rows : a.columns
        let k = transposeA == .none ? a.columns : a.rows
        let kB = transposeB == .none ? b.rows : b.columns
        let n = transposeB == .none ? b.columns : b.rows
        precondition(k == kB, "gemm: inner dimensions differ (\(k) vs \(kB))")
        precondition(c.rows == m && c.columns == n, "gemm: C is \(c.rows)x\(c.columns), expected \(m)x\(n)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            scale(&c, by: beta)
            return
        }
        let ldc = Int32(Swift.max(c.rows, 1))
        a.withUnsafePointer { pa in
            b.withUnsafePointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dgemm(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                                Int32(m), Int32(n), Int32(k), alpha,
                                pa, Int32(a.leadingDimension), pb, Int32(b.leadingDimension),
                                beta, pc.baseAddress, ldc)
                }
            }
        }
    }

    /// General matrix product on raw column-major storage, `C = alpha * op(A) * op(B) + beta * C`,
    /// for workspaces that reuse one allocation across many products of different widths.
    ///
    /// `op(A)` is m x k, `op(B)` is k x n and C is m x n; each leading dimension must be at least the
    /// row count of the matrix as stored. The caller owns the memory and its bounds.
    /// - Complexity: 2 m n k flops.
    public static func gemm(
        _ transposeA: Transpose, _ a: UnsafePointer<Double>, leadingDimension lda: Int,
        _ transposeB: Transpose, _ b: UnsafePointer<Double>, leadingDimension ldb: Int,
        m: Int, n: Int, k: Int, alpha: Double = 1, beta: Double = 0,
        into c: UnsafeMutablePointer<Double>, leadingDimension ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "gemm: negative dimension")
        precondition(lda >= Swift.max(1, transposeA == .none ? m : k), "gemm: lda too small")
        precondition(ldb >= Swift.max(1, transposeB == .none ? k : n), "gemm: ldb too small")
        precondition(ldc >= Swift.max(1, m), "gemm: ldc too small")
        guard m > 0, n > 0 else { return }
        cblas_dgemm(CblasColMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Matrix-vector product `y = alpha * op(A) * x + beta * y` (dgemv). 2 m n flops.
    public static func gemv(
        _ transposeA: Transpose = .none, _ a: Matrix, _ x: [Double],
        alpha: Double = 1, beta: Double = 0, into y: inout [Double]
    ) {
        let outCount = transposeA == .none ? a.rows : a.columns
        let inCount = transposeA == .none ? a.columns : a.rows
        precondition(x.count == inCount, "gemv: x has \(x.count) storage, expected \(inCount)")
        precondition(y.count == outCount, "gemv: y has \(y.count) storage, expected \(outCount)")
        guard outCount > 0 else { return }
        if inCount == 0 {
            for i in y.indices { y[i] *= beta }
            return
        }
        a.storage.withUnsafeBufferPointer { pa in
            x.withUnsafeBufferPointer { px in
                y.withUnsafeMutableBufferPointer { py in
                    cblas_dgemv(CblasColMajor, cblasTranspose(transposeA), Int32(a.rows), Int32(a.columns),
                                alpha, pa.baseAddress, Int32(Swift.max(a.rows, 1)), px.baseAddress, 1,
                                beta, py.baseAddress, 1)
                }
            }
        }
    }

    /// Symmetric rank-k update `C = alpha * A^T A + beta * C` (dsyrk, upper triangle),
    /// with the lower triangle filled from the upper on return. n(n+1)k flops for A k x n.
    public static func syrkTransposed(_ a: Matrix, alpha: Double = 1, beta: Double = 0, into c: inout Matrix) {
        let n = a.columns
        let k = a.rows
        precondition(c.rows == n && c.columns == n, "syrk: C must be \(n)x\(n)")
        guard n > 0 else { return }
        if k > 0 {
            a.storage.withUnsafeBufferPointer { pa in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(k),
                                alpha, pa.baseAddress, Int32(Swift.max(k, 1)), beta, pc.baseAddress, Int32(n))
                }
            }
        } else {
            scale(&c, by: beta)
        }
        c.symmetrizeFromUpper()
    }

    /// Triangular solve with many right-hand sides `B = alpha * op(A)^-1 * B` (dtrsm, A on the left).
    /// - Parameters:
    ///   - a: the triangular matrix `A`, `m x m` (only the triangle named by `upper` is read).
    ///   - upper: whether `a` is upper (otherwise lower) triangular.
    ///   - transposeA: `op(A)`: `A` or its transpose.
    ///   - unitDiagonal: whether `A`'s diagonal is taken as ones (and not read).
    ///   - alpha: the scale of the right-hand sides.
    ///   - b: the right-hand sides `B`, `m x n`, overwritten by the solution.
    /// - Complexity: m^2 n flops for A m x m and B m x n.
    public static func trsm(
        _ a: Matrix, upper: Bool, transpose transposeA: Transpose = .none, unitDiagonal: Bool = false,
        alpha: Double = 1, solving b: inout Matrix
    ) {
        precondition(a.isSquare && a.rows == b.rows, "trsm: A must be square with as many rows as B")
        guard b.rows > 0, b.columns > 0 else { return }
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeMutableBufferPointer { pb in
                cblas_dtrsm(CblasColMajor, CblasLeft, upper ? CblasUpper : CblasLower,
                            cblasTranspose(transposeA), unitDiagonal ? CblasUnit : CblasNonUnit,
                            Int32(b.rows), Int32(b.columns), alpha, pa.baseAddress, Int32(a.rows),
                            pb.baseAddress, Int32(b.rows))
            }
        }
    }

    /// Dot product `x^T y` (ddot).
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: lengths differ (\(x.count) vs \(y.count))")
        guard !x.isEmpty else { return 0 }
        return x.withUnsafeBufferPointer { px in
            y.withUnsafeBufferPointer { py in
                cblas_ddot(Int32(x.count), px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }

    /// `y = alpha * x + y` (daxpy).
    public static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy: lengths differ (\(x.count) vs \(y.count))")
        guard !x.isEmpty else { return }
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                cblas_daxpy(Int32(x.count), alpha, px.baseAddress, 1, py.baseAddress, 1)
            }
        }
    }

    /// Euclidean norm `sqrt(sum x_i^2)` without overflow or underflow (dnrm2).
    public static func nrm2(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return 0 }
        return x.withUnsafeBufferPointer { cblas_dnrm2(Int32(x.count), $0.baseAddress, 1) }
    }

    static func scale(_ c: inout Matrix, by beta: Double) {
        if beta == 0 {
            for i in c.storage.indices { c.storage[i] = 0 }
        } else if beta != 1 {
            for i in c.storage.indices { c.storage[i] *= beta }
        }
    }
}

extension Matrix {
    /// Copies the upper triangle into the lower one.
    mutating func symmetrizeFromUpper() {
        let n = rows
        for j in 0..<n {
            for i in (j + 1)..<Swift.max(n, j + 1) { storage[i + j * n] = storage[j + i * n] }
        }
    }

    /// The matrix product `lhs * rhs` through dgemm.
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
        var c = Matrix(rows: lhs.rows, columns: rhs.columns)
        BLAS.gemm(.none, lhs, .none, rhs, into: &c)
        return c
    }

    /// The matrix-vector product `lhs * rhs` through dgemv.
    public static func * (lhs: Matrix, rhs: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: lhs.rows)
        BLAS.gemv(.none, lhs, rhs, into: &y)
        return y
    }
}
