import Foundation
import InflowReferenceFiles
import Testing
@testable import InflowStatistics

/// Tolerances of the scoring tests.
private enum ScoringTolerance {
    /// Against `Tests/Reference/Data/scoring/scores.json`, relative. The scores are sums of at most a few thousand terms of
    /// one sign (CRPS: m ≤ 1000 non-negative terms; WIS: ≤ 23 terms per part; summaries: means of 36 forecasts),
    /// each rounded to within an ulp on both sides, so they agree to ~1e-13; the reference side computes the WIS
    /// parts in another order (scoringutils' per-interval weighting, then a weighted mean) and the sample
    /// quantiles by NumPy's index formula, which can differ from ours in the last bit. 1e-9 is the agreement the
    /// task asks for and leaves four orders of magnitude to spare.
    static let reference = 1e-9

    /// Identities between two evaluations in double precision of sums of ≤ 10³ terms (CRPS energy form against
    /// the sorted form, WIS against the mean pinball loss): ~10³ ε ≈ 2e-13 at worst, relative to the scale.
    static let identity = 1e-12

    /// PIT histogram heights that are exactly 1/J in exact arithmetic: sums of ≤ 100 increments below 1.
    static let pitUniform = 1e-14
}

/// The values written by `Tests/Reference/Data/scoring/make_scores.py` into `Tests/Reference/Data/scoring/scores.json`.
private struct ScoringReference: Decodable, Sendable {
    struct WIS: Decodable, Sendable {
        var total: Double
        var dispersion: Double
        var underprediction: Double
        var overprediction: Double
    }

    struct QuantileCase: Decodable, Sendable {
        var name: String
        var levels: [Double]
        var values: [Double]
        var observation: Double
        var wis: WIS
        var wisMedianTwice: WIS
        var absoluteError: Double
        var bias: Double
        var coverageLevels: [Double]
        var covered: [Bool]
    }

    struct SampleCase: Decodable, Sendable {
        var name: String
        var sample: [Int]
        var observation: Int
        var crps: Double
        var bias: Double
        var continuousBias: Double
        var absoluteError: Double
        var pitLower: Double
        var pitUpper: Double
        var pitHistogram: [Double]
        var quantiles: [Double]
        var wis: WIS
        var quantileBias: Double
        var coverageLevels: [Double]
        var covered: [Bool]
    }

    struct Block: Decodable, Sendable {
        var count: Int
        var wis: WIS
        var absoluteError: Double
        var bias: Double
        var coverage: [Double]
        var crps: Double?
        var pitHistogram: [Double]?
    }

    struct HorizonBlock: Decodable, Sendable {
        var horizon: Int
        var scores: Block
    }

    struct SummaryReference: Decodable, Sendable {
        var overall: Block
        var byHorizon: [HorizonBlock]
    }

    struct SampleEntry: Decodable, Sendable {
        var horizon: Int
        var sample: [Int]
        var observation: Int
    }

    struct QuantileEntry: Decodable, Sendable {
        var horizon: Int
        var levels: [Double]
        var values: [Double]
        var observation: Double
    }

    struct Summary: Decodable, Sendable {
        var coverageLevels: [Double]
        var pitBins: Int
        var sampleEntries: [SampleEntry]
        var sampleSummary: SummaryReference
        var quantileEntries: [QuantileEntry]
        var quantileSummary: SummaryReference
    }

    var generator: String
    var quantileCases: [QuantileCase]
    var sampleCases: [SampleCase]
    var summary: Summary

