import RealModule

/// The search behind the quantiles of discrete distributions.
enum DiscreteQuantileSearch {
    /// A Cornish–Fisher starting point `⌊μ + σ (z + γ (z² − 1)/6)⌋` for the p-quantile of a discrete
    /// distribution with mean μ, standard deviation σ and skewness γ, clamped to [lower, upper].
    static func start(
        probability p: Double, mean: Double, standardDeviation: Double, skewness: Double,
        lower: Int, upper: Int
    ) -> Int {
        let z = SpecialFunctions.normalQuantile(p)
        let guess = (mean + standardDeviation * (z + skewness * (z * z - 1) / 6)).rounded(.down)
        guard guess.isFinite else { return guess > 0 ? upper : lower }
        if guess <= Double(lower) { return lower }
        if guess >= Double(upper) { return upper }
        return Int(guess)
    }

    /// The smallest k in [lower, upper] with `cdf(k) ≥ p`, or `upper` when there is none.
    ///
    /// Galloping from `start` (steps 1, 2, 4, … until the bracket is found) and then bisection, so the cost
    /// is O(log |answer − start|) evaluations of the cdf whatever the quality of the start.
    static func smallest(
        atLeast p: Double, start: Int, lower: Int, upper: Int, cdf: (Int) -> Double
    ) -> Int {
        var k = Swift.min(Swift.max(start, lower), upper)
        // Invariant after the gallop: cdf(bad) < p ≤ cdf(good), bad < good (bad may be lower − 1).
        var good: Int
        var bad: Int
        if cdf(k) >= p {
            good = k
            var step = 1
            while true {
                if good - lower < step {
                    if good == lower || cdf(lower) >= p { return lower }
                    bad = lower
                    break
                }
                let candidate = good - step
                if cdf(candidate) >= p {
                    good = candidate
                    step = step &* 2
                } else {
                    bad = candidate
                    break
                }
            }
        } else {
            bad = k
            var step = 1
            while true {
                if upper - bad <= step {
                    if cdf(upper) < p { return upper }
                    good = upper
                    break
                }
                let candidate = bad + step
                if cdf(candidate) >= p {
                    good = candidate
                    break
                }
                bad = candidate
                step = step &* 2
            }
        }
        while good - bad > 1 {
            k = bad + (good - bad) / 2
            if cdf(k) >= p { good = k } else { bad = k }
        }
        return good
    }
}
