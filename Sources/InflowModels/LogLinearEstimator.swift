import InflowCore
import Foundation
import InflowFitting
import InflowLinearAlgebra
import InflowStatistics

/// The fitting procedure behind ``LogLinearModel/fit(_:error:)``.
struct LogLinearEstimator {
    let model: LogLinearModel
    let design: Matrix
    let response: [Double]
    let offset: [Double]
    let error: ErrorFamily
    let observations: PreparedObservations
    let basis: FittedTimeBasis
    let origin: Date

    /// Outer iterations of the NB2 alternation, and its relative tolerance on the log-likelihood and on theta.
    static let maximumAlternations = 100
    static let alternationTolerance = 1e-10

    func run() -> LogLinearFit {
        var warnings = observations.warnings.map(\.message)
        let names = model.columnNames(basis: basis)
        do {
            var summary = try IRLS.fit(design: design, response: response, family: PoissonLogFamily(), offset: offset)
            var theta: Double?
            var status: FitStatus = summary.isConverged
                ? .converged(reason: "deviance change below tolerance")
                : .notConverged(reason: summary.status.description)
            if error == .negativeBinomial {
                var currentTheta = momentTheta(summary.fittedMeans)
                var previous = -Double.infinity
                var converged = false
                for _ in 0..<Self.maximumAlternations {
                    summary = try IRLS.fit(design: design, response: response,
                                           family: NegativeBinomial2LogFamily(theta: currentTheta),
                                           offset: offset, start: summary.coefficients)
                    let previousTheta = currentTheta
                    currentTheta = maximumLikelihoodTheta(means: summary.fittedMeans, start: currentTheta)
                    let loglik = nbLogLikelihood(summary.fittedMeans, theta: currentTheta)
                    // The log-likelihood is flat in a large theta: it settles long before theta does.
                    if abs(loglik - previous) <= Self.alternationTolerance * abs(loglik)
                        && abs(currentTheta - previousTheta) <= Self.alternationTolerance * currentTheta {
                        converged = true
                        break
                    }
                    previous = loglik
                }
                // Final IRLS at the final theta, so coefficients and covariance belong to it.
                summary = try IRLS.fit(design: design, response: response,
                                       family: NegativeBinomial2LogFamily(theta: currentTheta),
                                       offset: offset, start: summary.coefficients)
                theta = currentTheta
                status = converged && summary.isConverged
                    ? .converged(reason: "log-likelihood and theta changes below \(Self.alternationTolerance) relative")
                    : .notConverged(reason: "theta and coefficients did not settle within \(Self.maximumAlternations) alternations")
                if currentTheta >= exp(negativeBinomialLogThetaBounds.upperBound) * 0.999 {
                    warnings.append("theta reached its upper bound: the counts show no overdispersion (NB2 is Poisson here)")
                }
            }
            return finish(summary: summary, theta: theta, status: status, names: names, warnings: warnings)
        } catch {
            return LogLinearFit(
                model: model, error: self.error, basis: basis, origin: origin, observations: observations,
                coefficientNames: names, coefficients: Array(repeating: .nan, count: design.columns),
                standardErrors: Array(repeating: nil, count: design.columns),
                fullHessianStandardErrors: Array(repeating: nil, count: design.columns), theta: nil,
                thetaStandardError: nil, covariance: Matrix(rows: design.columns, columns: design.columns),
                fitted: Array(repeating: .nan, count: response.count), logLikelihood: nil, deviance: .nan,
                pearsonChiSquare: .nan, status: .failed(reason: error.description), warnings: warnings,
                design: design, offset: offset)
        }
    }

