import Testing
@testable import InflowStatistics

@Suite("Distributions against scipy and mpmath")
struct DistributionReferenceTests {
    let distributions = ReferenceData.shared.distributions

    func checkContinuous(
        _ item: ReferenceData.ContinuousCase, _ distribution: some ContinuousDistribution,
        cdfTolerance: Double = Tolerance.cdf
    ) {
        for (index, x) in item.x.enumerated() {
            let logDensity = distribution.logDensity(x)
            #expect(scaledError(logDensity, item.logDensity[index]) <= Tolerance.logDensity,
                    "\(item.name): log f(\(x)) = \(logDensity), reference \(item.logDensity[index])")
            let cdf = distribution.cdf(x)
            #expect(relativeError(cdf, item.cdf[index]) <= cdfTolerance,
                    "\(item.name): F(\(x)) = \(cdf), reference \(item.cdf[index])")
        }
        for (index, p) in item.p.enumerated() {
            let quantile = distribution.quantile(p)
            #expect(relativeError(quantile, item.quantile[index]) <= Tolerance.quantile,
                    "\(item.name): F⁻¹(\(p)) = \(quantile), reference \(item.quantile[index])")
        }
    }

    func checkDiscrete(
        _ item: ReferenceData.DiscreteCase, _ distribution: some DiscreteDistribution,
        cdfTolerance: Double = Tolerance.cdf
    ) {
        for (index, k) in item.k.enumerated() {
            let logProbability = distribution.logProbability(k)
            #expect(scaledError(logProbability, item.logProbability[index]) <= Tolerance.logDensity,
                    "\(item.name): log P(\(k)) = \(logProbability), reference \(item.logProbability[index])")
            let cdf = distribution.cdf(k)
            #expect(relativeError(cdf, item.cdf[index]) <= cdfTolerance,
                    "\(item.name): F(\(k)) = \(cdf), reference \(item.cdf[index])")
        }
        for (index, p) in item.p.enumerated() {
            #expect(distribution.quantile(p) == item.quantile[index],
                    "\(item.name): quantile(\(p)) = \(distribution.quantile(p)), reference \(item.quantile[index])")
        }
    }

    @Test("Normal")
    func normal() throws {
        for item in distributions.normal {
            checkContinuous(item, try Normal(mean: item.parameters[0], standardDeviation: item.parameters[1]))
        }
    }

    @Test("Gamma, shapes 0.3 to 10⁶")
    func gamma() throws {
        for item in distributions.gamma {
            checkContinuous(item, try Gamma(shape: item.parameters[0], scale: item.parameters[1]))
        }
    }

    @Test("Beta, shapes 0.2 to 3·10⁴")
    func beta() throws {
        for item in distributions.beta {
            checkContinuous(item, try Beta(alpha: item.parameters[0], beta: item.parameters[1]))
        }
    }

    @Test("Poisson, means 0.7 to 10⁹")
    func poisson() throws {
        for item in distributions.poisson {
            let tolerance = item.parameters[0] >= 1e8 ? Tolerance.largeParameterCDF : Tolerance.cdf
            checkDiscrete(item, try Poisson(mean: item.parameters[0]), cdfTolerance: tolerance)
        }
    }

    @Test("Negative binomial (NB2), dispersions 0.5 to 10⁹")
    func negativeBinomial() throws {
        for item in distributions.negativeBinomial {
            let distribution = try NegativeBinomial(mean: item.parameters[0], dispersion: item.parameters[1])
            #expect(!distribution.isPoissonLimit)
            checkDiscrete(item, distribution)
        }
    }

    @Test("Binomial, n 10 to 10⁸")
    func binomial() throws {
        for item in distributions.binomial {
            let tolerance = item.parameters[0] >= 1e8 ? Tolerance.largeParameterCDF : Tolerance.cdf
            checkDiscrete(item, try Binomial(count: Int(item.parameters[0]), probability: item.parameters[1]),
                          cdfTolerance: tolerance)
        }
    }

    @Test("Multinomial log-probabilities")
    func multinomial() throws {
        for item in distributions.multinomial {
            let distribution = try Multinomial(count: item.count, probabilities: item.probabilities)
            for (counts, expected) in zip(item.counts, item.logProbability) {
                let value = distribution.logProbability(counts)
                #expect(scaledError(value, expected) <= Tolerance.logDensity, "\(counts): \(value), reference \(expected)")
            }
        }
    }

    @Test("Dirichlet log-densities")
    func dirichlet() throws {
        for item in distributions.dirichlet {
            let distribution = try Dirichlet(concentrations: item.concentrations)
            for (x, expected) in zip(item.x, item.logDensity) {
                let value = distribution.logDensity(x)
                #expect(scaledError(value, expected) <= Tolerance.logDensity, "\(x): \(value), reference \(expected)")
            }
        }
    }
}
