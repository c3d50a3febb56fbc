import InflowData
import InflowProvinces

/// The provincial part of an analysis (`inflow project --by province`): the provincial model fitted to the
/// site's counts, the site's projection split by province of origin, and the same split under each
/// alternative share prior.
public struct ProvincialAnalysis: Sendable {
    /// The fitted provincial model.
    public let fit: ProvincialFit
    /// The site's headline projection split by province (coherent with it in every replicate).
    public let projection: ProvincialProjection
    /// The split under each of the model's alternative share priors, in order.
    public let alternatives: [ProvincialProjection]
    /// What the user should know (prior-driven provinces, a fit that did not converge).
    public let warnings: [String]

    /// A provincial analysis.
    public init(fit: ProvincialFit, projection: ProvincialProjection, alternatives: [ProvincialProjection], warnings: [String]) {
        self.fit = fit
        self.projection = projection
        self.alternatives = alternatives
        self.warnings = warnings
    }
}
