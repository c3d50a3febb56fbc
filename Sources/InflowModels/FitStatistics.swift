/// The one-row summary of a fit ("glance"): its size, likelihood, information criteria, dispersion and
/// status. Values that do not exist (no likelihood for quasi-Poisson, no AICc when `n <= k + 1`) are `nil`.
public struct FitStatistics: Sendable, Equatable, Codable {
    /// The model.
    public let model: ModelID
    /// Observations used, `n`.
    public let observations: Int
    /// Estimated quantities, `k`.
    public let estimatedParameters: Int
    /// Residual degrees of freedom, `n - k`.
    public let degreesOfFreedom: Int
    /// Log-likelihood with every constant.
    public let logLikelihood: Double?
    /// `-2 l + 2 k`.
    public let aic: Double?
    /// AIC with the small-sample correction.
    public let aicc: Double?
    /// `-2 l + k log n`.
    public let bic: Double?
    /// Deviance (Gaussian: the residual sum of squares).
    public let deviance: Double?
    /// Pearson chi-square.
    public let pearsonChiSquare: Double?
    /// NB2 dispersion `theta` (`nil` for other error families).
    public let theta: Double?
    /// Standard error of `theta`.
    public let thetaStandardError: Double?
    /// How the fit ended, in words.
    public let status: String
    /// Whether the estimates are an optimum.
    public let converged: Bool

    /// A summary; non-finite values become `nil`.
    public init(model: ModelID, fit: some InformationCriteria, deviance: Double, pearsonChiSquare: Double,
                theta: Double?, thetaStandardError: Double?, status: FitStatus) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        self.model = model
        observations = fit.observationCount
        estimatedParameters = fit.estimatedParameterCount
        degreesOfFreedom = fit.residualDegreesOfFreedom
        logLikelihood = finite(fit.logLikelihood)
        aic = finite(fit.aic)
        aicc = finite(fit.aicc)
        bic = finite(fit.bic)
        self.deviance = finite(deviance)
        self.pearsonChiSquare = finite(pearsonChiSquare)
        self.theta = finite(theta)
        self.thetaStandardError = finite(thetaStandardError)
        self.status = status.description
        converged = status.isConverged
    }

    enum CodingKeys: String, CodingKey {
        case model, observations, estimatedParameters, degreesOfFreedom, logLikelihood, aic, aicc, bic, deviance,
             pearsonChiSquare, theta, thetaStandardError, status, converged
    }

    /// Writes every key, `null` for a missing value (a schema with fixed keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(observations, forKey: .observations)
        try container.encode(estimatedParameters, forKey: .estimatedParameters)
        try container.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
        try container.encode(logLikelihood, forKey: .logLikelihood)
        try container.encode(aic, forKey: .aic)
        try container.encode(aicc, forKey: .aicc)
        try container.encode(bic, forKey: .bic)
        try container.encode(deviance, forKey: .deviance)
        try container.encode(pearsonChiSquare, forKey: .pearsonChiSquare)
        try container.encode(theta, forKey: .theta)
        try container.encode(thetaStandardError, forKey: .thetaStandardError)
        try container.encode(status, forKey: .status)
        try container.encode(converged, forKey: .converged)
    }
}
