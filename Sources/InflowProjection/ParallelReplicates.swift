import Dispatch
import Synchronization

/// Runs independent items (bootstrap replicates, chunks of them) on several threads.
///
/// Item i's randomness must come from its own stream (``InflowStatistics/RandomStreams``), so results do
/// not depend on the thread count or on which thread runs which item. Items are dealt out in interleaved
/// order (thread t takes t, t + threads, ...), which balances uneven refit costs. Each thread makes its own
/// workspace once and reuses it from item to item; it collects its outputs and hands them over once at the
/// end, so no two threads ever write to the same memory.
package enum ParallelReplicates {
    /// `body(item, &workspace)` for every item in `0..<count`, on `threads` threads; the outputs in item order.
    /// - Complexity: the items' work, plus one lock per thread and O(count) to put the outputs in order.
    package static func map<Workspace, Output: Sendable>(
        count: Int, threads: Int, workspace makeWorkspace: @Sendable () -> Workspace,
        _ body: @Sendable (Int, inout Workspace) -> Output
    ) -> [Output] {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            var workspace = makeWorkspace()
            return (0..<count).map { body($0, &workspace) }
        }
        let collected = Mutex<[(item: Int, output: Output)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var workspace = makeWorkspace()
            var local: [(item: Int, output: Output)] = []
            local.reserveCapacity(count / workers + 1)
            var item = worker
            while item < count {
                local.append((item, body(item, &workspace)))
                item += workers
            }
            collected.withLock { $0 += local }
        }
        return collected.withLock { pairs in
            var ordered = [Output?](repeating: nil, count: count)
            for pair in pairs { ordered[pair.item] = pair.output }
            return ordered.map { $0! }
        }
    }
}
