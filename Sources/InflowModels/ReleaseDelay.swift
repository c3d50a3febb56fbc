import Foundation

/// The law of the time from a person's release to their arrival, for ``StaggeredRelease``.
///
/// With `s >= 0` the time since the release began, `F(s)` the share arrived and `f(s) = F'(s)`:
///
/// - ``exponential``: a constant arrival hazard `h`: `F = 1 - e^(-h s)`, `f = h e^(-h s)`.
///   `dF/dh = s e^(-h s)`, `df/dh = e^(-h s) (1 - h s)`, `f' = -h^2 e^(-h s)`.
/// - ``lomax``: people differ: each arrives after an exponential time whose hazard is itself
///   Gamma(`k`, mean `h`) across people, so the mixture is the Lomax (Pareto II) law
///   `F = 1 - (1 + h s / k)^(-k)`, `f = h (1 + h s / k)^(-(k + 1))`. Its hazard `h / (1 + h s / k)` falls
///   as the people most likely to come have come, so arrivals go on for weeks: the tail decays like
///   `s^(-(k + 1))`, not exponentially (`k -> inf` is the exponential). With `x = h s / k`, `u = 1 + x`,
///   `L = log1p(x)`: `dF/dh = s u^(-(k + 1))`, `dF/dk = u^(-k) (L - x / u)`,
///   `df/dh = u^(-(k + 1)) (1 - (k + 1) x / u)`, `df/dk = f (-L + (k + 1) x / (k u))`,
///   `f' = -((k + 1) / k) h^2 u^(-(k + 2))`. `L - x/u` is summed as its series `sum_(n>=2) (-1)^n (n-1)/n x^n`
///   below `x = 1e-3`, where the difference would cancel.
///
/// Reference: the gamma mixture of exponentials is Lomax's law (Lomax, "Business failures: another
/// example of the analysis of failure data", JASA 49, 1954); as a model of heterogeneous delays see
/// Vaupel, Manton & Stallard, "The impact of heterogeneity in individual frailty on the dynamics of
/// mortality", Demography 16 (1979).
public enum ReleaseDelay: String, Sendable, Hashable, Codable, CaseIterable {
    /// A constant arrival hazard `h` (one parameter).
    case exponential
    /// A gamma mixture of exponential delays: mean hazard `h`, heterogeneity shape `k` (two parameters).
    case lomax

    /// Number of parameters (`h`, and `k` for the Lomax law).
    public var parameterCount: Int { self == .exponential ? 1 : 2 }

    /// The parameters' descriptions, in order.
    var parameters: [CurveParameter] {
        switch self {
        case .exponential:
            [CurveParameter("h", "arrival hazard (per day); mean delay 1/h", lowerBound: 0)]
        case .lomax:
            [CurveParameter("h", "initial arrival hazard (per day)", lowerBound: 0, upperBound: 50),
             CurveParameter("k", "heterogeneity: small is a long tail, large is exponential", lowerBound: 0.05, upperBound: 1000)]
        }
    }

    /// `F`, `f`, `f'` and their derivatives in `h` and `k` at `s` (all zero for `s <= 0`).
    @inlinable
    func evaluate(_ s: Double, h: Double, k: Double) -> ReleaseDelayValues {
        guard s > 0 else { return ReleaseDelayValues() }
        switch self {
        case .exponential:
            let e = exp(-h * s)
            return ReleaseDelayValues(cdf: -expm1(-h * s), density: h * e, densitySlope: -h * h * e,
                                      cdfByH: s * e, densityByH: e * (1 - h * s), cdfByK: 0, densityByK: 0)
        case .lomax:
            let x = h * s / k
            let u = 1 + x
            let l = log1p(x)
            let tail = exp(-k * l)                 // u^(-k)
            let tail1 = tail / u                   // u^(-(k + 1))
            let density = h * tail1
            return ReleaseDelayValues(
                cdf: -expm1(-k * l), density: density, densitySlope: -(k + 1) / k * h * h * tail1 / u,
                cdfByH: s * tail1, densityByH: tail1 * (1 - (k + 1) * x / u),
                cdfByK: tail * Self.logOnePlusMinusRatio(x, log1p: l),
                densityByK: density * (-l + (k + 1) * x / (k * u)))
        }
    }

    /// `log(1 + x) - x / (1 + x)` for `x >= 0`, without cancellation for small `x`.
    @inlinable
    static func logOnePlusMinusRatio(_ x: Double, log1p l: Double) -> Double {
        guard x < 1e-3 else { return l - x / (1 + x) }
        // sum_(n>=2) (-1)^n (n - 1)/n x^n; five terms leave an error below x^7 < 1e-21 relative to x^2/2.
        let x2 = x * x
        return x2 * (0.5 - x * (2.0 / 3 - x * (0.75 - x * (0.8 - x * (5.0 / 6)))))
    }
}

/// The values of a ``ReleaseDelay`` law at one time.
@usableFromInline
struct ReleaseDelayValues {
    /// `F(s)`, `f(s)`, `f'(s)`.
    @usableFromInline var cdf = 0.0, density = 0.0, densitySlope = 0.0
    /// `dF/dh`, `df/dh`, `dF/dk`, `df/dk`.
    @usableFromInline var cdfByH = 0.0, densityByH = 0.0, cdfByK = 0.0, densityByK = 0.0

    @inlinable
    init() {}

    @inlinable
    init(cdf: Double, density: Double, densitySlope: Double, cdfByH: Double, densityByH: Double, cdfByK: Double,
         densityByK: Double) {
        self.cdf = cdf
        self.density = density
        self.densitySlope = densitySlope
        self.cdfByH = cdfByH
        self.densityByH = densityByH
        self.cdfByK = cdfByK
        self.densityByK = densityByK
    }
}
