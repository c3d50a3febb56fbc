import RealModule

/// The gamma distribution with shape α > 0 and scale θ > 0: density `x^(α−1) e^(−x/θ) / (Γ(α) θ^α)`.
///
/// - `log f(x)`: with `y = x/θ`, `log(y^(α−1) e^(−y)/Γ(α)) − log θ`, computed through the saddle-point kernel
///   ``SpecialFunctions/logPoissonProbability(_:mean:)`` (at `α − 1` for α ≥ 1, at α times `α/y` for α < 1),
///   which keeps full precision for large shapes where `(α−1) log y − y − log Γ(α)` cancels;
/// - `F(x) = P(α, x/θ)`; `F⁻¹(p) = θ P⁻¹(α, p)`;
/// - mean αθ, variance αθ²;
/// - sampling: Marsaglia–Tsang squeeze–rejection for α ≥ 1 (`d = α − ⅓`, `c = 1/√(9d)`, accept `d v` with
///   `v = (1 + c Z)³` when `U < 1 − 0.0331 Z⁴` or `log U < Z²/2 + d(1 − v + log v)`; acceptance ≥ 95%),
///   and the boost `G(α + 1) U^(1/α)` for α < 1.
///
/// - Complexity: O(1) expected per draw; cdf and quantile as the incomplete gamma function.
/// - Reference: G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables",
///   ACM TOMS 26(3), 363–372, 2000.
public struct Gamma: ContinuousDistribution, Hashable {
    /// α > 0.
    public let shape: Double
    /// θ > 0.
    public let scale: Double

    /// Creates Gamma(shape, scale).
    /// - Throws: ``DistributionError`` unless both parameters are finite and positive.
    public init(shape: Double, scale: Double = 1) throws(DistributionError) {
        guard shape > 0, shape.isFinite else {
            throw .invalidParameter(name: "shape", value: shape, requirement: "finite and positive")
        }
        guard scale > 0, scale.isFinite else {
            throw .invalidParameter(name: "scale", value: scale, requirement: "finite and positive")
        }
        self.shape = shape
        self.scale = scale
    }

    /// The rate 1/θ.
    public var rate: Double { 1 / scale }
    /// αθ.
    public var mean: Double { shape * scale }
    /// αθ².
    public var variance: Double { shape * scale * scale }

    public func logDensity(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x < 0 || x == .infinity { return -.infinity }
        if x == 0 {
            if shape < 1 { return .infinity }
            return shape == 1 ? -Double.log(scale) : -.infinity
        }
        let y = x / scale
        if shape >= 1 {
            return SpecialFunctions.logPoissonProbability(shape - 1, mean: y) - Double.log(scale)
        }
        return Double.log(shape / x) + SpecialFunctions.logPoissonProbability(shape, mean: y)
    }

    public func cdf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        return SpecialFunctions.regularizedGammaP(shape, x / scale)
    }

    public func quantile(_ p: Double) -> Double {
        scale * SpecialFunctions.inverseRegularizedGammaP(shape, p)
    }

    @inlinable
    public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        scale * Self.standardSample(shape: shape, using: &generator)
    }

    /// One draw from Gamma(shape, 1) (Marsaglia–Tsang; boosted for shape < 1).
    /// - Complexity: O(1) expected.
    @inlinable
    public static func standardSample<G: RandomNumberGenerator>(shape: Double, using generator: inout G) -> Double {
        if shape < 1 {
            let boosted = standardSample(shape: shape + 1, using: &generator)
            let u = generator.nextUniformOpen()
            return boosted * Double.exp(Double.log(u) / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var z: Double
            var v: Double
            repeat {
                z = Normal.standardSample(using: &generator)
                v = 1 + c * z
            } while v <= 0
            v = v * v * v
            let u = generator.nextUniformOpen()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 {
                return d * v
            }
            if Double.log(u) < 0.5 * z2 + d * (1 - v + Double.log(v)) {
                return d * v
            }
        }
    }

    /// The logarithm of one draw from Gamma(shape, 1), which stays finite for tiny shapes where the draw
    /// itself underflows to 0 (`log G(α+1) + log(U)/α` for α < 1). Used by ``Beta`` and ``Dirichlet``.
    @inlinable
    public static func logStandardSample<G: RandomNumberGenerator>(shape: Double, using generator: inout G) -> Double {
        if shape < 1 {
            let boosted = standardSample(shape: shape + 1, using: &generator)
            return Double.log(boosted) + Double.log(generator.nextUniformOpen()) / shape
        }
        return Double.log(standardSample(shape: shape, using: &generator))
    }
}
