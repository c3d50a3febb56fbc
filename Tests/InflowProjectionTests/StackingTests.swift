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
    /// The KKT conditions of `c^T w - 1/2 w^T Q w` on the simplex hold at `w` to `tolerance`: one multiplier
    /// `lambda` equals the gradient `c - Q w` on the support and bounds it from below off the support.
    static func satisfiesKKT(_ w: [Double], c: [Double], q: [[Double]], tolerance: Double) -> Bool {
        let gradient = c.indices.map { i in c[i] - c.indices.reduce(0.0) { $0 + q[i][$1] * w[$1] } }
        guard let lambda = c.indices.filter({ w[$0] > 0 }).map({ gradient[$0] }).min() else { return false }
        return abs(w.reduce(0, +) - 1) <= tolerance && w.allSatisfy { $0 >= 0 }
            && c.indices.allSatisfy { w[$0] > 0 ? abs(gradient[$0] - lambda) <= tolerance : gradient[$0] >= lambda - tolerance }
    }

    /// The CRPS terms of members whose samples are `samples` against `observed`: c_m = E|X_m - y|, Q_ml = E|X_m - X_l|.
    static func terms(_ samples: [[Double]], observed: Double) throws -> (c: [Double], q: [[Double]]) {
        let predictive = try samples.map { try PredictiveSample(values: $0) }
        return (predictive.map { $0.meanAbsoluteDeviation(from: observed) },
                predictive.map { x in predictive.map { x.meanAbsoluteDifference($0) } })
    }

    /// The minimiser stops at the exact solution of the KKT system on its support once that support is right: the
    /// conditions hold to rounding (FISTA's own test stops at steps of 1e-12), on problems with interior and
    /// boundary solutions; a wrong support or two identical members give no exact solution, and the iterations
    /// then carry on to a minimiser all the same.
    @Test func theExactSolveOnTheSupportIsTheMinimiser() throws {
        var generator = RandomStreams(seed: 11).stream(0)
        var exactSolutions = 0, boundarySolutions = 0
        for problem in 0..<40 {
            let m = 2 + problem % 6
            let samples = (0..<m).map { member in
                (0..<50).map { _ in Double(member) * 3 + 10 * generator.nextUniform() }
            }
            let (c, q) = try Self.terms(samples, observed: 4 + Double(problem % 5) * 3)
            let w = StackingWeights.minimize(c: c, q: q)
            #expect(Self.satisfiesKKT(w, c: c, q: q, tolerance: 1e-10), "problem \(problem): \(w)")
            let support = w.map { $0 > 0 }
            if let exact = StackingWeights.exactMinimizer(c: c, q: q, support: support) {
                exactSolutions += 1
                #expect(Self.satisfiesKKT(exact, c: c, q: q, tolerance: 1e-12))
                for (a, b) in zip(exact, w) { #expect(abs(a - b) <= 1e-9) }
            }
            // Every weight on the support when the minimiser has zeros: no exact solution there.
            if support.contains(false) {
                boundarySolutions += 1
                #expect(StackingWeights.exactMinimizer(c: c, q: q, support: Array(repeating: true, count: m)) == nil)
            }
        }
        #expect(exactSolutions >= 30 && boundarySolutions >= 5, "\(exactSolutions) exact, \(boundarySolutions) on the boundary")
        // Two members with the same forecasts: a singular system, and still a minimiser.
        let (c, q) = try Self.terms([[1, 2, 3, 8], [1, 2, 3, 8], [4, 5, 9, 12]], observed: 5)
        #expect(StackingWeights.exactMinimizer(c: c, q: q, support: [true, true, true]) == nil)
        let w = StackingWeights.minimize(c: c, q: q)
        #expect(Self.satisfiesKKT(w, c: c, q: q, tolerance: 1e-9))
    }

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
