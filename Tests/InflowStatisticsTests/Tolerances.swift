/// Named tolerances of the InflowStatistics tests, each with the reason for its size. They were set from
/// the error analysis of the algorithms before the tests were run, and are not to be widened to make a test pass.
enum Tolerance {
    /// libm functions, AS 241 and closed forms against scipy or mpmath: both sides are correctly rounded to within
    /// a few ulps (2.2e-16 each), so 1e-14 leaves a margin of about 20 ulps.
    static let closedForm = 1e-14

    /// Digamma and trigamma: the recurrence and the reflection subtract terms up to ~20 times larger than the
    /// result, so a few tens of ulps.
    static let polygamma = 1e-13
    /// The vector kernels' log-gamma, digamma and trigamma (``VectorSpecialFunctionTests``): a few
    /// roundings of the shifted values, relative to `|value| + scale` (4.4e-16 is one ulp of 1).
    static let vectorPolygamma = 4e-15
    /// The vector log against libm, in ulps of the result: fdlibm's reduction and polynomial are below
    /// one ulp, and so is libm's log, so the two differ by at most one.
    static let vectorLogUlps = 1.0
    /// log Gamma(x + m) reaches about 13 for the shifted arguments x < 10: the absolute error scale.
    static let logGammaScale = 16.0
    /// log(z) at the shifted argument, about 2.3-3: the absolute error scale of digamma.
    static let digammaScale = 4.0
    /// The count-deviance kernel against the same sum with libm's log: each term differs by at most a
    /// few ulps of its logs' products (the vector log is within one ulp of libm's), so the sums agree to
    /// this fraction of the sum of the terms' magnitudes.
    static let devianceTerms = 1e-14

    /// Log-densities and log-probabilities, relative to max(1, |value|): sums of lgamma, Stirling-correction and
    /// deviance terms, each within a few ulps of its own size, which is at most the size of the result.
    static let logDensity = 1e-13

    /// Cdfs and regularized incomplete gamma and beta functions, relative: series and continued fractions of up to
    /// ~10√a terms (a ≤ 10⁶ here, 10⁴ terms) whose rounding errors add up like a random walk, √(10⁴)·ε ≈ 2e-14,
    /// against references good to ~1e-15 (Boost, Cephes, mpmath); 1e-12 leaves a factor 50.
    static let cdf = 1e-12

    /// Cdfs with a parameter ≥ 10⁸ (Poisson mean 10⁹, binomial n = 10⁸): up to ~10√a terms (3·10⁵ at a = 10⁹),
    /// whose rounding errors, if they all had one sign, would reach 3·10⁵ ε ≈ 7e-11.
    static let largeParameterCDF = 1e-10

    /// Continuous quantiles, relative: the cdf tolerance times the condition number F/(x f(x)) of the inversion,
    /// which is at most 1/min(shape) ≤ 10 at the levels tested.
    static let quantile = 1e-11

    /// F(F⁻¹(p)) = p, relative: the cdf's own error (`cdf`) plus the last-bit error of the quantile (the root
    /// finder stops within 4 ulps) amplified by x f(x)/F(x), at most ~10³ in the cases tested (the normal at
    /// 30σ, the gamma of shape 5000): 1e-12 + 4·10³·1.1e-16 ≈ 1.5e-12.
    static let roundTrip = 1e-11

    /// Type-7 sample quantiles against numpy, relative to the largest |value| of the sample: numpy computes the
    /// index as n p + (1 − p) − 1 and we as (n − 1) p, which can differ in the last bit and move the result by
    /// an ulp of the neighbouring order statistics.
    static let sampleQuantile = 1e-14

    /// Welford's running mean of n = 10⁴ values against a two-pass mean: each update rounds the mean by up to
    /// half an ulp, and these errors add like a random walk, √n · ε ≈ 1e-14; 1e-13 allows a factor 10.
    static let runningMean = 1e-13

    /// Goodness-of-fit tests with fixed seeds must have p-values above this. A correct sampler fails a given
    /// test with probability 1e-4 (the seeds are fixed, so once passing it always passes), while a wrong sampler
    /// with 20 000–50 000 draws gives p-values many orders of magnitude smaller.
    static let goodnessOfFitPValue = 1e-4

    /// Moment checks: |sample mean − mean| ≤ 5 standard errors (two-sided probability 6e-7 for a correct sampler).
    static let momentStandardErrors = 5.0
}

/// `|actual − expected| / |expected|`, with 0 for equal values (infinities included) and `|actual|` when
/// the expected value is 0.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 0 }
    if expected == 0 { return Swift.abs(actual) }
    return Swift.abs(actual - expected) / Swift.abs(expected)
}

/// `|actual − expected| / max(1, |expected|)`: relative for large values, absolute near 0 (log-densities).
func scaledError(_ actual: Double, _ expected: Double) -> Double {
    if actual == expected { return 0 }
    return Swift.abs(actual - expected) / Swift.max(1, Swift.abs(expected))
}