    func finish(summary: IRLS.Summary, theta: Double?, status initialStatus: FitStatus, names: [String],
                warnings initialWarnings: [String]) -> LogLinearFit {
        var warnings = initialWarnings
        var status = initialStatus
        let mu = summary.fittedMeans
        let p = design.columns, n = response.count
        var covariance = summary.unscaledCovariance
        var pearson = 0.0
        for i in 0..<n {
            let variance = theta.map { mu[i] + mu[i] * mu[i] / $0 } ?? mu[i]
            pearson += (response[i] - mu[i]) * (response[i] - mu[i]) / variance
        }
        if error == .quasiPoisson {
            let phi = summary.degreesOfFreedom > 0 ? pearson / Double(summary.degreesOfFreedom) : .nan
            for i in 0..<p { for j in 0..<p { covariance[i, j] *= phi } }
        }
        let aliased = Set(summary.aliasedColumns)
        if !aliased.isEmpty {
            warnings.append("columns \(aliased.sorted().map { names[$0] }.joined(separator: ", ")) are aliased (not identified); their coefficients are set to 0")
            if status.isConverged { status = .nonIdentifiable(reason: "the design has rank \(summary.rank) of \(p)") }
        }
        let standardErrors: [Double?] = (0..<p).map { aliased.contains($0) ? nil : covariance[$0, $0].squareRoot() }

        var fullErrors = standardErrors
        var thetaSE: Double?
        var deviance = summary.deviance
        var logLikelihood: Double?
        if let theta {
            logLikelihood = nbLogLikelihood(mu, theta: theta)
            let (fullCovariance, thetaInformation) = fullInformationCovariance(means: mu, theta: theta, aliased: aliased)
            if let fullCovariance {
                fullErrors = (0..<p).map { aliased.contains($0) ? nil : fullCovariance[$0, $0].squareRoot() }
            }
            thetaSE = thetaInformation > 0 ? 1 / thetaInformation.squareRoot() : nil
            deviance = (0..<n).reduce(0) { total, i in
                let y = response[i], m = mu[i]
                return total + 2 * ((y > 0 ? y * log(y / m) : 0) - (y + theta) * log((y + theta) / (m + theta)))
            }
        } else if error == .poisson {
            logLikelihood = (0..<n).reduce(0) { total, i in
                total + SpecialFunctions.logPoissonProbability(response[i], mean: mu[i])
            }
        }
        return LogLinearFit(
            model: model, error: error, basis: basis, origin: origin, observations: observations,
            coefficientNames: names, coefficients: summary.coefficients, standardErrors: standardErrors,
            fullHessianStandardErrors: fullErrors, theta: theta, thetaStandardError: thetaSE,
            covariance: covariance, fitted: mu, logLikelihood: logLikelihood, deviance: deviance,
            pearsonChiSquare: pearson, status: status, warnings: warnings, design: design, offset: offset)
    }

    /// Method-of-moments start for theta, within the bounds (the upper bound without overdispersion).
    func momentTheta(_ mu: [Double]) -> Double {
        let bounds = negativeBinomialLogThetaBounds
        guard let moment = NegativeBinomialDispersion.momentEstimate(responses: response, means: mu) else {
            return exp(bounds.upperBound)
        }
        return min(max(moment, exp(bounds.lowerBound)), exp(bounds.upperBound))
    }

    /// NB2 log-likelihood with every constant.
    func nbLogLikelihood(_ mu: [Double], theta: Double) -> Double {
        var total = 0.0
        let lgammaTheta = SpecialFunctions.logGamma(theta)
        for i in mu.indices {
            let y = response[i], m = mu[i]
            total += SpecialFunctions.logGamma(y + theta) - lgammaTheta - SpecialFunctions.logGamma(y + 1)
                + theta * log(theta / (theta + m)) + (y > 0 ? y * log(m / (theta + m)) : 0)
        }
        return total
    }

    /// Score and observed information of the NB2 log-likelihood in `theta`, means fixed.
    func thetaDerivatives(_ mu: [Double], theta: Double) -> (score: Double, information: Double) {
        var score = 0.0, information = 0.0
        let digammaTheta = SpecialFunctions.digamma(theta), trigammaTheta = SpecialFunctions.trigamma(theta)
        for i in mu.indices {
            let terms = NegativeBinomialDispersion.derivatives(y: response[i], mu: mu[i], theta: theta,
                                                               digammaTheta: digammaTheta, trigammaTheta: trigammaTheta)
            score += terms.score
            information += terms.information
        }
        return (score, information)
    }

