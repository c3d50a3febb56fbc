import Foundation
import Testing
@testable import InflowStatistics

@Suite("Special functions against scipy and mpmath")
struct SpecialFunctionTests {
    let special = ReferenceData.shared.special

    @Test("log Γ")
    func logGamma() {
        for row in special.logGamma {
            let value = SpecialFunctions.logGamma(row[0])
            #expect(relativeError(value, row[1]) <= Tolerance.closedForm, "logGamma(\(row[0])) = \(value), reference \(row[1])")
        }
    }

    @Test("log n! table and formula agree with log Γ(n + 1)")
    func logFactorial() {
        #expect(SpecialFunctions.logFactorial(0) == 0)
        #expect(SpecialFunctions.logFactorial(1) == 0)
        for n in [2, 10, 255, 256, 1000, 1_000_000] {
            let expected = SpecialFunctions.logGamma(Double(n) + 1)
            #expect(relativeError(SpecialFunctions.logFactorial(n), expected) <= Tolerance.closedForm)
        }
    }

    @Test("log B(a, b) in all three regions")
    func logBeta() {
        for row in special.logBeta {
            let value = SpecialFunctions.logBeta(row[0], row[1])
            #expect(relativeError(value, row[2]) <= Tolerance.closedForm,
                    "logBeta(\(row[0]), \(row[1])) = \(value), reference \(row[2])")
            // B is symmetric: the larger argument first takes the same branch with the roles swapped.
            let swapped = SpecialFunctions.logBeta(row[1], row[0])
            #expect(relativeError(swapped, row[2]) <= Tolerance.closedForm,
                    "logBeta(\(row[1]), \(row[0])) = \(swapped), reference \(row[2])")
        }
    }

    @Test("digamma, including next to its positive zero")
    func digamma() {
        for row in special.digamma {
            let value = SpecialFunctions.digamma(row[0])
            #expect(relativeError(value, row[1]) <= Tolerance.polygamma, "digamma(\(row[0])) = \(value), reference \(row[1])")
        }
        #expect(SpecialFunctions.digamma(0).isNaN)
        #expect(SpecialFunctions.digamma(-3).isNaN)
    }

    @Test("trigamma")
    func trigamma() {
        for row in special.trigamma {
            let value = SpecialFunctions.trigamma(row[0])
            #expect(relativeError(value, row[1]) <= Tolerance.polygamma, "trigamma(\(row[0])) = \(value), reference \(row[1])")
        }
    }

    @Test("digamma and trigamma together agree with the references (and with each function alone)")
    func digammaAndTrigamma() {
        for row in special.digamma {
            let (psi, _) = SpecialFunctions.digammaAndTrigamma(row[0])
            #expect(relativeError(psi, row[1]) <= Tolerance.polygamma, "digamma(\(row[0])) = \(psi), reference \(row[1])")
        }
        for row in special.trigamma {
            let (_, psi1) = SpecialFunctions.digammaAndTrigamma(row[0])
            #expect(relativeError(psi1, row[1]) <= Tolerance.polygamma, "trigamma(\(row[0])) = \(psi1), reference \(row[1])")
        }
        let pole = SpecialFunctions.digammaAndTrigamma(-2)
        #expect(pole.digamma.isNaN && pole.trigamma.isNaN)
    }

    @Test("regularized incomplete gamma P and Q")
    func incompleteGamma() {
        for row in special.regularizedGamma {
            let (p, q) = SpecialFunctions.regularizedGamma(row[0], row[1])
            #expect(relativeError(p, row[2]) <= Tolerance.cdf, "P(\(row[0]), \(row[1])) = \(p), reference \(row[2])")
            #expect(relativeError(q, row[3]) <= Tolerance.cdf, "Q(\(row[0]), \(row[1])) = \(q), reference \(row[3])")
        }
        #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0)
        #expect(SpecialFunctions.regularizedGammaQ(2, .infinity) == 0)
        #expect(SpecialFunctions.regularizedGammaP(-1, 1).isNaN)
    }

    @Test("inverse of P(a, x)")
    func inverseIncompleteGamma() {
        for row in special.inverseRegularizedGammaP {
            let x = SpecialFunctions.inverseRegularizedGammaP(row[0], row[1])
            #expect(relativeError(x, row[2]) <= Tolerance.quantile, "P⁻¹(\(row[0]), \(row[1])) = \(x), reference \(row[2])")
        }
    }

    @Test("regularized incomplete beta and its complement")
    func incompleteBeta() {
        for row in special.regularizedBeta {
            let (value, complement) = SpecialFunctions.regularizedBeta(row[0], row[1], x: row[2], y: 1 - row[2])
            #expect(relativeError(value, row[3]) <= Tolerance.cdf,
                    "I(\(row[2]); \(row[0]), \(row[1])) = \(value), reference \(row[3])")
            #expect(relativeError(complement, row[4]) <= Tolerance.cdf,
                    "1 − I(\(row[2]); \(row[0]), \(row[1])) = \(complement), reference \(row[4])")
        }
        #expect(SpecialFunctions.regularizedBeta(2, 3, 0) == 0)
        #expect(SpecialFunctions.regularizedBeta(2, 3, 1) == 1)
    }

    @Test("inverse of I_x(a, b)")
    func inverseIncompleteBeta() {
        for row in special.inverseRegularizedBeta {
            let x = SpecialFunctions.inverseRegularizedBeta(row[0], row[1], row[2])
            #expect(relativeError(x, row[3]) <= Tolerance.quantile,
                    "I⁻¹(\(row[2]); \(row[0]), \(row[1])) = \(x), reference \(row[3])")
        }
    }

    @Test("erf and erfc")
    func errorFunction() {
        for row in special.erf {
            #expect(relativeError(SpecialFunctions.erf(row[0]), row[1]) <= Tolerance.closedForm)
            #expect(relativeError(SpecialFunctions.erfc(row[0]), row[2]) <= Tolerance.closedForm)
        }
    }

    @Test("normal quantile (AS 241) from 1e-300 to 1 − 2⁻⁵³")
    func normalQuantile() {
        for row in special.normalQuantile {
            let z = SpecialFunctions.normalQuantile(row[0])
            #expect(relativeError(z, row[1]) <= Tolerance.closedForm, "Φ⁻¹(\(row[0])) = \(z), reference \(row[1])")
        }
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
        #expect(SpecialFunctions.normalQuantile(1) == .infinity)
        #expect(SpecialFunctions.normalQuantile(1.5).isNaN)
        #expect(SpecialFunctions.normalQuantile(.nan).isNaN)
        // Symmetry: Φ⁻¹(1 − p) = −Φ⁻¹(p) where 1 − p is exact.
        for p in [0.3, 0.01, 0.1, 0.4999] {
            #expect(SpecialFunctions.normalQuantile(1 - p) == -SpecialFunctions.normalQuantile(p))
        }
    }

    @Test("saddle-point kernels agree with the direct formulas where those are accurate")
    func saddlePointKernels() {
        for (k, mu) in [(0.0, 2.5), (3.0, 2.5), (7.0, 0.1), (20.0, 19.0), (0.5, 3.0)] {
            let direct = k * log(mu) - mu - SpecialFunctions.logGamma(k + 1)
            #expect(scaledError(SpecialFunctions.logPoissonProbability(k, mean: mu), direct) <= Tolerance.logDensity)
        }
        for (x, y, p) in [(0.0, 5.0, 0.3), (3.0, 4.0, 0.3), (5.0, 0.0, 0.9), (2.5, 7.5, 0.01)] {
            let direct = SpecialFunctions.logGamma(x + y + 1) - SpecialFunctions.logGamma(x + 1)
                - SpecialFunctions.logGamma(y + 1) + x * log(p) + y * log1p(-p)
            let kernel = SpecialFunctions.logBinomialProbability(successes: x, failures: y, probability: p, complement: 1 - p)
            #expect(scaledError(kernel, direct) <= Tolerance.logDensity)
        }
        #expect(SpecialFunctions.deviance(5, 5) == 0)
        #expect(SpecialFunctions.deviance(0, 3) == 3)
        let d = SpecialFunctions.deviance(1000, 1001)  // series branch: (x − m)²/(2m) to first order
        #expect(Swift.abs(d - (1000 * log(1000.0 / 1001) + 1)) <= 1e-12)
        // Stirling error: both branches meet at 10 (the direct one has absolute error a few ulps of 22).
        let below = SpecialFunctions.logGamma(10) - 9.5 * log(10.0) + 10 - 0.5 * log(2 * Double.pi)
        #expect(Swift.abs(SpecialFunctions.stirlingError(10) - below) <= 22 * Tolerance.closedForm)
    }
}
