/// One province on a ``ProvinceTileMap``: what its tile shows and says when hovered.
///
/// Every string here comes from data and is escaped when the map is drawn.
public struct ProvinceTile: Sendable, Equatable, Codable {
    /// The province's ISO 3166-2:KH code, such as `KH-1` (Banteay Meanchey); tiles whose code
    /// the map's layout does not place are left out of the drawing.
    public var isoCode: String
    /// The short name shown on the tile, such as "B. Meanchey"; a long name is shrunk, then wrapped
    /// into two lines, then cut with an ellipsis (the tooltip still carries ``detail`` in full).
    public var label: String
    /// The value the tile's colour and number show (a count, rounded to a whole number for both);
    /// `nil`, NaN or an infinite value means *not determined*: the tile shows "n.d." on a hatch.
    public var value: Double?
    /// The tooltip text, such as "Banteay Meanchey: 312 (90%: 120 to 700) expected still to arrive";
    /// when empty, the tooltip is the label and the value.
    public var detail: String
    /// Whether the value deserves a caveat (for example, it is driven by the prior shares only):
    /// the tile is drawn with a dashed border, explained in the legend.
    public var flagged: Bool

    /// A tile for the province `isoCode`.
    public init(isoCode: String, label: String, value: Double?, detail: String = "", flagged: Bool = false) {
        self.isoCode = isoCode
        self.label = label
        self.value = value
        self.detail = detail
        self.flagged = flagged
    }
}
