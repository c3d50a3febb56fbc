import Foundation
import InflowData
import InflowLinearAlgebra
import InflowProjection
import InflowStatistics

/// The site's projection split by province of origin (``ProvincialAllocation``): per province, the arrivals
/// of every projected period in every replicate, adding up to the site's in each replicate.
public struct ProvincialProjection: Sendable {
    /// The provinces with a positive prior share or with counts, in gazetteer order.
    public let provinces: [Province]
    /// What drives each province's numbers.
    public let basis: [ShareBasis]
    /// Where the prior shares came from (file name or "gazetteer concentrations ...").
    public let shareSource: String
    /// The prior mean share of each province.
    public let priorShares: [Double]
    /// The site's projection that was split.
    public let site: Projection
    /// Per province: arrivals by period (rows) and replicate (columns).
    public let increments: [Matrix]
    /// Per province: its share of the pool in each replicate.
    public let shareSamples: [[Double]]

    /// A provincial projection.
    public init(provinces: [Province], basis: [ShareBasis], shareSource: String, priorShares: [Double], site: Projection,
                increments: [Matrix], shareSamples: [[Double]]) {
        self.provinces = provinces
        self.basis = basis
        self.shareSource = shareSource
        self.priorShares = priorShares
        self.site = site
        self.increments = increments
        self.shareSamples = shareSamples
    }

    /// The index of the province with ISO code or name `name` (ignoring case), if it is projected.
    public func index(of name: String) -> Int? {
        provinces.firstIndex { $0.isoCode.lowercased() == name.lowercased() || $0.name.lowercased() == name.lowercased() }
    }

    /// Whether no province had counts, so every province's numbers follow the prior shares.
    public var isPriorDriven: Bool { !basis.contains(.counts) }

    /// Arrivals from province `index` over the first `days` periods, summarised over replicates (printed as whole
    /// arrivals). O(days x replicates).
    public func arrivals(_ index: Int, overFirst days: Int, levels: [Double] = Quantiles.forecastHubLevels) -> QuantileSummary {
        QuantileSummary(sample: totals(index, periods: 0..<min(days, site.periods)), levels: levels, quantity: .count)
    }

    /// Arrivals from province `index` in every period, summarised over replicates (printed as whole arrivals).
    public func daily(_ index: Int, levels: [Double] = Quantiles.forecastHubLevels) -> [QuantileSummary] {
        (0..<site.periods).map { QuantileSummary(sample: totals(index, periods: $0..<($0 + 1)), levels: levels, quantity: .count) }
    }

    /// The province's share of the pool, summarised over replicates.
    public func share(_ index: Int) -> QuantileSummary {
        QuantileSummary(sample: shareSamples[index], levels: WeeklyNeed.levels)
    }

    /// Per replicate, the sum of province `index`'s arrivals over `periods`.
    public func totals(_ index: Int, periods: Range<Int>) -> [Double] {
        let matrix = increments[index]
        return (0..<matrix.columns).map { replicate in periods.reduce(0) { $0 + matrix[$1, replicate] } }
    }

    /// The weekly needs table: arrivals per province per week (7 projected periods, the last week possibly
    /// shorter) with 50% and 90% intervals. O(provinces x periods x replicates log replicates).
    public func weeklyNeeds() -> [WeeklyNeed] {
        let weeks = stride(from: 0, to: site.periods, by: 7).map { $0..<min($0 + 7, site.periods) }
        return provinces.indices.flatMap { index in
            weeks.enumerated().map { week, periods in
                WeeklyNeed(isoCode: provinces[index].isoCode, province: provinces[index].name, week: week + 1,
                           firstDay: site.endDate(periods.lowerBound).addingTimeInterval(-1),
                           lastDay: site.endDate(periods.upperBound - 1).addingTimeInterval(-1),
                           days: periods.count, arrivals: QuantileSummary(sample: totals(index, periods: periods),
                                                                          levels: WeeklyNeed.levels, quantity: .count))
            }
        }
    }

    /// When province `index`'s projected arrivals reach `fraction` of their total over the horizon, per
    /// replicate (linear within a period), summarised as a median and 90% range of dates; `nil` when fewer
    /// than half the replicates have any arrival from it. O(periods x replicates).
    public func arrivalWindow(_ index: Int, fraction: Double = 0.5) -> ArrivalWindow? {
        let matrix = increments[index]
        let boundaries = site.grid.boundaries
        var times: [Double] = []
        for replicate in 0..<matrix.columns {
            let total = (0..<matrix.rows).reduce(0) { $0 + matrix[$1, replicate] }
            guard total > 0, total.isFinite else { continue }
            let target = fraction * total
            var running = 0.0
            for k in 0..<matrix.rows {
                let value = matrix[k, replicate]
                if running + value >= target, value > 0 {
                    let within = (target - running) / value
                    times.append(boundaries[k] + within * (boundaries[k + 1] - boundaries[k]))
                    break
                }
                running += value
            }
        }
        guard times.count * 2 >= matrix.columns, !times.isEmpty else { return nil }
        let quantiles = Quantiles.quantiles(of: times, levels: [0.05, 0.5, 0.95])
        let date = { (days: Double) in self.site.origin.addingTimeInterval(days * 86_400) }
        return ArrivalWindow(isoCode: provinces[index].isoCode, fraction: fraction, median: date(quantiles[1]),
                             lower: date(quantiles[0]), upper: date(quantiles[2]), horizonDays: site.periods)
    }

    /// Province `index`'s arrivals as a ``/InflowProjection/Projection`` on the site's grid (its model is the
    /// site's; no final size), for charts and hub tables. `observed` is what it had sent so far, if known.
    public func projection(_ index: Int, observed: Double = 0) -> Projection {
        Projection(model: site.model, origin: site.origin, grid: site.grid, observedTotal: observed,
                   increments: increments[index], finalSizes: [Double](repeating: .nan, count: site.replicates),
                   nonConvergedReplicates: site.nonConvergedReplicates, failedReplicates: site.failedReplicates,
                   timeZone: site.timeZone)
    }
}
