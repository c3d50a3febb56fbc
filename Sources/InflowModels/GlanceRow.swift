/// A fit's statistics as one tidy row, in the spirit of broom's `glance()`: log-likelihood, AIC, BIC, deviance,
/// residual degrees of freedom, number of observations and dispersion.
///
/// - ``residualDegreesOfFreedom``: `n - p`, with `p` the free mean parameters (curve and background, or the
///   identified coefficients), not `theta`: R's `df.residual` for `glm` and `MASS::glm.nb`.
/// - ``dispersion``: `X^2 / (n - p)`, the Pearson chi-square over those degrees of freedom (R's
///   `sum(residuals(fit, "pearson")^2) / df.residual(fit)`; the quasi-Poisson scale), near 1 when the error
///   family's variance fits.
/// - ``logLikelihood``, ``aic``, ``bic`` count every estimated quantity, `theta` included, with every constant
///   (``InformationCriteria``); `nil` for quasi-Poisson.
///
/// ``csv(_:)`` writes broom's column names (`logLik,AIC,BIC,deviance,df.residual,nobs,dispersion`) after `model`.
public struct GlanceRow: Sendable, Equatable, Codable {
    /// The model as reports print it (`logistic (negative-binomial)`).
    public let model: String
    /// Log-likelihood with every constant.
    public let logLikelihood: Double?
    /// `-2 l + 2 k`.
    public let aic: Double?
    /// `-2 l + k log n`.
    public let bic: Double?
    /// Deviance (Gaussian: the residual sum of squares).
    public let deviance: Double?
    /// `n - p`.
    public let residualDegreesOfFreedom: Int
    /// `n`.
    public let observations: Int
    /// `X^2 / (n - p)`.
    public let dispersion: Double?

    /// A row from a fit's statistics and its residual degrees of freedom.
    /// - Complexity: O(1).
    public init(statistics: FitStatistics, residualDegreesOfFreedom: Int) {
        func finite(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 : nil } }
        model = statistics.model.description
        logLikelihood = statistics.logLikelihood
        aic = statistics.aic
        bic = statistics.bic
        deviance = statistics.deviance
        self.residualDegreesOfFreedom = residualDegreesOfFreedom
        observations = statistics.observations
        dispersion = residualDegreesOfFreedom > 0
            ? finite(statistics.pearsonChiSquare.map { $0 / Double(residualDegreesOfFreedom) }) : nil
    }

    /// The rows as CSV with broom's column names after `model`; missing values are empty.
    /// - Complexity: O(rows).
    public static func csv(_ rows: [GlanceRow]) -> String {
        CSVText.table(
            header: ["model", "logLik", "AIC", "BIC", "deviance", "df.residual", "nobs", "dispersion"],
            rows: rows.map { row in
                [CSVText.field(row.model), CSVText.field(row.logLikelihood), CSVText.field(row.aic), CSVText.field(row.bic),
                 CSVText.field(row.deviance), String(row.residualDegreesOfFreedom), String(row.observations),
                 CSVText.field(row.dispersion)]
            })
    }

    enum CodingKeys: String, CodingKey {
        case model, logLikelihood, aic, bic, deviance, residualDegreesOfFreedom, observations, dispersion
    }

    /// Writes every key, `null` for a missing value (a schema with fixed keys).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(logLikelihood, forKey: .logLikelihood)
        try container.encode(aic, forKey: .aic)
        try container.encode(bic, forKey: .bic)
        try container.encode(deviance, forKey: .deviance)
        try container.encode(residualDegreesOfFreedom, forKey: .residualDegreesOfFreedom)
        try container.encode(observations, forKey: .observations)
        try container.encode(dispersion, forKey: .dispersion)
    }
}
