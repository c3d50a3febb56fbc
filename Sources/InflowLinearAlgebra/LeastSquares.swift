import COpenBLAS
import Foundation

/// Linear least squares through a rank-revealing QR factorisation.
///
/// Solves `min_b || W^{1/2} (y - X b) ||_2`. The weighted design's columns are first
/// scaled by the power of two nearest their Euclidean norm (exact equilibration, which removes the ill-conditioning
/// that comes from units alone, e.g. the powers of x in a polynomial), then factorised
/// with ``PivotedQR``. With rank r the solution is the basic one: the r pivoted columns
/// are solved by back substitution on R11 and the aliased columns get zero.
///
/// The unscaled covariance `(X^T W X)^-1` of the identified columns is
/// `D^-1 P R11^-1 R11^-T P^T D^-1`, computed from the triangular inverse (dtrtri) and
/// never by forming or inverting `X^T W X`, so it keeps the accuracy of the QR route.
///
/// Iterative refinement (on by default) then removes most of the rounding error:
/// Björck's refinement of the augmented system `[I A; A^T 0] [r; x] = [y; 0]`, whose
/// residuals are computed with compensated (twice-working-precision) dot products and
/// whose corrections reuse the QR factors, converges whenever `kappa(A) * eps < 1`. It
/// removes the `kappa^2 * ||r||` term that limits plain QR on large-residual problems
/// (NIST Wampler5) and the `kappa * eps` limit on nearly singular ones (NIST Filip,
/// kappa = 5e9 after equilibration). The covariance is refined the same way, column by
/// column, with `(R^T R)^-1` as the preconditioner of `A^T A`.
///
/// - Complexity: O(n p^2) flops for an n x p design; refinement adds O(n p^2) more.
///
/// References: Björck, *Numerical Methods for Least Squares Problems* (SIAM 1996),
/// sections 1.3 and 2.7; NIST StRD linear regression datasets (tested against their
/// certified values in `InflowLinearAlgebraTests`).
public enum LeastSquares {
    /// Fits `y ~ X b` with optional non-negative `weights`.
    /// - Parameters:
    ///   - design: the n x p design matrix X.
    ///   - response: y, n values.
    ///   - weights: w, n non-negative values (`nil` for all ones).
    ///   - rankTolerance: relative tolerance on `|R_kk| / |R_11|` of the equilibrated
    ///     design; `nil` uses ``PivotedQR/defaultRankTolerance(rows:columns:)``.
    ///   - refinementSteps: steps of iterative refinement (0 turns it off; then a design of at most eight columns
    ///     is factorised without LAPACK, see ``coefficients(design:response:weights:rankTolerance:refinementSteps:)``,
    ///     and its condition number is computed exactly from the triangular inverse).
    /// - Throws: ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or infinite input.
    public static func solve(
        design: Matrix, response: [Double], weights: [Double]? = nil, rankTolerance: Double? = nil,
        refinementSteps: Int = defaultRefinementSteps
    ) throws(LinearAlgebraError) -> LeastSquaresSolution {
        let p = design.columns
        if refinementSteps == 0 {
            try checkInput(design: design, response: response, weights: weights)
            if let small = SmallLeastSquares.solve(design: design, response: response, weights: weights,
                                                   rankTolerance: rankTolerance, computesCovariance: true) {
                return solution(design: design, response: response, weights: weights, coefficients: small.coefficients,
                                rank: small.rank, aliasedColumns: small.aliasedColumns,
                                conditionNumber: small.conditionNumber, unscaledCovariance: small.unscaledCovariance!)
            }
        }
        let (qr, r11, a1, identified, columnNorms, coefficients) = try basicSolution(
            design: design, response: response, weights: weights, rankTolerance: rankTolerance, refinementSteps: refinementSteps)
        let rank = qr.rank

        // (X^T W X)^-1 on the identified columns: (A1^T A1)^-1 = R11^-1 R11^-T, refined.
        var covariance = Matrix(rows: p, columns: p)
        if rank > 0 {
            let inner = refinedInverseGram(a1: a1, r11: r11, steps: refinementSteps)
            for b in 0..<rank {
                let jb = identified[b]
                for a in 0..<rank {
                    let ja = identified[a]
                    covariance.storage[ja + jb * p] = inner.storage[a + b * rank] / (columnNorms[ja] * columnNorms[jb])
                }
            }
        }
        return solution(design: design, response: response, weights: weights, coefficients: coefficients, rank: rank,
                        aliasedColumns: qr.permutation[rank...].sorted(),
                        conditionNumber: rank > 0 ? 1 / qr.reciprocalCondition : .infinity, unscaledCovariance: covariance)
    }

