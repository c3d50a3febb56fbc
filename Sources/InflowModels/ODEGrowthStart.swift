import Foundation

/// Starting-value summaries shared by ``GeneralizedLogistic`` and ``GeneralizedRichards``.
///
/// `C0` is the first observed rate (at least 1): about a day's arrivals before the origin.
/// The peak is the largest observed rate `c*` and `C*` the cumulative count at its time
/// (`C0` plus the running total at the interval's midpoint); `r` solves
/// `c* = r C*^p (1 - (C*/K)^a)` for the candidate `p`, `K` and `a`.
struct ODEGrowthStart {
    /// `C0`.
    let initialSize: Double
    /// Total observed plus `C0`: the scale of the final size.
    let size: Double
    /// Largest observed rate.
    let peakRate: Double
    /// Cumulative count when it was observed.
    let peakSize: Double

    init(_ data: StartingData) {
        initialSize = max(data.rates.first ?? 1, 1)
        size = data.sizeScale + initialSize
        let peak = data.peak
        peakRate = max(peak.rate, 1e-3)
        if let index = data.times.firstIndex(of: peak.time), index < data.cumulative.count {
            let before = index > 0 ? data.cumulative[index - 1] : 0
            peakSize = initialSize + (before + data.cumulative[index]) / 2
        } else {
            peakSize = initialSize + data.total / 2
        }
    }

    /// `r` that gives the peak rate at the peak's cumulative count (at least 1e-3).
    func growthRate(p: Double, capacity: Double, shape: Double) -> Double {
        let c = min(peakSize, 0.9 * capacity)
        let brake = 1 - pow(c / capacity, shape)
        return max(peakRate / (pow(c, p) * brake), 1e-3)
    }
}
