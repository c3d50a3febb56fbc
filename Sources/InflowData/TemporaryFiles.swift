import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files of atomic writes: their names, the ones this process has open (so that a signal
/// handler can remove them, ``removeAll()``), and the clean-up of those a killed process left behind.
///
/// A temporary file is named `.<destination>.<pid>.<random>.tmp` in the destination's directory. One whose
/// process no longer runs (`kill(pid, 0)` fails with `ESRCH`) is stale: it was left by a process killed
/// while writing (SIGKILL cannot be caught), and the next write to the same destination removes it.
public enum TemporaryFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var open: Set<String> = []

    /// The temporary file name for `destination` of process `process`.
    static func name(for destination: String, process: Int32) -> String {
        ".\(destination).\(process).\(UInt64.random(in: 0...UInt64.max)).tmp"
    }

    static func register(_ path: String) {
        lock.lock()
        open.insert(path)
        lock.unlock()
    }

    static func unregister(_ path: String) {
        lock.lock()
        open.remove(path)
        lock.unlock()
    }

    /// The temporary files this process has written and not yet published or discarded.
    public static var pending: [String] {
        lock.lock()
        defer { lock.unlock() }
        return open.sorted()
    }

    /// Removes every temporary file this process has not published (on SIGINT or SIGTERM).
    public static func removeAll() {
        lock.lock()
        let paths = open
        open.removeAll()
        lock.unlock()
        for path in paths { unlink(path) }
    }

    /// Removes the temporary files for `destination` in `directory` whose process is gone.
    /// - Returns: the paths removed.
    @discardableResult
    public static func removeStale(in directory: URL, for destination: String) -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let prefix = ".\(destination)."
        var removed: [String] = []
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4).split(separator: ".")
            guard middle.count == 2, let process = Int32(middle[0]), UInt64(middle[1]) != nil else { continue }
            guard process != getpid(), kill(process, 0) != 0, errno == ESRCH else { continue }
            let path = directory.appendingPathComponent(entry).path
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }
}
