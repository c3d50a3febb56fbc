import Foundation

/// Release from a pool spread over several origins (provinces), each with its own travel time to the site:
///
///     C(t) = N sum_p s_p F_p(t - tau_p),   F_p(u) = P(T + D_p <= u),  T ~ Exp(h),  D_p ~ Gamma(k, m_p / k),
///
/// where `s_p` is origin `p`'s share of the pool (summing to 1), `m_p` its mean travel time
/// (``TravelDelay``: `a + d_p / v`), `k` the shared shape, and `tau_p` its onset: the common onset `t0`,
/// or the date of a known event (``ReleaseOrigin/fixedOnset``). Each term is ``DelayedRelease``'s
/// distribution of release plus travel, so the family is the mixture of delayed releases whose weights are
/// the pool shares. The rate is `c(t) = N h sum_p s_p I_p(t - tau_p)`.
///
/// The free parameters are those of ``ReleaseFromPool`` (`N`, `h`, `t0`); the shares, mean delays and shape
/// are part of the family (they come from the gazetteer and the share prior, and are drawn per replicate by
/// `InflowProvinces`). Derivatives per origin, from ``DelayedRelease``: `dC/dN = sum s_p F_p`,
/// `dC/dh = N sum s_p (u I_p,k - k s I_p,k+1)`, `dC/dt0 = -N h sum_{p follows t0} s_p I_p`;
/// `dc/dN = h sum s_p I_p`, `dc/dh = N sum s_p (I_p - h (u I_p,k - k s I_p,k+1))`,
/// `dc/dt0 = -N h sum_{p follows t0} s_p (g_p(u) - h I_p)`.
///
/// Cost: one ``DelayedRelease`` evaluation per origin with a positive share and per time (two with
/// gradients), so about 25 times ``DelayedRelease`` for Cambodia's 25 provinces.
public struct ProvincialRelease: PointwiseCurveFamily {
    /// The origins, with their shares (summing to 1), mean delays and fixed onsets.
    public let origins: [ReleaseOrigin]
    /// The gamma shape `k` of every origin's travel time.
    public let delayShape: Double

    /// A provincial release over `origins`; shares are normalised to sum to 1 (origins with share 0 add nothing).
    /// - Precondition: at least one share is positive, every mean delay positive, `delayShape > 0`.
    public init(origins: [ReleaseOrigin], delayShape: Double) {
        let total = origins.reduce(0) { $0 + max($1.share, 0) }
        precondition(total > 0 && total.isFinite, "ProvincialRelease needs a positive share")
        precondition(origins.allSatisfy { $0.meanDelay > 0 && $0.meanDelay.isFinite }, "mean delays must be positive")
        precondition(delayShape > 0 && delayShape.isFinite, "the delay shape must be positive")
        self.origins = origins.map {
            ReleaseOrigin(code: $0.code, share: max($0.share, 0) / total, meanDelay: $0.meanDelay, fixedOnset: $0.fixedOnset)
        }
        self.delayShape = delayShape
    }

