extension BatchedNormalEquations {
    /// The diagonals of `(X^T W_b X)^-1` for `columns` weight vectors: the unscaled variances of every
    /// replicate's coefficients (a GLM's `diag(summary(fit)$cov.unscaled)` in R).
    ///
    /// One dgemm forms the packed Gram matrices `P^T W` (n p(p+1) `columns` flops, as in
    /// ``solve(columns:weights:weightedResponses:workspace:into:solved:)``); each is then factored once by
    /// ``SmallCholesky`` (p <= 8; LAPACK above) and inverted column by column, about p^3 flops. Column b's p
    /// values go to `variances[b p ..< (b + 1) p]`; a Gram matrix that is not positive definite gives NaN.
    /// - Precondition: `columns <= workspace.capacity`; `weights` is n x `columns` with leading dimension n.
    public func inverseDiagonals(columns: Int, weights: UnsafePointer<Double>, workspace: inout Workspace,
                                 into variances: UnsafeMutablePointer<Double>) {
        precondition(columns <= workspace.capacity, "the workspace holds \(workspace.capacity) replicates")
        let n = observationCount, p = coefficientCount, packedCount = pairwiseProducts.columns
        guard columns > 0 else { return }
        pairwiseProducts.storage.withUnsafeBufferPointer { products in
            workspace.gramians.withUnsafeMutableBufferPointer { gram in
                BLAS.gemm(.transpose, products.baseAddress!, leadingDimension: n, .none, weights, leadingDimension: n,
                          m: packedCount, n: columns, k: n, into: gram.baseAddress!, leadingDimension: packedCount)
                var unit = [Double](repeating: 0, count: p), solution = [Double](repeating: 0, count: p)
                for b in 0..<columns {
                    let packed = UnsafePointer(gram.baseAddress! + b * packedCount)
                    if p <= SmallMatrix.maximumOrder {
                        var a = SmallMatrix(order: p)
                        for k in 0..<p { for j in 0...k { a[j, k] = packed[Self.packedIndex(j, k)]; a[k, j] = a[j, k] } }
                        let inverse = (try? SmallCholesky(a))?.inverse()
                        for j in 0..<p { variances[b * p + j] = inverse?[j, j] ?? .nan }
                        continue
                    }
                    for j in 0..<p {
                        unit[j] = 1
                        let ok = Self.solveSymmetric(packed: packed, rightSide: unit, order: p, into: &solution)
                        unit[j] = 0
                        variances[b * p + j] = ok ? solution[j] : .nan
                    }
                }
            }
        }
    }
}