    static let shared: ScoringReference = {
        guard let url = try? ReferenceFiles.url("scoring/scores.json") else {
            fatalError("Data/scoring/scores.json is missing from the reference bundle")
        }
        do {
            return try JSONDecoder().decode(ScoringReference.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot decode Data/scoring/scores.json: \(error)")
        }
    }()
}

private func expectClose(
    _ actual: Double, _ expected: Double, _ what: @autoclosure () -> String,
    tolerance: Double = ScoringTolerance.reference, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(relativeError(actual, expected) <= tolerance, "\(what()): \(actual), reference \(expected)",
            sourceLocation: sourceLocation)
}

private func expectClose(
    _ actual: WeightedIntervalScore, _ expected: ScoringReference.WIS, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(actual.total, expected.total, "\(what) WIS", sourceLocation: sourceLocation)
    expectClose(actual.dispersion, expected.dispersion, "\(what) dispersion", sourceLocation: sourceLocation)
    expectClose(actual.underprediction, expected.underprediction, "\(what) underprediction",
                sourceLocation: sourceLocation)
    expectClose(actual.overprediction, expected.overprediction, "\(what) overprediction",
                sourceLocation: sourceLocation)
}

private func expectClose(
    _ actual: [Double], _ expected: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(what): \(actual.count) values, reference \(expected.count)",
            sourceLocation: sourceLocation)
    for (index, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, "\(what)[\(index)]", sourceLocation: sourceLocation)
    }
}

/// The mean quantile (pinball) score `2 (1{y ≤ q} − τ)(q − y)` over the levels of a forecast.
private func meanQuantileScore(_ forecast: QuantileForecast, _ y: Double) -> Double {
    let sum = zip(forecast.levels, forecast.values).reduce(0.0) { sum, pair in
        let (tau, q) = pair
        return sum + 2 * ((y <= q ? 1 : 0) - tau) * (q - y)
    }
    return sum / Double(forecast.levels.count)
}

@Suite("Scoring rules")
struct ScoringTests {
    private let reference = ScoringReference.shared

    // MARK: - Reference values (scoringutils transcribed, scoringrules)

