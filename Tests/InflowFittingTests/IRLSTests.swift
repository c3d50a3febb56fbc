import Foundation
import InflowFitting
import InflowLinearAlgebra
import Testing

@Suite("IRLS for generalized linear models")
struct IRLSTests {
    static func nineDayDesign(_ t: [Double]) -> Matrix { Matrix(rowMajor: t.map { [1, $0, $0 * $0] }) }

    /// Poisson GLM, log link, design [1, t, t^2] on the nine-day series, against statsmodels
    /// (refitted in 40 digits): coefficients, standard errors, deviance, Pearson X^2, fitted means.
    @Test func poissonNineDayMatchesStatsmodels() throws {
        let reference = try NineDayReference.load()
        let fit = try IRLS.fit(design: Self.nineDayDesign(reference.t), response: reference.y, family: PoissonLogFamily())
        let expected = reference.poisson
        #expect(fit.status == .converged)
        #expect(fit.rank == 3 && fit.aliasedColumns.isEmpty)
        #expect(Double(fit.degreesOfFreedom) == expected.df_resid)
        #expect(fit.dispersion == 1)
        for j in 0..<3 {
            #expect(isClose(fit.coefficients[j], expected.params[j], relative: Tolerance.glmRelative),
                    "b\(j): \(fit.coefficients[j]) vs \(expected.params[j])")
            let se = try #require(fit.standardErrors[j])
            #expect(isClose(se, expected.bse[j], relative: Tolerance.glmRelative), "se\(j): \(se) vs \(expected.bse[j])")
        }
        #expect(isClose(fit.deviance, expected.deviance, relative: Tolerance.glmRelative), "deviance \(fit.deviance)")
        #expect(isClose(fit.pearsonChiSquared, expected.pearson_chi2, relative: Tolerance.glmRelative))
        for i in expected.fitted.indices {
            #expect(isClose(fit.fittedMeans[i], expected.fitted[i], relative: Tolerance.glmRelative))
            // Canonical link: the working weight is mu.
            #expect(isClose(fit.workingWeights[i], fit.fittedMeans[i], relative: 1e-15))
        }
    }

    /// NB2 with theta fixed at its maximum-likelihood value: the coefficients are the joint ML ones and
    /// the standard errors the "theta known" ones (statsmodels GLM NegativeBinomial(alpha), R glm.nb).
    @Test func negativeBinomialWithThetaFixedMatchesStatsmodels() throws {
        let reference = try NineDayReference.load()
        let family = NegativeBinomial2LogFamily(theta: reference.nb2.theta)
        let options = IRLS.Options(tolerance: Tolerance.nonCanonicalDevianceTolerance)
        let fit = try IRLS.fit(design: Self.nineDayDesign(reference.t), response: reference.y, family: family,
                               options: options)
        let expected = reference.nb2
        #expect(fit.isConverged, "\(fit.status)")
        #expect(isClose(1 / family.theta, expected.alpha, relative: 1e-15))
        for j in 0..<3 {
            #expect(isClose(fit.coefficients[j], expected.paramsThetaFixedGLM[j], relative: Tolerance.glmRelative),
                    "b\(j): \(fit.coefficients[j]) vs \(expected.paramsThetaFixedGLM[j])")
            #expect(isClose(fit.coefficients[j], expected.params[j], relative: Tolerance.glmRelative))
            let se = try #require(fit.standardErrors[j])
            #expect(isClose(se, expected.bseThetaFixed[j], relative: Tolerance.glmRelative),
                    "se\(j): \(se) vs \(expected.bseThetaFixed[j])")
        }
        for i in expected.fitted.indices {
            #expect(isClose(fit.fittedMeans[i], expected.fitted[i], relative: Tolerance.glmRelative))
        }
    }

    /// Gaussian identity GLM is weighted least squares: same coefficients and covariance as
    /// LeastSquares.solve, and the dispersion is RSS / (n - p).
    @Test func gaussianIdentityIsLeastSquares() throws {
        let x = (0..<12).map { Double($0) }
        let design = Matrix(rowMajor: x.map { [1, $0] })
        let y: [Double] = x.map { 2 + 0.7 * $0 + cos(3 * $0) }
        let weights: [Double] = x.map { 1 + $0.truncatingRemainder(dividingBy: 3) }
        let reference = try LeastSquares.solve(design: design, response: y, weights: weights)
        let fit = try IRLS.fit(design: design, response: y, family: GaussianIdentityFamily(), priorWeights: weights)
        #expect(fit.isConverged)
        #expect(isClose(fit.dispersion, reference.residualVariance, relative: Tolerance.linearAgreement))
        #expect(isClose(fit.deviance, reference.residualSumOfSquares, relative: Tolerance.linearAgreement))
        for j in 0..<2 {
            #expect(isClose(fit.coefficients[j], reference.coefficients[j], relative: Tolerance.linearAgreement))
            #expect(isClose(fit.standardErrors[j]!, reference.standardErrors[j]!, relative: Tolerance.linearAgreement))
        }
    }

    /// Intercept-only Poisson with offset log(exposure): b = log(sum y / sum exposure) in closed form,
    /// and prior weight 2 on a row is the same fit as that row twice.
    @Test func offsetAndPriorWeightsInClosedForm() throws {
        let y: [Double] = [3, 0, 7, 12, 5]
        let exposure: [Double] = [1, 0.5, 2, 3, 1.5]
        let weights: [Double] = [1, 1, 2, 1, 1]
        let design = Matrix(rows: 5, columns: 1, repeating: 1)
        let fit = try IRLS.fit(design: design, response: y, family: PoissonLogFamily(),
                               offset: exposure.map { log($0) }, priorWeights: weights)
        let weightedY = zip(y, weights).map { $0 * $1 }.reduce(0, +)
        let weightedExposure = zip(exposure, weights).map { $0 * $1 }.reduce(0, +)
        #expect(isClose(fit.coefficients[0], log(weightedY / weightedExposure), relative: Tolerance.closedForm))
        // Fisher information sum_i w_i mu_i = sum_i w_i y_i at the optimum.
        #expect(isClose(fit.unscaledCovariance[0, 0], 1 / weightedY, relative: Tolerance.closedForm))

        let duplicated = try IRLS.fit(design: Matrix(rows: 6, columns: 1, repeating: 1), response: y + [7],
                                      family: PoissonLogFamily(), offset: (exposure + [2]).map { log($0) })
        #expect(isClose(duplicated.coefficients[0], fit.coefficients[0], relative: Tolerance.closedForm))
        #expect(isClose(duplicated.deviance, fit.deviance, relative: Tolerance.closedForm))
    }

    /// A duplicated column is aliased: reported, coefficient 0, no standard error, and the other
    /// coefficients are those of the full-rank fit.
    @Test func aliasedColumnIsReported() throws {
        let reference = try NineDayReference.load()
        let design = Matrix(rowMajor: reference.t.map { [1, $0, $0 * $0, 2 * $0] })
        let fit = try IRLS.fit(design: design, response: reference.y, family: PoissonLogFamily())
        #expect(fit.rank == 3)
        #expect(fit.aliasedColumns.count == 1)
        let aliased = try #require(fit.aliasedColumns.first)
        #expect(aliased == 1 || aliased == 3)
        #expect(fit.coefficients[aliased] == 0)
        #expect(fit.standardErrors[aliased] == nil)
        #expect(isClose(fit.deviance, reference.poisson.deviance, relative: Tolerance.glmRelative))
        #expect(isClose(fit.coefficients[2], reference.poisson.params[2], relative: Tolerance.glmRelative))
    }

    /// A far-off start (mu = e^12 everywhere) must still reach the optimum; deviance never increases
    /// after the first step thanks to step halving.
    @Test func farStartConverges() throws {
        let reference = try NineDayReference.load()
        let fit = try IRLS.fit(design: Self.nineDayDesign(reference.t), response: reference.y,
                               family: PoissonLogFamily(), start: [12, 0, 0])
        #expect(fit.isConverged)
        #expect(isClose(fit.deviance, reference.poisson.deviance, relative: Tolerance.glmRelative))
        for j in 0..<3 { #expect(isClose(fit.coefficients[j], reference.poisson.params[j], relative: Tolerance.glmRelative)) }
    }

    @Test func invalidInputIsATypedError() {
        let design = Matrix(rows: 3, columns: 1, repeating: 1)
        #expect(throws: IRLSError.invalidResponse(index: 1, value: -2, family: "Poisson (log link)")) {
            try IRLS.fit(design: design, response: [1, -2, 3], family: PoissonLogFamily())
        }
        #expect(throws: IRLSError.nonFiniteInput("response")) {
            try IRLS.fit(design: design, response: [1, .nan, 3], family: PoissonLogFamily())
        }
        #expect(throws: IRLSError.negativeWeight(index: 2, value: -1)) {
            try IRLS.fit(design: design, response: [1, 2, 3], family: PoissonLogFamily(), priorWeights: [1, 1, -1])
        }
        var options = IRLS.Options()
        options.tolerance = 0
        #expect(throws: IRLSError.self) {
            try IRLS.fit(design: design, response: [1, 2, 3], family: PoissonLogFamily(), options: options)
        }
        // A zero-weight observation may hold any finite value.
        #expect(throws: Never.self) {
            try IRLS.fit(design: design, response: [1, -2, 3], family: PoissonLogFamily(), priorWeights: [1, 0, 1])
        }
    }

    /// With the R default tolerance the NB2 fit stops earlier but still within 1e-5 relative
    /// (linear convergence of Fisher scoring; see `IRLS.Options.tolerance`).
    @Test func negativeBinomialWithTheDefaultTolerance() throws {
        let reference = try NineDayReference.load()
        let fit = try IRLS.fit(design: Self.nineDayDesign(reference.t), response: reference.y,
                               family: NegativeBinomial2LogFamily(theta: reference.nb2.theta))
        #expect(fit.status == .converged)
        for j in 0..<3 { #expect(isClose(fit.coefficients[j], reference.nb2.params[j], relative: 1e-5)) }
    }

    /// A tolerance below the rounding noise of the deviance never passes: the fit runs to the iteration
    /// limit and says so, but noise-level "increases" must not halve good steps, so the coefficients are
    /// still the optimum (halving on noise used to leave them 1e-8 off).
    @Test(arguments: [true, false])
    func toleranceBelowRoundingNoise(negativeBinomial: Bool) throws {
        let reference = try NineDayReference.load()
        let design = Self.nineDayDesign(reference.t)
        let options = IRLS.Options(tolerance: 1e-17)
        let fit = negativeBinomial
            ? try IRLS.fit(design: design, response: reference.y,
                           family: NegativeBinomial2LogFamily(theta: reference.nb2.theta), options: options)
            : try IRLS.fit(design: design, response: reference.y, family: PoissonLogFamily(), options: options)
        let expected = negativeBinomial ? reference.nb2.params : reference.poisson.params
        #expect(fit.status == .maximumIterations || fit.status == .converged, "\(fit.status)")
        #expect(fit.stepHalvings == 0)
        for j in 0..<3 {
            #expect(isClose(fit.coefficients[j], expected[j], relative: Tolerance.glmRelative / 10),
                    "b\(j): \(fit.coefficients[j]) vs \(expected[j])")
        }
    }

    @Test func iterationLimitKeepsTheLastCoefficients() throws {
        let reference = try NineDayReference.load()
        var options = IRLS.Options()
        options.maximumIterations = 2
        let fit = try IRLS.fit(design: Self.nineDayDesign(reference.t), response: reference.y,
                               family: PoissonLogFamily(), options: options)
        #expect(fit.status == .maximumIterations)
        #expect(fit.iterations == 2)
        #expect(fit.deviance.isFinite && fit.deviance >= reference.poisson.deviance)
    }
}
