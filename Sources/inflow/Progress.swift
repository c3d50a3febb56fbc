import Foundation
import Inflow
import Synchronization

/// A progress bar on standard error, shown only when standard error is a terminal and not `--quiet`.
final class Progress: Sendable {
    private let enabled: Bool
    private let lastWidth = Mutex(0)

    init(quiet: Bool) {
        enabled = !quiet && isatty(FileHandle.standardError.fileDescriptor) != 0
    }

    /// Redraws the bar: `[#####.....] 12/30 projecting logistic`.
    func update(_ progress: AnalysisProgress) {
        step(progress.completed, of: progress.total, progress.step)
    }

    /// Redraws the bar at `done` of `total`.
    func step(_ done: Int, of total: Int, _ label: String) {
        guard enabled else { return }
        let width = 30
        let filled = width * min(done, total) / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "\r[\(bar)] \(done)/\(total) \(label.padding(toLength: 40, withPad: " ", startingAt: 0))"
        lastWidth.withLock { $0 = line.count }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar.
    func finish() {
        guard enabled else { return }
        let width = lastWidth.withLock { $0 }
        FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: width))\r".utf8))
    }
}
