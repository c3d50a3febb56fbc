import Foundation
import InflowReferenceFiles
import Testing
@testable import InflowLinearAlgebra

/// A NIST StRD linear regression problem with its certified values, as committed in
/// `Tests/Reference/Data/nist-linear/*.json` (see `check_nist_lls.py` there for the transcription check).
struct CertifiedLinearProblem: Decodable {
    struct Certified: Decodable {
        let coefficients: [Double]
        let standardErrors: [Double]
        let residualStandardDeviation: Double
    }
    let name: String
    let x: [[Double]]
    let y: [Double]
    let polynomialDegree: Int?
    let certified: Certified

    static func load(_ name: String) throws -> CertifiedLinearProblem {
        let url = try ReferenceFiles.url("nist-linear/\(name).json")
        return try JSONDecoder().decode(CertifiedLinearProblem.self, from: Data(contentsOf: url))
    }

    /// Design with an intercept: the predictors themselves, or the powers x^1..x^d.
    var design: Matrix {
        let rows: [[Double]] = x.map { predictors in
            if let degree = polynomialDegree {
                return (0...degree).map { pow(predictors[0], Double($0)) }
            }
            return [1] + predictors
        }
        return Matrix(rowMajor: rows)
    }
}

@Suite("Least squares against NIST StRD certified values")
struct LeastSquaresTests {
    @Test(arguments: ["Norris", "Longley", "Wampler4", "Wampler5", "Filip"])
    func certifiedCoefficientsAndStandardErrors(name: String) throws {
        let problem = try CertifiedLinearProblem.load(name)
        let fit = try LeastSquares.solve(design: problem.design, response: problem.y)
        let required = Tolerance.requiredDigits(for: name)
        #expect(fit.rank == problem.certified.coefficients.count, "\(name) rank")
        for (j, certified) in problem.certified.coefficients.enumerated() {
            let digits = significantDigits(fit.coefficients[j], certified)
            #expect(digits >= required, "\(name) b\(j): \(fit.coefficients[j]) vs \(certified)")
        }
        for (j, certified) in problem.certified.standardErrors.enumerated() where certified != 0 {
            let se = try #require(fit.standardErrors[j])
            #expect(significantDigits(se, certified) >= required,
                    "\(name) se\(j): \(se) vs \(certified)")
        }
        if problem.certified.residualStandardDeviation > 0 {
            #expect(significantDigits(fit.residualStandardDeviation, problem.certified.residualStandardDeviation)
                    >= required)
        }
    }

    /// Without refinement, plain Householder QR loses digits to the `kappa^2 * ||r||` term on
    /// Wampler5 (large residuals); the test shows refinement is what earns the certified digits.
    @Test func refinementIsWhatEarnsTheDigits() throws {
        let filip = try CertifiedLinearProblem.load("Wampler5")
        let plain = try LeastSquares.solve(design: filip.design, response: filip.y, refinementSteps: 0)
        let refined = try LeastSquares.solve(design: filip.design, response: filip.y)
        let plainDigits = zip(plain.coefficients, filip.certified.coefficients).map { significantDigits($0, $1) }.min()!
        let refinedDigits = zip(refined.coefficients, filip.certified.coefficients).map { significantDigits($0, $1) }.min()!
        #expect(plainDigits < Tolerance.certifiedSignificantDigits)
        #expect(refinedDigits >= Tolerance.certifiedSignificantDigits)
    }

    @Test func rankDeficientDesignReportsRankInsteadOfFailing() throws {
        // Column 2 = 2 * column 1: the fit must say rank 2 and alias one column.
        let t = (0..<10).map(Double.init)
        let design = Matrix(columns: [Array(repeating: 1, count: 10), t, t.map { 2 * $0 }])
        let y = t.map { 3 + 0.5 * $0 }
        let fit = try LeastSquares.solve(design: design, response: y)
        #expect(fit.rank == 2)
        #expect(fit.aliasedColumns.count == 1)
        #expect(fit.standardErrors.filter { $0 == nil }.count == 1)
        #expect(fit.coefficients.allSatisfy { $0.isFinite })
        // The fitted values are still exact.
        #expect(fit.residuals.allSatisfy { abs($0) < Tolerance.wellConditioned })
        #expect(!fit.isFullRank)
    }

    @Test func weightedLeastSquaresEqualsRowScaling() throws {
        let t = (0..<8).map(Double.init)
        let design = Matrix(columns: [Array(repeating: 1, count: 8), t])
        let y = [1.0, 2.9, 5.2, 6.8, 9.1, 11.0, 12.8, 15.3]
        let w = [1.0, 2, 0.5, 4, 1, 3, 2, 0]
        let weighted = try LeastSquares.solve(design: design, response: y, weights: w)
        // Closed form of the weighted line: b1 = Sxy / Sxx about the weighted means.
        let sw = w.reduce(0, +)
        let tBar = zip(w, t).map(*).reduce(0, +) / sw
        let yBar = zip(w, y).map(*).reduce(0, +) / sw
        let sxy = (0..<8).map { w[$0] * (t[$0] - tBar) * (y[$0] - yBar) }.reduce(0, +)
        let sxx = (0..<8).map { w[$0] * (t[$0] - tBar) * (t[$0] - tBar) }.reduce(0, +)
        #expect(abs(weighted.coefficients[1] - sxy / sxx) < Tolerance.wellConditioned)
        #expect(abs(weighted.coefficients[0] - (yBar - sxy / sxx * tBar)) < Tolerance.wellConditioned)
        #expect(weighted.degreesOfFreedom == 7 - 2)   // one zero weight
        #expect(abs(weighted.unscaledCovariance[1, 1] - 1 / sxx) < Tolerance.wellConditioned)
    }

    @Test func nonFiniteInputIsATypedError() {
        let design = Matrix(columns: [[1, 1, 1], [0, 1, 2]])
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.solve(design: design, response: [1, .nan, 2]) }
    }
}

