import InflowLinearAlgebra

/// The summing structure of a set of keyed series: the bottom keys (one per combination of the key columns'
/// values in the data), their total, the marginal sums of each key column when there are several (province x
/// nationality gives every province and every nationality), and the sums of user groups (a region column).
///
/// Nodes are ordered total first, then key-column sums, then groups, then the bottom keys; ``summingMatrix``
/// is `S` with `S[i, j] = 1` when node `i` includes bottom key `j` (Hyndman & Athanasopoulos, *Forecasting:
/// Principles and Practice*, 3rd ed., section 11.1).
///
/// ```swift
/// let hierarchy = Hierarchy(keys: [["Kandal"], ["Mondulkiri"]], keyColumns: ["province"])
/// hierarchy.nodes.map(\.name)   // ["Total", "Kandal", "Mondulkiri"]
/// ```
public struct Hierarchy: Sendable, Equatable {
    /// Every node, total first, bottom keys last.
    public let nodes: [HierarchyNode]
    /// The bottom keys' names, in data order.
    public let bottomNames: [String]

    /// The hierarchy of bottom keys with the given key values (one per key column), and groups: for each
    /// group column, each key's value.
    /// - Precondition: every key has one value per key column and one per group column.
    public init(keys: [[String]], keyColumns: [String], groupColumns: [String] = [], groupValues: [[String]] = []) {
        precondition(keys.allSatisfy { $0.count == keyColumns.count }, "one key value per key column")
        precondition(groupValues.isEmpty || groupValues.count == keys.count, "group values for every key")
        let names = keys.map { $0.joined(separator: " / ") }
        var nodes = [HierarchyNode(name: "Total", level: .total, bottom: Array(keys.indices))]
        if keyColumns.count > 1 {
            for (column, name) in keyColumns.enumerated() {
                var seen: [String] = []
                for key in keys where !seen.contains(key[column]) { seen.append(key[column]) }
                for value in seen {
                    nodes.append(HierarchyNode(name: "\(name): \(value)", level: .keyValue(column: name),
                                               bottom: keys.indices.filter { keys[$0][column] == value }))
                }
            }
        }
        for (column, name) in groupColumns.enumerated() {
            var seen: [String] = []
            for values in groupValues where !seen.contains(values[column]) { seen.append(values[column]) }
            for value in seen {
                nodes.append(HierarchyNode(name: "\(name): \(value)", level: .group(column: name),
                                           bottom: groupValues.indices.filter { groupValues[$0][column] == value }))
            }
        }
        nodes += names.enumerated().map { HierarchyNode(name: $1, level: .bottom, bottom: [$0]) }
        self.nodes = nodes
        bottomNames = names
    }

    /// Number of bottom keys `m`.
    public var bottomCount: Int { bottomNames.count }

    /// The summing matrix `S`, `nodes.count x m`.
    public var summingMatrix: Matrix {
        var s = Matrix(rows: nodes.count, columns: bottomCount)
        for (i, node) in nodes.enumerated() {
            for j in node.bottom { s[i, j] = 1 }
        }
        return s
    }

    /// The node called `name`.
    public func node(named name: String) -> HierarchyNode? { nodes.first { $0.name == name } }
}
