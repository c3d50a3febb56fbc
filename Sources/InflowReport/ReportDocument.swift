/// A report, independent of its output format: metadata and ordered sections.
///
/// Built by ``ReportBuilder`` from a ``ReportInput``; rendered by ``HTMLRenderer``,
/// ``MarkdownRenderer`` and (inside a ``SavedReport``) ``JSONRenderer``. Every string in it
/// is plain text: renderers escape it for their format.
public struct ReportDocument: Sendable, Equatable, Codable {
    /// The report's title.
    public var title: String
    /// The dataset the report is about.
    public var datasetName: String
    /// When the report was generated (ISO 8601, UTC).
    public var generatedAt: String
    /// The version of the tool that made it.
    public var toolVersion: String
    /// One line under the title (dataset, last report, model).
    public var subtitle: String
    /// The sections in order.
    public var sections: [ReportSection]

    /// A document; the arguments are the properties of the same names.
    public init(title: String, datasetName: String, generatedAt: String, toolVersion: String, subtitle: String,
                sections: [ReportSection]) {
        self.title = title
        self.datasetName = datasetName
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The section with an identifier, if the report has it.
    public func section(_ id: ReportSectionID) -> ReportSection? {
        sections.first { $0.id == id.rawValue }
    }

    /// Every chart of the report, small multiples included, in document order.
    public var charts: [Chart] {
        sections.flatMap { section in
            section.blocks.flatMap { block -> [Chart] in
                switch block {
                case .chart(let chart): [chart]
                case .smallMultiples(let charts): charts
                default: []
                }
            }
        }
    }
}
