/// The basic solution of a weighted least-squares problem with at most ``maximumColumns`` columns, by Householder QR
/// with column pivoting in registers-sized loops: no LAPACK call, no heap allocation but the results.
///
/// The same problem and answer as ``LeastSquares/coefficients(design:response:weights:rankTolerance:refinementSteps:)``
/// without refinement: the weighted design's columns are scaled by the power of two nearest their norm, then
/// factorised as `A P = Q R` (Businger & Golub's pivoting: at step k the remaining column of largest norm below row k
/// comes first, the first of equals as LAPACK's `dgeqp3`; the norms are recomputed, not downdated, which costs
/// O(n p) per step and is exact for p this small). Reflectors follow LAPACK's `dlarfg`:
/// `H = I - tau v v^T`, `v_0 = 1`, `beta = -sign(alpha) ||x||`, `tau = (beta - alpha) / beta`. The numerical rank is
/// the number of leading `|R_kk| > tolerance |R_00|` (``PivotedQR``'s rule); the aliased columns get zero.
///
/// - Complexity: 2np^2 - 2p^3/3 flops for the factorisation, 4np for `Q^T y`, p^2 for the back-substitution, np^2
///   for the recomputed norms; two n x p buffers on the stack.
///
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., sections 5.1.2 (Householder vectors) and 5.4.2 (QR
/// with column pivoting); LAPACK `dlarfg`, `dgeqp3`.
enum SmallLeastSquares {
    /// The most columns this path takes; wider problems go through ``PivotedQR``.
    static let maximumColumns = 8

    /// The coefficients of `min_b || W^{1/2} (y - X b) ||`, or `nil` when the design has more than
    /// ``maximumColumns`` columns. Input is checked by the caller (finite, matching sizes, non-negative weights).
    static func coefficients(design: Matrix, response: [Double], weights: [Double]?, rankTolerance: Double?) -> [Double]? {
        solve(design: design, response: response, weights: weights, rankTolerance: rankTolerance,
              computesCovariance: false)?.coefficients
    }

    /// The coefficients, the rank, the aliased columns and, with `computesCovariance`, `(X^T W X)^-1` on the identified
    /// columns as `D^-1 P R11^-1 R11^-T P^T D^-1` (the triangular inverse by back-substitution, p^3/3 flops; zero rows
    /// and columns for aliased ones) and the exact 1-norm condition number `||R11||_1 ||R11^-1||_1` of the
    /// equilibrated design's identified columns. `nil` when the design has more than ``maximumColumns`` columns.
    static func solve(design: Matrix, response: [Double], weights: [Double]?, rankTolerance: Double?,
                      computesCovariance: Bool)
        -> (coefficients: [Double], rank: Int, aliasedColumns: [Int], unscaledCovariance: Matrix?, conditionNumber: Double)?
    {
        let n = design.rows, p = design.columns
        guard p <= maximumColumns else { return nil }
        var coefficients = [Double](repeating: 0, count: p)
        var rank = 0
        var order = SIMD8<Int>(0, 1, 2, 3, 4, 5, 6, 7)
        var covariance: Matrix? = computesCovariance ? Matrix(rows: p, columns: p) : nil
        var conditionNumber = Double.infinity
        guard n > 0, p > 0 else { return (coefficients, 0, Array(0..<p), covariance, conditionNumber) }
        let tolerance = rankTolerance ?? PivotedQR.defaultRankTolerance(rows: n, columns: p)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n * p + n) { buffer in
            let a = buffer.baseAddress!, b = a + n * p
            // Weighted design and response, columns scaled exactly by a power of two near their norm.
            var scales = SIMD8<Double>(repeating: 1)
            design.storage.withUnsafeBufferPointer { x in
                for i in 0..<n {
                    let root = weights.map { $0[i].squareRoot() } ?? 1
                    b[i] = response[i] * root
                    for j in 0..<p { a[i + j * n] = x[i + j * n] * root }
                }
            }
            for j in 0..<p {
                var squares = 0.0
                for i in 0..<n { squares += a[i + j * n] * a[i + j * n] }
                let norm = squares.squareRoot()
                scales[j] = norm > 0 && norm.isFinite ? Double(sign: .plus, exponent: norm.exponent, significand: 1) : 1
                for i in 0..<n { a[i + j * n] /= scales[j] }
            }
            // Householder QR with column pivoting, applied to b as it goes.
            let steps = min(n, p)
            for k in 0..<steps {
                var best = k, bestNorm = -1.0
                for j in k..<p {
                    var squares = 0.0
                    for i in k..<n { squares += a[i + j * n] * a[i + j * n] }
                    if squares > bestNorm { best = j; bestNorm = squares }
                }
                if best != k {
                    for i in 0..<n { swap(&a[i + k * n], &a[i + best * n]) }
                    let column = order[k]; order[k] = order[best]; order[best] = column
                }
                let alpha = a[k + k * n]
                var tailSquares = 0.0
                for i in (k + 1)..<n { tailSquares += a[i + k * n] * a[i + k * n] }
                guard tailSquares > 0 else { continue }
                let beta = -(alpha * alpha + tailSquares).squareRoot() * (alpha < 0 ? -1 : 1)
                let tau = (beta - alpha) / beta
                let scale = 1 / (alpha - beta)
                for i in (k + 1)..<n { a[i + k * n] *= scale }
                a[k + k * n] = beta
                for j in (k + 1)..<p {
                    var w = a[k + j * n]
                    for i in (k + 1)..<n { w += a[i + k * n] * a[i + j * n] }
                    w *= tau
                    a[k + j * n] -= w
                    for i in (k + 1)..<n { a[i + j * n] -= w * a[i + k * n] }
                }
                var w = b[k]
                for i in (k + 1)..<n { w += a[i + k * n] * b[i] }
                w *= tau
                b[k] -= w
                for i in (k + 1)..<n { b[i] -= w * a[i + k * n] }
            }
            let largest = abs(a[0])
            if largest > 0 {
                while rank < steps && abs(a[rank + rank * n]) > tolerance * largest { rank += 1 }
            }
            // Back-substitution on the leading rank x rank block of R.
            var solution = SIMD8<Double>()
            for k in stride(from: rank - 1, through: 0, by: -1) {
                var sum = b[k]
                for j in (k + 1)..<rank { sum -= a[k + j * n] * solution[j] }
                solution[k] = sum / a[k + k * n]
            }
            for k in 0..<rank { coefficients[order[k]] = solution[k] / scales[order[k]] }
            guard computesCovariance, rank > 0 else { return }
            // R11^-1 column by column (upper triangular), then R11^-1 R11^-T, unscaled and unpermuted.
            var inverse = [SIMD8<Double>](repeating: SIMD8(), count: rank)
            for column in 0..<rank {
                var x = SIMD8<Double>()
                for k in stride(from: column, through: 0, by: -1) {
                    var sum = k == column ? 1.0 : 0.0
                    for j in (k + 1)..<(column + 1) { sum -= a[k + j * n] * x[j] }
                    x[k] = sum / a[k + k * n]
                }
                inverse[column] = x
            }
            var normR = 0.0, normInverse = 0.0
            for column in 0..<rank {
                var columnR = 0.0, columnInverse = 0.0
                for k in 0...column { columnR += abs(a[k + column * n]); columnInverse += abs(inverse[column][k]) }
                normR = max(normR, columnR)
                normInverse = max(normInverse, columnInverse)
            }
            conditionNumber = normR * normInverse
            for u in 0..<rank {
                for v in 0..<rank {
                    var sum = 0.0
                    for k in max(u, v)..<rank { sum += inverse[k][u] * inverse[k][v] }
                    covariance![order[u], order[v]] = sum / (scales[order[u]] * scales[order[v]])
                }
            }
        }
        let aliased = (rank..<p).map { order[$0] }.sorted()
        return (coefficients, rank, aliased, covariance, conditionNumber)
    }
}
