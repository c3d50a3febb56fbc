extension ScoreSummary {
    /// Scores averaged over a group of forecasts.
    public struct Scores: Sendable, Equatable {
        /// The number of forecasts n in the group.
        public let count: Int
        /// The mean weighted interval score, as the means of its three parts (which add up to the mean score).
        public let weightedIntervalScore: WeightedIntervalScore
        /// The mean absolute error of the median.
        public let absoluteError: Double
        /// The mean bias.
        public let bias: Double
        /// The empirical coverage of the central intervals.
        public let coverage: IntervalCoverage
        /// The mean CRPS, when every forecast of the group has one (sample forecasts); otherwise `nil`.
        public let crps: Double?
        /// The non-randomised PIT histogram, when every forecast of the group has a PIT; otherwise `nil`.
        public let pitHistogram: PITHistogram?

        /// Averages a non-empty group of scores computed at the same coverage levels.
        init(_ scores: [ForecastScores], pitBinCount: Int) throws(ScoringError) {
            precondition(!scores.isEmpty, "a group of scores is never empty")
            let n = Double(scores.count)
            var dispersion = 0.0
            var underprediction = 0.0
            var overprediction = 0.0
            var absoluteError = 0.0
            var bias = 0.0
            var crps: Double? = 0
            var histogram: PITHistogram? = PITHistogram(binCount: pitBinCount)
            var coverage = try IntervalCoverage(nominalLevels: scores[0].coverageLevels)
            for score in scores {
                dispersion += score.weightedIntervalScore.dispersion
                underprediction += score.weightedIntervalScore.underprediction
                overprediction += score.weightedIntervalScore.overprediction
                absoluteError += score.absoluteError
                bias += score.bias
                coverage.add(covered: score.covered)
                if let value = score.crps, let sum = crps { crps = sum + value } else { crps = nil }
                if let pit = score.pit { histogram?.add(pit) } else { histogram = nil }
            }
            count = scores.count
            weightedIntervalScore = WeightedIntervalScore(
                dispersion: dispersion / n, underprediction: underprediction / n, overprediction: overprediction / n)
            self.absoluteError = absoluteError / n
            self.bias = bias / n
            self.coverage = coverage
            self.crps = crps.map { $0 / n }
            pitHistogram = histogram
        }
    }
}