    @Test("WIS, its parts, absolute error, bias and coverage of quantile forecasts match scoringutils")
    func quantileReference() throws {
        #expect(reference.quantileCases.count >= 15)
        for item in reference.quantileCases {
            let forecast = try QuantileForecast(levels: item.levels, values: item.values)
            let y = item.observation
            let wis = WeightedIntervalScore(forecast: forecast, observation: y)
            expectClose(wis, item.wis, item.name)
            #expect(wis.total == wis.dispersion + wis.underprediction + wis.overprediction)
            expectClose(WeightedIntervalScore(forecast: forecast, observation: y, countingMedianTwice: true),
                        item.wisMedianTwice, "\(item.name) (median counted twice)")
            expectClose(forecast.absoluteError(observation: y), item.absoluteError, "\(item.name) absolute error")
            expectClose(forecast.bias(observation: y), item.bias, "\(item.name) bias")
            for (level, covered) in zip(item.coverageLevels, item.covered) {
                #expect(try forecast.covers(observation: y, nominalCoverage: level) == covered,
                        "\(item.name) coverage at \(level)")
            }
            for level in IntervalCoverage.standardLevels where !item.coverageLevels.contains(level) {
                #expect(throws: ScoringError.missingInterval(nominalCoverage: level)) {
                    try forecast.covers(observation: y, nominalCoverage: level)
                }
            }
        }
    }

    @Test("CRPS, bias, PIT and sample-quantile scores of count samples match scoringrules and scoringutils")
    func sampleReference() throws {
        #expect(reference.sampleCases.count >= 10)
        for item in reference.sampleCases {
            let sample = try PredictiveSample(counts: item.sample)
            let y = item.observation
            expectClose(sample.crps(observation: Double(y)), item.crps, "\(item.name) CRPS")
            expectClose(sample.bias(observation: y), item.bias, "\(item.name) bias")
            expectClose(sample.continuousBias(observation: Double(y)), item.continuousBias,
                        "\(item.name) continuous bias")
            expectClose(sample.absoluteError(observation: Double(y)), item.absoluteError,
                        "\(item.name) absolute error")
            let pit = sample.pit(observation: y)
            expectClose(pit.lower, item.pitLower, "\(item.name) F(y - 1)")
            expectClose(pit.upper, item.pitUpper, "\(item.name) F(y)")
            expectClose(PITHistogram([pit], binCount: item.pitHistogram.count).probabilities, item.pitHistogram,
                        "\(item.name) PIT histogram")
            let forecast = try sample.quantileForecast()
            expectClose(forecast.values, item.quantiles, "\(item.name) quantiles")
            expectClose(WeightedIntervalScore(forecast: forecast, observation: Double(y)), item.wis, item.name)
            expectClose(forecast.bias(observation: Double(y)), item.quantileBias, "\(item.name) quantile bias")
            for (level, covered) in zip(item.coverageLevels, item.covered) {
                #expect(try forecast.covers(observation: Double(y), nominalCoverage: level) == covered,
                        "\(item.name) coverage at \(level)")
            }
        }
    }

    private func check(
        _ scores: ScoreSummary.Scores, _ expected: ScoringReference.Block, _ what: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(scores.count == expected.count, "\(what) count", sourceLocation: sourceLocation)
        expectClose(scores.weightedIntervalScore, expected.wis, what, sourceLocation: sourceLocation)
        expectClose(scores.absoluteError, expected.absoluteError, "\(what) absolute error",
                    sourceLocation: sourceLocation)
        expectClose(scores.bias, expected.bias, "\(what) bias", sourceLocation: sourceLocation)
        expectClose(scores.coverage.fractions, expected.coverage, "\(what) coverage", sourceLocation: sourceLocation)
        #expect((scores.crps == nil) == (expected.crps == nil), "\(what) CRPS presence",
                sourceLocation: sourceLocation)
        if let crps = scores.crps, let expectedCRPS = expected.crps {
            expectClose(crps, expectedCRPS, "\(what) CRPS", sourceLocation: sourceLocation)
        }
        #expect((scores.pitHistogram == nil) == (expected.pitHistogram == nil), "\(what) PIT presence",
                sourceLocation: sourceLocation)
        if let histogram = scores.pitHistogram, let expectedHistogram = expected.pitHistogram {
            expectClose(histogram.probabilities, expectedHistogram, "\(what) PIT histogram",
                        sourceLocation: sourceLocation)
        }
    }

    @Test("summaries per horizon and overall match the reference means")
    func summaryReference() throws {
        let data = reference.summary
        let samples = try data.sampleEntries.map { entry in
            (horizon: entry.horizon, sample: try PredictiveSample(counts: entry.sample), observation: entry.observation)
        }
        let sampleSummary = try ScoreSummary(
            samples: samples, coverageLevels: data.coverageLevels, pitBinCount: data.pitBins)
        check(sampleSummary.overall, data.sampleSummary.overall, "samples overall")
        #expect(sampleSummary.horizons == data.sampleSummary.byHorizon.map(\.horizon))
        for block in data.sampleSummary.byHorizon {
            let scores = try #require(sampleSummary.byHorizon[block.horizon])
            check(scores, block.scores, "samples at horizon \(block.horizon)")
        }

        let forecasts = try data.quantileEntries.map { entry in
            (horizon: entry.horizon, forecast: try QuantileForecast(levels: entry.levels, values: entry.values),
             observation: entry.observation)
        }
        let quantileSummary = try ScoreSummary(forecasts: forecasts, coverageLevels: data.coverageLevels)
        check(quantileSummary.overall, data.quantileSummary.overall, "quantiles overall")
        #expect(quantileSummary.horizons == data.quantileSummary.byHorizon.map(\.horizon))
        for block in data.quantileSummary.byHorizon {
            let scores = try #require(quantileSummary.byHorizon[block.horizon])
            check(scores, block.scores, "quantiles at horizon \(block.horizon)")
        }
    }

    // MARK: - Closed forms and identities

    @Test("the CRPS of a one-draw sample is |x − y|")
    func crpsOnePoint() throws {
        for (x, y) in [(5.0, 11.0), (5.0, 5.0), (0.0, 3.0), (7.0, 2.0), (-1.5, 0.25), (1e6, 3.0)] {
            let sample = try PredictiveSample(values: [x])
            #expect(sample.crps(observation: y) == Swift.abs(x - y), "x = \(x), y = \(y)")
        }
    }

    @Test("the sorted-sample CRPS equals the energy form E|X − y| − E|X − X′|/2")
    func crpsEnergyForm() throws {
        var generator = Xoshiro256StarStar(seed: 20_260_115)
        for (size, mean) in [(2, 3.0), (17, 40.0), (200, 5.0), (1000, 300.0)] {
            let counts = try NegativeBinomial(mean: mean, dispersion: 4).sample(size, using: &generator)
            let sample = try PredictiveSample(counts: counts)
            let x = counts.map(Double.init)
            let m = Double(size)
            let pairs = x.reduce(0.0) { total, a in total + x.reduce(0.0) { $0 + Swift.abs(a - $1) } }
            for y in [0, Int(mean), Int(3 * mean) + 7] {
                let energy = x.reduce(0.0) { $0 + Swift.abs($1 - Double(y)) } / m - pairs / (2 * m * m)
                let scale = x.reduce(0.0) { $0 + Swift.abs($1 - Double(y)) } / m
                #expect(Swift.abs(sample.crps(observation: Double(y)) - energy) <= ScoringTolerance.identity * scale,
                        "m = \(size), y = \(y)")
            }
        }
    }

    @Test("the CRPS is zero only for a point sample at the observation, and the sample order does not matter")
    func crpsBasics() throws {
        #expect(try PredictiveSample(counts: [4, 4, 4]).crps(observation: 4) == 0)
        let a = try PredictiveSample(counts: [9, 1, 4, 4, 0])
        let b = try PredictiveSample(counts: [0, 1, 4, 4, 9])
        #expect(a == b)
        #expect(a.crps(observation: 3) == b.crps(observation: 3))
        #expect(a.crps(observation: 3) > 0)
        // Two draws {0, 2}, y = 1: E|X − y| = 1, E|X − X′| = 1, CRPS = 1/2.
        #expect(try PredictiveSample(counts: [0, 2]).crps(observation: 1) == 0.5)
    }

    @Test("the WIS of a forecast whose every quantile equals the observation is 0")
    func wisPerfect() throws {
        for y in [0.0, 7.0, 1234.0] {
            let forecast = try QuantileForecast(
                levels: Quantiles.forecastHubLevels, values: Array(repeating: y, count: 23))
            let wis = WeightedIntervalScore(forecast: forecast, observation: y)
            #expect(wis.total == 0 && wis.dispersion == 0 && wis.underprediction == 0 && wis.overprediction == 0)
            #expect(forecast.bias(observation: y) == 0)
        }
    }

    @Test("WIS by hand: one interval and the median")
    func wisByHand() throws {
        // 50% interval [4, 6], median 5. Inside at the median: (½·0 + ¼·2) / 1.5 = 1/3, all dispersion.
        let forecast = try QuantileForecast(levels: [0.25, 0.5, 0.75], values: [4, 5, 6])
        let inside = WeightedIntervalScore(forecast: forecast, observation: 5)
        #expect(inside.dispersion == 0.5 / 1.5 && inside.underprediction == 0 && inside.overprediction == 0)
        // y = 9: dispersion 0.5, underprediction ½·4 + (9 − 6) = 5, over 0; divided by 1.5.
        let above = WeightedIntervalScore(forecast: forecast, observation: 9)
        #expect(above.dispersion == 0.5 / 1.5 && above.underprediction == 5 / 1.5 && above.overprediction == 0)
        // y = 2: overprediction ½·3 + (4 − 2) = 3.5.
        let below = WeightedIntervalScore(forecast: forecast, observation: 2)
        #expect(below.overprediction == 3.5 / 1.5 && below.underprediction == 0)
        // Counting the median twice: (|9 − 5| + 0.5 + 3) / 2.
        #expect(WeightedIntervalScore(forecast: forecast, observation: 9, countingMedianTwice: true).total == 3.75)
        // The interval score itself, IS_0.5 = (6 − 4) + (2/0.5)(9 − 6) = 14.
        #expect(forecast.intervals == [CentralInterval(alpha: 0.5, lower: 4, upper: 6)])
        #expect(forecast.intervals[0].intervalScore(observation: 9) == 14)
    }

    @Test("the WIS equals Bracher et al.'s formula and the mean pinball loss over the levels")
    func wisIdentities() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        let distribution = try NegativeBinomial(mean: 60, dispersion: 3)
        for trial in 0..<50 {
            let draws = distribution.sample(300, using: &generator)
            let forecast = try PredictiveSample(counts: draws).quantileForecast()
            let y = Double(distribution.sample(using: &generator) + (trial % 3 == 0 ? 40 : 0))
            let wis = WeightedIntervalScore(forecast: forecast, observation: y)
            let k = Double(forecast.intervals.count)
            let bracher = (0.5 * Swift.abs(y - forecast.median)
                + forecast.intervals.reduce(0.0) { $0 + $1.alpha / 2 * $1.intervalScore(observation: y) }) / (k + 0.5)
            let scale = Swift.max(wis.total, 1)
            #expect(Swift.abs(wis.total - bracher) <= ScoringTolerance.identity * scale, "trial \(trial)")
            #expect(Swift.abs(wis.total - meanQuantileScore(forecast, y)) <= ScoringTolerance.identity * scale,
                    "trial \(trial)")
            #expect(wis.total == wis.dispersion + wis.underprediction + wis.overprediction)
            #expect(wis.underprediction == 0 || wis.overprediction == 0)
        }
    }

    @Test("quantile bias at the extremes, at the median and at tied quantiles")
    func quantileBias() throws {
        let forecast = try QuantileForecast(levels: [0.1, 0.25, 0.5, 0.75, 0.9], values: [1, 3, 3, 3, 8])
        #expect(forecast.bias(observation: 0) == 1)
        #expect(forecast.bias(observation: 9) == -1)
        #expect(forecast.bias(observation: 3) == 0)
        #expect(forecast.bias(observation: 2) == 1 - 2 * 0.1)
        #expect(forecast.bias(observation: 1) == 1 - 2 * 0.1)
        #expect(forecast.bias(observation: 5) == 1 - 2 * 0.9)
        #expect(forecast.bias(observation: 8) == 1 - 2 * 0.9)
    }

    @Test("sample bias of counts: ±1 outside the draws, 0 at a symmetric centre")
    func sampleBias() throws {
        let sample = try PredictiveSample(counts: [2, 3, 3, 4])
        #expect(sample.bias(observation: 0) == 1)
        #expect(sample.bias(observation: 1) == 1)
        #expect(sample.bias(observation: 5) == -1)
        #expect(sample.bias(observation: 3) == 0)  // 1 − (3/4 + 1/4)
        #expect(sample.continuousBias(observation: 3) == -0.5)
    }

    @Test("absolute error of the median")
    func absoluteError() throws {
        let forecast = try QuantileForecast(levels: [0.05, 0.5, 0.95], values: [1, 6, 20])
        #expect(forecast.absoluteError(observation: 2) == 4)
        let sample = try PredictiveSample(counts: [1, 9, 3, 5])
        #expect(sample.median == 4)
        #expect(sample.absoluteError(observation: 10) == 6)
    }

    // MARK: - Coverage

    @Test("interval coverage of one forecast and over many")
    func coverage() throws {
        let forecast = try QuantileForecast(
            levels: Quantiles.forecastHubLevels, values: (0..<23).map { Double($0) * 2 })
        // 50% interval: levels 0.25 and 0.75, indices 6 and 16: [12, 32]; 90%: [4, 40].
        #expect(try forecast.covers(observation: 12, nominalCoverage: 0.5))
        #expect(try forecast.covers(observation: 32, nominalCoverage: 0.5))
        #expect(try !forecast.covers(observation: 33, nominalCoverage: 0.5))
        #expect(try forecast.covers(observation: 33, nominalCoverage: 0.9))
        #expect(forecast.interval(nominalCoverage: 0.98) == CentralInterval(alpha: 0.02, lower: 0, upper: 44))
        #expect(forecast.interval(nominalCoverage: 0.7) == CentralInterval(alpha: 0.3, lower: 8, upper: 36))
        #expect(forecast.interval(nominalCoverage: 0.75) == nil)
        #expect(throws: ScoringError.coverageLevelOutOfRange(90)) {
            try forecast.covers(observation: 1, nominalCoverage: 90)
        }

        let observations: [Double] = [22, 12, 33, 41, 50, 3, 20, 44]
        let coverage = try IntervalCoverage(observations.map { (forecast: forecast, observation: $0) })
        #expect(coverage.count == 8)
        // In [12, 32]: 22, 12, 20 → 3; in [6, 38] (80%): 22, 12, 33, 20 → 4; in [4, 40]: 4;
        // in [2, 42]: also 41 and 3 → 6.
        #expect(coverage.coveredCounts == [3, 4, 4, 6])
        #expect(coverage.fractions == [0.375, 0.5, 0.5, 0.75])
        #expect(coverage.fraction(nominalLevel: 0.95) == 0.75)
        #expect(coverage.fraction(nominalLevel: 0.6) == nil)
        #expect(try IntervalCoverage().fractions.allSatisfy(\.isNaN))

        var partial = try IntervalCoverage(nominalLevels: [0.5, 0.95])
        let narrow = try QuantileForecast(levels: [0.25, 0.5, 0.75], values: [1, 2, 3])
        #expect(throws: ScoringError.missingInterval(nominalCoverage: 0.95)) {
            try partial.add(forecast: narrow, observation: 2)
        }
        #expect(partial.count == 0 && partial.coveredCounts == [0, 0])
    }

    // MARK: - PIT

    @Test("the non-randomised PIT value follows Czado et al.'s piecewise definition")
    func pitValue() throws {
        let pit = CountPIT(lower: 0.2, upper: 0.6)
        #expect(pit.cdf(0) == 0 && pit.cdf(0.2) == 0 && pit.cdf(0.1) == 0)
        #expect(Swift.abs(pit.cdf(0.4) - 0.5) <= 1e-15)
        #expect(pit.cdf(0.6) == 1 && pit.cdf(0.9) == 1 && pit.cdf(1) == 1)
        // A point mass (no predictive mass at y): the step sits just above F(y); at 1 the mass is kept.
        let point = CountPIT(lower: 0.5, upper: 0.5)
        #expect(point.cdf(0.5) == 0 && point.cdf(0.50001) == 1)
        #expect(CountPIT(lower: 1, upper: 1).cdf(1) == 1)
        // From a distribution.
        let poisson = try Poisson(mean: 3)
        let atZero = CountPIT(distribution: poisson, observation: 0)
        #expect(atZero.lower == 0 && atZero.upper == poisson.cdf(0))
        let atFour = CountPIT(distribution: poisson, observation: 4)
        #expect(atFour.lower == poisson.cdf(3) && atFour.upper == poisson.cdf(4))
    }

    @Test("the PIT histogram is exactly uniform when the observations follow the forecast")
    func pitUniform() throws {
        // Observations running through the draws of the sample are distributed as its empirical cdf, so the
        // non-randomised PIT is exactly uniform (Czado et al. 2009, section 2.1), whatever the ties.
        for draws in [[0, 0, 1, 2, 2, 2, 5, 9], [3], [0, 0, 0, 0, 1], Array(0..<10) + Array(repeating: 4, count: 7)] {
            let sample = try PredictiveSample(counts: draws)
            for bins in [1, 3, 5, 10, 20] {
                let histogram = PITHistogram(draws.map { sample.pit(observation: $0) }, binCount: bins)
                #expect(histogram.count == draws.count)
                for height in histogram.probabilities {
                    #expect(Swift.abs(height - 1 / Double(bins)) <= ScoringTolerance.pitUniform,
                            "\(draws), \(bins) bins: \(histogram.probabilities)")
                }
                for density in histogram.densities {
                    #expect(Swift.abs(density - 1) <= ScoringTolerance.pitUniform * Double(bins))
                }
            }
        }
    }

    @Test("the PIT histogram keeps the mass of observations beyond every draw")
    func pitExtremes() throws {
        let sample = try PredictiveSample(counts: [3, 4, 5, 6])
        let histogram = PITHistogram([sample.pit(observation: 10), sample.pit(observation: 0)], binCount: 4)
        #expect(histogram.probabilities == [0.5, 0, 0, 0.5])
        #expect(PITHistogram(binCount: 3).probabilities == [0, 0, 0])
    }

    // MARK: - Validation

    @Test("quantile forecasts are validated with precise errors")
    func validation() throws {
        #expect(throws: ScoringError.emptyForecast) { try QuantileForecast(levels: [], values: []) }
        #expect(throws: ScoringError.countMismatch(levels: 3, values: 2)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.75], values: [1, 2])
        }
        #expect(throws: ScoringError.levelOutOfRange(0)) {
            try QuantileForecast(levels: [0, 0.5, 1], values: [1, 2, 3])
        }
        #expect(throws: ScoringError.levelOutOfRange(.infinity)) {
            try QuantileForecast(levels: [0.5, .infinity], values: [1, 2])
        }
        #expect(throws: ScoringError.duplicateLevel(0.5)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.5, 0.75], values: [1, 2, 2, 3])
        }
        #expect(throws: ScoringError.missingMedian) {
            try QuantileForecast(levels: [0.25, 0.75], values: [1, 3])
        }
        #expect(throws: ScoringError.unpairedLevel(0.1)) {
            try QuantileForecast(levels: [0.1, 0.25, 0.5, 0.75], values: [0, 1, 2, 3])
        }
        #expect(throws: ScoringError.unpairedLevel(0.8)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.75, 0.8], values: [1, 2, 3, 4])
        }
        #expect(throws: ScoringError.unpairedLevel(0.25)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.7], values: [1, 2, 3])
        }
        #expect(throws: ScoringError.decreasingValues(level: 0.75)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.75], values: [1, 3, 2])
        }
        #expect(throws: ScoringError.nonFiniteValue(level: 0.25)) {
            try QuantileForecast(levels: [0.25, 0.5, 0.75], values: [.nan, 3, 4])
        }
        #expect(throws: ScoringError.emptySample) { try PredictiveSample(counts: []) }
        #expect(throws: ScoringError.nonFiniteSample) { try PredictiveSample(values: [1, .infinity]) }
        #expect(throws: ScoringError.noForecasts) {
            try ScoreSummary(forecasts: [])
        }
        // Levels in any order are sorted with their values; 1 − 0.975 pairs with 0.025 within the tolerance.
        let shuffled = try QuantileForecast(levels: [0.975, 0.5, 0.025], values: [9, 5, 1])
        #expect(shuffled.levels == [0.025, 0.5, 0.975] && shuffled.values == [1, 5, 9] && shuffled.median == 5)
        let median = try QuantileForecast(levels: [0.5], values: [4])
        #expect(median.intervals.isEmpty)
        #expect(WeightedIntervalScore(forecast: median, observation: 1).total == 3)
        #expect(ScoringError.unpairedLevel(0.1).description.contains("0.9"))
    }

    @Test("summaries group by horizon and reject mixed coverage levels")
    func summaryStructure() throws {
        let forecast = try QuantileForecast(levels: [0.05, 0.25, 0.5, 0.75, 0.95], values: [0, 2, 4, 6, 10])
        let entries: [(horizon: Int, forecast: QuantileForecast, observation: Double)] = [
            (7, forecast, 4), (1, forecast, 11), (7, forecast, 0), (3, forecast, 5),
        ]
        let summary = try ScoreSummary(forecasts: entries, coverageLevels: [0.5, 0.9])
        #expect(summary.horizons == [1, 3, 7])
        #expect(summary.overall.count == 4)
        #expect(summary.byHorizon[7]?.count == 2)
        #expect(summary.byHorizon[7]?.coverage.fractions == [0.5, 1])
        #expect(summary.overall.crps == nil && summary.overall.pitHistogram == nil)
        let single = WeightedIntervalScore(forecast: forecast, observation: 11)
        #expect(summary.byHorizon[1]?.weightedIntervalScore == single)
        #expect(summary.byHorizon[1]?.bias == -1)

        let a = try ForecastScores(forecast: forecast, observation: 3, coverageLevels: [0.5])
        let b = try ForecastScores(forecast: forecast, observation: 3, coverageLevels: [0.9])
        #expect(throws: ScoringError.mismatchedCoverageLevels) {
            try ScoreSummary(scores: [(horizon: 1, scores: a), (horizon: 1, scores: b)])
        }
        // Mixed quantile and sample scores: no mean CRPS, no PIT histogram.
        let c = try ForecastScores(sample: PredictiveSample(counts: [1, 3, 5]), observation: 3,
                                   quantileLevels: [0.25, 0.5, 0.75], coverageLevels: [0.5])
        let mixed = try ScoreSummary(scores: [(horizon: 1, scores: a), (horizon: 2, scores: c)])
        #expect(mixed.overall.crps == nil && mixed.overall.pitHistogram == nil)
        #expect(mixed.byHorizon[2]?.crps == c.crps && mixed.byHorizon[2]?.pitHistogram?.count == 1)
    }
}
