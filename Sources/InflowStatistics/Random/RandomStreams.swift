/// A family of independent, reproducible random streams derived from one seed.
///
/// Each stream is a ``Xoshiro256StarStar`` whose 64-bit seed is a hash of `(seed, series, replicate)`
/// (or `(seed, index)`), so "replicate b of series s" always receives the same draws whatever the
/// number of threads and whatever the order in which tasks run. No state is shared between streams,
/// and deriving one costs a handful of multiplications.
///
/// The derivation, written so that another implementation can reproduce it, uses the SplitMix64
/// finaliser `mix` (see ``SplitMix64/mix(_:)``) and its increment `γ = 0x9E3779B97F4A7C15`:
///
///     derive(parent, child) = mix(parent ^ mix(child &+ γ))
///     key(series s, replicate r) = derive(derive(derive(seed, 0x5345524945530002), s), r)
///     key(stream i)              = derive(derive(seed, 0x53545245414D0001), i)
///     generator                  = Xoshiro256StarStar(seed: key)   // four SplitMix64 outputs of key
///
/// Signed indices enter through their two's-complement bit pattern. For a fixed parent, `derive` is a
/// bijection of the child, so distinct children always receive distinct keys; keys of different parents
/// collide with probability about 2^−64 per pair. The two tags separate the two kinds of stream.
///
/// - Complexity: O(1) to derive a generator.
/// - Reference: the derivation follows the "split" idea of G. L. Steele, D. Lea, C. H. Flood,
///   "Fast splittable pseudorandom number generators", OOPSLA 2014, with the xoshiro seeding advice of
///   D. Blackman, S. Vigna (2021).
public struct RandomStreams: Sendable, Hashable {
    /// The master seed.
    public let seed: UInt64

    @usableFromInline static let seriesTag: UInt64 = 0x5345_5249_4553_0002
    @usableFromInline static let streamTag: UInt64 = 0x5354_5245_414D_0001

    /// Creates the family of streams of `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// `mix(parent ^ mix(child &+ γ))`: the key of `child` under `parent`.
    @inlinable
    public static func derive(_ parent: UInt64, _ child: UInt64) -> UInt64 {
        SplitMix64.mix(parent ^ SplitMix64.mix(child &+ SplitMix64.increment))
    }

    /// The 64-bit seed of the generator of replicate `replicate` of series `series`.
    @inlinable
    public func key(series: Int, replicate: Int) -> UInt64 {
        let seriesKey = Self.derive(Self.derive(seed, Self.seriesTag), UInt64(bitPattern: Int64(series)))
        return Self.derive(seriesKey, UInt64(bitPattern: Int64(replicate)))
    }

    /// The generator of replicate `replicate` of series `series`: the same draws on every run and thread.
    @inlinable
    public func generator(series: Int, replicate: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: key(series: series, replicate: replicate))
    }

    /// The generator of stream `index`, for work that is not indexed by series and replicate.
    @inlinable
    public func stream(_ index: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: Self.derive(Self.derive(seed, Self.streamTag), index))
    }
}
