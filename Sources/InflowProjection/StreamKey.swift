import InflowCore
import InflowModels

/// The random stream index of a projection, derived from names alone.
///
/// Projection replicate `b` of model `m` on series `s` draws from ``/InflowStatistics/RandomStreams``'
/// stream `(seed, index(s, m), b)`, where the index is the 64-bit FNV-1a hash of the UTF-8 bytes of
/// `s`, a unit separator (0x1F) and `m`'s description (`logistic (negative-binomial)`):
///
///     h = 0xcbf29ce484222325; for each byte c: h = (h ^ c) &* 0x100000001b3
///
/// So a series' numbers depend on the seed, the series' name (a key such as `Mondulkiri`, or the
/// total's name) and the model, never on the order of keys in a file, on which other models are
/// fitted, or on which shard of a split run processes the series. Distinct names collide with
/// probability about 2^-64 per pair.
///
/// - Complexity: O(length of the names).
/// - Reference: Fowler, Noll & Vo, "FNV hash" (IETF draft-eastlake-fnv, 2019).
public enum StreamKey {
    /// The stream index of `model`'s projection of the series named `series`.
    public static func index(series: String, model: ModelID) -> Int {
        index(series + "\u{1F}" + model.description)
    }

    /// The FNV-1a hash of `text`'s UTF-8 bytes, as a stream index (its bit pattern).
    public static func index(_ text: String) -> Int {
        Int(bitPattern: UInt(StableHash.fnv1a(text)))
    }
}
