import Dispatch
import Foundation
import Inflow

/// The files a command writes, all or none: each is checked against the inputs before any work, then at the
/// end every file is staged (written beside its destination and flushed) and, only when all are staged, each
/// is renamed into place. A failure while staging leaves every destination as it was; SIGINT and SIGTERM
/// while writing remove the temporary files before the process ends.
struct OutputFiles {
    private var planned: [(path: String, flag: String)] = []
    private var contents: [String: Data] = [:]
    private let inputs: [URL]

    /// Outputs of a command reading `inputs`.
    init(protecting inputs: [URL]) {
        self.inputs = inputs
    }

    /// Plans an output at `path` chosen by `flag`, refusing at once a path that is an input.
    mutating func plan(_ path: String?, flag: String) throws {
        guard let path else { return }
        try AtomicFileWriter(protecting: inputs, flag: flag).checkOutput(URL(fileURLWithPath: path), name: path)
        planned.append((path, flag))
    }

    /// Sets the content of a planned output.
    mutating func set(_ text: String, for path: String?) {
        guard let path else { return }
        contents[path] = Data(text.utf8)
    }

    /// Stages every planned output that has content, then publishes them all; says which were written.
    func commit() throws {
        let signals = Self.removingTemporaryFilesOnSignals()
        defer { signals.forEach { $0.cancel() } }
        var staged: [StagedFile] = []
        do {
            for (path, flag) in planned {
                guard let data = contents[path] else { continue }
                staged.append(try AtomicFileWriter(protecting: inputs, flag: flag)
                    .stage(data, to: URL(fileURLWithPath: path), name: path))
            }
        } catch {
            staged.forEach { $0.discard() }
            throw error
        }
        for (index, file) in staged.enumerated() {
            do {
                try file.publish()
            } catch {
                staged[(index + 1)...].forEach { $0.discard() }
                throw error
            }
            FileHandle.standardError.write(Data("wrote \(file.name)\n".utf8))
        }
    }

    /// Signal sources for SIGINT and SIGTERM that remove this process's temporary files and exit with
    /// `128 + signal`, for as long as they are not cancelled.
    private static func removingTemporaryFilesOnSignals() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.removeAll()
                exit(128 + number)
            }
            source.setCancelHandler { signal(number, SIG_DFL) }
            source.resume()
            return source
        }
    }
}
