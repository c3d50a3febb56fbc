import Foundation

/// Writes and reads a ``SavedReport`` as JSON (schema: see ``SavedReport``).
///
/// ```swift
/// let json = try JSONRenderer().render(ReportBuilder(input).savedReport())
/// let saved = try JSONRenderer().decode(Data(json.utf8))
/// let html = HTMLRenderer().render(saved.document)
/// ```
public struct JSONRenderer: Sendable {
    public init() {}

    /// Why a saved report could not be read.
    public enum DecodingError: Error, Equatable, CustomStringConvertible {
        /// The file is JSON but not an inflow report.
        case wrongSchema(String)
        /// The file was written by a newer, incompatible version.
        case unsupportedVersion(Int)
        /// The file is not valid JSON or misses required fields.
        case malformed(String)

        public var description: String {
            switch self {
            case .wrongSchema(let name):
                "the file is not an inflow report (its schema is \"\(name)\", expected \"\(SavedReport.schemaName)\")."
            case .unsupportedVersion(let version):
                "the report was saved with schema version \(version); this version of inflow reads version \(SavedReport.currentVersion)."
            case .malformed(let reason):
                "the report file could not be read: \(reason)"
            }
        }
    }

    private static let nonFinite = (positive: "Infinity", negative: "-Infinity", nan: "NaN")

    /// The JSON bytes, pretty-printed with sorted keys (stable output for a fixed input).
    public func data(_ report: SavedReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: Self.nonFinite.positive, negativeInfinity: Self.nonFinite.negative, nan: Self.nonFinite.nan)
        return try encoder.encode(report)
    }

    /// The JSON text.
    public func render(_ report: SavedReport) throws -> String {
        String(decoding: try data(report), as: UTF8.self) + "\n"
    }

    /// Reads a saved report, checking its schema name and version first.
    public func decode(_ data: Data) throws(DecodingError) -> SavedReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: Self.nonFinite.positive, negativeInfinity: Self.nonFinite.negative, nan: Self.nonFinite.nan)
        struct Header: Decodable {
            let schema: String
            let schemaVersion: Int
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw .malformed("it is not JSON with a \"schema\" and a \"schemaVersion\" (\(error.localizedDescription)).")
        }
        guard header.schema == SavedReport.schemaName else { throw .wrongSchema(header.schema) }
        guard header.schemaVersion == SavedReport.currentVersion else { throw .unsupportedVersion(header.schemaVersion) }
        do {
            return try decoder.decode(SavedReport.self, from: data)
        } catch {
            throw .malformed("\(error)")
        }
    }
}
