/// One piece of a section's content.
public enum ReportBlock: Sendable, Equatable {
    /// A paragraph of plain text.
    case paragraph(String)
    /// A bulleted list of plain-text items.
    case list([String])
    /// Key figures as cards.
    case headline([HeadlineCard])
    /// A table.
    case table(ReportTable)
    /// A chart.
    case chart(Chart)
    /// A grid of small charts (one per key).
    case smallMultiples([Chart])
    /// A note or warning.
    case note(ReportNote)
    /// A tile map (grid cartogram) of Cambodia's provinces.
    case tileMap(ProvinceTileMap)
}
