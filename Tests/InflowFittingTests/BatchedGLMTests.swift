import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

/// The reference fits of `Tests/Reference/Data/batched-glm/batched_glm.json` (`make_batched_glm.R`: R's
/// `glm.fit` and `MASS::glm.nb` on 24 simulated series of 60 days, quadratic design).
private struct BatchedGLMReference: Decodable {
    struct Fit: Decodable {
        let coefficients: [Double]
        let standardErrors: [Double]
        let deviance: Double
        let theta: Double?
    }
    let design: [[Double]]
    let counts: [[Double]]
    let knownTheta: Double
    let poisson: [Fit]
    let negativeBinomialKnown: [Fit]
    let negativeBinomial: [Fit]

    var designMatrix: Matrix { Matrix(rowMajor: design) }
    var responses: Matrix {
        Matrix(rows: counts[0].count, columns: counts.count, columnMajor: counts.flatMap { $0 })
    }
}

/// Agreement with R at the reference's tolerances (1e-12 there): Newton from R's start to the deviance test at
/// 1e-12 relative reaches the optimum to ~1e-9 of the coefficients' size (see ``Tolerance/glmRelative``).
private let batchedOptions = BatchedGLM.Options(tolerance: 1e-12)

@Suite struct BatchedGLMTests {
    private func reference() throws -> BatchedGLMReference {
        try loadReference(BatchedGLMReference.self, "batched-glm/batched_glm")
    }

    private func expectClose(_ found: Double, _ expected: Double, _ tolerance: Double, _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let scale = max(abs(expected), 1)
        #expect(abs(found - expected) <= tolerance * scale, "\(what): \(found) against \(expected)",
                sourceLocation: sourceLocation)
    }

    private func check(_ result: BatchedGLM.Result, against fits: [BatchedGLMReference.Fit], tolerance: Double) {
        #expect(result.seriesCount == fits.count)
        for (s, fit) in fits.enumerated() {
            #expect(result.status[s] == .converged, "series \(s): \(result.status[s])")
            for j in fit.coefficients.indices {
                expectClose(result.coefficients[j, s], fit.coefficients[j], tolerance, "series \(s) coefficient \(j)")
                expectClose(result.standardErrors![j, s], fit.standardErrors[j], tolerance, "series \(s) SE \(j)")
            }
            expectClose(result.deviance[s], fit.deviance, tolerance, "series \(s) deviance")
            if let theta = fit.theta { expectClose(result.theta![s], theta, Tolerance.batchedTheta, "series \(s) theta") }
        }
    }

    @Test func poissonMatchesRGlmFit() throws {
        let reference = try reference()
        let glm = try BatchedGLM(design: reference.designMatrix)
        check(try glm.fit(responses: reference.responses, family: .poisson, options: batchedOptions),
              against: reference.poisson, tolerance: Tolerance.glmRelative)
    }

    @Test func negativeBinomialAtKnownThetaMatchesR() throws {
        let reference = try reference()
        let glm = try BatchedGLM(design: reference.designMatrix)
        let result = try glm.fit(responses: reference.responses, family: .negativeBinomial(theta: reference.knownTheta),
                                 options: batchedOptions)
        check(result, against: reference.negativeBinomialKnown, tolerance: Tolerance.glmRelative)
    }

    @Test func negativeBinomialWithEstimatedThetaMatchesGlmNb() throws {
        let reference = try reference()
        let glm = try BatchedGLM(design: reference.designMatrix)
        let result = try glm.fit(responses: reference.responses, family: .negativeBinomialEstimated, options: batchedOptions)
        check(result, against: reference.negativeBinomial, tolerance: Tolerance.batchedEstimatedTheta)
    }

    /// Each series' fit is what ``IRLS`` gives it alone; it does not depend on the thread count (bit for bit) nor,
    /// beyond rounding, on which other series share its chunk (300 series make two chunks of the 60-day design).
    @Test func sameAsIRLSForAnyThreadCountAndChunk() throws {
        let reference = try reference()
        let design = reference.designMatrix
        let glm = try BatchedGLM(design: design)
        let base = reference.responses
        let seriesCount = 300
        var columns: [Double] = []
        for s in 0..<seriesCount { columns += base.column(s % base.columns).map { ($0 + Double(s / base.columns)).rounded() } }
        let responses = Matrix(rows: base.rows, columns: seriesCount, columnMajor: columns)
        let one = try glm.fit(responses: responses, options: BatchedGLM.Options(tolerance: 1e-12, threads: 1))
        let two = try glm.fit(responses: responses, options: BatchedGLM.Options(tolerance: 1e-12, threads: 2))
        #expect(one.coefficients.elements == two.coefficients.elements)
        #expect(one.deviance == two.deviance)
        let alone = try glm.fit(responses: Matrix(rows: base.rows, columns: 1, columnMajor: Array(responses.column(257))),
                                options: BatchedGLM.Options(tolerance: 1e-12))
        for (found, expected) in zip(alone.coefficients(of: 0), one.coefficients(of: 257)) {
            expectClose(found, expected, Tolerance.chunkComposition, "series 257 alone against in its chunk")
        }
        for s in [0, 131, 299] {
            let single = try IRLS.fit(design: design, response: Array(responses.column(s)), family: PoissonLogFamily(),
                                      options: IRLS.Options(tolerance: 1e-12))
            for j in 0..<design.columns {
                expectClose(one.coefficients[j, s], single.coefficients[j], Tolerance.glmRelative, "series \(s) coefficient \(j)")
            }
        }
    }

    /// A series of zeros has no finite Poisson maximum (the intercept runs to minus infinity, R warns "fitted rates
    /// numerically 0"); it must not disturb the other series of its chunk, and its deviance goes to zero.
    @Test func allZeroSeriesLeavesTheOthersAlone() throws {
        let reference = try reference()
        let glm = try BatchedGLM(design: reference.designMatrix)
        let n = reference.designMatrix.rows
        let responses = Matrix(rows: n, columns: 3, columnMajor: reference.counts[0] + [Double](repeating: 0, count: n)
                                                                    + reference.counts[1])
        let result = try glm.fit(responses: responses, options: batchedOptions)
        for (column, s) in [(0, 0), (2, 1)] {
            for j in 0..<3 {
                expectClose(result.coefficients[j, column], reference.poisson[s].coefficients[j], Tolerance.glmRelative,
                            "series \(s) coefficient \(j)")
            }
        }
        #expect(result.deviance[1] < 1e-6)
        #expect(result.coefficients[0, 1] < -10)
    }

    @Test func invalidInputIsNamed() throws {
        let reference = try reference()
        let glm = try BatchedGLM(design: reference.designMatrix)
        var columns = reference.counts[0] + reference.counts[1]
        columns[60 + 7] = -1
        let responses = Matrix(rows: 60, columns: 2, columnMajor: columns)
        #expect(throws: IRLSError.invalidResponse(index: 67, value: -1, family: BatchedGLM.Family.poisson.description)) {
            try glm.fit(responses: responses)
        }
        #expect(throws: IRLSError.self) {
            try glm.fit(responses: responses, family: .negativeBinomial(theta: 0))
        }
        var design = reference.designMatrix
        design[3, 1] = .nan
        #expect(throws: IRLSError.nonFiniteInput("design")) { try BatchedGLM(design: design) }
    }
}
