import Foundation

/// Why a chart file was not written.
public enum ChartFileError: Error, Equatable, LocalizedError {
    /// The file name's extension names no ``ChartFileFormat`` and none was given.
    case unknownFormat(path: String)

    /// The reason in words, naming the file and what to do.
    public var errorDescription: String? {
        switch self {
        case .unknownFormat(let path):
            "cannot tell the chart format of \(path): name the file .svg or .html, or pass a ChartFileFormat"
        }
    }
}
