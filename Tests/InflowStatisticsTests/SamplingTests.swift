import Testing
@testable import InflowStatistics

/// Fixed-seed tests of the samplers: goodness of fit (chi-square for discrete, Kolmogorov–Smirnov for continuous)
/// and sample moments, with thresholds from `Tolerance`.
@Suite("Samplers")
struct SamplingTests {
    static let discreteDraws = 40_000
    static let continuousDraws = 20_000

    func checkDiscrete(_ distribution: some DiscreteDistribution, seed: UInt64, label: String) {
        var generator = RandomStreams(seed: seed).stream(0)
        let draws = distribution.sample(Self.discreteDraws, using: &generator)
        let test = GoodnessOfFit.chiSquarePValue(draws, distribution)
        #expect(test.pValue > Tolerance.goodnessOfFitPValue,
                "\(label): chi-square \(test.statistic) on \(test.bins - 1) df, p = \(test.pValue)")
        let moments = RunningMoments(draws.map(Double.init))
        let standardError = (distribution.variance / Double(draws.count)).squareRoot()
        #expect(Swift.abs(moments.mean - distribution.mean) <= Tolerance.momentStandardErrors * standardError,
                "\(label): mean \(moments.mean), expected \(distribution.mean)")
    }

    func checkContinuous(_ distribution: some ContinuousDistribution, seed: UInt64, label: String) {
        var generator = RandomStreams(seed: seed).stream(1)
        let draws = distribution.sample(Self.continuousDraws, using: &generator)
        let test = GoodnessOfFit.kolmogorovSmirnovPValue(draws, distribution)
        #expect(test.pValue > Tolerance.goodnessOfFitPValue, "\(label): KS D = \(test.statistic), p = \(test.pValue)")
        let moments = RunningMoments(draws)
        let standardError = (distribution.variance / Double(draws.count)).squareRoot()
        #expect(Swift.abs(moments.mean - distribution.mean) <= Tolerance.momentStandardErrors * standardError,
                "\(label): mean \(moments.mean), expected \(distribution.mean)")
    }

    @Test("Poisson: inversion below 10, PTRS from 10", arguments: [0.05, 0.5, 3.0, 9.99, 10.0, 47.3, 1_000.0, 2.5e7])
    func poisson(mean: Double) throws {
        checkDiscrete(try Poisson(mean: mean), seed: 11, label: "Poisson(\(mean))")
    }

    @Test("negative binomial as a Poisson–gamma mixture",
          arguments: [(5.0, 0.5), (100.0, 2.0), (1e4, 50.0), (3.0, 1e13), (0.2, 0.05)])
    func negativeBinomial(mean: Double, dispersion: Double) throws {
        checkDiscrete(try NegativeBinomial(mean: mean, dispersion: dispersion), seed: 12,
                      label: "NB(\(mean), \(dispersion))")
    }

    @Test("binomial: inversion and BTRD, both tails of p",
          arguments: [(20, 0.3), (5, 0.99), (1_000_000, 1e-5), (1_000, 0.4), (100_000, 0.9), (70, 0.5)])
    func binomial(count: Int, probability: Double) throws {
        checkDiscrete(try Binomial(count: count, probability: probability), seed: 13,
                      label: "Binomial(\(count), \(probability))")
    }

    @Test("normal", arguments: [(0.0, 1.0), (-3.0, 0.01), (1e6, 250.0)])
    func normal(mean: Double, standardDeviation: Double) throws {
        checkContinuous(try Normal(mean: mean, standardDeviation: standardDeviation), seed: 14,
                        label: "Normal(\(mean), \(standardDeviation))")
    }

    @Test("gamma: boosted below shape 1, Marsaglia–Tsang above", arguments: [0.05, 0.3, 1.0, 2.5, 100.0])
    func gamma(shape: Double) throws {
        checkContinuous(try Gamma(shape: shape, scale: 1.7), seed: 15, label: "Gamma(\(shape))")
    }

    @Test("beta from two gammas", arguments: [(0.5, 0.5), (2.0, 5.0), (0.1, 3.0), (50.0, 20.0)])
    func beta(alpha: Double, beta: Double) throws {
        checkContinuous(try Beta(alpha: alpha, beta: beta), seed: 16, label: "Beta(\(alpha), \(beta))")
    }

    @Test("multinomial: counts sum to n and each margin is binomial")
    func multinomial() throws {
        let probabilities = [0.05, 0.0, 0.3, 0.15, 0.5]
        let n = 200
        let distribution = try Multinomial(count: n, probabilities: probabilities)
        var generator = RandomStreams(seed: 17).stream(0)
        var margins = [[Int]](repeating: [], count: probabilities.count)
        var buffer = [Int](repeating: 0, count: probabilities.count)
        for _ in 0..<20_000 {
            distribution.sample(into: &buffer, using: &generator)
            #expect(buffer.reduce(0, +) == n)
            for index in buffer.indices { margins[index].append(buffer[index]) }
        }
        #expect(margins[1].allSatisfy { $0 == 0 })
        for index in [0, 2, 3, 4] {
            let margin = try Binomial(count: n, probability: probabilities[index])
            let test = GoodnessOfFit.chiSquarePValue(margins[index], margin)
            #expect(test.pValue > Tolerance.goodnessOfFitPValue, "margin \(index): p = \(test.pValue)")
        }
        // Covariance of two margins: −n pᵢ pⱼ.
        let a = margins[2].map(Double.init), b = margins[4].map(Double.init)
        let meanA = a.reduce(0, +) / Double(a.count), meanB = b.reduce(0, +) / Double(b.count)
        let covariance = zip(a, b).reduce(0) { $0 + ($1.0 - meanA) * ($1.1 - meanB) } / Double(a.count - 1)
        let expected = distribution.covariance(2, 4)
        // The sample covariance has standard error about √((Var A Var B + Cov²)/n).
        let standardError = ((distribution.variances[2] * distribution.variances[4] + expected * expected) / Double(a.count)).squareRoot()
        #expect(Swift.abs(covariance - expected) <= Tolerance.momentStandardErrors * standardError)
    }

    @Test("Dirichlet: on the simplex, margins are Beta(αᵢ, α₀ − αᵢ)")
    func dirichlet() throws {
        let concentrations = [0.2, 1.0, 3.5, 0.05]
        let distribution = try Dirichlet(concentrations: concentrations)
        var generator = RandomStreams(seed: 18).stream(0)
        var margins = [[Double]](repeating: [], count: concentrations.count)
        for _ in 0..<Self.continuousDraws {
            let x = distribution.sample(using: &generator)
            #expect(Swift.abs(x.reduce(0, +) - 1) <= 1e-14)
            #expect(x.allSatisfy { $0 >= 0 && $0 <= 1 })
            for index in x.indices { margins[index].append(x[index]) }
        }
        for index in concentrations.indices {
            let margin = try Beta(alpha: concentrations[index], beta: distribution.totalConcentration - concentrations[index])
            let test = GoodnessOfFit.kolmogorovSmirnovPValue(margins[index], margin)
            #expect(test.pValue > Tolerance.goodnessOfFitPValue, "margin \(index): p = \(test.pValue)")
        }
    }

    @Test("a wrong distribution is rejected (the tests have power)")
    func power() throws {
        var generator = RandomStreams(seed: 19).stream(0)
        let draws = try Poisson(mean: 50).sample(Self.discreteDraws, using: &generator)
        #expect(GoodnessOfFit.chiSquarePValue(draws, try Poisson(mean: 50.5)).pValue < 1e-6)
        #expect(GoodnessOfFit.chiSquarePValue(draws, try NegativeBinomial(mean: 50, dispersion: 500)).pValue < 1e-6)
        let continuous = try Gamma(shape: 2, scale: 1).sample(Self.continuousDraws, using: &generator)
        #expect(GoodnessOfFit.kolmogorovSmirnovPValue(continuous, try Gamma(shape: 2.05, scale: 1)).pValue < 1e-6)
    }
}
