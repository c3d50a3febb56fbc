import Foundation
import InflowCore
import InflowData

/// Arrivals counted by province of origin: what province-level figures (a file with a province key column)
/// say, in the days of the site's series.
///
/// Each province's series is turned into interval counts (``/InflowCore/InflowSeries/prepared()``); the first total of a
/// cumulative series counted from an unknown start becomes an interval that starts before any release
/// (`start = -infinity`), since those people too arrived by then. Keys that name no province (`unknown`,
/// `other`, `unattributed`, `not stated`) count towards the site's total but inform no province.
public struct ProvinceCounts: Sendable {
    /// Interval counts by ISO code, in the site series' days.
    public let intervals: [String: [CountInterval]]

    /// Keys taken as "origin not stated".
    public static let unattributedKeys: Set<String> = ["unknown", "other", "others", "unattributed", "not stated",
                                                       "notstated", "unspecified", "n/a", "na"]

    /// Counts by ISO code.
    public init(intervals: [String: [CountInterval]]) {
        self.intervals = intervals.filter { !$0.value.isEmpty }
    }

    /// The ISO codes with counts.
    public var codes: Set<String> { Set(intervals.keys) }

    /// The time the breakdown covers: from the earliest interval start (minus infinity when a first total
    /// counts everyone who came before it) to the latest end.
    public var coverage: (start: Double, end: Double)? {
        let all = intervals.values.flatMap { $0 }
        guard let start = all.map(\.start).min(), let end = all.map(\.end).max() else { return nil }
        return (start, end)
    }

    /// The intervals that inform province `code`: its own, or, for a province absent from the breakdown, one
    /// interval over the ``coverage`` with no arrival. A breakdown by province is taken as exhaustive: people
    /// whose origin is not stated are counted under an unattributed key, so a province that is not listed
    /// sent nobody in that time.
    public func observedIntervals(_ code: String) -> [CountInterval] {
        if let own = intervals[code] { return own }
        guard let coverage else { return [] }
        return [CountInterval(start: coverage.start, end: coverage.end, count: 0)]
    }

    /// Arrivals counted from province `code` (0 when none).
    public func total(_ code: String) -> Double { intervals[code]?.reduce(0) { $0 + $1.count } ?? 0 }

    /// The end of the last interval counted from `code`.
    public func lastTime(_ code: String) -> Double? { intervals[code]?.last?.end }

    /// The province counts in `data`'s keyed series, in days since `origin`; `nil` when the data have no keys.
    /// - Throws: ``ProvincialError/unknownProvince(key:line:file:suggestion:)`` for a key that names no
    ///   province of `gazetteer` (with the nearest name), ``ProvincialError/levelSeries(key:)`` for
    ///   level (stock) series, which are not arrival counts.
    public static func from(_ data: LoadedData, gazetteer: ProvinceGazetteer, origin: Date) throws(ProvincialError)
        -> ProvinceCounts? {
        guard !data.keyColumns.isEmpty, !data.series.isEmpty else { return nil }
        return try from(series: data.series, gazetteer: gazetteer, origin: origin, file: data.file, keyLines: data.keyLines)
    }

    /// The province counts of `series`, each named by a province (name or ISO code), in days since `origin`.
    /// `file` and `keyLines` (the line of each series' key) place errors. See ``from(_:gazetteer:origin:)``.
    public static func from(series list: [InflowSeries], gazetteer: ProvinceGazetteer, origin: Date, file: String = "input",
                            keyLines: [Int] = []) throws(ProvincialError) -> ProvinceCounts {
        var intervals: [String: [CountInterval]] = [:]
        for (index, series) in list.enumerated() {
            let name = series.name.trimmingCharacters(in: .whitespaces)
            if unattributedKeys.contains(name.lowercased()) { continue }
            guard let province = gazetteer.province(named: name) else {
                let line = index < keyLines.count ? keyLines[index] : nil
                throw .unknownProvince(key: name, line: line, file: file,
                                       suggestion: gazetteer.nearest(to: name).map { "\($0.name) (\($0.isoCode))" })
            }
            guard series.kind != .level else { throw .levelSeries(key: name) }
            let prepared = series.prepared()
            let shift = prepared.origin.timeIntervalSince(origin) / InflowSeries.secondsPerDay
            var list = intervals[province.isoCode] ?? []
            if series.kind == .cumulative && prepared.baseline > 0, let first = prepared.intervals.first {
                list.append(CountInterval(start: -.infinity, end: first.start + shift, count: prepared.baseline))
            }
            list += prepared.intervals.map { CountInterval(start: $0.start + shift, end: $0.end + shift, count: $0.count) }
            intervals[province.isoCode] = list.sorted { $0.end < $1.end }
        }
        return ProvinceCounts(intervals: intervals)
    }
}