    public var name: String { "release-provincial" }
    public var title: String { "Release from provincial pools with travel times" }
    public var formula: String { "C(t) = N sum_p s_p P(T + D_p <= t - tau_p), T ~ Exp(h), D_p ~ Gamma(k, m_p/k)" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N", "people released in every origin together (final size)", lowerBound: 0),
         CurveParameter("h", "release hazard (per day); mean wait 1/h", lowerBound: 0),
         CurveParameter("t0", "common onset of the release (days)")]
    }
    public var finalSizeParameter: String? { "N" }

    /// Whether no origin with a positive share follows the common onset (every one has a known event), so
    /// `t0` has no effect and must be held fixed.
    public var onsetIsUnused: Bool { !origins.contains { $0.share > 0 && $0.fixedOnset == nil } }

    /// `F_p(t - tau_p)`: the fraction of origin `index`'s pool that has reached the site by `t`, for release
    /// hazard `hazard` and common onset `onset`. O(1) (one incomplete gamma function and one Kummer series).
    public func arrivedFraction(origin index: Int, at t: Double, hazard: Double, onset: Double) -> Double {
        let origin = origins[index]
        let u = t - (origin.fixedOnset ?? onset)
        guard u > 0, hazard > 0 else { return 0 }
        return DelayedRelease.distribution(u, shape: delayShape, scale: origin.meanDelay / delayShape, hazard: hazard).cdf
    }

    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        guard n.isFinite, h > 0, h.isFinite, t0.isFinite else { return .nan }
        var sum = 0.0
        for index in origins.indices where origins[index].share > 0 {
            sum += origins[index].share * arrivedFraction(origin: index, at: t, hazard: h, onset: t0)
        }
        return n * sum
    }

    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        guard n.isFinite, h > 0, h.isFinite, t0.isFinite else { return (.nan, SIMD8(repeating: .nan)) }
        let k = delayShape
        var (cdf, hazardTerm, onsetTerm) = (0.0, 0.0, 0.0)
        for origin in origins where origin.share > 0 {
            let u = t - (origin.fixedOnset ?? t0)
            guard u > 0 else { continue }
            let s = origin.meanDelay / k
            let base = DelayedRelease.distribution(u, shape: k, scale: s, hazard: h)
            let next = DelayedRelease.kernel(u, shape: k + 1, scale: s, hazard: h)
            cdf += origin.share * base.cdf
            hazardTerm += origin.share * (u * base.kernel - k * s * next)
            if origin.fixedOnset == nil { onsetTerm += origin.share * base.kernel }
        }
        var g = SIMD8<Double>.zero
        g[0] = cdf
        g[1] = n * hazardTerm
        g[2] = -n * h * onsetTerm
        return (n * cdf, g)
    }

    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        guard n.isFinite, h > 0, h.isFinite, t0.isFinite else { return .nan }
        var sum = 0.0
        for origin in origins where origin.share > 0 {
            let u = t - (origin.fixedOnset ?? t0)
            guard u > 0 else { continue }
            sum += origin.share * DelayedRelease.kernel(u, shape: delayShape, scale: origin.meanDelay / delayShape, hazard: h)
        }
        return n * h * sum
    }

    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n, h, t0) = (theta[0], theta[1], theta[2])
        guard n.isFinite, h > 0, h.isFinite, t0.isFinite else { return (.nan, SIMD8(repeating: .nan)) }
        let k = delayShape
        var (kernel, hazardTerm, onsetTerm) = (0.0, 0.0, 0.0)
        for origin in origins where origin.share > 0 {
            let u = t - (origin.fixedOnset ?? t0)
            guard u > 0 else { continue }
            let s = origin.meanDelay / k
            let base = DelayedRelease.kernel(u, shape: k, scale: s, hazard: h)
            let next = DelayedRelease.kernel(u, shape: k + 1, scale: s, hazard: h)
            kernel += origin.share * base
            hazardTerm += origin.share * (base - h * (u * base - k * s * next))
            if origin.fixedOnset == nil {
                onsetTerm += origin.share * (DelayedRelease.gammaDensity(u, shape: k, scale: s) - h * base)
            }
        }
        var g = SIMD8<Double>.zero
        g[0] = h * kernel
        g[1] = n * hazardTerm
        g[2] = -n * h * onsetTerm
        return (n * h * kernel, g)
    }

    /// Starting values: the common onset half a day plus the pool-weighted mean travel time before the first
    /// observation (clamped to lie before it), `N` in {1.2, 2, 4} times the total, `h` from the largest rate
    /// (`c_max / N`) and 0.3 per day.
    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let meanDelay = origins.reduce(0) { $0 + $1.share * $1.meanDelay }
        let onsets = [data.firstTime - 0.5 - meanDelay, data.firstTime - 0.5]
        return onsets.flatMap { onset in
            [1.2, 2.0, 4.0].flatMap { factor -> [SIMD8<Double>] in
                let n = factor * data.sizeScale
                let fromPeak = min(max(data.peak.rate / n, 0.01), 5)
                return [SIMD8(n, fromPeak, onset, 0, 0, 0, 0, 0), SIMD8(n, 0.3, onset, 0, 0, 0, 0, 0)]
            }
        }
    }
}

extension ProvincialRelease {
    /// `F(u) = P(T + D <= u)` for release hazard `hazard` (`T ~ Exp(h)`) and travel time
    /// `D ~ Gamma(shape, meanDelay / shape)`; 0 for `u <= 0`. O(1); see ``DelayedRelease``.
    public static func arrivedFraction(after u: Double, meanDelay: Double, shape: Double, hazard: Double) -> Double {
        guard u > 0, hazard > 0 else { return 0 }
        return DelayedRelease.distribution(u, shape: shape, scale: meanDelay / shape, hazard: hazard).cdf
    }
}
