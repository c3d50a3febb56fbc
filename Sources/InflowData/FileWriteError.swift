import Foundation

/// Why ``AtomicFileWriter`` did not write a file.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The output path is (resolves to) one of the input files.
        case outputIsInput
        /// The file system refused (no permission, no space, not a directory...).
        case io
    }

    /// What went wrong.
    public var kind: Kind
    /// The output path as given.
    public var path: String
    /// The whole sentence, such as
    /// `refusing to write out.csv: it is the input file; choose another path` (`choose another --output path` when
    /// a command-line option chose it).
    public var message: String

    /// An error.
    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    /// The ``message``.
    public var description: String { message }
}

extension FileWriteError: LocalizedError {
    /// The ``description``, so that `localizedDescription` says what happened.
    public var errorDescription: String? { description }
}
