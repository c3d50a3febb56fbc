import Foundation
import InflowCore

/// Reads a keyed file one key at a time, keeping only the keys of one ``/InflowCore/Shard``: the streaming reader of
/// sharded runs (`inflow project --shard k/n`).
///
/// The rows of each key must follow each other (a file sorted or grouped by key, as a partition of a
/// distributed engine is); the rows of one key are loaded with the same checks as ``SeriesLoader`` (their
/// errors name the file's own lines) into data with that key as its only series, then handed over and
/// forgotten. So memory is bounded by the largest key's rows plus one string per key seen, not by the file.
/// Rows of keys outside the shard are read and skipped without being checked: their shard checks them.
///
/// ```swift
/// let reader = try KeyGroupReader(reader: CSVReader(contentsOf: url), options: LoadOptions(keyColumns: ["site"]),
///                                 shard: Shard("2/8")!)
/// while let group = try reader.next() { print(group.key, group.data.series[0].count) }
/// ```
/// - Complexity: O(rows) to read; each key's rows are checked as ``SeriesLoader`` checks a file.
public final class KeyGroupReader {
    /// The shard kept.
    public let shard: Shard
    /// Keys seen so far, in and out of the shard.
    public private(set) var keysSeen = 0
    /// Keys of the shard handed over so far.
    public private(set) var keysInShard = 0

    private let reader: CSVReader
    private let options: LoadOptions
    private let now: Date
    private let header: CSVRecord
    private let keyIndexes: [Int]
    private var finished: [String: Int] = [:]     // key -> its first line
    private var pending: CSVRecord?
    /// Whether a key's data already carried the warning that times were read as UTC (it is said once per file).
    private var warnedTimesReadAsUTC = false

    /// A reader of `reader`'s keys in `shard`, by `options.keyColumns`.
    /// - Throws: ``DataError`` for a missing header or key column (as ``SeriesLoader`` words it), and when
    ///   `options` name no key column or name group columns (a sharded run treats keys as independent series).
    public init(reader: CSVReader, options: LoadOptions, shard: Shard = .whole, now: Date = Date()) throws {
        self.reader = reader
        self.options = options
        self.shard = shard
        self.now = now
        header = try reader.readHeader()
        guard !options.keyColumns.isEmpty else {
            throw DataError(.missingColumn, file: reader.name, line: header.line,
                            message: "a sharded run reads one key at a time; name the key column (such as province or site)")
        }
        guard options.groupColumns.isEmpty else {
            throw DataError(.missingColumn, file: reader.name, line: header.line,
                            message: "a sharded run analyses each key as an independent series, without groups; leave the group columns out")
        }
        let names = header.fields.map { LoadSession.trimmed($0) }
        var indexes: [Int] = []
        for key in options.keyColumns {
            if let index = names.firstIndex(of: key) ?? names.firstIndex(where: { $0.lowercased() == key.lowercased() }) {
                indexes.append(index)
            } else {
                // The loader's own words for a missing column.
                let probe = BufferedRecords(name: reader.name, header: header, comments: reader.comments,
                                            commentLines: reader.commentLines, records: [])
                _ = try LoadSession(options: options, now: now, file: reader.name, collecting: false).run(probe)
                throw DataError(.missingColumn, file: reader.name, line: header.line, message: "no column named \"\(key)\"")
            }
        }
        keyIndexes = indexes
    }

    /// The next key of the shard, loaded; `nil` after the last.
    /// - Throws: ``DataError`` for the key's first problem, or when a key's rows resume after another key's
    ///   (`unsortedRows`: the file must be grouped by key).
    public func next() throws -> KeyGroup? {
        while true {
            guard let first = try pending ?? reader.next() else { return nil }
            pending = nil
            let key = self.key(of: first)
            if let line = finished[key] {
                throw DataError(.unsortedRows, file: reader.name, line: first.line,
                                message: "rows of \"\(LoadSession.quoted(key))\" resume here after other keys (its first row is on line \(line)); "
                                    + "a sharded run reads one key at a time, so the rows of each key must follow each other: sort or group the file by key")
            }
            finished[key] = first.line
            keysSeen += 1
            let keep = shard.contains(key)
            var rows = keep ? [first] : []
            while let record = try reader.next() {
                guard self.key(of: record) == key else {
                    pending = record
                    break
                }
                if keep { rows.append(record) }
            }
            guard keep else { continue }
            let source = BufferedRecords(name: reader.name, header: header, comments: reader.comments,
                                         commentLines: reader.commentLines, records: rows)
            rows = []
            guard var data = try LoadSession(options: options, now: now, file: reader.name, collecting: false).run(source),
                  let series = data.series.first else { continue }   // a key naming the file's own total
            data.series = [series]
            data.total = nil
            data.keyColumns = []
            data.keyValues = [[]]
            data.keyLines = [first.line]
            data.groupValues = [[]]
            if warnedTimesReadAsUTC {
                data.warnings.removeAll { $0.kind == .timesReadAsUTC }
            } else if data.warnings.contains(where: { $0.kind == .timesReadAsUTC }) {
                warnedTimesReadAsUTC = true
            }
            keysInShard += 1
            return KeyGroup(key: key, data: data)
        }
    }

    /// The key of a record: its key fields, trimmed, joined by " / " (short records: what they have).
    private func key(of record: CSVRecord) -> String {
        keyIndexes.map { $0 < record.fields.count ? LoadSession.trimmed(record.fields[$0]) : "" }.joined(separator: " / ")
    }
}
