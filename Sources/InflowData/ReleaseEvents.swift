import Foundation
import InflowCore

/// Known releases by province of origin: when people held in a province were let go, one release per
/// province.
///
/// ## File format
///
/// A CSV file with a header. Lines starting with `#` before the header are comments; blank lines are
/// skipped (see ``CSVReader``). Column names are matched ignoring case and surrounding spaces; other
/// columns are ignored.
///
/// | column | required | holds |
/// |---|---|---|
/// | `province` | yes | a province of the gazetteer by name or ISO 3166-2:KH code (`Tbong Khmum`, `KH-25`) |
/// | `date` | yes | `2026-01-17` (the start of that day), `2026-01-17T08:00` or `2026-01-17T08:00:30`, optionally with an offset (`Z`, `+07:00`); without one, read in the time zone given |
/// | `description` | no | free text (in double quotes when it holds a comma) |
///
/// ```text
/// # Releases named in January 2026 reporting
/// province,date,description
/// Tbong Khmum,2026-01-17,"compound near the Vietnam border emptied"
/// KH-20,2026-01-19T08:00+07:00,Bavet compounds
/// ```
///
/// A province has at least one row and at most one: a province whose people were let go in two
/// releases is split into two pools in a ``ProvinceShares`` file, or given its earliest release.
///
/// Every problem is a ``DataError`` naming file, line and column: a missing or repeated column, a row
/// with more or fewer fields than the header, an unknown province (with the nearest name, when one is
/// close), a date that is not one of the forms above, a province listed twice, and a header without rows.
public struct ReleaseEvents: Sendable, Equatable {
    /// The releases in file order.
    public var events: [ReleaseEvent]
    /// Where the releases come from: the file as named in messages, or a description.
    public var source: String

    /// The columns a releases file must have.
    public static let requiredColumns = ["province", "date"]
    /// The column a releases file may have.
    public static let optionalColumns = ["description"]

    /// Releases given in code.
    public init(events: [ReleaseEvent], source: String) {
        self.events = events
        self.source = source
    }

    /// Reads a releases file (format in the type's description).
    /// - Parameters:
    ///   - url: the releases file.
    ///   - gazetteer: resolves province names and codes.
    ///   - timeZone: the time zone of dates and times written without an offset (for Phnom Penh, UTC+7).
    ///   - name: the file as named in messages and in ``source``; default: the URL's relative path.
    /// - Throws: ``DataError`` naming the line and column of the first problem.
    public init(contentsOf url: URL, gazetteer: ProvinceGazetteer, timeZone: TimeZone, name: String? = nil) throws {
        try self.init(reader: CSVReader(contentsOf: url, name: name), gazetteer: gazetteer, timeZone: timeZone)
    }

    /// Reads releases from `reader` (format in the type's description).
    init(reader: CSVReader, gazetteer: ProvinceGazetteer, timeZone: TimeZone) throws {
        let file = reader.name
        let (header, records) = try reader.readAll()
        let columns = try ProvinceShares.resolveColumns(
            header, required: ReleaseEvents.requiredColumns, optional: ReleaseEvents.optionalColumns, file: file)
        let (provinceIndex, dateIndex) = (columns.required[0], columns.required[1])
        let descriptionIndex = columns.optional[0]
        guard !records.isEmpty else {
            throw DataError(.noRows, file: file, line: header.line,
                            message: "the file has a header but no rows; expected one row per release, such as Tbong Khmum,2026-01-17")
        }
        var events: [ReleaseEvent] = []
        var lines: [String: Int] = [:]
        for record in records {
            try ProvinceShares.checkFieldCount(record, width: columns.width, file: file)
            let province = try ProvinceShares.resolveProvince(
                record.fields[provinceIndex], in: gazetteer, file: file, line: record.line, column: provinceIndex + 1)
            if let earlier = lines[province.isoCode] {
                throw DataError(.duplicateProvince, file: file, line: record.line, column: provinceIndex + 1,
                                message: "one release per province: \(province.name) is on lines \(earlier) and \(record.line); keep the earliest or split the province's pool in a shares file")
            }
            lines[province.isoCode] = record.line
            let date = try ReleaseEvents.date(record.fields[dateIndex], timeZone: timeZone, file: file,
                                              line: record.line, column: dateIndex + 1)
            let description = descriptionIndex.map { LoadSession.trimmed(record.fields[$0]) }
            events.append(ReleaseEvent(isoCode: province.isoCode, province: province.name, date: date,
                                       description: description?.isEmpty == false ? description : nil,
                                       line: record.line))
        }
        self.init(events: events, source: file)
    }

    /// The release of the province with ISO code `isoCode` (exact code, such as `KH-25`), or `nil`.
    public func event(for isoCode: String) -> ReleaseEvent? {
        events.first { $0.isoCode == isoCode }
    }

    /// The forms a date field may take, for messages.
    static let dateForms = "expected a date such as 2026-01-17 or a date-time such as 2026-01-17T08:00, optionally with an offset such as 2026-01-17T08:00+07:00"

    /// A date field as an instant; a date without a time is the start of the day in `timeZone`.
    static func date(_ raw: String, timeZone: TimeZone, file: String, line: Int, column: Int) throws -> Date {
        let text = LoadSession.trimmed(raw)
        guard !text.isEmpty else {
            throw DataError(.invalidTime, file: file, line: line, column: column,
                            message: "the date is empty; \(dateForms)")
        }
        guard let parsed = ParsedTime(text) else {
            throw DataError(.invalidTime, file: file, line: line, column: column,
                            message: "\"\(LoadSession.quoted(text))\" is not a date; \(dateForms)")
        }
        return parsed.date(in: timeZone)
    }
}
