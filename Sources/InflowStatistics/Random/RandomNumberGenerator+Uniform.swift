extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2^−53.
    ///
    /// Every multiple of 2^−53 in [0, 1) is equally likely, so the result is exact and unbiased;
    /// it can be 0 (with probability 2^−53) but never 1.
    /// - Complexity: one call to `next()`, one conversion and one multiplication.
    @inlinable
    public mutating func nextUniform() -> Double {
        let bits: UInt64 = next()
        return Double(bits >> 11) * 0x1.0p-53
    }

    /// A uniform double in the open interval (0, 1): `(top 52 bits + 1/2) × 2^−52`.
    ///
    /// The values are the midpoints `(k + 1/2) 2^−52`, k = 0 … 2^52 − 1. All are exactly representable
    /// (52 bits, not 53, so that `k + 1/2` never rounds), symmetric about 1/2, and never 0 or 1,
    /// so `log(u)`, `log(1 − u)` and inverse cdfs are always finite.
    /// - Complexity: one call to `next()`.
    @inlinable
    public mutating func nextUniformOpen() -> Double {
        let bits: UInt64 = next()
        return (Double(bits >> 12) + 0.5) * 0x1.0p-52
    }
}