@Suite("Batched normal equations")
struct BatchedNormalEquationsTests {
    @Test func batchedSolveMatchesOneAtATime() throws {
        let n = 40, p = 4, replicates = 7
        let t = (0..<n).map { Double($0) / Double(n) }
        let design = Matrix(columns: [Array(repeating: 1, count: n), t, t.map { $0 * $0 }, t.map { sin(5 * $0) }])
        var weights = Matrix(rows: n, columns: replicates)
        var responses = Matrix(rows: n, columns: replicates)
        for b in 0..<replicates {
            for i in 0..<n {
                weights[i, b] = 1 + Double((i * 7 + b * 3) % 5)
                responses[i, b] = cos(Double(i + b)) + Double(b) * t[i]
            }
        }
        let batched = BatchedNormalEquations(design: design)
        let (coefficients, failed) = batched.solve(weights: weights, responses: responses)
        #expect(failed.isEmpty)
        for b in 0..<replicates {
            let single = try LeastSquares.solve(design: design, response: Array(responses.column(b)),
                                                weights: Array(weights.column(b)))
            for j in 0..<p {
                #expect(abs(coefficients[j, b] - single.coefficients[j]) < 1e-9 * max(1, abs(single.coefficients[j])))
            }
        }
        // The packed Gram matrix of replicate 0 equals X^T W X.
        let gram = batched.packedGramians(weights: weights)
        var direct = 0.0
        for i in 0..<n { direct += weights[i, 0] * t[i] * t[i] * t[i] }
        #expect(abs(gram[BatchedNormalEquations.packedIndex(1, 2), 0] - direct) < Tolerance.wellConditioned * direct)
    }

    @Test func singularReplicateIsReportedNotHidden() {
        let design = Matrix(columns: [[1, 1, 1], [0, 1, 2]])
        let weights = Matrix(columns: [[1, 1, 1], [0, 0, 1]])   // replicate 1 sees one point only
        let responses = Matrix(columns: [[1, 2, 3], [1, 2, 3]])
        let (coefficients, failed) = BatchedNormalEquations(design: design).solve(weights: weights, responses: responses)
        #expect(failed == [1])
        #expect(abs(coefficients[1, 0] - 1) < Tolerance.wellConditioned)
        #expect(coefficients[0, 1].isNaN)
    }
}
