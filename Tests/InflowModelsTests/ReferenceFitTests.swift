import InflowCore
import Foundation
import Testing
import InflowModels

/// Reference fits of the nine-day series (`Tests/Reference/Data/nine-day/nine_day.json`, from `Tests/Reference/Data/nine-day/make_nine_day.py`:
/// statsmodels 0.15.0 and scipy 1.17.1, refined to the exact optimum in 40-digit arithmetic).
struct NineDayReference: Decodable {
    struct LeastSquaresFit: Decodable {
        let params: [Double]
        let bse: [Double]
        let rss: Double
        let aic: Double
        let fitted: [Double]
    }
    let logisticLevel: LeastSquaresFit
    let logisticIncidence: LeastSquaresFit
}

@Suite("Nine-day reference fits")
struct NineDayReferenceTests {
    let reference: NineDayReference

    init() throws { reference = try loadReference(NineDayReference.self, "nine-day/nine_day") }

    @Test func logisticLevelFitToCumulativeSums() throws {
        var running = 0.0
        let levels = nineDayCounts.map { running += $0; return running }
        let series = InflowSeries(kind: .level, days: (0..<9).map(Double.init), values: levels)
        let fit = try Logistic().fit(series, error: .gaussian)
        #expect(fit.status.isConverged, "\(fit.status)")
        let expected = reference.logisticLevel
        #expect(significantDigits(fit.deviance, expected.rss) >= Tolerance.referenceDigits)
        for (computed, value) in zip(fit.fitted, expected.fitted) {
            #expect(significantDigits(computed, value) >= Tolerance.referenceDigits)
        }
        for (j, name) in ["K", "r", "t0"].enumerated() {
            #expect(significantDigits(fit.parameters[name]!, expected.params[j]) >= Tolerance.referenceDigits, "\(name)")
            #expect(significantDigits(fit.standardErrors[name]!, expected.bse[j]) >= Tolerance.referenceDigits, "SE \(name)")
        }
        #expect(significantDigits(try #require(fit.aic), expected.aic) >= Tolerance.referenceDigits)
    }

    /// The incidence fit is flat near its optimum (the .md says: compare RSS and fitted
    /// values, not K alone); parameters are checked at 4 digits, which the exact optimum supports.
    @Test func logisticIncidenceFitToDailyCounts() throws {
        let series = InflowSeries(kind: .counts, days: (0..<9).map(Double.init), values: nineDayCounts)
        let fit = try Logistic().fit(series, error: .gaussian, options: FitOptions(countsAsRate: true))
        #expect(fit.status.isConverged, "\(fit.status)")
        let expected = reference.logisticIncidence
        #expect(significantDigits(fit.deviance, expected.rss) >= Tolerance.referenceDigits)
        for (computed, value) in zip(fit.fitted, expected.fitted) {
            #expect(significantDigits(computed, value) >= Tolerance.referenceDigits)
        }
        for (j, name) in ["K", "r", "t0"].enumerated() {
            #expect(significantDigits(fit.parameters[name]!, expected.params[j]) >= 4, "\(name)")
        }
        #expect(significantDigits(try #require(fit.aic), expected.aic) >= Tolerance.referenceDigits)
    }
}

/// NIST StRD nonlinear regression problems through the public curve-family API.
struct CertifiedNonlinearProblem: Decodable {
    struct Certified: Decodable {
        let parameters: [Double]
        let standardErrors: [Double]
        let residualSumOfSquares: Double
    }
    let name: String
    let x: [Double]
    let y: [Double]
    let start1: [Double]
    let start2: [Double]
    let certified: Certified
}

@Suite("NIST StRD nonlinear problems through the curve families")
struct NISTCurveFamilyTests {
    /// Maps NIST's b-parameters to a family's parameters.
    static func mapped(_ name: String, _ b: [Double]) -> [String: Double] {
        switch name {
        case "Rat42": ["K": b[0], "r": b[2], "t0": b[1] / b[2]]          // b1 / (1 + exp(b2 - b3 x))
        case "Rat43": ["K": b[0], "r": b[2], "t0": b[1] / b[2], "nu": b[3]]
        default: ["N": b[0], "h": b[1]]                                    // b1 (1 - exp(-b2 x)), t0 = 0
        }
    }

    static func family(_ name: String) -> any CurveFamily {
        switch name {
        case "Rat42": Logistic()
        case "Rat43": Richards()
        default: ReleaseFromPool()
        }
    }

    @Test(arguments: ["Misra1a", "BoxBOD", "Rat42", "Rat43"], [1, 2])
    func certifiedValuesFromBothStarts(name: String, start: Int) throws {
        let problem = try loadReference(CertifiedNonlinearProblem.self, "nist-nonlinear/\(name)")
        let family = Self.family(name)
        let series = InflowSeries(name: name, kind: .level, days: problem.x, values: problem.y)
        var options = FitOptions(start: Self.mapped(name, start == 1 ? problem.start1 : problem.start2),
                                 multiStart: false)
        if family is ReleaseFromPool { options.fixed = ["t0": 0] }
        // The published starting point is the only start: no data-driven ones.
        let fit = try family.fit(series, error: .gaussian, options: options)
        #expect(fit.status.isConverged, "\(name) start \(start): \(fit.status)")
        let certified = Self.mapped(name, problem.certified.parameters)
        for (parameter, value) in certified {
            #expect(significantDigits(fit.parameters[parameter]!, value) >= Tolerance.referenceDigits,
                    "\(name) start \(start) \(parameter): \(fit.parameters[parameter]!) vs \(value)")
        }
        #expect(significantDigits(fit.deviance, problem.certified.residualSumOfSquares) >= Tolerance.referenceDigits,
                "\(name) start \(start) RSS \(fit.deviance)")
        // Standard errors of the parameters that map one to one (b1 and b3 or b2).
        let se = problem.certified.standardErrors
        let directSE: [String: Double] = name.hasPrefix("Rat")
            ? ["K": se[0], "r": se[2]].merging(name == "Rat43" ? ["nu": se[3]] : [:]) { a, _ in a }
            : ["N": se[0], "h": se[1]]
        for (parameter, value) in directSE {
            #expect(significantDigits(fit.standardErrors[parameter]!, value) >= Tolerance.referenceDigits,
                    "\(name) SE \(parameter): \(fit.standardErrors[parameter]!) vs \(value)")
        }
    }
}
