/// The weighted interval score (WIS) of a quantile forecast, with its decomposition into dispersion,
/// underprediction and overprediction.
///
/// For the median `m` and K central intervals `[l_k, u_k]` leaving out `α_k` (Bracher et al. 2021, eq. 2),
///
///     WIS = 1/(K + 1/2) · ( w₀ |y − m| + Σ_k w_k IS_{α_k}(F, y) ),   w₀ = 1/2,  w_k = α_k/2,
///     IS_α = (u − l) + (2/α)(l − y) 1{y < l} + (2/α)(y − u) 1{y > u}.
///
/// It is proper, equals the mean quantile (pinball) score `2 (1{y ≤ q_τ} − τ)(q_τ − y)` over the 2K + 1
/// levels, and approaches the CRPS as the number of levels grows. It has the units of the observations.
///
/// The parts follow scoringutils' `wis(separate_results = TRUE)`, which treats the median as an interval of
/// width 0 with α = 1 (so `w₀ |y − m|` counts as underprediction when y > m and as overprediction when y < m):
///
///     dispersion      = 1/(K + w₀) · Σ_k (α_k/2)(u_k − l_k)
///     underprediction = 1/(K + w₀) · ( w₀ (y − m) 1{y > m} + Σ_k (y − u_k) 1{y > u_k} )
///     overprediction  = 1/(K + w₀) · ( w₀ (m − y) 1{y < m} + Σ_k (l_k − y) 1{y < l_k} )
///
/// and `total` is their sum, so the parts add up to the score exactly. With `countingMedianTwice` the median
/// gets weight w₀ = 1, as scoringutils' `count_median_twice = TRUE` (the median weighted like an interval).
///
/// - References:
///   - J. Bracher, E. L. Ray, T. Gneiting, N. G. Reich, "Evaluating epidemic forecasts in an interval format",
///     PLoS Computational Biology 17(2), e1008618, 2021.
///   - scoringutils (R), `wis`, `interval_score`, `quantile_to_interval`; N. I. Bosse, H. Gruson, A. Cori,
///     E. van Leeuwen, S. Funk, S. Abbott, "Evaluating forecasts with scoringutils in R", arXiv:2205.07090, 2022.
public struct WeightedIntervalScore: Sendable, Equatable {
    /// The spread of the forecast, whatever the observation: the weighted widths of the intervals.
    public var dispersion: Double
    /// The penalty for observations above the forecast: above the upper bounds, and above the median.
    public var underprediction: Double
    /// The penalty for observations below the forecast: below the lower bounds, and below the median.
    public var overprediction: Double

    /// The score, `dispersion + underprediction + overprediction`.
    public var total: Double { dispersion + underprediction + overprediction }

    /// A score from its parts (for example means of parts over many forecasts).
    public init(dispersion: Double, underprediction: Double, overprediction: Double) {
        self.dispersion = dispersion
        self.underprediction = underprediction
        self.overprediction = overprediction
    }

    /// Scores `forecast` against the observation `y`.
    ///
    /// - Parameters:
    ///   - forecast: the quantiles: the median and K central intervals.
    ///   - y: the observation.
    ///   - countingMedianTwice: weight the median's absolute error by 1 instead of 1/2 and divide by
    ///     K + 1 instead of K + 1/2 (scoringutils' `count_median_twice`; default `false`, as Bracher et al.).
    /// - Precondition: `y` is finite.
    /// - Complexity: O(K).
    public init(forecast: QuantileForecast, observation y: Double, countingMedianTwice: Bool = false) {
        precondition(y.isFinite, "the observation must be finite, got \(y)")
        let medianWeight = countingMedianTwice ? 1.0 : 0.5
        let m = forecast.median
        var dispersion = 0.0
        var underprediction = y > m ? medianWeight * (y - m) : 0
        var overprediction = y < m ? medianWeight * (m - y) : 0
        for interval in forecast.intervals {
            // (α/2) IS_α, term by term: (α/2)(u − l) + (l − y) 1{y < l} + (y − u) 1{y > u}.
            dispersion += interval.alpha / 2 * (interval.upper - interval.lower)
            if y < interval.lower { overprediction += interval.lower - y }
            if y > interval.upper { underprediction += y - interval.upper }
        }
        let normaliser = Double(forecast.intervals.count) + medianWeight
        self.init(
            dispersion: dispersion / normaliser,
            underprediction: underprediction / normaliser,
            overprediction: overprediction / normaliser)
    }
}
