/// A key figure shown as a card: a label, the value, its interval and a line of detail.
public struct HeadlineCard: Sendable, Equatable, Codable {
    /// What the figure is ("Expected arrivals, next 7 days").
    public var label: String
    /// The figure, already rounded and formatted ("312").
    public var value: String
    /// Its interval in words ("90% interval 180–520"), if it has one.
    public var interval: String?
    /// A line of context (dates covered, the model used).
    public var detail: String?

    /// A card; the arguments are the properties of the same names.
    public init(label: String, value: String, interval: String? = nil, detail: String? = nil) {
        self.label = label
        self.value = value
        self.interval = interval
        self.detail = detail
    }
}
