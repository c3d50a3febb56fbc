/// One section of a report: a stable identifier, a title and its content blocks.
public struct ReportSection: Sendable, Equatable, Codable {
    /// Stable identifier (a ``ReportSectionID`` raw value): the HTML anchor.
    public var id: String
    /// Heading text.
    public var title: String
    /// Content in order.
    public var blocks: [ReportBlock]

    /// A section; the arguments are the properties of the same names.
    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }

    /// A section with the identifier's own title.
    public init(_ id: ReportSectionID, blocks: [ReportBlock]) {
        self.init(id: id.rawValue, title: id.title, blocks: blocks)
    }
}
