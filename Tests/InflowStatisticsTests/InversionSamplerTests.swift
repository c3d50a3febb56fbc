import Testing
@testable import InflowStatistics

/// The guide-table inversion sampler: its table is the distribution's cdf, its draws pass the same
/// chi-square and moment tests as the direct samplers, and it declines supports it cannot hold.
@Suite("Inversion sampler")
struct InversionSamplerTests {
    static let negativeBinomialCases: [(Double, Double)] = [(5.0, 0.5), (100.0, 2.0), (1e4, 50.0), (0.2, 0.05), (250.0, 20.0), (0, 3)]
    static let poissonCases: [Double] = [0, 0.05, 3.0, 47.3, 1_000.0]

    /// The table's running sums, normalised, are the cdf at every count it holds, and the counts left out
    /// carry less than the neglected mass.
    func checkTable(_ sampler: InversionSampler, _ distribution: some DiscreteDistribution, label: String) {
        let total = sampler.sums.last!
        for j in 0..<sampler.supportSize {
            let k = sampler.lowest + j
            let cdf = distribution.cdf(k)
            // Left-out lower tail mass shifts every sum by at most the neglected mass.
            #expect(Swift.abs(sampler.sums[j] / total - cdf) <= Tolerance.cdf * max(cdf, 1e-300) + 2 * InversionSampler.neglectedMass,
                    "\(label): F(\(k)) = \(sampler.sums[j] / total), reference \(cdf)")
        }
        let below = sampler.lowest > 0 ? distribution.cdf(sampler.lowest - 1) : 0
        let above = 1 - distribution.cdf(sampler.lowest + sampler.supportSize - 1)
        #expect(below <= InversionSampler.neglectedMass * 4 && above <= InversionSampler.neglectedMass * 4 + Tolerance.cdf,
                "\(label): mass left out below \(below), above \(above)")
    }

    func checkDraws(_ sampler: InversionSampler, _ distribution: some DiscreteDistribution, label: String) {
        var generator = RandomStreams(seed: 13).stream(0)
        let draws = (0..<SamplingTests.discreteDraws).map { _ in sampler.sample(using: &generator) }
        let test = GoodnessOfFit.chiSquarePValue(draws, distribution)
        #expect(test.pValue > Tolerance.goodnessOfFitPValue,
                "\(label): chi-square \(test.statistic) on \(test.bins - 1) df, p = \(test.pValue)")
        let moments = RunningMoments(draws.map(Double.init))
        let standardError = (distribution.variance / Double(draws.count)).squareRoot()
        #expect(Swift.abs(moments.mean - distribution.mean) <= Tolerance.momentStandardErrors * max(standardError, 1e-12),
                "\(label): mean \(moments.mean), expected \(distribution.mean)")
    }

    @Test("negative binomial tables are the cdf, and their draws fit", arguments: negativeBinomialCases)
    func negativeBinomial(mean: Double, dispersion: Double) throws {
        let sampler = try #require(InversionSampler.negativeBinomial(mean: mean, dispersion: dispersion))
        let distribution = try NegativeBinomial(mean: mean, dispersion: dispersion)
        checkTable(sampler, distribution, label: "NB(\(mean), \(dispersion))")
        checkDraws(sampler, distribution, label: "NB(\(mean), \(dispersion))")
    }

    @Test("Poisson tables are the cdf, and their draws fit", arguments: poissonCases)
    func poisson(mean: Double) throws {
        let sampler = try #require(InversionSampler.poisson(mean: mean))
        let distribution = try Poisson(mean: mean)
        checkTable(sampler, distribution, label: "Poisson(\(mean))")
        checkDraws(sampler, distribution, label: "Poisson(\(mean))")
    }

    @Test("inversion maps u to the smallest count whose running sum exceeds u times the total")
    func inversionBoundaries() throws {
        for sampler in [InversionSampler.poisson(mean: 3), InversionSampler.negativeBinomial(mean: 250, dispersion: 2)] {
            let sampler = try #require(sampler)
            let total = sampler.sums.last!
            var generator = RandomStreams(seed: 14).stream(0)
            // Random levels, the extremes, and the levels just under and at each running sum.
            var levels = (0..<2_000).map { _ in generator.nextUniform() } + [0, 1.0.nextDown]
            for sum in sampler.sums where sum < total { levels += [(sum / total).nextDown, sum / total] }
            for u in levels {
                let j = sampler.index(for: u)
                #expect(sampler.sums[j] > u * total || j == sampler.supportSize - 1, "u = \(u): S_\(j) <= u S")
                #expect(j == 0 || sampler.sums[j - 1] <= u * total, "u = \(u): S_\(j - 1) > u S, not the smallest")
            }
        }
    }

    @Test("supports wider than the table limit, and invalid parameters, are declined")
    func declined() {
        #expect(InversionSampler.negativeBinomial(mean: 1e9, dispersion: 0.01) == nil)
        #expect(InversionSampler.poisson(mean: 1e7) == nil)
        #expect(InversionSampler.negativeBinomial(mean: .nan, dispersion: 1) == nil)
        #expect(InversionSampler.negativeBinomial(mean: 5, dispersion: 0) == nil)
        #expect(InversionSampler.poisson(mean: -1) == nil)
    }
}
