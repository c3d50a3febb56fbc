import Foundation

/// Release from two pools with different hazards, both from onset `t0`:
/// `C(t) = N1 (1 - exp(-h1 (t - t0))) + N2 (1 - exp(-h2 (t - t0)))` for `t >= t0`.
///
/// A fast pool (people near the embassy, or with documents) and a slow one (people in far
/// provinces, without passports). The final size is `N1 + N2`, the limit of `C(t)`; a pool whose hazard is 0
/// never releases anyone and adds nothing to it. Each pool's derivatives are
/// those of ``ReleaseFromPool``; `dC/dt0` is the sum of both pools' terms. The pools are
/// interchangeable; starting values put the fast one first (`h1 > h2`).
public struct TwoPoolRelease: PointwiseCurveFamily {
    /// The two-pool release family (it has no settings: its parameters are estimated by a fit).
    public init() {}

    public var name: String { "two-pool" }
    public var title: String { "Release from a fast and a slow pool" }
    public var formula: String { "C(t) = N1 (1 - exp(-h1 (t - t0))) + N2 (1 - exp(-h2 (t - t0))) for t >= t0" }
    public var parameters: [CurveParameter] {
        [CurveParameter("N1", "people in the fast pool", lowerBound: 0),
         CurveParameter("h1", "hazard of the fast pool (per day)", lowerBound: 0),
         CurveParameter("N2", "people in the slow pool", lowerBound: 0),
         CurveParameter("h2", "hazard of the slow pool (per day)", lowerBound: 0),
         CurveParameter("t0", "onset of the release (days)")]
    }

    /// `lim C(t) = N1 [h1 > 0] + N2 [h2 > 0]`: a pool at the hazard bound 0 (where a fit may leave the
    /// other, redundant pool) releases no one, whatever its `N`.
    public func finalSize(_ theta: SIMD8<Double>) -> Double {
        (theta[1] > 0 ? theta[0] : 0) + (theta[3] > 0 ? theta[2] : 0)
    }

    public var isBounded: Bool { true }

    @inlinable
    public func cumulative(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[4]
        guard s > 0 else { return 0 }
        return -theta[0] * expm1(-theta[1] * s) - theta[2] * expm1(-theta[3] * s)
    }

    @inlinable
    public func cumulativeWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n1, h1, n2, h2, t0) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let e1 = exp(-h1 * s), e2 = exp(-h2 * s)
        var g = SIMD8<Double>.zero
        g[0] = -expm1(-h1 * s)
        g[1] = n1 * e1 * s
        g[2] = -expm1(-h2 * s)
        g[3] = n2 * e2 * s
        g[4] = -n1 * h1 * e1 - n2 * h2 * e2
        return (n1 * g[0] + n2 * g[2], g)
    }

    @inlinable
    public func rate(_ t: Double, _ theta: SIMD8<Double>) -> Double {
        let s = t - theta[4]
        guard s > 0 else { return 0 }
        return theta[0] * theta[1] * exp(-theta[1] * s) + theta[2] * theta[3] * exp(-theta[3] * s)
    }

    @inlinable
    public func rateWithGradient(_ t: Double, _ theta: SIMD8<Double>) -> (value: Double, gradient: SIMD8<Double>) {
        let (n1, h1, n2, h2, t0) = (theta[0], theta[1], theta[2], theta[3], theta[4])
        let s = t - t0
        guard s > 0 else { return (0, .zero) }
        let e1 = exp(-h1 * s), e2 = exp(-h2 * s)
        var g = SIMD8<Double>.zero
        g[0] = h1 * e1
        g[1] = n1 * e1 * (1 - h1 * s)
        g[2] = h2 * e2
        g[3] = n2 * e2 * (1 - h2 * s)
        g[4] = n1 * h1 * h1 * e1 + n2 * h2 * h2 * e2
        return (n1 * h1 * e1 + n2 * h2 * e2, g)
    }

    public func startingValues(_ data: StartingData) -> [SIMD8<Double>] {
        let onset = data.firstTime - 0.5
        let total = data.sizeScale
        return [(0.6, 1.0, 0.8, 0.05), (0.8, 0.7, 1.5, 0.03), (0.5, 1.5, 3.0, 0.02)].map { split in
            SIMD8(split.0 * total, split.1, split.2 * total, split.3, onset, 0, 0, 0)
        }
    }
}
