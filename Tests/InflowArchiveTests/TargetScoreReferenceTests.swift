import Foundation
import InflowArchive
import InflowReferenceFiles
import InflowStatistics
import Testing

/// The scores of archived forecasts against exact and bounded truths, against
/// `Tests/Reference/Data/scoring/archive_scores.json` (scoringrules' WIS, numba backend; censored WIS on the
/// clamped quantiles; see `make_archive_scores.py` next to it).
@Suite("Archive scores against scoringrules")
struct TargetScoreReferenceTests {
    /// Relative tolerance: sums of 23 terms, each a product of inputs.
    static let relativeTolerance = 1e-12

    struct Reference: Decodable {
        struct Case: Decodable {
            var name: String
            var values: [Double]
            var observation: Double
            var kind: String
            var wis: Double
            var dispersion: Double
            var underprediction: Double
            var overprediction: Double
            var ae_median: Double
            var covered_50: Bool?
            var covered_90: Bool?
            var covered_95: Bool?
            var pit: Double?
            var bias: Double?
        }
        var levels: [Double]
        var cases: [Case]
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= relativeTolerance * max(abs(a), abs(b))
    }

    @Test("WIS and parts, AE of the median, coverage, PIT and bias for exact and bounded truths")
    func reference() throws {
        let data = try Data(contentsOf: try ReferenceFiles.url("scoring/archive_scores.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        #expect(reference.cases.count >= 60)
        var kinds: Set<String> = []
        for item in reference.cases {
            kinds.insert(item.kind)
            let bound: ObservedValue.Bound = switch item.kind {
            case "lower_bound": .atLeast
            case "upper_bound": .atMost
            default: .exact
            }
            let forecast = try QuantileForecast(levels: reference.levels, values: item.values)
            let score = try TargetScore(runID: "r", modelID: "inflow-test", referenceDate: "2026-01-24", location: "x",
                                        target: "day inc arrivals", horizon: 1, targetEndDate: "2026-01-25",
                                        forecast: forecast, observation: ObservedValue(value: item.observation, bound: bound))
            #expect(Self.close(score.wis.total, item.wis), "\(item.name): WIS \(score.wis.total) vs \(item.wis)")
            #expect(Self.close(score.wis.dispersion, item.dispersion), "\(item.name): dispersion")
            #expect(Self.close(score.wis.underprediction, item.underprediction), "\(item.name): underprediction")
            #expect(Self.close(score.wis.overprediction, item.overprediction), "\(item.name): overprediction")
            #expect(Self.close(score.absoluteError, item.ae_median), "\(item.name): AE of the median")
            if bound == .exact {
                #expect(score.covered == [item.covered_50!, item.covered_90!, item.covered_95!], "\(item.name): coverage")
                #expect(Self.close(score.pit!, item.pit!), "\(item.name): PIT \(score.pit!) vs \(item.pit!)")
                #expect(Self.close(score.bias!, item.bias!), "\(item.name): bias")
            } else {
                #expect(score.covered == nil && score.pit == nil && score.bias == nil, "\(item.name): no coverage for a bound")
            }
        }
        #expect(kinds == ["exact", "lower_bound", "upper_bound"])
    }

    @Test("a bound the forecast respects entirely scores only its spread below (above) the bound")
    func censoredLimits() throws {
        let levels = [0.05, 0.25, 0.5, 0.75, 0.95]
        let forecast = try QuantileForecast(levels: levels, values: [100, 120, 140, 160, 180])
        // Truth at least 90: every quantile is above it, so min(q, 90) = 90 = the observation: a perfect score.
        let above = try TargetScore(runID: "r", modelID: "m-x", referenceDate: "d", location: "x", target: "t", horizon: 1,
                                    targetEndDate: "d", forecast: forecast, observation: ObservedValue(value: 90, bound: .atLeast))
        #expect(above.wis.total == 0)
        // Truth at least 200: the censored forecast is the forecast itself against 200, the same as an exact 200.
        let beyond = try TargetScore(runID: "r", modelID: "m-x", referenceDate: "d", location: "x", target: "t", horizon: 1,
                                     targetEndDate: "d", forecast: forecast, observation: ObservedValue(value: 200, bound: .atLeast))
        #expect(beyond.wis == WeightedIntervalScore(forecast: forecast, observation: 200))
    }
}
