import Dispatch

/// Runs `body(b)` for every replicate `b` in `0..<count` on `threads` threads.
///
/// Replicate b's randomness must come from its own stream (``InflowStatistics/RandomStreams``),
/// and each call writes only its own slots, so results do not depend on the thread count or
/// on which thread runs which replicate. Replicates are dealt out in interleaved order
/// (thread t takes t, t + threads, ...), which balances uneven refit costs.
enum ParallelReplicates {
    static func run(count: Int, threads: Int, _ body: @Sendable (Int) -> Void) {
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for b in 0..<count { body(b) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var b = worker
            while b < count {
                body(b)
                b += workers
            }
        }
    }

    /// Runs `body(item, &workspace)` for every item in `0..<count` on `threads` threads, each thread
    /// with its own workspace made once by `makeWorkspace` (buffers reused from item to item).
    /// Items are dealt out in interleaved order as in ``run(count:threads:_:)``.
    static func run<Workspace>(count: Int, threads: Int, workspace makeWorkspace: @Sendable () -> Workspace,
                               _ body: @Sendable (Int, inout Workspace) -> Void) {
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var workspace = makeWorkspace()
            var item = worker
            while item < count {
                body(item, &workspace)
                item += workers
            }
        }
    }
}

/// A fixed-size buffer that parallel replicates write into, each to its own slots.
final class ReplicateBuffer<Element>: @unchecked Sendable {
    let pointer: UnsafeMutableBufferPointer<Element>

    init(repeating value: Element, count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: value)
    }

    deinit { pointer.deallocate() }

    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }

    var array: [Element] { Array(pointer) }
}
