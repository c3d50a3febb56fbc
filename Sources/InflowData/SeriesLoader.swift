import InflowCore
import Foundation

/// Reads a CSV file of published figures into ``LoadedData``: one `InflowSeries` per key, the total
/// over keys, the warnings and the provenance comments.
///
/// ```swift
/// let loader = SeriesLoader(options: LoadOptions(keyColumns: ["province"]))
/// let data = try loader.load(contentsOf: URL(fileURLWithPath: "arrivals.csv"))
/// for warning in data.warnings { print(warning) }
/// ```
///
/// The file is streamed: rows are checked and aggregated as they are read, so memory is bounded by
/// the number of distinct (key, time) pairs, not by the number of rows. Rows of counts that share a
/// time and key are added together (one warning says how many); cumulative totals and levels must
/// have one row per time and key. See ``LoadOptions`` for how columns, times and values are read,
/// and ``DataCheck`` to list every problem of a file instead of stopping at the first.
///
/// - Complexity: O(n) in the rows read, plus O(m log m) to sort the m distinct (key, time) pairs.
public struct SeriesLoader: Sendable {
    /// How to read the file.
    public var options: LoadOptions
    /// The present, for the check that no time lies in the future. A date without a clock time is
    /// in the future when its day is after today's date in ``LoadOptions/timeZone``.
    public var now: Date

    /// A loader.
    public init(options: LoadOptions = LoadOptions(), now: Date = Date()) {
        self.options = options
        self.now = now
    }

    /// Loads the file at `url`.
    /// - Parameters:
    ///   - url: the CSV file.
    ///   - name: the file as named in messages; default: the path as given in `url`.
    /// - Throws: the first ``DataError`` found.
    public func load(contentsOf url: URL, name: String? = nil) throws -> LoadedData {
        try load(from: CSVReader(contentsOf: url, name: name))
    }

    /// Loads CSV text held in memory.
    /// - Throws: the first ``DataError`` found.
    public func load(csv text: String, name: String = "input.csv") throws -> LoadedData {
        try load(from: CSVReader(string: text, name: name))
    }

    /// Loads from a reader that has not yet read past its header.
    /// - Throws: the first ``DataError`` found.
    public func load(from reader: CSVReader) throws -> LoadedData {
        let session = LoadSession(options: options, now: now, file: reader.name, collecting: false)
        guard let data = try session.run(reader) else {
            preconditionFailure("a throwing load session returned no data without an error")
        }
        return data
    }
}