    /// The rounding noise of ``nbLogLikelihood(_:theta:)``: a few ulps of the sum of its log-gamma terms' sizes
    /// (`log Gamma(y + theta) - log Gamma(theta)` cancels thousands to tens when theta is large).
    func nbLogLikelihoodNoise(theta: Double) -> Double {
        let lgammaTheta = abs(SpecialFunctions.logGamma(theta))
        var magnitude = 0.0
        for y in response { magnitude += abs(SpecialFunctions.logGamma(y + theta)) + lgammaTheta }
        return 16 * Double.ulpOfOne * magnitude
    }

    /// Maximises the NB2 log-likelihood in `s = log theta` by Newton steps, halved while the log-likelihood falls
    /// by more than its rounding noise (near a flat maximum the score decides, as in `MASS::theta.ml`), within
    /// ``negativeBinomialLogThetaBounds``.
    func maximumLikelihoodTheta(means mu: [Double], start: Double) -> Double {
        let bounds = negativeBinomialLogThetaBounds
        var s = min(max(log(start), bounds.lowerBound), bounds.upperBound)
        var value = nbLogLikelihood(mu, theta: exp(s))
        for _ in 0..<100 {
            let theta = exp(s)
            let (score, information) = thetaDerivatives(mu, theta: theta)
            let gradient = theta * score                              // dl/ds
            let curvature = theta * theta * information - theta * score  // -d2l/ds2
            var step = curvature > 0 ? gradient / curvature : (gradient > 0 ? 1 : -1)
            var accepted = false
            for _ in 0..<40 {
                let candidate = min(max(s + step, bounds.lowerBound), bounds.upperBound)
                let candidateValue = nbLogLikelihood(mu, theta: exp(candidate))
                if candidateValue >= value - nbLogLikelihoodNoise(theta: exp(candidate)) {
                    accepted = abs(candidate - s) > 1e-13 * max(abs(s), 1)
                    s = candidate
                    value = candidateValue
                    break
                }
                step /= 2
            }
            if !accepted { break }
        }
        return exp(s)
    }

    /// Covariance of `b` from the full observed information of `(b, theta)` and the observed
    /// information of `theta` alone. With `eta = x^T b`:
    /// `-d2l/deta2 = theta mu (theta + y) / (theta + mu)^2`,
    /// `-d2l/deta dtheta = -mu (y - mu) / (theta + mu)^2`.
    func fullInformationCovariance(means mu: [Double], theta: Double, aliased: Set<Int>) -> (Matrix?, Double) {
        let identified = (0..<design.columns).filter { !aliased.contains($0) }
        let k = identified.count
        var information = Matrix(rows: k + 1, columns: k + 1)
        for i in mu.indices {
            let y = response[i], m = mu[i]
            let w = theta * m * (theta + y) / ((theta + m) * (theta + m))
            let cross = -m * (y - m) / ((theta + m) * (theta + m))
            for (a, ja) in identified.enumerated() {
                let xa = design[i, ja]
                for (b, jb) in identified.enumerated() { information[a, b] += w * xa * design[i, jb] }
                information[a, k] += cross * xa
            }
        }
        let thetaInformation = thetaDerivatives(mu, theta: theta).information
        information[k, k] = thetaInformation
        for a in 0..<k { information[k, a] = information[a, k] }
        guard let inverse = try? CholeskyFactorization(information).inverse() else { return (nil, thetaInformation) }
        var covariance = Matrix(rows: design.columns, columns: design.columns)
        for (a, ja) in identified.enumerated() {
            for (b, jb) in identified.enumerated() { covariance[ja, jb] = inverse[a, b] }
        }
        return (covariance, thetaInformation)
    }
}
