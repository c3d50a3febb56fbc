import Foundation
import InflowData

/// Writes chart files: atomically (staged beside the destination, then renamed into place) and never over an
/// input.
enum ChartWriting {
    /// Writes `render(format)` to `url`, the format being `format` or the one `url`'s extension names.
    /// - Throws: ``ChartFileError/unknownFormat(path:)`` when neither says a format; `FileWriteError` when
    ///   `url` is one of `inputs` or cannot be written.
    static func write(to url: URL, format: ChartFileFormat?, protecting inputs: [URL],
                      render: (ChartFileFormat) -> String) throws {
        guard let format = format ?? ChartFileFormat(fileExtension: url.pathExtension) else {
            throw ChartFileError.unknownFormat(path: url.path)
        }
        let writer = AtomicFileWriter(protecting: inputs)
        try writer.checkOutput(url)
        try writer.write(render(format), to: url)
    }
}
