import Foundation

/// A progress bar on standard error, shown only when standard error is a terminal and not `--quiet`.
final class Progress: @unchecked Sendable {
    private let total: Int
    private var done = 0
    private let enabled: Bool
    private let lock = NSLock()

    init(total: Int, quiet: Bool) {
        self.total = max(total, 1)
        enabled = !quiet && isatty(FileHandle.standardError.fileDescriptor) != 0
    }

    /// Marks one step done and redraws: `[#####.....] 12/30 fitting logistic`.
    func step(_ label: String) {
        lock.lock()
        defer { lock.unlock() }
        done = min(done + 1, total)
        guard enabled else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(label.padding(toLength: 40, withPad: " ", startingAt: 0))".utf8))
    }

    /// Clears the bar.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\(String(repeating: " ", count: 90))\r".utf8))
    }
}
