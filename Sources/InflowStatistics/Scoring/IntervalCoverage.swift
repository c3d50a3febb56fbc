/// The empirical coverage of central prediction intervals over many forecasts: for each nominal level
/// (50%, 80%, 90%, 95% by default), the fraction of observations that fell in the closed central interval
/// of that level, `l ≤ y ≤ u`.
///
/// Calibrated forecasts have empirical coverage close to the nominal level; lower coverage means intervals
/// that are too narrow (or forecasts that are biased). A single forecast's coverage is
/// `QuantileForecast.covers(observation:nominalCoverage:)` (scoringutils' `interval_coverage`).
///
/// - Reference: J. Bracher, E. L. Ray, T. Gneiting, N. G. Reich, "Evaluating epidemic forecasts in an interval
///   format", PLoS Computational Biology 17(2), e1008618, 2021 (section "Coverage").
public struct IntervalCoverage: Sendable, Equatable {
    /// The nominal levels of the forecast hubs' usual intervals: 0.5, 0.8, 0.9, 0.95.
    public static let standardLevels: [Double] = [0.5, 0.8, 0.9, 0.95]

    /// The nominal coverage levels, each in (0, 1).
    public let nominalLevels: [Double]
    /// Per nominal level, the number of observations inside its interval.
    public private(set) var coveredCounts: [Int]
    /// The number of forecasts added.
    public private(set) var count: Int = 0

    /// An empty tally for the given nominal levels.
    ///
    /// - Throws: `ScoringError.coverageLevelOutOfRange` for a level outside (0, 1).
    public init(nominalLevels: [Double] = IntervalCoverage.standardLevels) throws(ScoringError) {
        for level in nominalLevels where !(level > 0 && level < 1) {
            throw .coverageLevelOutOfRange(level)
        }
        self.nominalLevels = nominalLevels
        coveredCounts = Array(repeating: 0, count: nominalLevels.count)
    }

    /// The coverage of many forecasts.
    ///
    /// - Throws: `ScoringError.coverageLevelOutOfRange`, or `.missingInterval` if a forecast lacks one of the
    ///   intervals.
    /// - Complexity: O(n L K) for n forecasts, L levels and K intervals per forecast.
    public init(
        _ forecasts: [(forecast: QuantileForecast, observation: Double)],
        nominalLevels: [Double] = IntervalCoverage.standardLevels
    ) throws(ScoringError) {
        try self.init(nominalLevels: nominalLevels)
        for (forecast, observation) in forecasts {
            try add(forecast: forecast, observation: observation)
        }
    }

    /// Adds one forecast and its observation; nothing is added if it throws.
    ///
    /// - Throws: `ScoringError.missingInterval` if the forecast lacks one of the intervals.
    public mutating func add(forecast: QuantileForecast, observation: Double) throws(ScoringError) {
        var covered = [Bool]()
        covered.reserveCapacity(nominalLevels.count)
        for level in nominalLevels {
            covered.append(try forecast.covers(observation: observation, nominalCoverage: level))
        }
        add(covered: covered)
    }

    /// Adds one forecast's coverage indicators, one per nominal level in the order of `nominalLevels`.
    ///
    /// - Precondition: `covered.count == nominalLevels.count`.
    public mutating func add(covered: [Bool]) {
        precondition(covered.count == nominalLevels.count,
                     "expected \(nominalLevels.count) coverage indicators, got \(covered.count)")
        for (index, inside) in covered.enumerated() where inside {
            coveredCounts[index] += 1
        }
        count += 1
    }

    /// Per nominal level, the fraction of observations inside the interval; NaN while no forecast has been added.
    public var fractions: [Double] {
        let n = Double(count)
        return coveredCounts.map { count == 0 ? .nan : Double($0) / n }
    }

    /// The empirical coverage at one of the `nominalLevels` (matched within `QuantileForecast.levelTolerance`),
    /// or `nil` if it is not one of them.
    public func fraction(nominalLevel: Double) -> Double? {
        guard let index = nominalLevels.firstIndex(where: {
            Swift.abs($0 - nominalLevel) <= QuantileForecast.levelTolerance
        }) else { return nil }
        return fractions[index]
    }
}
