import InflowStatistics

/// Scores averaged over a group of targets (a run, a horizon, a target): mean WIS and parts, mean absolute
/// error, the fraction of exact truths inside each central interval, mean bias.
public struct ScoreAggregate: Sendable, Equatable {
    /// What the group is (`horizon 3`, a run id).
    public var label: String
    /// Targets scored, and how many of them against a bound (censored scores).
    public var count: Int
    /// Targets scored against a bound (censored scores).
    public var censoredCount: Int
    /// Mean (censored where the truth was a bound) WIS and parts.
    public var wis: WeightedIntervalScore
    /// Mean absolute error of the median.
    public var absoluteError: Double
    /// Coverage of the 50, 90 and 95% intervals over the exact truths (`nil` when there are none).
    public var coverage: [Double]?
    /// Mean bias over the exact truths.
    public var bias: Double?

    /// The aggregate of `scores`.
    /// - Complexity: O(n).
    public init(label: String, scores: [TargetScore]) {
        self.label = label
        count = scores.count
        censoredCount = scores.filter { $0.observation.bound != .exact }.count
        let n = Double(max(scores.count, 1))
        wis = WeightedIntervalScore(dispersion: scores.reduce(0) { $0 + $1.wis.dispersion } / n,
                                    underprediction: scores.reduce(0) { $0 + $1.wis.underprediction } / n,
                                    overprediction: scores.reduce(0) { $0 + $1.wis.overprediction } / n)
        absoluteError = scores.reduce(0) { $0 + $1.absoluteError } / n
        let exact = scores.compactMap(\.covered)
        coverage = exact.isEmpty ? nil : TargetScore.coverageLevels.indices.map { level in
            Double(exact.filter { $0[level] }.count) / Double(exact.count)
        }
        let biases = scores.compactMap(\.bias)
        bias = biases.isEmpty ? nil : biases.reduce(0, +) / Double(biases.count)
    }
}
