import Foundation
import InflowProjection

/// A complete run in a forecast archive: its directory and metadata; its forecasts are read on demand.
public struct ArchivedRun: Sendable {
    /// The run's directory, `<archive>/<reference_date>/<run id>/`.
    public let directory: URL
    /// What the run recorded.
    public let metadata: ArchiveRunMetadata

    /// A run found in `directory`.
    public init(directory: URL, metadata: ArchiveRunMetadata) {
        self.directory = directory
        self.metadata = metadata
    }

    /// The name of a run's model-output file: `<reference_date>-<model_id>.csv`, the hubverse file naming
    /// (`<round_id>-<model_id>.csv`).
    public static func modelOutputName(referenceDate: String, modelID: String) -> String {
        "\(referenceDate)-\(modelID).csv"
    }

    /// The model-output file.
    public var modelOutputURL: URL {
        directory.appendingPathComponent(Self.modelOutputName(referenceDate: metadata.referenceDate, modelID: metadata.modelID))
    }

    /// The run's forecasts, read back from its model-output file.
    /// - Throws: ``ArchiveError`` when the file is missing or not a model-output table.
    public func hubRows() throws -> [HubRow] {
        let text: String
        do {
            text = try String(contentsOf: modelOutputURL, encoding: .utf8)
        } catch {
            throw ArchiveError.io(path: modelOutputURL.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        return try ModelOutputReader.rows(text, path: modelOutputURL.path)
    }
}
