import Foundation
import InflowCore
import InflowData
import InflowModels
import InflowStatistics

/// A fitted ``ProvincialModel``: the national fits (one per value of the days lost before travelling `a`), the
/// travel delay's posterior, and the counts used.
public struct ProvincialFit: Sendable {
    /// The model.
    public let model: ProvincialModel
    /// The national fits of the ``/InflowModels/ProvincialRelease`` family (`N`, `h`, `t0`, background, dispersion), one per
    /// node of the `a` axis; ``DelayPosterior/fitIndexes`` says which goes with which delay.
    public let fits: [CurveFit]
    /// The travel delay's grid posterior.
    public let delay: DelayPosterior
    /// The province-level counts, if any.
    public let counts: ProvinceCounts?
    /// Time zero of the site's series.
    public let origin: Date

    /// A fitted model.
    public init(model: ProvincialModel, fits: [CurveFit], delay: DelayPosterior, counts: ProvinceCounts?, origin: Date) {
        precondition(!fits.isEmpty && delay.fitIndexes.allSatisfy { fits.indices.contains($0) })
        self.model = model
        self.fits = fits
        self.delay = delay
        self.counts = counts
        self.origin = origin
    }

    /// The national fit at the delay posterior's mode.
    public var fit: CurveFit { fits[delay.fitIndexes[delay.modeIndex]] }
    /// The fitted pool `N` at the mode (people released in all provinces together).
    public var pool: Double { fit.curveParameters[0] }
    /// The fitted release hazard `h` at the mode (per day).
    public var hazard: Double { fit.curveParameters[1] }
    /// The fitted common onset `t0` at the mode (days since ``origin``).
    public var onset: Double { fit.curveParameters[2] }
    /// The background rate in force (arrivals a day not from the pool).
    public var background: Double { max(fit.backgroundRate, 0) }

    /// What drives province `code`'s numbers: counts whenever the data break arrivals down by province (a
    /// breakdown is exhaustive, so a province it leaves out sent nobody).
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
    func exposure(_ index: Int, _ interval: CountInterval, delay: TravelDelay, hazard: Double, onset: Double,
                  national: CurveFit) -> Double {
        let pool = national.curveParameters[0]
        let rho = pool > 0 ? max(national.backgroundRate, 0) / pool : 0
        let start = interval.start.isFinite ? interval.start : onset
        let pooled = arrived(index, at: interval.end, delay: delay, hazard: hazard, onset: onset)
            - (interval.start.isFinite ? arrived(index, at: interval.start, delay: delay, hazard: hazard, onset: onset) : 0)
        return max(pooled, 0) + rho * max(interval.end - start, 0)
    }

    /// The log marginal likelihood of the province-level counts under travel delay `delay` and the national
    /// fit `national` (its `N`, `h`, `t0` and background), with the pools integrated out:
    ///
    ///     sum_p [ log Gamma(alpha_p + n_p) - log Gamma(alpha_p) + alpha_p log beta - (alpha_p + n_p) log(beta + E_p)
    ///             + sum_i n_pi log e_pi ]
    ///
    /// (`e_pi` the interval's `exposure`, `E_p = sum_i e_pi`, `beta = c / N`; constants in the counts
    /// dropped), over every province (``ProvinceCounts/observedIntervals(_:)``: a breakdown is exhaustive).
    /// O(provinces x their intervals).
    public func countLogLikelihood(delay: TravelDelay, counts: ProvinceCounts, alpha: [Double], national: CurveFit) -> Double {
        let beta = model.shares.concentration / max(national.curveParameters[0], 1)
        let (hazard, onset) = (national.curveParameters[1], national.curveParameters[2])
        var total = 0.0
        for (index, code) in model.codes.enumerated() {
            let intervals = counts.observedIntervals(code)
            guard !intervals.isEmpty else { continue }
            let a = max(alpha[index], ProvincialModel.observedFloor)
            var n = 0.0
            var exposure = 0.0
            for interval in intervals {
                let e = self.exposure(index, interval, delay: delay, hazard: hazard, onset: onset, national: national)
                exposure += e
                n += interval.count
                if interval.count > 0 { total += interval.count * log(max(e, .leastNormalMagnitude)) }
            }
            total += SpecialFunctions.logGamma(a + n) - SpecialFunctions.logGamma(a) + a * log(beta)
                - (a + n) * log(beta + exposure)
        }
        return total
    }

    /// The posterior means of the pools `lambda_p` (province order) under `delay` and `national`:
    /// `(alpha_p + n_p) / (beta + E_p)` for a province with counts, `alpha_p / beta` otherwise.
    func poolMeans(delay: TravelDelay, alpha: [Double], national: CurveFit) -> [Double] {
        let beta = model.shares.concentration / max(national.curveParameters[0], 1)
        let (hazard, onset) = (national.curveParameters[1], national.curveParameters[2])
        return model.codes.indices.map { index in
            guard let intervals = counts?.observedIntervals(model.codes[index]), !intervals.isEmpty else {
                return alpha[index] / beta
            }
            let exposure = intervals.reduce(0) {
                $0 + self.exposure(index, $1, delay: delay, hazard: hazard, onset: onset, national: national)
            }
            return (max(alpha[index], ProvincialModel.observedFloor) + intervals.reduce(0) { $0 + $1.count }) / (beta + exposure)
        }
    }
}
