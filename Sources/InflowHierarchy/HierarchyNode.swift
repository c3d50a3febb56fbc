/// One node of a hierarchy: the total, a key (a province), a key column's value over the other keys (all
/// nationalities of one province), or a group (a region).
public struct HierarchyNode: Sendable, Hashable, Codable {
    /// What kind of node it is.
    public enum Level: Sendable, Hashable, Codable {
        /// The sum of every key.
        case total
        /// The keys of the file, the sum of whose samples makes every other node.
        case bottom
        /// The sum over the keys with one value in a key column (when there are several key columns).
        case keyValue(column: String)
        /// The sum over the keys in one group (a value of a group column).
        case group(column: String)
    }

    /// The node's name: `Total`, the key text (`Mondulkiri`, `Kandal / Indonesia`), `province: Kandal`,
    /// `region: East`.
    public let name: String
    /// Its level.
    public let level: Level
    /// The indices of the bottom keys it sums, ascending.
    public let bottom: [Int]

    /// A node.
    public init(name: String, level: Level, bottom: [Int]) {
        self.name = name
        self.level = level
        self.bottom = bottom
    }
}
