import Foundation
@testable import InflowHierarchy
import InflowStatistics
import Testing

/// The binned kernel density estimate against the direct sum it approximates.
@Suite("Binned kernel density")
struct BinnedDensityTests {
    /// Largest relative error of the binned estimate where the density is at least 1% of its largest value:
    /// linear binning at a quarter bandwidth errs by about `(delta/h)^2 / 8`, under 1%; twice that.
    static let relativeTolerance = 0.02

    /// Skewed count-like points: the first week's and the rest's arrivals of a gamma-mixed level.
    static func points(_ count: Int, seed: UInt64) -> [[Double]] {
        var generator = RandomStreams(seed: seed).generator(series: 0, replicate: 0)
        return (0..<count).map { _ in
            let level = Gamma.standardSample(shape: 4, using: &generator) * 100
            return [Double(Poisson.sample(mean: level, using: &generator)),
                    Double(Poisson.sample(mean: 3 * level, using: &generator))]
        }
    }

    @Test(arguments: [1, 2])
    func binnedMatchesTheDirectSum(dimension: Int) throws {
        let reference = Self.points(1_000, seed: 1).map { Array($0.prefix(dimension)) }
        let candidates = Self.points(2_000, seed: 2).map { Array($0.prefix(dimension)) }
        let bandwidths = (0..<dimension).map { j -> Double in
            let values = reference.map { $0[j] }
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
            return sd * pow(Double(values.count), -1 / Double(dimension + 4))
        }
        let binned = try #require(BinnedDensity(sample: reference, bandwidths: bandwidths, covering: candidates))
        let direct = ConditionalResampling.directDensities(at: candidates, reference: reference, bandwidths: bandwidths)
        let largest = direct.max()!
        var worst = 0.0
        for (candidate, exact) in zip(candidates, direct) where exact >= 0.01 * largest {
            worst = max(worst, abs(binned.density(at: candidate) / exact - 1))
        }
        #expect(worst < Self.relativeTolerance, "worst relative error \(worst)")
    }

    @Test func aSpreadTooWideForTheGridIsLeftToTheDirectSum() {
        let reference = [[0.0, 0.0], [1.0, 1.0]]
        #expect(BinnedDensity(sample: reference, bandwidths: [0.5, 0.5], covering: [[1e6, 1e6]]) == nil)
    }
}
