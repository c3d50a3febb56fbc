import Foundation
import InflowModels
import InflowReferenceFiles
import InflowStatistics
import Testing
@testable import InflowProjection

/// Stacking weights against scipy's SLSQP on the exact mixture CRPS (`Tests/Reference/Data/stacking/make_stacking.py`).
@Suite("Stacking weights")
struct StackingTests {
    struct Reference: Decodable {
        struct Figure: Decodable {
            let origin: Int
            let horizon: Int
            let observed: Double
            let samples: [[Double]]
        }
        let figures: [Figure]
        let weights: [Double]
        let objective: Double
        let memberCRPS: [Double]
    }

    /// SLSQP stops at `ftol` 1e-15 on an objective of about 5: its weights agree with the exact minimiser to
    /// about the square root of that relative change times the curvature, well inside 1e-6.
    static let weightAgreement = 1e-6
    /// The objective and the members' CRPS are sums of a few thousand pairwise differences: relative 1e-12.
    static let scoreAgreement = 1e-12

    static let members = ["low", "wide", "high"].map { ModelID(family: $0, error: .negativeBinomial) }

    static func forecasts(_ reference: Reference, copies: Int = 1) throws -> [BacktestForecast] {
        try (0..<copies).flatMap { copy in
            try reference.figures.map { figure in
                var samples: [ModelID: PredictiveSample] = [:]
                for (member, values) in zip(members, figure.samples) { samples[member] = try PredictiveSample(values: values) }
                let origin = Date(timeIntervalSince1970: Double(copy * 100 + figure.origin) * 86_400)
                return BacktestForecast(origin: origin, target: origin.addingTimeInterval(Double(figure.horizon) * 86_400),
                                        horizon: figure.horizon, observed: figure.observed, samples: samples)
            }
        }
    }

    @Test func pointWeightsMatchScipy() throws {
        let reference = try ReferenceFiles.load(Reference.self, "stacking/stacking.json")
        let stacking = try #require(StackingWeights(members: Self.members, forecasts: try Self.forecasts(reference)))
        for (weight, expected) in zip(stacking.pointWeights, reference.weights) {
            #expect(abs(weight - expected) <= Self.weightAgreement, "\(stacking.pointWeights) vs \(reference.weights)")
        }
        for (crps, expected) in zip(stacking.memberCRPS, reference.memberCRPS) {
            #expect(abs(crps - expected) <= Self.scoreAgreement * expected)
        }
        #expect(stacking.figures == 8 && stacking.origins == 4)
        // Each member's CRPS is its own sample CRPS, averaged over the figures.
        let forecasts = try Self.forecasts(reference)
        for (index, member) in Self.members.enumerated() {
            let own = forecasts.map { $0.samples[member]!.crps(observation: $0.observed) }.reduce(0, +) / 8
            #expect(abs(stacking.memberCRPS[index] - own) <= Self.scoreAgreement * own)
        }
        // The mixture at the weights beats every member alone.
        #expect(stacking.mixtureCRPS < stacking.memberCRPS.min()!)
    }

    /// With few origins the weights are averaged over a Bayesian bootstrap of the origins; with many copies of the
    /// same origins every draw sees the same data, and the average comes back to the plain minimiser.
    @Test func bootstrapAverageSpreadsFewOriginsAndConvergesWithMany() throws {
        let reference = try ReferenceFiles.load(Reference.self, "stacking/stacking.json")
        let few = try #require(StackingWeights(members: Self.members, forecasts: try Self.forecasts(reference)))
        #expect(abs(few.weights.reduce(0, +) - 1) < 1e-12 && few.weights.allSatisfy { $0 >= 0 })
        let many = try #require(StackingWeights(members: Self.members, forecasts: try Self.forecasts(reference, copies: 60)))
        let fewDistance = zip(few.weights, few.pointWeights).map { abs($0 - $1) }.max()!
        let manyDistance = zip(many.weights, many.pointWeights).map { abs($0 - $1) }.max()!
        #expect(manyDistance < fewDistance)
        #expect(manyDistance < 0.05, "\(many.weights) vs \(many.pointWeights)")
        // The same inputs give the same weights (the bootstrap has a fixed seed).
        let again = try #require(StackingWeights(members: Self.members, forecasts: try Self.forecasts(reference)))
        #expect(again.weights == few.weights)
        // The bootstrap's draws on two threads give the same bits as on one.
        let threaded = try #require(StackingWeights(members: Self.members, forecasts: try Self.forecasts(reference),
                                                    threads: 2))
        #expect(threaded == few)
    }

    @Test func simplexProjectionByHand() {
        #expect(StackingWeights.projectOntoSimplex([0.2, 0.3, 0.5]) == [0.2, 0.3, 0.5])
        #expect(StackingWeights.projectOntoSimplex([2, 0, 0]) == [1, 0, 0])
        // (1.5, 0.5) - tau with tau = 0.5: (1, 0).
        #expect(StackingWeights.projectOntoSimplex([1.5, 0.5]) == [1, 0])
        // (0.6, 0.6, -1): tau = 0.1, giving (0.5, 0.5, 0).
        let projected = StackingWeights.projectOntoSimplex([0.6, 0.6, -1])
        #expect(abs(projected[0] - 0.5) < 1e-15 && abs(projected[1] - 0.5) < 1e-15 && projected[2] == 0)
    }

    /// `E|X - Y|` by merging sorted samples equals the brute-force mean over all pairs.
    @Test func meanAbsoluteDifferenceMatchesBruteForce() throws {
        let x = try PredictiveSample(values: [3, 1, 4, 1, 5, 9, 2, 6])
        let y = try PredictiveSample(values: [2, 7, 1, 8, 2, 8])
        var sum = 0.0
        for a in x.sortedValues { for b in y.sortedValues { sum += abs(a - b) } }
        #expect(abs(x.meanAbsoluteDifference(y) - sum / 48) < 1e-14)
        #expect(abs(x.meanAbsoluteDifference(x) - x.meanAbsoluteDifference(x)) == 0)
        #expect(abs(x.meanAbsoluteDeviation(from: 4) - (1 + 3 + 0 + 3 + 1 + 5 + 2 + 2) / 8) < 1e-15)
    }
}
