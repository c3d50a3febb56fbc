import RealModule

extension SpecialFunctions {
    /// The error function `erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt`, from the C library through swift-numerics.
    /// - Complexity: O(1).
    @inlinable
    public static func erf(_ x: Double) -> Double {
        Double.erf(x)
    }

    /// The complementary error function `erfc(x) = 1 − erf(x)`, accurate in relative terms for large x.
    /// - Complexity: O(1).
    @inlinable
    public static func erfc(_ x: Double) -> Double {
        Double.erfc(x)
    }

    /// The standard normal cdf `Φ(z) = ½ erfc(−z/√2)`.
    ///
    /// Uses `½ + ½ erf(t)` for `|t| < 1/√2` (t = z/√2) and `½ erfc(|t|)` or its complement beyond, as
    /// Cephes' `ndtr` does. In the far lower tail the relative error grows like `z² ε` from the rounding of
    /// `z/√2` (3·10⁻¹⁴ at z = −15).
    /// - Complexity: O(1).
    /// - Reference: DLMF 7.2.2 and 7.18.2; S. L. Moshier, Cephes `ndtr`.
    public static func standardNormalCDF(_ z: Double) -> Double {
        let t = z * 0.707_106_781_186_547_524_40
        let magnitude = Swift.abs(t)
        if magnitude < 0.707_106_781_186_547_524_40 {
            return 0.5 + 0.5 * Double.erf(t)
        }
        let tail = 0.5 * Double.erfc(magnitude)
        return t > 0 ? 1 - tail : tail
    }
}
