import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files atomically, and never over an input.
///
/// A write goes to a temporary file in the destination's directory (created if needed), which is
/// flushed to disk (`fsync`) and then renamed over the destination, so a reader sees either the old
/// file or the whole new one, never a part; if anything fails the temporary file is removed. When
/// the destination already exists its permissions are kept.
///
/// Before writing, the destination is compared with the protected input paths after
/// standardizing them and resolving symbolic links (of the file and of its directories), and, when
/// both exist, by device and inode (which also catches hard links). A match is refused:
///
/// ```text
/// refusing to write data.csv: it is the input file; choose another path
/// ```
///
/// A command line names the option that chose the path (``flag``): `choose another --output path`.
public struct AtomicFileWriter: Sendable {
    /// Paths that must never be written (the inputs of the command).
    public var protectedPaths: [URL]
    /// The option that chose the output, named in the refusal (`--output` on a command line); `nil` (the default)
    /// for a path a program chose: `choose another path`.
    public var flag: String?

    /// A writer that refuses to write over any of `inputs`; `flag` names the option that chose the output.
    public init(protecting inputs: [URL] = [], flag: String? = nil) {
        self.protectedPaths = inputs
        self.flag = flag
    }

    /// `--output path`, or `path` without a ``flag``.
    var pathName: String { flag.map { "\($0) path" } ?? "path" }

    /// Throws ``FileWriteError`` of kind ``FileWriteError/Kind/outputIsInput`` when `url` is one of
    /// the protected inputs.
    /// - Parameters:
    ///   - url: the output to be written.
    ///   - name: the output as named in messages; default: the path as given.
    public func checkOutput(_ url: URL, name: String? = nil) throws {
        let shown = name ?? url.relativePath
        let output = AtomicFileWriter.resolvedPath(url)
        let outputIdentity = AtomicFileWriter.identity(of: output)
        for input in protectedPaths {
            let path = AtomicFileWriter.resolvedPath(input)
            var same = path == output
            if !same, let outputIdentity, let inputIdentity = AtomicFileWriter.identity(of: path) {
                same = outputIdentity == inputIdentity
            }
            if same {
                throw FileWriteError(.outputIsInput, path: shown,
                                     message: "refusing to write \(shown): it is the input file; choose another \(pathName)")
            }
        }
    }

    /// Writes `text` as UTF-8 to `url`.
    public func write(_ text: String, to url: URL, name: String? = nil) throws {
        try write(Data(text.utf8), to: url, name: name)
    }

    /// Writes `data` to `url` atomically.
    /// - Throws: ``FileWriteError``: the path is an input, or the file system refused.
    public func write(_ data: Data, to url: URL, name: String? = nil) throws {
        let staged = try stage(data, to: url, name: name)
        try staged.publish()
    }

    /// Writes `data` to a temporary file beside `url`, flushed to disk, without touching `url`: the first half
    /// of an atomic write. ``StagedFile/publish()`` renames it over `url`; ``StagedFile/discard()`` removes it.
    /// Temporary files of this name left by a process that no longer runs (killed while writing) are removed
    /// first. The temporary file is registered with ``TemporaryFiles`` until it is published or discarded, so
    /// a signal handler can remove it.
    /// - Throws: ``FileWriteError``: the path is an input, or the file system refused.
    public func stage(_ data: Data, to url: URL, name: String? = nil) throws -> StagedFile {
        let shown = name ?? url.relativePath
        try checkOutput(url, name: shown)
        let destination = url.standardizedFileURL
        let directory = destination.deletingLastPathComponent()
        let pathName = self.pathName
        func failure(_ what: String, _ code: Int32) -> FileWriteError {
            FileWriteError(.io, path: shown,
                           message: "cannot write \(shown): \(what) (\(String(cString: strerror(code)))); choose a writable \(pathName)")
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(.io, path: shown,
                                 message: "cannot write \(shown): cannot create the directory \(directory.path) (\(CSVReader.reason(error))); choose a writable \(pathName)")
        }
        TemporaryFiles.removeStale(in: directory, for: destination.lastPathComponent)
        let temporary = directory.appendingPathComponent(
            TemporaryFiles.name(for: destination.lastPathComponent, process: getpid())).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("cannot create a temporary file in its directory", errno) }
        TemporaryFiles.register(temporary)
        var staged = false
        defer { if !staged { unlink(temporary); TemporaryFiles.unregister(temporary) } }
        var closed = false
        defer { if !closed { close(descriptor) } }

        let written: Int32? = data.withUnsafeBytes { raw -> Int32? in
            var offset = 0
            while offset < raw.count {
                let count = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
        if let code = written { throw failure("writing failed", code) }
        var existing = stat()
        if stat(destination.path, &existing) == 0 {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
        guard fsync(descriptor) == 0 else { throw failure("flushing to disk failed", errno) }
        closed = true
        guard close(descriptor) == 0 else { throw failure("closing failed", errno) }
        staged = true
        return StagedFile(temporaryPath: temporary, destination: destination, name: shown, flag: flag)
    }

    /// The absolute, standardized path of `url` with every symbolic link resolved, including links
    /// in directories of a file that does not exist yet.
    static func resolvedPath(_ url: URL) -> String {
        let absolute = url.standardizedFileURL.path
        var existing = absolute
        var missing: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var path = String(cString: resolved)
                for component in missing.reversed() {
                    path += (path.hasSuffix("/") ? "" : "/") + component
                }
                return path
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return absolute }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }

    /// Device and inode of an existing file.
    static func identity(of path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}

/// `write(2)`, named apart from ``AtomicFileWriter/write(_:to:name:)-(Data,_,_)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}
