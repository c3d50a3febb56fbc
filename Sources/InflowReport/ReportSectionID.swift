/// The sections of a report, in the order they appear, with their stable identifiers.
///
/// The raw value is the section's `id` in every format: the HTML `id` attribute (so
/// `report.html#headline` links to it), the JSON `id` field and the Markdown anchor.
public enum ReportSectionID: String, Sendable, Codable, CaseIterable {
    /// The headline numbers: arrivals over the next days and the remaining pool.
    case headline
    /// Observed and fitted inflow, with the projection.
    case observedFitted = "observed-fitted"
    /// Cumulative arrivals and the remaining pool.
    case cumulative
    /// The families' fits and weights side by side.
    case modelComparison = "model-comparison"
    /// What knowledge of the pool would change.
    case sensitivity
    /// The rolling-origin backtest's scores.
    case backtest
    /// Projections from earlier origins against what happened.
    case retrospective
    /// Archived projections against what happened.
    case archive
    /// Per-key projections.
    case provinces
    /// Arrivals by province of origin.
    case origins
    /// Diagnostics and warnings.
    case diagnostics
    /// Where the data came from.
    case provenance
    /// How the numbers were made.
    case method

    /// The section's title.
    public var title: String {
        switch self {
        case .headline: "Headline numbers"
        case .observedFitted: "Observed and fitted inflow, with the projection"
        case .cumulative: "Cumulative arrivals and the remaining pool"
        case .modelComparison: "Model comparison"
        case .sensitivity: "What knowledge of the pool would change"
        case .backtest: "Backtest"
        case .retrospective: "Projections from earlier origins against what happened"
        case .archive: "Archived projections against what happened"
        case .provinces: "Per-key projections"
        case .origins: "From where: arrivals by province of origin"
        case .diagnostics: "Diagnostics and warnings"
        case .provenance: "Data provenance"
        case .method: "Method"
        }
    }
}