    /// A solution with its residuals on the original scale and the weighted RSS, accumulated with compensation.
    static func solution(design: Matrix, response: [Double], weights: [Double]?, coefficients: [Double], rank: Int,
                         aliasedColumns: [Int], conditionNumber: Double, unscaledCovariance: Matrix) -> LeastSquaresSolution {
        let n = design.rows, p = design.columns

        // Residuals on the original scale and the weighted RSS, accumulated with compensation.
        var residuals = [Double](repeating: 0, count: n)
        var rss = CompensatedSum()
        for i in 0..<n {
            var sum = CompensatedSum()
            sum.add(response[i])
            for j in 0..<p where coefficients[j] != 0 { sum.addProduct(-design.storage[i + j * n], coefficients[j]) }
            residuals[i] = sum.value
            let w = weights?[i] ?? 1
            rss.addProduct(w * residuals[i], residuals[i])
        }
        let positiveWeights = weights?.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } ?? n
        return LeastSquaresSolution(
            coefficients: coefficients,
            residuals: residuals,
            residualSumOfSquares: rss.value,
            rank: rank,
            aliasedColumns: aliasedColumns,
            degreesOfFreedom: positiveWeights - rank,
            conditionNumber: conditionNumber,
            unscaledCovariance: unscaledCovariance
        )
    }
}

extension LeastSquares {
    /// Refinement steps used unless the caller says otherwise; two steps reach full
    /// double precision whenever `kappa * eps <= 1e-6` (each step gains that factor).
    public static let defaultRefinementSteps = 2

