import CInflowKernels
import InflowStatistics
import Foundation
import Testing

/// `inflow_count_deviance` (the curve fits' deviance and Pearson chi-square) against the textbook sums
/// with libm's log: Poisson and NB2 at a small and a large dispersion, with zero counts, on 200
/// observations (more than one of the kernel's 64-observation blocks).
@Suite("Count deviance kernel")
struct CountDevianceTests {
    static let counts: [Double] = (0..<200).map { i in i % 7 == 0 ? 0 : Double((i * 37) % 150) }
    static let means: [Double] = (0..<200).map { i in 0.5 + 40 * (1 + sin(Double(i) / 9)) }

    @Test(arguments: [0.0, 0.7, 25.0])
    func matchesTheTextbookSums(theta: Double) {
        var deviance = 0.0, pearson = 0.0
        inflow_count_deviance(Self.counts, Self.means, Self.counts.count, theta, &deviance, &pearson)
        var expectedDeviance = 0.0, expectedPearson = 0.0, magnitude = 0.0
        for (y, mu) in zip(Self.counts, Self.means) {
            let counted = y > 0 ? y * log(y / mu) : 0
            let term = theta > 0 ? 2 * (counted - (y + theta) * log((y + theta) / (mu + theta))) : 2 * (counted - (y - mu))
            expectedDeviance += term
            magnitude += abs(2 * counted) + (theta > 0 ? abs(2 * (y + theta) * log((y + theta) / (mu + theta))) : abs(2 * (y - mu)))
            expectedPearson += theta > 0 ? (y - mu) * (y - mu) / (mu + mu * mu / theta) : (y - mu) * (y - mu) / mu
        }
        #expect(abs(deviance - expectedDeviance) <= Tolerance.devianceTerms * magnitude,
                "theta \(theta): \(deviance) vs \(expectedDeviance)")
        // No logarithm in the Pearson terms: the same operations in the same order, the same bits.
        #expect(pearson == expectedPearson)
    }
}

/// The NB2 kernel's dispersion score and information at means above and below the floor: the exact
/// derivatives of the log-likelihood in s = log theta, at the mean itself (the floor only keeps the mean
/// parameters' weight finite), against `SpecialFunctions`' digamma and trigamma.
@Suite("NB2 dispersion factors")
struct NegativeBinomialDispersionFactorTests {
    @Test func dispersionTermsAreTheExactDerivativesAtTheMean() {
        let theta = 2.0, floor = 1e-8
        let counts: [Double] = [0, 0, 3, 3]
        let means: [Double] = [0, 1e-12, 1e-3, 5]
        var buffers = [Double](repeating: .nan, count: 6 * counts.count)
        let value = buffers.withUnsafeMutableBufferPointer { b -> Double in
            let base = b.baseAddress!, n = counts.count
            return inflow_nb2_negative_log_likelihood_and_factors(
                counts, means, n, theta, floor, SpecialFunctions.digamma(theta), SpecialFunctions.trigamma(theta),
                base, base + n, base + 2 * n, base + 3 * n, base + 4 * n, base + 5 * n)
        }
        #expect(value.isFinite)
        for (i, (y, mu)) in zip(counts, means).enumerated() {
            let first = SpecialFunctions.digamma(y + theta) - SpecialFunctions.digamma(theta)
                + log(theta / (theta + mu)) + (mu - y) / (theta + mu)
            let second = SpecialFunctions.trigamma(y + theta) - SpecialFunctions.trigamma(theta)
                + 1 / theta - 1 / (theta + mu) - (mu - y) / ((theta + mu) * (theta + mu))
            let score = theta * first
            let information = theta * theta * -second - score
            #expect(abs(buffers[4 * counts.count + i] - score) <= Tolerance.polygamma, "score at mu = \(mu): \(buffers[4 * counts.count + i]) vs \(score)")
            #expect(abs(buffers[5 * counts.count + i] - information) <= Tolerance.polygamma, "information at mu = \(mu)")
        }
    }
}
