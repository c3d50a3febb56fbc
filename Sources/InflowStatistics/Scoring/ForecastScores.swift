/// All the scores of one forecast against its observation: the weighted interval score and its parts, the
/// absolute error of the median, the bias, the coverage of central intervals and, for sample forecasts, the
/// CRPS and the non-randomised PIT. `ScoreSummary` averages them.
public struct ForecastScores: Sendable, Equatable {
    /// The weighted interval score and its decomposition (see `WeightedIntervalScore`).
    public let weightedIntervalScore: WeightedIntervalScore
    /// `|y − median|`.
    public let absoluteError: Double
    /// The bias in [−1, 1]: `QuantileForecast.bias` for quantile forecasts, the count version of
    /// `PredictiveSample.bias` for samples.
    public let bias: Double
    /// The nominal coverage levels of `covered`.
    public let coverageLevels: [Double]
    /// Per coverage level, whether the observation fell in the central interval of that level.
    public let covered: [Bool]
    /// The CRPS of the sample (`PredictiveSample.crps`); `nil` for a quantile forecast.
    public let crps: Double?
    /// The non-randomised PIT of the count (`PredictiveSample.pit`); `nil` for a quantile forecast.
    public let pit: CountPIT?

    /// Scores a quantile forecast: the WIS, the absolute error of the median, `QuantileForecast.bias` and the
    /// coverage at `coverageLevels`.
    ///
    /// - Throws: `ScoringError.missingInterval` if the forecast lacks a coverage level's interval,
    ///   `.coverageLevelOutOfRange`.
    /// - Precondition: `y` is finite.
    public init(
        forecast: QuantileForecast,
        observation y: Double,
        coverageLevels: [Double] = IntervalCoverage.standardLevels,
        countingMedianTwice: Bool = false
    ) throws(ScoringError) {
        var covered = [Bool]()
        for level in coverageLevels {
            covered.append(try forecast.covers(observation: y, nominalCoverage: level))
        }
        weightedIntervalScore = WeightedIntervalScore(
            forecast: forecast, observation: y, countingMedianTwice: countingMedianTwice)
        absoluteError = forecast.absoluteError(observation: y)
        bias = forecast.bias(observation: y)
        self.coverageLevels = coverageLevels
        self.covered = covered
        crps = nil
        pit = nil
    }

    /// Scores a sample forecast of a count: the CRPS, the count bias (`bias_sample`), the absolute error of the
    /// sample median and the PIT from the sample itself, and the WIS and the coverage from its type-7 quantiles
    /// at `quantileLevels` (which must include the intervals of `coverageLevels`).
    ///
    /// - Throws: `ScoringError` if `quantileLevels` do not form a valid quantile forecast or lack an interval.
    /// - Complexity: O(m + n log n) for m draws and n levels.
    public init(
        sample: PredictiveSample,
        observation y: Int,
        quantileLevels: [Double] = Quantiles.forecastHubLevels,
        coverageLevels: [Double] = IntervalCoverage.standardLevels,
        countingMedianTwice: Bool = false
    ) throws(ScoringError) {
        let observation = Double(y)
        let forecast = try sample.quantileForecast(levels: quantileLevels)
        var covered = [Bool]()
        for level in coverageLevels {
            covered.append(try forecast.covers(observation: observation, nominalCoverage: level))
        }
        weightedIntervalScore = WeightedIntervalScore(
            forecast: forecast, observation: observation, countingMedianTwice: countingMedianTwice)
        absoluteError = sample.absoluteError(observation: observation)
        bias = sample.bias(observation: y)
        self.coverageLevels = coverageLevels
        self.covered = covered
        crps = sample.crps(observation: observation)
        pit = sample.pit(observation: y)
    }
}
