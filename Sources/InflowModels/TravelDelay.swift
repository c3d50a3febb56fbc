/// The time people take to reach the site (the embassy in Phnom Penh) once released in a province: a
/// gamma distribution whose mean grows with road distance,
///
///     D_p ~ Gamma(shape k, scale m_p / k),   m_p = a + d_p / v,
///
/// where `d_p` is the road distance in kilometres, `a` the days lost before travelling (finding money,
/// documents and transport) and `v` the kilometres covered per day of travel. One shape `k` for every
/// province (`k = 1` is exponential; larger is more regular). The variance is `m_p^2 / k`.
///
/// Reference: gamma-distributed delays convolved with an onset process, as in the delay models of
/// EpiNow2 (Abbott et al., 2020) and in Cori et al. (2013); the distance-linear mean is the usual
/// travel-time model of gravity and radiation mobility studies.
public struct TravelDelay: Sendable, Hashable, Codable {
    /// Days lost before travelling (`a`).
    public var fixedDays: Double
    /// Kilometres covered per day of travel (`v`).
    public var kilometresPerDay: Double
    /// The gamma shape `k` shared by every province.
    public var shape: Double

    /// The planning default: a day lost before travelling, 250 km a day on Cambodian roads (a long bus day),
    /// shape 4 (a coefficient of variation of 0.5). Assumptions, not estimates: province-level counts update
    /// `a` and `v` (see `InflowProvinces`).
    public static let planningDefault = TravelDelay(fixedDays: 1, kilometresPerDay: 250, shape: 4)

    /// A travel delay.
    public init(fixedDays: Double, kilometresPerDay: Double, shape: Double) {
        self.fixedDays = fixedDays
        self.kilometresPerDay = kilometresPerDay
        self.shape = shape
    }

    /// The mean delay `m = a + d / v` in days from a province `kilometres` away by road.
    public func meanDays(kilometres: Double) -> Double { fixedDays + kilometres / kilometresPerDay }
}
