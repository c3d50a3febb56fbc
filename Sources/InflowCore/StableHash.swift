/// The 64-bit FNV-1a hash of a text's UTF-8 bytes: the same on every machine, run and Swift version (unlike
/// `Hasher`, which is seeded per process), so it can name random streams and shards.
///
///     h = 0xcbf29ce484222325; for each byte c: h = (h ^ c) &* 0x100000001b3
///
/// - Complexity: O(length of the text).
/// - Reference: Fowler, Noll & Vo, "FNV hash" (IETF draft-eastlake-fnv, 2019).
public enum StableHash {
    /// The FNV-1a hash of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
