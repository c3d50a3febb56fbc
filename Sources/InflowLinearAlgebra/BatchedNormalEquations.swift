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
        let replicates = weights.columns
        var workspace = Workspace(capacity: replicates, equations: self)
        var coefficients = Matrix(rows: coefficientCount, columns: replicates)
        var solved = [Bool](repeating: false, count: replicates)
        weights.storage.withUnsafeBufferPointer { w in
            weightedResponses.storage.withUnsafeBufferPointer { wz in
                coefficients.storage.withUnsafeMutableBufferPointer { c in
                    solved.withUnsafeMutableBufferPointer { flags in
                        solve(columns: replicates, weights: w.baseAddress!, weightedResponses: wz.baseAddress!,
                              workspace: &workspace, into: c.baseAddress!, solved: flags.baseAddress!)
                    }
                }
            }
        }
        return (coefficients, solved.indices.filter { !solved[$0] })
    }

    /// Forms and solves the normal equations of `columns` replicates held in raw column-major blocks.
    ///
    /// `weights` and `weightedResponses` are n x `columns` with leading dimension n; column b's
    /// solution goes to `coefficients[b p ..< (b + 1) p]` and `solved[b]` says whether its `X^T W_b X`
    /// was positive definite (NaN coefficients when not). Two dgemms, then `columns` Cholesky solves;
    /// no allocation for p <= 8. This is the form IRLS uses when each thread refits its own chunk of
    /// replicates with reused buffers.
    public func solve(columns: Int, weights: UnsafePointer<Double>, weightedResponses: UnsafePointer<Double>,
                      workspace: inout Workspace, into coefficients: UnsafeMutablePointer<Double>,
                      solved: UnsafeMutablePointer<Bool>) {
        precondition(columns <= workspace.capacity, "the workspace holds \(workspace.capacity) replicates")
        let n = observationCount, p = coefficientCount, packedCount = pairwiseProducts.columns
        guard columns > 0 else { return }
        pairwiseProducts.storage.withUnsafeBufferPointer { products in
            design.storage.withUnsafeBufferPointer { x in
                workspace.gramians.withUnsafeMutableBufferPointer { gram in
                    workspace.rightHandSides.withUnsafeMutableBufferPointer { rhs in
                        BLAS.gemm(.transpose, products.baseAddress!, leadingDimension: n,
                                  .none, weights, leadingDimension: n,
                                  m: packedCount, n: columns, k: n, into: gram.baseAddress!, leadingDimension: packedCount)
                        BLAS.gemm(.transpose, x.baseAddress!, leadingDimension: n,
                                  .none, weightedResponses, leadingDimension: n,
                                  m: p, n: columns, k: n, into: rhs.baseAddress!, leadingDimension: p)
                        for b in 0..<columns {
                            let ok = Self.solveSymmetric(packed: UnsafePointer(gram.baseAddress! + b * packedCount),
                                                         rightSide: UnsafePointer(rhs.baseAddress! + b * p),
                                                         order: p, into: coefficients + b * p)
                            solved[b] = ok
                            if !ok { for k in 0..<p { coefficients[b * p + k] = .nan } }
                        }
                    }
                }
            }
        }
    }

    /// Solves one replicate's system from its packed upper triangle: ``SmallCholesky`` for
    /// p <= 8 (no allocation), LAPACK above; writes the p solutions to `solution` and returns
    /// `false` when the matrix is not positive definite.
    static func solveSymmetric(packed: UnsafePointer<Double>, rightSide: UnsafePointer<Double>, order p: Int,
                               into solution: UnsafeMutablePointer<Double>) -> Bool {
        if p <= SmallMatrix.maximumOrder {
            // SmallCholesky reads the lower triangle: element (i, j), i >= j, is packed (j, i). The 8 SIMD8
            // columns are 64 contiguous doubles, written directly (no per-element column switch).
            var a = SmallMatrix(order: p)
            withUnsafeMutableBytes(of: &a.columns) { bytes in
                let m = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
                for j in 0..<p {
                    var i = j
                    while i < p {
                        m[i &+ 8 &* j] = packed[packedIndex(j, i)]
                        i &+= 1
                    }
                }
            }
            var b = SIMD8<Double>.zero
            withUnsafeMutableBytes(of: &b) { bytes in
                let v = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
                for k in 0..<p { v[k] = rightSide[k] }
            }
            guard let x = try? SmallCholesky(a).solve(b) else { return false }
            withUnsafeBytes(of: x) { bytes in
                let v = bytes.baseAddress!.assumingMemoryBound(to: Double.self)
                for k in 0..<p { solution[k] = v[k] }
            }
            return true
        }
        var a = Matrix(rows: p, columns: p)
        for k in 0..<p {
            for j in 0...k {
                let value = packed[packedIndex(j, k)]
                a[j, k] = value
                a[k, j] = value
            }
        }
        guard let x = try? CholeskyFactorization(a).solve(Array(UnsafeBufferPointer(start: rightSide, count: p))) else {
            return false
        }
        for k in 0..<p { solution[k] = x[k] }
        return true
    }
}
