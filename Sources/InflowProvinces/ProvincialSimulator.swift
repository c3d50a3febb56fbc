import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowStatistics

/// Simulates the provincial model: daily arrivals at the site from each province, for recovery and coverage
/// studies.
///
/// Province `p` (pool `lambda_p`) contributes on day `(d, d + 1]` a Poisson count (or negative binomial with
/// dispersion `theta`, gamma–Poisson) with mean `lambda_p (F_p(d + 1) - F_p(d)) + (lambda_p / sum lambda) b`,
/// where `F_p` is the release-plus-travel distribution of ``/InflowModels/ProvincialRelease`` for hazard `h`, onset `tau_p`
/// (the common onset or the province's event day) and ``/InflowModels/TravelDelay``. O(days x provinces).
public struct ProvincialSimulator: Sendable {
    /// The provinces, with their road distances.
    public var provinces: [Province]
    /// The pool of each province (people released there), in province order.
    public var pools: [Double]
    /// The release hazard `h` (per day).
    public var hazard: Double
    /// The common onset (days).
    public var onset: Double
    /// Event onsets by ISO code (days), overriding the common onset.
    public var eventOnsets: [String: Double]
    /// The travel delay.
    public var delay: TravelDelay
    /// Background arrivals a day, spread over provinces by pool.
    public var background: Double
    /// NB2 dispersion `theta` (`nil` for Poisson counts).
    public var dispersion: Double?

    /// A simulator.
    public init(provinces: [Province], pools: [Double], hazard: Double, onset: Double, eventOnsets: [String: Double] = [:],
                delay: TravelDelay, background: Double = 0, dispersion: Double? = nil) {
        self.provinces = provinces
        self.pools = pools
        self.hazard = hazard
        self.onset = onset
        self.eventOnsets = eventOnsets
        self.delay = delay
        self.background = background
        self.dispersion = dispersion
    }

    /// The expected arrivals from each province on days `(d, d + 1]` for `d` in `days` (province-major).
    public func means(days: Range<Int>) -> [[Double]] {
        let total = pools.reduce(0, +)
        return provinces.indices.map { index in
            let tau = eventOnsets[provinces[index].isoCode] ?? onset
            let mean = delay.meanDays(kilometres: provinces[index].roadKilometresToPhnomPenh)
            let arrived = { (t: Double) in
                ProvincialRelease.arrivedFraction(after: t - tau, meanDelay: mean, shape: self.delay.shape, hazard: self.hazard)
            }
            return days.map { d in
                pools[index] * max(arrived(Double(d + 1)) - arrived(Double(d)), 0)
                    + (total > 0 ? pools[index] / total : 0) * background
            }
        }
    }

    /// One draw of the daily counts from each province on `days` (province-major), from stream `replicate`
    /// of `seed`.
    public func counts(days: Range<Int>, seed: UInt64, replicate: Int = 0) -> [[Double]] {
        var generator = RandomStreams(seed: seed).generator(series: 0x5052_4F56, replicate: replicate)
        return means(days: days).map { row in
            row.map { mean -> Double in
                guard mean > 0 else { return 0 }
                var rate = mean
                if let theta = dispersion { rate = Gamma.standardSample(shape: theta, using: &generator) * mean / theta }
                return Double(Poisson.sample(mean: rate, using: &generator))
            }
        }
    }

    /// Daily counts as series: the site's total and, when `byProvince`, one per province with any arrival
    /// (named by province). Day `d`'s count is dated `origin + d` days: a count covers the day that starts at
    /// its time, `(d, d + 1]`.
    public static func series(_ counts: [[Double]], provinces: [Province], days: Range<Int>, origin: Date)
        -> (site: InflowSeries, provinces: [InflowSeries]) {
        let times = days.map { origin.addingTimeInterval(Double($0) * InflowSeries.secondsPerDay) }
        let total = days.indices.map { k in counts.reduce(0) { $0 + $1[k] } }
        let site = InflowSeries(name: "site", kind: .counts, origin: origin, times: times, values: total)
        let byProvince = provinces.indices.compactMap { index -> InflowSeries? in
            guard counts[index].reduce(0, +) > 0 else { return nil }
            return InflowSeries(name: provinces[index].name, kind: .counts, origin: origin, times: times,
                                values: counts[index])
        }
        return (site, byProvince)
    }
}