    /// Solves `R x = b` in place (R upper triangular).
    static func backSubstitute(_ r: Matrix, _ b: inout [Double]) {
        let k = r.rows
        guard k > 0 else { return }
        r.storage.withUnsafeBufferPointer { pr in
            b.withUnsafeMutableBufferPointer { pb in
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, Int32(k),
                            pr.baseAddress, Int32(k), pb.baseAddress, 1)
            }
        }
    }

    /// Solves `R^T x = b` in place.
    static func forwardSubstituteTransposed(_ r: Matrix, _ b: inout [Double]) {
        let k = r.rows
        guard k > 0 else { return }
        r.storage.withUnsafeBufferPointer { pr in
            b.withUnsafeMutableBufferPointer { pb in
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, Int32(k),
                            pr.baseAddress, Int32(k), pb.baseAddress, 1)
            }
        }
    }

    /// Applies `Q` (not transposed) to a vector.
    static func applyQ(_ qr: PivotedQR, _ v: [Double]) -> [Double] {
        var c = v
        let n = v.count
        guard !qr.tau.isEmpty else { return c }
        let info = qr.factors.storage.withUnsafeBufferPointer { pa in
            qr.tau.withUnsafeBufferPointer { pt in
                c.withUnsafeMutableBufferPointer { pc in
                    LAPACKE_dormqr(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), Int8(UInt8(ascii: "N")),
                                   Int32(n), 1, Int32(qr.tau.count), pa.baseAddress, Int32(qr.factors.rows),
                                   pt.baseAddress, pc.baseAddress, Int32(n))
                }
            }
        }
        checkLAPACKArguments(info, routine: "dormqr")
        return c
    }

    /// Björck's iterative refinement of `min ||y - A1 x||` through the augmented system.
    ///
    /// Each step computes `f = y - r - A1 x` and `g = -A1^T r` with compensated dot
    /// products, then solves `[I A1; A1^T 0] [dr; dx] = [f; g]` with the QR factors:
    /// `Q^T f = [f1; f2]`, `R^T h = g`, `dx = R^-1 (f1 - h)`, `dr = Q [h; f2]`.
    /// Reference: Björck, "Iterative refinement of linear least squares solutions I",
    /// BIT 7 (1967); Björck (1996), section 2.9.
    static func refinedSolution(
        a1: Matrix, qr: PivotedQR, r11: Matrix, response: [Double], initial: [Double], steps: Int
    ) -> [Double] {
        let n = a1.rows, k = a1.columns
        var x = initial
        var r = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = CompensatedSum()
            sum.add(response[i])
            for j in 0..<k { sum.addProduct(-a1.storage[i + j * n], x[j]) }
            r[i] = sum.value
        }
        for _ in 0..<steps {
            var f = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = CompensatedSum()
                sum.add(response[i])
                sum.add(-r[i])
                for j in 0..<k { sum.addProduct(-a1.storage[i + j * n], x[j]) }
                f[i] = sum.value
            }
            var g = [Double](repeating: 0, count: k)
            for j in 0..<k {
                var sum = CompensatedSum()
                for i in 0..<n { sum.addProduct(-a1.storage[i + j * n], r[i]) }
                g[j] = sum.value
            }
            let qtf = qr.applyQTransposed(Matrix(rows: n, columns: 1, columnMajor: f)).storage
            var h = g
            forwardSubstituteTransposed(r11, &h)
            var dx = (0..<k).map { qtf[$0] - h[$0] }
            backSubstitute(r11, &dx)
            var stacked = qtf
            for j in 0..<k { stacked[j] = h[j] }
            let dr = applyQ(qr, stacked)
            for j in 0..<k { x[j] += dx[j] }
            for i in 0..<n { r[i] += dr[i] }
        }
        return x
    }

    /// `(A1^T A1)^-1` from `R11^-1 R11^-T`, refined column by column:
    /// `z <- z + (R^T R)^-1 (e_j - A1^T (A1 z))` with the residual in compensated arithmetic.
    static func refinedInverseGram(a1: Matrix, r11: Matrix, steps: Int) -> Matrix {
        let n = a1.rows, k = a1.columns
        var inverse = Matrix(rows: k, columns: k)
        for column in 0..<k {
            var z = [Double](repeating: 0, count: k)
            z[column] = 1
            forwardSubstituteTransposed(r11, &z)
            backSubstitute(r11, &z)
            for _ in 0..<steps {
                // u = A1 z (kept as an unevaluated sum hi + lo), then e_j - A1^T u.
                var high = [Double](repeating: 0, count: n)
                var low = [Double](repeating: 0, count: n)
                for i in 0..<n {
                    var sum = CompensatedSum()
                    for j in 0..<k { sum.addProduct(a1.storage[i + j * n], z[j]) }
                    high[i] = sum.sum
                    low[i] = sum.compensation
                }
                var correction = [Double](repeating: 0, count: k)
                for j in 0..<k {
                    var sum = CompensatedSum()
                    if j == column { sum.add(1) }
                    for i in 0..<n {
                        sum.addProduct(-a1.storage[i + j * n], high[i])
                        sum.addProduct(-a1.storage[i + j * n], low[i])
                    }
                    correction[j] = sum.value
                }
                forwardSubstituteTransposed(r11, &correction)
                backSubstitute(r11, &correction)
                for j in 0..<k { z[j] += correction[j] }
            }
            inverse.setColumn(column, to: z)
        }
        return inverse
    }
}

extension LeastSquares {
    /// The coefficients of ``solve(design:response:weights:rankTolerance:refinementSteps:)`` alone: the same
    /// equilibration, pivoted QR, basic solution and refinement, without the residuals, the residual sum of squares
    /// and the covariance (whose refined inverse Gram matrix costs more than the solve). For iterations that use
    /// only the new coefficients, such as the solves of IRLS before its last.
    ///
    /// Without refinement (`refinementSteps: 0`) a design of at most eight columns is solved by a Householder QR
    /// with column pivoting in small loops, without LAPACK calls or temporary arrays (the same rank rule and basic
    /// solution; see `SmallLeastSquares` in the source): for 9 x 3 it costs about a microsecond instead of several.
    /// - Complexity: O(n p^2) flops for an n x p design, plus O(n p) per refinement step.
    /// - Throws: ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or infinite input.
    public static func coefficients(
        design: Matrix, response: [Double], weights: [Double]? = nil, rankTolerance: Double? = nil,
        refinementSteps: Int = defaultRefinementSteps
    ) throws(LinearAlgebraError) -> [Double] {
        if refinementSteps == 0 {
            try checkInput(design: design, response: response, weights: weights)
            if let small = SmallLeastSquares.coefficients(design: design, response: response, weights: weights,
                                                          rankTolerance: rankTolerance) {
                return small
            }
        }
        return try basicSolution(design: design, response: response, weights: weights, rankTolerance: rankTolerance,
                                 refinementSteps: refinementSteps).coefficients
    }

