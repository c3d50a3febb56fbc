/// The scores of many forecasts averaged per forecast horizon and overall, as a backtest reports them:
/// for each group, the mean weighted interval score and the means of its three parts, the mean absolute
/// error of the median, the mean bias, the empirical coverage of the central intervals and, for sample
/// forecasts, the mean CRPS and the non-randomised PIT histogram (see `ScoreSummary.Scores`).
///
/// Means are plain arithmetic means over the forecasts of a group, each forecast weighing the same (as
/// scoringutils' `summarise_scores`); the WIS parts average separately, so they still add up to the mean WIS.
public struct ScoreSummary: Sendable, Equatable {
    /// The scores averaged over all forecasts.
    public let overall: Scores
    /// The scores averaged over the forecasts of each horizon.
    public let byHorizon: [Int: Scores]

    /// The horizons present, in increasing order.
    public var horizons: [Int] { byHorizon.keys.sorted() }

    /// Summarises forecasts scored already.
    ///
    /// - Parameters:
    ///   - scores: one entry per forecast, with its horizon (for example days ahead of the forecast date).
    ///   - pitBinCount: the number of bins J of the PIT histograms (used when every forecast has a PIT).
    /// - Throws: `ScoringError.noForecasts` for an empty input, `.mismatchedCoverageLevels` if the forecasts
    ///   were scored at different coverage levels.
    /// - Precondition: `pitBinCount ≥ 1`.
    /// - Complexity: O(n (L + J)) for n forecasts, L coverage levels and J bins, plus O(n log n) for grouping.
    public init(scores: [(horizon: Int, scores: ForecastScores)], pitBinCount: Int = 10) throws(ScoringError) {
        guard let first = scores.first else { throw .noForecasts }
        for entry in scores where entry.scores.coverageLevels != first.scores.coverageLevels {
            throw .mismatchedCoverageLevels
        }
        overall = try Scores(scores.map(\.scores), pitBinCount: pitBinCount)
        var groups: [Int: [ForecastScores]] = [:]
        for entry in scores {
            groups[entry.horizon, default: []].append(entry.scores)
        }
        var byHorizon: [Int: Scores] = [:]
        for (horizon, group) in groups {
            byHorizon[horizon] = try Scores(group, pitBinCount: pitBinCount)
        }
        self.byHorizon = byHorizon
    }

    /// Scores and summarises quantile forecasts (see `ForecastScores.init(forecast:observation:...)`).
    ///
    /// - Throws: `ScoringError.noForecasts`, or `.missingInterval` if a forecast lacks a coverage level's
    ///   interval.
    public init(
        forecasts: [(horizon: Int, forecast: QuantileForecast, observation: Double)],
        coverageLevels: [Double] = IntervalCoverage.standardLevels,
        countingMedianTwice: Bool = false
    ) throws(ScoringError) {
        var scores: [(horizon: Int, scores: ForecastScores)] = []
        scores.reserveCapacity(forecasts.count)
        for entry in forecasts {
            let forecastScores = try ForecastScores(
                forecast: entry.forecast, observation: entry.observation,
                coverageLevels: coverageLevels, countingMedianTwice: countingMedianTwice)
            scores.append((entry.horizon, forecastScores))
        }
        try self.init(scores: scores)
    }

    /// Scores and summarises sample forecasts of counts (see `ForecastScores.init(sample:observation:...)`),
    /// including the mean CRPS and the PIT histogram.
    ///
    /// - Throws: `ScoringError.noForecasts`, or an error of `quantileLevels`.
    /// - Precondition: `pitBinCount ≥ 1`.
    public init(
        samples: [(horizon: Int, sample: PredictiveSample, observation: Int)],
        quantileLevels: [Double] = Quantiles.forecastHubLevels,
        coverageLevels: [Double] = IntervalCoverage.standardLevels,
        pitBinCount: Int = 10,
        countingMedianTwice: Bool = false
    ) throws(ScoringError) {
        var scores: [(horizon: Int, scores: ForecastScores)] = []
        scores.reserveCapacity(samples.count)
        for entry in samples {
            let forecastScores = try ForecastScores(
                sample: entry.sample, observation: entry.observation, quantileLevels: quantileLevels,
                coverageLevels: coverageLevels, countingMedianTwice: countingMedianTwice)
            scores.append((entry.horizon, forecastScores))
        }
        try self.init(scores: scores, pitBinCount: pitBinCount)
    }
}
