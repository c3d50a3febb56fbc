/// The xoshiro256** pseudo-random generator of Blackman and Vigna: the library's generator for all draws.
///
/// The 256-bit state `(s0, s1, s2, s3)` evolves by a linear map over GF(2) of period 2^256 − 1, and
/// each output scrambles `s1` as `rotl(s1 * 5, 7) * 9`. The generator passes BigCrush and PractRand,
/// needs four 64-bit words of state, and costs about one nanosecond per output.
///
/// Seeding from a single `UInt64` fills the state with four consecutive outputs of ``SplitMix64``
/// (the seeding the authors recommend), which can never give the forbidden all-zero state.
///
/// For independent parallel streams use ``jump()`` (advance 2^128 steps) or ``longJump()`` (2^192 steps),
/// or derive a generator per task with ``RandomStreams``.
///
/// - Complexity: O(1) per output; ``jump()`` and ``longJump()`` cost 256 steps each.
/// - Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
///   ACM Transactions on Mathematical Software 47(4), 2021; `xoshiro256starstar.c`, https://prng.di.unimi.it/.
@frozen
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
    @inlinable
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// Creates a generator with an explicit state.
    ///
    /// - Precondition: the four words are not all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// The current 256-bit state, in the order of the reference implementation (`s[0]` … `s[3]`).
    public var state: (UInt64, UInt64, UInt64, UInt64) {
        (s0, s1, s2, s3)
    }

    @inlinable
    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    /// Returns the next 64 random bits: `rotl(s1 * 5, 7) * 9`, then advances the state.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    /// Advances the state by 2^128 steps, as if `next()` had been called 2^128 times.
    ///
    /// Calling `jump()` k times on copies of one generator gives k non-overlapping sequences of length 2^128.
    /// - Complexity: 256 state transitions.
    public mutating func jump() {
        applyJump(0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C)
    }

    /// Advances the state by 2^192 steps, for 2^64 starting points each of which can be ``jump()``ed 2^64 times.
    /// - Complexity: 256 state transitions.
    public mutating func longJump() {
        applyJump(0x76E1_5D3E_FEFD_CBBF, 0xC500_4E44_1C52_2FB3, 0x7771_0069_854E_E241, 0x3910_9BB0_2ACB_E635)
    }

    /// Multiplies the state by the jump polynomial given by its 256 bits (low word first):
    /// the sum, over GF(2), of the states reached after each step whose polynomial bit is set.
    private mutating func applyJump(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
        for word in [w0, w1, w2, w3] {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    t0 ^= s0
                    t1 ^= s1
                    t2 ^= s2
                    t3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (t0, t1, t2, t3)
    }
}
