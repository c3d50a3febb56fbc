import InflowCore

/// The input a run read, as the archive identifies it: its name and the SHA-256 of its bytes.
public struct ArchiveInput: Sendable, Equatable {
    /// The file's name as given (`kbri-phnom-penh-2026-01.csv`, or `-` for standard input).
    public var name: String
    /// SHA-256 of the bytes read, 64 hex digits.
    public var sha256: String

    /// An input identified by its bytes.
    public init(name: String, bytes: some Sequence<UInt8>) {
        self.name = name
        self.sha256 = SHA256.hex(bytes)
    }

    /// An input whose digest is already known.
    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}
