import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowStatistics

/// A fitted ``ProvincialModel``: the national curve, the travel delay's posterior, and the counts used.
public struct ProvincialFit: Sendable {
    /// The model.
    public let model: ProvincialModel
    /// The national fit of the ``ProvincialRelease`` family (`N`, `h`, `t0`, background, dispersion).
    public let fit: CurveFit
    /// The travel delay's grid posterior (the prior when there were no province-level counts).
    public let delay: DelayPosterior
    /// The province-level counts, if any.
    public let counts: ProvinceCounts?
    /// Time zero of the site's series.
    public let origin: Date

    /// A fitted model.
    public init(model: ProvincialModel, fit: CurveFit, delay: DelayPosterior, counts: ProvinceCounts?, origin: Date) {
        self.model = model
        self.fit = fit
        self.delay = delay
        self.counts = counts
        self.origin = origin
    }

    /// The fitted pool `N` (people released in all provinces together).
    public var pool: Double { fit.curveParameters[0] }
    /// The fitted release hazard `h` (per day).
    public var hazard: Double { fit.curveParameters[1] }
    /// The fitted common onset `t0` (days since ``origin``).
    public var onset: Double { fit.curveParameters[2] }
    /// The background rate in force (arrivals a day not from the pool).
    public var background: Double { max(fit.backgroundRate, 0) }

    /// What drives province `code`'s numbers.
    public func basis(_ code: String) -> ShareBasis { counts?.coverage != nil ? .counts : .prior }

    /// The onset of province `index` in days: its event's date, or the common onset `onset`.
    func onset(of index: Int, common onset: Double) -> Double {
        model.onsets[model.provinces[index].isoCode].map { $0.timeIntervalSince(origin) / InflowSeries.secondsPerDay } ?? onset
    }

    /// `F_p(t - tau_p)` for province `index` under `delay`, hazard `hazard` and common onset `onset`.
    func arrived(_ index: Int, at t: Double, delay: TravelDelay, hazard: Double, onset: Double) -> Double {
        ProvincialRelease.arrivedFraction(after: t - self.onset(of: index, common: onset),
                                          meanDelay: delay.meanDays(kilometres: model.provinces[index].roadKilometresToPhnomPenh),
                                          shape: delay.shape, hazard: hazard)
    }

    /// The expected count of province `index`'s interval per person of its pool, `F(end) - F(start) + rho
    /// (end - start)`, where `rho = b / N` spreads the background over the pool (an interval starting at
    /// minus infinity, a first total, gets the background since the onset).
    func exposure(_ index: Int, _ interval: CountInterval, delay: TravelDelay, hazard: Double, onset: Double) -> Double {
        let rho = pool > 0 ? background / pool : 0
        let start = interval.start.isFinite ? interval.start : onset
        let pooled = arrived(index, at: interval.end, delay: delay, hazard: hazard, onset: onset)
            - (interval.start.isFinite ? arrived(index, at: interval.start, delay: delay, hazard: hazard, onset: onset) : 0)
        return max(pooled, 0) + rho * max(interval.end - start, 0)
    }

    /// The log marginal likelihood of the province-level counts under travel delay `delay`, at the fitted
    /// `N`, `h`, `t0` and background, with the pools integrated out:
    ///
    ///     sum_p [ log Gamma(alpha_p + n_p) - log Gamma(alpha_p) + alpha_p log beta - (alpha_p + n_p) log(beta + E_p)
    ///             + sum_i n_pi log e_pi ]
    ///
    /// (`e_pi` the interval's ``exposure``, `E_p = sum_i e_pi`, `beta = c / N`; constants in the counts
    /// dropped), over every province (``ProvinceCounts/observedIntervals(_:)``: a breakdown is exhaustive).
    /// Only the differences between provinces' delays inform `v`; `a` moves with the common onset `t0`, so
    /// without known events it stays near its prior. O(provinces x their intervals).
    public func countLogLikelihood(delay: TravelDelay, counts: ProvinceCounts, alpha: [Double]) -> Double {
        let beta = model.shares.concentration / max(pool, 1)
        var total = 0.0
        for (index, code) in model.codes.enumerated() {
            let intervals = counts.observedIntervals(code)
            guard !intervals.isEmpty else { continue }
            let a = max(alpha[index], ProvincialModel.observedFloor)
            var n = 0.0
            var exposure = 0.0
            for interval in intervals {
                let e = self.exposure(index, interval, delay: delay, hazard: hazard, onset: onset)
                exposure += e
                n += interval.count
                if interval.count > 0 { total += interval.count * log(max(e, .leastNormalMagnitude)) }
            }
            total += SpecialFunctions.logGamma(a + n) - SpecialFunctions.logGamma(a) + a * log(beta)
                - (a + n) * log(beta + exposure)
        }
        return total
    }

    /// The posterior means of the pools `lambda_p` (province order) under `delay`: `(alpha_p + n_p) /
    /// (beta + E_p)` for a province with counts, `alpha_p / beta` otherwise.
    static func poolMeans(model: ProvincialModel, fit: CurveFit, delay: TravelDelay, counts: ProvinceCounts?,
                          alpha: [Double], origin: Date) -> [Double] {
        let probe = ProvincialFit(model: model, fit: fit, delay: DelayPosterior(nodes: [delay], logWeights: [0],
                                                                                 isInformedByCounts: false),
                                  counts: counts, origin: origin)
        let beta = model.shares.concentration / max(probe.pool, 1)
        return model.codes.indices.map { index in
            guard let intervals = counts?.observedIntervals(model.codes[index]), !intervals.isEmpty else {
                return alpha[index] / beta
            }
            let exposure = intervals.reduce(0) {
                $0 + probe.exposure(index, $1, delay: delay, hazard: probe.hazard, onset: probe.onset)
            }
            return (max(alpha[index], ProvincialModel.observedFloor) + intervals.reduce(0) { $0 + $1.count }) / (beta + exposure)
        }
    }
}
