import InflowData
import InflowProjection

/// Reads a model-output file written by ``ForecastArchive`` back into hub rows, checking it the way a hub's
/// validator would: the header is `model_id` followed by ``HubRow/header``, every row has every column, horizons
/// are whole numbers and values are numbers.
enum ModelOutputReader {
    /// The header of an archived model-output file.
    static let header = ["model_id"] + HubRow.header

    /// The rows of `text`; `path` names the file in errors.
    /// - Complexity: O(size of the text).
    static func rows(_ text: String, path: String) throws -> [HubRow] {
        let reader = CSVReader(string: text, name: path)
        var rows: [HubRow] = []
        var line = 0
        do {
            let first = try reader.readHeader()
            guard first.fields == header else {
                throw ArchiveError.io(path: path, reason: "line 1: expected the header \(header.joined(separator: ","))")
            }
            while let record = try reader.next() {
                line = record.line
                let f = record.fields
                guard f.count == header.count, let horizon = Int(f[3]), let value = Double(f[8]) else {
                    throw ArchiveError.io(path: path, reason: "line \(record.line): not a model-output row")
                }
                rows.append(HubRow(referenceDate: f[1], target: f[2], horizon: horizon, location: f[4],
                                   targetEndDate: f[5], outputType: f[6], outputTypeID: f[7], value: value))
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError.io(path: path, reason: "line \(line + 1): \(error)")
        }
        return rows
    }
}
