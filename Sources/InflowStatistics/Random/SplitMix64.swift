/// The SplitMix64 generator of Steele, Lea and Flood, used to seed and to derive other generators.
///
/// The state advances by the odd constant `0x9E3779B97F4A7C15` (2^64 divided by the golden ratio),
/// and each output is the state passed through the bijective finaliser ``mix(_:)``:
///
///     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// The period is 2^64 and every 64-bit seed is valid. The generator is fast and statistically sound for
/// seeding, but its 64-bit state is too small for long simulations: use ``Xoshiro256StarStar`` for draws.
///
/// - Complexity: O(1) per output.
/// - Reference: G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators",
///   OOPSLA 2014; S. Vigna, `splitmix64.c` (public domain), https://prng.di.unimi.it/.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The increment added to the state before each output (the "golden gamma").
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The current state; the next output is `mix(state &+ increment)`.
    public var state: UInt64

    /// Creates a generator whose state is `seed`.
    @inlinable
    public init(seed: UInt64) {
        self.state = seed
    }

    /// Advances the state and returns the next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijection of `UInt64` with good avalanche (every input bit
    /// flips each output bit with probability close to 1/2). Note that `mix(0) == 0`.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
