/// Normal equations `X^T W_b X c_b = X^T W_b z_b` for many weight vectors that share one design X.
///
/// Iteratively reweighted least squares over B bootstrap replicates (or B series on
/// the same time grid) needs, at every iteration, `X^T W_b X` and `X^T W_b z_b` for
/// b = 1..B. Done one replicate at a time that is B separate O(n p^2) passes with
/// poor cache reuse. Here it is two matrix products:
///
/// * the pairwise column products `P[i, (j,k)] = X[i, j] X[i, k]` for j <= k form an
///   n x p(p+1)/2 matrix computed once per design, and
///   `G = P^T W` (p(p+1)/2 x B, W the n x B weight matrix) holds the packed upper
///   triangle of every `X^T W_b X`: one dgemm of n p(p+1) B flops;
/// * `R = X^T (W ∘ Z)` (p x B) holds every right-hand side: one dgemm of 2 n p B flops.
///
/// Each replicate's p x p system is then solved by ``SmallCholesky`` (p <= 8) or
/// ``CholeskyFactorization`` (larger p), p^3/3 flops each.
///
/// Reference: the GEMM formulation follows the "batched Gram matrix" idea used for
/// bootstrap GLMs; see `Guides/BatchedNormalEquations.md`.
public struct BatchedNormalEquations: Sendable {
    /// The shared n x p design.
    public let design: Matrix
    /// n x p(p+1)/2 pairwise column products, packed column by column of the upper triangle
    /// in the order (0,0), (0,1), (1,1), (0,2), (1,2), (2,2), ...
    public let pairwiseProducts: Matrix

    /// Prepares the pairwise products of `design`'s columns. O(n p^2) time and memory.
    public init(design: Matrix) {
        self.design = design
        let n = design.rows, p = design.columns
        var products = Matrix(rows: n, columns: p * (p + 1) / 2)
        var packed = 0
        for k in 0..<p {
            for j in 0...k {
                for i in 0..<n {
                    products.storage[i + packed * n] = design.storage[i + j * n] * design.storage[i + k * n]
                }
                packed += 1
            }
        }
        pairwiseProducts = products
    }

    /// Number of observations n.
    public var observationCount: Int { design.rows }
    /// Number of coefficients p.
    public var coefficientCount: Int { design.columns }

    /// Packed index of element (j, k), j <= k, of a symmetric p x p matrix.
    @inlinable
    public static func packedIndex(_ j: Int, _ k: Int) -> Int { k * (k + 1) / 2 + j }

    /// `G = P^T W`: column b is the packed upper triangle of `X^T W_b X`. One dgemm.
    /// - Parameter weights: n x B, column b the weights of replicate b.
    public func packedGramians(weights: Matrix) -> Matrix {
        precondition(weights.rows == observationCount, "weights need \(observationCount) rows")
        var gramians = Matrix(rows: pairwiseProducts.columns, columns: weights.columns)
        BLAS.gemm(.transpose, pairwiseProducts, .none, weights, into: &gramians)
        return gramians
    }

    /// `R = X^T (W ∘ Z)`: column b is `X^T W_b z_b`. One dgemm after an elementwise product.
    public func rightHandSides(weights: Matrix, responses: Matrix) -> Matrix {
        precondition(weights.rows == responses.rows && weights.columns == responses.columns,
                     "weights and responses must have the same shape")
        precondition(weights.rows == observationCount, "weights need \(observationCount) rows")
        var weighted = weights
        for index in weighted.storage.indices { weighted.storage[index] *= responses.storage[index] }
        var result = Matrix(rows: coefficientCount, columns: weights.columns)
        BLAS.gemm(.transpose, design, .none, weighted, into: &result)
        return result
    }

    /// Solves every replicate's weighted normal equations.
    /// - Returns: p x B coefficients; a replicate whose `X^T W_b X` is not positive
    ///   definite gets NaN coefficients and its index in `failed`.
    public func solve(weights: Matrix, responses: Matrix) -> (coefficients: Matrix, failed: [Int]) {
        precondition(weights.rows == responses.rows && weights.columns == responses.columns,
                     "weights and responses must have the same shape")
        var weighted = weights
        for index in weighted.storage.indices { weighted.storage[index] *= responses.storage[index] }
        return solve(weights: weights, weightedResponses: weighted)
    }

    /// Solves every replicate's normal equations given `W` and the products `W ∘ Z` (saves the
    /// elementwise pass when the caller forms both together, as IRLS does).
    public func solve(weights: Matrix, weightedResponses: Matrix) -> (coefficients: Matrix, failed: [Int]) {
        precondition(weights.rows == observationCount && weightedResponses.rows == observationCount
                     && weights.columns == weightedResponses.columns, "weights need \(observationCount) rows")
        let gramians = packedGramians(weights: weights)
        var rhs = Matrix(rows: coefficientCount, columns: weights.columns)
        BLAS.gemm(.transpose, design, .none, weightedResponses, into: &rhs)
        let p = coefficientCount
        let replicates = weights.columns
        var coefficients = Matrix(rows: p, columns: replicates)
        var failed: [Int] = []
        let packedCount = gramians.rows
        for b in 0..<replicates {
            let packed = gramians.storage[(b * packedCount)..<((b + 1) * packedCount)]
            let rightSide = rhs.storage[(b * p)..<((b + 1) * p)]
            if !Self.solveSymmetric(packed: packed, rightSide: rightSide, order: p, into: &coefficients, column: b) {
                failed.append(b)
                for k in 0..<p { coefficients.storage[k + b * p] = .nan }
            }
        }
        return (coefficients, failed)
    }

    /// Solves one replicate's system from its packed upper triangle: ``SmallCholesky`` for
    /// p <= 8 (no allocation), LAPACK above; writes column `column` of `solution` and returns
    /// `false` when the matrix is not positive definite.
    static func solveSymmetric(packed: ArraySlice<Double>, rightSide: ArraySlice<Double>, order p: Int,
                               into solution: inout Matrix, column: Int) -> Bool {
        let base = packed.startIndex, rhsBase = rightSide.startIndex
        if p <= SmallMatrix.maximumOrder {
            var a = SmallMatrix(order: p)
            var b = SIMD8<Double>.zero
            for k in 0..<p {
                for j in 0...k {
                    let value = packed[base + packedIndex(j, k)]
                    a[j, k] = value
                    a[k, j] = value
                }
                b[k] = rightSide[rhsBase + k]
            }
            guard let x = try? SmallCholesky(a).solve(b) else { return false }
            for k in 0..<p { solution.storage[k + column * p] = x[k] }
            return true
        }
        var a = Matrix(rows: p, columns: p)
        for k in 0..<p {
            for j in 0...k {
                let value = packed[base + packedIndex(j, k)]
                a[j, k] = value
                a[k, j] = value
            }
        }
        guard let x = try? CholeskyFactorization(a).solve(Array(rightSide)) else { return false }
        for k in 0..<p { solution.storage[k + column * p] = x[k] }
        return true
    }
}
