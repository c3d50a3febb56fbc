import RealModule

/// Lower-tail sums of discrete probabilities, for the cdfs of distributions near their Poisson limit where the
/// incomplete beta function loses digits.
enum TailSum {
    /// `Σ_{j ≤ k} P(j)` from `log P(k)` and the ratios `P(j − 1)/P(j) = ratio(j)`, summed downwards from k.
    ///
    /// Meant for k below the mode, where the ratios are below 1 and the terms fall at least geometrically:
    /// the sum stops when a term is below 2⁻⁵⁴ of the running total or at j = 0. All terms are positive, and the
    /// relative error of term j, about (k − j) ε, is weighted by the term, so the sum has a few ulps of error.
    /// - Complexity: O(min(k, √mean · 9)) terms for a distribution concentrated around its mean.
    static func lower(from k: Int, logProbability: Double, ratio: (Int) -> Double) -> Double {
        var term = Double.exp(logProbability)
        var sum = term
        var j = k
        while j > 0 {
            term *= ratio(j)
            sum += term
            if term <= sum * 0x1p-54 { break }
            j -= 1
        }
        return Swift.min(1, sum)
    }
}