    /// Checks the sizes (preconditions), the weights' signs (precondition) and that every number is finite.
    /// - Throws: ``LinearAlgebraError/nonFiniteInput(routine:)`` for NaN or infinite input.
    static func checkInput(design: Matrix, response: [Double], weights: [Double]?) throws(LinearAlgebraError) {
        let n = design.rows
        precondition(response.count == n, "least squares: response has \(response.count) values, design has \(n) rows")
        if let weights {
            precondition(weights.count == n, "least squares: \(weights.count) weights for \(n) rows")
            precondition(weights.allSatisfy { $0 >= 0 }, "least squares: weights must be non-negative")
        }
        guard response.allSatisfy(\.isFinite), design.isFinite else { throw .nonFiniteInput(routine: "least squares") }
    }

    /// Equilibrates, factorises and solves: the shared first half of ``solve(design:response:weights:rankTolerance:refinementSteps:)``
    /// and ``coefficients(design:response:weights:rankTolerance:refinementSteps:)``.
    static func basicSolution(
        design: Matrix, response: [Double], weights: [Double]?, rankTolerance: Double?, refinementSteps: Int
    ) throws(LinearAlgebraError) -> (qr: PivotedQR, r11: Matrix, a1: Matrix, identified: [Int], columnNorms: [Double],
                                     coefficients: [Double]) {
        let n = design.rows, p = design.columns
        try checkInput(design: design, response: response, weights: weights)

        // Weighted, equilibrated design.
        let rootWeights = weights.map { $0.map { $0.squareRoot() } }
        var scaled = design
        var weightedResponse = response
        if let rootWeights {
            for i in 0..<n { weightedResponse[i] *= rootWeights[i] }
            for j in 0..<p {
                for i in 0..<n { scaled.storage[i + j * n] *= rootWeights[i] }
            }
        }
        var columnNorms = [Double](repeating: 1, count: p)
        for j in 0..<p {
            let norm = scaled.storage.withUnsafeBufferPointer { cblas_dnrm2(Int32(n), $0.baseAddress! + j * n, 1) }
            // A power of two nearest the norm: scaling by it is exact, so the
            // equilibrated problem is the original one, not a rounded neighbour.
            columnNorms[j] = norm > 0 && norm.isFinite ? Double(sign: .plus, exponent: norm.exponent, significand: 1) : 1
            for i in 0..<n { scaled.storage[i + j * n] /= columnNorms[j] }
        }

        let qr = try PivotedQR(scaled, rankTolerance: rankTolerance)
        let rank = qr.rank
        let qty = qr.applyQTransposed(Matrix(rows: n, columns: 1, columnMajor: weightedResponse))

        let r11 = qr.leadingR
        var c = Array(qty.storage[0..<rank])
        backSubstitute(r11, &c)
        let identified = Array(qr.permutation[0..<rank])
        // Columns of the identified, pivoted, scaled weighted design: A1[:, k] = scaled[:, identified[k]].
        let a1 = Matrix(columns: identified.map { Array(scaled.column($0)) })
        if refinementSteps > 0 && rank > 0 {
            c = refinedSolution(a1: a1, qr: qr, r11: r11, response: weightedResponse, initial: c, steps: refinementSteps)
        }
        var coefficients = [Double](repeating: 0, count: p)
        for k in 0..<rank {
            let j = identified[k]
            coefficients[j] = c[k] / columnNorms[j]
        }
        return (qr, r11, a1, identified, columnNorms, coefficients)
    }
}
