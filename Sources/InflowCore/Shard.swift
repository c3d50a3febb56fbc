/// One of `count` shards of a set of keys: the keys whose ``StableHash`` falls in it,
/// `fnv1a(key) mod count == index - 1`, so `count` independent processes (`inflow project --shard 1/4` ...
/// `--shard 4/4`) cover every key exactly once, whatever the order of the keys or the machine.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The shard, from 1 to ``count``.
    public let index: Int
    /// The number of shards.
    public let count: Int

    /// Every key: shard 1 of 1.
    public static let whole = Shard(index: 1, count: 1)!

    /// Shard `index` of `count`; `nil` unless `1 <= index <= count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `k/n` such as `2/8`; `nil` when the text is not two whole numbers with `1 <= k <= n`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// Whether `key` belongs to this shard.
    public func contains(_ key: String) -> Bool {
        Int(StableHash.fnv1a(key) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
