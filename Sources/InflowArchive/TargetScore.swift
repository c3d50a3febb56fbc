import InflowStatistics

/// One archived forecast scored against what was later published.
///
/// Exact truths get the weighted interval score (WIS, Bracher et al. 2021) with its three parts, the absolute
/// error of the median, coverage of the central 50, 90 and 95% intervals, a PIT value and the bias.
///
/// A bounded truth ("more than 3,100"; a partial day's count so far) is scored with the **censored WIS**: the
/// WIS of the forecast of `min(Y, B)` against `min(y, B) = B` for a lower bound B (of `max(Y, B)` against B for
/// an upper bound). Quantiles commute with non-decreasing maps, so the forecast's quantiles become
/// `min(q_τ, B)`. It is the quantile form of the threshold-weighted CRPS with weight `1{z ≤ B}` (Gneiting &
/// Ranjan 2011; Allen, Ginsbourger & Ziegel 2023), which is proper and needs only what the bound tells: it scores
/// the forecast on the part of the outcome space the figure resolves, and gives no credit or blame for what
/// lies beyond it. Its absolute error is `|min(m, B) − B|`. Coverage, PIT and bias need the value itself and are
/// left out for bounded truths.
///
/// - References:
///   - T. Gneiting, R. Ranjan, "Comparing density forecasts using threshold- and quantile-weighted scoring rules",
///     J. Business & Economic Statistics 29(3), 411–422, 2011.
///   - S. Allen, D. Ginsbourger, J. Ziegel, "Evaluating forecasts for high-impact events using transformed kernel
///     scores", SIAM/ASA J. Uncertainty Quantification 11(3), 906–940, 2023.
public struct TargetScore: Sendable {
    /// The levels of the central intervals whose coverage is reported.
    public static let coverageLevels = [0.5, 0.9, 0.95]

    /// The forecast's run, model, reference date and target.
    public var runID: String
    /// The hub `model_id` of the forecast.
    public var modelID: String
    /// The forecast's hub `reference_date`.
    public var referenceDate: String
    /// The forecast's hub `location`.
    public var location: String
    /// The forecast's hub `target`.
    public var target: String
    /// The forecast's hub `horizon`, in days.
    public var horizon: Int
    /// The forecast's hub `target_end_date`.
    public var targetEndDate: String
    /// What was published.
    public var observation: ObservedValue
    /// The forecast's median and its 90% interval (as archived).
    public var median: Double
    /// The forecast's central 90% interval (as archived).
    public var interval90: (lower: Double, upper: Double)
    /// The (censored, for a bound) weighted interval score and its parts.
    public var wis: WeightedIntervalScore
    /// Absolute error of the median (censored for a bound).
    public var absoluteError: Double
    /// Whether the truth fell in the central 50, 90 and 95% intervals (`nil` for a bound).
    public var covered: [Bool]?
    /// `(L + U) / 2`, with L the largest level whose quantile is below the truth (0 if none) and U the smallest
    /// level whose quantile is above it (1 if none): the truth's place in the forecast (`nil` for a bound).
    public var pit: Double?
    /// scoringutils' quantile bias in [−1, 1], positive when the forecast was too high (`nil` for a bound).
    public var bias: Double?

    /// Scores `forecast` against `observation`.
    /// - Complexity: O(K) for K quantile levels.
    public init(runID: String, modelID: String, referenceDate: String, location: String, target: String, horizon: Int,
                targetEndDate: String, forecast: QuantileForecast, observation: ObservedValue) throws {
        self.runID = runID
        self.modelID = modelID
        self.referenceDate = referenceDate
        self.location = location
        self.target = target
        self.horizon = horizon
        self.targetEndDate = targetEndDate
        self.observation = observation
        median = forecast.median
        let ninety = forecast.interval(nominalCoverage: 0.9)
        interval90 = (ninety?.lower ?? forecast.values.first!, ninety?.upper ?? forecast.values.last!)
        let y = observation.value
        switch observation.bound {
        case .exact:
            wis = WeightedIntervalScore(forecast: forecast, observation: y)
            absoluteError = forecast.absoluteError(observation: y)
            covered = try Self.coverageLevels.map { try forecast.covers(observation: y, nominalCoverage: $0) }
            pit = Self.pit(forecast, y)
            bias = forecast.bias(observation: y)
        case .atLeast, .atMost:
            let censored = try Self.censored(forecast, at: y, lower: observation.bound == .atLeast)
            wis = WeightedIntervalScore(forecast: censored, observation: y)
            absoluteError = censored.absoluteError(observation: y)
            covered = nil
            pit = nil
            bias = nil
        }
    }

    /// The forecast of `min(Y, bound)` (lower bound) or `max(Y, bound)` (upper bound): quantiles clamped at it.
    public static func censored(_ forecast: QuantileForecast, at bound: Double, lower: Bool) throws -> QuantileForecast {
        try QuantileForecast(levels: forecast.levels,
                             values: forecast.values.map { lower ? Swift.min($0, bound) : Swift.max($0, bound) })
    }

    /// The mid-PIT between the bracketing quantile levels.
    static func pit(_ forecast: QuantileForecast, _ y: Double) -> Double {
        var below = 0.0
        var above = 1.0
        for (level, value) in zip(forecast.levels, forecast.values) {
            if value < y { below = Swift.max(below, level) }
            if value > y { above = Swift.min(above, level) }
        }
        return (below + above) / 2
    }
}
