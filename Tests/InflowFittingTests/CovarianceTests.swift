import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

@Suite("Covariance from curvature")
struct CovarianceTests {
    static func matrix(_ rows: [[Double]]) -> SmallMatrix { SmallMatrix(Matrix(rowMajor: rows)) }

    /// [[4, 2], [2, 3]]^-1 = 1/8 [[3, -2], [-2, 4]].
    @Test func inverseInClosedForm() throws {
        let inverse = try Covariance.inverse(Self.matrix([[4, 2], [2, 3]]))
        let expected = [[3.0 / 8, -2.0 / 8], [-2.0 / 8, 4.0 / 8]]
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(inverse[i, j] - expected[i][j]) <= Tolerance.closedForm * 1e-3) }
        }
    }

    /// H = diag(2, 4), M = [[1, 0.5], [0.5, 1]]: H^-1 M H^-1 = [[1/4, 1/16], [1/16, 1/16]];
    /// with M = H the sandwich collapses to H^-1.
    @Test func sandwichInClosedForm() throws {
        let bread = Self.matrix([[2, 0], [0, 4]])
        let sandwich = try Covariance.sandwich(bread: bread, meat: Self.matrix([[1, 0.5], [0.5, 1]]))
        let expected = [[0.25, 0.0625], [0.0625, 0.0625]]
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(sandwich[i, j] - expected[i][j]) <= Tolerance.closedForm * 1e-3) }
        }
        let information = Self.matrix([[5, 1, 0.5], [1, 4, 1], [0.5, 1, 3]])
        let collapsed = try Covariance.sandwich(bread: information, meat: information)
        let inverse = try Covariance.inverse(information)
        for i in 0..<3 {
            for j in 0..<3 { #expect(abs(collapsed[i, j] - inverse[i, j]) <= Tolerance.closedForm * 1e-3) }
        }
    }

    /// A parameter the residuals do not depend on has zero information and is named.
    @Test func parameterWithoutInformationIsNamed() {
        let h = Self.matrix([[2, 1, 0], [1, 3, 0], [0, 0, 0]])
        #expect(throws: CovarianceError.notIdentified(parameter: 2, smallestEigenvalue: 0)) {
            try Covariance.inverse(h)
        }
    }

    /// Parameters 1 and 2 enter only through theta_1 + 2 theta_2 (J columns a and 2a): the scaled
    /// matrix has a zero eigenvalue along (0, 1, -1)/sqrt(2) and one of the two is named. Parameter 0
    /// (an independent column) must not be.
    @Test func collinearParametersAreDiagnosed() throws {
        var h = SmallMatrix(order: 3)
        for row in [SIMD8<Double>(1, 1, 2, 0, 0, 0, 0, 0), SIMD8(0, 2, 4, 0, 0, 0, 0, 0), SIMD8(1, 0, 0, 0, 0, 0, 0, 0)] {
            h.addOuterProduct(row)
        }
        do {
            _ = try Covariance.inverse(h)
            Issue.record("a singular matrix was inverted")
        } catch {
            guard case .notIdentified(let parameter, let eigenvalue) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(parameter == 1 || parameter == 2)
            #expect(abs(eigenvalue) <= 1e-12)
            #expect(error.description.hasPrefix("parameter \(parameter) is not identified"))
        }
        // Fixing one of the pair identifies the other.
        var fixed = SIMDMask<SIMD8<Int64>>(repeating: false)
        fixed[2] = true
        let inverse = try Covariance.inverse(h, fixed: fixed)
        #expect(inverse[2, 2] == 0 && inverse[1, 1] > 0)
    }

    @Test func nonFiniteAndTooFewObservations() {
        #expect(throws: CovarianceError.nonFinite) { try Covariance.inverse(Self.matrix([[1, .nan], [.nan, 1]])) }
        let problem = ResidualFunction(parameterCount: 2, residualCount: 2) { i, x in x[i] - Double(i) } jacobianRow: { i, _ in
            i == 0 ? SIMD8(1, 0, 0, 0, 0, 0, 0, 0) : SIMD8(0, 1, 0, 0, 0, 0, 0, 0)
        }
        let summary = LevenbergMarquardt.minimize(problem, from: .zero)
        #expect(throws: CovarianceError.insufficientDegreesOfFreedom(observations: 2, parameters: 2)) {
            try Covariance.leastSquares(summary, observationCount: 2)
        }
    }

    @Test func correlationHasUnitDiagonal() throws {
        let covariance = try Covariance.inverse(Self.matrix([[4, 2], [2, 3]]))
        let correlation = Covariance.correlation(covariance)
        #expect(abs(correlation[0, 0] - 1) <= 1e-15 && abs(correlation[1, 1] - 1) <= 1e-15)
        // corr = -2 / sqrt(3 * 4)
        #expect(abs(correlation[0, 1] + 2 / 12.0.squareRoot()) <= 1e-15)
    }
}
