import Foundation
import InflowData
import InflowProjection

/// One province's outlook, as the command's table, the report and the saved results show it: its share of the
/// pool, arrivals expected over the next week and over the horizon, when half of them come, its mean travel
/// time, and what drives the numbers.
public struct ProvinceOutlook: Sendable {
    /// The province.
    public let province: Province
    /// What drives its numbers.
    public let basis: ShareBasis
    /// Its prior mean share of the pool.
    public let priorShare: Double
    /// Its share of the pool over replicates (5%, 25%, 50%, 75%, 95%).
    public let share: QuantileSummary
    /// Arrivals over the first 7 projected days (or the horizon, if shorter).
    public let nextWeek: QuantileSummary
    /// Arrivals over the whole horizon.
    public let horizon: QuantileSummary
    /// When half of the horizon's arrivals from it have come (`nil` when it sends almost nobody).
    public let halfBy: ArrivalWindow?
    /// Its mean travel time to the site in days (median and 90% range of the delay posterior).
    public let meanTravelDays: [Double]

    /// The outlook of every projected province of `projection`, in gazetteer order.
    /// - Complexity: O(provinces x periods x replicates).
    public static func all(_ projection: ProvincialProjection, fit: ProvincialFit) -> [ProvinceOutlook] {
        let days = projection.site.periods
        return projection.provinces.indices.map { index in
            let province = projection.provinces[index]
            return ProvinceOutlook(
                province: province, basis: projection.basis[index], priorShare: projection.priorShares[index],
                share: projection.share(index),
                nextWeek: projection.arrivals(index, overFirst: min(7, days), levels: WeeklyNeed.levels),
                horizon: projection.arrivals(index, overFirst: days, levels: WeeklyNeed.levels),
                halfBy: projection.arrivalWindow(index),
                meanTravelDays: fit.delay.meanDelayQuantiles(kilometres: province.roadKilometresToPhnomPenh,
                                                             levels: [0.05, 0.5, 0.95]))
        }
    }
}
