import Foundation

/// Why a forecast archive could not be opened, written or read.
public enum ArchiveError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The directory exists, is not empty and has no archive marker.
    case notAnArchive(path: String)
    /// The directory does not exist (reading an archive).
    case missing(path: String)
    /// A run with this identity is already in the archive (an archived run is never overwritten).
    case runExists(path: String)
    /// The file system refused (path and reason).
    case io(path: String, reason: String)
    /// The archive's marker names a layout this version cannot read.
    case unsupportedVersion(path: String, version: Int)

    public var description: String {
        switch self {
        case .notAnArchive(let path):
            "\(path) is not a forecast archive: it is a directory with other files and no \(ForecastArchive.markerName); "
                + "give an empty or new directory to start an archive"
        case .missing(let path):
            "\(path) does not exist: there is no forecast archive there"
        case .runExists(let path):
            "\(path) already exists; an archived run is never overwritten"
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .unsupportedVersion(let path, let version):
            "\(path) is a forecast archive of layout version \(version); this version of Inflow reads version \(ForecastArchive.layoutVersion)"
        }
    }

    public var errorDescription: String? { description }
}
