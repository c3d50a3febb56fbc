import Foundation

/// Writes and reads a ``SavedReport`` as JSON (schema: see ``SavedReport``).
///
/// ```swift
/// let json = try JSONRenderer().render(ReportBuilder(input).savedReport())
/// let saved = try JSONRenderer().decode(Data(json.utf8))
/// let html = HTMLRenderer().render(saved.document)
/// ```
public struct JSONRenderer: Sendable {
    /// A renderer (it has no settings).
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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .malformed("it is not valid JSON (\(Self.syntaxReason(error, data: data))); expected a whole saved report, as JSONRenderer.render(_:) writes it.")
        }
        if let problem = Self.integerProblem(in: object, path: "") {
            throw .malformed("\(problem); expected a whole number.")
        }
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw .malformed("\(Self.reason(error)); expected a \"schema\" and a \"schemaVersion\" at the top level.")
        }
        guard header.schema == SavedReport.schemaName else { throw .wrongSchema(header.schema) }
        guard header.schemaVersion == SavedReport.currentVersion else { throw .unsupportedVersion(header.schemaVersion) }
        do {
            return try decoder.decode(SavedReport.self, from: data)
        } catch {
            throw .malformed("\(Self.reason(error)).")
        }
    }

    /// A JSON syntax error in words, with the line and column of the byte where it was found when
    /// Foundation gives its offset (the end of the file for a truncated one).
    static func syntaxReason(_ error: any Error, data: Data) -> String {
        let nsError = error as NSError
        let detail = ((nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription)
            .trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        let offset = (nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int)
            ?? (detail.lowercased().contains("end of file") ? data.count : nil)
        if let offset, offset <= data.count {
            let prefix = data.prefix(offset)
            let line = prefix.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let column = offset - (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            return "line \(line), column \(column): \(detail)"
        }
        return detail
    }

    /// Fields of the schema that hold whole numbers.
    static let integerKeys: Set<String> = ["horizon", "days", "schemaVersion", "candidates"]

    /// The first field of ``integerKeys`` whose number is not a whole number that fits an `Int`, with its
    /// path (`forecasts[0].entries[1].horizon is 1e+300`), or `nil`. `JSONDecoder` reports such a field only
    /// as "not valid JSON" at the top level.
    static func integerProblem(in object: Any, path: String) -> String? {
        if let dictionary = object as? [String: Any] {
            for key in dictionary.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if integerKeys.contains(key), let number = dictionary[key] as? NSNumber, !(number is Bool) {
                    let value = number.doubleValue
                    if !(value == value.rounded() && abs(value) < 9.0e15) { return "\(child) is \(number)" }
                } else if let problem = integerProblem(in: dictionary[key]!, path: child) {
                    return problem
                }
            }
        } else if let array = object as? [Any] {
            for (index, element) in array.enumerated() {
                if let problem = integerProblem(in: element, path: "\(path)[\(index)]") { return problem }
            }
        }
        return nil
    }

    /// A decoding error in words: what was expected, at which path of the document.
    static func reason(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
        }
        guard let error = error as? Swift.DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\"\(key.stringValue)\" is missing at \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not \(Self.article(type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null; expected \(Self.article(type))"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    private static func article(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Dictionary") ? "an object"
                : String(describing: type).hasPrefix("Array") ? "a list" : "a \(type)"
        }
    }
}
