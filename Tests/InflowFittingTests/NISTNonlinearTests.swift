import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

/// NIST StRD nonlinear least squares from both published starts (Ceres' practice), with the raw
/// model formulas and default options.
@Suite("Levenberg–Marquardt on NIST StRD nonlinear problems")
struct NISTNonlinearTests {
    static let cases: [(String, Int)] = ["Misra1a", "Rat42", "Rat43", "BoxBOD"].flatMap { [($0, 1), ($0, 2)] }

    static func fit(_ problem: NISTProblem, from start: [Double]) -> LevenbergMarquardt.Summary {
        let s = SIMD8(padding: start)
        switch problem.name {
        case "Misra1a", "BoxBOD":
            return LevenbergMarquardt.minimize(ExponentialRiseResiduals(x: problem.x, y: problem.y), from: s)
        case "Rat42":
            return LevenbergMarquardt.minimize(Rat42Residuals(x: problem.x, y: problem.y), from: s)
        default:
            return LevenbergMarquardt.minimize(Rat43Residuals(x: problem.x, y: problem.y), from: s)
        }
    }

    @Test(arguments: cases)
    func certifiedParametersAndResidualSumOfSquares(name: String, start: Int) throws {
        let problem = try NISTProblem.load(name)
        let summary = Self.fit(problem, from: start == 1 ? problem.start1 : problem.start2)
        let certified = problem.certified
        let rss = 2 * summary.finalObjective
        let parameterDigits = certified.parameters.indices.map {
            significantDigits(summary.parameters[$0], certified.parameters[$0])
        }
        let rssDigits = significantDigits(rss, certified.residualSumOfSquares)
        let covariance = try Covariance.leastSquares(summary, observationCount: problem.y.count)
        let se = Covariance.standardErrors(covariance)
        let seDigits = certified.standardErrors.indices.map { significantDigits(se[$0], certified.standardErrors[$0]) }
        print("\(name) start \(start): \(summary.status), \(summary.iterations) iterations, digits b",
              parameterDigits.map { String(format: "%.1f", $0) }, "RSS", String(format: "%.1f", rssDigits),
              "SE", seDigits.map { String(format: "%.1f", $0) })
        #expect(summary.isConverged, "\(name) start \(start): \(summary.message)")
        for (j, digits) in parameterDigits.enumerated() {
            #expect(digits >= Tolerance.nistSignificantDigits,
                    "\(name) start \(start) b\(j + 1) = \(summary.parameters[j]), certified \(certified.parameters[j])")
        }
        #expect(rssDigits >= Tolerance.nistSignificantDigits,
                "\(name) start \(start) RSS = \(rss), certified \(certified.residualSumOfSquares)")
        for (j, digits) in seDigits.enumerated() {
            #expect(digits >= Tolerance.nistStandardErrorDigits,
                    "\(name) start \(start) se\(j + 1) = \(se[j]), certified \(certified.standardErrors[j])")
        }
    }
}
