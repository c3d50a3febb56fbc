import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output written to a temporary file beside its destination and flushed to disk, not yet in place
/// (``AtomicFileWriter/stage(_:to:name:)``): publishing renames it over the destination in one step.
public struct StagedFile: Sendable {
    /// The temporary file.
    public let temporaryPath: String
    /// Where it goes.
    public let destination: URL
    /// The destination as named in messages, and the option that chose it.
    public let name: String
    /// The option that chose the destination, named in messages (`--output` on a command line); `nil` for a path
    /// a program chose.
    public let flag: String?

    /// Renames the temporary file over the destination (a reader sees the old file or the new one, never a
    /// part of it) and flushes the directory.
    /// - Throws: ``FileWriteError`` when the rename fails; the temporary file is then removed.
    public func publish() throws {
        defer { TemporaryFiles.unregister(temporaryPath) }
        guard rename(temporaryPath, destination.path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw FileWriteError(.io, path: name,
                                 message: "cannot write \(name): renaming the temporary file failed (\(String(cString: strerror(code)))); choose a writable \(flag.map { "\($0) path" } ?? "path")")
        }
        let directoryDescriptor = open(destination.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes the temporary file; the destination is untouched.
    public func discard() {
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
    }
}
