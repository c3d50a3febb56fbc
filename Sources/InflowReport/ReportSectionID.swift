/// The sections of a report, in the order they appear, with their stable identifiers.
///
/// The raw value is the section's `id` in every format: the HTML `id` attribute (so
/// `report.html#headline` links to it), the JSON `id` field and the Markdown anchor.
public enum ReportSectionID: String, Sendable, Codable, CaseIterable {
    case headline
    case observedFitted = "observed-fitted"
    case cumulative
    case modelComparison = "model-comparison"
    case sensitivity
    case backtest
    case retrospective
    case archive
    case provinces
    case origins
    case diagnostics
    case provenance
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
