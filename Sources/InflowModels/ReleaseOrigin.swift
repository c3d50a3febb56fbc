/// One origin of a ``ProvincialRelease``: the share of the pool released there, its mean travel time to the
/// site, and its onset when a known event fixes it.
public struct ReleaseOrigin: Sendable, Hashable, Codable {
    /// The origin's code (ISO 3166-2:KH for Cambodian provinces, such as `KH-11`).
    public var code: String
    /// The origin's share of the pool, in `[0, 1]`; the shares of a family sum to 1.
    public var share: Double
    /// Mean travel time to the site in days (`m_p = a + d_p / v`, see ``TravelDelay``).
    public var meanDelay: Double
    /// The onset of this origin's release in days since the series origin when a known event fixes it;
    /// `nil` when the origin follows the family's common onset `t0`.
    public var fixedOnset: Double?

    /// An origin.
    public init(code: String, share: Double, meanDelay: Double, fixedOnset: Double? = nil) {
        self.code = code
        self.share = share
        self.meanDelay = meanDelay
        self.fixedOnset = fixedOnset
    }
}
